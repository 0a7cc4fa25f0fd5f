#!/usr/bin/env bash
# Installs what is missing, builds kfsim and runs every test: the C++ unit tests
# and the end-to-end checks of the command line and result files (ctest), then
# the C++ tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
# Set KFSIM_SKIP_SANITIZERS=1 to skip the sanitizer pass.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --python
jobs="$(nproc)"

cmake -S . -B build/test -DCMAKE_BUILD_TYPE=Release -DKFSIM_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build/test -j"$jobs"
(cd build/test && ctest --output-on-failure -j"$jobs")

if [ "${KFSIM_SKIP_SANITIZERS:-0}" != 1 ]; then
  # Without MPI: OpenMPI's own start-up allocations would read as leaks; the MPI path is
  # tested in the pass above, and everything else MPI does goes through the same code.
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DKFSIM_SANITIZE="address;undefined" \
    -DKFSIM_BUILD_BENCHMARKS=OFF -DKFSIM_WARNINGS_AS_ERRORS=ON -DKFSIM_MPI=OFF >/dev/null
  cmake --build build/asan -j"$jobs"
  # The end-to-end tests run the sanitized binary too; ASan's leak checker is on.
  (cd build/asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j"$jobs")
fi
