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
// disability searches from the next month as the unemployed do, taking any
// job that qualifies (matching.hpp), and holds the old job until hired into
// another, which then falls vacant; so the employed and the vacancies keep
// their counts. The employed who stay search on the job as in the run; the
// unemployed and those outside the labour force hold still.
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

  std::vector<std::uint8_t> leaving(persons_.size(), 0);
  for (int k = months; k > 0; --k) {
    burn_in_month(start - k, params, occupation_weight, leaving);
    for (auto& b : birth) b += 1;
  }
  // Any whose position went and who found no other take one as on the start
  // date, in an order keyed by the burn-in's last month.
  const auto& job = persons_.table.column(persons_.job);
  std::vector<std::size_t> without_job;
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    if (leaving[i] && job[i] == kNoJob) without_job.push_back(i);
  }
  place_in_passes(without_job, start - 1, params);

  // The run's own rates: retirement comes back, and the quit weights are
  // counted on the state the run starts from.
  retirement_month_.clear();
  count_start_quits(start);
  quit_factor_ready_ = false;
}

void LabourMarket::burn_in_month(Month month, const LabourParams& params,
                                 const std::vector<double>& occupation_weight,
                                 std::vector<std::uint8_t>& leaving) {
  const SeparationRates rates = separation_rates(month, params);
  auto& table = persons_.table;
  const std::size_t n = table.size();
  searching_.assign(n, 0);
  const auto ids = table.ids();
  const auto& birth = table.column(persons_.birth_month);
  const auto& sex = table.column(persons_.sex);
  const auto& job = table.column(persons_.job);
  auto& status = table.column(persons_.labour_status);
  const auto& position_occupation = book_.occupation();
  // Someone who would leave a job holds it until hired elsewhere, so that the
  // counts of employed and vacancies stay those of the start date; meanwhile
  // they search as the unemployed do.
  const auto employed = static_cast<std::int8_t>(LabourStatus::Employed);
  parallel_blocks(n, kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      if (status[i] != employed && !leaving[i]) continue;
      if (!leaving[i]) {
        const int age = age_in_years(Month::from_index(birth[i]), month);
        const auto drawn = draw_job_event({ids[i], age, static_cast<Sex>(sex[i]),
                                           position_occupation[static_cast<std::size_t>(job[i])]},
                                          rates, key_, month);
        if (drawn.event != JobEvent::None) {
          leaving[i] = 1;  // searches from next month, as a leaver in the run
          continue;
        }
        searching_[i] = drawn.searching;
        continue;
      }
      searching_[i] = 1;
    }
  });
  // A position abolished by the demand step leaves its holder searching too,
  // without a job until hired.
  std::vector<std::uint8_t> held(n, 0);
  for (std::size_t i = 0; i < n; ++i) held[i] = job[i] != kNoJob;
  meet_demand_targets(month, params, occupation_weight);
  for (std::size_t i = 0; i < n; ++i) {
    if (held[i] && job[i] == kNoJob) leaving[i] = 1;
  }
  turn_over_non_residents(month);
  // Matching takes anyone not employed to accept any job that qualifies
  // (matching.hpp): so it does the leavers, who hold their jobs only as a
  // place-holder, for the month's matching.
  const auto& current_job = table.column(persons_.job);
  for (std::size_t i = 0; i < n; ++i) {
    if (leaving[i] && searching_[i] && current_job[i] != kNoJob)
      status[i] = static_cast<std::int8_t>(LabourStatus::Unemployed);
  }
  match(month, params);
  for (std::size_t i = 0; i < n; ++i) {
    if (!leaving[i]) continue;
    // Hired (hire() leaves them employed, with their old job vacated), or
    // still holding the old job and searching on.
    if (status[i] == employed) {
      if (searching_[i]) leaving[i] = 0;
    } else if (current_job[i] != kNoJob) {
      status[i] = employed;
    }
  }
  refill_non_residents(month, params);
  withdraw_unfilled(month, params);
  age_vacancies();
}

}  // namespace kfsim
