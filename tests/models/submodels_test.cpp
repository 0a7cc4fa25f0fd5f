// The scenario key `models`: the demography alone declares only its own measures, and, with
// nothing coupling it to the rest (migration's response to the labour market off, no study
// places added, so no graduates settling from elsewhere), gives the whole model's demography
// to the last bit.
#include "models/submodels.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/models/bit_identical.hpp"
#include "tests/models/labour/labour_test_support.hpp"

namespace kfsim {
namespace {

using labour_test::baseline;
using labour_test::run_baseline;

TEST(SubModels, KeyDefaultsToTheWholeModel) {
  const scenario::Schema schema = model_schema();
  const scenario::KeySpec* spec = schema.find("models");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(spec->choices, (std::vector<std::string>{"all", "demography"}));
  EXPECT_FALSE(spec->policy_settable);
  EXPECT_EQ(submodels_of(baseline()), SubModels::All);
  EXPECT_EQ(submodels_of(baseline({"models=\"demography\""})), SubModels::Demography);
}

TEST(SubModels, DemographyAloneEqualsTheWholeModelWithoutCoupling) {
  // Fifteen months: the labour market's tightness departs from 1 after the first twelve.
  // The run alone keeps a strong elasticity, which the neutral tightness it sees cancels.
  const ModelRun alone =
      run_baseline({"models=\"demography\"", "demography.in_migration_tightness_elasticity=1",
                    "demography.out_migration_tightness_elasticity=1"},
                   "2025-03");
  const ModelRun full = run_baseline({"demography.in_migration_tightness_elasticity=0"}, "2025-03");
  for (const char* other : {"employed_monthly", "competence_gap", "programme_admitted"}) {
    EXPECT_EQ(alone.measures.find(other), nullptr) << other;
    EXPECT_NE(full.measures.find(other), nullptr) << other;
  }
  ASSERT_NE(alone.measures.find("population_end"), nullptr);
  for (const Measure& measure : alone.measures.measures()) {
    const Measure* same = full.measures.find(measure.name);
    ASSERT_NE(same, nullptr) << measure.name;
    EXPECT_TRUE(bit_identical(measure, *same)) << measure.name;
  }
  EXPECT_EQ(alone.person_months, full.person_months);
  EXPECT_EQ(alone.final_population, full.final_population);
}

}  // namespace
}  // namespace kfsim
