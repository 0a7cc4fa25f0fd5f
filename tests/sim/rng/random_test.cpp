#include "sim/rng/random.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace kfsim::rng {
namespace {

const Month kMonth = Month::of(2024, 1);

TEST(Draws, SameCounterGivesSameDraws) {
  const RngKey key(42, 0);
  Draws a(key, 7, kMonth, Stream::Demography);
  Draws b(key, 7, kMonth, Stream::Demography);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a.next_u32(), b.next_u32());
}

TEST(Draws, GoldenValues) {
  // Pinned so that any change to the key or counter layout, which would change
  // every result file, is caught here first.
  Draws draws(RngKey(1, 0), 0, kMonth, Stream::Demography);
  const std::uint32_t first = draws.next_u32();
  const std::uint32_t second = draws.next_u32();
  Draws again(RngKey(1, 0), 0, kMonth, Stream::Demography);
  EXPECT_EQ(again.next_u32(), first);
  EXPECT_EQ(again.next_u32(), second);
  EXPECT_EQ(first, philox4x32_10({0, 0, static_cast<std::uint32_t>(kMonth.index()), 1u << 24},
                                 RngKey(1, 0).philox_key())[0]);
}

// Draws differing in one part of their identity must be unrelated. A sample
// correlation near zero and different first words are the observable signs.
double correlation(Draws a, Draws b, int n) {
  double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (int i = 0; i < n; ++i) {
    const double x = a.uniform();
    const double y = b.uniform();
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  const double cov = sab / n - (sa / n) * (sb / n);
  return cov / std::sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
}

TEST(Draws, NamedStreamsAreIndependent) {
  const RngKey key(2024, 0);
  const int n = 20000;
  // 4 sigma for n = 20000 is 0.028.
  EXPECT_LT(std::abs(correlation(Draws(key, 5, kMonth, Stream::Demography),
                                 Draws(key, 5, kMonth, Stream::InMigration), n)),
            0.03);
  EXPECT_LT(std::abs(correlation(Draws(key, 5, kMonth, Stream::Demography),
                                 Draws(key, 6, kMonth, Stream::Demography), n)),
            0.03);
  EXPECT_LT(std::abs(correlation(Draws(key, 5, kMonth, Stream::Demography),
                                 Draws(key, 5, kMonth + 1, Stream::Demography), n)),
            0.03);
  EXPECT_LT(std::abs(correlation(Draws(RngKey(2024, 0), 5, kMonth, Stream::Demography),
                                 Draws(RngKey(2024, 1), 5, kMonth, Stream::Demography), n)),
            0.03);
  EXPECT_NE(Draws(key, 5, kMonth, Stream::Demography).next_u32(),
            Draws(key, 5, kMonth, Stream::InMigration).next_u32());
}

TEST(Draws, UniformHasTheRightMoments) {
  Draws draws(RngKey(9, 3), 11, kMonth, Stream::Demography);
  const int n = 100000;
  double sum = 0, sum_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double u = draws.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_sq += u * u;
  }
  EXPECT_NEAR(sum / n, 0.5, 0.005);  // sd of the mean: 0.0009
  EXPECT_NEAR(sum_sq / n - 0.25, 1.0 / 12, 0.003);
}

TEST(Draws, BelowIsUniformOverItsRange) {
  Draws draws(RngKey(5, 0), 1, kMonth, Stream::Demography);
  std::vector<int> counts(12, 0);
  const int n = 120000;
  for (int i = 0; i < n; ++i) ++counts[draws.below(12)];
  for (int c : counts) EXPECT_NEAR(c, n / 12, 400);  // sd ~ 96
}

}  // namespace
}  // namespace kfsim::rng
