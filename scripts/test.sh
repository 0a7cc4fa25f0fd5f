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

# The parallel tests under ThreadSanitizer, with a libtbb built with TSan from Debian's own
# oneTBB source (scripts/build-tbb-tsan.sh): the parallel loops, the ensemble runner with runs
# nested in one arena, the determinism tests of each model across thread counts, and a
# 3-replicate ensemble of the kfsim binary on 2 threads. KFSIM_SKIP_TSAN=1 skips this.
if [ "${KFSIM_SKIP_SANITIZERS:-0}" != 1 ] && [ "${KFSIM_SKIP_TSAN:-0}" != 1 ]; then
  bash scripts/build-tbb-tsan.sh build/tbb-tsan
  cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKFSIM_SANITIZE=thread \
    -DKFSIM_BUILD_BENCHMARKS=OFF -DKFSIM_WARNINGS_AS_ERRORS=ON -DKFSIM_MPI=OFF >/dev/null
  cmake --build build/tsan -j"$jobs" --target kfsim_sim_tests kfsim_models_tests kfsim
  export LD_LIBRARY_PATH="$PWD/build/tbb-tsan/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
  ./build/tsan/tests/kfsim_sim_tests \
    --gtest_filter='DeterministicReduce*:ParallelBlocks*:EnsembleRun*:Draws*:Table*'
  ./build/tsan/tests/kfsim_models_tests --gtest_filter='*Identical*:Matching*:Invariants*'
  tsan_out="$(mktemp -d)"
  ./build/tsan/sim/app/kfsim run scenarios/baseline.toml --set end=2024-12 --replicates 3 \
    --threads 2 --check --quiet -o "$tsan_out/tsan.h5"
  rm -rf "$tsan_out"
  unset LD_LIBRARY_PATH TSAN_OPTIONS
fi

# Last, the libFuzzer targets of tests/fuzz (scripts/fuzz.sh): 4 targets, 60 s each, with their
# seed corpus and every earlier finding. Set KFSIM_SKIP_FUZZ=1 to skip.
if [ "${KFSIM_SKIP_FUZZ:-0}" != 1 ]; then
  bash scripts/fuzz.sh 60
fi
