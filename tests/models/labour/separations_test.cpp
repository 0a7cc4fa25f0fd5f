// Separations as a plain function (models/labour/separations.hpp): an employed
// person's job event drawn from hand-set rates, with no labour market,
// population or scenario built.
#include "models/labour/separations.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "models/population/ages.hpp"

namespace kfsim {
namespace {

const Month kMonth = Month::of(2025, 3);
const rng::RngKey kKey(20240611, 0);

// Rates that never fire unless a test sets them.
struct Rates {
  std::vector<double> retirement = std::vector<double>((kMaxTableAge + 1) * kSexCount, 0.0);
  std::vector<double> disability = std::vector<double>(kLabourAgeGroups * kSexCount, 0.0);
  std::vector<double> quit = std::vector<double>(kLabourAgeGroups * kSexCount, 0.0);
  std::vector<double> layoff = std::vector<double>(kLabourAgeGroups * kSexCount, 0.0);
  double season = 1.0;
  double quit_to_unemployment_share = 0.5;
  double on_the_job_search_rate = 0.0;

  SeparationRates view() const {
    return {retirement,
            disability,
            quit,
            layoff,
            1.0,
            1.0,
            1.0,
            season,
            quit_to_unemployment_share,
            on_the_job_search_rate};
  }
};

JobDraw draw(const Rates& rates, int age = 40, AgentId id = 7, Sex sex = Sex::Female) {
  return draw_job_event({id, age, sex}, rates.view(), kKey, kMonth);
}

TEST(SeparationsProcess, NothingHappensWhenNoRateFires) {
  const Rates rates;
  for (AgentId id = 0; id < 200; ++id) {
    const auto d = draw(rates, 40, id);
    EXPECT_EQ(d.event, JobEvent::None);
    EXPECT_FALSE(d.searching);
  }
}

TEST(SeparationsProcess, EveryoneRetiresAtTheOldestAgeOfTheTable) {
  const Rates rates;
  EXPECT_EQ(draw(rates, kAllRetiredAge).event, JobEvent::Retire);
  EXPECT_EQ(draw(rates, kAllRetiredAge - 1).event, JobEvent::None);
}

TEST(SeparationsProcess, RetirementComesFirstThenDisabilityThenQuitsThenLayOffs) {
  Rates rates;
  const std::size_t group = labour_age_group(60) * kSexCount;  // women of 60
  rates.layoff[group] = 1.0;
  EXPECT_EQ(draw(rates, 60).event, JobEvent::Layoff);
  rates.quit[group] = 1.0;
  rates.quit_to_unemployment_share = 1.0;
  EXPECT_EQ(draw(rates, 60).event, JobEvent::QuitToSeeking);
  rates.quit_to_unemployment_share = 0.0;
  EXPECT_EQ(draw(rates, 60).event, JobEvent::QuitToOutside);
  rates.disability[group] = 1.0;
  EXPECT_EQ(draw(rates, 60).event, JobEvent::Disability);
  rates.retirement[60 * kSexCount] = 1.0;
  EXPECT_EQ(draw(rates, 60).event, JobEvent::Retire);
  // The rates of men of 60 are still zero.
  EXPECT_EQ(draw(rates, 60, 7, Sex::Male).event, JobEvent::None);
}

TEST(SeparationsProcess, TheSeasonScalesQuitsAndLayOffs) {
  Rates rates;
  for (auto& r : rates.quit) r = 1.0;
  for (auto& r : rates.layoff) r = 1.0;
  rates.season = 0.0;
  EXPECT_EQ(draw(rates).event, JobEvent::None);
}

TEST(SeparationsProcess, OnlyThoseWhoKeepTheirJobSearchOnTheJob) {
  Rates rates;
  rates.on_the_job_search_rate = 1.0;
  auto d = draw(rates);
  EXPECT_EQ(d.event, JobEvent::None);
  EXPECT_TRUE(d.searching);
  for (auto& r : rates.layoff) r = 1.0;
  d = draw(rates);
  EXPECT_EQ(d.event, JobEvent::Layoff);
  EXPECT_FALSE(d.searching);
}

TEST(SeparationsProcess, EachPersonsDrawIsTheirOwnAndRepeatable) {
  Rates rates;
  for (auto& r : rates.quit) r = 0.1;
  int quits = 0;
  constexpr int kPersons = 20000;
  for (AgentId id = 0; id < kPersons; ++id) {
    const auto d = draw(rates, 40, id);
    EXPECT_EQ(d.event, draw(rates, 40, id).event);
    if (d.event == JobEvent::QuitToSeeking || d.event == JobEvent::QuitToOutside) ++quits;
  }
  // Binomial(20000, 0.1): standard deviation about 42.
  EXPECT_NEAR(quits, kPersons / 10, 250);
}

TEST(SeparationsProcess, MonthlyRetirementCompoundsToTheAnnualRate) {
  std::vector<double> annual(
      (LabourData::kRetirementMaxAge - LabourData::kRetirementMinAge + 1) * kSexCount, 0.0);
  annual[(67 - LabourData::kRetirementMinAge) * kSexCount] = 0.4;  // women of 67
  LabourParams params;
  auto monthly = monthly_retirement_probabilities(annual, params);
  const double m = monthly[67 * kSexCount];
  EXPECT_NEAR(1.0 - std::pow(1.0 - m, 12), 0.4, 1e-12);
  EXPECT_EQ(monthly[66 * kSexCount], 0.0);
  EXPECT_EQ(monthly[54 * kSexCount], 0.0);
  // A later retirement age moves the rates up by the shift.
  params.retirement_age_shift = 2.0;
  monthly = monthly_retirement_probabilities(annual, params);
  EXPECT_EQ(monthly[69 * kSexCount], m);
  EXPECT_EQ(monthly[67 * kSexCount], 0.0);
}

}  // namespace
}  // namespace kfsim
