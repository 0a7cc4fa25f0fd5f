// Quit rates by occupation: the table is read strictly (known codes, each at
// most once, within range; occupations without a row get 1), the scale is a
// power on the factors, which are rescaled to keep the start date's quits, and
// on the baseline the scale 0 is the same run, to the last bit, as a table of
// factors 1, while the data's factors move quits towards the care
// assistants (53) and away from the teachers (23).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/occupation_turnover.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

using scenario::test_support::TempDir;

Categories three_occupations() { return Categories{{"222", "23", "53"}, {"a", "b", "c"}}; }

const std::string kHeader = "occupation,quit_factor,note\n";

data::DataError error_reading(const std::string& text) {
  const TempDir dir;
  try {
    load_turnover_by_occupation(dir.write("turnover.csv", text), three_occupations());
  } catch (const data::DataError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return data::DataError("", 0, "", "");
}

TEST(OccupationTurnover, ReadsTheFactorsAndGivesOneToOccupationsWithoutARow) {
  const TempDir dir;
  const auto factor = load_turnover_by_occupation(
      dir.write("turnover.csv", "# comment\n" + kHeader + "53,1.9875,x\n23,0.6009,y\n"),
      three_occupations());
  EXPECT_EQ(factor, (std::vector<double>{1.0, 0.6009, 1.9875}));
  const auto ones =
      load_turnover_by_occupation(dir.write("ones.csv", kHeader + "23,1,z\n"), three_occupations());
  EXPECT_EQ(ones, (std::vector<double>{1.0, 1.0, 1.0}));
}

TEST(OccupationTurnover, BadRowsNameTheLineAndColumn) {
  const auto unknown = error_reading(kHeader + "222,0.9,x\n234,0.6,y\n");
  EXPECT_EQ(unknown.line(), 3);
  EXPECT_EQ(unknown.column(), "occupation");
  EXPECT_NE(std::string(unknown.what()).find("unknown occupation code '234'"), std::string::npos)
      << unknown.what();
  const auto twice = error_reading(kHeader + "23,0.6,x\n53,2,y\n23,0.7,z\n");
  EXPECT_EQ(twice.line(), 4);
  EXPECT_NE(std::string(twice.what()).find("given twice (first on line 2)"), std::string::npos)
      << twice.what();
  const auto range = error_reading(kHeader + "53,20,x\n");
  EXPECT_EQ(range.line(), 2);
  EXPECT_EQ(range.column(), "quit_factor");
  const auto zero = error_reading(kHeader + "53,0,x\n");
  EXPECT_EQ(zero.column(), "quit_factor");
  const auto text = error_reading(kHeader + "53,high,x\n");
  EXPECT_EQ(text.column(), "quit_factor");
  const auto no_column = error_reading("occupation,factor\n53,2\n");
  EXPECT_NE(std::string(no_column.what()).find("quit_factor"), std::string::npos)
      << no_column.what();
}

TEST(OccupationTurnover, ScaleIsAPowerAndTheStartDatesQuitsAreKept) {
  const std::vector<double> relative{2.0, 0.5, 1.0};
  const std::vector<double> start_quits{100.0, 300.0, 600.0};
  // Off: no factors at all, so the draws are those of the age-sex rates.
  EXPECT_TRUE(occupation_quit_factors(relative, 0.0, start_quits).empty());
  EXPECT_TRUE(occupation_quit_factors({}, 1.0, start_quits).empty());
  for (const double scale : {0.5, 1.0, 2.0}) {
    const auto factor = occupation_quit_factors(relative, scale, start_quits);
    ASSERT_EQ(factor.size(), 3u);
    double kept = 0;
    for (std::size_t o = 0; o < 3; ++o) kept += start_quits[o] * factor[o];
    EXPECT_NEAR(kept, 1000.0, 1e-9) << scale;
    // The ratios between occupations are the data's, raised to the scale.
    EXPECT_NEAR(factor[0] / factor[2], std::pow(2.0, scale), 1e-12) << scale;
    EXPECT_NEAR(factor[1] / factor[2], std::pow(0.5, scale), 1e-12) << scale;
  }
  // With scale 1: 100 x 2 + 300 x 0.5 + 600 = 950 quits, rescaled by 1000 / 950.
  const auto one = occupation_quit_factors(relative, 1.0, start_quits);
  EXPECT_NEAR(one[2], 1000.0 / 950.0, 1e-12);
  // Nobody employed on the start date: nothing to keep, the factors as they are.
  EXPECT_EQ(occupation_quit_factors(relative, 1.0, std::vector<double>(3, 0.0)), relative);
}

ModelRun run(std::vector<std::string> overrides) {
  return labour_test::run_baseline(std::move(overrides), "2025-12");
}

// Quits and all separations by occupation over the run (separations_by_occupation).
struct Flows {
  std::vector<std::int64_t> quits, separations;
};

Flows flows_by_occupation(const ModelRun& r) {
  const auto& values = labour_test::counts(r, "separations_by_occupation");
  const auto& dims = r.measures.dimensions();
  const std::size_t n_occ = dims[r.measures.dimension_index("occupation")].size();
  const std::size_t n_reason = dims[r.measures.dimension_index("separation_reason")].size();
  Flows f{std::vector<std::int64_t>(n_occ, 0), std::vector<std::int64_t>(n_occ, 0)};
  for (std::size_t k = 0; k < values.size(); ++k) {
    const std::size_t o = (k / n_reason) % n_occ;
    if (k % n_reason == 0) f.quits[o] += values[k];  // reason 0: quit
    f.separations[o] += values[k];
  }
  return f;
}

std::size_t occupation_index(const ModelRun& r, std::int32_t code) {
  const auto& occupations = r.measures.dimensions()[r.measures.dimension_index("occupation")];
  for (std::size_t o = 0; o < occupations.size(); ++o) {
    if (occupations.codes[o] == code) return o;
  }
  throw std::invalid_argument("no occupation " + std::to_string(code));
}

TEST(OccupationTurnover, OffByScaleIsBitIdenticalToFactorsOfOneAndOnMovesQuits) {
  const TempDir dir;
  const auto ones = dir.write("ones.csv", kHeader + "53,1,x\n23,1,y\n222,1,z\n");
  const ModelRun off = run({"labour.occupation_turnover_scale=0"});
  const ModelRun all_ones = run({"data.turnover_by_occupation=\"" + ones.string() + "\""});
  ASSERT_EQ(off.measures.measures().size(), all_ones.measures.measures().size());
  for (std::size_t i = 0; i < off.measures.measures().size(); ++i) {
    EXPECT_TRUE(bit_identical(off.measures.measures()[i], all_ones.measures.measures()[i]))
        << off.measures.measures()[i].name;
  }
  const ModelRun on = run({});
  const auto before = flows_by_occupation(off);
  const auto after = flows_by_occupation(on);
  // The separations of every reason add up to the county's separations.
  std::int64_t county = 0;
  for (auto s : labour_test::counts(on, "separations")) county += s;
  std::int64_t by_occupation = 0;
  for (auto s : after.separations) by_occupation += s;
  EXPECT_EQ(county, by_occupation);
  // KS: assistants leave at 1.99 times the sector's rate, teachers at 0.60.
  const auto assistants = occupation_index(on, 53);
  const auto teachers = occupation_index(on, 23);
  EXPECT_GT(static_cast<double>(after.quits[assistants]),
            1.5 * static_cast<double>(before.quits[assistants]))
      << before.quits[assistants] << " -> " << after.quits[assistants];
  EXPECT_LT(static_cast<double>(after.quits[teachers]),
            0.75 * static_cast<double>(before.quits[teachers]))
      << before.quits[teachers] << " -> " << after.quits[teachers];
  // The county's quits stay where the age-sex rates put them (within 2 %).
  std::int64_t quits_before = 0;
  std::int64_t quits_after = 0;
  for (std::size_t o = 0; o < before.quits.size(); ++o) {
    quits_before += before.quits[o];
    quits_after += after.quits[o];
  }
  EXPECT_NEAR(static_cast<double>(quits_after), static_cast<double>(quits_before),
              0.02 * static_cast<double>(quits_before));
}

}  // namespace
}  // namespace kfsim
