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
  std::vector<double> occupation_quit_factor;

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
            on_the_job_search_rate,
            occupation_quit_factor};
  }
};

JobDraw draw(const Rates& rates, int age = 40, AgentId id = 7, Sex sex = Sex::Female,
             std::ptrdiff_t occupation = -1) {
  return draw_job_event({id, age, sex, occupation}, rates.view(), kKey, kMonth);
}

bool quits(JobEvent event) {
  return event == JobEvent::QuitToSeeking || event == JobEvent::QuitToOutside;
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

TEST(SeparationsProcess, TheOccupationsFactorMultipliesTheQuitRate) {
  Rates rates;
  for (auto& r : rates.quit) r = 0.05;
  rates.occupation_quit_factor = {2.0, 0.5, 1.0};
  constexpr int kPersons = 40000;
  std::vector<int> quit_count(4, 0);  // occupations 0, 1, 2 and none (-1)
  for (AgentId id = 0; id < kPersons; ++id) {
    for (std::ptrdiff_t o = -1; o < 3; ++o) {
      if (quits(draw(rates, 40, id, Sex::Female, o).event))
        ++quit_count[static_cast<std::size_t>(o + 1)];
    }
  }
  // Binomial(40000, p): standard deviations about 60 (p = 0.1), 31 and 44.
  EXPECT_NEAR(quit_count[1], kPersons * 0.10, 300);
  EXPECT_NEAR(quit_count[2], kPersons * 0.025, 160);
  EXPECT_NEAR(quit_count[3], kPersons * 0.05, 220);
  // No occupation, and a factor of 1, quit at the age-sex rate alone, with the same draws.
  EXPECT_EQ(quit_count[0], quit_count[3]);
  // The same draws decide: whoever quits at factor 0.5 quits at factor 2 as well.
  for (AgentId id = 0; id < 2000; ++id) {
    if (quits(draw(rates, 40, id, Sex::Female, 1).event)) {
      EXPECT_TRUE(quits(draw(rates, 40, id, Sex::Female, 0).event)) << id;
    }
  }
}

TEST(SeparationsProcess, AFactorOfOneGivesExactlyTheDrawsWithoutFactors) {
  Rates with;
  Rates without;
  for (Rates* r : {&with, &without}) {
    for (auto& q : r->quit) q = 0.03;
    for (auto& l : r->layoff) l = 0.02;
    for (auto& d : r->disability) d = 0.01;
    r->on_the_job_search_rate = 0.05;
  }
  with.occupation_quit_factor = std::vector<double>(5, 1.0);
  for (AgentId id = 0; id < 5000; ++id) {
    const auto a = draw(with, 30 + static_cast<int>(id % 30), id, Sex::Male, 3);
    const auto b = draw(without, 30 + static_cast<int>(id % 30), id, Sex::Male, 3);
    EXPECT_EQ(a.event, b.event) << id;
    EXPECT_EQ(a.searching, b.searching) << id;
  }
}

TEST(SeparationsProcess, TheOccupationsFactorLeavesRetirementDisabilityAndLayOffsAlone) {
  Rates rates;
  for (auto& l : rates.layoff) l = 0.05;
  for (auto& d : rates.disability) d = 0.02;
  rates.occupation_quit_factor = {0.0, 10.0};
  for (AgentId id = 0; id < 5000; ++id) {
    const auto base = draw(rates, 50, id);
    const auto none = draw(rates, 50, id, Sex::Female, 0);
    EXPECT_EQ(base.event, none.event) << id;
  }
  // An occupation beyond the table quits at the age-sex rate.
  for (auto& l : rates.layoff) l = 0.0;
  for (auto& d : rates.disability) d = 0.0;
  for (auto& q : rates.quit) q = 1.0;
  EXPECT_TRUE(quits(draw(rates, 40, 7, Sex::Female, 5).event));
  EXPECT_EQ(draw(rates, 40, 7, Sex::Female, 0).event, JobEvent::None);
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
