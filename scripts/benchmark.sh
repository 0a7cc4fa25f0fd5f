#!/usr/bin/env bash
# Speed and memory of kfsim on this machine: the end-to-end baseline run with 1
# thread and with every core (wall time, person-months per second, peak
# memory, as kfsim reports them), a 20-replicate baseline ensemble with 1 thread
# and with every core (wall time, speed-up, and the CPU use that shows whether
# every core was busy), then the Google Benchmark micro-benchmarks.
# A benchmark, not a test: figures vary with the machine and its load.
# KFSIM_BENCH_REPLICATES (default 20) sets the ensemble's size; --ensemble-only
# skips the single runs and the micro-benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DKFSIM_BUILD_TESTS=OFF -DKFSIM_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build/bench -j"$(nproc)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
kfsim=./build/bench/sim/app/kfsim
ensemble_only=0
if [ "${1:-}" = --ensemble-only ]; then ensemble_only=1; shift; fi

if [ "$ensemble_only" = 0 ]; then
  for threads in 1 "$(nproc)"; do
    echo "== baseline, ${threads} thread(s)"
    for repeat in 1 2 3; do
      "$kfsim" run scenarios/baseline.toml -o "$out/b.h5" --force --threads "$threads" | grep -E "wall time"
    done
  done
fi

replicates="${KFSIM_BENCH_REPLICATES:-20}"
declare -A wall
for threads in 1 "$(nproc)"; do
  echo "== baseline ensemble, ${replicates} replicates, ${threads} thread(s)"
  # %e wall seconds, %P CPU use (200 % = two cores busy all the time), %M peak memory.
  /usr/bin/time -f "  time: %e s wall, CPU %P, peak %M KiB" -o "$out/time.txt" \
    "$kfsim" run scenarios/baseline.toml -o "$out/e.h5" --force --quiet \
    --replicates "$replicates" --threads "$threads"
  cat "$out/time.txt"
  wall[$threads]="$(sed -E 's/.*time: ([0-9.]+) s wall.*/\1/' "$out/time.txt")"
done
awk -v a="${wall[1]}" -v b="${wall[$(nproc)]}" -v n="$(nproc)" \
  'BEGIN { printf "  speed-up from 1 to %d threads: %.2f\n", n, a / b }'

if [ "$ensemble_only" = 0 ]; then
  echo "== micro-benchmarks"
  ./build/bench/tests/bench/kfsim_bench --benchmark_min_time=0.2 "$@"
fi
