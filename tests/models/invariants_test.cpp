// The invariants checked while running: each catches what it is for, and names it.
#include "models/invariants.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "models/demography/demography.hpp"

namespace kfsim {
namespace {

const Month kStart = Month::of(2024, 1);

std::string violation_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::logic_error& error) {
    return error.what();
  }
  return "";
}

TEST(Invariants, ScaledSeparationRatesMustBeProbabilities) {
  LabourData data;
  data.quit_rate = {0.01, 0.4};
  data.layoff_rate = {0.01, 0.01};
  data.disability_rate = {0.001, 0.001};
  LabourParams params;
  EXPECT_EQ(violation_of([&] { check_labour_rates(data, params, kStart); }), "");
  params.quit_scale = 3.0;  // 0.4 x 3 = 1.2
  const std::string message = violation_of([&] { check_labour_rates(data, params, kStart); });
  EXPECT_NE(message.find("quit probability of cell 1"), std::string::npos) << message;
  EXPECT_NE(message.find("2024-01"), std::string::npos) << message;
  params.quit_scale = 1.0;
  params.outside_search_rate = std::numeric_limits<double>::quiet_NaN();
  EXPECT_NE(violation_of([&] {
              check_labour_rates(data, params, kStart);
            }).find("labour.outside_search_rate"),
            std::string::npos);
}

TEST(Invariants, MeasuresMustBeFinite) {
  MeasureSet set;
  set.add_dimension({"year", "1", "calendar year", {2024, 2025}, "", {}});
  const auto id = set.declare_real("rate", {"year"}, "1", "a rate", "");
  EXPECT_EQ(violation_of([&] { check_finite(set, kStart); }), "");
  set.real(id, {1}) = std::numeric_limits<double>::quiet_NaN();
  const std::string message = violation_of([&] { check_finite(set, kStart); });
  EXPECT_NE(message.find("measure rate"), std::string::npos) << message;
  EXPECT_NE(message.find("flat index 1"), std::string::npos) << message;
  set.real(id, {1}) = -std::numeric_limits<double>::infinity();
  EXPECT_NE(violation_of([&] { check_finite(set, kStart); }), "");
}

// A small world whose people are counted into and out of the table by the demography model;
// taking one person out behind its back must be caught.
TEST(Invariants, DemographyCatchesAPersonLostOrAdded) {
  DemographyData data;
  data.municipalities.codes = {1, 2};
  data.municipalities.names = {"A", "B"};
  const std::size_t cells = 2 * kSexCount * DemographyData::kAges;
  data.population.assign(cells, 0);
  for (int age = 20; age < 40; ++age) data.population[data.cell(1, Sex::Female, age)] = 30;
  data.death_rate.assign(kSexCount * (kMaxMortalityAge + 1), 0.01);
  data.fertility_rate.assign(DemographyData::kAges, 0.05);
  data.out_rate.assign(cells, 0.05);
  data.in_count.assign(cells, 0.5);
  MeasureSet measures;
  Persons persons;
  const Month end = Month::of(2025, 12);
  add_common_dimensions(measures, data.municipalities, kStart, end);
  Demography demography(data, persons, measures, rng::RngKey(3, 0), kStart, end);
  DemographyParams params;
  demography.populate(kStart);
  for (Month m = kStart; m <= end; ++m) {
    demography.step(m, params);
    ASSERT_EQ(violation_of([&] { demography.check_invariants(m); }), "") << m.to_string();
  }
  std::vector<std::uint8_t> keep(persons.size(), 1);
  keep.back() = 0;
  persons.table.retain(keep);
  const std::string message = violation_of([&] { demography.check_invariants(end); });
  EXPECT_NE(message.find("residents where its start, births, deaths and moves give"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("2025-12"), std::string::npos) << message;
}

}  // namespace
}  // namespace kfsim
