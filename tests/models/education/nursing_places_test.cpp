// The forum's question, as scenarios/more_nursing_places.toml asks it: 30 %
// more nursing places at Høgskolen i Østfold from 2026 give more nursing
// graduates from 2029 and a smaller nursing shortage than the baseline. Both
// run with the baseline's seed (common random numbers), so that the
// difference is the policy's and not the luck of the draw.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "models/model.hpp"
#include "sim/run/ensemble.hpp"
#include "tests/models/education/education_test_support.hpp"

namespace kfsim {
namespace {

using education_test::ProgrammeMeasure;

// Nurses admitted in August 2026 complete in June 2029; seven cohorts of
// graduates show the effect on supply. ctest runs each test in a process of
// its own, so the two runs to 2035 are made once, in one test.
#if defined(__SANITIZE_ADDRESS__)
// The sanitizer build runs some 25 times slower: to the end of the first
// larger intake's year, which exercises the policy but has no graduates yet.
const std::string kEnd = "end=\"2026-12\"";
constexpr int kLastYear = 2026;
#else
const std::string kEnd = "end=\"2035-12\"";
constexpr int kLastYear = 2035;
#endif
constexpr int kPolicyYear = 2026;
constexpr int kFirstGraduates = 2029;

// The supply's responses to the labour market's tightness (migration, in-commuting, the
// participation of those outside the labour force) would carry the policy into the county's
// population before its first graduates; this test follows the programme's own path, with
// common random numbers, so they are off here (each response has tests of its own).
const std::vector<std::string> kOverrides = {kEnd, "demography.in_migration_tightness_elasticity=0",
                                             "labour.in_commuting_response=0",
                                             "labour.participation_response=0"};

ModelRun run_scenario(const std::string& file) {
  const auto scenario = education_test::load(file, kOverrides);
  // Common random numbers need the baseline's seed, which extends passes on.
  if (scenario.integer("seed") != education_test::baseline().integer("seed")) {
    throw std::logic_error(file + " does not use the baseline's seed");
  }
  return education_test::run(scenario);
}

std::size_t nursing() {
  return education_test::programme_index(education_test::baseline_tables().education, "HIO_NURS");
}

bool is_nursing(std::size_t p) { return p == nursing(); }

// A [year, competence] measure's values for bachelor nurses, summed over the years.
template <typename T>
T nursing_sum(const MeasureSet& measures, const std::string& name, int first, int last) {
  const Measure& measure = education_test::measure(measures, name);
  const auto& dims = measures.dimensions();
  const Dimension& years = dims.at(measure.dims.at(0));
  const Dimension& competences = dims.at(measure.dims.at(1));
  std::size_t nurses = competences.size();
  for (std::size_t c = 0; c < competences.size(); ++c) {
    if (competences.labels[c].rfind("BA_NURS:", 0) == 0) nurses = c;
  }
  if (nurses == competences.size()) throw std::invalid_argument("no competence BA_NURS");
  const auto& values = std::get<std::vector<T>>(measure.values);
  T total = 0;
  for (std::size_t y = 0; y < years.size(); ++y) {
    if (years.codes[y] < first || years.codes[y] > last) continue;
    total += values[y * competences.size() + nurses];
  }
  return total;
}

// The county's demand minus supply of bachelor nurses, summed over the years.
double nursing_gap(const MeasureSet& measures, int first, int last) {
  return nursing_sum<double>(measures, "competence_gap", first, last);
}

// What long-open vacancies and unmet demand ask of bachelor nurses
// (competence_shortage), summed over the years.
std::int64_t nursing_shortage(const MeasureSet& measures, int first, int last) {
  return nursing_sum<std::int64_t>(measures, "competence_shortage", first, last);
}

void expect_thirty_percent_more_places_from_2026(const MeasureSet& base_run,
                                                 const MeasureSet& more_run) {
  const ProgrammeMeasure base(base_run, "programme_places");
  const ProgrammeMeasure more(more_run, "programme_places");
  const double table = education_test::baseline_tables().education.programmes[nursing()].places;
  const auto raised = static_cast<std::int64_t>(std::floor(table * 1.3 + 0.5));
  for (int year = 2024; year <= kLastYear; ++year) {
    EXPECT_EQ(static_cast<double>(base.at(year, nursing())), table) << year;
    EXPECT_EQ(more.at(year, nursing()), year < kPolicyYear ? base.at(year, nursing()) : raised)
        << year;
  }
}

void expect_more_residents_admitted(const MeasureSet& base_run, const MeasureSet& more_run) {
  const ProgrammeMeasure base(base_run, "programme_admitted");
  const ProgrammeMeasure more(more_run, "programme_admitted");
  EXPECT_GT(more.sum(kPolicyYear, kLastYear, is_nursing),
            base.sum(kPolicyYear, kLastYear, is_nursing));
}

void expect_more_graduates_from_2029(const MeasureSet& base_run, const MeasureSet& more_run) {
  const ProgrammeMeasure base(base_run, "programme_completed");
  const ProgrammeMeasure more(more_run, "programme_completed");
  // The first larger intake is still studying until June 2029.
  EXPECT_EQ(more.sum(2024, kFirstGraduates - 1, is_nursing),
            base.sum(2024, kFirstGraduates - 1, is_nursing));
  EXPECT_GT(more.sum(kFirstGraduates, kLastYear, is_nursing),
            base.sum(kFirstGraduates, kLastYear, is_nursing));
}

void expect_outside_graduates_staying_from_2029(const MeasureSet& base_run,
                                                const MeasureSet& more_run) {
  // Only places above the table's add graduates from the outside intake: none in the
  // baseline, none before the first larger intake completes.
  const auto everything = [](std::size_t) { return true; };
  for (const char* name :
       {"programme_outside_graduates_resident", "programme_outside_graduates_settled"}) {
    const ProgrammeMeasure base(base_run, name);
    const ProgrammeMeasure more(more_run, name);
    EXPECT_EQ(base.sum(2024, kLastYear, everything), 0) << name;
    EXPECT_EQ(more.sum(2024, kFirstGraduates - 1, everything), 0) << name;
    EXPECT_GT(more.sum(kFirstGraduates, kLastYear, is_nursing), 0) << name;
    EXPECT_EQ(more.sum(kFirstGraduates, kLastYear, everything),
              more.sum(kFirstGraduates, kLastYear, is_nursing))
        << name << ": only HIO_NURS has added places";
  }
  // Of those who complete, 0.59 live in the county and 0.41 x 0.3 settle there: about 0.21
  // settlers to a resident (binomial noise over seven cohorts of some 40 residents each).
  const double residents =
      static_cast<double>(ProgrammeMeasure(more_run, "programme_outside_graduates_resident")
                              .sum(kFirstGraduates, kLastYear, is_nursing));
  const double settled =
      static_cast<double>(ProgrammeMeasure(more_run, "programme_outside_graduates_settled")
                              .sum(kFirstGraduates, kLastYear, is_nursing));
  EXPECT_NEAR(settled / residents, 0.41 * 0.3 / 0.59, 0.08);
}

void expect_smaller_shortage(const MeasureSet& base_run, const MeasureSet& more_run) {
  // competence_gap is demand minus supply: a smaller shortage is a smaller gap.
  EXPECT_LT(nursing_gap(more_run, kFirstGraduates, kLastYear),
            nursing_gap(base_run, kFirstGraduates, kLastYear));
}

// Whether two runs' values of a measure agree to the last bit over the years,
// or months, before `before`: the measure's first dimension is year or month.
bool same_until(const MeasureSet& measures, const Measure& a, const Measure& b,
                std::int32_t before) {
  const Dimension& first = measures.dimensions().at(a.dims.at(0));
  std::size_t kept = 0;
  while (kept < first.size() && first.codes[kept] < before) ++kept;
  return std::visit(
      [&](const auto& left) {
        const auto& right = std::get<std::decay_t<decltype(left)>>(b.values);
        if (left.size() != right.size()) return false;
        const std::size_t n = left.size() / first.size() * kept;
        // Bytes, not ==: a NaN in both runs is agreement, and -0.0 vs 0.0 is not.
        return n == 0 || std::memcmp(left.data(), right.data(), n * sizeof(left[0])) == 0;
      },
      a.values);
}

void expect_identical_until_the_first_larger_intake(const MeasureSet& base,
                                                    const MeasureSet& more) {
  // The places change from the August 2026 intake; until then the two runs
  // draw the same numbers for the same persons and must agree exactly: every
  // measure by year for 2024 and 2025, every monthly one up to July 2026.
  ASSERT_EQ(base.measures().size(), more.measures().size());
  int compared = 0;
  for (std::size_t i = 0; i < base.measures().size(); ++i) {
    const Measure& a = base.measures()[i];
    const Measure& b = more.measures()[i];
    ASSERT_EQ(a.name, b.name);
    const std::string& first = base.dimensions().at(a.dims.at(0)).name;
    std::int32_t before = 0;
    if (first == "year") {
      before = kPolicyYear;
    } else if (first == "month") {
      before = kPolicyYear * 100 + 8;
    } else {
      continue;
    }
    ++compared;
    EXPECT_TRUE(same_until(base, a, b, before)) << a.name << " differs before the policy acts";
  }
  // Population, labour and education measures are all among them.
  for (const char* name : {"population_end", "persons_by_status", "competence_gap",
                           "programme_admitted", "unemployment_rate_monthly"}) {
    EXPECT_NE(base.find(name), nullptr) << name;
  }
  EXPECT_GT(compared, 30);
  // And the runs do part once the policy acts.
  const ProgrammeMeasure base_admitted(base, "programme_admitted");
  const ProgrammeMeasure more_admitted(more, "programme_admitted");
  EXPECT_NE(base_admitted.at(kPolicyYear, nursing()), more_admitted.at(kPolicyYear, nursing()));
}

TEST(NursingPlaces, MoreGraduatesFrom2029AndASmallerShortage) {
  const ModelRun base = run_scenario(education_test::kBaselineFile);
  const ModelRun more = run_scenario(KFSIM_SOURCE_DIR "/scenarios/more_nursing_places.toml");
  {
    SCOPED_TRACE("HIO_NURS places are 30 % higher from 2026");
    expect_thirty_percent_more_places_from_2026(base.measures, more.measures);
  }
  {
    SCOPED_TRACE("more residents admitted to HIO_NURS in 2026-2035");
    expect_more_residents_admitted(base.measures, more.measures);
  }
  if (kLastYear >= kFirstGraduates) {
    {
      SCOPED_TRACE("more HIO_NURS completions in 2029-2035");
      expect_more_graduates_from_2029(base.measures, more.measures);
    }
    {
      SCOPED_TRACE("outside applicants on the added places who stay, from 2029");
      expect_outside_graduates_staying_from_2029(base.measures, more.measures);
    }
    {
      SCOPED_TRACE("a smaller BA_NURS demand minus supply in 2029-2035");
      expect_smaller_shortage(base.measures, more.measures);
    }
  }
  {
    SCOPED_TRACE("common random numbers: identical before August 2026");
    expect_identical_until_the_first_larger_intake(base.measures, more.measures);
  }
}

TEST(NursingPlaces, ASmallerNurseShortageInNineOfTenReplicates) {
  // The paired difference of the gap's shortage part for bachelor nurses,
  // 2029-2032, is below zero in at least nine of ten replicates: more
  // graduates fill nurse posts that would stay open. Most of HiØ's 114 extra
  // places a year go to outside applicants; those of them who live in Østfold
  // or settle there after completing (education.outside_resident_share,
  // outside_graduate_settle_share) add to the county's nurses, besides the
  // residents the model follows as applicants (docs/calibration.md).
  if (kLastYear < kFirstGraduates) GTEST_SKIP() << "no graduates before " << kFirstGraduates;
  constexpr int kLast = 2032;
  std::vector<std::string> overrides = kOverrides;
  overrides.front() = "end=\"" + std::to_string(kLast) + "-12\"";
  const auto base = education_test::load(education_test::kBaselineFile, overrides);
  const auto more =
      education_test::load(KFSIM_SOURCE_DIR "/scenarios/more_nursing_places.toml", overrides);
  // The 20 runs side by side on two threads, one run a thread, as an ensemble runs them.
  constexpr std::uint32_t kReplicates = 10;
  const std::vector<EnsembleTask> tasks = plan_tasks(2, kReplicates);  // point 1: the policy
  std::vector<std::int64_t> shortage(tasks.size(), -1);
  run_tasks(tasks, 2, [&](const EnsembleTask& task) {
    RunControl control;
    control.share_arena = true;
    try {  // a task may not throw: a failed run is a shortage of -2, refused below
      const ModelRun run = run_model(task.point == 0 ? base : more, task.replicate, control);
      shortage[task.index] = nursing_shortage(run.measures, kFirstGraduates, kLast);
    } catch (const std::exception&) {
      shortage[task.index] = -2;
    }
  });
  for (std::size_t k = 0; k < tasks.size(); ++k) ASSERT_GE(shortage[k], 0) << "run " << k;
  unsigned agreeing = 0;
  for (std::uint32_t replicate = 0; replicate < kReplicates; ++replicate) {
    const auto before = shortage[replicate];
    const auto after = shortage[kReplicates + replicate];
    EXPECT_GT(before, 0) << "replicate " << replicate << ": no nurse shortage in the baseline";
    if (after < before) ++agreeing;
  }
  EXPECT_GE(agreeing, 9u) << "replicates with a smaller nurse shortage, of " << kReplicates;
}

}  // namespace
}  // namespace kfsim
