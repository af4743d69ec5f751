#!/usr/bin/env bash
# Replications per second of `parcours run` on 1 and 2 threads, and under `mpirun -np 2` when
# the MPI build exists (build/mpi, made by scripts/test-mpi; its speed-up is against itself in
# one process, since it is a dev build), on the reference model
# (scenarios/bench/reference.lua). Prints a Markdown table (docs/performance.md).
#
# Settings, from the environment:
#   SCALING_CLIENTS=100000   clients per replication (arrivals.count)
#   SCALING_REPS=8           replications per run
#   SCALING_REPEATS=3        runs per configuration (the median is reported)
#   BENCH_SKIP_BUILD=1       use the binary already in build/release
set -euo pipefail
cd "$(dirname "$0")/.."

clients=${SCALING_CLIENTS:-100000}
reps=${SCALING_REPS:-8}
repeats=${SCALING_REPEATS:-3}
parcours=build/release/sim/app/parcours
mpi_parcours=build/mpi/sim/app/parcours

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  cmake --preset release >/dev/null
  cmake --build build/release --target parcours
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# median_seconds CMD...: the median wall time of $repeats runs of CMD.
median_seconds() {
  local times=()
  for _ in $(seq 1 "$repeats"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$start" "$end")")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((repeats + 1) / 2))p"
}

args=(scenarios/bench/reference.lua --set "arrivals.count=$clients" -r "$reps" -q)
t1=$(median_seconds "$parcours" run "${args[@]}" -j 1 --out "$out/j1")
t2=$(median_seconds "$parcours" run "${args[@]}" -j 2 --out "$out/j2")
cmp "$out/j1/indicators_yearly.csv" "$out/j2/indicators_yearly.csv"

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, commit $(git rev-parse --short HEAD)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg); $clients clients x $reps replications," \
  "median of $repeats runs"
echo
echo "| configuration | wall s | replications/s | speed-up over 1 thread |"
echo "|---|---|---|---|"
row() { python3 -c "import sys; r, t, t1 = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]); print(f'| {sys.argv[1]} | {t:.2f} | {r / t:.2f} | {t1 / t:.2f} |')" "$@"; }
row "1 process, -j 1" "$reps" "$t1" "$t1"
row "1 process, -j 2" "$reps" "$t2" "$t1"
if [ -x "$mpi_parcours" ] && command -v mpirun >/dev/null; then
  # build/mpi is scripts/test-mpi's dev build (-O2, assertions on): compared with itself.
  mpirun=(mpirun --allow-run-as-root --oversubscribe -np 2)
  tm1=$(median_seconds "$mpi_parcours" run "${args[@]}" -j 1 --out "$out/mpi1")
  tm2=$(median_seconds "${mpirun[@]}" "$mpi_parcours" run "${args[@]}" -j 1 --out "$out/mpi2")
  cmp "$out/j1/indicators_yearly.csv" "$out/mpi2/indicators_yearly.csv"
  row "MPI build (dev), 1 process, -j 1" "$reps" "$tm1" "$tm1"
  row "MPI build (dev), mpirun -np 2, -j 1 each" "$reps" "$tm2" "$tm1"
fi
