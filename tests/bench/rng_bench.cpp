// Micro-benchmarks of the random-number layer: one Philox block, the keyed
// draws a person uses each month, and the same blocks computed for a block of
// persons at once by each version of draw_batch.hpp this processor supports.
#include <benchmark/benchmark.h>

#include <array>
#include <vector>

#include "sim/rng/draw_batch.hpp"
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

// One Philox block per person for 4096 persons (kDefaultGrain, a parallel
// block's size); items are blocks. Arg: 0 portable, 1 AVX2, 2 AVX-512.
void BM_PhiloxWordsBatch(benchmark::State& state) {
  const auto implementation = static_cast<BatchImplementation>(state.range(0));
  const auto best = best_batch_implementation();
  if (static_cast<int>(implementation) > static_cast<int>(best)) {
    state.SkipWithError("not supported by this processor");
    return;
  }
  const std::size_t n = 4096;
  std::vector<std::int64_t> ids(n);
  for (std::size_t i = 0; i < n; ++i) ids[i] = static_cast<std::int64_t>(i * 7 + 3);
  std::vector<std::uint32_t> words(4 * n);
  const std::array<std::uint32_t*, 4> out = {words.data(), words.data() + n, words.data() + 2 * n,
                                             words.data() + 3 * n};
  const RngKey key(20240101, 0);
  int month = 0;
  for (auto _ : state) {
    philox_words(key, ids, Month::from_index(month++), Stream::Demography, 0, out, implementation);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
  state.SetLabel(batch_implementation_name(implementation));
}
BENCHMARK(BM_PhiloxWordsBatch)->Arg(0)->Arg(1)->Arg(2);

}  // namespace
}  // namespace kfsim::rng
