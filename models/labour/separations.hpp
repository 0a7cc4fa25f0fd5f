#pragma once
// Separations as plain functions: what happens this month to an employed
// person's job (retirement, disability, a quit or a lay-off, or a search for a
// better job while keeping this one), drawn from the person's attributes, the
// month's rates and the person's own random stream. The caller owns the
// persons and positions and applies the events in slot order.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "models/labour/labour_data.hpp"
#include "models/labour/labour_params.hpp"
#include "models/population/sex.hpp"
#include "sim/agents/table.hpp"
#include "sim/rng/random.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

// What happens to a person's job this month.
enum class JobEvent : std::uint8_t {
  None,
  Retire,
  Disability,
  QuitToSeeking,
  QuitToOutside,
  Layoff,
};

// Everyone retires by 75 (the oldest age in the retirement table).
inline constexpr int kAllRetiredAge = LabourData::kRetirementMaxAge;

// What the draw reads of the person.
struct EmployedPerson {
  AgentId id = 0;
  int age = 0;  // completed years this month
  Sex sex = Sex::Female;
  // Index of the occupation of the job held (data.occupations); -1: none known.
  std::ptrdiff_t occupation = -1;
};

// The month's rates of leaving a job.
struct SeparationRates {
  // Monthly retirement probability by [age 0..kMaxTableAge][sex]
  // (monthly_retirement_probabilities).
  std::span<const double> retirement;
  // Monthly probabilities by [labour age group][sex] (LabourData's
  // disability_rate, quit_rate, layoff_rate).
  std::span<const double> disability;
  std::span<const double> quit;
  std::span<const double> layoff;
  double disability_scale = 1.0;
  double quit_scale = 1.0;
  double layoff_scale = 1.0;
  // The month's seasonal factor on quits and lay-offs (labour_seasonality.hpp).
  double season = 1.0;
  // Share of quits into registered unemployment; the rest leave the labour force.
  double quit_to_unemployment_share = 0.5;
  // Monthly chance that someone who keeps the job looks for a better one.
  double on_the_job_search_rate = 0.0;
  // Factor on the quit rate by occupation (occupation_quit_factors,
  // occupation_turnover.hpp); empty, or an occupation beyond it: 1.
  std::span<const double> occupation_quit_factor = {};
};

struct JobDraw {
  JobEvent event = JobEvent::None;
  bool searching = false;  // keeps the job and looks for a better one this month
};

// The job event of an employed person this month, from the person's draws on
// rng::Stream::LabourSeparation. At most one event; retirement comes first,
// then disability, a quit, a lay-off. The occupation's factor moves only the
// quit rate: the draws are the same for every factor, so a factor of 1 gives
// exactly the draws of a person without one.
JobDraw draw_job_event(const EmployedPerson& person, const SeparationRates& rates,
                       const rng::RngKey& key, Month month);

// The same from the person's first six uniforms on that stream, taken in the
// order every status takes them (retire, disability, quit, lay-off, search,
// where a quit leads), when they were drawn in a batch (draw_batch.hpp).
struct SeparationDraws {
  double retire, disability, quit, layoff, search, quit_where;
};
JobDraw draw_job_event(const EmployedPerson& person, const SeparationRates& rates,
                       const SeparationDraws& u);

// The monthly probability that gives `annual_probability` over a year.
double monthly_probability(double annual_probability);

// Monthly retirement probability by [age 0..kMaxTableAge][sex] from the annual
// rates by single age 55-75, [age - 55][sex] (LabourData::retirement_rate),
// under labour.retirement_age_shift and labour.retirement_scale; certain from 75.
std::vector<double> monthly_retirement_probabilities(std::span<const double> annual_rates,
                                                     const LabourParams& params);

}  // namespace kfsim
