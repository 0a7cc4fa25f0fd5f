#include "sim/rng/philox.hpp"

#include <gtest/gtest.h>

namespace kfsim::rng {
namespace {

// Known-answer vectors published with Random123 (tests/kat_vectors):
// counter (4 words), key (2 words) -> output (4 words).
struct KnownAnswer {
  PhiloxCounter counter;
  PhiloxKey key;
  PhiloxCounter expected;
};

TEST(Philox4x32_10, MatchesPublishedKnownAnswers) {
  const KnownAnswer vectors[] = {
      {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
      {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
       {0xffffffff, 0xffffffff},
       {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
      {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
       {0xa4093822, 0x299f31d0},
       {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
  };
  for (const auto& v : vectors) {
    EXPECT_EQ(philox4x32_10(v.counter, v.key), v.expected);
  }
}

TEST(Philox4x32_10, IsAConstantExpression) {
  constexpr auto out = philox4x32_10({0, 0, 0, 0}, {0, 0});
  static_assert(out[0] == 0x6627e8d5u);
  EXPECT_EQ(out[3], 0x9b00dbd8u);
}

}  // namespace
}  // namespace kfsim::rng
