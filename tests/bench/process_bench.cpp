// One month of each process on the world of the real baseline scenario, per
// thread count: the demography (ageing, deaths, births, moves), education
// (applications, intake, progression, graduation) and the labour market
// (separations, demand, search and matching). Each figure is per person-month,
// as kfsim's end-to-end speed is.
#include "tests/bench/baseline_world.hpp"

namespace kfsim::bench {
namespace {

void BM_DemographyMonth(benchmark::State& state) { time_process(state, Process::Demography); }
void BM_EducationMonth(benchmark::State& state) { time_process(state, Process::Education); }
void BM_LabourMarketMonth(benchmark::State& state) { time_process(state, Process::LabourMarket); }

// Each on 1 and 2 threads, for the months bench_months() names.
void per_thread_count(benchmark::internal::Benchmark* benchmark) {
  benchmark->Arg(1)
      ->Arg(2)
      ->Iterations(bench_months())
      ->Unit(benchmark::kMillisecond)
      ->UseRealTime();
}

BENCHMARK(BM_DemographyMonth)->Apply(per_thread_count);
BENCHMARK(BM_EducationMonth)->Apply(per_thread_count);
BENCHMARK(BM_LabourMarketMonth)->Apply(per_thread_count);

}  // namespace
}  // namespace kfsim::bench
