// The whole model on the Østfold baseline, for a year and a month: the labour
// market's accounting holds every month, results do not depend on the thread
// count but do depend on the seed, and the first year's flows are of a
// plausible size.
//
// ctest runs every test in a process of its own, so each test that needs a
// full run pays for one: the checks of the first year share a single test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "models/labour/labour_market.hpp"
#include "models/labour/labour_measures.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

// Thirteen months: the whole of 2024 and the turn of the year, short enough
// for the sanitizer build.
const std::string kEnd = "2025-01";
constexpr int kMonths = 13;

struct CountedRun {
  ModelRun result;
  int months = 0;  // months the runner completed
};

CountedRun run(int threads, const std::string& end, std::vector<std::string> overrides = {}) {
  overrides.push_back("end=\"" + end + "\"");
  const auto scenario = labour_test::baseline(overrides);
  CountedRun counted;
  RunControl control;
  control.threads = threads;
  control.check_invariants = true;
  control.on_month_done = [&counted](Month, Month, Month) { ++counted.months; };
  counted.result = run_model(scenario, 0, control);
  return counted;
}

// The one-thread baseline run, shared by the tests of one process.
const CountedRun& counted_baseline_run() {
  static const CountedRun counted = run(1, kEnd);
  return counted;
}

const ModelRun& baseline_run() { return counted_baseline_run().result; }

using labour_test::counts;
using labour_test::measure;
using labour_test::reals;

// The values of the first year of a measure whose first dimension is the year.
std::vector<std::int64_t> first_year(const ModelRun& r, const std::string& name) {
  const auto& values = counts(r, name);
  const Measure& m = measure(r, name);
  if (r.measures.dimensions()[m.dims.at(0)].name != "year") {
    throw std::invalid_argument(name + " is not by year");
  }
  const std::size_t per_year = values.size() / r.measures.shape(m)[0];
  return {values.begin(), values.begin() + static_cast<std::ptrdiff_t>(per_year)};
}

std::int64_t sum(const std::vector<std::int64_t>& values) {
  return std::accumulate(values.begin(), values.end(), std::int64_t{0});
}

TEST(LabourRun, InvariantsHoldEveryMonth) {
  // The runs check the invariants after every month and throw
  // std::logic_error from the first month that breaks one.
  ASSERT_NO_THROW(counted_baseline_run());
  EXPECT_EQ(counted_baseline_run().months, kMonths);
}

TEST(LabourRun, IdenticalForOneTwoAndFourThreads) {
  // oneTBB caps its workers at the core count unless told otherwise.
  const ThreadLimit allow(4);
  const ModelRun& one = baseline_run();
  for (int threads : {2, 4}) {
    const ModelRun many = run(threads, kEnd).result;
    ASSERT_EQ(one.measures.measures().size(), many.measures.measures().size());
    for (std::size_t i = 0; i < one.measures.measures().size(); ++i) {
      EXPECT_TRUE(bit_identical(one.measures.measures()[i], many.measures.measures()[i]))
          << one.measures.measures()[i].name << " differs with " << threads << " threads";
    }
    EXPECT_EQ(one.final_population, many.final_population);
    EXPECT_EQ(one.person_months, many.person_months);
  }
}

TEST(LabourRun, AnotherSeedChangesTheResults) {
  // The initial placement already depends on the seed: two months suffice.
  const ModelRun base = run(1, "2024-02").result;
  const ModelRun other = run(1, "2024-02", {"seed=7"}).result;
  for (const std::string name :
       {"employed_monthly", "unemployed_monthly", "vacancies_monthly", "hires", "separations"}) {
    EXPECT_FALSE(bit_identical(measure(base, name), measure(other, name))) << name;
  }
}

TEST(LabourRun, FirstYearFlowsArePlausible) {
  const ModelRun& r = baseline_run();

  const auto hires = sum(first_year(r, "hires"));
  EXPECT_GT(hires, 0);
  EXPECT_EQ(hires, sum(first_year(r, "hires_by_occupation")));

  // Every reason to leave a job occurs within a year; positions are abolished
  // only where an industry shrinks, which need not happen.
  const auto separations = first_year(r, "separations");
  const std::vector<std::string> reasons = {
      "quit", "layoff", "retirement", "disability", "death_or_moved_away", "job_to_job"};
  ASSERT_EQ(separations.size(), 7u);
  for (std::size_t k = 0; k < reasons.size(); ++k) {
    EXPECT_GT(separations[k], 0) << "separations: " << reasons[k];
  }

  // Openings by kind (OpeningKind): replacement (exits), expansion, mobility,
  // churn. Replacement demand exceeds expansion demand, as in Cedefop's
  // forecasts: industries grow by a percent or two a year, while more people
  // than that retire or leave the labour force; every kind occurs.
  const auto openings = first_year(r, "openings");
  ASSERT_EQ(openings.size(), 4u);
  const std::vector<std::string> kinds = {"replacement", "expansion", "mobility", "churn"};
  for (std::size_t k = 0; k < kinds.size(); ++k) {
    EXPECT_GT(openings[k], 0) << "openings: " << kinds[k];
  }
  EXPECT_GT(openings[0], openings[1])
      << "openings: replacement " << openings[0] << ", expansion " << openings[1];

  // Each resident who leaves a position that is not abolished counts once by
  // occupation, as an exit, a move to another occupation or churn.
  const std::int64_t by_occupation = sum(first_year(r, "replacement_demand")) +
                                     sum(first_year(r, "occupational_mobility")) +
                                     sum(first_year(r, "churn"));
  const auto abolished = static_cast<std::size_t>(SeparationReason::PositionAbolished);
  EXPECT_EQ(by_occupation, sum(separations) - separations[abolished]);
  // Those moving job to job count as mobility or churn, never as exits.
  EXPECT_LE(sum(first_year(r, "occupational_mobility")),
            separations[static_cast<std::size_t>(SeparationReason::JobToJob)]);

  const auto& rates = reals(r, "unemployment_rate_monthly");
  ASSERT_EQ(rates.size(), static_cast<std::size_t>(kMonths));
  for (std::size_t t = 0; t < rates.size(); ++t) {
    EXPECT_GT(rates[t], 0.005) << "unemployment rate in month " << t;
    EXPECT_LT(rates[t], 0.10) << "unemployment rate in month " << t;
  }

  // calibration_targets.csv: jobs_by_workplace 123 564 (held by residents and
  // in-commuters), here the filled positions in Østfold on 31 December 2024.
  const auto jobs = first_year(r, "jobs");
  const auto vacant = first_year(r, "jobs_vacant");
  const auto& areas = r.measures.dimensions()[r.measures.dimension_index("work_area")];
  const auto& occupations = r.measures.dimensions()[r.measures.dimension_index("occupation")];
  ASSERT_EQ(jobs.size(), areas.size() * occupations.size());
  std::int64_t filled = 0;
  for (std::size_t a = 0; a < areas.size(); ++a) {
    if (areas.codes[a] == kOutsideAreaCode) continue;
    for (std::size_t o = 0; o < occupations.size(); ++o) {
      filled += jobs[a * occupations.size() + o] - vacant[a * occupations.size() + o];
    }
  }
  EXPECT_NEAR(static_cast<double>(filled), 123564.0, 0.05 * 123564.0) << "jobs filled";
}

}  // namespace
}  // namespace kfsim
