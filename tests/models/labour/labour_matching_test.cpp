// Job matching in a small world built in memory: one municipality, one
// industry whose positions are all of one occupation, and job seekers whose
// competence the test chooses. Employers rank applicants by fit, so when
// seekers outnumber vacancies the better-fitting ones are hired first, and
// nobody below the lowest acceptable fit is hired at all.
#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "models/demography/demography_measures.hpp"
#include "models/labour/labour_market.hpp"

namespace kfsim {
namespace {

const Month kStart = Month::of(2024, 1);
const Month kEnd = Month::of(2024, 12);

// Competences: A is trained for occupation 11; B is a stand-in for it; C fits
// it below labour.min_hiring_fit (0.3 by default) and is trained for 12, for
// which no position exists.
constexpr std::size_t kA = 0, kB = 1, kC = 2;
constexpr float kFitA = 1.0f, kFitB = 0.4f, kFitC = 0.2f;

LabourData small_world(double positions) {
  LabourData d;
  d.competences = {{"A", "B", "C"}, {"trained", "stand-in", "unsuited"}};
  d.competence_level.assign(3, EducationLevel::Bachelor);
  d.occupations = {{"11", "12"}, {"wanted", "not wanted"}};
  d.occupation_major_group = {1, 1};
  d.industries = {{"X"}, {"the only industry"}};
  d.jobs = {positions};
  d.staffing = {1.0, 0.0};
  d.size_classes = {{{1, 1000, 1.0}}};
  d.fit = {kFitA, kFitB, kFitC, 0.0f, 0.0f, 1.0f};  // [occupation][competence]
  d.occupation_min_fit = {0.0, 0.0};
  // Women hold A and men B; every adult seeks work on the start date.
  d.competence_shares.assign(kLabourAgeGroups * kSexCount * 3, 0.0);
  for (std::size_t g = 0; g < kLabourAgeGroups; ++g) {
    d.competence_shares[(g * kSexCount + static_cast<std::size_t>(Sex::Female)) * 3 + kA] = 1.0;
    d.competence_shares[(g * kSexCount + static_cast<std::size_t>(Sex::Male)) * 3 + kB] = 1.0;
  }
  d.level_factor.assign(kEducationLevelCount, 1.0);
  d.employment_rate.assign(kLabourAgeGroups * kSexCount, 0.0);
  d.unemployment_rate.assign(kLabourAgeGroups * kSexCount, 1.0);
  d.quit_rate.assign(kLabourAgeGroups * kSexCount, 0.0);
  d.layoff_rate.assign(kLabourAgeGroups * kSexCount, 0.0);
  d.disability_rate.assign(kLabourAgeGroups * kSexCount, 0.0);
  d.retirement_rate.assign(
      (LabourData::kRetirementMaxAge - LabourData::kRetirementMinAge + 1) * kSexCount, 0.0);
  d.out_of_county_share = {0.0};
  d.in_commuters = {0.0};
  // [home][area] for the municipality and the outside area, which nobody reaches.
  d.travel_minutes = {10.0, -1.0, -1.0, -1.0};
  d.industry_growth = {0.0};
  return d;
}

// Nobody leaves a job, stops seeking or starts seeking: only matching acts.
LabourParams quiet_params() {
  LabourParams p;
  p.unemployed_exit_rate = 0;
  p.outside_search_rate = 0;
  p.on_the_job_search_rate = 0;
  p.student_job_search_rate = 0;
  return p;
}

class SmallMarket {
 public:
  explicit SmallMarket(LabourData data) : data_(std::move(data)) {
    municipalities_.codes = {3101};
    municipalities_.names = {"Home"};
    add_common_dimensions(measures_, municipalities_, kStart, kEnd);
  }

  // Aged 34 on the start date: past the age at which initialize assigns studies.
  void add_persons(Sex sex, std::size_t count) {
    auto& table = persons_.table;
    const std::size_t first = table.append(count);
    for (std::size_t i = first; i < table.size(); ++i) {
      table.column(persons_.birth_month)[i] = Month::of(1989, 6).index();
      table.column(persons_.sex)[i] = static_cast<std::int8_t>(sex);
      table.column(persons_.municipality)[i] = 0;
    }
  }

  void initialize(const LabourParams& params) {
    // Every position starts vacant, so the test alone decides who fills them.
    LabourSetup setup;
    setup.initial_vacancy_rate = 0;
    market_ = std::make_unique<LabourMarket>(data_, municipalities_, persons_, measures_,
                                             rng::RngKey(11, 0), kStart, kEnd, setup);
    arena_.execute([&] { market_->initialize(kStart, params); });
    month_ = kStart;
  }

  void step(const LabourParams& params) {
    arena_.execute([&] { market_->step(month_, params); });
    market_->check_invariants(month_);
    month_ = month_ + 1;
  }

  // Replaces everyone's competence (after initialize, which draws it).
  void set_competence(std::size_t competence) {
    for (auto& c : persons_.table.column(persons_.competence))
      c = static_cast<std::int8_t>(competence);
  }

  // Marks everyone's qualification as awaiting recognition (or not).
  void set_pending(bool pending) {
    for (auto& p : persons_.table.column(persons_.qualification_pending))
      p = static_cast<std::int8_t>(pending ? 1 : 0);
  }

  std::int64_t pending() const {
    const auto& column = persons_.table.column(persons_.qualification_pending);
    return std::count(column.begin(), column.end(), std::int8_t{1});
  }

  std::int64_t employed_with(std::size_t competence) const {
    std::int64_t n = 0;
    const auto& status = persons_.table.column(persons_.labour_status);
    const auto& held = persons_.table.column(persons_.competence);
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      n += status[i] == static_cast<std::int8_t>(LabourStatus::Employed) &&
           held[i] == static_cast<std::int8_t>(competence);
    }
    return n;
  }

  std::int64_t seeking_with(std::size_t competence) const {
    std::int64_t n = 0;
    const auto& status = persons_.table.column(persons_.labour_status);
    const auto& held = persons_.table.column(persons_.competence);
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      n += status[i] == static_cast<std::int8_t>(LabourStatus::Unemployed) &&
           held[i] == static_cast<std::int8_t>(competence);
    }
    return n;
  }

  std::int64_t vacancies() const {
    const auto& holder = market_->positions().table.column(market_->positions().holder);
    return std::count(holder.begin(), holder.end(), kVacant);
  }

  std::int64_t hires_recorded() const {
    const auto& v = std::get<std::vector<std::int64_t>>(measures_.find("hires")->values);
    return std::accumulate(v.begin(), v.end(), std::int64_t{0});
  }

  const Persons& persons() const { return persons_; }
  const LabourMarket& market() const { return *market_; }

 private:
  LabourData data_;
  Municipalities municipalities_;
  Persons persons_;
  MeasureSet measures_;
  std::unique_ptr<LabourMarket> market_;
  tbb::task_arena arena_{2};
  Month month_ = kStart;
};

TEST(Matching, TheSmallWorldStartsAsDesigned) {
  SmallMarket world(small_world(10));
  world.add_persons(Sex::Female, 10);
  world.add_persons(Sex::Male, 10);
  world.initialize(quiet_params());
  EXPECT_EQ(world.market().positions().size(), 10u);
  EXPECT_EQ(world.vacancies(), 10);
  EXPECT_EQ(world.seeking_with(kA), 10);  // the women
  EXPECT_EQ(world.seeking_with(kB), 10);  // the men
  EXPECT_EQ(world.market().unplaced_at_start(), 0);
  EXPECT_NO_THROW(world.market().check_invariants(kStart));
}

TEST(Matching, BetterFitIsHiredFirst) {
  // Many applications each, so that every vacancy hears from both kinds of
  // seeker and the choice is the employer's.
  LabourParams params = quiet_params();
  params.applications_per_searcher = 50;
  SmallMarket world(small_world(10));
  world.add_persons(Sex::Female, 10);
  world.add_persons(Sex::Male, 10);
  world.initialize(params);
  for (int month = 0; month < 12 && world.vacancies() > 0; ++month) {
    world.step(params);
    ASSERT_GT(world.employed_with(kA), 0) << "month " << month;
    // A stand-in gets a job only when every trained seeker has one.
    if (world.employed_with(kB) > 0) {
      ASSERT_EQ(world.seeking_with(kA), 0) << "month " << month;
    }
  }
  EXPECT_EQ(world.employed_with(kA), 10);
  EXPECT_EQ(world.employed_with(kB), 0);
  EXPECT_EQ(world.vacancies(), 0);
  EXPECT_EQ(world.hires_recorded(), 10);
}

TEST(Matching, BetterFitWinsWithFewApplications) {
  // Two applications each (the default): a vacancy may hear from stand-ins
  // alone, but most go to the trained.
  const LabourParams params = quiet_params();
  SmallMarket world(small_world(10));
  world.add_persons(Sex::Female, 10);
  world.add_persons(Sex::Male, 10);
  world.initialize(params);
  world.step(params);
  EXPECT_GT(world.employed_with(kA), 0);
  EXPECT_GT(world.employed_with(kA), world.employed_with(kB));
}

TEST(Matching, StandInsAreHiredWhenNobodyBetterApplies) {
  const LabourParams params = quiet_params();
  SmallMarket world(small_world(10));
  world.add_persons(Sex::Male, 5);
  world.initialize(params);
  for (int month = 0; month < 6; ++month) world.step(params);
  EXPECT_EQ(world.employed_with(kB), 5);
  EXPECT_EQ(world.vacancies(), 5);
}

TEST(Matching, NobodyBelowTheMinimumHiringFitIsHired) {
  const LabourParams params = quiet_params();
  ASSERT_LT(static_cast<double>(kFitC), params.min_hiring_fit);
  SmallMarket world(small_world(10));
  world.add_persons(Sex::Female, 10);
  world.initialize(params);
  world.set_competence(kC);
  for (int month = 0; month < 6; ++month) world.step(params);
  EXPECT_EQ(world.employed_with(kC), 0);
  EXPECT_EQ(world.vacancies(), 10);
  EXPECT_EQ(world.hires_recorded(), 0);
}

TEST(Matching, LoweringTheMinimumHiringFitAdmitsThePoorFit) {
  LabourParams params = quiet_params();
  params.min_hiring_fit = 0.1;
  SmallMarket world(small_world(10));
  world.add_persons(Sex::Female, 10);
  world.initialize(params);
  world.set_competence(kC);
  for (int month = 0; month < 6; ++month) world.step(params);
  EXPECT_GT(world.employed_with(kC), 0);
}

TEST(Matching, OccupationRequirementKeepsOutStandIns) {
  // B fits 0.4: above labour.min_hiring_fit, below the occupation's own bar.
  LabourData data = small_world(10);
  data.occupation_min_fit[0] = 0.5;
  const LabourParams params = quiet_params();
  SmallMarket world(std::move(data));
  world.add_persons(Sex::Female, 5);
  world.add_persons(Sex::Male, 10);
  world.initialize(params);
  for (int month = 0; month < 6; ++month) world.step(params);
  EXPECT_EQ(world.employed_with(kA), 5);
  EXPECT_EQ(world.employed_with(kB), 0);
  EXPECT_EQ(world.vacancies(), 5);
}

// The fit table is stored as float and compared with a double bar: a fit of
// 0.7 (0.69999998f) must still meet labour.min_hiring_fit = 0.7.
TEST(Matching, AFitEqualToTheMinimumQualifies) {
  LabourData data = small_world(10);
  data.fit[data.fit_index(0, kB)] = 0.7f;
  LabourParams params = quiet_params();
  params.min_hiring_fit = 0.7;
  SmallMarket world(std::move(data));
  world.add_persons(Sex::Male, 5);
  world.initialize(params);
  for (int month = 0; month < 6; ++month) world.step(params);
  EXPECT_EQ(world.employed_with(kB), 5);
}

TEST(Matching, UnrecognisedQualificationIsHiredOnlyAsGeneralUpperSecondary) {
  // A regulated occupation (bar 0.8) that A fits fully; C stands for general
  // upper secondary, which fits it at 0.2. While their qualification awaits
  // recognition the A holders are credited no more than C's fit, and nobody
  // is hired; once it is recognised they are.
  LabourData data = small_world(10);
  data.occupation_min_fit[0] = 0.8;
  data.competence_level[kC] = EducationLevel::UpperSecondaryGeneral;
  LabourParams params = quiet_params();
  params.recognition_months = 1e12;  // practically never within the test
  SmallMarket world(std::move(data));
  world.add_persons(Sex::Female, 10);
  world.initialize(params);
  world.set_pending(true);
  for (int month = 0; month < 4; ++month) world.step(params);
  EXPECT_EQ(world.employed_with(kA), 0);
  EXPECT_EQ(world.vacancies(), 10);

  params.recognition_months = 0;  // recognised at the next month
  for (int month = 0; month < 4; ++month) world.step(params);
  EXPECT_EQ(world.pending(), 0);
  EXPECT_EQ(world.employed_with(kA), 10);
}

}  // namespace
}  // namespace kfsim
