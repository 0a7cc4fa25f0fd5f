#!/usr/bin/env bash
# Speed and memory of kfsim on this machine: the end-to-end baseline run with 1
# thread and with every core (wall time, person-months per second, peak
# memory, as kfsim reports them), then the Google Benchmark micro-benchmarks.
# A benchmark, not a test: figures vary with the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DKFSIM_BUILD_TESTS=OFF -DKFSIM_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build/bench -j"$(nproc)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for threads in 1 "$(nproc)"; do
  echo "== baseline, ${threads} thread(s)"
  for repeat in 1 2 3; do
    ./build/bench/sim/app/kfsim run scenarios/baseline.toml -o "$out/b.h5" --force --threads "$threads" | grep -E "wall time"
  done
done
echo "== micro-benchmarks"
./build/bench/tests/bench/kfsim_bench --benchmark_min_time=0.2 "$@"
