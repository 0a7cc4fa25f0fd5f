#pragma once
// Shared fixtures for the scenario tests: a schema with model-like keys and a scratch folder.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

#include "sim/scenario/scenario.hpp"
#include "sim/scenario/schema.hpp"

namespace kfsim::scenario::test_support {

namespace fs = std::filesystem;

// A fresh folder under the system temp folder, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    std::random_device entropy;
    for (int attempt = 0; attempt < 100; ++attempt) {
      const fs::path candidate =
          fs::temp_directory_path() /
          ("kfsim-scenario-" + std::to_string(entropy()) + "-" + std::to_string(counter++));
      if (fs::create_directory(candidate)) {
        // Canonical so that paths compare equal to what the loader resolves.
        path_ = fs::canonical(candidate);
        return;
      }
    }
    throw std::runtime_error("cannot create a temporary folder");
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

  // Writes text to a file below the folder, creating folders on the way; returns its path.
  fs::path write(const std::string& relative, std::string_view text) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    return file;
  }

 private:
  fs::path path_;
};

// The core keys plus keys shaped like a model's: a nested table, each type, bounds, choices.
inline Schema test_schema() {
  Schema schema = core_schema();
  schema.add({.key = "demography.fertility_scale",
              .type = Type::Real,
              .default_value = 1.0,
              .unit = "1",
              .min = 0.0,
              .max = 3.0,
              .meaning = "Multiplies every fertility rate.",
              .source = "Assumption: observed rates continue."});
  schema.add({.key = "demography.mortality_improvement",
              .type = Type::Real,
              .default_value = 0.015,
              .unit = "per year",
              .min = 0.0,
              .max = 0.1,
              .meaning = "Yearly relative decline of death rates.",
              .source = "HMD Norway 2000-2019."});
  schema.add({.key = "labour.retirement_age",
              .type = Type::Integer,
              .default_value = std::int64_t{67},
              .unit = "years",
              .min = 60.0,
              .max = 75.0,
              .meaning = "Age of retirement.",
              .source = "Folketrygdloven."});
  schema.add({.key = "labour.matching",
              .type = Type::String,
              .default_value = std::string("random"),
              .choices = {"random", "nearest", "wage"},
              .meaning = "How job seekers are matched to vacancies.",
              .source = "Assumption: random search."});
  schema.add({.key = "labour.commuting",
              .type = Type::Boolean,
              .default_value = true,
              .meaning = "Whether residents may work outside their municipality.",
              .source = "Assumption."});
  schema.add({.key = "labour.wages.growth",
              .type = Type::Real,
              .default_value = 0.02,
              .unit = "per year",
              .min = -0.5,
              .max = 0.5,
              .meaning = "Yearly real wage growth.",
              .source = "Assumption: long-run average."});
  schema.add({.key = "labour.reform_month",
              .type = Type::Month,
              .default_value = kfsim::Month::of(2030, 1),
              .meaning = "When the pension reform takes effect.",
              .source = "Assumption.",
              .policy_settable = false});
  return schema;
}

// test_schema() with a required File key, for tests that write files anyway.
inline Schema data_schema() {
  Schema schema = test_schema();
  schema.add({.key = "data.population",
              .type = Type::File,
              .meaning = "Residents on the start date.",
              .source = "SSB table 07459.",
              .policy_settable = false});
  schema.add({.key = "data.schedule",
              .type = Type::File,
              .default_value = std::string(KFSIM_SOURCE_DIR "/CMakeLists.txt"),
              .meaning = "A file with a default.",
              .source = "Assumption."});
  return schema;
}

inline constexpr std::string_view kHeader = "schema_version = 1\nname = \"base\"\n";

// The ScenarioError that f throws; a test failure when it throws nothing.
template <class F>
ScenarioError error_of(F&& f) {
  try {
    f();
  } catch (const ScenarioError& error) {
    return error;
  }
  ADD_FAILURE() << "expected a ScenarioError";
  return ScenarioError("", 0, 0, "", "", "");
}

inline ScenarioError parse_error(std::string_view text, const std::string& name = "s.toml",
                                 const std::vector<std::string>& overrides = {}) {
  return error_of([&] { parse_scenario(text, name, test_schema(), overrides); });
}

// Asserts the parts every error must carry.
inline void expect_site(const ScenarioError& error, const std::string& file, int line, int column,
                        const std::string& key, const std::string& expected_fragment) {
  EXPECT_EQ(error.file(), file) << error.what();
  EXPECT_EQ(error.line(), line) << error.what();
  EXPECT_EQ(error.column(), column) << error.what();
  EXPECT_EQ(error.key(), key) << error.what();
  EXPECT_NE(error.expected().find(expected_fragment), std::string::npos)
      << "expected part '" << error.expected() << "' lacks '" << expected_fragment << "'";
  // The message carries all of it, in the documented form.
  const std::string message = error.what();
  if (line > 0) {
    const std::string site =
        file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
    EXPECT_EQ(message.rfind(site, 0), 0u) << message;
  }
  if (!key.empty()) {
    EXPECT_NE(message.find("key '" + key + "': "), std::string::npos) << message;
  }
  EXPECT_NE(message.find("; expected " + error.expected()), std::string::npos) << message;
}

}  // namespace kfsim::scenario::test_support
