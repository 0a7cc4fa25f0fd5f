// The demography readers on arbitrary CSV text: the input's first line names the table it
// replaces (municipalities, population, mortality, fertility, migration), the rest is the table;
// the other tables are the baseline's. A DataError is the expected answer to a bad table.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/demography/demography_data.hpp"
#include "tests/fuzz/fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using kfsim::fuzz::kData;
  static const std::vector<std::string> kTables = {
      "municipalities", "population", "mortality", "fertility", "migration", "migration_events"};
  const auto input = kfsim::fuzz::split_input(data, size, kTables);
  kfsim::DemographyFiles files{kData / "municipalities.csv", kData / "population_2024.csv",
                               kData / "mortality.csv",      kData / "fertility.csv",
                               kData / "migration.csv",      kData / "migration_events.csv"};
  std::filesystem::path* const fuzzed[] = {&files.municipalities, &files.population,
                                           &files.mortality,      &files.fertility,
                                           &files.migration,      &files.migration_events};
  *fuzzed[input.table] = kfsim::fuzz::write_table(kTables[input.table] + ".csv", input.text);
  try {
    (void)kfsim::load_demography_data(files);
  } catch (const kfsim::data::DataError&) {
    // bad table, refused as it should be
  }
  return 0;
}
