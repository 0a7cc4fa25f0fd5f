// Migration that responds to the labour market and the dated refugee episodes,
// on a small synthetic county: in-migration at working ages rises with the
// labour market's tightness and out-migration falls, each by its elasticity;
// an elasticity of 0 leaves the run bit-identical to one without a response,
// whatever the tightness; an episode adds its arrivals, all from abroad, only
// while it is switched on, and leaves the run untouched when it is off. The
// events table rejects unknown events and bad values, and the new scenario
// keys reject values outside their range.
#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/demography/demography.hpp"
#include "models/demography/demography_params.hpp"
#include "models/geography/municipalities.hpp"
#include "models/model.hpp"
#include "sim/run/runner.hpp"
#include "sim/scenario/error.hpp"
#include "tests/models/bit_identical.hpp"

namespace kfsim {
namespace {

const Month kStart = Month::of(2024, 1);
const Month kEnd = Month::of(2024, 12);

// Two municipalities, 20 persons in each (sex, age 10..69) cell, no deaths or
// births, in-movers at every age 10..69 in municipality 0.
DemographyData small_county(double out_rate, double in_count) {
  DemographyData d;
  d.municipalities.codes = {1, 2};
  d.municipalities.names = {"A", "B"};
  const std::size_t cells = 2 * kSexCount * DemographyData::kAges;
  d.population.assign(cells, 0);
  d.in_count.assign(cells, 0.0);
  for (std::size_t m = 0; m < 2; ++m) {
    for (std::size_t s = 0; s < kSexCount; ++s) {
      for (int age = 10; age < 70; ++age) {
        d.population[d.cell(m, static_cast<Sex>(s), age)] = 20;
        if (m == 0) d.in_count[d.cell(m, static_cast<Sex>(s), age)] = in_count;
      }
    }
  }
  d.death_rate.assign(kSexCount * (kMaxMortalityAge + 1), 0.0);
  d.fertility_rate.assign(DemographyData::kAges, 0.0);
  d.out_rate.assign(cells, out_rate);
  return d;
}

MeasureSet run_county(const DemographyData& data, const DemographyParams& params,
                      std::function<double(Month)> tightness, int threads = 1,
                      bool pass_tightness = true) {
  MeasureSet measures;
  Persons persons;
  add_common_dimensions(measures, data.municipalities, kStart, kEnd);
  Demography demography(data, persons, measures, rng::RngKey(11, 0), kStart, kEnd);
  const ThreadLimit allow(threads);
  tbb::task_arena arena(threads);
  arena.execute([&] {
    demography.populate(kStart);
    for (Month m = kStart; m <= kEnd; ++m) {
      if (pass_tightness) {
        demography.step(m, params, tightness(m));
      } else {
        demography.step(m, params);
      }
      demography.check_invariants(m);
    }
  });
  return measures;
}

std::int64_t total(const MeasureSet& set, const std::string& name) {
  const auto& v = std::get<std::vector<std::int64_t>>(set.find(name)->values);
  return std::accumulate(v.begin(), v.end(), std::int64_t{0});
}

// Moves by 5-year age group (the measures' age_group), summed over the rest,
// for the working-age groups 20-24 .. 55-59 and the others.
struct ByAge {
  std::int64_t working = 0;
  std::int64_t other = 0;
};
ByAge by_age(const MeasureSet& set, const std::string& name) {
  const Measure& m = *set.find(name);
  const auto& v = std::get<std::vector<std::int64_t>>(m.values);
  const std::size_t groups = kAgeGroupCount;
  ByAge result;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::size_t g = i % groups;  // age_group is the last dimension
    (g >= 4 && g <= 11 ? result.working : result.other) += v[i];
  }
  return result;
}

void expect_identical(const MeasureSet& a, const MeasureSet& b, const std::string& what) {
  ASSERT_EQ(a.measures().size(), b.measures().size());
  for (std::size_t i = 0; i < a.measures().size(); ++i) {
    EXPECT_TRUE(bit_identical(a.measures()[i], b.measures()[i]))
        << a.measures()[i].name << " differs: " << what;
  }
}

double constant_tightness(Month) { return 2.0; }
double no_tightness(Month) { return 1.0; }

TEST(DemographyMigrationResponse, ZeroElasticityIsBitIdenticalToNoResponse) {
  const auto data = small_county(0.1, 30.0);
  const DemographyParams off;  // both elasticities 0
  const auto without = run_county(data, off, no_tightness, 1, false);
  // However tight or slack the market, no response means no change at all.
  for (double t : {0.3, 2.0, 7.5}) {
    const auto with = run_county(data, off, [t](Month) { return t; });
    expect_identical(without, with, "tightness " + std::to_string(t));
  }
}

TEST(DemographyMigrationResponse, TightnessOfOneChangesNothing) {
  const auto data = small_county(0.1, 30.0);
  DemographyParams on;
  on.in_migration_tightness_elasticity = 0.7;
  on.out_migration_tightness_elasticity = 0.4;
  expect_identical(run_county(data, DemographyParams{}, no_tightness),
                   run_county(data, on, no_tightness), "tightness 1");
}

TEST(DemographyMigrationResponse, InMigrationAtWorkingAgesFollowsTheElasticity) {
  const auto data = small_county(0.0, 30.0);
  DemographyParams on;
  on.in_migration_tightness_elasticity = 1.0;
  const auto base = by_age(run_county(data, DemographyParams{}, no_tightness), "in_migration");
  const auto tight = by_age(run_county(data, on, constant_tightness), "in_migration");
  // Expected at working ages: 2 sexes x 40 ages x 30 a year = 2400, doubled by
  // tightness 2 ^ elasticity 1; Poisson sd about 70.
  EXPECT_NEAR(static_cast<double>(base.working), 2400.0, 250.0);
  EXPECT_NEAR(static_cast<double>(tight.working), 4800.0, 350.0);
  // Other ages do not respond: the same cells draw the same numbers.
  EXPECT_EQ(tight.other, base.other);
}

TEST(DemographyMigrationResponse, OutMigrationAtWorkingAgesFallsWithTheElasticity) {
  const auto data = small_county(0.2, 0.0);
  DemographyParams on;
  on.out_migration_tightness_elasticity = 1.0;
  const auto base = by_age(run_county(data, DemographyParams{}, no_tightness), "out_migration");
  const auto tight = by_age(run_county(data, on, constant_tightness), "out_migration");
  // Monthly probabilities halve at tightness 2: about half as many leave.
  const double ratio = static_cast<double>(tight.working) / static_cast<double>(base.working);
  EXPECT_NEAR(ratio, 0.5, 0.06);
  // Other ages do not respond (a few more who stay past 59 may leave at 60).
  EXPECT_NEAR(static_cast<double>(tight.other), static_cast<double>(base.other), 40.0);
}

TEST(DemographyMigrationResponse, ExtremeTightnessIsHeldAtItsBounds) {
  const auto data = small_county(0.1, 30.0);
  DemographyParams on;
  on.in_migration_tightness_elasticity = 1.0;
  on.out_migration_tightness_elasticity = 1.0;
  // 0 would stop every move in and send everyone of working age out; it is read as 0.1.
  expect_identical(run_county(data, on, [](Month) { return 0.0; }),
                   run_county(data, on, [](Month) { return 0.1; }), "tightness 0 against 0.1");
  expect_identical(run_county(data, on, [](Month) { return 1e9; }),
                   run_county(data, on, [](Month) { return 10.0; }), "tightness 1e9 against 10");
}

TEST(DemographyMigrationResponse, IdenticalForAnyThreadCount) {
  auto data = small_county(0.1, 30.0);
  data.event_arrivals[0].assign(data.in_count.size(), 0.0);
  for (int age = 15; age < 30; ++age) data.event_arrivals[0][data.cell(1, Sex::Male, age)] = 12.0;
  DemographyParams on;
  on.in_migration_tightness_elasticity = 0.5;
  on.out_migration_tightness_elasticity = 0.3;
  on.event_scale[0] = 1.0;
  const auto rising = [](Month m) { return 1.0 + 0.1 * (m - kStart); };
  const auto one = run_county(data, on, rising, 1);
  for (int threads : {2, 4}) {
    expect_identical(one, run_county(data, on, rising, threads),
                     std::to_string(threads) + " threads");
  }
}

DemographyData with_episode() {
  auto data = small_county(0.0, 0.0);
  for (auto& arrivals : data.event_arrivals) arrivals.assign(data.in_count.size(), 0.0);
  // Episode 1 (ukraine_2022): 24 a year at each age 0..59 of women in municipality 1.
  for (int age = 0; age < 60; ++age) {
    data.event_arrivals[1][data.cell(1, Sex::Female, age)] = 24.0;
  }
  return data;
}

TEST(DemographyMigrationEvents, AnEpisodeThatIsOffChangesNothing) {
  auto data = small_county(0.1, 30.0);
  const auto without_table = run_county(data, DemographyParams{}, no_tightness);
  for (auto& arrivals : data.event_arrivals) arrivals.assign(data.in_count.size(), 5.0);
  expect_identical(without_table, run_county(data, DemographyParams{}, no_tightness),
                   "events in the table, all off");
}

TEST(DemographyMigrationEvents, ArrivalsFollowTheTableAndComeFromAbroad) {
  const auto data = with_episode();
  DemographyParams on;
  on.event_scale[1] = 0.5;
  const auto run = run_county(data, on, no_tightness);
  // 60 ages x 24 a year x 0.5 = 720 in the year; Poisson sd about 27.
  const auto arrivals = total(run, "immigration");
  EXPECT_NEAR(static_cast<double>(arrivals), 720.0, 110.0);
  EXPECT_EQ(total(run, "in_migration_from_outside"), arrivals);
  EXPECT_EQ(total(run, "in_migration"), arrivals);
  // The other episode is off.
  on.event_scale[0] = 0.0;
  on.event_scale[1] = 0.0;
  EXPECT_EQ(total(run_county(data, on, no_tightness), "immigration"), 0);
}

TEST(DemographyMigrationEvents, ADatedEpisodeArrivesOnlyInItsMonths) {
  const auto data = with_episode();
  MeasureSet measures;
  Persons persons;
  add_common_dimensions(measures, data.municipalities, kStart, kEnd);
  Demography demography(data, persons, measures, rng::RngKey(11, 0), kStart, kEnd);
  demography.populate(kStart);
  std::vector<std::size_t> population;
  for (Month m = kStart; m <= kEnd; ++m) {
    DemographyParams params;
    // In force March to May, as a dated policy would set it.
    if (m >= Month::of(2024, 3) && m <= Month::of(2024, 5)) params.event_scale[1] = 1.0;
    demography.step(m, params);
    population.push_back(persons.size());
  }
  EXPECT_EQ(population[0], population[1]);        // Jan, Feb: no arrivals
  EXPECT_GT(population[4], population[1] + 240);  // Mar-May: about 360
  EXPECT_EQ(population.back(), population[4]);    // June on: none
}

// The events table: a temporary file beside a municipality table.
class MigrationEventsTable : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("kfsim_events_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    files_ = demography_files(
        scenario::load_scenario(KFSIM_SOURCE_DIR "/scenarios/baseline.toml", model_schema(), {}));
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  DemographyData load_with(const std::string& rows) {
    const auto path = dir_ / "events.csv";
    std::ofstream(path) << "# test\nevent,municipality,sex,age,arrivals\n" << rows;
    auto files = files_;
    files.migration_events = path;
    return load_demography_data(files);
  }

  std::filesystem::path dir_;
  DemographyFiles files_;
};

TEST_F(MigrationEventsTable, ReadsTheEpisodesSparsely) {
  const auto data = load_with("ukraine_2022,3103,female,34,12.5\nrefugees_2015,3101,male,17,3\n");
  const auto moss = *data.municipalities.index_of(3103);
  const auto halden = *data.municipalities.index_of(3101);
  EXPECT_EQ(data.event_arrivals[1][data.cell(moss, Sex::Female, 34)], 12.5);
  EXPECT_EQ(data.event_arrivals[0][data.cell(halden, Sex::Male, 17)], 3.0);
  EXPECT_EQ(data.event_arrivals[1][data.cell(moss, Sex::Female, 35)], 0.0);
}

TEST_F(MigrationEventsTable, BadRowsAreErrorsNamingTheFileLineAndColumn) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"syria_2015,3103,female,34,1\n", "unknown event 'syria_2015'"},
      {"ukraine_2022,3103,female,34,-1\n", "out of range"},
      {"ukraine_2022,3103,female,106,1\n", "out of range"},
      {"ukraine_2022,3103,female,34,1\nukraine_2022,3103,female,34,2\n", "duplicate row"},
  };
  for (const auto& [rows, message] : cases) {
    try {
      load_with(rows);
      ADD_FAILURE() << "no error for " << rows;
    } catch (const data::DataError& e) {
      const std::string what = e.what();
      EXPECT_NE(what.find("events.csv"), std::string::npos) << what;
      EXPECT_NE(what.find(message), std::string::npos) << what;
    }
  }
}

TEST(DemographyMigrationKeys, BadValuesAreScenarioErrorsNamingTheKey) {
  for (const std::string key :
       {"demography.in_migration_tightness_elasticity",
        "demography.out_migration_tightness_elasticity", "demography.refugee_arrivals_2015_16",
        "demography.refugee_arrivals_2022_23"}) {
    for (const std::string value : {"-0.1", "11", "\"high\""}) {
      try {
        scenario::load_scenario(KFSIM_SOURCE_DIR "/scenarios/baseline.toml", model_schema(),
                                {key + "=" + value});
        ADD_FAILURE() << "no error for " << key << "=" << value;
      } catch (const scenario::ScenarioError& e) {
        EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
      }
    }
  }
}

TEST(DemographyMigrationKeys, TheRefugeeScenarioSwitchesTheEpisodeOnWithDates) {
  const auto scenario = scenario::load_scenario(KFSIM_SOURCE_DIR "/scenarios/refugee_arrivals.toml",
                                                model_schema(), {});
  const auto event = static_cast<std::size_t>(MigrationEvent::Ukraine2022);
  const auto municipalities = load_municipalities(scenario.file("data.municipalities"));
  const auto params_at = [&](Month month) {
    return demography_params_at(scenario, month, municipalities);
  };
  EXPECT_EQ(params_at(Month::of(2025, 12)).event_scale[event], 0.0);
  EXPECT_EQ(params_at(Month::of(2026, 1)).event_scale[event], 1.0);
  EXPECT_EQ(params_at(Month::of(2027, 12)).event_scale[event], 1.0);
  EXPECT_EQ(params_at(Month::of(2028, 1)).event_scale[event], 0.0);
}

// demography.net_migration_offset: a municipality's in-movers from outside are
// scaled so that its net migration gains the offset per 1000 residents a year.
TEST(DemographyNetMigrationOffset, ScalesTheMunicipalitysInMoversByTheOffset) {
  const auto data = small_county(0.1, 30.0);
  const std::vector<std::int64_t> population = {2400, 2400};
  const auto in_per_year = [&](const DemographyRates& rates, std::size_t m) {
    const std::size_t cells = kSexCount * DemographyData::kAges;
    return 12.0 * std::accumulate(
                      rates.in_per_month.begin() + static_cast<std::ptrdiff_t>(m * cells),
                      rates.in_per_month.begin() + static_cast<std::ptrdiff_t>((m + 1) * cells),
                      0.0);
  };
  DemographyParams params;
  const auto base = demography_rates(data, params, 2024, population);
  EXPECT_NEAR(in_per_year(base, 0), 3600.0, 1e-9);  // 2 sexes x 60 ages x 30
  params.net_migration_offset = {25.0, 0.0};
  // 25 per 1000 of 2400 residents: 60 more a year, in the same ages and sexes.
  const auto more = demography_rates(data, params, 2024, population);
  EXPECT_NEAR(in_per_year(more, 0), 3660.0, 1e-9);
  const std::size_t cell = data.cell(0, Sex::Female, 30);
  EXPECT_NEAR(more.in_per_month[cell] / base.in_per_month[cell], 3660.0 / 3600.0, 1e-12);
  EXPECT_EQ(more.out_prob, base.out_prob);
  // A loss larger than the in-movers leaves none, never a negative count.
  params.net_migration_offset = {-2000.0, 0.0};
  EXPECT_EQ(in_per_year(demography_rates(data, params, 2024, population), 0), 0.0);
  // A municipality without in-movers in the table has none to scale.
  params.net_migration_offset = {0.0, 25.0};
  EXPECT_EQ(demography_rates(data, params, 2024, population).in_per_month, base.in_per_month);
}

TEST(DemographyNetMigrationOffset, ZeroOffsetsAreBitIdenticalToNone) {
  const auto data = small_county(0.1, 30.0);
  DemographyParams zeros;
  zeros.net_migration_offset = {0.0, 0.0};
  expect_identical(run_county(data, DemographyParams{}, no_tightness),
                   run_county(data, zeros, no_tightness), "offsets of 0");
}

TEST(DemographyNetMigrationOffset, RaisesTheMunicipalitysInMigration) {
  const auto data = small_county(0.0, 30.0);
  DemographyParams on;
  on.net_migration_offset = {50.0, 0.0};  // 120 more a year of 3600; Poisson sd about 60
  const auto base = total(run_county(data, DemographyParams{}, no_tightness), "in_migration");
  const auto more = total(run_county(data, on, no_tightness), "in_migration");
  EXPECT_NEAR(static_cast<double>(more - base), 120.0, 60.0);
}

TEST(DemographyNetMigrationOffset, TheKeyReadsEachMunicipalityAndRejectsUnknownCodes) {
  const auto schema = model_schema();
  const auto file = std::string(KFSIM_SOURCE_DIR "/scenarios/baseline.toml");
  const auto plain = scenario::load_scenario(file, schema, {});
  const auto municipalities = load_municipalities(plain.file("data.municipalities"));
  EXPECT_TRUE(
      demography_params_at(plain, Month::of(2024, 1), municipalities).net_migration_offset.empty());
  const auto halden =
      scenario::load_scenario(file, schema, {"demography.net_migration_offset.3101=-2.5"});
  check_municipality_keys(halden, municipalities);
  const auto offsets =
      demography_params_at(halden, Month::of(2024, 1), municipalities).net_migration_offset;
  ASSERT_EQ(offsets.size(), municipalities.size());
  const auto index = *municipalities.index_of(3101);
  for (std::size_t m = 0; m < offsets.size(); ++m) EXPECT_EQ(offsets[m], m == index ? -2.5 : 0.0);

  const auto unknown =
      scenario::load_scenario(file, schema, {"demography.net_migration_offset.9999=1"});
  try {
    check_municipality_keys(unknown, municipalities);
    ADD_FAILURE() << "no error for municipality 9999";
  } catch (const scenario::ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("demography.net_migration_offset.9999"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("no municipality '9999'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(scenario::load_scenario(file, schema, {"demography.net_migration_offset.3101=60"}),
               scenario::ScenarioError);
}

}  // namespace
}  // namespace kfsim
