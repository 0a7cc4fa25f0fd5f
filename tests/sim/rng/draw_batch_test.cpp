// Batched draws give the words Draws gives, for every version the processor
// supports, every length (the vector loops' remainders) and both blocks.
#include "sim/rng/draw_batch.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <vector>

namespace kfsim::rng {
namespace {

std::vector<BatchImplementation> supported() {
  std::vector<BatchImplementation> out = {BatchImplementation::Portable};
  const auto best = best_batch_implementation();
  if (best != BatchImplementation::Portable) out.push_back(BatchImplementation::Avx2);
  if (best == BatchImplementation::Avx512) out.push_back(BatchImplementation::Avx512);
  return out;
}

TEST(DrawBatch, WordsEqualThoseOfDraws) {
  const RngKey key(20240101, 3);
  const Month month = Month::from_index(24 * 12 + 5);
  // Ids with high words too, and a length that leaves remainders for 4 and 8 lanes.
  std::vector<std::int64_t> ids;
  for (std::int64_t i = 0; i < 37; ++i) ids.push_back(i * 7919 + (i % 3 == 0 ? (i << 33) : 0));
  for (const auto implementation : supported()) {
    for (std::size_t n = 0; n <= ids.size(); n += (n < 17 ? 1 : 5)) {
      for (std::uint32_t block = 0; block < 2; ++block) {
        std::array<std::vector<std::uint32_t>, 4> words;
        for (auto& w : words) w.assign(n + 1, 0xDEADBEEFu);
        philox_words(key, std::span(ids.data(), n), month, Stream::LabourSeparation, block,
                     {words[0].data(), words[1].data(), words[2].data(), words[3].data()},
                     implementation);
        for (std::size_t i = 0; i < n; ++i) {
          Draws draws(key, static_cast<std::uint64_t>(ids[i]), month, Stream::LabourSeparation);
          for (std::uint32_t skip = 0; skip < 4 * block; ++skip) draws.next_u32();
          for (std::size_t w = 0; w < 4; ++w) {
            ASSERT_EQ(words[w][i], draws.next_u32())
                << batch_implementation_name(implementation) << " n " << n << " block " << block
                << " id " << ids[i] << " word " << w;
          }
        }
        // Nothing written past the ids.
        for (const auto& w : words) EXPECT_EQ(w[n], 0xDEADBEEFu);
      }
    }
  }
}

TEST(DrawBatch, UniformOfAWordIsThatOfDraws) {
  const RngKey key(7, 0);
  Draws draws(key, 42, Month::from_index(300), Stream::Demography);
  Draws again(key, 42, Month::from_index(300), Stream::Demography);
  EXPECT_EQ(uniform_of(draws.next_u32()), again.uniform());
}

}  // namespace
}  // namespace kfsim::rng
