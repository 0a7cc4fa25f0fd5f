// What the labour market records each month and at the end of each year.
#include <algorithm>
#include <limits>
#include <span>
#include <tuple>

#include "models/labour/competence_gap.hpp"
#include "models/labour/labour_market.hpp"
#include "models/labour/labour_outside_groups.hpp"
#include "models/population/ages.hpp"
#include "sim/parallel/parallel.hpp"
#include "sim/rng/random.hpp"

namespace kfsim {

void LabourMarket::record_month(Month month, const LabourParams& params) {
  gap_rating_threshold_ = params.gap_rating_threshold;
  shortage_months_ = params.shortage_months;
  const std::size_t y = year_index(month);
  const auto t = static_cast<std::size_t>(month - first_month_);
  const auto& holder = book_.holder();
  const auto& area = book_.area();
  const auto& occupation = book_.occupation();
  const auto& months_vacant = book_.months_vacant();

  // Vacancies (summed now, divided by the months of the year at its end). The
  // book keeps the vacant positions by cell; only how long each has been open
  // needs a look at the positions. Counted as integers and added once per cell:
  // sums of whole numbers are exact, so the means are those of adding 1.0 per
  // position.
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t cells = work_areas() * n_occ;
  std::vector<std::int32_t> long_open(cells, 0);
  const auto& abolished = book_.abolished();
  for (std::size_t p = 0; p < book_.size(); ++p) {
    if (holder[p] != kVacant || abolished[p] ||
        !open_at_least(months_vacant[p], params.shortage_months)) {
      continue;
    }
    ++long_open[static_cast<std::size_t>(area[p]) * n_occ +
                static_cast<std::size_t>(occupation[p])];
  }
  std::int64_t vacancies_inside = 0;
  std::int64_t positions_inside = 0;
  const auto vacancies = measures_.reals(ids_.vacancies_mean).subspan(y * cells, cells);
  const auto unfilled = measures_.reals(ids_.unfilled_vacancies_mean).subspan(y * cells, cells);
  for (std::size_t a = 0; a < work_areas(); ++a) {
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::int32_t vacant = book_.vacant_in(a, o);
      vacancies[a * n_occ + o] += vacant;
      unfilled[a * n_occ + o] += long_open[a * n_occ + o];
      if (a < outside_area()) {
        vacancies_inside += vacant;
        positions_inside += book_.positions_in(a, o);
      }
    }
  }

  // Employed, unemployed and those outside the labour force, in one pass.
  std::int64_t employed = 0;
  std::int64_t unemployed = 0;
  record_outside_groups(y, employed, unemployed);
  const std::int64_t laid_off = temporarily_laid_off(month, params.temporary_layoff_share);
  measures_.count(ids_.employed_monthly, {t}) = employed;
  measures_.count(ids_.unemployed_monthly, {t}) = unemployed;
  measures_.count(ids_.temporarily_laid_off_monthly, {t}) = laid_off;
  measures_.count(ids_.vacancies_monthly, {t}) = vacancies_inside;
  // The laid off wait to be recalled: they are not job seekers competing for vacancies.
  record_tightness(vacancies_inside, unemployed);
  measures_.real(ids_.unemployment_rate_monthly, {t}) =
      employed + unemployed > 0
          ? static_cast<double>(unemployed + laid_off) / static_cast<double>(employed + unemployed)
          : 0.0;
  measures_.real(ids_.vacancy_rate_monthly, {t}) =
      positions_inside > 0
          ? static_cast<double>(vacancies_inside) / static_cast<double>(positions_inside)
          : 0.0;

  ++months_recorded_;
  if (month.month_of_year() == 12 || month == last_month_) {
    record_year_end(month);
    months_recorded_ = 0;
  }
}

std::int64_t LabourMarket::temporarily_laid_off(Month month, double share) const {
  if (share <= 0.0) return 0;
  // Each employed resident is laid off this month with the given probability, by a draw keyed
  // by person and month: the same persons for any thread or process count.
  const auto& status = persons_.table.column(persons_.labour_status);
  const auto ids = persons_.table.ids();
  std::int64_t count = 0;
  for (std::size_t i = 0; i < status.size(); ++i) {
    if (status[i] != static_cast<std::int8_t>(LabourStatus::Employed)) continue;
    rng::Draws draws(key_, static_cast<std::uint64_t>(ids[i]), month, rng::Stream::TemporaryLayoff);
    count += draws.uniform() < share;
  }
  return count;
}

void LabourMarket::record_outside_groups(std::size_t y, std::int64_t& employed,
                                         std::int64_t& unemployed) {
  const auto& status = persons_.table.column(persons_.labour_status);
  const auto& sex = persons_.table.column(persons_.sex);
  const auto& disability = persons_.table.column(persons_.disability);
  // Bins: employed, unemployed, then (sex, group) for those outside the labour force.
  constexpr std::size_t kFirstOutside = 2;
  const auto counts = parallel_counts(
      status.size(), kFirstOutside + kSexCount * kOutsideGroupCount, [&](std::size_t i) {
        OutsideGroup group = OutsideGroup::Other;
        switch (static_cast<LabourStatus>(status[i])) {
          case LabourStatus::Employed:
            return std::size_t{0};
          case LabourStatus::Unemployed:
            return std::size_t{1};
          case LabourStatus::InEducation:
            group = OutsideGroup::Student;
            break;
          case LabourStatus::Outside:
            group = disability[i] ? OutsideGroup::Disability : OutsideGroup::Other;
            break;
          default:
            return std::numeric_limits<std::size_t>::max();
        }
        return kFirstOutside + static_cast<std::size_t>(sex[i]) * kOutsideGroupCount +
               static_cast<std::size_t>(group);
      });
  employed = counts[0];
  unemployed = counts[1];
  const auto outside = std::span(counts).subspan(kFirstOutside);
  // Whole numbers, so adding each cell's count once equals adding 1.0 per person.
  for (std::size_t s = 0; s < kSexCount; ++s) {
    for (std::size_t g = 0; g < kOutsideGroupCount; ++g) {
      measures_.real(ids_.outside_labour_force_mean, {y, s, g}) +=
          static_cast<double>(outside[s * kOutsideGroupCount + g]);
    }
  }
}

void LabourMarket::record_year_end(Month month) {
  const std::size_t y = year_index(month);
  const std::size_t n_occ = data_.occupations.size();
  const std::size_t n_comp = data_.competences.size();
  const std::size_t areas = work_areas();
  const std::size_t n_mun = municipalities_.size();

  // Means over the year's months.
  for (MeasureId id : {ids_.vacancies_mean, ids_.unfilled_vacancies_mean}) {
    const auto values = measures_.reals(id).subspan(y * areas * n_occ, areas * n_occ);
    for (auto& v : values) v /= months_recorded_;
  }
  {
    const std::size_t block = kSexCount * kOutsideGroupCount;
    for (auto& v : measures_.reals(ids_.outside_labour_force_mean).subspan(y * block, block)) {
      v /= months_recorded_;
    }
  }

  // Positions.
  const auto& holder = book_.holder();
  const auto& area = book_.area();
  const auto& occupation = book_.occupation();
  const auto& months_vacant = book_.months_vacant();
  // Positions by (area, occupation): held by residents, vacant a short time,
  // vacant long (Østfold only: Oslo's openings are not the county's demand).
  std::vector<std::int64_t> held(areas * n_occ, 0);
  std::vector<std::int64_t> open_short(areas * n_occ, 0);
  std::vector<std::int64_t> open_long(areas * n_occ, 0);
  const auto& abolished = book_.abolished();
  for (std::size_t p = 0; p < book_.size(); ++p) {
    if (abolished[p]) continue;  // gone, though not yet removed from the table
    const auto a = static_cast<std::size_t>(area[p]);
    const auto o = static_cast<std::size_t>(occupation[p]);
    ++measures_.count(ids_.jobs, {y, a, o});
    if (holder[p] == kVacant) ++measures_.count(ids_.jobs_vacant, {y, a, o});
    const auto industry =
        employers_.table.column(employers_.industry)[static_cast<std::size_t>(book_.employer()[p])];
    if (holder[p] != kVacant && industry >= 0) {
      ++measures_.count(ids_.employed_by_industry, {y, a, static_cast<std::size_t>(industry)});
    }
    if (holder[p] == kNonResident) {
      ++measures_.count(ids_.jobs_non_resident, {y, a, o});
      continue;  // demand met from outside the county
    }
    if (holder[p] >= 0) {
      ++held[a * n_occ + o];
    } else if (a < outside_area()) {
      auto& open = open_at_least(months_vacant[p], shortage_months_) ? open_long : open_short;
      ++open[a * n_occ + o];
    }
  }

  // Unmet demand by cell (industry x area x occupation), summed two ways.
  {
    const std::size_t n_ind = data_.industries.size();
    for (std::size_t i = 0; i < n_ind; ++i) {
      for (std::size_t a = 0; a < areas; ++a) {
        for (std::size_t o = 0; o < n_occ; ++o) {
          const auto n = unmet_[cell_of(i, a, o)];
          if (n == 0) continue;
          measures_.count(ids_.unmet_demand, {y, a, o}) += n;
          open_long[a * n_occ + o] += n;
          measures_.count(ids_.unmet_demand_by_industry, {y, i}) += n;
        }
      }
    }
  }

  // Residents: status, competence of the employed and job seekers, commuting.
  const auto& table = persons_.table;
  const auto& birth = table.column(persons_.birth_month);
  const auto& sex = table.column(persons_.sex);
  const auto& home = table.column(persons_.municipality);
  const auto& status = table.column(persons_.labour_status);
  const auto& competence = table.column(persons_.competence);
  const auto& job = table.column(persons_.job);
  const auto& months_in_status = table.column(persons_.months_in_status);
  std::vector<double> supply(n_mun * n_comp, 0.0);
  GapCounts gap(n_comp);
  std::vector<double> seeking_months(n_comp, 0.0);
  std::vector<double> seekers(n_comp, 0.0);
  // Ages at the end of the month; held still (demography.stationary), the ages of the month,
  // as the birth months move on only when the next month starts.
  const Month age_date = setup_.stationary ? month : month + 1;
  const auto& pending = table.column(persons_.qualification_pending);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto m = static_cast<std::size_t>(home[i]);
    const int age = age_in_years(Month::from_index(birth[i]), age_date);
    if (pending[i]) {
      ++measures_.count(ids_.awaiting_recognition, {y, static_cast<std::size_t>(competence[i])});
    }
    ++measures_.count(ids_.persons_by_status,
                      {y, m, static_cast<std::size_t>(sex[i]), age_group_of(age),
                       static_cast<std::size_t>(status[i])});
    const auto s = static_cast<LabourStatus>(status[i]);
    if (s != LabourStatus::Employed && s != LabourStatus::Unemployed) continue;
    const auto c = static_cast<std::size_t>(competence[i]);
    supply[m * n_comp + c] += 1;
    if (s == LabourStatus::Unemployed) {
      ++gap.unemployed[c];
      ++measures_.count(ids_.unemployed_by_competence, {y, m, c});
      seeking_months[c] += static_cast<double>(months_in_status[i]);
      ++seekers[c];
      continue;
    }
    ++gap.employed[c];
    ++measures_.count(ids_.employed_by_competence, {y, m, c});
    const auto o = static_cast<std::size_t>(occupation[static_cast<std::size_t>(job[i])]);
    ++measures_.count(ids_.employed_by_occupation, {y, m, o});
    ++measures_.count(ids_.employed_by_occupation_age, {y, o, age_group_of(age)});
    if (above_requirement_[o * n_comp + c]) ++gap.below[c];
    if (fit_of_job(i) < kGoodFit) ++measures_.count(ids_.mismatched_employed, {y, c});
    if (static_cast<std::size_t>(area[static_cast<std::size_t>(job[i])]) == outside_area()) {
      ++measures_.count(ids_.out_commuters, {y, m});
    }
  }

  // Demand by competence: each cell's positions split over what its occupation
  // asks for, whole persons, so that the gap's parts add up exactly.
  std::vector<std::int64_t> demand(areas * n_comp, 0);
  for (std::size_t a = 0; a < areas; ++a) {
    for (std::size_t o = 0; o < n_occ; ++o) {
      const std::size_t cell = a * n_occ + o;
      const std::int64_t shortage = open_long[cell];
      if (shortage > 0) measures_.count(ids_.shortage_by_occupation, {y, a, o}) = shortage;
      const std::span<const double> asks(&competence_demand_share_[o * n_comp], n_comp);
      const std::span<const double> unfilled(&unfilled_requirement_[o * n_comp], n_comp);
      const std::span<std::int64_t> in_area(&demand[a * n_comp], n_comp);
      for (const auto& [count, part, shares] : {std::tuple{held[cell], &gap.filled, asks},
                                                std::tuple{open_short[cell], &gap.frictional, asks},
                                                std::tuple{shortage, &gap.shortage, unfilled}}) {
        split_by_requirement(count, shares, *part);
        split_by_requirement(count, shares, in_area);
      }
    }
  }
  const GapParts parts = decompose_gap(gap);
  for (std::size_t c = 0; c < n_comp; ++c) {
    measures_.real(ids_.unemployment_duration_mean, {y, c}) =
        seekers[c] > 0 ? seeking_months[c] / seekers[c] : 0.0;
    for (std::size_t m = 0; m < n_mun; ++m) {
      measures_.real(ids_.competence_supply, {y, m, c}) = supply[m * n_comp + c];
    }
    for (std::size_t a = 0; a < areas; ++a) {
      measures_.real(ids_.competence_demand, {y, a, c}) =
          static_cast<double>(demand[a * n_comp + c]);
    }
    measures_.real(ids_.competence_gap, {y, c}) = static_cast<double>(parts.total[c]);
    measures_.count(ids_.competence_shortage, {y, c}) = parts.shortage[c];
    measures_.count(ids_.competence_frictional, {y, c}) = parts.frictional[c];
    measures_.count(ids_.competence_surplus, {y, c}) = parts.surplus[c];
    measures_.count(ids_.competence_upgrading, {y, c}) = parts.upgrading[c];
    measures_.count(ids_.competence_rating, {y, c}) =
        gap_rating(parts.shortage[c], parts.surplus[c], gap.employed[c], gap_rating_threshold_);
  }
}

}  // namespace kfsim

namespace kfsim {

std::vector<double> LabourMarket::competence_signal() const {
  // The gap's shortage minus its surplus (competence_gap.hpp), now, relative to
  // the labour force holding each competence: what career guidance reads.
  const std::size_t n_comp = data_.competences.size();
  const std::size_t n_occ = data_.occupations.size();
  std::vector<double> asked(n_comp, 0.0);
  std::vector<double> idle(n_comp, 0.0);
  std::vector<double> force(n_comp, 0.0);
  auto ask = [&](std::size_t o, double n) {
    const double* share = &unfilled_requirement_[o * n_comp];
    for (std::size_t c = 0; c < n_comp; ++c) asked[c] += n * share[c];
  };
  const auto& holder = book_.holder();
  const auto& area = book_.area();
  const auto& occupation = book_.occupation();
  const auto& months_vacant = book_.months_vacant();
  const auto& abolished = book_.abolished();
  for (std::size_t p = 0; p < book_.size(); ++p) {
    if (holder[p] != kVacant || abolished[p] || static_cast<std::size_t>(area[p]) >= outside_area())
      continue;
    if (!open_at_least(months_vacant[p], shortage_months_)) continue;
    ask(static_cast<std::size_t>(occupation[p]), 1.0);
  }
  for (std::size_t cell = 0; cell < unmet_.size(); ++cell) {
    if (unmet_[cell] > 0) ask(cell % n_occ, static_cast<double>(unmet_[cell]));
  }
  const auto& status = persons_.table.column(persons_.labour_status);
  const auto& competence = persons_.table.column(persons_.competence);
  const auto& job = persons_.table.column(persons_.job);
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    const auto s = static_cast<LabourStatus>(status[i]);
    if (s != LabourStatus::Employed && s != LabourStatus::Unemployed) continue;
    const auto c = static_cast<std::size_t>(competence[i]);
    force[c] += 1;
    if (s == LabourStatus::Unemployed) {
      idle[c] += 1;
    } else {
      const auto o = static_cast<std::size_t>(occupation[static_cast<std::size_t>(job[i])]);
      if (above_requirement_[o * n_comp + c]) idle[c] += 1;
    }
  }
  std::vector<double> signal(n_comp);
  for (std::size_t c = 0; c < n_comp; ++c) signal[c] = (asked[c] - idle[c]) / (force[c] + 1.0);
  return signal;
}

}  // namespace kfsim
