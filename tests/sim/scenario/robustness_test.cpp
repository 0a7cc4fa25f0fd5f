// No input crashes the loader: whatever the bytes, the result is a Scenario or a ScenarioError.
#include <gtest/gtest.h>

#include <random>

#include "sim/scenario/depth_guard.hpp"
#include "sim/scenario/scenario.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim::scenario {
namespace {

using test_support::data_schema;
using test_support::error_of;
using test_support::expect_site;
using test_support::kHeader;
using test_support::parse_error;
using test_support::TempDir;
using test_support::test_schema;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Loads text; anything but success or a ScenarioError fails the test.
void load_survives(const std::string& text, const Schema& schema) {
  try {
    parse_scenario(text, "fuzz.toml", schema);
  } catch (const ScenarioError& error) {
    // The message stays a bounded single line whatever the input.
    const std::string message = error.what();
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_LT(message.size(), 3000u) << message;
  } catch (const std::exception& other) {
    ADD_FAILURE() << "unexpected exception: " << other.what() << "\ninput: " << text;
  }
}

TEST(ScenarioRobustness, EmptyInput) {
  const auto error = parse_error("");
  expect_site(error, "s.toml", 1, 1, "schema_version", "schema_version = 1");
  EXPECT_EQ(parse_error("\n\n   \n# only a comment\n").key(), "schema_version");
}

TEST(ScenarioRobustness, BinaryGarbage) {
  std::mt19937 random(20240101);
  const Schema schema = test_schema();
  for (int i = 0; i < 3000; ++i) {
    std::string text(random() % 300, '\0');
    for (char& c : text) c = static_cast<char>(random() % 256);
    if (i % 2 == 0) text = std::string(kHeader) + text;  // garbage after a valid start
    load_survives(text, schema);
  }
  const auto error = parse_error(std::string(kHeader) + std::string("\0\xff\xfe", 3));
  EXPECT_TRUE(contains(error.problem(), "TOML syntax error")) << error.what();
  EXPECT_EQ(error.line(), 3);
}

TEST(ScenarioRobustness, MutatedValidScenarios) {
  const std::string valid = std::string(kHeader) +
                            "start = \"2025-01\"\n[demography]\nfertility_scale = 1.2\n"
                            "[labour]\nmatching = \"wage\"\nwages.growth = 0.01\n"
                            "[[policies]]\nstart = \"2030-01\"\nend = \"2031-01\"\n"
                            "key = \"labour.retirement_age\"\nvalue = 70\n";
  ASSERT_NO_THROW(parse_scenario(valid, "v.toml", test_schema()));
  std::mt19937 random(7);
  const Schema schema = test_schema();
  const std::string alphabet = "[]{}=\"'.,#\n 0123456789-+eE_abcdefghijklmnopqrstuvwxyz\\\xc3\xa6";
  for (int i = 0; i < 5000; ++i) {
    std::string text = valid;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = random() % text.size();
      switch (random() % 4) {
        case 0:
          text[at] = alphabet[random() % alphabet.size()];
          break;
        case 1:
          text.erase(at, 1 + random() % 8);
          break;
        case 2:
          text.insert(at, 1, alphabet[random() % alphabet.size()]);
          break;
        default:
          text.resize(at);
          break;
      }
      if (text.empty()) text = "x";
    }
    load_survives(text, schema);
  }
}

TEST(ScenarioRobustness, DeepNesting) {
  load_survives(std::string(kHeader) + "seed = " + std::string(100000, '['), test_schema());
  load_survives(std::string(kHeader) + "seed = " + std::string(100000, '{'), test_schema());
  std::string dotted = "a";
  for (int i = 0; i < 5000; ++i) dotted += ".a";
  load_survives(std::string(kHeader) + dotted + " = 1\n", test_schema());
  load_survives(std::string(kHeader) + "[" + dotted + "]\n", test_schema());
}

TEST(ScenarioRobustness, KeysTooDeepForTheParserAreRefused) {
  // Deep enough to overflow the stack inside toml++ if it were parsed.
  std::string dotted = "a";
  for (int i = 0; i < 300000; ++i) dotted += ".a";
  const auto key = parse_error(std::string(kHeader) + dotted + " = 1\n");
  expect_site(key, "s.toml", 3, 514, "", "keys nested at most 256 levels deep");
  const auto header = parse_error(std::string(kHeader) + "[" + dotted + "]\n");
  EXPECT_EQ(header.line(), 3);
  const auto inline_table = parse_error(std::string(kHeader) + "seed = { " + dotted + " = 1 }\n");
  EXPECT_EQ(inline_table.line(), 3);
  const auto override_value = parse_error(kHeader, "s.toml", {"seed={" + dotted + "=1}"});
  EXPECT_EQ(override_value.key(), "seed");
  EXPECT_EQ(override_value.file(), "command line");
}

TEST(ScenarioRobustness, DeepestNestingLetThroughIsSafe) {
  // As deep as the guard allows: a full header, then a full dotted key opening inline tables
  // up to toml++'s own limit of nested values.
  std::string path = "a";
  for (std::size_t i = 0; i < kMaxDotsPerLine; ++i) path += ".a";
  std::string value = "1";
  for (int i = 0; i < 250; ++i) value = "{b=" + value + "}";
  const auto error =
      parse_error(std::string(kHeader) + "[" + path + "]\n" + path + " = " + value + "\n");
  EXPECT_EQ(error.line(), 3) << error.what();
  EXPECT_EQ(error.key(), "a");
  EXPECT_EQ(error.problem(), "unknown table");
}

TEST(ScenarioRobustness, DotsInStringsAndCommentsDoNotCount) {
  const std::string dots(1000, '.');
  const Scenario s = parse_scenario(std::string(kHeader) + "description = \"" + dots + "\\\" " +
                                        dots + "\"  # " + dots + "\n" + "[labour] # " + dots +
                                        "\nmatching = 'wage' # '" + dots + "\n",
                                    "s.toml", test_schema());
  EXPECT_EQ(s.string("description"), dots + "\" " + dots);
  const Scenario multi = parse_scenario(std::string(kHeader) + "description = \"\"\"\n" + dots +
                                            "\n\"\" \\\"\"\"" + dots + "\"\"\"\n" + "seed = 3\n",
                                        "s.toml", test_schema());
  EXPECT_EQ(multi.integer("seed"), 3);
  const Scenario literal = parse_scenario(
      std::string(kHeader) + "description = \'\'\'" + dots + "\n" + dots + "\'\'\'\nseed = 4\n",
      "s.toml", test_schema());
  EXPECT_EQ(literal.integer("seed"), 4);
}

TEST(ScenarioRobustness, HugeInputIsRefused) {
  const std::string huge =
      std::string(kHeader) + "description = \"" + std::string(5 * 1024 * 1024, 'x') + "\"\n";
  const auto error = parse_error(huge);
  EXPECT_EQ(error.file(), "s.toml");
  EXPECT_TRUE(contains(error.problem(), "too large")) << error.what();

  TempDir dir;
  const auto file = dir.write("huge.toml", huge);
  const auto from_file = error_of([&] { load_scenario(file, test_schema()); });
  EXPECT_TRUE(contains(from_file.problem(), "too large")) << from_file.what();
}

TEST(ScenarioRobustness, LargeButAllowedValuesLoad) {
  const std::string long_name(100000, 'n');
  const Scenario s =
      parse_scenario("schema_version = 1\nname = \"" + long_name + "\"\n", "s.toml", test_schema());
  EXPECT_EQ(s.string("name"), long_name);
}

TEST(ScenarioRobustness, HugeKeysGiveShortMessages) {
  const std::string key(200000, 'k');
  const auto error = parse_error(std::string(kHeader) + key + " = 1\n");
  EXPECT_EQ(error.key(), key);
  EXPECT_EQ(error.problem(), "unknown key");
  EXPECT_LT(std::string(error.what()).size(), 1000u);
}

TEST(ScenarioRobustness, WeirdKeysAndValues) {
  const Schema schema = test_schema();
  for (const std::string& text : {
           std::string(kHeader) + "\"quoted.dotted\" = 1\n",
           std::string(kHeader) + "\"\" = 1\n",
           std::string(kHeader) + "\"new\\nline\" = 1\n",
           std::string(kHeader) + "seed = 99999999999999999999\n",
           std::string(kHeader) + "seed = -9223372036854775808\n",
           std::string(kHeader) + "seed = 0x7fffffffffffffff\n",
           std::string(kHeader) + "demography.fertility_scale = 1e999\n",
           std::string(kHeader) + "start = \"\\u0000\"\n",
           std::string(kHeader) + "extends = \"\"\n",
           std::string(kHeader) + "extends = \"/\"\n",
           std::string(kHeader) + "extends = \"\\u0000\"\n",
           std::string(kHeader) + "[[policies]]\n[[policies]]\n",
           std::string(kHeader) + "policies = [[], {}]\n",
           std::string(kHeader) + "[[policies]]\nstart = \"2030-01\"\nkey = 3\nvalue = 1\n",
           std::string(kHeader) + "[[policies]]\nname = 1\n",
           std::string(kHeader) + "start = 12:00:00\n",
           std::string(kHeader) + "start = 2024-01-01T00:00:00Z\n",
           std::string("\xef\xbb\xbf") + std::string(kHeader),  // byte-order mark
           std::string("schema_version = 1\r\nname = \"crlf\"\r\n"),
       }) {
    load_survives(text, schema);
  }
  // A quoted key holding a dot is one odd segment, not a path into [demography].
  EXPECT_EQ(parse_error(std::string(kHeader) + "\"demography.fertility_scale\" = 1\n").problem(),
            "unknown key (did you mean 'demography.fertility_scale'?)");
  EXPECT_EQ(
      parse_scenario(std::string("\xef\xbb\xbf") + std::string(kHeader), "bom.toml", test_schema())
          .string("name"),
      "base");
}

TEST(ScenarioRobustness, GarbageOverrides) {
  std::mt19937 random(3);
  for (int i = 0; i < 2000; ++i) {
    std::string argument(random() % 40, '\0');
    for (char& c : argument) c = static_cast<char>(random() % 256);
    if (i % 3 == 0) argument = "seed=" + argument;
    if (i % 3 == 1) argument = "name=" + argument;
    try {
      parse_scenario(kHeader, "s.toml", data_schema(), {argument, "data.population=/dev/null"});
    } catch (const ScenarioError& error) {
      EXPECT_EQ(error.file(), "command line") << error.what();
    } catch (const std::exception& other) {
      ADD_FAILURE() << "unexpected exception: " << other.what();
    }
  }
}

TEST(ScenarioRobustness, ScenarioFileThatIsADeviceIsRefused) {
  // Inputs are regular files only: a device may never end (/dev/zero), a FIFO without a
  // writer blocks for ever; each is refused before it is opened, naming what it is.
  for (const char* device : {"/dev/null", "/dev/zero"}) {
    const auto error = error_of([&] { load_scenario(device, test_schema()); });
    EXPECT_NE(std::string(error.what()).find("is a character device"), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("a regular scenario file"), std::string::npos);
  }
}

}  // namespace
}  // namespace kfsim::scenario
