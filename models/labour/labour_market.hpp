#pragma once
// The labour market of Østfold: residents with a competence and a labour
// status, employers with positions by occupation, and the monthly flows between
// them: entry from education, separations and retirement, demand that grows or
// shrinks by industry, and job search and matching by competence fit within
// commuting reach (Oslo and Akershus as an outside labour market).
//
// Everything random is keyed by (seed, replicate, entity id, month, stream);
// everything that depends on order runs in a fixed order (slot or id order,
// or a sort on score then id), so results do not depend on the thread count.
#include <cstdint>
#include <vector>

#include "models/geography/municipalities.hpp"
#include "models/labour/labour_data.hpp"
#include "models/labour/labour_measures.hpp"
#include "models/labour/labour_params.hpp"
#include "models/labour/matching.hpp"
#include "models/labour/position_book.hpp"
#include "models/labour/positions.hpp"
#include "models/labour/separations.hpp"
#include "models/population/persons.hpp"
#include "sim/parallel/parallel.hpp"
#include "sim/rng/random.hpp"
#include "sim/run/measures.hpp"

namespace kfsim {

// Why a person left a job (the `separation_reason` dimension).
enum class SeparationReason : std::uint8_t {
  Quit,
  Layoff,
  Retirement,
  Disability,
  DeathOrMovedAway,
  JobToJob,
  PositionAbolished,
};
inline constexpr std::size_t kSeparationReasonCount = 7;

// What the vacancy a leaver leaves counts as (the `opening_kind` dimension),
// after why the person left and where they went. Replacement demand is the
// exits from an occupation, as Cedefop's skills forecast and SCB's regional
// forecasts count it, not every job change (docs/calibration.md, "Replacement
// demand is exits"). Codes 0 and 1 are those of the earlier two kinds.
enum class OpeningKind : std::uint8_t {
  // Left the occupation's labour supply for good: retirement, disability,
  // death or a move out of the county.
  Replacement,
  Expansion,  // a new position
  Mobility,   // a job-to-job move into another occupation
  // Stays in, or comes back to, the occupation's labour supply: a job-to-job
  // move within the occupation, a quit or lay-off into registered unemployment
  // or out of the labour force for a time (to study or outside); also an
  // in-commuter's leaving (why is not modelled; another in-commuter refills it).
  Churn,
};
inline constexpr std::size_t kOpeningKindCount = 4;

class LabourMarket {
 public:
  LabourMarket(const LabourData& data, const Municipalities& municipalities, Persons& persons,
               MeasureSet& measures, const rng::RngKey& key, Month start, Month end,
               const LabourSetup& setup);

  // Gives every person a competence and a labour status, builds the employers
  // and places the employed in positions. Call after the population exists.
  void initialize(Month start, const LabourParams& params);

  // One month, after demography.
  void step(Month month, const LabourParams& params);

  // Checks the accounting of persons and positions; throws std::logic_error
  // naming the first violation (the person or position and what is wrong).
  void check_invariants(Month month) const;

  // How much the labour market lacks each competence now: the competence gap's
  // shortage (what long-open vacancies and unmet demand in Østfold ask for)
  // minus its surplus (job seekers holding it and those employed below it),
  // over the labour force holding it + 1, per competence (competence_gap.hpp);
  // positive where employers fail to find it. The signal that study choices
  // follow (career guidance).
  std::vector<double> competence_signal() const;

  // The county's labour-market tightness: the 12-month moving average of
  // (vacant positions in Østfold / registered unemployed residents), relative
  // to the same ratio's average over the run's first 12 months; 1.0 until a
  // full year has passed (labour_tightness.cpp). Migration at working ages,
  // in-commuting and the participation of those outside the labour force respond to it.
  double tightness() const;

  // Fit of a person's competence for the job they hold; 0 without a job.
  float job_fit(std::size_t person) const { return fit_of_job(person); }

  const Positions& positions() const { return book_.positions(); }
  const PositionBook& position_book() const { return book_; }
  const Employers& employers() const { return employers_; }
  std::size_t outside_area() const { return municipalities_.size(); }
  std::size_t work_areas() const { return municipalities_.size() + 1; }
  std::int64_t unplaced_at_start() const { return unplaced_; }

 private:
  // Initial state (labour_initial_state.cpp).
  void assign_new_persons(Month month, bool at_start, const LabourParams& params);
  void build_employers();
  // The disability group on the start date and the others' entry rate into it
  // (labour_outside_groups.cpp).
  void start_disability_group(Month start, const LabourParams& params);
  void place_initial_workers(Month start, const LabourParams& params);
  // Places `persons` (slots, employed without a job) in vacant positions in
  // passes of falling fit, in an order keyed by (id, month); those with no
  // position at all within reach become unemployed.
  void place_in_passes(const std::vector<std::size_t>& persons, Month month,
                       const LabourParams& params);
  void compute_competence_demand_shares();
  // Runs the labour market's own flows for setup.burn_in_months months before
  // the start, with the population and demand held still and nothing recorded
  // (labour_burn_in.cpp).
  void burn_in(Month start, const LabourParams& params);
  // One month of the burn-in, keyed by `month` (before the start).
  void burn_in_month(Month month, const LabourParams& params,
                     const std::vector<double>& occupation_weight,
                     std::vector<std::uint8_t>& leaving);
  // The expected monthly quits of the employed on the start date by occupation,
  // under the age-sex rates alone: the weights that keep the county's quits as
  // they were when quit rates differ by occupation (occupation_turnover.hpp).
  void count_start_quits(Month start);
  // The quit factors by occupation under the current params.
  void refresh_quit_factors(const LabourParams& params);
  // Moves what each occupation asks for along its qualification trend
  // (requirement_trend.hpp); once a year, in January.
  void update_requirements(Month month, const LabourParams& params);
  std::size_t draw_competence(std::size_t age_group, Sex sex, std::size_t municipality,
                              double u) const;
  // When studies towards `competence` end for someone born in `born` (a June).
  Month education_end_for(Month born, std::size_t competence, Month now) const;
  std::size_t person_slot(std::int64_t id) const;

  // Monthly flows (labour_transitions.cpp, labour_demand.cpp, labour_matching.cpp).
  // Separations, demand targets and search and matching are computed by plain
  // functions (separations.hpp, demand.hpp, matching.hpp); these gather their
  // inputs from the state and apply what they return.
  void release_departed_jobs(Month month);
  void recognise_qualifications(Month month, const LabourParams& params);
  void draw_transitions(Month month, const LabourParams& params);
  // The separation rates of the month under `params` (labour_transitions.cpp).
  SeparationRates separation_rates(Month month, const LabourParams& params);
  void apply_transitions(Month month);
  void adjust_demand(Month month, const LabourParams& params);
  // Re-posts withdrawn positions and adds or abolishes positions until each
  // demand cell holds its target under industry_factor_ and the weights of
  // the occupations within each (industry, area) (labour_demand.cpp).
  void meet_demand_targets(Month month, const LabourParams& params,
                           const std::vector<double>& occupation_weight);
  void turn_over_non_residents(Month month);
  void match(Month month, const LabourParams& params);
  void refill_non_residents(Month month, const LabourParams& params);
  void withdraw_unfilled(Month month, const LabourParams& params);
  // Withdraws the positions open labour.unfilled_withdrawal_months or longer.
  void withdraw_long_open(const LabourParams& params);
  void age_vacancies();
  void record_month(Month month, const LabourParams& params);
  void record_year_end(Month month);
  // Keeps the month's vacancy-unemployment ratio for tightness() (labour_tightness.cpp).
  void record_tightness(std::int64_t vacancies, std::int64_t unemployed);
  // Employed residents temporarily laid off this month (labour.temporary_layoff_share).
  std::int64_t temporarily_laid_off(Month month, double share) const;
  // Counts the employed and the unemployed, and adds those outside the labour
  // force by sex and group to the year's sum: one pass over the residents.
  void record_outside_groups(std::size_t year, std::int64_t& employed, std::int64_t& unemployed);

  // Helpers.
  // Frees a position; a resident's leaving counts as a separation for `reason`
  // and, unless the position is abolished, as an opening of `kind`.
  void vacate(std::size_t position, Month month, SeparationReason reason, OpeningKind kind);
  void hire(std::size_t person, std::size_t position, Month month);
  void set_status(std::size_t person, LabourStatus status);
  void refresh_travel(const LabourParams& params);
  void remove_abolished_positions();
  // The demand cell (industry incl. outside x area x occupation) of a position,
  // as a function object that holds the position columns (no column look-up
  // per position).
  auto position_cells() const {
    const std::size_t outside_industry = data_.industries.size();
    const std::size_t areas = work_areas();
    const std::size_t occupations = data_.occupations.size();
    return [&industry = book_.industry(), &area = book_.area(), &occupation = book_.occupation(),
            outside_industry, areas, occupations](std::size_t p) {
      const auto ind = industry[p];
      const std::size_t i = ind < 0 ? outside_industry : static_cast<std::size_t>(ind);
      return (i * areas + static_cast<std::size_t>(area[p])) * occupations +
             static_cast<std::size_t>(occupation[p]);
    };
  }
  std::size_t cell_of(std::size_t industry_or_outside, std::size_t area,
                      std::size_t occupation) const;
  float fit_of_job(std::size_t person) const;
  // The fit an employer credits (matching.hpp).
  CreditedFit credited_fit() const;
  std::size_t year_index(Month month) const;
  // Nobody ages or retires: the county held still (demography.stationary), or
  // the burn-in before the start.
  bool held_still() const { return setup_.stationary || initializing_; }

  const LabourData& data_;
  const Municipalities& municipalities_;
  Persons& persons_;
  MeasureSet& measures_;
  LabourMeasures ids_;
  rng::RngKey key_;
  LabourSetup setup_;
  Month first_month_;
  Month last_month_;
  int months_recorded_ = 0;  // months recorded so far in the current year
  double gap_rating_threshold_ = 0.05;
  int shortage_months_ = 3;
  // While the start state is built (and burnt in), nothing is recorded.
  bool initializing_ = false;
  std::int64_t unplaced_ = 0;  // employed on the start date for whom no suitable job was found

  // Monthly retirement probability by [age 0..kMaxTableAge][sex] under the
  // current params.
  std::vector<double> retirement_month_;
  LabourParams retirement_params_{};

  // Expected monthly quits on the start date by occupation (count_start_quits),
  // and the quit factors by occupation under labour.occupation_turnover_scale
  // (empty: 1 for all), with the scale they were computed for.
  std::vector<double> start_quits_;
  std::vector<double> quit_factor_;
  double quit_factor_scale_ = 0.0;
  bool quit_factor_ready_ = false;

  Employers employers_;
  PositionBook book_;

  // Effective one-way travel minutes [home][area] under the current params;
  // negative when not reachable.
  std::vector<double> travel_;
  LabourParams travel_params_{};
  bool travel_ready_ = false;

  // Demand: positions wanted at the start by cell (industry incl. outside x
  // area x occupation), the growth factor reached by each industry, and the
  // employers of each (industry, area) for new positions, with a rotating cursor.
  std::vector<std::int32_t> initial_cell_positions_;
  std::vector<double> industry_factor_;  // [industry, then outside]
  std::vector<double> industry_trend_;   // each industry's own growth path, [industry]
  std::vector<double> industry_jobs_;    // jobs on the start date, [industry]
  double total_factor_ = 1.0;            // growth of all jobs in Østfold
  double care_factor_ = 1.0;             // extra growth of health and care jobs
  // Extra growth reached by each industry under labour.industry_growth_shift, [industry].
  std::vector<double> industry_shift_factor_;
  // Relative weight reached by each occupation under
  // labour.occupation_demand_trend, [occupation]; positions within an
  // (industry, area) are rescaled by it and renormalised.
  std::vector<double> occupation_factor_;
  // Growth of each occupation relative to its industry's where services
  // staffed by their own mix grow faster or slower than the rest,
  // [industry incl. outside][occupation]; empty: none (apply_service_composition).
  std::vector<double> composition_;
  // The chance this month that a withdrawn position of each occupation is
  // posted again, [occupation]: the unemployed trained for the occupation less
  // its positions vacant `shortage_months` or more, per withdrawn position of
  // it, within [0, 1].
  std::vector<double> repost_chance(int shortage_months) const;
  // Population-driven services: weighted residents of each service of
  // data.services on the start date, and the standard growth reached.
  std::vector<double> service_users_at_start_;
  double standard_factor_ = 1.0;
  // Positions withdrawn unfilled and not since given up by a fall in demand,
  // by cell (labour.unfilled_withdrawal_months).
  std::vector<std::int32_t> unmet_;
  std::vector<std::vector<std::int32_t>> cell_employers_;  // [(industry incl. outside) x area]
  std::vector<std::size_t> employer_cursor_;

  // Education is complete for nearly everyone by 30-34 (labour age group 3), the
  // youngest group whose competence mix is taken as the mix today's young will reach.
  static constexpr std::size_t kSettledAgeGroup = 3;

  // The lowest competences, held by people still in education.
  std::size_t primary_ = 0;
  std::size_t general_upper_secondary_ = 0;

  // Non-resident commuters wanted in each municipality's positions.
  std::vector<std::int64_t> non_resident_target_;

  // Monthly entry rate into the disability group of those outside the labour
  // force without it, [sex]; all 0 without data.disability_stock.
  std::vector<double> disability_entry_;

  // The month's vacancies in Østfold / registered unemployed, every month so
  // far (labour_tightness.cpp).
  std::vector<double> vacancy_unemployment_ratios_;

  // Share of an occupation's demand that falls on each competence, for the
  // competence gap: [occupation][competence].
  std::vector<double> competence_demand_share_;
  // The same on the start date, which the qualification trend moves from.
  std::vector<double> competence_demand_start_;
  // [occupation x competence] 1 where a holder of the competence works below it
  // (competence_gap.hpp).
  std::vector<std::uint8_t> above_requirement_;
  // [occupation x competence] what a position left unfilled asks for (competence_gap.hpp).
  std::vector<double> unfilled_requirement_;

  // Scratch reused between months.
  std::vector<std::uint8_t> events_;
  BlockSlots event_slots_;  // the employed with a job event this month
  std::vector<std::uint8_t> searching_;
};

}  // namespace kfsim
