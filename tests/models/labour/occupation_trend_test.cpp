// The within-industry occupation trend: its table is read strictly (every
// occupation once, within range), the scale multiplies it and adds to the
// scenario's own trend, and on the baseline the scale 0 is the same run, to the
// last bit, as a table of zero trends, while the trend moves positions from
// clerical to professional work and leaves each industry's total where it was.
#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/occupation_trend.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

using scenario::test_support::TempDir;

Categories three_occupations() { return Categories{{"21", "41", "91"}, {"a", "b", "c"}}; }

data::DataError error_reading(const std::string& text) {
  const TempDir dir;
  try {
    load_occupation_trend(dir.write("trend.csv", text), three_occupations());
  } catch (const data::DataError& e) {
    return e;
  }
  ADD_FAILURE() << "accepted:\n" << text;
  return data::DataError("", 0, "", "");
}

TEST(OccupationTrend, ReadsOneTrendPerOccupationInTheTablesOrder) {
  const TempDir dir;
  const auto trend =
      load_occupation_trend(dir.write("trend.csv",
                                      "occupation,within_industry,higher_education_logit_trend,"
                                      "note\n91,-0.01,0,x\n21,0.02,0.1,y\n41,0,-0.2,z\n"),
                            three_occupations());
  EXPECT_EQ(trend.within_industry, (std::vector<double>{0.02, 0.0, -0.01}));
  EXPECT_EQ(trend.higher_education_logit, (std::vector<double>{0.1, -0.2, 0.0}));
}

TEST(OccupationTrend, BadRowsNameTheLineAndColumn) {
  const std::string header = "occupation,within_industry,higher_education_logit_trend\n";
  auto unknown = error_reading(header + "21,0,0\n41,0,0\n91,0,0\n99,0.01,0\n");
  EXPECT_EQ(unknown.line(), 5);
  EXPECT_EQ(unknown.column(), "occupation");
  auto twice = error_reading(header + "21,0,0\n41,0,0\n21,0.01,0\n91,0,0\n");
  EXPECT_EQ(twice.line(), 4);
  EXPECT_NE(std::string(twice.what()).find("given twice (first on line 2)"), std::string::npos)
      << twice.what();
  auto range = error_reading(header + "21,0.2,0\n41,0,0\n91,0,0\n");
  EXPECT_EQ(range.line(), 2);
  EXPECT_EQ(range.column(), "within_industry");
  auto logit = error_reading(header + "21,0,0\n41,0,0.9\n91,0,0\n");
  EXPECT_EQ(logit.line(), 3);
  EXPECT_EQ(logit.column(), "higher_education_logit_trend");
  auto missing = error_reading(header + "21,0,0\n91,0,0\n");
  EXPECT_EQ(missing.line(), 0);
  EXPECT_NE(std::string(missing.what()).find("no trend for occupation 41"), std::string::npos);
}

TEST(OccupationTrend, ScaleMultipliesTheDataAndTheScenarioTrendAdds) {
  const std::vector<double> data{0.02, -0.01};
  const std::vector<double> scenario{0.0, 0.005};
  EXPECT_DOUBLE_EQ(occupation_share_trend(data, 1.0, scenario, 0), 0.02);
  EXPECT_DOUBLE_EQ(occupation_share_trend(data, 2.0, scenario, 0), 0.04);
  EXPECT_DOUBLE_EQ(occupation_share_trend(data, 1.0, scenario, 1), -0.005);
  // Off: exactly 0 (not -0.0 or a rounding residue), so the staffing stays put.
  EXPECT_EQ(occupation_share_trend(data, 0.0, {}, 1), 0.0);
  EXPECT_EQ(occupation_share_trend({}, 1.0, {}, 0), 0.0);
}

ModelRun run(std::vector<std::string> overrides) {
  return labour_test::run_baseline(std::move(overrides), "2025-12");
}

// Filled and vacant positions in Østfold by occupation in the last year.
std::vector<std::int64_t> positions_by_occupation(const ModelRun& r) {
  const auto& m = labour_test::measure(r, "jobs");
  const auto& values = std::get<std::vector<std::int64_t>>(m.values);
  const auto& dims = r.measures.dimensions();
  const std::size_t n_occ = dims[r.measures.dimension_index("occupation")].size();
  const std::size_t n_area = dims[r.measures.dimension_index("work_area")].size();
  const std::size_t per_year = n_area * n_occ;
  std::vector<std::int64_t> result(n_occ, 0);
  const std::size_t last = values.size() - per_year;
  for (std::size_t k = 0; k < per_year; ++k) result[k % n_occ] += values[last + k];
  return result;
}

TEST(OccupationTrend, OffByScaleIsBitIdenticalToZeroTrendsAndOnMovesTheMix) {
  const TempDir dir;
  const auto zeros = dir.write("zeros.csv", labour_test::zero_occupation_trends());
  const ModelRun off = run({"labour.occupation_trend_scale=0", "labour.requirement_trend_scale=0"});
  const ModelRun zero_table = run({"data.occupation_trend=\"" + zeros.string() + "\""});
  ASSERT_EQ(off.measures.measures().size(), zero_table.measures.measures().size());
  for (std::size_t i = 0; i < off.measures.measures().size(); ++i) {
    EXPECT_TRUE(bit_identical(off.measures.measures()[i], zero_table.measures.measures()[i]))
        << off.measures.measures()[i].name;
  }
  const ModelRun on = run({});
  const auto before = positions_by_occupation(off);
  const auto after = positions_by_occupation(on);
  // Two years of the 2015-2020 trends: ICT professionals (25, +2.7 % a year
  // within industries) gain, clerks (41, -1.6 %) lose, each by about its trend.
  const auto& occupations = on.measures.dimensions()[on.measures.dimension_index("occupation")];
  const auto index = [&](std::int32_t code) {
    for (std::size_t o = 0; o < occupations.size(); ++o) {
      if (occupations.codes[o] == code) return o;
    }
    throw std::invalid_argument("no occupation " + std::to_string(code));
  };
  const auto ict = index(25);
  const auto clerks = index(41);
  EXPECT_GT(static_cast<double>(after[ict]), static_cast<double>(before[ict]) * 1.03)
      << before[ict] << " -> " << after[ict];
  EXPECT_LT(static_cast<double>(after[clerks]), static_cast<double>(before[clerks]) * 0.985)
      << before[clerks] << " -> " << after[clerks];
  std::int64_t total_before = 0;
  std::int64_t total_after = 0;
  for (std::size_t o = 0; o < before.size(); ++o) {
    total_before += before[o];
    total_after += after[o];
  }
  EXPECT_NEAR(static_cast<double>(total_after), static_cast<double>(total_before),
              0.003 * static_cast<double>(total_before));
}

}  // namespace
}  // namespace kfsim
