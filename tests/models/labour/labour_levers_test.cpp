// The policy levers of the scenario library, each on the Østfold baseline over
// a short horizon: a growth shift raises its industry's positions, an
// occupation's demand trend moves positions between occupations while each
// industry keeps its total, labour immigration adds arrivals from abroad at
// working ages only, the recognition wait keeps people waiting, levers at their
// defaults change nothing, and the results stay the same for any thread count.
// Positions withdrawn after long vacancy become unmet demand, and a withdrawal
// that cannot yet act changes nothing.
// Unknown industry or occupation codes in the keys are scenario errors.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "models/demography/demography_data.hpp"
#include "models/demography/demography_params.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/labour_measures.hpp"
#include "models/labour/labour_params.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/error.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

// Two years: long enough for yearly trends to move thousands of positions.
const std::string kEnd = "2025-12";

ModelRun run(std::vector<std::string> overrides, const std::string& end = kEnd, int threads = 2) {
  return labour_test::run_baseline(std::move(overrides), end, threads);
}

const ModelRun& baseline_run() {
  static const ModelRun r = run({});
  return r;
}

using labour_test::counts;
using labour_test::measure;

const Dimension& dimension(const ModelRun& r, const std::string& name) {
  return r.measures.dimensions()[r.measures.dimension_index(name)];
}

// The last year's block of a measure whose first dimension is the year.
std::vector<std::int64_t> last_year(const ModelRun& r, const std::string& name) {
  const auto& values = counts(r, name);
  const std::size_t years = r.measures.shape(measure(r, name))[0];
  const std::size_t per_year = values.size() / years;
  return {values.end() - static_cast<std::ptrdiff_t>(per_year), values.end()};
}

std::int64_t sum(const std::vector<std::int64_t>& values) {
  return std::accumulate(values.begin(), values.end(), std::int64_t{0});
}

// Positions wanted in Østfold by occupation, [occupation], in the last year.
std::vector<std::int64_t> jobs_by_occupation(const ModelRun& r) {
  const auto jobs = last_year(r, "jobs");
  const auto& areas = dimension(r, "work_area");
  const std::size_t n_occ = dimension(r, "occupation").size();
  std::vector<std::int64_t> result(n_occ, 0);
  for (std::size_t a = 0; a < areas.size(); ++a) {
    if (areas.codes[a] == kOutsideAreaCode) continue;
    for (std::size_t o = 0; o < n_occ; ++o) result[o] += jobs[a * n_occ + o];
  }
  return result;
}

// Filled positions in Østfold of one industry (by its SN2007 code), last year.
std::int64_t employed_in_industry(const ModelRun& r, const std::string& code) {
  const auto employed = last_year(r, "employed_by_industry");
  const auto& areas = dimension(r, "work_area");
  const auto& industries = dimension(r, "industry");
  std::int64_t n = 0;
  bool found = false;
  for (std::size_t i = 0; i < industries.size(); ++i) {
    if (industries.labels[i].rfind(code + ":", 0) != 0) continue;
    found = true;
    for (std::size_t a = 0; a < areas.size(); ++a) {
      if (areas.codes[a] != kOutsideAreaCode) n += employed[a * industries.size() + i];
    }
  }
  if (!found) throw std::invalid_argument("no industry " + code);
  return n;
}

std::size_t occupation_index(const ModelRun& r, int code) {
  const auto& occupations = dimension(r, "occupation");
  for (std::size_t o = 0; o < occupations.size(); ++o) {
    if (occupations.codes[o] == code) return o;
  }
  throw std::invalid_argument("no occupation " + std::to_string(code));
}

void expect_identical(const ModelRun& a, const ModelRun& b, const std::string& what) {
  ASSERT_EQ(a.measures.measures().size(), b.measures.measures().size());
  for (std::size_t i = 0; i < a.measures.measures().size(); ++i) {
    EXPECT_TRUE(bit_identical(a.measures.measures()[i], b.measures.measures()[i]))
        << a.measures.measures()[i].name << " differs: " << what;
  }
}

TEST(LabourLevers, IndustryGrowthShiftRaisesThatIndustrysJobs) {
  // +10 % a year for construction (about 10 000 jobs in Østfold): some 2 000
  // more positions after two years, most of them filled.
  const ModelRun shifted = run({"labour.industry_growth_shift.F=0.1"});
  const auto base_f = employed_in_industry(baseline_run(), "F");
  const auto shifted_f = employed_in_industry(shifted, "F");
  EXPECT_GT(static_cast<double>(shifted_f), 1.1 * static_cast<double>(base_f))
      << "construction: baseline " << base_f << ", shifted " << shifted_f;
  // Positions wanted in the other industries do not move: the county total
  // grows by what construction gains alone.
  const auto base_jobs = sum(jobs_by_occupation(baseline_run()));
  const auto shifted_jobs = sum(jobs_by_occupation(shifted));
  EXPECT_GT(shifted_jobs, base_jobs);
  EXPECT_LT(shifted_jobs - base_jobs, 2 * (shifted_f - base_f) + 500);
}

TEST(LabourLevers, OccupationTrendMovesPositionsWithinIndustries) {
  // General clerks (41) lose 20 % of their share a year; the other
  // occupations take the positions, so the county keeps its total.
  const ModelRun automated = run({"labour.occupation_demand_trend.41=-0.2"});
  const auto base = jobs_by_occupation(baseline_run());
  const auto after = jobs_by_occupation(automated);
  const std::size_t clerks = occupation_index(automated, 41);
  // Two years at -20 % leave about 0.8^2 = 64 % of the share.
  EXPECT_LT(static_cast<double>(after[clerks]), 0.72 * static_cast<double>(base[clerks]))
      << "clerks: baseline " << base[clerks] << ", automated " << after[clerks];
  EXPECT_GT(static_cast<double>(after[clerks]), 0.56 * static_cast<double>(base[clerks]));
  // Every other occupation gains a little.
  const std::size_t sales = occupation_index(automated, 52);
  EXPECT_GT(after[sales], base[sales]);
  // The total is the same up to the rounding of each cell to whole positions.
  const double base_total = static_cast<double>(sum(base));
  EXPECT_NEAR(static_cast<double>(sum(after)), base_total, 0.003 * base_total);
}

TEST(LabourLevers, LeversAtTheirDefaultsChangeNothing) {
  // Each lever set explicitly to its default value: the run is the baseline's,
  // to the last bit (a zero shift or trend multiplies by exactly 1).
  const ModelRun explicit_defaults =
      run({"labour.industry_growth_shift.DE=0", "labour.occupation_demand_trend.41=0",
           "demography.labour_immigration_scale=1"});
  expect_identical(baseline_run(), explicit_defaults, "defaults set explicitly");
}

TEST(LabourLevers, LabourImmigrationAddsArrivalsFromAbroadAtWorkingAgesOnly) {
  const ModelRun more = run({"demography.labour_immigration_scale=2"});
  const auto& groups = dimension(more, "age_group");
  const std::size_t n_groups = groups.size();
  // [municipality][sex][age_group] of the last year, summed to age groups.
  auto by_age_group = [&](const ModelRun& r, const std::string& name) {
    const auto values = last_year(r, name);
    std::vector<std::int64_t> result(n_groups, 0);
    for (std::size_t k = 0; k < values.size(); ++k) result[k % n_groups] += values[k];
    return result;
  };
  const auto base_abroad = by_age_group(baseline_run(), "immigration");
  const auto more_abroad = by_age_group(more, "immigration");
  const auto base_outside = by_age_group(baseline_run(), "in_migration_from_outside");
  const auto more_outside = by_age_group(more, "in_migration_from_outside");

  // In the baseline about 26.3 % of arrivals from outside come from abroad.
  const double share =
      static_cast<double>(sum(base_abroad)) / static_cast<double>(sum(base_outside));
  EXPECT_NEAR(share, 0.263, 0.03);

  std::int64_t base_working = 0, more_working = 0, base_young = 0, more_young = 0;
  for (std::size_t g = 0; g < n_groups; ++g) {
    // Age groups 20-24 to 55-59 (indices 4 to 11) are the working ages.
    if (g >= 4 && g <= 11) {
      base_working += base_abroad[g];
      more_working += more_abroad[g];
    } else if (g < 4) {
      base_young += base_outside[g];
      more_young += more_outside[g];
    }
  }
  // Twice as many from abroad at working ages, give or take the noise.
  EXPECT_GT(static_cast<double>(more_working), 1.7 * static_cast<double>(base_working));
  EXPECT_LT(static_cast<double>(more_working), 2.3 * static_cast<double>(base_working));
  // Children arrive as before (their cells draw the same numbers).
  EXPECT_NEAR(static_cast<double>(more_young), static_cast<double>(base_young),
              0.05 * static_cast<double>(base_young));
}

TEST(LabourLevers, RecognitionWaitKeepsQualificationsUnrecognised) {
  // The baseline's wait (12 months) leaves hundreds waiting at the end of a
  // year; no wait leaves nobody.
  const auto waiting = sum(last_year(baseline_run(), "awaiting_recognition"));
  EXPECT_GT(waiting, 100);
  const ModelRun none = run({"labour.recognition_months=0"}, "2024-12");
  EXPECT_EQ(sum(last_year(none, "awaiting_recognition")), 0);
  // A longer wait leaves more waiting.
  const ModelRun slower = run({"labour.recognition_months=36"});
  EXPECT_GT(sum(last_year(slower, "awaiting_recognition")), waiting);
}

TEST(LabourLevers, EveryLeverTogetherIsIdenticalForOneAndThreeThreads) {
  const ThreadLimit allow(3);
  const std::vector<std::string> levers = {
      "labour.industry_growth_shift.DE=0.05", "labour.occupation_demand_trend.41=-0.05",
      "demography.labour_immigration_scale=1.5", "labour.recognition_months=6"};
  const ModelRun one = run(levers, "2024-08", 1);
  const ModelRun three = run(levers, "2024-08", 3);
  expect_identical(one, three, "1 against 3 threads");
  EXPECT_EQ(one.final_population, three.final_population);
}

TEST(LabourLevers, WithdrawalThatCannotYetActChangesNothing) {
  // No position can be vacant for 120 months in two years (without a burn-in,
  // whose months count too): the withdrawal step then leaves the run as it is
  // with the mechanism off, to the last bit (it draws nothing and touches
  // nothing else).
  const ModelRun off = run({"labour.unfilled_withdrawal_months=0", "labour.burn_in_months=0"});
  const ModelRun idle = run({"labour.unfilled_withdrawal_months=120", "labour.burn_in_months=0"});
  expect_identical(off, idle, "withdrawal off against withdrawal after 120 months");
  EXPECT_EQ(sum(counts(off, "unmet_demand")), 0);
}

TEST(LabourLevers, ServicesThatHoldNoJobsChangeNothing) {
  // Services switched on but holding no share of any industry: every industry
  // follows its growth path, to the last bit, as with the services off.
  const auto table = std::filesystem::temp_directory_path() /
                     ("kfsim_no_services_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(table) << "service,industry,share_of_industry_jobs,age_min,age_max,weight\n"
                          "care,Q,0,0,120,1\nschool,P,0,6,18,1\n";
  const ModelRun off = run({"labour.population_driven_services=0"}, "2024-12");
  const ModelRun empty = run({"data.service_demand=\"" + table.string() + "\""}, "2024-12");
  std::filesystem::remove(table);
  expect_identical(off, empty, "services off against services holding no jobs");
}

TEST(LabourLevers, EmployersPostWithdrawnPositionsAgainWherePeopleAreAtHand) {
  // Positions withdrawn after three months vacant: thousands in two years.
  // Where the unemployed trained for an occupation outnumber its hard-to-fill
  // positions, employers post withdrawn ones again, so less demand stays unmet.
  const ModelRun never = run({"labour.unfilled_withdrawal_months=3", "labour.unmet_repost=0"});
  const ModelRun again = run({"labour.unfilled_withdrawal_months=3"});
  const auto unmet_never = sum(last_year(never, "unmet_demand"));
  const auto unmet_again = sum(last_year(again, "unmet_demand"));
  EXPECT_GT(unmet_never, 1000);
  EXPECT_LT(unmet_again, unmet_never * 9 / 10);
}

TEST(LabourLevers, CaresOwnStaffGrowWithTheOldResidents) {
  // Residents of 80 and over grow faster than Q's other users: with the care
  // service staffed by its own mix (data.service_staffing), helsefagarbeidere,
  // whom care holds most of, gain positions on Q's other occupations.
  const ModelRun off = run({"labour.service_staffing_mix=0"}, "2027-12");
  const ModelRun on = run({}, "2027-12");
  const auto jobs_off = jobs_by_occupation(off);
  const auto jobs_on = jobs_by_occupation(on);
  const std::size_t health_workers = occupation_index(on, 5321);
  const std::size_t doctors = occupation_index(on, 221);
  EXPECT_GT(jobs_on[health_workers], jobs_off[health_workers] + 50);
  EXPECT_LT(jobs_on[doctors], jobs_off[doctors]);
}

TEST(LabourLevers, WithdrawnPositionsAreUnmetDemandByOccupationAndIndustry) {
  // After three months vacant a position goes: over two years thousands do,
  // and the two breakdowns of unmet demand agree.
  const ModelRun quick = run({"labour.unfilled_withdrawal_months=3"});
  const auto by_occupation = sum(last_year(quick, "unmet_demand"));
  EXPECT_GT(by_occupation, 100);
  EXPECT_EQ(by_occupation, sum(last_year(quick, "unmet_demand_by_industry")));
  // Withdrawn positions are not posted again: fewer vacancies than the baseline.
  EXPECT_LT(sum(last_year(quick, "jobs_vacant")), sum(last_year(baseline_run(), "jobs_vacant")));
}

TEST(LabourLevers, NewDemandMechanismsOffAreIdenticalForOneAndThreeThreads) {
  const ThreadLimit allow(3);
  const std::vector<std::string> off = {"labour.industry_trend_fade_years=0",
                                        "labour.population_driven_services=0",
                                        "labour.unfilled_withdrawal_months=0"};
  const ModelRun one = run(off, "2024-08", 1);
  const ModelRun three = run(off, "2024-08", 3);
  expect_identical(one, three, "mechanisms off, 1 against 3 threads");
}

TEST(LabourLevers, UnknownIndustryOrOccupationCodeIsAScenarioError) {
  for (const std::string key :
       {"labour.industry_growth_shift.XX=0.1", "labour.occupation_demand_trend.99=0.1"}) {
    const auto scenario = labour_test::baseline({key});
    const LabourData data = load_labour_data(
        labour_files(scenario), load_demography_data(demography_files(scenario)).municipalities);
    EXPECT_THROW(check_labour_keys(scenario, data), scenario::ScenarioError) << key;
  }
  const auto good = labour_test::baseline(
      {"labour.industry_growth_shift.DE=0.1", "labour.occupation_demand_trend.41=-0.1"});
  const LabourData data = load_labour_data(
      labour_files(good), load_demography_data(demography_files(good)).municipalities);
  EXPECT_NO_THROW(check_labour_keys(good, data));
}

}  // namespace
}  // namespace kfsim
