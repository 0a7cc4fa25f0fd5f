// Micro-benchmarks of the random-number layer: one Philox block, and the keyed
// draws a person uses each month.
#include <benchmark/benchmark.h>

#include "sim/rng/random.hpp"

namespace kfsim::rng {
namespace {

void BM_Philox4x32_10(benchmark::State& state) {
  PhiloxCounter counter{0, 0, 0, 0};
  const PhiloxKey key{0x12345678u, 0x9abcdef0u};
  for (auto _ : state) {
    ++counter[0];
    benchmark::DoNotOptimize(philox4x32_10(counter, key));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Philox4x32_10);

void BM_PersonMonthDraws(benchmark::State& state) {
  const RngKey key(20240101, 0);
  const Month month = Month::of(2030, 6);
  std::uint64_t id = 0;
  for (auto _ : state) {
    Draws draws(key, id++, month, Stream::Demography);
    double sum = draws.uniform() + draws.uniform() + draws.uniform() + draws.uniform();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PersonMonthDraws);

}  // namespace
}  // namespace kfsim::rng
