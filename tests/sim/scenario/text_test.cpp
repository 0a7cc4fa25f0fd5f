#include "sim/scenario/text.hpp"

#include <gtest/gtest.h>

#include <string>

#include "sim/scenario/edit_distance.hpp"

namespace kfsim::scenario {
namespace {

TEST(ScenarioText, EditDistance) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("seed", "seed"), 0u);
  EXPECT_EQ(edit_distance("sed", "seed"), 1u);
  // Adjacent swaps cost one edit, not two.
  EXPECT_EQ(edit_distance("strat", "start"), 1u);
  EXPECT_EQ(edit_distance("ab", "ba"), 1u);
  EXPECT_EQ(edit_distance("demografy", "demography"), 2u);
}

TEST(ScenarioText, NearestOf) {
  const std::vector<std::string> keys = {"start", "end", "seed", "demography.fertility_scale",
                                         "labour.retirement_age"};
  EXPECT_EQ(nearest_of(keys, "strat"), "start");
  EXPECT_EQ(nearest_of(keys, "SEED"), "seed");
  EXPECT_EQ(nearest_of(keys, "demografy.fertility_scale"), "demography.fertility_scale");
  EXPECT_EQ(nearest_of(keys, "fertility_scale"), "demography.fertility_scale");
  EXPECT_EQ(nearest_of(keys, "labor.retirement_age"), "labour.retirement_age");
  EXPECT_EQ(nearest_of(keys, "population"), "");
  EXPECT_EQ(nearest_of(keys, "x"), "");
  EXPECT_EQ(nearest_of(keys, ""), "");
  EXPECT_EQ(nearest_of(keys, std::string(100000, 's')), "");
  EXPECT_EQ(nearest_of({}, "seed"), "");
}

TEST(ScenarioText, Utf8Validity) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Østfold – Fredrikstad 🚗"));
  EXPECT_FALSE(is_valid_utf8("\xff"));
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe2\x82"));          // cut short
}

TEST(ScenarioText, PrintableKeepsMessagesOnOneLine) {
  EXPECT_EQ(printable("plain Østfold"), "plain Østfold");
  EXPECT_EQ(printable("a\nb\tc\x01\xff"), "a\\nb\\tc\\x01\\xFF");
  EXPECT_EQ(printable(std::string(200, 'x'), 10), std::string(10, 'x') + "...");
}

TEST(ScenarioText, CommentSafe) {
  EXPECT_EQ(comment_safe("/tmp/Østfold/a.toml"), "/tmp/Østfold/a.toml");
  EXPECT_EQ(comment_safe("a\nb\xff\tc"), "a?b?\tc");
}

}  // namespace
}  // namespace kfsim::scenario
