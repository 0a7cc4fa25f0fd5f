// The keys of the seasons and the supply responses: a value outside its range
// is refused with the file, the line, the column, the key and the range.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "models/model.hpp"
#include "sim/scenario/error.hpp"
#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

namespace fs = std::filesystem;
using scenario::ScenarioError;
using scenario::test_support::error_of;
using scenario::test_support::expect_site;
using scenario::test_support::TempDir;

struct BadValue {
  std::string key;    // under [labour]
  std::string value;  // out of range
  std::string range;  // as the error states it
};

class SupplyKeys : public ::testing::TestWithParam<BadValue> {};

TEST_P(SupplyKeys, OutOfRangeNamesFileLineKeyAndRange) {
  const BadValue& bad = GetParam();
  const TempDir dir;
  const std::string text =
      "schema_version = 1\nname = \"bad_supply\"\nextends = \"" KFSIM_SOURCE_DIR
      "/scenarios/baseline.toml\"\n\n[labour]\n" +
      bad.key + " = " + bad.value + "\n";
  const fs::path file = dir.write("bad_supply.toml", text);
  const ScenarioError error =
      error_of([&] { scenario::load_scenario(file.string(), model_schema(), {}); });
  // Line 6, the value after "key = ".
  expect_site(error, file.string(), 6, static_cast<int>(bad.key.size()) + 4, "labour." + bad.key,
              bad.range);
}

INSTANTIATE_TEST_SUITE_P(
    Labour, SupplyKeys,
    ::testing::Values(BadValue{"seasonality", "-0.1", "real number in [0, 10]"},
                      BadValue{"seasonality", "11", "real number in [0, 10]"},
                      BadValue{"in_commuting_response", "-1", "real number in [0, 5]"},
                      BadValue{"in_commuting_response", "6", "real number in [0, 5]"},
                      BadValue{"participation_response", "-0.5", "real number in [0, 5]"},
                      BadValue{"participation_response", "5.5", "real number in [0, 5]"}));

}  // namespace
}  // namespace kfsim
