// One month of the education process (applications, intake, progression, graduation) on the
// world of the real baseline scenario, per thread count, per person-month.
#include "tests/bench/baseline_world.hpp"

namespace kfsim::bench {
namespace {

void BM_EducationMonth(benchmark::State& state) { time_process(state, Process::Education); }
BENCHMARK(BM_EducationMonth)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(bench_months())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kfsim::bench
