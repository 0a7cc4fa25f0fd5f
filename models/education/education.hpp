#pragma once
// Education providers and the people in them. Each August, the year's
// 16-year-olds apply to upper-secondary programmes, vocational pupils to
// apprenticeships, those who finished upper secondary to fagskole and higher
// education in or outside Østfold, bachelors to masters, and eligible adults
// to upskilling; every programme admits up to its places. Each month some
// students drop out; in June those at the end of their programme complete it
// and hold its competence, which the labour market then sees.
#include <cstdint>
#include <map>
#include <vector>

#include "models/education/education_data.hpp"
#include "models/education/education_params.hpp"
#include "models/geography/municipalities.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/labour_market.hpp"
#include "models/population/graduate_settlers.hpp"
#include "models/population/persons.hpp"
#include "sim/rng/random.hpp"
#include "sim/run/measures.hpp"

namespace kfsim {

struct EducationMeasures {
  MeasureId applicants, admitted, admitted_non_resident, rejected, places, unused_places;
  MeasureId enrolled_start, enrolled_end, completed, dropped_out, moved, transferred_in;
  MeasureId graduates_followed, graduates_employed_12m, graduates_fitting_job_12m;
  MeasureId outside_graduates_resident, outside_graduates_settled;
};

class Education {
 public:
  Education(const EducationData& data, const LabourData& labour_data,
            const Municipalities& municipalities, Persons& persons, const LabourMarket& labour,
            MeasureSet& measures, const rng::RngKey& key, Month start, Month end, int signal_lag);

  // Enrols the students of the start date (those the labour market gave a
  // competence to study for) in programmes that give it.
  void initialize(Month start);

  // One month, after demography and before the labour market. `places` are the
  // intake places in force (programme_places_at).
  void step(Month month, const EducationParams& params, const std::vector<double>& places);

  // Graduates from elsewhere who completed this month and settle in Østfold: demography
  // adds them next month. Empties the list.
  std::vector<GraduateSettlers> take_settlers();

  // Checks that no programme admitted more than its places this year and that
  // every enrolled person is in a real programme; throws std::logic_error.
  void check_invariants(Month month) const;

 private:
  void enrol_transfers(Month month, bool at_start);
  void count_departures(Month month);
  void drop_out(Month month);
  void complete(Month month, const EducationParams& params);
  void admit_all(Month month, const EducationParams& params, const std::vector<double>& places);
  void admit(Month month, Stage stage, const std::vector<std::size_t>& applicants,
             const EducationParams& params, const std::vector<double>& places);
  // Outside applicants admitted to places above the table's (a policy's added places):
  // recorded by cohort in August, and in the June they finish, those who complete and
  // stay in the county become graduates there (complete_outside).
  void note_added_outside_intake(Month month);
  void complete_outside(Month month, const EducationParams& params);
  std::int64_t graduate_residents(std::size_t programme, Month admitted, Month month,
                                  std::int64_t count);
  GraduateSettlers settlers_like_graduates(std::size_t programme, Month month) const;
  void follow_up_graduates(Month month);
  std::int64_t outside_applicants(std::size_t programme, Stage stage, double places,
                                  const EducationParams& params) const;
  void record_stock(MeasureId measure, Month month);
  void enrol(std::size_t person, std::size_t programme, Month month, Month end);
  // The person has completed the programme this month: its competence where it is not below
  // the one they hold, and the record of the graduation.
  void award(std::size_t person, std::size_t programme, Month month);
  void leave_education(std::size_t person);
  void give_compulsory_school(std::size_t person);
  void refresh_signal(Month month);
  std::vector<std::int64_t> stock() const;
  Month programme_end(std::size_t programme, Month start) const;
  std::size_t year_index(Month month) const;
  bool eligible(std::size_t person, const Programme& programme, Month month) const;
  double choice_weight(std::size_t person, const Programme& programme,
                       const EducationParams& params) const;

  const EducationData& data_;
  const LabourData& labour_data_;
  const Municipalities& municipalities_;
  Persons& persons_;
  const LabourMarket& labour_;
  MeasureSet& measures_;
  EducationMeasures ids_;
  rng::RngKey key_;
  Month first_month_;
  Month last_month_;
  int signal_lag_;
  std::size_t primary_ = 0;

  std::vector<std::int64_t> stock_after_last_step_;
  std::vector<std::int64_t> admitted_this_year_;
  std::vector<double> places_this_year_;
  // Outside applicants admitted this year beyond the table's places.
  std::vector<std::int64_t> outside_added_this_year_;
  // The added places' outside intake by cohort: the migration tables, measured at the
  // table's places, hold the graduates those places bring, but not these.
  struct OutsideCohort {
    std::size_t programme;
    Month admitted;
    Month end;
    std::int64_t count;
  };
  std::vector<OutsideCohort> outside_cohorts_;
  std::vector<GraduateSettlers> settlers_;
  // The labour-market signal study choices follow, recorded `signal_lag_`
  // months before each August.
  std::map<std::int32_t, std::vector<double>> signal_by_august_;
  std::vector<double> current_signal_;
};

}  // namespace kfsim
