// One month of the labour market (LabourMarket::step: separations, demand, search and
// matching, recording) on the world of the real baseline scenario, per thread count, per
// person-month.
#include "tests/bench/baseline_world.hpp"

namespace kfsim::bench {
namespace {

void BM_LabourMarketMonth(benchmark::State& state) { time_process(state, Process::LabourMarket); }
BENCHMARK(BM_LabourMarketMonth)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(bench_months())
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kfsim::bench
