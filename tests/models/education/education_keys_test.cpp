// The education keys of a scenario: a bad value is refused with the file, the
// line, the column and the key, and what was expected; a programme code the
// table does not have is refused when the model is built, pointing at the line
// that named it, since the scenario loader cannot know the table's codes.
#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "models/education/education_params.hpp"
#include "sim/scenario/error.hpp"
#include "tests/models/education/education_test_support.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

namespace fs = std::filesystem;
using scenario::ScenarioError;
using scenario::test_support::error_of;
using scenario::test_support::expect_site;
using scenario::test_support::TempDir;

// A scenario that extends the baseline by absolute path, so that it can live
// in a temporary folder, with `body` after the header.
struct Written {
  fs::path file;
  int line = 0;    // of `mark` in the file, 1-based
  int column = 0;  // of `mark` in its line, 1-based
};

Written write_scenario(const TempDir& dir, const std::string& body, const std::string& mark) {
  const std::string text = "schema_version = 1\nname = \"bad_education\"\nextends = \"" +
                           education_test::kBaselineFile + "\"\nend = \"2024-12\"\n\n" + body;
  const std::size_t at = text.find(mark, text.size() - body.size());
  if (at == std::string::npos) throw std::invalid_argument("no '" + mark + "' in the body");
  Written w;
  w.file = dir.write("bad_education.toml", text);
  w.line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] != '\n') continue;
    ++w.line;
    line_start = i + 1;
  }
  w.column = static_cast<int>(at - line_start) + 1;
  return w;
}

ScenarioError load_error(const Written& w) {
  return error_of([&] { education_test::load(w.file.string()); });
}

TEST(EducationKeys, PlacesScaleBelowZero) {
  const TempDir dir;
  const auto w = write_scenario(dir, "[education.places_scale]\nHIO_NURS = -1\n", "-1");
  const ScenarioError error = load_error(w);
  expect_site(error, w.file.string(), w.line, w.column, "education.places_scale.HIO_NURS",
              "real number in [0, 100]");
  EXPECT_NE(error.problem().find("out of range"), std::string::npos) << error.what();
}

TEST(EducationKeys, PlacesScaleOfAnUnknownProgramme) {
  // The loader takes any well-formed entry name; the model knows the codes.
  const TempDir dir;
  const auto w =
      write_scenario(dir, "[education.places_scale]\nHIO_NURS = 1.3\nNO_SUCH = 1.2\n", "NO_SUCH");
  const auto scenario = education_test::load(w.file.string());
  const ScenarioError error = error_of(
      [&] { check_programme_keys(scenario, education_test::baseline_tables().education); });
  expect_site(error, w.file.string(), w.line, w.column, "education.places_scale.NO_SUCH",
              "a programme code from that table");
  EXPECT_NE(error.problem().find("'NO_SUCH'"), std::string::npos) << error.what();
}

TEST(EducationKeys, UnknownProgrammeStopsTheRunBeforeItStarts) {
  const TempDir dir;
  const auto w = write_scenario(dir, "[education.extra_places]\nNO_SUCH = 20\n", "NO_SUCH");
  const auto scenario = education_test::load(w.file.string());
  int months = 0;
  const ScenarioError error =
      error_of([&] { education_test::run(scenario, 1, [&](Month, Month, Month) { ++months; }); });
  expect_site(error, w.file.string(), w.line, w.column, "education.extra_places.NO_SUCH",
              "a programme code from that table");
  EXPECT_EQ(months, 0);
}

TEST(EducationKeys, PolicyOnAnUnknownProgramme) {
  const TempDir dir;
  const auto w = write_scenario(dir,
                                "[[policies]]\n"
                                "name = \"more places at a school that does not exist\"\n"
                                "start = \"2024-08\"\n"
                                "key = \"education.places_scale.NO_SUCH\"\n"
                                "value = 1.2\n",
                                "[[policies]]");
  const auto scenario = education_test::load(w.file.string());
  const ScenarioError error = error_of(
      [&] { check_programme_keys(scenario, education_test::baseline_tables().education); });
  // A policy is placed by the line of its [[policies]] table.
  EXPECT_EQ(error.file(), w.file.string()) << error.what();
  EXPECT_EQ(error.line(), w.line) << error.what();
  EXPECT_EQ(error.key(), "education.places_scale.NO_SUCH") << error.what();
  EXPECT_EQ(error.expected(), "a programme code from that table") << error.what();
  const std::string message = error.what();
  EXPECT_EQ(message.rfind(w.file.string() + ":" + std::to_string(w.line) + ":", 0), 0u) << message;
}

TEST(EducationKeys, UnknownProgrammeOnTheCommandLine) {
  const auto scenario = education_test::baseline({"education.places_scale.NO_SUCH=1.2"});
  const ScenarioError error = error_of(
      [&] { check_programme_keys(scenario, education_test::baseline_tables().education); });
  EXPECT_EQ(error.file().rfind(scenario::kCommandLine, 0), 0u) << error.what();
  EXPECT_EQ(error.key(), "education.places_scale.NO_SUCH") << error.what();
}

TEST(EducationKeys, KnownProgrammesPass) {
  const TempDir dir;
  const auto w = write_scenario(dir,
                                "[education.places_scale]\nHIO_NURS = 1.3\n"
                                "[education.extra_places]\nUP_FAGBREV_HO = 40\n",
                                "HIO_NURS");
  const auto scenario = education_test::load(w.file.string());
  EXPECT_NO_THROW(check_programme_keys(scenario, education_test::baseline_tables().education));
}

TEST(EducationKeys, SignalStrengthAboveTen) {
  const TempDir dir;
  const auto w = write_scenario(dir, "[education]\nlabour_market_signal_strength = 11\n", "11");
  expect_site(load_error(w), w.file.string(), w.line, w.column,
              "education.labour_market_signal_strength", "real number in [0, 10]");
}

TEST(EducationKeys, Vg3InSchoolShareAboveOne) {
  const TempDir dir;
  const auto w = write_scenario(dir, "[education]\nvg3_in_school_share = 1.5\n", "1.5");
  expect_site(load_error(w), w.file.string(), w.line, w.column, "education.vg3_in_school_share",
              "real number in [0, 1]");
}

TEST(EducationKeys, SignalLagOfZeroMonths) {
  const TempDir dir;
  const auto w = write_scenario(dir, "[education]\nsignal_lag_months = 0\n", "0\n");
  expect_site(load_error(w), w.file.string(), w.line, w.column, "education.signal_lag_months",
              "integer in [1, 36]");
}

TEST(EducationKeys, SignalLagIsFixedForTheRun) {
  // The lag decides when signals are recorded; a policy cannot change it.
  const TempDir dir;
  const auto w = write_scenario(dir,
                                "[[policies]]\nstart = \"2024-08\"\n"
                                "key = \"education.signal_lag_months\"\nvalue = 6\n",
                                "\"education.signal_lag_months\"");
  const ScenarioError error = load_error(w);
  EXPECT_EQ(error.file(), w.file.string()) << error.what();
  EXPECT_EQ(error.line(), w.line) << error.what();
  EXPECT_NE(error.problem().find("fixed for the whole run"), std::string::npos) << error.what();
}

}  // namespace
}  // namespace kfsim
