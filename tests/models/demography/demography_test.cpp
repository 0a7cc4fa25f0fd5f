#include "models/demography/demography.hpp"
#include "sim/run/runner.hpp"

#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <numeric>

namespace kfsim {
namespace {

const Month kStart = Month::of(2024, 1);

// A two-municipality world with flat rates, built in memory.
DemographyData tiny_world(std::int64_t persons_per_cell, double death_rate, double fertility,
                          double out_rate, double in_count) {
  DemographyData d;
  d.municipalities.codes = {1, 2};
  d.municipalities.names = {"A", "B"};
  const std::size_t cells = 2 * kSexCount * DemographyData::kAges;
  d.population.assign(cells, 0);
  for (std::size_t m = 0; m < 2; ++m) {
    for (std::size_t s = 0; s < kSexCount; ++s) {
      for (int age = 20; age < 40; ++age) {
        d.population[d.cell(m, static_cast<Sex>(s), age)] = persons_per_cell;
      }
    }
  }
  d.death_rate.assign(kSexCount * (kMaxMortalityAge + 1), death_rate);
  d.fertility_rate.assign(DemographyData::kAges, 0.0);
  for (int age = 15; age <= 49; ++age) d.fertility_rate[static_cast<std::size_t>(age)] = fertility;
  d.out_rate.assign(cells, out_rate);
  d.in_count.assign(cells, 0.0);
  for (int age = 20; age < 40; ++age) d.in_count[d.cell(0, Sex::Female, age)] = in_count;
  return d;
}

struct TinyRun {
  MeasureSet measures;
  std::size_t final_population = 0;
};

TinyRun run_tiny(const DemographyData& data, const DemographyParams& params, Month end,
                 int threads = 1, std::uint64_t seed = 7) {
  TinyRun run;
  Persons persons;
  add_common_dimensions(run.measures, data.municipalities, kStart, end);
  Demography demography(data, persons, run.measures, rng::RngKey(seed, 0), kStart, end);
  const ThreadLimit allow(threads);
  tbb::task_arena arena(threads);
  arena.execute([&] {
    demography.populate(kStart);
    for (Month m = kStart; m <= end; ++m) demography.step(m, params);
  });
  run.final_population = persons.size();
  return run;
}

std::int64_t total(const MeasureSet& set, const std::string& name) {
  const auto& v = std::get<std::vector<std::int64_t>>(set.find(name)->values);
  return std::accumulate(v.begin(), v.end(), std::int64_t{0});
}

TEST(Demography, NothingHappensWithZeroRates) {
  const auto data = tiny_world(10, 0.0, 0.0, 0.0, 0.0);
  const auto run = run_tiny(data, DemographyParams{}, Month::of(2025, 12));
  EXPECT_EQ(run.final_population, 2u * 2u * 20u * 10u);
  EXPECT_EQ(total(run.measures, "deaths"), 0);
  EXPECT_EQ(total(run.measures, "births"), 0);
  EXPECT_EQ(total(run.measures, "in_migration"), 0);
}

TEST(Demography, DeathsFollowTheRate) {
  // m = 0.12 per year for 12 months: survival exp(-0.12).
  const auto data = tiny_world(250, 0.12, 0.0, 0.0, 0.0);
  const auto run = run_tiny(data, DemographyParams{}, Month::of(2024, 12));
  const double n = 2 * 2 * 20 * 250;
  const double expected_deaths = n * (1 - std::exp(-0.12));
  const double sd = std::sqrt(n * std::exp(-0.12) * (1 - std::exp(-0.12)));
  EXPECT_NEAR(static_cast<double>(total(run.measures, "deaths")), expected_deaths, 4 * sd);
  EXPECT_EQ(static_cast<std::int64_t>(run.final_population),
            static_cast<std::int64_t>(n) - total(run.measures, "deaths"));
}

TEST(Demography, MortalityImprovementLowersDeaths) {
  const auto data = tiny_world(250, 0.12, 0.0, 0.0, 0.0);
  DemographyParams improving;
  improving.mortality_improvement = 0.5;  // rates halve each year after 2022
  improving.mortality_reference_year = 2022;
  const auto flat = run_tiny(data, DemographyParams{}, Month::of(2024, 12));
  const auto better = run_tiny(data, improving, Month::of(2024, 12));
  // 2024 is two years on: rates are a quarter of the table's.
  EXPECT_LT(total(better.measures, "deaths") * 3, total(flat.measures, "deaths"));
}

TEST(Demography, BirthsFollowTheFertilityRate) {
  const auto data = tiny_world(250, 0.0, 0.1, 0.0, 0.0);
  DemographyParams params;
  params.male_share_at_birth = 0.5;
  const auto run = run_tiny(data, params, Month::of(2024, 12));
  const double women = 2 * 20 * 250;
  const double expected = women * (1 - std::exp(-0.1));  // at most one birth a month each
  EXPECT_NEAR(static_cast<double>(total(run.measures, "births")), expected,
              4 * std::sqrt(expected));
}

TEST(Demography, InternalMovesKeepPeopleInTheCounty) {
  const auto data = tiny_world(100, 0.0, 0.0, 0.3, 0.0);
  DemographyParams params;
  params.internal_move_share = 1.0;
  const auto run = run_tiny(data, params, Month::of(2024, 12));
  EXPECT_EQ(run.final_population, 2u * 2u * 20u * 100u);
  EXPECT_GT(total(run.measures, "out_migration"), 0);
  EXPECT_EQ(total(run.measures, "out_migration"), total(run.measures, "in_migration"));
  EXPECT_EQ(total(run.measures, "out_migration_to_outside"), 0);
}

TEST(Demography, InMigrantsArriveAtTheExpectedRate) {
  const auto data = tiny_world(1, 0.0, 0.0, 0.0, 12.0);  // 12 a year in 20 cells
  const auto run = run_tiny(data, DemographyParams{}, Month::of(2025, 12));
  const double expected = 12.0 * 20 * 2;
  EXPECT_NEAR(static_cast<double>(total(run.measures, "in_migration_from_outside")), expected,
              4 * std::sqrt(expected));
  EXPECT_EQ(total(run.measures, "in_migration_from_outside"), total(run.measures, "in_migration"));
}

// population_end = population_start + births - deaths + in - out, for every
// year and municipality (summed over sex and age, since people age into other
// groups); and population_end of a year is population_start of the next.
void expect_accounting_holds(const MeasureSet& set) {
  const auto& years = set.dimensions()[set.dimension_index("year")].codes;
  const std::size_t municipalities = set.dimensions()[set.dimension_index("municipality")].size();
  auto sum = [&](const std::string& name, std::size_t y, std::size_t m) {
    const Measure* measure = set.find(name);
    const auto& v = std::get<std::vector<std::int64_t>>(measure->values);
    const std::size_t per_municipality = v.size() / (years.size() * municipalities);
    const std::size_t begin = (y * municipalities + m) * per_municipality;
    return std::accumulate(v.begin() + static_cast<std::ptrdiff_t>(begin),
                           v.begin() + static_cast<std::ptrdiff_t>(begin + per_municipality),
                           std::int64_t{0});
  };
  for (std::size_t y = 0; y < years.size(); ++y) {
    for (std::size_t m = 0; m < municipalities; ++m) {
      EXPECT_EQ(sum("population_end", y, m), sum("population_start", y, m) + sum("births", y, m) -
                                                 sum("deaths", y, m) + sum("in_migration", y, m) -
                                                 sum("out_migration", y, m))
          << "year " << years[y] << ", municipality " << m;
      if (y + 1 < years.size()) {
        const Measure* end = set.find("population_end");
        const Measure* start = set.find("population_start");
        const auto& e = std::get<std::vector<std::int64_t>>(end->values);
        const auto& s = std::get<std::vector<std::int64_t>>(start->values);
        const std::size_t per_year = e.size() / years.size();
        for (std::size_t k = 0; k < per_year; ++k) {
          ASSERT_EQ(e[y * per_year + k], s[(y + 1) * per_year + k]) << "year " << years[y];
        }
      }
    }
  }
}

TEST(Demography, AccountingHoldsEveryYearAndMunicipality) {
  const auto data = tiny_world(60, 0.05, 0.08, 0.2, 30.0);
  DemographyParams params;
  params.internal_move_share = 0.4;
  const auto run = run_tiny(data, params, Month::of(2027, 6));
  expect_accounting_holds(run.measures);
}

TEST(Demography, GraduateSettlersMoveInWithTheirCompetenceSeekingWork) {
  // In-movers aged 23 only in municipality A (index 0) and only women: 50 settlers of a
  // programme go there, all of them women when the programme's graduates are.
  auto data = tiny_world(1, 0.0, 0.0, 0.0, 0.0);
  data.in_count[data.cell(0, Sex::Female, 23)] = 1e-9;
  Persons persons;
  MeasureSet measures;
  const Month end = Month::of(2024, 2);
  add_common_dimensions(measures, data.municipalities, kStart, end);
  Demography demography(data, persons, measures, rng::RngKey(7, 0), kStart, end);
  demography.populate(kStart);
  const std::size_t before = persons.size();
  demography.step(kStart, DemographyParams{});
  const GraduateSettlers women{3, 13, 23, 1.0, 50};
  const GraduateSettlers men{4, 13, 23, 0.0, 20};
  const std::vector<GraduateSettlers> settlers = {women, men};
  demography.step(Month::of(2024, 2), DemographyParams{}, 1.0, settlers);
  ASSERT_EQ(persons.size(), before + 70);
  const auto& t = persons.table;
  std::size_t female = 0;
  for (std::size_t i = before; i < t.size(); ++i) {
    EXPECT_EQ(t.column(persons.competence)[i], 13);
    EXPECT_EQ(t.column(persons.labour_status)[i],
              static_cast<std::int8_t>(LabourStatus::Unemployed));
    EXPECT_EQ(t.column(persons.from_abroad)[i], 0);
    if (t.column(persons.sex)[i] == static_cast<std::int8_t>(Sex::Female)) {
      ++female;
      // Where the table's in-movers of their age and sex go.
      EXPECT_EQ(t.column(persons.municipality)[i], 0);
    }
  }
  EXPECT_EQ(female, 50u);
  // Counted as moves in from outside the county, so that the accounting holds.
  EXPECT_EQ(total(measures, "in_migration_from_outside"), 70);
  EXPECT_EQ(total(measures, "in_migration"), 70);
  expect_accounting_holds(measures);
}

TEST(Demography, IdenticalForAnyThreadCount) {
  const auto data = tiny_world(60, 0.05, 0.08, 0.2, 30.0);
  DemographyParams params;
  params.internal_move_share = 0.4;
  const auto one = run_tiny(data, params, Month::of(2026, 12), 1);
  for (int threads : {2, 4}) {
    const auto many = run_tiny(data, params, Month::of(2026, 12), threads);
    ASSERT_EQ(one.measures.measures().size(), many.measures.measures().size());
    for (std::size_t i = 0; i < one.measures.measures().size(); ++i) {
      EXPECT_EQ(one.measures.measures()[i].values, many.measures.measures()[i].values)
          << one.measures.measures()[i].name << " differs with " << threads << " threads";
    }
  }
}

TEST(Demography, StationaryPopulationHoldsStill) {
  // High rates of every event, none of which may happen when the population holds still;
  // and every resident keeps the age of the start date, as every later process reads it.
  const auto data = tiny_world(60, 0.3, 0.2, 0.3, 30.0);
  DemographyParams params;
  params.internal_move_share = 0.4;
  params.stationary = true;
  const Month end = Month::of(2026, 6);
  MeasureSet measures;
  Persons persons;
  add_common_dimensions(measures, data.municipalities, kStart, end);
  Demography demography(data, persons, measures, rng::RngKey(7, 0), kStart, end);
  demography.populate(kStart);
  std::vector<int> ages_at_start;
  for (auto b : persons.table.column(persons.birth_month)) {
    ages_at_start.push_back(age_in_years(Month::from_index(b), kStart));
  }
  const auto ids_at_start = persons.table.ids();
  const std::vector<AgentId> ids(ids_at_start.begin(), ids_at_start.end());
  for (Month m = kStart; m <= end; ++m) {
    demography.step(m, params);
    demography.check_invariants(m);
    ASSERT_EQ(persons.size(), ages_at_start.size()) << m.to_string();
    const auto& birth = persons.table.column(persons.birth_month);
    for (std::size_t i = 0; i < persons.size(); ++i) {
      ASSERT_EQ(age_in_years(Month::from_index(birth[i]), m), ages_at_start[i]) << m.to_string();
    }
  }
  EXPECT_TRUE(std::equal(ids.begin(), ids.end(), persons.table.ids().begin()));
  for (const char* flow : {"deaths", "births", "in_migration", "out_migration"}) {
    EXPECT_EQ(total(measures, flow), 0) << flow;
  }
  // Each year ends with the people it started with, by age group.
  EXPECT_EQ(measures.find("population_end")->values, measures.find("population_start")->values);
}

TEST(Demography, SeedChangesTheDraws) {
  const auto data = tiny_world(60, 0.05, 0.08, 0.2, 30.0);
  const auto a = run_tiny(data, DemographyParams{}, Month::of(2024, 12), 1, 1);
  const auto b = run_tiny(data, DemographyParams{}, Month::of(2024, 12), 1, 2);
  EXPECT_NE(a.measures.find("deaths")->values, b.measures.find("deaths")->values);
}

}  // namespace
}  // namespace kfsim
