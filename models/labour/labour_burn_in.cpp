// The burn-in: the labour market's own job moves run for
// labour.burn_in_months months before the first recorded month.
//
// The start placement gives every employed person a job that fits their
// competence well where one is free (labour_initial_state.cpp). The monthly
// flows then mix this: people who quit, are laid off or search on the job
// sometimes land below their competence, and positions nobody fills are
// withdrawn and posted again. Left alone, that settling shows in the first
// years of every run as a rise in surplus and upgrading that no cause in the
// scenario explains (docs/calibration.md, "The gap in a county held still").
// The burn-in lets it happen before the start, so the recorded run begins from
// a state the flows keep.
//
// Held still during the burn-in, as in a county held still
// (demography.stationary): nobody ages, is born, dies, moves or retires, and
// competences and education stay as on the start date. Demand stays at the
// start date's positions: no industry or occupation moves; unfilled positions
// are withdrawn and posted again as in the run. What a job asks for (the
// competence demand shares) stays that of the start placement: who holds a job
// after the mixing is not what the job needs (the design's MODEL.md, "who
// happened to hold the job in 2024 is not demand").
//
// Who is employed, unemployed or outside the labour force stays as on the
// start date: the employment and unemployment by age group and sex come from
// data (labour_status_targets.csv), and the flows between the statuses, run
// with ages held, would drain the young and fill the old (with ages frozen,
// nobody grows into or out of an age group: ten such years took the
// employment rate of 15-19-year-olds from 24 % to 15 % and of 55-59 from 72 %
// to 79 %, docs/calibration.md). So the burn-in only changes who
// holds which job: an employed person who would quit, be laid off or leave for
// disability leaves the job and searches as the unemployed do, taking any job
// that qualifies (matching.hpp), until hired again; others search on the job
// as in the run. Those still searching when the burn-in ends are placed as on
// the start date (place_in_passes). The others hold still.
#include "models/labour/demand.hpp"
#include "models/labour/labour_market.hpp"
#include "models/population/ages.hpp"
#include "sim/parallel/parallel.hpp"

namespace kfsim {

void LabourMarket::burn_in(Month start, const LabourParams& params) {
  const int months = setup_.burn_in_months;
  if (months <= 0) return;
  // Each burn-in month is keyed by its own calendar month before the start
  // (start - months ... start - 1), whose draws the recorded run never makes.
  // The birth months move back by as many months and then forward by one each
  // month, so every age stays that of the start date (as Demography::hold_ages
  // does for a county held still), and end where they began.
  auto& birth = persons_.table.column(persons_.birth_month);
  for (auto& b : birth) b -= months;

  // Demand held at the start date's positions: every industry's factor is 1 (as
  // build_employers leaves it) and every occupation keeps its weight.
  const std::size_t n_occ = data_.occupations.size();
  const DemandGrid grid{data_.industries.size() + 1, work_areas(), n_occ};
  const std::vector<double> unchanged(n_occ, 1.0);
  const auto occupation_weight = occupation_weights(grid, initial_cell_positions_, unchanged);

  const auto& status = persons_.table.column(persons_.labour_status);
  std::vector<std::uint8_t> employed_at_start(persons_.size(), 0);
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    employed_at_start[i] = status[i] == static_cast<std::int8_t>(LabourStatus::Employed);
  }

  for (int k = months; k > 0; --k) {
    burn_in_month(start - k, params, occupation_weight, employed_at_start);
    for (auto& b : birth) b += 1;
  }

  // Those still between jobs take one as on the start date, in an order keyed
  // by the burn-in's last month.
  const auto& job = persons_.table.column(persons_.job);
  std::vector<std::size_t> between_jobs;
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    if (employed_at_start[i] && job[i] == kNoJob) between_jobs.push_back(i);
  }
  place_in_passes(between_jobs, start - 1, params);

  // The run's own rates: retirement comes back, and the quit weights are
  // counted on the state the run starts from.
  retirement_month_.clear();
  count_start_quits(start);
  quit_factor_ready_ = false;
}

void LabourMarket::burn_in_month(Month month, const LabourParams& params,
                                 const std::vector<double>& occupation_weight,
                                 const std::vector<std::uint8_t>& employed_at_start) {
  const SeparationRates rates = separation_rates(month, params);
  auto& table = persons_.table;
  const std::size_t n = table.size();
  events_.assign(n, static_cast<std::uint8_t>(JobEvent::None));
  searching_.assign(n, 0);
  const auto ids = table.ids();
  const auto& birth = table.column(persons_.birth_month);
  const auto& sex = table.column(persons_.sex);
  auto& job = table.column(persons_.job);
  const auto& position_occupation = book_.occupation();
  parallel_blocks(n, kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (!employed_at_start[i]) continue;
      if (job[i] == kNoJob) {
        searching_[i] = 1;  // between jobs since an earlier month
        continue;
      }
      const int age = age_in_years(Month::from_index(birth[i]), month);
      const auto drawn = draw_job_event({ids[i], age, static_cast<Sex>(sex[i]),
                                         position_occupation[static_cast<std::size_t>(job[i])]},
                                        rates, key_, month);
      events_[i] = static_cast<std::uint8_t>(drawn.event);
      if (drawn.searching) searching_[i] = 1;
    }
  });
  // Leavers search from next month, as in the run, so nobody is hired back
  // into the position just left.
  for (std::size_t i = 0; i < n; ++i) {
    if (static_cast<JobEvent>(events_[i]) == JobEvent::None) continue;
    vacate(static_cast<std::size_t>(job[i]), month, SeparationReason::Quit, OpeningKind::Churn);
    job[i] = kNoJob;
    set_status(i, LabourStatus::Unemployed);
    searching_[i] = 0;
  }
  meet_demand_targets(month, params, occupation_weight);
  // A position abolished by the demand step leaves its holder between jobs too:
  // the status the demand step gives does not matter, as they search next month.
  turn_over_non_residents(month);
  match(month, params);
  refill_non_residents(month, params);
  withdraw_unfilled(month, params);
  age_vacancies();
}

}  // namespace kfsim
