#include "output/comparison.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "output/nc_file.hpp"
#include "output/provenance.hpp"
#include "tests/output/sample_file.hpp"
#include "tests/output/scratch_directory.hpp"

namespace kfsim::output {
namespace {

using testing::ScratchDirectory;

// A result file with only what a comparison reads: competence_gap and competence_rating over
// (replicate, year, competence), the competence labels and the provenance attributes.
struct SyntheticResult {
  std::string scenario_name = "base";
  std::int64_t seed = 7;
  std::vector<std::int32_t> years = {2030, 2035};
  std::vector<std::string> competence_labels = {
      "PRIM: Primary school", "BA_NURS: Bachelor: nursing", "MA_TECH: Master: technology"};
  std::size_t replicates = 5;
  std::vector<double> gap;           // (replicate, year, competence)
  std::vector<std::int64_t> rating;  // same shape
  bool with_scenario_name = true;
  std::int64_t format_version = kFileFormatVersion;

  SyntheticResult() {
    gap.assign(replicates * years.size() * competence_labels.size(), 0.0);
    rating.assign(gap.size(), 0);
  }
  std::size_t at(std::size_t replicate, std::size_t year, std::size_t competence) const {
    return (replicate * years.size() + year) * competence_labels.size() + competence;
  }
  void set(std::size_t year, std::size_t competence, const std::vector<double>& gaps,
           const std::vector<std::int64_t>& ratings) {
    for (std::size_t r = 0; r < replicates; ++r) {
      gap[at(r, year, competence)] = gaps[r];
      rating[at(r, year, competence)] = ratings[r];
    }
  }
  void write(const std::filesystem::path& path) const {
    NcWriter writer(path, false);
    std::vector<std::int32_t> replicate_codes, competence_codes;
    for (std::size_t r = 0; r < replicates; ++r) {
      replicate_codes.push_back(static_cast<std::int32_t>(r));
    }
    for (std::size_t c = 0; c < competence_labels.size(); ++c) {
      competence_codes.push_back(static_cast<std::int32_t>(c));
    }
    writer.add_dimension("replicate", replicate_codes, "1", "replicate run");
    writer.add_dimension("year", years, "1", "calendar year");
    writer.add_dimension("competence", competence_codes, "1", "competence group (index)");
    writer.add_labels("competence", "competence_name", competence_labels, "competence group");
    writer.add_variable("competence_gap", {"replicate", "year", "competence"},
                        std::span<const double>(gap), "persons", "demand minus supply");
    writer.add_variable("competence_rating", {"replicate", "year", "competence"},
                        std::span<const std::int64_t>(rating), "1", "rating");
    writer.set_global({"kfsim_file_format_version", format_version});
    if (with_scenario_name) writer.set_global({"kfsim_scenario_name", scenario_name});
    writer.set_global({"kfsim_seed", seed});
    writer.commit();
  }
};

// Base and policy files over 5 replicates whose values at 2030 were worked out by hand.
struct KnownCase {
  SyntheticResult base, policy;
  KnownCase() {
    policy.scenario_name = "policy";
    // 2030, PRIM: gaps 10..50; the policy's paired differences are {2, -1, 5, 0, 10}.
    base.set(0, 0, {10, 20, 30, 40, 50}, {1, 1, 1, 0, 1});
    policy.set(0, 0, {12, 19, 35, 40, 60}, {1, 0, 0, 1, -1});
    // 2030, BA_NURS: a surplus the policy leaves alone.
    base.set(0, 1, {-300, -310, -290, -305, -295}, {-1, -1, -1, -1, -1});
    policy.set(0, 1, {-300, -310, -290, -305, -295}, {-1, -1, -1, -1, -1});
  }

  // Writes both files into dir and reads them back, base first.
  std::vector<ResultGaps> written_and_read(const ScratchDirectory& dir) const {
    base.write(dir / "base.h5");
    policy.write(dir / "policy.h5");
    return {read_result_gaps(dir / "base.h5"), read_result_gaps(dir / "policy.h5")};
  }
};

template <typename Action>
std::string comparison_error(Action action) {
  try {
    action();
  } catch (const ComparisonError& error) {
    return error.what();
  }
  ADD_FAILURE() << "no ComparisonError";
  return "";
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Spread, MeanAndNinetyPercentInterval) {
  const std::vector<double> values = {2, -1, 5, 0, 10};
  const Spread result = spread(values);
  EXPECT_DOUBLE_EQ(result.mean, 3.2);
  EXPECT_DOUBLE_EQ(result.p5, -0.8);  // -1 + 0.2 * (0 - -1)
  EXPECT_DOUBLE_EQ(result.p95, 9.0);  // 5 + 0.8 * (10 - 5)
}

TEST(MajorityRating, MostCommonRatingAndItsShare) {
  const std::vector<double> mostly_short = {1, 1, 0, 1, 1};
  EXPECT_EQ(majority_rating(mostly_short, 10).rating, GapRating::shortage);
  EXPECT_DOUBLE_EQ(majority_rating(mostly_short, 10).share, 0.8);
  const std::vector<double> all_surplus = {-1, -1, -1};
  EXPECT_EQ(majority_rating(all_surplus, -5).rating, GapRating::surplus);
  EXPECT_DOUBLE_EQ(majority_rating(all_surplus, -5).share, 1.0);
}

TEST(MajorityRating, TiesGoToBalanceThenToTheMeanGapsSign) {
  const std::vector<double> short_or_balanced = {1, 0, 1, 0};
  EXPECT_EQ(majority_rating(short_or_balanced, 100).rating, GapRating::balance);
  EXPECT_DOUBLE_EQ(majority_rating(short_or_balanced, 100).share, 0.5);
  const std::vector<double> split = {1, -1, -1, 1};
  EXPECT_EQ(majority_rating(split, -3).rating, GapRating::surplus);
  EXPECT_EQ(majority_rating(split, 3).rating, GapRating::shortage);
  EXPECT_DOUBLE_EQ(majority_rating(split, 3).share, 0.5);
}

TEST(SplitCompetenceLabel, CodeBeforeTheFirstColon) {
  EXPECT_EQ(split_competence_label("BA_NURS: Bachelor: nursing"),
            std::make_pair(std::string("BA_NURS"), std::string("Bachelor: nursing")));
  EXPECT_EQ(split_competence_label("plain"),
            std::make_pair(std::string("plain"), std::string("plain")));
}

TEST(ReadResultGaps, ReadsGapsRatingsAndProvenance) {
  ScratchDirectory dir;
  KnownCase known;
  known.base.write(dir / "base.h5");
  const ResultGaps result = read_result_gaps(dir / "base.h5");
  EXPECT_EQ(result.scenario_name, "base");
  EXPECT_EQ(result.seed, 7);
  EXPECT_EQ(result.replicates, 5U);
  EXPECT_EQ(result.years, (std::vector<std::int32_t>{2030, 2035}));
  EXPECT_EQ(result.competences, (std::vector<std::int32_t>{0, 1, 2}));
  EXPECT_EQ(result.competence_labels, known.base.competence_labels);
  EXPECT_EQ(result.gap, known.base.gap);
  EXPECT_EQ(result.gap[result.index(4, 0, 0)], 50);
  EXPECT_EQ(result.rating[result.index(3, 0, 0)], 0);
}

TEST(CompareResults, PairedDifferencesPercentilesAndRatingsAsWorkedOutByHand) {
  ScratchDirectory dir;
  KnownCase known;
  const std::vector<ResultGaps> results = known.written_and_read(dir);
  const Comparison comparison = compare_results(results, {2030, 2035});
  EXPECT_EQ(comparison.scenarios, (std::vector<std::string>{"base", "policy"}));
  EXPECT_EQ(comparison.competence_codes, (std::vector<std::string>{"PRIM", "BA_NURS", "MA_TECH"}));
  EXPECT_EQ(comparison.competence_names[1], "Bachelor: nursing");
  EXPECT_EQ(comparison.replicates, 5U);
  EXPECT_TRUE(comparison.common_random_numbers);
  EXPECT_TRUE(comparison.warnings.empty());
  ASSERT_EQ(comparison.rows.size(), 6U);  // 2 years x 3 competences

  const ComparisonRow& prim = comparison.rows[0];
  EXPECT_EQ(prim.year, 2030);
  EXPECT_EQ(prim.competence, 0U);
  ASSERT_EQ(prim.cells.size(), 2U);
  const ScenarioCell& base = prim.cells[0];
  EXPECT_DOUBLE_EQ(base.gap.mean, 30);
  EXPECT_DOUBLE_EQ(base.gap.p5, 12);   // 10 + 0.2 * 10
  EXPECT_DOUBLE_EQ(base.gap.p95, 48);  // 40 + 0.8 * 10
  EXPECT_FALSE(base.change.has_value());
  EXPECT_EQ(base.rating.rating, GapRating::shortage);
  EXPECT_DOUBLE_EQ(base.rating.share, 0.8);

  const ScenarioCell& policy = prim.cells[1];
  EXPECT_DOUBLE_EQ(policy.gap.mean, 33.2);
  ASSERT_TRUE(policy.change.has_value());
  EXPECT_DOUBLE_EQ(policy.change->mean, 3.2);  // of {2, -1, 5, 0, 10}
  EXPECT_DOUBLE_EQ(policy.change->p5, -0.8);
  EXPECT_DOUBLE_EQ(policy.change->p95, 9);
  // Ratings {1, 0, 0, 1, -1}: shortage and balance tie at 2 of 5; the tie goes to balance.
  EXPECT_EQ(policy.rating.rating, GapRating::balance);
  EXPECT_DOUBLE_EQ(policy.rating.share, 0.4);

  const ComparisonRow& nursing = comparison.rows[1];
  EXPECT_EQ(nursing.competence, 1U);
  EXPECT_DOUBLE_EQ(nursing.cells[0].gap.mean, -300);
  EXPECT_DOUBLE_EQ(nursing.cells[0].gap.p5, -309);   // -310 + 0.2 * 5
  EXPECT_DOUBLE_EQ(nursing.cells[0].gap.p95, -291);  // -295 + 0.8 * 5
  EXPECT_EQ(nursing.cells[0].rating.rating, GapRating::surplus);
  EXPECT_DOUBLE_EQ(nursing.cells[0].rating.share, 1.0);
  EXPECT_EQ(nursing.cells[1].change->mean, 0);  // same gaps replicate by replicate: exactly 0
  EXPECT_EQ(nursing.cells[1].change->p5, 0);
  EXPECT_EQ(nursing.cells[1].change->p95, 0);

  EXPECT_EQ(comparison.rows[3].year, 2035);
  EXPECT_EQ(comparison.rows[3].competence, 0U);
}

TEST(CompareResults, AFileComparedWithItselfChangesNothing) {
  ScratchDirectory dir;
  KnownCase known;
  known.base.write(dir / "base.h5");
  const std::vector<ResultGaps> results = {read_result_gaps(dir / "base.h5"),
                                           read_result_gaps(dir / "base.h5")};
  const Comparison comparison = compare_results(results, {2035, 2030});
  EXPECT_EQ(comparison.scenarios, (std::vector<std::string>{"base (base.h5)", "base (base.h5)"}));
  EXPECT_EQ(comparison.rows.front().year, 2035);
  for (const auto& row : comparison.rows) {
    EXPECT_EQ(row.cells[1].change->mean, 0);
    EXPECT_EQ(row.cells[1].change->p5, 0);
    EXPECT_EQ(row.cells[1].change->p95, 0);
  }
}

TEST(CompareResults, OneReplicateCollapsesTheInterval) {
  ScratchDirectory dir;
  SyntheticResult base, policy;
  base.replicates = policy.replicates = 1;
  base.gap = {5, 6, 7, 8, 9, 10};
  base.rating = {0, 0, 0, 1, 1, 1};
  policy.gap = {5, 6, 7, 18, 9, 10};
  policy.rating = base.rating;
  base.write(dir / "base.h5");
  policy.write(dir / "policy.h5");
  const std::vector<ResultGaps> results = {read_result_gaps(dir / "base.h5"),
                                           read_result_gaps(dir / "policy.h5")};
  const Comparison comparison = compare_results(results, {2035});
  EXPECT_EQ(comparison.replicates, 1U);
  const ScenarioCell& cell = comparison.rows[0].cells[1];
  EXPECT_EQ(cell.change->mean, 10);
  EXPECT_EQ(cell.change->p5, 10);
  EXPECT_EQ(cell.change->p95, 10);
  EXPECT_DOUBLE_EQ(cell.rating.share, 1.0);
}

TEST(CompareResults, DifferentSeedsWarnButCompare) {
  ScratchDirectory dir;
  KnownCase known;
  known.policy.seed = 8;
  const std::vector<ResultGaps> results = known.written_and_read(dir);
  const Comparison comparison = compare_results(results, {2030});
  EXPECT_FALSE(comparison.common_random_numbers);
  ASSERT_EQ(comparison.warnings.size(), 1U);
  EXPECT_TRUE(contains(comparison.warnings[0], "not common random numbers"))
      << comparison.warnings[0];
  EXPECT_TRUE(contains(comparison.warnings[0], "policy.h5")) << comparison.warnings[0];
}

TEST(CompareResults, AYearTheFilesDoNotHoldIsAnError) {
  ScratchDirectory dir;
  KnownCase known;
  const std::vector<ResultGaps> results = known.written_and_read(dir);
  const auto message = comparison_error([&] { compare_results(results, {2030, 2040}); });
  EXPECT_TRUE(contains(message, "2040")) << message;
  EXPECT_TRUE(contains(message, "2030–2035")) << message;
}

TEST(CheckComparable, MismatchedFilesAreErrorsNamingBothFiles) {
  ScratchDirectory dir;
  KnownCase known;
  known.base.write(dir / "base.h5");
  const ResultGaps base = read_result_gaps(dir / "base.h5");

  SyntheticResult other_years;
  other_years.years = {2030, 2040};
  other_years.write(dir / "years.h5");
  SyntheticResult fewer_replicates;
  fewer_replicates.replicates = 4;
  fewer_replicates.gap.resize(4 * 2 * 3);
  fewer_replicates.rating.resize(4 * 2 * 3);
  fewer_replicates.write(dir / "replicates.h5");
  SyntheticResult other_competences;
  other_competences.competence_labels[2] = "MA_ECON: Master: economics";
  other_competences.write(dir / "competences.h5");

  const auto check = [&](const std::string& file) {
    return comparison_error([&] {
      const std::vector<ResultGaps> results = {base, read_result_gaps(dir / file)};
      check_comparable(results);
    });
  };
  std::string message = check("years.h5");
  EXPECT_TRUE(contains(message, "years.h5") && contains(message, "base.h5")) << message;
  EXPECT_TRUE(contains(message, "2030–2040") && contains(message, "2030–2035")) << message;
  message = check("replicates.h5");
  EXPECT_TRUE(contains(message, "replicates.h5") && contains(message, "4 replicates")) << message;
  EXPECT_TRUE(contains(message, "base.h5 has 5")) << message;
  message = check("competences.h5");
  EXPECT_TRUE(contains(message, "competences.h5") && contains(message, "competence groups"))
      << message;
}

TEST(ReadResultGaps, FilesThatAreNotKfsimResultsAreNamed) {
  ScratchDirectory dir;
  const auto missing = comparison_error([&] { read_result_gaps(dir / "missing.h5"); });
  EXPECT_TRUE(contains(missing, "missing.h5") && contains(missing, "no such file")) << missing;

  testing::Sample().write(dir / "other.h5");  // netCDF-4, but not a kfsim result
  const auto other = comparison_error([&] { read_result_gaps(dir / "other.h5"); });
  EXPECT_EQ(other, (dir / "other.h5").string() +
                       ": is not a kfsim result file (it has no global attribute "
                       "kfsim_file_format_version)");

  SyntheticResult unnamed;
  unnamed.with_scenario_name = false;
  unnamed.write(dir / "unnamed.h5");
  const auto no_name = comparison_error([&] { read_result_gaps(dir / "unnamed.h5"); });
  EXPECT_TRUE(contains(no_name, "unnamed.h5") && contains(no_name, "kfsim_scenario_name"))
      << no_name;
}

TEST(ReadResultGaps, FilesOfAnotherFormatVersionAreRefused) {
  ScratchDirectory dir;
  SyntheticResult old;
  old.format_version = 0;
  old.write(dir / "old.h5");
  EXPECT_EQ(comparison_error([&] { read_result_gaps(dir / "old.h5"); }),
            (dir / "old.h5").string() +
                ": has result file format version 0, written by an older kfsim; this kfsim "
                "reads version 1 only (run the scenario again to get a file of that version)");
}

TEST(ReadResultGaps, TruncatedFilesAreRefused) {
  ScratchDirectory dir;
  SyntheticResult whole;
  whole.write(dir / "cut.h5");
  std::filesystem::resize_file(dir / "cut.h5", std::filesystem::file_size(dir / "cut.h5") / 2);
  const auto message = comparison_error([&] { read_result_gaps(dir / "cut.h5"); });
  EXPECT_TRUE(contains(message, (dir / "cut.h5").string() + ": cannot be opened because it is "
                                                            "truncated"))
      << message;
}

}  // namespace
}  // namespace kfsim::output
