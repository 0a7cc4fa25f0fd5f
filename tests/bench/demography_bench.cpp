// One month of the demography process (ageing, deaths, births, moves) on the world of the
// real baseline scenario, per thread count: the figure is per person-month, as kfsim's
// end-to-end speed is.
#include "tests/bench/baseline_world.hpp"

namespace kfsim::bench {
namespace {

void BM_DemographyMonth(benchmark::State& state) { time_process(state, Process::Demography); }
BENCHMARK(BM_DemographyMonth)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(bench_months())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kfsim::bench
