#include "sim/scenario/schema.hpp"

namespace kfsim::scenario {

Schema core_schema() {
  Schema schema;
  schema.add({.key = "schema_version",
              .type = Type::Integer,
              .default_value = std::nullopt,
              .unit = "1",
              .min = static_cast<double>(kSchemaVersion),
              .max = static_cast<double>(kSchemaVersion),
              .meaning = "Version of the scenario file format the file is written in.",
              .source = "The scenario file format of this kfsim build.",
              .policy_settable = false});
  schema.add({.key = "name",
              .type = Type::String,
              .default_value = std::nullopt,
              .meaning = "Short name of the scenario, used in result file names.",
              .source = "Set by every scenario; one that extends another needs its own.",
              .policy_settable = false,
              .charset = "A-Za-z0-9_-"});
  schema.add({.key = "description",
              .type = Type::String,
              .default_value = std::string(),
              .meaning = "Free text describing the scenario, copied into the results.",
              .source = "Assumption: none needed.",
              .policy_settable = false});
  schema.add({.key = "start",
              .type = Type::Month,
              .default_value = kfsim::Month::of(2024, 1),
              .meaning = "First simulated month.",
              .source = "Assumption: the month after the latest register data (end of 2023).",
              .policy_settable = false});
  schema.add({.key = "end",
              .type = Type::Month,
              .default_value = kfsim::Month::of(2050, 12),
              .meaning = "Last simulated month, inclusive.",
              .source = "Assumption: the horizon of the regional planning strategy (2050).",
              .policy_settable = false});
  schema.add({.key = "seed",
              .type = Type::Integer,
              .default_value = std::int64_t{1},
              .unit = "1",
              .min = 0.0,
              .meaning = "Seed of the random number streams; replicate r uses its own stream.",
              .source = "Assumption: any fixed seed makes runs reproducible.",
              .policy_settable = false});
  schema.add({.key = "replicates",
              .type = Type::Integer,
              .default_value = std::int64_t{1},
              .unit = "runs",
              .min = 1.0,
              .max = 10000.0,
              .meaning = "Number of independent runs of the scenario, for uncertainty bands.",
              .source = "Assumption: one run unless uncertainty is wanted.",
              .policy_settable = false});
  return schema;
}

}  // namespace kfsim::scenario
