#!/usr/bin/env bash
# Makes the example briefing in docs/briefing/: builds kfsim (Release, as
# scripts/run-baseline.sh does), runs the baseline and two scenarios to 2050
# with 5 replicates each, writes briefing.html and briefing.pdf with
# `kfsim brief`, and briefing-page1.png, the PDF's first page.
# Usage: bash scripts/make-example-briefing.sh [REPLICATES]
set -euo pipefail
cd "$(dirname "$0")/.."
replicates="${1:-5}"
bash scripts/install-deps.sh --python
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DKFSIM_BUILD_TESTS=OFF -DKFSIM_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build/release --target kfsim -j"$(nproc)"
kfsim=./build/release/sim/app/kfsim
mkdir -p results/example-briefing docs/briefing
files=()
for scenario in baseline more_nursing_places activation; do
  file="results/example-briefing/${scenario}.h5"
  "$kfsim" run "scenarios/${scenario}.toml" --replicates "$replicates" -o "$file" --force --quiet
  files+=("$file")
done
"$kfsim" brief "${files[@]}" -o docs/briefing/briefing.html --years 2030,2035,2040 --force
pdftoppm -f 1 -l 1 -r 60 -png -singlefile docs/briefing/briefing.pdf docs/briefing/briefing-page1
ls -l docs/briefing
