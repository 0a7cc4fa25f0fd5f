// Over a year of the Østfold baseline, nobody is hired into a job their
// competence fits less well than labour.min_hiring_fit, or than the
// occupation's legal requirement (data.occupation_requirements: 0.8 for
// health professionals, electricians and grunnskole- og barnehagelærere). Only hires made during
// the run are held to this: the initial placement may put people in any job, because they do hold
// jobs today whatever the fit table says.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
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

// The holder of every position, by position id (ids survive the removal of
// abolished positions; slots do not).
std::vector<std::int64_t> holders_by_id(const Positions& positions) {
  std::vector<std::int64_t> result(static_cast<std::size_t>(positions.table.next_id()), kVacant);
  const auto ids = positions.table.ids();
  const auto& holder = positions.table.column(positions.holder);
  for (std::size_t p = 0; p < positions.size(); ++p)
    result[static_cast<std::size_t>(ids[p])] = holder[p];
  return result;
}

bool held_by_someone_else(const std::vector<std::int64_t>& before, std::int64_t position_id,
                          std::int64_t person_id) {
  const auto id = static_cast<std::size_t>(position_id);
  return id >= before.size() || before[id] != person_id;
}

class BaselineYear : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = load_demography_data(demography_files(scenario_));
    labour_data_ = load_labour_data(labour_files(scenario_), data_.municipalities);
    education_data_ =
        load_education_data(scenario_.file("data.programmes"), labour_data_, data_.municipalities);
  }

  // The fit a person's competence has for the occupation of a position.
  float fit(std::size_t person, std::size_t position) const {
    const auto o = static_cast<std::size_t>(
        labour_->positions().table.column(labour_->positions().occupation)[position]);
    const auto c = static_cast<std::size_t>(persons_.table.column(persons_.competence)[person]);
    return labour_data_.fit[labour_data_.fit_index(o, c)];
  }

  std::size_t occupation(const std::string& code) const {
    const auto o = labour_data_.occupations.index_of(code);
    EXPECT_GE(o, 0) << code;
    return static_cast<std::size_t>(o);
  }

  scenario::Scenario scenario_ = labour_test::baseline({"end=\"2024-12\""});
  DemographyData data_;
  LabourData labour_data_;
  EducationData education_data_;
  Persons persons_;
  MeasureSet measures_;
  std::unique_ptr<LabourMarket> labour_;
};

TEST_F(BaselineYear, HiresMeetTheMinimumFitAndTheOccupationsRequirements) {
  const Month start = scenario_.month("start");
  const Month end = scenario_.month("end");
  const rng::RngKey key(static_cast<std::uint64_t>(scenario_.integer("seed")), 0);
  // Built as run_model builds it, so that the rules are checked in the model
  // the baseline really runs.
  add_common_dimensions(measures_, data_.municipalities, start, end);
  Demography demography(data_, persons_, measures_, key, start, end);
  LabourSetup setup = labour_setup(scenario_);
  setup.external_education = true;
  labour_ = std::make_unique<LabourMarket>(labour_data_, data_.municipalities, persons_, measures_,
                                           key, start, end, setup);
  Education education(education_data_, labour_data_, data_.municipalities, persons_, *labour_,
                      measures_, key, start, end, education_signal_lag_months(scenario_));

  const std::vector<std::size_t> regulated = {
      occupation("22"),  occupation("221"), occupation("222"), occupation("5321"),
      occupation("234"), occupation("74"),  occupation("741")};
  std::vector<std::int64_t> at_start;
  std::vector<std::int64_t> last_month;
  std::int64_t hires = 0;
  std::int64_t regulated_hires = 0;
  std::int64_t violations = 0;

  // After each month's labour-market step: everyone who holds a position that
  // someone else (or nobody) held a month ago was hired this month, with the
  // competence they hold now (education hands out competences before the
  // labour market matches).
  auto check_hires = [&](Month month) {
    const LabourParams params = labour_params_at(scenario_, month);
    const auto& positions = labour_->positions();
    const auto position_ids = positions.table.ids();
    const auto& occupation_of = positions.table.column(positions.occupation);
    const auto person_ids = persons_.table.ids();
    const auto& job = persons_.table.column(persons_.job);
    for (std::size_t i = 0; i < persons_.size(); ++i) {
      if (job[i] == kNoJob) continue;
      const auto p = static_cast<std::size_t>(job[i]);
      if (!held_by_someone_else(last_month, position_ids[p], person_ids[i])) continue;
      ++hires;
      const auto o = static_cast<std::size_t>(occupation_of[p]);
      const double required = std::max(params.min_hiring_fit, labour_data_.occupation_min_fit[o]);
      if (std::find(regulated.begin(), regulated.end(), o) != regulated.end()) ++regulated_hires;
      if (static_cast<double>(fit(i, p)) < required && violations++ < 10) {
        ADD_FAILURE() << "person " << person_ids[i] << " hired in " << month.to_string()
                      << " into occupation " << labour_data_.occupations.codes[o] << " with fit "
                      << fit(i, p) << "; at least " << required << " is required";
      }
    }
    last_month = holders_by_id(positions);
  };

  std::vector<Process> processes = {
      {"demography",
       [&](Month month) {
         demography.step(month, demography_params_at(scenario_, month, data_.municipalities));
       }},
      {"education",
       [&](Month month) {
         education.step(month, education_params_at(scenario_, month),
                        programme_places_at(scenario_, education_data_, month));
       }},
      {"labour_market",
       [&](Month month) { labour_->step(month, labour_params_at(scenario_, month)); }},
      {"invariants", [&](Month month) { labour_->check_invariants(month); }},
      {"hires", check_hires},
  };
  RunControl control;
  control.threads = 2;
  run_months(start, end, processes, control, [&] {
    demography.populate(start);
    labour_->initialize(start, labour_params_at(scenario_, start));
    education.initialize(start);
    at_start = holders_by_id(labour_->positions());
    last_month = at_start;
  });
  EXPECT_EQ(violations, 0);
  EXPECT_GT(hires, 10000);
  // Enough hires in the regulated occupations for the check to mean something.
  EXPECT_GT(regulated_hires, 100);

  // At the end of the year: whoever holds a regulated position they did not
  // hold on the start date meets its requirement.
  const auto& positions = labour_->positions();
  const auto position_ids = positions.table.ids();
  const auto& holder = positions.table.column(positions.holder);
  const auto& occupation_of = positions.table.column(positions.occupation);
  const auto person_ids = persons_.table.ids();
  std::int64_t checked = 0;
  for (std::size_t p = 0; p < positions.size(); ++p) {
    const auto o = static_cast<std::size_t>(occupation_of[p]);
    if (holder[p] < 0 || std::find(regulated.begin(), regulated.end(), o) == regulated.end())
      continue;
    if (!held_by_someone_else(at_start, position_ids[p], holder[p])) continue;
    const auto person = static_cast<std::size_t>(
        std::lower_bound(person_ids.begin(), person_ids.end(), holder[p]) - person_ids.begin());
    ASSERT_LT(person, persons_.size());
    ASSERT_EQ(person_ids[person], holder[p]);
    ++checked;
    EXPECT_GE(fit(person, p), kGoodFit)
        << "position " << position_ids[p] << " (occupation " << labour_data_.occupations.codes[o]
        << ") is held by person " << holder[p];
  }
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace kfsim
