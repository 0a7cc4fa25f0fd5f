// The labour market's tightness on the Østfold baseline: 1 through the run's
// first year, then the mean of the last 12 months' vacancies / registered
// unemployed over the same mean of the first 12, computed from the very counts
// the labour market records each month (vacancies_monthly, unemployed_monthly).
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <numeric>
#include <vector>

#include "models/demography/demography.hpp"
#include "models/demography/demography_params.hpp"
#include "models/education/education.hpp"
#include "models/education/education_params.hpp"
#include "models/labour/labour_market.hpp"
#include "models/labour/labour_params.hpp"
#include "models/population/persons.hpp"
#include "sim/rng/random.hpp"
#include "sim/run/runner.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

TEST(LabourTightness, IsOneInTheFirstYearThenTheRatioAgainstTheFirstYear) {
  // Fourteen months: the first year and two months past it.
  const auto scenario = labour_test::baseline({"end=\"2025-02\""});
  const DemographyData data = load_demography_data(demography_files(scenario));
  const LabourData labour_data = load_labour_data(labour_files(scenario), data.municipalities);
  const EducationData education_data =
      load_education_data(scenario.file("data.programmes"), labour_data, data.municipalities);
  const Month start = scenario.month("start");
  const Month end = scenario.month("end");
  const rng::RngKey key(static_cast<std::uint64_t>(scenario.integer("seed")), 0);
  Persons persons;
  MeasureSet measures;
  add_common_dimensions(measures, data.municipalities, start, end);
  Demography demography(data, persons, measures, key, start, end);
  LabourSetup setup = labour_setup(scenario);
  setup.external_education = true;
  LabourMarket labour(labour_data, data.municipalities, persons, measures, key, start, end, setup);
  Education education(education_data, labour_data, data.municipalities, persons, labour, measures,
                      key, start, end, education_signal_lag_months(scenario));

  EXPECT_EQ(labour.tightness(), 1.0);  // nothing recorded yet
  std::vector<double> tightness;
  std::vector<Process> processes = {
      {"demography",
       [&](Month month) {
         demography.step(month, demography_params_at(scenario, month, data.municipalities),
                         labour.tightness());
       }},
      {"education",
       [&](Month month) {
         education.step(month, education_params_at(scenario, month),
                        programme_places_at(scenario, education_data, month));
       }},
      {"labour_market",
       [&](Month month) { labour.step(month, labour_params_at(scenario, labour_data, month)); }},
      {"tightness", [&](Month) { tightness.push_back(labour.tightness()); }},
  };
  RunControl control;
  control.threads = 2;
  run_months(start, end, processes, control, [&] {
    demography.populate(start);
    labour.initialize(start, labour_params_at(scenario, labour_data, start));
    education.initialize(start);
  });

  ASSERT_EQ(tightness.size(), 14u);
  // Through the first year, and at its end (the window is the reference), exactly 1.
  for (std::size_t t = 0; t < 12; ++t) EXPECT_EQ(tightness[t], 1.0) << "month " << t;

  const auto& vacancies =
      std::get<std::vector<std::int64_t>>(measures.find("vacancies_monthly")->values);
  const auto& unemployed =
      std::get<std::vector<std::int64_t>>(measures.find("unemployed_monthly")->values);
  std::vector<double> ratio;
  for (std::size_t t = 0; t < 14; ++t) {
    ASSERT_GT(unemployed[t], 0);
    ratio.push_back(static_cast<double>(vacancies[t]) / static_cast<double>(unemployed[t]));
  }
  const auto mean12 = [&](std::size_t first) {
    return std::accumulate(ratio.begin() + static_cast<std::ptrdiff_t>(first),
                           ratio.begin() + static_cast<std::ptrdiff_t>(first + 12), 0.0) /
           12.0;
  };
  for (std::size_t t = 12; t < 14; ++t) {
    EXPECT_DOUBLE_EQ(tightness[t], mean12(t - 11) / mean12(0)) << "month " << t;
    // A plausible value: the market does not turn over in two months.
    EXPECT_GT(tightness[t], 0.5);
    EXPECT_LT(tightness[t], 2.0);
  }
}

}  // namespace
}  // namespace kfsim
