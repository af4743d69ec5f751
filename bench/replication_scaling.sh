#!/usr/bin/env bash
# Replications per second of `parcours run` on 1 and 2 threads, and under `mpirun -np 2` when
# Open MPI is installed (the release MPI build, build/mpi, as docs/experiments.md makes it; its
# speed-up is against itself in one process), on scenarios/exact_parcours.lua (6 years, every
# Parcours to its end). Prints a Markdown table (docs/performance.md).
#
# Settings, from the environment:
#   SCALING_SCENARIO=scenarios/exact_parcours.lua
#   SCALING_CLIENTS=20000    clients per replication (arrivals.count)
#   SCALING_REPS=16          replications per run
#   SCALING_REPEATS=3        runs per configuration (the median is reported)
#   BENCH_SKIP_BUILD=1       use the binaries already in build/release and build/mpi
set -euo pipefail
cd "$(dirname "$0")/.."

scenario=${SCALING_SCENARIO:-scenarios/exact_parcours.lua}
clients=${SCALING_CLIENTS:-20000}
reps=${SCALING_REPS:-16}
repeats=${SCALING_REPEATS:-3}
parcours=build/release/sim/app/parcours
mpi_parcours=build/mpi/sim/app/parcours

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  cmake --preset release >/dev/null
  cmake --build build/release --target parcours
  if command -v mpirun >/dev/null; then
    cmake --preset release -B build/mpi -DPARCOURS_MPI=ON -DPARCOURS_TESTS=OFF >/dev/null
    cmake --build build/mpi --target parcours
  fi
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure CMD...: "wall_seconds cpu_seconds" of the run with the median wall time among
# $repeats runs (cpu: user + system of the process and everything it started).
measure() {
  python3 - "$repeats" "$@" <<'PY'
import resource, subprocess, sys, time
repeats, command = int(sys.argv[1]), sys.argv[2:]
runs = []
for _ in range(repeats):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    runs.append((wall, cpu))
runs.sort()
print(*runs[(len(runs) - 1) // 2])
PY
}

args=("$scenario" --set "arrivals.count=$clients" -r "$reps" -q --no-registry)
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
read -r t1 c1 < <(measure "$parcours" run "${args[@]}" -j 1 --out "$out/j1")
read -r t2 c2 < <(measure "$parcours" run "${args[@]}" -j 2 --out "$out/j2")
cmp "$out/j1/indicators_yearly.csv" "$out/j2/indicators_yearly.csv"
if [ -x "$mpi_parcours" ] && command -v mpirun >/dev/null; then
  # The MPI program in one process and on two ranks: the speed-up against itself.
  mpirun=(mpirun --allow-run-as-root --oversubscribe -np 2)
  read -r tm1 cm1 < <(measure "$mpi_parcours" run "${args[@]}" -j 1 --out "$out/mpi1")
  read -r tm2 cm2 < <(measure "${mpirun[@]}" "$mpi_parcours" run "${args[@]}" -j 1 --out "$out/mpi2")
  cmp "$out/mpi1/indicators_yearly.csv" "$out/mpi2/indicators_yearly.csv"
fi

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git rev-parse --short HEAD);" \
  "$scenario, $clients clients x $reps replications, median of $repeats runs; load average at the start" \
  "$load_at_start, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| configuration | wall s | CPU s | replications/s | speed-up over 1 thread |"
echo "|---|---|---|---|---|"
row() {
  python3 -c "import sys; n, r, t, c, t1 = sys.argv[1], int(sys.argv[2]), *map(float, sys.argv[3:]); print(f'| {n} | {t:.2f} | {c:.2f} | {r / t:.2f} | {t1 / t:.2f} |')" "$@"
}
row "1 process, -j 1" "$reps" "$t1" "$c1" "$t1"
row "1 process, -j 2" "$reps" "$t2" "$c2" "$t1"
if [ -n "${tm1:-}" ]; then
  row "MPI build (release), 1 process, -j 1" "$reps" "$tm1" "$cm1" "$tm1"
  row "MPI build (release), mpirun -np 2, -j 1 each" "$reps" "$tm2" "$cm2" "$tm1"
fi
