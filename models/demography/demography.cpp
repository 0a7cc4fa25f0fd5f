#include "models/demography/demography.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "models/population/ages.hpp"
#include "sim/parallel/parallel.hpp"
#include "sim/rng/draw_batch.hpp"

namespace kfsim {

namespace {

// Bounds of the tightness that migration responds to (see Demography::step).
constexpr double kMinTightness = 0.1;
constexpr double kMaxTightness = 10.0;

// Poisson draw by inversion: exact, and cheap for the small monthly means here
// (a few persons per municipality, sex and age).
std::uint32_t poisson(rng::Draws& draws, double mean) {
  if (mean <= 0.0) return 0;
  const double u = draws.uniform();
  double p = std::exp(-mean);
  double cumulative = p;
  std::uint32_t k = 0;
  // Upper bound keeps a corrupt mean from looping; 1000 is far above any cell's mean.
  while (u >= cumulative && k < 1000) {
    ++k;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

}  // namespace

Demography::Demography(const DemographyData& data, Persons& persons, MeasureSet& measures,
                       const rng::RngKey& key, Month start, Month end)
    : data_(data),
      persons_(persons),
      measures_(measures),
      ids_(declare_demography_measures(measures, start, end)),
      key_(key) {}

std::size_t Demography::year_index(Month month) const {
  return static_cast<std::size_t>(month.year() - ids_.first_month.year());
}

void Demography::populate(Month start) {
  auto& table = persons_.table;
  std::size_t total = 0;
  for (auto n : data_.population) total += static_cast<std::size_t>(n);
  std::size_t slot = table.append(total);
  auto& birth = table.column(persons_.birth_month);
  auto& sex = table.column(persons_.sex);
  auto& municipality = table.column(persons_.municipality);
  const auto ids = table.ids();
  for (std::size_t m = 0; m < data_.municipalities.size(); ++m) {
    for (std::size_t s = 0; s < kSexCount; ++s) {
      for (int age = 0; age <= kMaxTableAge; ++age) {
        const auto count = data_.population[data_.cell(m, static_cast<Sex>(s), age)];
        for (std::int64_t k = 0; k < count; ++k, ++slot) {
          // Aged `age` on the start date: born in one of twelve months.
          rng::Draws draws(key_, static_cast<std::uint64_t>(ids[slot]), start,
                           rng::Stream::InitialBirthMonth);
          birth[slot] =
              (earliest_birth_month(age, start) + static_cast<int>(draws.below(12))).index();
          sex[slot] = static_cast<std::int8_t>(s);
          municipality[slot] = static_cast<std::int8_t>(m);
        }
      }
    }
  }
}

std::vector<std::int64_t> Demography::population_by_municipality() const {
  const auto& municipality = persons_.table.column(persons_.municipality);
  return parallel_counts(municipality.size(), data_.municipalities.size(),
                         [&](std::size_t i) { return static_cast<std::size_t>(municipality[i]); });
}

void Demography::refresh_rates(Month month, const DemographyParams& params) {
  if (rates_year_ == month.year() && rates_params_ == params) return;
  rates_ = demography_rates(data_, params, month.year(), population_by_municipality());
  rates_params_ = params;
  rates_year_ = month.year();
}

void Demography::record_population(MeasureId measure, Month month, Month age_date) {
  const auto& birth = persons_.table.column(persons_.birth_month);
  const auto& sex = persons_.table.column(persons_.sex);
  const auto& municipality = persons_.table.column(persons_.municipality);
  // The measure is [year][municipality][sex][age_group]: index this year's block directly.
  const std::size_t per_year = data_.municipalities.size() * kSexCount * kAgeGroupCount;
  const std::span<std::int64_t> counts =
      measures_.counts(measure).subspan(year_index(month) * per_year, per_year);
  for (std::size_t i = 0; i < persons_.size(); ++i) {
    const int age = age_in_years(Month::from_index(birth[i]), age_date);
    const std::size_t cell =
        (static_cast<std::size_t>(municipality[i]) * kSexCount + static_cast<std::size_t>(sex[i])) *
            kAgeGroupCount +
        age_group_of(age);
    ++counts[cell];
  }
}

void Demography::draw_events(Month month, double out_factor) {
  const std::size_t n = persons_.size();
  // Every slot is written below, in parallel: no serial fill first.
  events_.resize(n);
  destinations_.resize(n);
  event_slots_.reset(n, kDefaultGrain);
  const auto ids = persons_.table.ids();
  // Raw pointers, copied into the loop's own locals below: the byte-wide stores
  // (destinations) may alias anything, and through references every column's
  // address would be loaded again after each.
  const std::int32_t* const birth_column = persons_.table.column(persons_.birth_month).data();
  const std::int8_t* const sex_column = persons_.table.column(persons_.sex).data();
  const std::int8_t* const municipality_column =
      persons_.table.column(persons_.municipality).data();
  DemographicEvent* const events_column = events_.data();
  std::int8_t* const destinations_column = destinations_.data();
  const std::size_t municipalities = data_.municipalities.size();

  // Each person's draws depend only on (seed, replicate, id, month): the same
  // for any thread count. Lanes have fixed roles, so a change in one
  // probability never shifts the numbers another event uses.
  // Everyone draws the same four words, so they are computed for the whole
  // block first (draw_batch.hpp), apart from the branches that use them.
  parallel_blocks(n, kDefaultGrain, [&](std::size_t begin, std::size_t end) {
    const std::int32_t* const birth = birth_column;
    const std::int8_t* const sex = sex_column;
    const std::int8_t* const municipality = municipality_column;
    DemographicEvent* const events = events_column;
    std::int8_t* const destinations = destinations_column;
    const double* const death_prob = rates_.death_prob.data();
    const double* const out_prob_of = rates_.out_prob.data();
    const double* const birth_prob = rates_.birth_prob.data();
    const double* const destination_cdf = rates_.destination_cdf.data();
    const double internal_move_share = rates_.internal_move_share;
    const rng::BatchedDraws draws(key_, ids.subspan(begin, end - begin), month,
                                  rng::Stream::Demography, 1);
    const std::uint32_t* const death_words = draws.words(0);
    const std::uint32_t* const move_words = draws.words(1);
    const std::uint32_t* const where_words = draws.words(2);
    const std::uint32_t* const birth_words = draws.words(3);
    for (std::size_t i = begin; i < end; ++i) {
      events[i] = DemographicEvent::None;
      destinations[i] = -1;
      const std::size_t k = i - begin;
      const double u_death = rng::uniform_of(death_words[k]);
      const double u_move = rng::uniform_of(move_words[k]);
      const double u_where = rng::uniform_of(where_words[k]);
      const double u_birth = rng::uniform_of(birth_words[k]);
      const int age = age_in_years(Month::from_index(birth[i]), month);
      const auto s = static_cast<Sex>(sex[i]);
      const auto m = static_cast<std::size_t>(municipality[i]);
      if (u_death <
          death_prob[DemographyData::mortality_cell(s, std::min(age, kMaxMortalityAge))]) {
        events[i] = DemographicEvent::Death;
        event_slots_.add(begin, i);
        continue;
      }
      const int table_age = std::min(age, kMaxTableAge);
      double out_prob = out_prob_of[data_.cell(m, s, table_age)];
      // Only a response that is switched on touches the probability, so that without
      // one every comparison is the one made before.
      if (out_factor != 1.0 && age >= kMigrationResponseMinAge && age <= kMigrationResponseMaxAge) {
        out_prob = std::min(1.0, out_prob * out_factor);
      }
      if (u_move < out_prob) {
        event_slots_.add(begin, i);
        if (u_where < internal_move_share) {
          // Reuse u_where, rescaled to [0, 1), to choose the destination.
          const double u_dest = u_where / internal_move_share;
          const double* cdf = &destination_cdf[m * municipalities];
          std::size_t dest = 0;
          while (dest + 1 < municipalities && (dest == m || u_dest >= cdf[dest])) ++dest;
          events[i] = DemographicEvent::MoveWithin;
          destinations[i] = static_cast<std::int8_t>(dest);
        } else {
          events[i] = DemographicEvent::MoveOut;
        }
        continue;
      }
      if (s == Sex::Female && u_birth < birth_prob[static_cast<std::size_t>(table_age)]) {
        events[i] = DemographicEvent::Birth;
        event_slots_.add(begin, i);
      }
    }
  });
}

void Demography::apply_events(Month month) {
  auto& table = persons_.table;
  const std::size_t n = table.size();
  const std::size_t y = year_index(month);
  std::vector<std::size_t> mothers;
  keep_.assign(n, 1);
  {
    auto& birth = table.column(persons_.birth_month);
    auto& sex = table.column(persons_.sex);
    auto& municipality = table.column(persons_.municipality);
    const auto& job = table.column(persons_.job);
    const auto& programme = table.column(persons_.programme);
    // Those who die or leave the county hand their jobs to the labour market and
    // their study places to education (Persons).
    const auto leave = [&](std::size_t i) {
      keep_[i] = 0;
      if (job[i] != kNoJob) persons_.departed_jobs.push_back(job[i]);
      if (programme[i] != kNoProgramme) persons_.departed_programmes.push_back(programme[i]);
    };
    // In slot order, so every count and every new id is the same for any thread count.
    event_slots_.for_each([&](std::size_t i) {
      const auto m = static_cast<std::size_t>(municipality[i]);
      const auto s = static_cast<std::size_t>(sex[i]);
      const std::size_t g = age_group_of(age_in_years(Month::from_index(birth[i]), month));
      switch (events_[i]) {
        case DemographicEvent::Death:
          ++measures_.count(ids_.deaths, {y, m, s, g});
          leave(i);
          break;
        case DemographicEvent::MoveOut:
          ++measures_.count(ids_.out_migration, {y, m, s, g});
          ++measures_.count(ids_.out_migration_to_outside, {y, m, s, g});
          leave(i);
          break;
        case DemographicEvent::MoveWithin: {
          const auto dest = static_cast<std::size_t>(destinations_[i]);
          ++measures_.count(ids_.out_migration, {y, m, s, g});
          ++measures_.count(ids_.in_migration, {y, dest, s, g});
          municipality[i] = destinations_[i];
          break;
        }
        case DemographicEvent::Birth:
          mothers.push_back(i);
          break;
        case DemographicEvent::None:
          break;
      }
    });
  }
  // Newborns, in the order of their mothers' slots.
  const std::size_t first = table.append(mothers.size());
  auto& birth = table.column(persons_.birth_month);
  auto& sex = table.column(persons_.sex);
  auto& municipality = table.column(persons_.municipality);
  const auto ids = table.ids();
  for (std::size_t k = 0; k < mothers.size(); ++k) {
    const std::size_t child = first + k;
    rng::Draws draws(key_, static_cast<std::uint64_t>(ids[child]), month,
                     rng::Stream::NewPersonAttributes);
    const bool male = draws.uniform() < rates_.male_share_at_birth;
    birth[child] = month.index();
    sex[child] = static_cast<std::int8_t>(male ? Sex::Male : Sex::Female);
    municipality[child] = municipality[mothers[k]];
    ++measures_.count(ids_.births, {y, static_cast<std::size_t>(municipality[child]),
                                    static_cast<std::size_t>(sex[child])});
  }
  keep_.resize(table.size(), 1);
}

template <typename FromAbroad>
void Demography::append_in_movers(Month month, std::size_t m, std::size_t s, int age,
                                  std::uint32_t count, FromAbroad abroad) {
  auto& table = persons_.table;
  const std::size_t y = year_index(month);
  const std::size_t first = table.append(count);
  auto& birth = table.column(persons_.birth_month);
  auto& sex = table.column(persons_.sex);
  auto& municipality = table.column(persons_.municipality);
  auto& from_abroad = table.column(persons_.from_abroad);
  const auto ids = table.ids();
  const std::size_t g = age_group_of(age);
  for (std::size_t slot = first; slot < table.size(); ++slot) {
    rng::Draws draws(key_, static_cast<std::uint64_t>(ids[slot]), month,
                     rng::Stream::NewPersonAttributes);
    birth[slot] = (earliest_birth_month(age, month) + static_cast<int>(draws.below(12))).index();
    sex[slot] = static_cast<std::int8_t>(s);
    municipality[slot] = static_cast<std::int8_t>(m);
    const bool is_abroad = abroad(static_cast<std::uint64_t>(ids[slot]));
    from_abroad[slot] = is_abroad ? 1 : 0;
    ++measures_.count(ids_.in_migration, {y, m, s, g});
    ++measures_.count(ids_.in_migration_from_outside, {y, m, s, g});
    if (is_abroad) ++measures_.count(ids_.immigration, {y, m, s, g});
  }
}

void Demography::add_in_migrants(Month month, const DemographyParams& params, double in_factor) {
  // More labour immigration adds arrivals from abroad at working ages, so that
  // the arrivals there are (1 - a) from Norway and a x scale from abroad.
  const double share = params.abroad_share_of_in_migrants;
  const double working_age_factor = 1.0 + share * (params.labour_immigration_scale - 1.0);
  const double working_age_share =
      working_age_factor > 0 ? share * params.labour_immigration_scale / working_age_factor : 0.0;
  for (std::size_t m = 0; m < data_.municipalities.size(); ++m) {
    for (std::size_t s = 0; s < kSexCount; ++s) {
      for (int age = 0; age <= kMaxTableAge; ++age) {
        const std::size_t cell = data_.cell(m, static_cast<Sex>(s), age);
        const bool working_age = age >= kLabourImmigrationMinAge && age <= kLabourImmigrationMaxAge;
        // At the default scale of 1 the mean is the table's, to the last bit.
        double mean = working_age ? rates_.in_per_month[cell] * working_age_factor
                                  : rates_.in_per_month[cell];
        // The tightness response, only where it is switched on (the same rule as above).
        if (in_factor != 1.0 && age >= kMigrationResponseMinAge &&
            age <= kMigrationResponseMaxAge) {
          mean *= in_factor;
        }
        const double abroad_share = working_age ? working_age_share : share;
        if (mean <= 0.0) continue;
        // Keyed by the cell, not by a person: the number who arrive is a property
        // of the place, sex and age.
        rng::Draws count_draws(key_, cell, month, rng::Stream::InMigration);
        const std::uint32_t arrivals = poisson(count_draws, mean);
        if (arrivals == 0) continue;
        append_in_movers(month, m, s, age, arrivals, [&](std::uint64_t id) {
          // A stream of its own, so that the draws above stay as they were.
          rng::Draws origin(key_, id, month, rng::Stream::MigrationOrigin);
          return origin.uniform() < abroad_share;
        });
      }
    }
  }
  keep_.resize(persons_.table.size(), 1);
}

void Demography::add_event_arrivals(Month month, const DemographyParams& params) {
  const std::size_t cells = data_.in_count.size();
  for (std::size_t e = 0; e < kMigrationEventCount; ++e) {
    const auto& arrivals_per_year = data_.event_arrivals[e];
    // An episode that is off draws nothing, so a run without it is untouched.
    if (params.event_scale[e] <= 0.0 || arrivals_per_year.empty()) continue;
    for (std::size_t m = 0; m < data_.municipalities.size(); ++m) {
      for (std::size_t s = 0; s < kSexCount; ++s) {
        for (int age = 0; age <= kMaxTableAge; ++age) {
          const std::size_t cell = data_.cell(m, static_cast<Sex>(s), age);
          const double mean = arrivals_per_year[cell] * params.event_scale[e] / 12.0;
          if (mean <= 0.0) continue;
          rng::Draws count_draws(key_, e * cells + cell, month, rng::Stream::MigrationEvent);
          const std::uint32_t arrivals = poisson(count_draws, mean);
          if (arrivals == 0) continue;
          // Refugees come from abroad.
          append_in_movers(month, m, s, age, arrivals, [](std::uint64_t) { return true; });
        }
      }
    }
  }
  keep_.resize(persons_.table.size(), 1);
}

void Demography::add_graduate_settlers(Month month, std::span<const GraduateSettlers> settlers) {
  auto& table = persons_.table;
  const std::size_t municipalities = data_.municipalities.size();
  // Where in-movers of a sex and age go: the in-migration table's municipalities, summed over
  // ages [from, to].
  const auto weights_of = [&](std::size_t s, int from, int to) {
    std::vector<double> weights(municipalities, 0.0);
    for (std::size_t m = 0; m < municipalities; ++m) {
      for (int a = from; a <= to; ++a) {
        weights[m] += rates_.in_per_month[data_.cell(m, static_cast<Sex>(s), a)];
      }
    }
    return weights;
  };
  for (const GraduateSettlers& group : settlers) {
    const int age = std::clamp(group.age, 0, kMaxTableAge);
    // By sex, those of the settlers' age; where the table has none of that age and sex, those
    // of every age; where it has none at all, every municipality alike.
    std::array<std::vector<double>, kSexCount> weights;
    std::array<double, kSexCount> totals{};
    for (std::size_t s = 0; s < kSexCount; ++s) {
      weights[s] = weights_of(s, age, age);
      totals[s] = std::accumulate(weights[s].begin(), weights[s].end(), 0.0);
      if (totals[s] <= 0) {
        weights[s] = weights_of(s, 0, kMaxTableAge);
        totals[s] = std::accumulate(weights[s].begin(), weights[s].end(), 0.0);
      }
      if (totals[s] <= 0) {
        weights[s].assign(municipalities, 1.0);
        totals[s] = static_cast<double>(municipalities);
      }
    }
    rng::Draws draws(key_, group.programme, month, rng::Stream::GraduateSettlers);
    for (std::uint32_t k = 0; k < group.count; ++k) {
      const std::size_t s = draws.uniform() < group.female_share
                                ? static_cast<std::size_t>(Sex::Female)
                                : static_cast<std::size_t>(Sex::Male);
      const double u = draws.uniform() * totals[s];
      std::size_t m = 0;
      for (double running = weights[s][0]; running <= u && m + 1 < municipalities;) {
        running += weights[s][++m];
      }
      append_in_movers(month, m, s, age, 1, [](std::uint64_t) { return false; });
      const std::size_t slot = table.size() - 1;
      table.column(persons_.competence)[slot] = group.competence;
      table.column(persons_.labour_status)[slot] =
          static_cast<std::int8_t>(LabourStatus::Unemployed);
      table.column(persons_.months_in_status)[slot] = 0;
    }
  }
  keep_.resize(table.size(), 1);
}

void Demography::hold_ages(Month month) {
  // Every birth month moves on with the calendar, so that each age stays that of the start
  // date for every process that reads it this month (education and the labour market come
  // after demography).
  if (month == ids_.first_month) return;
  auto& birth = persons_.table.column(persons_.birth_month);
  for (auto& b : birth) b += 1;
}

void Demography::step(Month month, const DemographyParams& params, double tightness,
                      std::span<const GraduateSettlers> settlers) {
  persons_.departed_jobs.clear();
  persons_.departed_programmes.clear();
  if (params.stationary) hold_ages(month);
  if (month.month_of_year() == 1 || month == ids_.first_month) {
    record_population(ids_.population_start, month, month);
  }
  refresh_rates(month, params);
  person_months_ += static_cast<std::int64_t>(persons_.size());
  // The response to the labour market: 1 exactly (and so no change at all) where the
  // elasticity is 0. A tightness beyond [0.1, 10] is a market far outside what the
  // elasticities describe (and 0 would stop all moves); it is held at the bound.
  tightness = std::clamp(tightness, kMinTightness, kMaxTightness);
  const double in_factor = params.in_migration_tightness_elasticity == 0.0
                               ? 1.0
                               : std::pow(tightness, params.in_migration_tightness_elasticity);
  const double out_factor = params.out_migration_tightness_elasticity == 0.0
                                ? 1.0
                                : std::pow(tightness, -params.out_migration_tightness_elasticity);
  // A stationary population has no events: nobody is born, dies or moves.
  if (!params.stationary) {
    draw_events(month, out_factor);
    apply_events(month);
    add_in_migrants(month, params, in_factor);
    add_event_arrivals(month, params);
    add_graduate_settlers(month, settlers);
    persons_.table.retain(keep_);
  }

  const auto counts = population_by_municipality();
  const std::size_t t = static_cast<std::size_t>(month - ids_.first_month);
  for (std::size_t m = 0; m < counts.size(); ++m) {
    measures_.count(ids_.population_monthly, {t, m}) = counts[m];
  }
  // Ages at the end of the month, so that population_end of one year equals
  // population_start of the next.
  // (Held still, the ages at the end of the month are those of the month: the birth months
  // move on only when the next month starts.)
  if (month.month_of_year() == 12 || month == ids_.last_month) {
    record_population(ids_.population_end, month, params.stationary ? month : month + 1);
  }
}

void Demography::check_invariants(Month month) const {
  const std::string where = " in " + month.to_string();
  const auto check_probabilities = [&](const std::vector<double>& values, const char* what) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!(values[i] >= 0.0 && values[i] <= 1.0)) {
        throw std::logic_error(std::string(what) + " [" + std::to_string(i) + "] is " +
                               std::to_string(values[i]) + ", not a probability" + where);
      }
    }
  };
  check_probabilities(rates_.death_prob, "monthly death probability");
  check_probabilities(rates_.birth_prob, "monthly birth probability");
  check_probabilities(rates_.out_prob, "monthly out-migration probability");
  // A cumulative sum of shares may pass 1 by a rounding error; more than that is a fault.
  for (std::size_t i = 0; i < rates_.destination_cdf.size(); ++i) {
    const double value = rates_.destination_cdf[i];
    if (!(value >= 0.0 && value <= 1.0 + 1e-9)) {
      throw std::logic_error("internal-move destination share [" + std::to_string(i) + "] is " +
                             std::to_string(value) + ", not a cumulative share" + where);
    }
  }
  check_probabilities({rates_.internal_move_share, rates_.male_share_at_birth},
                      "internal move or male birth share");
  for (std::size_t i = 0; i < rates_.in_per_month.size(); ++i) {
    if (!(rates_.in_per_month[i] >= 0.0 && std::isfinite(rates_.in_per_month[i]))) {
      throw std::logic_error("expected in-movers [" + std::to_string(i) + "] is " +
                             std::to_string(rates_.in_per_month[i]) + where);
    }
  }

  // Every flow is measured by (year, municipality, ...); summed over the years so far they
  // must account for every resident.
  const std::size_t municipalities = data_.municipalities.size();
  const std::size_t years_so_far = year_index(month) + 1;
  const auto per_municipality = [&](MeasureId id, std::size_t years) {
    const auto values = measures_.counts(id);
    const std::size_t per_year =
        values.size() / measures_.dimensions()[measures_.dimension_index("year")].size();
    const std::size_t per_place = per_year / municipalities;
    std::vector<std::int64_t> totals(municipalities, 0);
    for (std::size_t y = 0; y < years; ++y) {
      for (std::size_t m = 0; m < municipalities; ++m) {
        for (std::size_t k = 0; k < per_place; ++k) {
          totals[m] += values[y * per_year + m * per_place + k];
        }
      }
    }
    return totals;
  };
  const auto start = per_municipality(ids_.population_start, 1);
  const auto births = per_municipality(ids_.births, years_so_far);
  const auto deaths = per_municipality(ids_.deaths, years_so_far);
  const auto moved_in = per_municipality(ids_.in_migration, years_so_far);
  const auto moved_out = per_municipality(ids_.out_migration, years_so_far);
  const auto residents = population_by_municipality();
  for (std::size_t m = 0; m < municipalities; ++m) {
    const std::int64_t expected = start[m] + births[m] + moved_in[m] - deaths[m] - moved_out[m];
    if (residents[m] != expected) {
      throw std::logic_error("municipality " + data_.municipalities.names[m] + " has " +
                             std::to_string(residents[m]) + " residents where its start, births, " +
                             "deaths and moves give " + std::to_string(expected) + where);
    }
  }
}

}  // namespace kfsim
