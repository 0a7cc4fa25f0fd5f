// One month of the demography process on the real 2024 population of Østfold,
// per thread count: the core of the end-to-end figure that scripts/benchmark.sh
// reports.
#include <benchmark/benchmark.h>
#include <tbb/task_arena.h>

#include "models/demography/demography.hpp"
#include "sim/run/runner.hpp"

#ifndef KFSIM_SOURCE_DIR
#error "KFSIM_SOURCE_DIR must point at the source tree"
#endif

namespace kfsim {
namespace {

const DemographyData& baseline_data() {
  static const DemographyData data = [] {
    const std::filesystem::path dir = std::filesystem::path(KFSIM_SOURCE_DIR) / "scenarios/data";
    return load_demography_data({dir / "municipalities.csv", dir / "population_2024.csv",
                                 dir / "mortality.csv", dir / "fertility.csv",
                                 dir / "migration.csv", dir / "migration_events.csv"});
  }();
  return data;
}

void BM_DemographyMonth(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const ThreadLimit limit(threads);
  tbb::task_arena arena(threads);
  const Month start = Month::of(2024, 1);
  const Month end = Month::of(2050, 12);
  MeasureSet measures;
  Persons persons;
  add_common_dimensions(measures, baseline_data().municipalities, start, end);
  Demography demography(baseline_data(), persons, measures, rng::RngKey(1, 0), start, end);
  DemographyParams params;
  params.internal_move_share = 0.3;
  arena.execute([&] { demography.populate(start); });
  Month month = start;
  for (auto _ : state) {
    arena.execute([&] { demography.step(month, params); });
    month = month == end ? start : month + 1;
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(persons.size()));
  state.SetLabel("items = person-months");
}
BENCHMARK(BM_DemographyMonth)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace kfsim
