#pragma once
// The demography process: each month every resident may die, move out (to
// another municipality or out of Østfold) or, for women aged 15-49, give birth;
// people move in from outside the county. Initial residents are synthesised
// from the population table.
#include <cstdint>
#include <span>
#include <vector>

#include "models/demography/demography_data.hpp"
#include "models/demography/demography_measures.hpp"
#include "models/demography/demography_params.hpp"
#include "models/demography/demography_rates.hpp"
#include "models/population/graduate_settlers.hpp"
#include "models/population/persons.hpp"
#include "sim/parallel/parallel.hpp"
#include "sim/rng/random.hpp"
#include "sim/run/measures.hpp"

namespace kfsim {

// The labour-market tightness at which migration does not respond to the market:
// tightness^elasticity is 1 for every elasticity. Used where no labour market runs.
inline constexpr double kNeutralTightness = 1.0;

// What happened to a person this month (one event at most, in this priority).
enum class DemographicEvent : std::uint8_t { None, Death, MoveWithin, MoveOut, Birth };

class Demography {
 public:
  Demography(const DemographyData& data, Persons& persons, MeasureSet& measures,
             const rng::RngKey& key, Month start, Month end);

  // Creates the residents of the population table, each with a birth month drawn
  // within their year of age (age on the start date).
  void populate(Month start);

  // One month. `params` are the values in force this month; `tightness` is the
  // labour market's tightness as last measured (1 = as in the run's first year),
  // to which migration at working ages responds with the elasticities in params.
  // `settlers` are graduates from elsewhere who settle in the county this month.
  void step(Month month, const DemographyParams& params, double tightness = kNeutralTightness,
            std::span<const GraduateSettlers> settlers = {});

  std::int64_t person_months() const { return person_months_; }

  // Checks, after the month's step, that people are conserved (each municipality's residents
  // equal its start population plus births and moves in, less deaths and moves out, as
  // measured so far) and that this year's monthly probabilities are probabilities. Throws
  // std::logic_error naming the first violation and the month.
  void check_invariants(Month month) const;

 private:
  // demography.stationary: moves every birth month on by one month after the first, so that
  // nobody ages.
  void hold_ages(Month month);
  void refresh_rates(Month month, const DemographyParams& params);
  void draw_events(Month month, double out_factor);
  void apply_events(Month month);
  void add_in_migrants(Month month, const DemographyParams& params, double in_factor);
  // Arrivals of the exceptional episodes a scenario has switched on this month.
  void add_event_arrivals(Month month, const DemographyParams& params);
  // Graduates from elsewhere who settle: each a woman with the group's female share, in a
  // municipality drawn as in-movers of that age and sex choose one (the in-migration table),
  // holding the competence of their programme and seeking work.
  void add_graduate_settlers(Month month, std::span<const GraduateSettlers> settlers);
  // Appends `count` persons aged `age` in cell (m, s) who moved in from outside the
  // county this month; from abroad where `abroad` says so for the new slot.
  template <typename FromAbroad>
  void append_in_movers(Month month, std::size_t m, std::size_t s, int age, std::uint32_t count,
                        FromAbroad abroad);
  // Counts residents into `measure` for the year of `month`, by age on `age_date`.
  void record_population(MeasureId measure, Month month, Month age_date);
  std::vector<std::int64_t> population_by_municipality() const;
  std::size_t year_index(Month month) const;

  const DemographyData& data_;
  Persons& persons_;
  MeasureSet& measures_;
  DemographyMeasures ids_;
  rng::RngKey key_;

  DemographyRates rates_;
  DemographyParams rates_params_;
  int rates_year_ = -1;

  // Scratch, one entry per person slot, reused between months.
  std::vector<DemographicEvent> events_;
  std::vector<std::int8_t> destinations_;
  BlockSlots event_slots_;  // the slots with an event this month
  std::vector<std::uint8_t> keep_;
  std::int64_t person_months_ = 0;
};

}  // namespace kfsim
