// The programme reader on arbitrary CSV text: the input is the programmes table (education
// providers and programmes); the labour tables and municipalities are the baseline's. A
// DataError is the expected answer to a bad table.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "models/data/csv_table.hpp"
#include "models/education/education_data.hpp"
#include "models/geography/municipalities.hpp"
#include "models/labour/labour_data.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

struct Baseline {
  kfsim::Municipalities municipalities;
  kfsim::LabourData labour;
};

Baseline load_baseline() {
  const auto labour = kfsim::fuzz::kData / "labour";
  Baseline b;
  b.municipalities = kfsim::load_municipalities(kfsim::fuzz::kData / "municipalities.csv");
  kfsim::LabourFiles files{labour / "competences.csv",
                           labour / "occupations.csv",
                           labour / "industries.csv",
                           labour / "employment_by_industry_2024.csv",
                           labour / "staffing_industry_occupation.csv",
                           labour / "establishment_size_distribution.csv",
                           labour / "occupation_competence_fit.csv",
                           labour / "competence_by_age_sex.csv",
                           labour / "competence_municipality_factor.csv",
                           labour / "labour_status_targets.csv",
                           labour / "separation_rates.csv",
                           labour / "retirement_rates.csv",
                           labour / "commuting.csv",
                           labour / "commuting_reach.csv",
                           labour / "industry_growth.csv",
                           labour / "occupation_requirements.csv",
                           labour / "service_demand.csv"};
  b.labour = kfsim::load_labour_data(files, b.municipalities);
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Baseline baseline = load_baseline();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto path = kfsim::fuzz::write_table("programmes.csv", text);
  try {
    (void)kfsim::load_education_data(path, baseline.labour, baseline.municipalities);
  } catch (const kfsim::data::DataError&) {
    // bad table, refused as it should be
  }
  return 0;
}
