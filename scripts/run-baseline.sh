#!/usr/bin/env bash
# Installs what is missing, builds kfsim (Release) and runs the Østfold baseline.
# The result file is results/baseline.h5; run it again to rebuild and rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# A fresh build makes only what the baseline needs; a build folder already there keeps its
# options (scripts/test.sh builds the tests in the same folder, and this then builds nothing).
options=(-DCMAKE_BUILD_TYPE=Release)
if [ ! -f build/release/CMakeCache.txt ]; then
  options+=(-DKFSIM_BUILD_TESTS=OFF -DKFSIM_BUILD_BENCHMARKS=OFF)
fi
cmake -S . -B build/release "${options[@]}" >/dev/null
cmake --build build/release --target kfsim -j"$(nproc)"
mkdir -p results
# --force: this script's purpose is to (re)make results/baseline.h5.
./build/release/sim/app/kfsim run scenarios/baseline.toml -o results/baseline.h5 --force "$@"
echo "Inspect it with: ./build/release/sim/app/kfsim info results/baseline.h5"
