#!/usr/bin/env bash
# Installs what is missing, builds kfsim and runs every test, in stages:
#   1. Release build with warnings as errors; ctest: the C++ unit tests and the end-to-end
#      checks of the command line, result files, notebooks and briefing (full-size runs here);
#   2. the same tests again in an AddressSanitizer + UndefinedBehaviorSanitizer build at -O1
#      with the runtime checks on (KFSIM_SKIP_SANITIZERS=1 skips it; its end-to-end tests make
#      smaller runs, see tests/python/kfsim_testing.py);
#   3. the parallel tests under ThreadSanitizer (KFSIM_SKIP_TSAN=1 skips it);
#   4. the libFuzzer targets for KFSIM_FUZZ_SECONDS each (default 10; KFSIM_SKIP_FUZZ=1 skips).
# Each stage's wall time is printed at the end. The whole takes about 38 minutes on a 2-core
# machine (README, "Tests").
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
stage_names=()
stage_seconds=()
stage_start=$SECONDS
# Ends the current stage: records its name and wall time.
stage_done() {
  stage_names+=("$1")
  stage_seconds+=($((SECONDS - stage_start)))
  echo "test.sh: stage '$1' took $((SECONDS - stage_start)) s" >&2
  stage_start=$SECONDS
}
print_stages() {
  echo "test.sh: stage times (wall, s):" >&2
  for i in "${!stage_names[@]}"; do
    printf '  %-22s %6d\n' "${stage_names[$i]}" "${stage_seconds[$i]}" >&2
  done
  printf '  %-22s %6d\n' total "$SECONDS" >&2
}
trap print_stages EXIT

bash scripts/install-deps.sh --python
stage_done "install check"

# In build/release, the folder of the README's first command: its test (quickstart_run_baseline)
# then checks the command on this build instead of compiling kfsim a second time.
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DKFSIM_BUILD_TESTS=ON \
  -DKFSIM_BUILD_BENCHMARKS=ON -DKFSIM_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build/release -j"$jobs"
stage_done "release build"
(cd build/release && ctest --output-on-failure -j"$jobs")
stage_done "release tests"

if [ "${KFSIM_SKIP_SANITIZERS:-0}" != 1 ]; then
  # Without MPI: OpenMPI's own start-up allocations would read as leaks; the MPI path is
  # tested in the pass above, and everything else MPI does goes through the same code.
  # -O1: ASan's and UBSan's checks are all there at -O1 (GCC and clang recommend it for
  # ASan), and the tests run several times faster than at -O0. Debug keeps the runtime checks.
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
    -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DKFSIM_SANITIZE="address;undefined" \
    -DKFSIM_BUILD_BENCHMARKS=OFF -DKFSIM_WARNINGS_AS_ERRORS=ON -DKFSIM_MPI=OFF >/dev/null
  cmake --build build/asan -j"$jobs"
  stage_done "asan build"
  # The end-to-end tests run the sanitized binary too; ASan's leak checker is on.
  (cd build/asan && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest --output-on-failure -j"$jobs")
  stage_done "asan tests"
fi

# The parallel tests under ThreadSanitizer, with a libtbb built with TSan from Debian's own
# oneTBB source (scripts/build-tbb-tsan.sh): the parallel loops, the ensemble runner with runs
# nested in one arena, the determinism tests of each model across thread counts, and a
# 2-replicate ensemble of the kfsim binary on 2 threads over half a year (the last month runs
# the year-end recording too). KFSIM_SKIP_TSAN=1 skips this.
if [ "${KFSIM_SKIP_SANITIZERS:-0}" != 1 ] && [ "${KFSIM_SKIP_TSAN:-0}" != 1 ]; then
  bash scripts/build-tbb-tsan.sh build/tbb-tsan
  # -O1 -g, as ThreadSanitizer's documentation builds: every access is still instrumented.
  cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKFSIM_SANITIZE=thread \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DKFSIM_BUILD_BENCHMARKS=OFF -DKFSIM_WARNINGS_AS_ERRORS=ON -DKFSIM_MPI=OFF >/dev/null
  cmake --build build/tsan -j"$jobs" --target kfsim_sim_tests kfsim_models_tests kfsim
  stage_done "tsan build"
  export LD_LIBRARY_PATH="$PWD/build/tbb-tsan/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1"
  ./build/tsan/tests/kfsim_sim_tests \
    --gtest_filter='DeterministicReduce*:ParallelBlocks*:EnsembleRun*:Draws*:Table*'
  # The models' thread-count tests (IdenticalFor...), not their one-thread bit-identity tests,
  # which the two passes above run.
  ./build/tsan/tests/kfsim_models_tests --gtest_filter='*IdenticalFor*:Matching*:Invariants*'
  tsan_out="$(mktemp -d)"
  ./build/tsan/sim/app/kfsim run scenarios/baseline.toml --set end=2024-06 --replicates 2 \
    --threads 2 --check --quiet -o "$tsan_out/tsan.h5"
  rm -rf "$tsan_out"
  unset LD_LIBRARY_PATH TSAN_OPTIONS
  stage_done "tsan tests"
fi

# Last, the libFuzzer targets of tests/fuzz (scripts/fuzz.sh): 5 targets, KFSIM_FUZZ_SECONDS
# each (default 10, which keeps the whole suite within its 40-minute budget on 2 cores; longer
# sessions: scripts/fuzz.sh SECONDS), with
# their seed corpus and every earlier finding. Set KFSIM_SKIP_FUZZ=1 to skip.
if [ "${KFSIM_SKIP_FUZZ:-0}" != 1 ]; then
  bash scripts/fuzz.sh "${KFSIM_FUZZ_SECONDS:-10}"
  stage_done "fuzzing"
fi
