// The competence gap's decomposition: positions split over competences in whole
// persons, the parts adding up exactly to the gap, the rating read from the
// shortage and the surplus only, who counts as working below their competence
// and what an unfilled position asks for; the qualification trend's logistic
// path; and on the baseline, the identity for every year and every competence,
// primary school only never rated a shortage, and the trend switched off being
// the same run, to the last bit, as a table of zero trends.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "models/labour/competence_gap.hpp"
#include "models/labour/requirement_trend.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"
#include "tests/sim/scenario/test_support.hpp"

namespace kfsim {
namespace {

using scenario::test_support::TempDir;

TEST(CompetenceGap, SplitGivesWholePersonsByLargestRemainder) {
  std::vector<std::int64_t> out(3, 0);
  split_by_requirement(10, std::vector<double>{0.55, 0.3, 0.15}, out);
  // Quotas 5.5, 3, 1.5: floors 5, 3, 1 and the one left to the first of the equal remainders.
  EXPECT_EQ(out, (std::vector<std::int64_t>{6, 3, 1}));
  split_by_requirement(7, std::vector<double>{1.0 / 3, 1.0 / 3, 1.0 / 3}, out);
  EXPECT_EQ(std::accumulate(out.begin(), out.end(), std::int64_t{0}), 17);
  // Shares that sum to a hair over or under 1 still give exactly n.
  std::vector<std::int64_t> over(2, 0);
  split_by_requirement(1000, std::vector<double>{0.5000001, 0.5000001}, over);
  EXPECT_EQ(over[0] + over[1], 1000);
  std::vector<std::int64_t> under(2, 0);
  split_by_requirement(1000, std::vector<double>{0.4999, 0.4999}, under);
  EXPECT_EQ(under[0] + under[1], 1000);
}

TEST(CompetenceGap, PartsAddUpToTheGap) {
  GapCounts g(2);
  g.filled = {100, 50};
  g.frictional = {3, 2};
  g.shortage = {0, 20};
  g.employed = {90, 60};
  g.unemployed = {8, 1};
  g.below = {0, 12};
  const GapParts p = decompose_gap(g);
  for (std::size_t c = 0; c < 2; ++c) {
    EXPECT_EQ(p.total[c], p.shortage[c] + p.frictional[c] - p.surplus[c] + p.upgrading[c]);
  }
  EXPECT_EQ(p.total, (std::vector<std::int64_t>{5, 11}));
  EXPECT_EQ(p.surplus, (std::vector<std::int64_t>{8, 13}));
  // Jobs asking for the first competence held by others: upgrading, not shortage.
  EXPECT_EQ(p.upgrading, (std::vector<std::int64_t>{10, 2}));
}

TEST(CompetenceGap, RatingReadsShortageAndSurplusNotUpgrading) {
  EXPECT_EQ(gap_rating(600, 100, 5000, 0.05), 1);
  EXPECT_EQ(gap_rating(100, 600, 5000, 0.05), -1);
  EXPECT_EQ(gap_rating(300, 100, 5000, 0.05), 0);
  EXPECT_EQ(gap_rating(0, 0, 0, 0.05), 0);
}

TEST(CompetenceGap, BelowRequirementNeedsAPoorFitAndAHigherLevel) {
  // Competences: primary, vocational upper secondary, bachelor, master.
  const std::vector<EducationLevel> level{EducationLevel::Primary,
                                          EducationLevel::UpperSecondaryVocational,
                                          EducationLevel::Bachelor, EducationLevel::Master};
  // Occupation 0 asks mostly for upper secondary; occupation 1 for a bachelor, some masters.
  const std::vector<double> asks{0.3, 0.6, 0.1, 0.0, 0.0, 0.0, 0.7, 0.3};
  const std::vector<float> fit{0.6f, 1.0f, 0.5f, 0.4f, 0.2f, 0.3f, 1.0f, 0.9f};
  const auto above = above_requirement(asks, fit, level);
  EXPECT_EQ(above, (std::vector<std::uint8_t>{0, 0, 1, 1, 0, 0, 0, 0}));
  // What an unfilled position asks for: the well-fitting part of the mix.
  const auto unfilled = qualified_requirement(asks, fit, 4);
  EXPECT_DOUBLE_EQ(unfilled[0], 0.0);
  EXPECT_DOUBLE_EQ(unfilled[1], 1.0);
  EXPECT_DOUBLE_EQ(unfilled[6], 0.7);
  EXPECT_DOUBLE_EQ(unfilled[7], 0.3);
}

TEST(RequirementTrend, LogisticPathFromTheMiddleBandRegulatedKept) {
  const std::vector<EducationLevel> level{EducationLevel::Primary,
                                          EducationLevel::UpperSecondaryGeneral,
                                          EducationLevel::Fagskole, EducationLevel::Bachelor};
  const std::vector<double> start{0.2, 0.4, 0.1, 0.3, 0.1, 0.5, 0.0, 0.4};
  const std::vector<double> trend{0.1, 0.1};
  std::vector<double> asks(start.size());
  // Off: the start, to the bit.
  apply_requirement_trend(start, asks, trend, 0.0, 10, level, std::vector<double>{0, 0});
  EXPECT_EQ(asks, start);
  apply_requirement_trend(start, asks, trend, 1.0, 10, level, std::vector<double>{0, 0.8});
  // Occupation 0: log-odds of 0.3 plus 1.
  const double higher = 1 / (1 + std::exp(-(std::log(0.3 / 0.7) + 1.0)));
  EXPECT_NEAR(asks[3], higher, 1e-12);
  EXPECT_DOUBLE_EQ(asks[0], 0.2);              // primary as it was
  EXPECT_NEAR(asks[1] / asks[2], 4.0, 1e-12);  // the middle band shrinks in proportion
  EXPECT_NEAR(asks[0] + asks[1] + asks[2] + asks[3], 1.0, 1e-12);
  // Occupation 1 is regulated (lowest fit 0.8): unchanged.
  EXPECT_EQ(std::vector<double>(asks.begin() + 4, asks.end()),
            std::vector<double>(start.begin() + 4, start.end()));
}

ModelRun run(std::vector<std::string> overrides, const std::string& end = "2025-12") {
  return labour_test::run_baseline(std::move(overrides), end);
}

const std::vector<std::int64_t>& counts(const ModelRun& r, const std::string& name) {
  return std::get<std::vector<std::int64_t>>(labour_test::measure(r, name).values);
}

TEST(CompetenceGap, BaselineIdentityHoldsEveryYearAndPrimaryIsNotAShortage) {
  const ModelRun r = run({}, "2026-12");
  const auto& total =
      std::get<std::vector<double>>(labour_test::measure(r, "competence_gap").values);
  const auto& shortage = counts(r, "competence_shortage");
  const auto& frictional = counts(r, "competence_frictional");
  const auto& surplus = counts(r, "competence_surplus");
  const auto& upgrading = counts(r, "competence_upgrading");
  const auto& rating = counts(r, "competence_rating");
  ASSERT_EQ(total.size(), 3 * 26u);
  std::int64_t all_shortage = 0;
  for (std::size_t k = 0; k < total.size(); ++k) {
    const std::int64_t parts = shortage[k] + frictional[k] - surplus[k] + upgrading[k];
    EXPECT_EQ(static_cast<double>(parts), total[k]) << "entry " << k;
    all_shortage += shortage[k];
  }
  EXPECT_GT(all_shortage, 0);
  // Competence 0 is primary school only: plenty of it among the job seekers.
  for (std::size_t y = 0; y < 3; ++y) EXPECT_NE(rating[y * 26], 1) << "year " << y;
  // The shortage by occupation counts the same positions as the shortage by competence.
  const auto& by_occupation = counts(r, "shortage_by_occupation");
  const std::size_t per_year = by_occupation.size() / 3;
  for (std::size_t y = 0; y < 3; ++y) {
    const std::int64_t a = std::accumulate(
        by_occupation.begin() + static_cast<long>(y * per_year),
        by_occupation.begin() + static_cast<long>((y + 1) * per_year), std::int64_t{0});
    const std::int64_t b =
        std::accumulate(shortage.begin() + static_cast<long>(y * 26),
                        shortage.begin() + static_cast<long>((y + 1) * 26), std::int64_t{0});
    EXPECT_EQ(a, b) << "year " << y;
  }
}

TEST(RequirementTrend, OffByScaleIsBitIdenticalToZeroTrends) {
  const TempDir dir;
  const auto zeros = dir.write("zeros.csv", labour_test::zero_occupation_trends());
  const ModelRun off = run({"labour.occupation_trend_scale=0", "labour.requirement_trend_scale=0"});
  const ModelRun zero_table = run({"data.occupation_trend=\"" + zeros.string() + "\""});
  const ModelRun on = run({"labour.occupation_trend_scale=0"});
  bool any_differs = false;
  for (std::size_t i = 0; i < off.measures.measures().size(); ++i) {
    EXPECT_TRUE(bit_identical(off.measures.measures()[i], zero_table.measures.measures()[i]))
        << off.measures.measures()[i].name;
    any_differs |= !bit_identical(off.measures.measures()[i], on.measures.measures()[i]);
  }
  EXPECT_TRUE(any_differs) << "the qualification trend changed nothing";
}

}  // namespace
}  // namespace kfsim
