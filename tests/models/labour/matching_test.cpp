// Search and matching as a plain function (models/labour/matching.hpp), on
// inputs built by hand: one home municipality that reaches its own work area
// but not the outside one, two occupations and a handful of seekers and
// vacancies. No labour market, population or scenario is built.
#include "models/labour/matching.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "models/population/labour_status.hpp"
#include "models/population/persons.hpp"

namespace kfsim {
namespace {

const Month kMonth = Month::of(2025, 3);
const rng::RngKey kKey(20240611, 0);

// Competences: 0 is general upper secondary; 1 is trained for occupation 0,
// 2 for occupation 1.
constexpr std::int8_t kGeneral = 0, kTrainedFor0 = 1, kTrainedFor1 = 2;
// Positions by slot: 0 and 1 in occupation 0, 2 and 3 in occupation 1, all in area 0.
constexpr std::int32_t kOcc0a = 0, kOcc0b = 1, kOcc1a = 2, kOcc1b = 3;

struct World {
  // [occupation][competence]
  std::vector<float> fit = {0.4f, 0.9f, 0.6f,    // occupation 0
                            0.2f, 0.5f, 0.95f};  // occupation 1
  std::vector<double> min_fit = {0.0, 0.0};
  // One home; area 0 at 10 minutes, the outside area (1) out of reach.
  std::vector<double> travel = {10.0, -1.0};
  std::vector<std::int8_t> position_occupation = {0, 0, 1, 1};
  // Cells are area * 2 + occupation; the outside area has no vacancies.
  std::vector<std::vector<std::int32_t>> vacant = std::vector<std::vector<std::int32_t>>(4);

  std::vector<AgentId> ids;
  std::vector<std::int8_t> home, competence, status, pending;
  std::vector<std::int32_t> job;

  LabourParams params;

  // A person slot; ids rise with slots, as in the person table.
  std::int32_t add_seeker(std::int8_t comp, bool qualification_pending = false,
                          std::int32_t holds = kNoJob) {
    ids.push_back(100 + static_cast<AgentId>(ids.size()));
    home.push_back(0);
    competence.push_back(comp);
    status.push_back(static_cast<std::int8_t>(holds == kNoJob ? LabourStatus::Unemployed
                                                              : LabourStatus::Employed));
    pending.push_back(qualification_pending ? 1 : 0);
    job.push_back(holds);
    return static_cast<std::int32_t>(ids.size() - 1);
  }
  void open(std::int32_t position) {
    const auto o =
        static_cast<std::size_t>(position_occupation[static_cast<std::size_t>(position)]);
    vacant[o].push_back(position);  // area 0
  }

  std::vector<MatchedHire> run(const std::vector<std::int32_t>& searchers,
                               float noise = kRankingNoise) const {
    const SeekerColumns seekers{ids, home, competence, status, pending, job};
    const CommuteReach reach{travel, 2};
    const CreditedFit credited{fit, min_fit, 3, static_cast<std::size_t>(kGeneral)};
    const VacancyLists vacancies{vacant, position_occupation};
    return match_seekers(params, seekers, searchers, reach, credited, vacancies, kKey, kMonth,
                         noise);
  }
};

TEST(MatchingProcess, TheBestFittingApplicantGetsTheOnlyVacancy) {
  World w;
  w.params.applications_per_searcher = 4;
  const auto weak = w.add_seeker(kTrainedFor1);    // fit 0.6 for occupation 0
  const auto strong = w.add_seeker(kTrainedFor0);  // fit 0.9
  const auto weak_too = w.add_seeker(kTrainedFor1);
  w.open(kOcc0a);
  const auto hires = w.run({weak, strong, weak_too});
  ASSERT_EQ(hires.size(), 1u);
  EXPECT_EQ(hires[0].person, strong);
  EXPECT_EQ(hires[0].position, kOcc0a);
}

TEST(MatchingProcess, EqualScoresGoToTheLowerSlotWhichHasTheLowerId) {
  World w;
  w.params.applications_per_searcher = 4;
  const auto first = w.add_seeker(kTrainedFor0);
  const auto second = w.add_seeker(kTrainedFor0);
  const auto third = w.add_seeker(kTrainedFor0);
  w.open(kOcc0a);
  // Without ranking noise equal fits are equal scores.
  auto hires = w.run({first, second, third}, 0.0f);
  ASSERT_EQ(hires.size(), 1u);
  EXPECT_EQ(hires[0].person, first);
  hires = w.run({second, third}, 0.0f);
  ASSERT_EQ(hires.size(), 1u);
  EXPECT_EQ(hires[0].person, second);
}

TEST(MatchingProcess, ASeekerWithTwoOffersTakesTheBetterFit) {
  World w;
  w.params.applications_per_searcher = 16;
  const auto seeker = w.add_seeker(kTrainedFor0);  // 0.9 in occupation 0, 0.5 in 1
  w.open(kOcc0a);
  w.open(kOcc1a);
  const auto hires = w.run({seeker});
  ASSERT_EQ(hires.size(), 1u);
  EXPECT_EQ(hires[0].position, kOcc0a);
}

TEST(MatchingProcess, SomeoneEmployedMovesOnlyForABetterFit) {
  World w;
  w.params.applications_per_searcher = 8;
  // Holds position 3 (occupation 1, fit 0.5); only a same-fit vacancy is open.
  const auto employed = w.add_seeker(kTrainedFor0, false, kOcc1b);
  w.open(kOcc1a);
  EXPECT_TRUE(w.run({employed}).empty());
  w.open(kOcc0b);  // fit 0.9: worth the move
  const auto hires = w.run({employed});
  ASSERT_EQ(hires.size(), 1u);
  EXPECT_EQ(hires[0].position, kOcc0b);
}

TEST(MatchingProcess, AnUnrecognisedQualificationCountsAsGeneralUpperSecondary) {
  World w;
  w.params.applications_per_searcher = 4;
  // Trained for occupation 0 (0.9) but credited 0.4 until recognised, so a
  // recognised 0.6 wins.
  const auto pending = w.add_seeker(kTrainedFor0, true);
  const auto recognised = w.add_seeker(kTrainedFor1);
  w.open(kOcc0a);
  auto hires = w.run({pending, recognised});
  ASSERT_EQ(hires.size(), 1u);
  EXPECT_EQ(hires[0].person, recognised);
  // Credited 0.2 in occupation 1: below labour.min_hiring_fit, so no application.
  World v;
  v.params.applications_per_searcher = 4;
  const auto alone = v.add_seeker(kTrainedFor1, true);
  v.open(kOcc1a);
  EXPECT_TRUE(v.run({alone}).empty());
}

TEST(MatchingProcess, NobodyIsHiredTwiceAndNoPositionIsFilledTwice) {
  World w;
  w.params.applications_per_searcher = 3;
  // Twelve vacancies in each occupation (slots 0..23 alternate occupations).
  w.position_occupation.clear();
  for (std::int32_t p = 0; p < 24; ++p) {
    w.position_occupation.push_back(static_cast<std::int8_t>(p % 2));
    w.open(p);
  }
  std::vector<std::int32_t> searchers;
  for (int k = 0; k < 40; ++k) {
    const auto comp = k % 3 == 0 ? kGeneral : (k % 3 == 1 ? kTrainedFor0 : kTrainedFor1);
    const auto slot = w.add_seeker(comp);
    if (k % 5 != 4) searchers.push_back(slot);  // some are not searching this month
  }
  const auto hires = w.run(searchers);
  ASSERT_FALSE(hires.empty());
  std::set<std::int32_t> persons, positions;
  for (const auto& h : hires) {
    EXPECT_TRUE(persons.insert(h.person).second) << "person " << h.person << " hired twice";
    EXPECT_TRUE(positions.insert(h.position).second) << "position " << h.position << " twice";
    EXPECT_TRUE(std::binary_search(searchers.begin(), searchers.end(), h.person))
        << "person " << h.person << " was not searching";
    ASSERT_GE(h.position, 0);
    ASSERT_LT(h.position, 24);
    // Hired only where the credited fit meets labour.min_hiring_fit.
    const auto o =
        static_cast<std::size_t>(w.position_occupation[static_cast<std::size_t>(h.position)]);
    const auto c = static_cast<std::size_t>(w.competence[static_cast<std::size_t>(h.person)]);
    EXPECT_GE(w.fit[o * 3 + c], static_cast<float>(w.params.min_hiring_fit));
  }
  // The same inputs give the same hires, in the same order.
  const auto again = w.run(searchers);
  ASSERT_EQ(again.size(), hires.size());
  for (std::size_t k = 0; k < hires.size(); ++k) {
    EXPECT_EQ(again[k].person, hires[k].person);
    EXPECT_EQ(again[k].position, hires[k].position);
  }
}

}  // namespace
}  // namespace kfsim
