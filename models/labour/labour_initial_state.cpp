// The labour market on the start date: competences and statuses of the
// residents, the employers and their positions, and who holds which job.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/labour/competence_gap.hpp"
#include "models/labour/labour_choice.hpp"
#include "models/labour/labour_market.hpp"
#include "sim/parallel/parallel.hpp"

namespace kfsim {

namespace {

// Assumption: the usual age of completing each level in Norway: upper
// secondary at 19 (general) or 20 (vocational, with two years of
// apprenticeship), fagskole at 22, a bachelor at 23 and a master at 25; those
// who stop with compulsory school alone leave education at 18 (most start
// upper secondary and drop out).
constexpr int kCompletionAge[kEducationLevelCount] = {18, 19, 20, 22, 23, 25};

}  // namespace

Month LabourMarket::education_end_for(Month born, std::size_t competence, Month now) const {
  // Studies end in June, when schools and colleges finish their year.
  const int completion =
      kCompletionAge[static_cast<std::size_t>(data_.competence_level[competence])];
  Month end = Month::of(born.year() + completion, 6);
  while (end <= now) end = end + 12;
  return end;
}

std::size_t LabourMarket::draw_competence(std::size_t age_group, Sex sex, std::size_t municipality,
                                          double u) const {
  const std::size_t n = data_.competences.size();
  thread_local std::vector<double> weights;
  weights.assign(n, 0.0);
  const double* shares =
      &data_.competence_shares[(age_group * kSexCount + static_cast<std::size_t>(sex)) * n];
  for (std::size_t c = 0; c < n; ++c) {
    weights[c] =
        shares[c] * data_.level_factor[municipality * kEducationLevelCount +
                                       static_cast<std::size_t>(data_.competence_level[c])];
  }
  return pick_weighted(weights, u);
}

void LabourMarket::assign_new_persons(Month month, bool at_start, const LabourParams& params) {
  auto& table = persons_.table;
  const auto ids = table.ids();
  const auto& birth = table.column(persons_.birth_month);
  const auto& sex = table.column(persons_.sex);
  const auto& home = table.column(persons_.municipality);
  auto& competence = table.column(persons_.competence);
  auto& status = table.column(persons_.labour_status);
  auto& target = table.column(persons_.education_target);
  auto& education_end = table.column(persons_.education_end);
  auto& months = table.column(persons_.months_in_status);
  const auto& from_abroad = table.column(persons_.from_abroad);
  auto& pending = table.column(persons_.qualification_pending);
  parallel_blocks(table.size(), kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (status[i] != static_cast<std::int8_t>(LabourStatus::Unassigned)) continue;
      months[i] = 0;
      const Month born = Month::from_index(birth[i]);
      const int age = age_in_years(born, month);
      if (age < kLabourMinAge) {
        status[i] = static_cast<std::int8_t>(LabourStatus::Child);
        continue;
      }
      rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month, rng::Stream::InitialState);
      const double u_status = draws.uniform();
      const double u_competence = draws.uniform();
      const double u_target = draws.uniform();
      const auto g = labour_age_group(age);
      const auto s = static_cast<Sex>(sex[i]);
      const auto m = static_cast<std::size_t>(home[i]);

      std::int8_t studying_for = kNoCompetence;
      if (age < 30) {
        const auto t = draw_competence(kSettledAgeGroup, s, m, u_target);
        const int completion = kCompletionAge[static_cast<std::size_t>(data_.competence_level[t])];
        if (age < completion) {
          studying_for = static_cast<std::int8_t>(t);
          education_end[i] = education_end_for(born, t, month).index();
        }
      }
      target[i] = studying_for;
      if (studying_for != kNoCompetence) {
        competence[i] = static_cast<std::int8_t>(age >= 19 ? general_upper_secondary_ : primary_);
      } else {
        competence[i] = static_cast<std::int8_t>(draw_competence(g, s, m, u_competence));
        // Arrivals from abroad with a qualification above upper secondary wait
        // for its recognition (NOKUT, or authorisation in health professions).
        const auto level = data_.competence_level[static_cast<std::size_t>(competence[i])];
        if (!at_start && from_abroad[i] && params.recognition_months > 0 &&
            level >= EducationLevel::Fagskole) {
          pending[i] = 1;
        }
      }

      const std::size_t cell = g * kSexCount + static_cast<std::size_t>(s);
      const double employed = data_.employment_rate[cell];
      const double unemployed = data_.unemployment_rate[cell];
      LabourStatus result;
      if (u_status < employed) {
        // On the start date the employed are placed in jobs; people who move in
        // later look for one.
        result = at_start ? LabourStatus::Employed : LabourStatus::Unemployed;
      } else if (u_status < employed + unemployed) {
        result =
            studying_for != kNoCompetence ? LabourStatus::InEducation : LabourStatus::Unemployed;
      } else if (studying_for != kNoCompetence) {
        result = LabourStatus::InEducation;
      } else {
        // Assumption: among those neither employed nor seeking work, everyone
        // from 62 (the earliest pension age) draws a pension.
        result = age >= 62 ? LabourStatus::Retired : LabourStatus::Outside;
      }
      status[i] = static_cast<std::int8_t>(result);
    }
  });
}

void LabourMarket::build_employers() {
  const std::size_t n_ind = data_.industries.size();
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t n_mun = municipalities_.size();
  auto& emp = employers_.table;
  cell_employers_.assign((n_ind + 1) * work_areas(), {});

  auto add_positions = [&](std::int32_t employer, std::size_t area, std::size_t count,
                           const double* occupation_shares, rng::Draws& draws) {
    for (std::size_t k = 0; k < count; ++k) {
      book_.append_vacant(
          employer, emp.column(employers_.industry)[static_cast<std::size_t>(employer)], area,
          pick_weighted(std::span<const double>(occupation_shares, n_occ), draws.uniform()));
    }
  };

  for (std::size_t i = 0; i < n_ind; ++i) {
    for (std::size_t m = 0; m < n_mun; ++m) {
      const auto wanted = static_cast<std::int64_t>(
          std::llround(data_.jobs[i * n_mun + m] * (1.0 + setup_.initial_vacancy_rate)));
      if (wanted <= 0) continue;
      // Keyed by the (industry, municipality) cell, so the employers of one
      // cell never depend on another's.
      rng::Draws draws(key_, i * n_mun + m, first_month_, rng::Stream::InitialEmployers);
      for (const auto& size_class : data_.size_classes[i]) {
        auto class_jobs = static_cast<std::int64_t>(
            std::llround(static_cast<double>(wanted) * size_class.share_of_jobs));
        while (class_jobs > 0) {
          // Sizes log-uniform within the class: small firms are the most common.
          const double lo = std::log(size_class.min_size);
          const double hi = std::log(size_class.max_size + 1.0);
          auto size = static_cast<std::int64_t>(std::exp(lo + (hi - lo) * draws.uniform()));
          size = std::clamp<std::int64_t>(size, size_class.min_size, size_class.max_size);
          size = std::min(size, class_jobs);
          const std::size_t e = emp.append(1);
          emp.column(employers_.industry)[e] = static_cast<std::int8_t>(i);
          emp.column(employers_.area)[e] = static_cast<std::int8_t>(m);
          emp.column(employers_.initial_size)[e] = static_cast<std::int32_t>(size);
          cell_employers_[i * work_areas() + m].push_back(static_cast<std::int32_t>(e));
          add_positions(static_cast<std::int32_t>(e), m, static_cast<std::size_t>(size),
                        &data_.staffing[i * n_occ], draws);
          class_jobs -= size;
        }
      }
    }
  }

  // Oslo and Akershus: one pseudo-employer holding the jobs residents commute
  // to, as many as the employed residents who commute out (plus vacancies),
  // with the county's occupation mix (assumption: no occupation data for
  // out-commuters).
  {
    std::vector<double> county_mix(n_occ, 0.0);
    for (std::size_t i = 0; i < n_ind; ++i) {
      double jobs = 0;
      for (std::size_t m = 0; m < n_mun; ++m) jobs += data_.jobs[i * n_mun + m];
      for (std::size_t o = 0; o < n_occ; ++o) county_mix[o] += jobs * data_.staffing[i * n_occ + o];
    }
    std::vector<double> employed_by_home(n_mun, 0.0);
    const auto& status = persons_.table.column(persons_.labour_status);
    const auto& home = persons_.table.column(persons_.municipality);
    for (std::size_t p = 0; p < persons_.size(); ++p) {
      if (status[p] == static_cast<std::int8_t>(LabourStatus::Employed)) {
        employed_by_home[static_cast<std::size_t>(home[p])] += 1;
      }
    }
    double commuters = 0;
    for (std::size_t m = 0; m < n_mun; ++m) {
      commuters += employed_by_home[m] * data_.out_of_county_share[m];
    }
    const auto wanted =
        static_cast<std::size_t>(std::llround(commuters * (1.0 + setup_.initial_vacancy_rate)));
    const std::size_t e = emp.append(1);
    emp.column(employers_.industry)[e] = -1;
    emp.column(employers_.area)[e] = static_cast<std::int8_t>(outside_area());
    emp.column(employers_.initial_size)[e] = static_cast<std::int32_t>(wanted);
    cell_employers_[n_ind * work_areas() + outside_area()].push_back(static_cast<std::int32_t>(e));
    rng::Draws draws(key_, n_ind * n_mun, first_month_, rng::Stream::InitialEmployers);
    add_positions(static_cast<std::int32_t>(e), outside_area(), wanted, county_mix.data(), draws);
  }

  // In-commuters: positions in each municipality held by people living outside
  // Østfold, chosen at random among the municipality's positions.
  non_resident_target_.assign(n_mun, 0);
  {
    const auto ids = book_.ids();
    const auto& area = book_.area();
    std::vector<std::vector<std::pair<std::uint32_t, std::size_t>>> by_area(n_mun);
    for (std::size_t p = 0; p < book_.size(); ++p) {
      const auto a = static_cast<std::size_t>(area[p]);
      if (a >= n_mun) continue;
      rng::Draws draws(key_, static_cast<std::uint64_t>(ids[p]), first_month_,
                       rng::Stream::InitialPositions);
      by_area[a].emplace_back(draws.next_u32(), p);
    }
    for (std::size_t m = 0; m < n_mun; ++m) {
      non_resident_target_[m] = std::llround(data_.in_commuters[m]);
      std::sort(by_area[m].begin(), by_area[m].end());
      const auto k = std::min<std::size_t>(by_area[m].size(),
                                           static_cast<std::size_t>(non_resident_target_[m]));
      for (std::size_t j = 0; j < k; ++j) book_.fill(by_area[m][j].second, kNonResident);
    }
  }

  // Demand bookkeeping: positions wanted by cell, and a cursor per (industry, area).
  initial_cell_positions_.assign((n_ind + 1) * work_areas() * n_occ, 0);
  {
    const auto& employer = book_.employer();
    const auto& occupation = book_.occupation();
    const auto& area = book_.area();
    const auto& industry = emp.column(employers_.industry);
    for (std::size_t p = 0; p < book_.size(); ++p) {
      const auto ind = industry[static_cast<std::size_t>(employer[p])];
      const std::size_t i = ind < 0 ? n_ind : static_cast<std::size_t>(ind);
      ++initial_cell_positions_[cell_of(i, static_cast<std::size_t>(area[p]),
                                        static_cast<std::size_t>(occupation[p]))];
    }
  }
  industry_factor_.assign(n_ind + 1, 1.0);
  industry_trend_.assign(n_ind, 1.0);
  industry_jobs_.assign(n_ind, 0.0);
  for (std::size_t i = 0; i < n_ind; ++i) {
    for (std::size_t m = 0; m < n_mun; ++m) industry_jobs_[i] += data_.jobs[i * n_mun + m];
  }
  total_factor_ = 1.0;
  care_factor_ = 1.0;
  standard_factor_ = 1.0;
  unmet_.assign(initial_cell_positions_.size(), 0);
  service_users_at_start_.clear();
  if (setup_.population_driven_services && !data_.services.empty()) {
    service_users_at_start_ =
        service_users(data_.services, persons_.table.column(persons_.birth_month), first_month_);
  }
  employer_cursor_.assign(cell_employers_.size(), 0);
}

void LabourMarket::place_initial_workers(Month start, const LabourParams& params) {
  refresh_travel(params);
  // The employed in a random order keyed by their ids.
  const auto& status = persons_.table.column(persons_.labour_status);
  std::vector<std::size_t> employed;
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    if (status[i] == static_cast<std::int8_t>(LabourStatus::Employed)) employed.push_back(i);
  }
  place_in_passes(employed, start, params);
}

void LabourMarket::place_in_passes(const std::vector<std::size_t>& persons, Month month,
                                   const LabourParams& params) {
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t areas = work_areas();
  auto vacant = book_.vacancies_by_cell();

  // `persons` in a random order keyed by their ids. A first pass places
  // everyone who can find a job that suits their competence well; a second
  // places the rest in any job they qualify for (A single pass would let early
  // choosers take, as stand-ins, jobs others are trained for.) These people
  // do hold jobs today, so a last pass places those still left in any job
  // within reach: the fit table is an assumption, and the employment figures
  // are data.
  auto& table = persons_.table;
  const auto ids = table.ids();
  const auto& home = table.column(persons_.municipality);
  const auto& competence = table.column(persons_.competence);
  std::vector<std::pair<std::uint32_t, std::size_t>> order;
  for (const std::size_t i : persons) {
    rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month,
                     rng::Stream::InitialPlacement);
    order.emplace_back(draws.next_u32(), i);
  }
  std::sort(order.begin(), order.end());

  std::vector<double> area_weight(areas);
  std::vector<double> occupation_weight(n_occ);
  auto occupation_weights = [&](std::size_t a, std::size_t c, double min_fit) {
    double total = 0;
    for (std::size_t o = 0; o < n_occ; ++o) {
      const double fit = data_.fit[data_.fit_index(o, c)];
      const double required = std::max(min_fit, data_.occupation_min_fit[o]);
      occupation_weight[o] =
          fit >= required ? fit_weight(fit) * static_cast<double>(vacant[a * n_occ + o].size())
                          : 0.0;
      total += occupation_weight[o];
    }
    return total;
  };
  // Weights of the work areas for a person, inside or outside Østfold.
  auto area_weights = [&](std::size_t h, std::size_t c, bool outside, double min_fit) {
    double total = 0;
    for (std::size_t a = 0; a < areas; ++a) {
      area_weight[a] = 0;
      const double minutes = travel_[h * areas + a];
      if (minutes < 0 || (a == outside_area()) != outside) continue;
      area_weight[a] = occupation_weights(a, c, min_fit) * commute_weight(minutes, params);
      total += area_weight[a];
    }
    return total;
  };
  std::vector<std::size_t> slots;
  for (const auto& entry : order) slots.push_back(entry.second);
  const double passes[] = {static_cast<double>(kGoodFit), params.min_hiring_fit, 0.0};
  for (std::size_t pass = 0; pass < std::size(passes); ++pass) {
    const double min_fit = passes[pass];
    const bool last_pass = pass + 1 == std::size(passes);
    std::vector<std::size_t> left;
    for (const std::size_t i : slots) {
      rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month,
                       rng::Stream::InitialPlacement);
      draws.next_u32();  // the ordering key
      const auto h = static_cast<std::size_t>(home[i]);
      const auto c = static_cast<std::size_t>(competence[i]);
      const bool commute_out = draws.uniform() < data_.out_of_county_share[h];
      const double u_area = draws.uniform();
      const double u_occupation = draws.uniform();
      const double u_position = draws.uniform();
      // Where the preferred side (inside or outside Østfold) has nothing that
      // suits, the other side is tried.
      if (area_weights(h, c, commute_out, min_fit) <= 0 &&
          area_weights(h, c, !commute_out, min_fit) <= 0) {
        if (!last_pass) {
          left.push_back(i);
        } else {
          set_status(i, LabourStatus::Unemployed);  // no job at all within reach
          ++unplaced_;
        }
        continue;
      }
      const std::size_t a = pick_weighted(area_weight, u_area);
      occupation_weights(a, c, min_fit);
      const std::size_t o = pick_weighted(occupation_weight, u_occupation);
      auto& list = vacant[a * n_occ + o];
      const auto k = static_cast<std::size_t>(u_position * static_cast<double>(list.size()));
      const auto position = static_cast<std::size_t>(list[k]);
      list[k] = list.back();
      list.pop_back();
      hire(i, position, month);
    }
    slots.swap(left);
  }
}

void LabourMarket::compute_competence_demand_shares() {
  // The competence an occupation asks for: the mix of competences among those
  // who hold it on the start date (as Statistics Norway's projections hold the
  // education mix of each occupation fixed); where nobody holds it, the
  // competences that fit well, in proportion to their fit.
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t n_comp = data_.competences.size();
  competence_demand_share_.assign(n_occ * n_comp, 0.0);
  const auto& status = persons_.table.column(persons_.labour_status);
  const auto& competence = persons_.table.column(persons_.competence);
  const auto& job = persons_.table.column(persons_.job);
  const auto& occupation = book_.occupation();
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    if (status[i] != static_cast<std::int8_t>(LabourStatus::Employed)) continue;
    const auto o = static_cast<std::size_t>(occupation[static_cast<std::size_t>(job[i])]);
    const auto c = static_cast<std::size_t>(competence[i]);
    competence_demand_share_[o * n_comp + c] += 1;
  }
  for (std::size_t o = 0; o < n_occ; ++o) {
    double* row = &competence_demand_share_[o * n_comp];
    double total = std::accumulate(row, row + n_comp, 0.0);
    if (total <= 0) {
      for (std::size_t c = 0; c < n_comp; ++c) {
        const double fit = data_.fit[data_.fit_index(o, c)];
        row[c] = fit >= static_cast<double>(kGoodFit) ? fit : 0.0;
      }
      total = std::accumulate(row, row + n_comp, 0.0);
      if (total <= 0) {
        for (std::size_t c = 0; c < n_comp; ++c) row[c] = data_.fit[data_.fit_index(o, c)];
        total = std::accumulate(row, row + n_comp, 0.0);
      }
    }
    for (std::size_t c = 0; c < n_comp; ++c) row[c] /= total;
  }
  competence_demand_start_ = competence_demand_share_;
  above_requirement_ =
      above_requirement(competence_demand_share_, data_.fit, data_.competence_level);
  unfilled_requirement_ =
      qualified_requirement(competence_demand_share_, data_.fit, data_.competences.size());
}

}  // namespace kfsim
