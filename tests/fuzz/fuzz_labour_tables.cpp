// The labour-market readers on arbitrary CSV text: the input's first line names the table it
// replaces by its scenario key under [data] (competences, staffing, commuting_reach, ...), the
// rest is the table; the other tables are the baseline's. A DataError is the expected answer.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "models/data/csv_table.hpp"
#include "models/geography/municipalities.hpp"
#include "models/labour/labour_data.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using Field = std::filesystem::path kfsim::LabourFiles::*;

// (scenario key, member of LabourFiles, baseline file under scenarios/data/labour/)
struct Table {
  std::string key;
  Field field;
  std::string file;
};

const std::vector<Table>& tables() {
  using F = kfsim::LabourFiles;
  static const std::vector<Table> all = {
      {"competences", &F::competences, "competences.csv"},
      {"occupations", &F::occupations, "occupations.csv"},
      {"industries", &F::industries, "industries.csv"},
      {"jobs_by_industry", &F::jobs_by_industry, "employment_by_industry_2024.csv"},
      {"staffing", &F::staffing, "staffing_industry_occupation.csv"},
      {"establishment_sizes", &F::establishment_sizes, "establishment_size_distribution.csv"},
      {"occupation_competence_fit", &F::fit, "occupation_competence_fit.csv"},
      {"competence_by_age_sex", &F::competence_by_age_sex, "competence_by_age_sex.csv"},
      {"competence_municipality_factor", &F::competence_municipality_factor,
       "competence_municipality_factor.csv"},
      {"labour_status_targets", &F::status_targets, "labour_status_targets.csv"},
      {"separation_rates", &F::separation_rates, "separation_rates.csv"},
      {"retirement_rates", &F::retirement_rates, "retirement_rates.csv"},
      {"commuting", &F::commuting, "commuting.csv"},
      {"commuting_reach", &F::commuting_reach, "commuting_reach.csv"},
      {"industry_growth", &F::industry_growth, "industry_growth.csv"},
      {"occupation_requirements", &F::occupation_requirements, "occupation_requirements.csv"},
      {"service_demand", &F::service_demand, "service_demand.csv"},
      {"turnover_by_occupation", &F::turnover_by_occupation, "turnover_by_occupation.csv"},
  };
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const kfsim::Municipalities municipalities =
      kfsim::load_municipalities(kfsim::fuzz::kData / "municipalities.csv");
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> names;
    for (const auto& table : tables()) names.push_back(table.key);
    return names;
  }();
  const auto input = kfsim::fuzz::split_input(data, size, keys);
  kfsim::LabourFiles files;
  for (const auto& table : tables())
    files.*table.field = kfsim::fuzz::kData / "labour" / table.file;
  const Table& fuzzed = tables()[input.table];
  files.*fuzzed.field = kfsim::fuzz::write_table(fuzzed.file, input.text);
  try {
    (void)kfsim::load_labour_data(files, municipalities);
  } catch (const kfsim::data::DataError&) {
    // bad table, refused as it should be
  }
  return 0;
}
