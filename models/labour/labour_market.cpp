#include "models/labour/labour_market.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "models/labour/competence_gap.hpp"
#include "models/labour/requirement_trend.hpp"
#include "sim/parallel/parallel.hpp"

namespace kfsim {

LabourMarket::LabourMarket(const LabourData& data, const Municipalities& municipalities,
                           Persons& persons, MeasureSet& measures, const rng::RngKey& key,
                           Month start, Month end, const LabourSetup& setup)
    : data_(data),
      municipalities_(municipalities),
      persons_(persons),
      measures_(measures),
      ids_(declare_labour_measures(measures, data, municipalities)),
      key_(key),
      setup_(setup),
      first_month_(start),
      last_month_(end),
      book_(municipalities.size() + 1, data.occupations.size()) {
  for (std::size_t c = data.competences.size(); c-- > 0;) {
    if (data.competence_level[c] == EducationLevel::Primary) primary_ = c;
    if (data.competence_level[c] == EducationLevel::UpperSecondaryGeneral)
      general_upper_secondary_ = c;
  }
}

std::size_t LabourMarket::year_index(Month month) const {
  return static_cast<std::size_t>(month.year() - first_month_.year());
}

std::size_t LabourMarket::cell_of(std::size_t industry_or_outside, std::size_t area,
                                  std::size_t occupation) const {
  return (industry_or_outside * work_areas() + area) * data_.occupations.size() + occupation;
}

float LabourMarket::fit_of_job(std::size_t person) const {
  const auto job = persons_.table.column(persons_.job)[person];
  if (job == kNoJob) return 0.0f;
  const auto o = static_cast<std::size_t>(book_.occupation()[static_cast<std::size_t>(job)]);
  const auto c = static_cast<std::size_t>(persons_.table.column(persons_.competence)[person]);
  return data_.fit[data_.fit_index(o, c)];
}

CreditedFit LabourMarket::credited_fit() const {
  return {data_.fit, data_.occupation_min_fit, data_.competences.size(), general_upper_secondary_};
}

void LabourMarket::recognise_qualifications(Month month, const LabourParams& params) {
  // A constant monthly chance, so that the wait has the mean
  // labour.recognition_months and a policy that shortens it helps those
  // already waiting too.
  const double chance =
      params.recognition_months > 0 ? 1.0 - std::exp(-1.0 / params.recognition_months) : 1.0;
  const auto ids = persons_.table.ids();
  auto& pending = persons_.table.column(persons_.qualification_pending);
  parallel_blocks(persons_.size(), kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!pending[i]) continue;
      rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month,
                       rng::Stream::QualificationRecognition);
      if (draws.uniform() < chance) pending[i] = 0;
    }
  });
}

void LabourMarket::refresh_travel(const LabourParams& params) {
  if (travel_ready_ && params.max_commute_minutes == travel_params_.max_commute_minutes &&
      params.oslo_travel_time_scale == travel_params_.oslo_travel_time_scale) {
    return;
  }
  const std::size_t areas = work_areas();
  travel_.assign(areas * areas, -1.0);
  for (std::size_t h = 0; h < municipalities_.size(); ++h) {
    for (std::size_t a = 0; a < areas; ++a) {
      double minutes = data_.travel_minutes[h * areas + a];
      if (minutes < 0) continue;
      if (a == outside_area()) minutes *= params.oslo_travel_time_scale;
      if (minutes <= params.max_commute_minutes) travel_[h * areas + a] = minutes;
    }
  }
  travel_params_ = params;
  travel_ready_ = true;
}

void LabourMarket::set_status(std::size_t person, LabourStatus status) {
  auto& current = persons_.table.column(persons_.labour_status)[person];
  if (current != static_cast<std::int8_t>(status)) {
    current = static_cast<std::int8_t>(status);
    persons_.table.column(persons_.months_in_status)[person] = 0;
  }
}

void LabourMarket::vacate(std::size_t position, Month month, SeparationReason reason,
                          OpeningKind kind) {
  const bool resident = book_.holder()[position] >= 0;
  const auto o = static_cast<std::size_t>(book_.occupation()[position]);
  book_.vacate(position);
  if (initializing_) return;  // the burn-in before the start is not recorded
  const std::size_t y = year_index(month);
  const bool abolished = book_.abolished()[position];
  if (resident) {
    ++measures_.count(ids_.separations, {y, static_cast<std::size_t>(reason)});
    ++measures_.count(ids_.separations_by_occupation, {y, o, static_cast<std::size_t>(reason)});
    // By occupation, residents' positions in Østfold and outside alike, so that
    // the flows compare with employed_by_occupation; an abolished position is a
    // fall in demand, not an opening.
    if (!abolished) {
      switch (kind) {
        case OpeningKind::Replacement:
          ++measures_.count(ids_.replacement_demand, {y, o});
          break;
        case OpeningKind::Mobility:
          ++measures_.count(ids_.occupational_mobility, {y, o});
          break;
        case OpeningKind::Churn:
          ++measures_.count(ids_.churn, {y, o});
          break;
        case OpeningKind::Expansion:
          break;
      }
    }
  }
  const bool inside = static_cast<std::size_t>(book_.area()[position]) < outside_area();
  if (inside && !abolished) ++measures_.count(ids_.openings, {y, static_cast<std::size_t>(kind)});
}

void LabourMarket::hire(std::size_t person, std::size_t position, Month month) {
  auto& job = persons_.table.column(persons_.job)[person];
  const auto o = static_cast<std::size_t>(book_.occupation()[position]);
  if (job != kNoJob) {
    const auto left = static_cast<std::size_t>(job);
    const bool same = static_cast<std::size_t>(book_.occupation()[left]) == o;
    vacate(left, month, SeparationReason::JobToJob,
           same ? OpeningKind::Churn : OpeningKind::Mobility);
  }
  const std::size_t y = year_index(month);
  const auto a = static_cast<std::size_t>(book_.area()[position]);
  if (!initializing_) {
    ++measures_.count(ids_.hires, {y, a, o});
    ++measures_.count(ids_.hires_by_occupation, {y, o});
    measures_.count(ids_.vacancy_months_at_hire, {y, o}) += book_.months_vacant()[position];
  }
  book_.fill(position, persons_.table.ids()[person]);
  job = static_cast<std::int32_t>(position);
  set_status(person, LabourStatus::Employed);
}

void LabourMarket::initialize(Month start, const LabourParams& params) {
  initializing_ = true;
  assign_new_persons(start, true, params);
  build_employers();
  place_initial_workers(start, params);
  count_start_quits(start);
  start_disability_group(start, params);
  compute_competence_demand_shares();
  burn_in(start, params);
  initializing_ = false;
}

void LabourMarket::release_departed_jobs(Month month) {
  // Residents who died or left the county this month are gone from the person
  // table; the demography noted the positions they held. Freed in slot order.
  auto& departed = persons_.departed_jobs;
  std::sort(departed.begin(), departed.end());
  const auto& holder = book_.holder();
  for (const auto p : departed) {
    if (holder[static_cast<std::size_t>(p)] >= 0) {
      vacate(static_cast<std::size_t>(p), month, SeparationReason::DeathOrMovedAway,
             OpeningKind::Replacement);
    }
  }
  departed.clear();
}

void LabourMarket::age_vacancies() {
  book_.age_vacancies();
  auto& in_status = persons_.table.column(persons_.months_in_status);
  parallel_blocks(in_status.size(), 4 * kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (in_status[i] < 30000) ++in_status[i];
    }
  });
}

void LabourMarket::step(Month month, const LabourParams& params) {
  refresh_travel(params);
  if (month.month_of_year() == 1 && month > first_month_) update_requirements(month, params);
  // Before the month's arrivals are assigned, so that an arrival waits at least
  // the month of arrival.
  recognise_qualifications(month, params);
  assign_new_persons(month, false, params);
  release_departed_jobs(month);
  draw_transitions(month, params);
  apply_transitions(month);
  adjust_demand(month, params);
  turn_over_non_residents(month);
  match(month, params);
  // In-commuters first take positions open for a while; what is still open after
  // labour.unfilled_withdrawal_months is then withdrawn as unmet demand.
  refill_non_residents(month, params);
  withdraw_unfilled(month, params);
  record_month(month, params);
  age_vacancies();
}

void LabourMarket::update_requirements(Month month, const LabourParams& params) {
  if (data_.occupation_trend.empty() || params.requirement_trend_scale == 0.0) return;
  const double years = static_cast<double>(month - first_month_) / 12.0;
  apply_requirement_trend(competence_demand_start_, competence_demand_share_,
                          data_.occupation_trend.higher_education_logit,
                          params.requirement_trend_scale, years, data_.competence_level,
                          data_.occupation_min_fit);
  above_requirement_ =
      above_requirement(competence_demand_share_, data_.fit, data_.competence_level);
  unfilled_requirement_ =
      qualified_requirement(competence_demand_share_, data_.fit, data_.competences.size());
}

void LabourMarket::check_invariants(Month month) const {
  const auto where = " in " + month.to_string();
  const auto& table = persons_.table;
  const auto ids = table.ids();
  const auto& status = table.column(persons_.labour_status);
  const auto& job = table.column(persons_.job);
  const auto& birth = table.column(persons_.birth_month);
  const auto& holder = book_.holder();
  std::vector<std::uint8_t> held(book_.size(), 0);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto s = static_cast<LabourStatus>(status[i]);
    const std::string who = "person " + std::to_string(ids[i]);
    if (s == LabourStatus::Unassigned)
      throw std::logic_error(who + " has no labour status" + where);
    const bool employed = s == LabourStatus::Employed;
    if (employed != (job[i] != kNoJob)) {
      throw std::logic_error(
          who + (employed ? " is employed without a job" : " holds a job but is not employed") +
          where);
    }
    if (!employed) continue;
    const int age = age_in_years(Month::from_index(birth[i]), month);
    if (age < kLabourMinAge || age >= LabourData::kRetirementMaxAge) {
      throw std::logic_error(who + " works at age " + std::to_string(age) + where);
    }
    const auto p = static_cast<std::size_t>(job[i]);
    if (p >= book_.size())
      throw std::logic_error(who + " holds a position that does not exist" + where);
    if (holder[p] != ids[i]) {
      throw std::logic_error(who + " holds position " + std::to_string(p) + ", whose holder is " +
                             std::to_string(holder[p]) + where);
    }
    if (held[p]++)
      throw std::logic_error("position " + std::to_string(p) + " is held twice" + where);
  }
  for (std::size_t p = 0; p < book_.size(); ++p) {
    if (holder[p] >= 0 && !held[p]) {
      throw std::logic_error("position " + std::to_string(p) + " is held by person " +
                             std::to_string(holder[p]) + ", who does not hold it" + where);
    }
    if (holder[p] < kNonResident)
      throw std::logic_error("position " + std::to_string(p) + " has an invalid holder" + where);
  }
  try {
    book_.check();
  } catch (const std::logic_error& e) {
    throw std::logic_error(e.what() + where);
  }
}

}  // namespace kfsim
