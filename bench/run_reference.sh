#!/usr/bin/env bash
# The performance benchmark of docs/performance.md: builds the release preset, runs the
# reference model (docs/performance.md, "The reference model") through the real program and
# through the bare C++ loop (a plain std::priority_queue) side by side, runs the kernel hold
# benchmark, prints a Markdown table with the targets' pass/fail (also written to
# bench/out/summary.md) and appends the medians to bench/history.csv, which is committed.
#
# Settings, from the environment:
#   BENCH_SIZES="1000000 10000000"       numbers of clients
#   BENCH_SCHEDULERS="auto"              parcours's scenario.scheduler values to run, each
#                                        beside the bare loop (e.g. "auto heap")
#   BENCH_REPS=3                         repetitions per size (the median is reported)
#   BENCH_REPS_LARGE=3                   repetitions for sizes above 100000
#   BENCH_REPS_HUGE=1                    repetitions for sizes of 10 million and more
#   BENCH_KERNEL_FILTER="."              which kernel benchmarks to run (a regex; "" for none)
#   BENCH_CMAKE_ARGS=""                  extra arguments to `cmake --preset release`
#   BENCH_SKIP_BUILD=1                   use the binaries already in build/release
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${BENCH_SIZES:-"1000000 10000000"}
schedulers=${BENCH_SCHEDULERS:-auto}
reps=${BENCH_REPS:-3}
reps_large=${BENCH_REPS_LARGE:-3}
reps_huge=${BENCH_REPS_HUGE:-1}
kernel_filter=${BENCH_KERNEL_FILTER-.}
read -r -a cmake_args <<<"${BENCH_CMAKE_ARGS:-}"

out=bench/out
parcours=build/release/sim/app/parcours
bare=build/release/bench/bare_loop
kernel=build/release/bench/kernel_hold_bench

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  cmake --preset release "${cmake_args[@]}" >/dev/null
  if ! cmake --build build/release --target parcours bare_loop kernel_hold_bench; then
    echo "run_reference: the release build failed. If only a warning stopped it (the preset" \
      "makes warnings errors), BENCH_CMAKE_ARGS=-DPARCOURS_WERROR=OFF builds the same code" \
      "without -Werror." >&2
    exit 1
  fi
fi

mkdir -p "$out"
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
runs=$out/runs.jsonl
: >"$runs"
table() { python3 bench/reference_table.py "$@"; }

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$1" "$2"; }

# The two programs alternate within each repetition, so that whatever else the machine is doing
# at a given moment weighs on both sides of the ratio.
for n in $sizes; do
  count=$reps
  [ "$n" -gt 100000 ] && count=$reps_large
  [ "$n" -ge 10000000 ] && count=$reps_huge
  for rep in $(seq 1 "$count"); do
    for scheduler in $schedulers; do
      echo "run_reference: N=$n repetition $rep/$count, parcours ($scheduler), load $(cut -d' ' -f1 /proc/loadavg)" >&2
      dir=$out/ref_${n}_$scheduler
      start=$(now)
      "$parcours" run scenarios/bench/reference.lua --set "arrivals.count=$n" \
        --set "scenario.scheduler=$scheduler" --out "$dir" --quiet --no-registry
      end=$(now)
      table record-parcours "$runs" "$n" "$rep" "$(elapsed "$start" "$end")" \
        "$dir/manifest.json" "$scheduler"
    done

    start=$(now)
    line=$("$bare" "$n")
    end=$(now)
    table record-bare "$runs" "$n" "$rep" "$(elapsed "$start" "$end")" "$line"
  done
done

if [ -n "$kernel_filter" ]; then
  echo "run_reference: kernel hold benchmark" >&2
  "$kernel" --benchmark_format=json --benchmark_repetitions=3 \
    --benchmark_report_aggregates_only=true --benchmark_filter="$kernel_filter" \
    >"$out/kernel_hold.json"
else
  echo '{"benchmarks": []}' >"$out/kernel_hold.json"
fi

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then
  commit="$commit (with uncommitted changes)"
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' build/release/CMakeCache.txt)
echo
table table "$runs" "$out/kernel_hold.json" "$out/summary.md" bench/history.csv \
  "$(date -u '+%Y-%m-%d %H:%M')" "$commit" "$load_at_start" \
  "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, $(nproc) cores, build type $build_type, $(uname -srm)" \
  "configured with: cmake --preset release ${BENCH_CMAKE_ARGS:-}" \
  "load average at the start: $load_at_start, at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
