// Demand: employers grow or shrink along each industry's growth path, which
// adds positions (expansion openings) or abolishes them (vacant ones first,
// then filled ones, whose holders are laid off). Each industry's own trend
// fades towards the all-industry rate; the services of data.services (care,
// health, kindergartens, schools) follow the residents they serve by age.
// Positions left vacant too long are withdrawn as unmet demand, so that the
// positions cannot outgrow the people who can fill them. In-commuters from
// outside Østfold hold each municipality's 2024 number of positions, or more or
// fewer as the market tightens or slackens (labour_in_commuting.hpp), and turn over.
#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "models/labour/demand.hpp"
#include "models/labour/industry_trend.hpp"
#include "models/labour/labour_in_commuting.hpp"
#include "models/labour/labour_market.hpp"
#include "models/labour/labour_measures.hpp"
#include "models/labour/occupation_trend.hpp"
#include "models/labour/service_demand.hpp"
#include "models/labour/unmet_demand.hpp"
#include "sim/parallel/parallel.hpp"

namespace kfsim {

namespace {
// Assumption: in-commuters leave their jobs at about the residents' average
// separation rate (17.5 % a year in data.separation_rates), 1.5 % a month.
constexpr double kNonResidentMonthlyTurnover = 0.015;
}  // namespace

std::size_t LabourMarket::person_slot(std::int64_t id) const {
  // Ids increase with the slot: new persons are appended with new ids, and
  // removals keep the order.
  const auto ids = persons_.table.ids();
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) {
    throw std::logic_error("no person with id " + std::to_string(id));
  }
  return static_cast<std::size_t>(it - ids.begin());
}

void LabourMarket::adjust_demand(Month month, const LabourParams& params) {
  const std::size_t n_ind = data_.industries.size();
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t areas = work_areas();
  // The table's growth rates set how the mix of industries shifts; the total
  // grows at their job-weighted mean (plus the scenario's shift), so that an
  // industry growing fast from a small base does not lift the total beyond the
  // mean by compounding on its own.
  double jobs = 0;
  double weighted_growth = 0;
  for (std::size_t i = 0; i < n_ind; ++i) {
    jobs += industry_jobs_[i];
    weighted_growth += industry_jobs_[i] * data_.industry_growth[i];
  }
  // Each industry's own trend fades linearly to the all-industry rate over
  // labour.industry_trend_fade_years: a shift in the mix seen over a few
  // years is not carried on for ever (0: never fades).
  const double years_run = static_cast<double>(month - first_month_) / 12.0;
  double weighted_trend = 0;
  for (std::size_t i = 0; i < n_ind; ++i) {
    const double growth = faded_growth(data_.industry_growth[i], weighted_growth / jobs, years_run,
                                       setup_.industry_trend_fade_years);
    industry_trend_[i] *= std::pow(1.0 + growth, 1.0 / 12.0);
    weighted_trend += industry_jobs_[i] * industry_trend_[i];
  }
  total_factor_ *= std::pow(1.0 + weighted_growth / jobs + params.demand_growth_shift, 1.0 / 12.0);
  care_factor_ *= std::pow(1.0 + params.care_demand_growth, 1.0 / 12.0);
  // An industry's own shift (the green transition) compounds on top of its
  // path, like care demand: it changes the county's total as well as the mix.
  if (industry_shift_factor_.empty()) industry_shift_factor_.assign(n_ind, 1.0);
  for (std::size_t i = 0; i < params.industry_growth_shift.size() && i < n_ind; ++i) {
    industry_shift_factor_[i] *= std::pow(1.0 + params.industry_growth_shift[i], 1.0 / 12.0);
  }
  const auto care = data_.industries.index_of("Q");
  for (std::size_t i = 0; i < n_ind; ++i) {
    industry_factor_[i] = industry_trend_[i] / (weighted_trend / jobs) * total_factor_;
  }
  // The services' part of their industries follows the residents they serve
  // (not labour.demand_growth_shift: public services do not follow the
  // business cycle).
  // A service staffed by its own mix (data.service_staffing) moves its
  // industry's occupations with it: the care of a growing number of old
  // residents asks for nurses and helsefagarbeidere, not for the industry's
  // average mix.
  composition_.clear();
  if (!service_users_at_start_.empty()) {
    standard_factor_ *= std::pow(1.0 + params.care_standard_growth, 1.0 / 12.0);
    const auto users =
        service_users(data_.services, persons_.table.column(persons_.birth_month), month);
    if (setup_.service_staffing) {
      composition_.assign((n_ind + 1) * n_occ, 1.0);
      apply_service_composition(data_.services, users, service_users_at_start_, standard_factor_,
                                std::span<const double>(industry_factor_.data(), n_ind), n_occ,
                                composition_);
    }
    apply_service_demand(data_.services, users, service_users_at_start_, standard_factor_,
                         std::span<double>(industry_factor_.data(), n_ind));
  }
  for (std::size_t i = 0; i < n_ind; ++i) {
    if (care >= 0 && i == static_cast<std::size_t>(care)) industry_factor_[i] *= care_factor_;
    industry_factor_[i] *= industry_shift_factor_[i];
  }
  industry_factor_[n_ind] *= std::pow(1.0 + params.outside_jobs_growth, 1.0 / 12.0);

  // Automation and new technology change what an industry's workers do more
  // than how many it employs: the industry totals already follow the growth
  // paths (which hold the past trend of productivity), so an occupation's
  // trend (the within-industry trend of data.occupation_trend plus the
  // scenario's, occupation_trend.hpp) moves positions between occupations
  // within each industry and place of work, and the other occupations' shares
  // are rescaled to keep the total.
  // Renormalising per (industry, area) rather than per industry keeps every
  // workplace's size on its path too. With no trend every weight is exactly 1,
  // and the targets are those of the growth paths alone, to the last bit.
  if (occupation_factor_.empty()) occupation_factor_.assign(n_occ, 1.0);
  for (std::size_t o = 0; o < n_occ; ++o) {
    const double trend =
        occupation_share_trend(data_.occupation_trend.within_industry,
                               params.occupation_trend_scale, params.occupation_demand_trend, o);
    if (trend != 0.0) occupation_factor_[o] *= std::pow(1.0 + trend, 1.0 / 12.0);
  }
  const DemandGrid grid{n_ind + 1, areas, n_occ};
  const auto occupation_weight =
      occupation_weights(grid, initial_cell_positions_, occupation_factor_, composition_);
  meet_demand_targets(month, params, occupation_weight);
}

void LabourMarket::meet_demand_targets(Month month, const LabourParams& params,
                                       const std::vector<double>& occupation_weight) {
  const std::size_t n_ind = data_.industries.size();
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t areas = work_areas();
  const DemandGrid grid{n_ind + 1, areas, n_occ};
  // Withdrawn positions come back as employers try again where the market
  // has people for them: in each occupation, as many as the unemployed trained
  // for it exceed its positions open labour.shortage_months or more, each
  // withdrawn position of the occupation with the same chance. A post given
  // up for bad luck comes back; where people are lacking, the withdrawn posts
  // remain unmet demand (the shortage HELSEMOD projects as demand less supply).
  if (params.unmet_repost) {
    const auto chance = repost_chance(params.shortage_months);
    for (std::size_t cell = 0; cell < unmet_.size(); ++cell) {
      if (unmet_[cell] <= 0 || chance[cell % n_occ] <= 0) continue;
      rng::Draws draws(key_, cell, month, rng::Stream::UnmetRepost);
      unmet_[cell] -= reposted(unmet_[cell], chance[cell % n_occ], draws);
    }
  }
  const auto cell_of_position = position_cells();
  std::vector<std::int32_t> current(initial_cell_positions_.size(), 0);
  const auto& gone = book_.abolished();
  {
    const auto counted = parallel_counts(book_.size(), current.size(), [&](std::size_t p) {
      return gone[p] ? current.size() : cell_of_position(p);
    });
    for (std::size_t c = 0; c < current.size(); ++c)
      current[c] = static_cast<std::int32_t>(counted[c]);
  }
  const auto target = cell_targets(grid, initial_cell_positions_, industry_factor_,
                                   occupation_weight, current, unmet_);

  std::vector<std::int32_t> surplus(current.size(), 0);
  bool any_surplus = false;
  const std::size_t y = year_index(month);
  for (std::size_t i = 0; i <= n_ind; ++i) {
    for (std::size_t a = 0; a < areas; ++a) {
      for (std::size_t o = 0; o < n_occ; ++o) {
        const std::size_t cell = cell_of(i, a, o);
        const std::int32_t difference = target[cell] - current[cell];
        if (difference < 0) {
          surplus[cell] = -difference;
          any_surplus = true;
          continue;
        }
        if (difference == 0) continue;
        // New positions go to the cell's employers in turn.
        const auto& employers = cell_employers_[i * areas + a];
        auto& cursor = employer_cursor_[i * areas + a];
        for (std::int32_t k = 0; k < difference; ++k) {
          const std::int32_t employer = employers[cursor++ % employers.size()];
          book_.append_vacant(
              employer,
              employers_.table.column(employers_.industry)[static_cast<std::size_t>(employer)], a,
              o);
          if (a < outside_area() && !initializing_)
            ++measures_.count(ids_.openings, {y, static_cast<std::size_t>(OpeningKind::Expansion)});
        }
      }
    }
  }
  if (!any_surplus) return;

  // Abolish the newest vacant positions first, then the newest filled ones;
  // the scan stops once every surplus is gone.
  std::int64_t to_abolish = 0;
  for (const auto s : surplus) to_abolish += s;
  const auto& holder = book_.holder();
  const auto& abolished = book_.abolished();
  for (const bool filled : {false, true}) {
    for (std::size_t p = book_.size(); p-- > 0 && to_abolish > 0;) {
      const std::size_t cell = cell_of_position(p);
      if (surplus[cell] == 0 || abolished[p] || (holder[p] != kVacant) != filled) continue;
      --surplus[cell];
      --to_abolish;
      book_.abolish(p);
      if (holder[p] >= 0) {
        const std::size_t person = person_slot(holder[p]);
        // No opening: the position goes.
        vacate(p, month, SeparationReason::PositionAbolished, OpeningKind::Churn);
        persons_.table.column(persons_.job)[person] = kNoJob;
        // A student goes on studying; others seek work from next month.
        const bool studying =
            persons_.table.column(persons_.education_target)[person] != kNoCompetence;
        set_status(person, studying ? LabourStatus::InEducation : LabourStatus::Unemployed);
      } else {
        book_.vacate(p);  // an in-commuter's position goes too
      }
    }
  }
  // The abolished positions keep their slots, neither counted nor vacancies,
  // until withdraw_unfilled removes them from the table.
}

std::vector<double> LabourMarket::repost_chance(int shortage_months) const {
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t n_comp = data_.competences.size();
  std::vector<double> chance(n_occ, 0.0);
  std::vector<double> withdrawn(n_occ, 0.0);
  bool any_withdrawn = false;
  for (std::size_t cell = 0; cell < unmet_.size(); ++cell) {
    withdrawn[cell % n_occ] += unmet_[cell];
    any_withdrawn = any_withdrawn || unmet_[cell] > 0;
  }
  // Nothing withdrawn (every month before the first withdrawal): no need to
  // count the persons and positions.
  if (!any_withdrawn) return chance;
  // Whole numbers, counted in parallel: the same for any thread count.
  const auto& status = persons_.table.column(persons_.labour_status);
  const auto& competence = persons_.table.column(persons_.competence);
  const auto seekers = parallel_counts(persons_.size(), n_comp, [&](std::size_t i) {
    return status[i] == static_cast<std::int8_t>(LabourStatus::Unemployed)
               ? static_cast<std::size_t>(competence[i])
               : n_comp;
  });
  const auto& holder = book_.holder();
  const auto& occupation = book_.occupation();
  const auto& vacant_for = book_.months_vacant();
  const auto& abolished = book_.abolished();
  const auto hard = parallel_counts(book_.size(), n_occ, [&](std::size_t p) {
    return holder[p] == kVacant && !abolished[p] && open_at_least(vacant_for[p], shortage_months)
               ? static_cast<std::size_t>(occupation[p])
               : n_occ;
  });
  for (std::size_t o = 0; o < n_occ; ++o) {
    if (withdrawn[o] <= 0) continue;
    // Trained for it: a fit an employer counts as good, and no less than the
    // law asks of a regulated occupation.
    const double required = std::max(static_cast<double>(kGoodFit), data_.occupation_min_fit[o]);
    double trained = 0;
    for (std::size_t c = 0; c < n_comp; ++c) {
      if (static_cast<double>(data_.fit[data_.fit_index(o, c)]) >= required) {
        trained += static_cast<double>(seekers[c]);
      }
    }
    chance[o] = std::clamp((trained - static_cast<double>(hard[o])) / withdrawn[o], 0.0, 1.0);
  }
  return chance;
}

void LabourMarket::withdraw_unfilled(Month /*month*/, const LabourParams& params) {
  if (params.unfilled_withdrawal_months > 0) withdraw_long_open(params);
  // Abolished positions keep their slots, uncounted and never vacancies, until
  // they make up a 32nd of the table: removing them moves every position after
  // the first of them, and rewrites the jobs that point there, so it is done
  // seldom. When it is done changes no result: the survivors keep their order.
  if (book_.abolished_count() * 32 > book_.size()) remove_abolished_positions();
}

void LabourMarket::withdraw_long_open(const LabourParams& params) {
  const auto withdrawn =
      withdraw_long_vacant(book_.positions(), position_cells(), params.unfilled_withdrawal_months,
                           outside_area(), unmet_);
  for (const auto p : withdrawn) book_.abolish(p);
}

void LabourMarket::remove_abolished_positions() {
  book_.remove_abolished(persons_.table.column(persons_.job));
}

void LabourMarket::turn_over_non_residents(Month month) {
  const auto ids = book_.ids();
  const auto& holder = book_.holder();
  // Who leaves is drawn in parallel (a draw keyed by position); the positions
  // are then vacated in slot order.
  std::vector<std::uint8_t> leaves(book_.size(), 0);
  parallel_blocks(book_.size(), kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t p = begin; p < end; ++p) {
      if (holder[p] != kNonResident) continue;
      rng::Draws draws(key_, static_cast<std::uint64_t>(ids[p]), month,
                       rng::Stream::NonResidentTurnover);
      leaves[p] = draws.uniform() < kNonResidentMonthlyTurnover;
    }
  });
  for (std::size_t p = 0; p < leaves.size(); ++p) {
    if (leaves[p]) vacate(p, month, SeparationReason::Quit, OpeningKind::Churn);
  }
}

void LabourMarket::refill_non_residents(Month month, const LabourParams& params) {
  // Those who leave are replaced by other non-residents, in vacancies chosen at
  // random, up to the municipality's 2024 number; with
  // labour.in_commuting_response that number follows the county's tightness:
  // in a tight market the extra in-commuters take positions open at least
  // labour.shortage_months (those the county fails to fill), chosen at random;
  // in a slack one those who leave are not all replaced.
  const double tight = tightness();
  const std::size_t n_mun = municipalities_.size();
  const auto& holder = book_.holder();
  const auto& area = book_.area();
  std::vector<std::int64_t> count(n_mun, 0);
  std::vector<std::vector<std::int32_t>> vacant(n_mun);
  const auto& abolished = book_.abolished();
  for (std::size_t p = 0; p < book_.size(); ++p) {
    const auto a = static_cast<std::size_t>(area[p]);
    if (a >= n_mun) continue;
    if (holder[p] == kNonResident) ++count[a];
    if (holder[p] == kVacant && !abolished[p]) vacant[a].push_back(static_cast<std::int32_t>(p));
  }
  for (std::size_t a = 0; a < n_mun; ++a) {
    rng::Draws draws(key_, a, month, rng::Stream::LabourDemand);
    auto& list = vacant[a];
    const std::int64_t goal =
        in_commuter_goal(non_resident_target_[a], tight, params.in_commuting_response);
    const std::int64_t replaced = std::min(goal, non_resident_target_[a]);
    // Gives an in-commuter a position drawn from `from` (removed from it).
    const auto take_one = [&](std::vector<std::int32_t>& from, rng::Draws& with) {
      const std::size_t j = with.below(static_cast<std::uint32_t>(from.size()));
      const auto p = static_cast<std::size_t>(from[j]);
      from[j] = from.back();
      from.pop_back();
      book_.fill(p, kNonResident);
    };
    std::int64_t k = count[a];
    for (; k < replaced && !list.empty(); ++k) take_one(list, draws);
    if (k >= goal) continue;
    // The extra in-commuters take positions open long, chosen at random.
    auto open_long = long_open(list, book_.months_vacant(), params.shortage_months);
    rng::Draws extra(key_, a, month, rng::Stream::InCommuting);
    for (; k < goal && !open_long.empty(); ++k) take_one(open_long, extra);
  }
}

}  // namespace kfsim
