#include "output/attribute.hpp"

#include <gtest/gtest.h>

namespace kfsim::output {
namespace {

TEST(ValueText, PrintsTextAsItIsAndNumbersShortest) {
  EXPECT_EQ(value_text(std::string("Østfold")), "Østfold");
  EXPECT_EQ(value_text(std::int64_t{-3101}), "-3101");
  EXPECT_EQ(value_text(0.1), "0.1");
  EXPECT_EQ(value_text(3101.0), "3101");
  EXPECT_EQ(number_text(1.0 / 3.0), "0.3333333333333333");
}

}  // namespace
}  // namespace kfsim::output
