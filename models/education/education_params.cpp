#include "models/education/education_params.hpp"

#include <cmath>

#include "models/scenario_keys.hpp"
#include "sim/run/parameter_at.hpp"
#include "sim/scenario/error.hpp"

namespace kfsim {

namespace {
using scenario::KeySpec;
using scenario::Type;

constexpr const char* kPlacesScale = "education.places_scale";
constexpr const char* kExtraPlaces = "education.extra_places";

constexpr const char* kParameters = "scenarios/data/education/education_parameters.csv";
}  // namespace

void add_education_keys(scenario::Schema& schema) {
  {
    KeySpec spec;
    spec.key = "data.programmes";
    spec.type = Type::File;
    spec.meaning =
        "education providers and programmes (CSV: code,name,provider,provider_type,"
        "municipality,stage,competence,places,length_years,completion_rate,"
        "choice_weight,eligible,min_age,max_age)";
    spec.source = "scenarios/data/education/SOURCES.md";
    spec.policy_settable = false;
    schema.add(spec);
  }
  {
    KeySpec spec = real_key(kPlacesScale, 1.0, 0, 100, "1",
                            "multiplies a programme's intake places; one entry per programme code, "
                            "e.g. places_scale.HIO_NURS = 1.3",
                            "1 = the places of data.programmes");
    spec.is_map = true;
    schema.add(spec);
  }
  {
    KeySpec spec = real_key(kExtraPlaces, 0.0, 0, 100000, "places per year",
                            "intake places added to a programme, e.g. to start an upskilling "
                            "programme that has none in the table; one entry per programme code",
                            "0 = the places of data.programmes");
    spec.is_map = true;
    schema.add(spec);
  }
  schema.add(real_key("education.higher_application_rate_general", 0.75, 0, 1, "1",
                      "share of those completing general upper secondary who apply to higher "
                      "education or fagskole",
                      kParameters));
  schema.add(real_key("education.higher_application_rate_vocational", 0.15, 0, 1, "1",
                      "share of those completing a trade certificate who apply to higher education "
                      "or fagskole",
                      kParameters));
  schema.add(real_key("education.master_application_rate", 0.3, 0, 1, "1",
                      "share of bachelors who apply to a master's programme", kParameters));
  schema.add(real_key("education.vg3_in_school_share", 0.8091, 0, 1, "1",
                      "share of vocational pupils without an apprenticeship who take Vg3 in school "
                      "instead",
                      kParameters));
  schema.add(real_key("education.adult_application_age_decline", 0.03, 0, 1, "per year of age",
                      "how fast the adult application rate falls with age after 25: the rate at "
                      "age a is adult_application_rate x exp(-decline x (a - 25))",
                      "Assumption: adults' participation in education falls with age, to about "
                      "half from the late twenties to the fifties (not in the shared data)"));
  schema.add(real_key("education.adult_application_rate", 0.035, 0, 1, "per year",
                      "share of 25-year-olds eligible for an upskilling programme who apply each "
                      "August (lower at higher ages: adult_application_age_decline)",
                      "scenarios/data/education/education_parameters.csv gives 2 % a year of the "
                      "eligible; with the decline by age, 3.5 % at 25 is about 2 % averaged over "
                      "25-60"));
  schema.add(real_key("education.outside_applicants_per_place", 1.0, 0, 20, "applicants per place",
                      "applicants from outside Østfold per intake place at Høgskolen i Østfold and "
                      "Fagskolen, competing with residents for the places",
                      "Assumption: the simulated residents are only the school leavers among HiØ's "
                      "applicants; a third come from other counties (68 % lived in Østfold in "
                      "2016, scenarios/data/education/SOURCES.md) and many are adults or part-time "
                      "students; popular programmes such as nursing have more applicants than "
                      "places; one such applicant per place (not in the shared data)"));
  schema.add(real_key(
      "education.outside_resident_share", 0.59, 0, 1, "1",
      "of the outside applicants admitted to places above the table's (a policy's added places), "
      "the share who live in Østfold although the model does not follow them as applicants "
      "(adults, part-time students): on completing, a resident of the county gains the "
      "competence",
      "Calibrated: 68 % of HiØ's applicants lived in Østfold in 2016 "
      "(scenarios/data/education/SOURCES.md); the simulated school leavers take 22 % of the "
      "intake of HiØ and Fagskolen in the baseline (2025-2029), so (68 - 22) / 78 = 0.59 of "
      "the others live in the county"));
  schema.add(real_key(
      "education.outside_graduate_settle_share", 0.3, 0, 1, "1",
      "of the graduates from other counties admitted to places above the table's, the share "
      "who settle in Østfold after completing (moving in seeking work)",
      "Assumption resting on SSB's survey of the 2014/15 graduates in nursing, teaching and "
      "social work (SSB, Bosetting etter endt utdanning, 2022): half of the nurses studied in "
      "their home county and six in ten lived there afterwards; if at most 85 % of those who "
      "studied at home stayed (Hordaland's share, the highest given), at least 35 % of those "
      "who studied elsewhere went home; of the 65 % who did not, half are taken to stay in the "
      "county of study: about 0.3"));
  schema.add(real_key("education.labour_market_signal_strength", 0.0, 0, 10, "1",
                      "how strongly study choices lean towards competences the labour market asks "
                      "for (career guidance); 0: choices follow interests alone",
                      "Assumption: no Østfold data on how choices respond; 0 in the baseline"));
  {
    KeySpec spec;
    spec.key = "education.signal_lag_months";
    spec.type = Type::Integer;
    spec.default_value = std::int64_t{12};
    spec.min = 1;
    spec.max = 36;
    spec.unit = "months";
    spec.meaning = "how old the labour-market signal is when applicants choose in August";
    spec.source = "Assumption: applicants see last year's labour market";
    spec.policy_settable = false;
    schema.add(spec);
  }
}

EducationParams education_params_at(const scenario::Scenario& scenario, Month month) {
  EducationParams p;
  p.higher_application_rate_general =
      real_at(scenario, "education.higher_application_rate_general", month);
  p.higher_application_rate_vocational =
      real_at(scenario, "education.higher_application_rate_vocational", month);
  p.master_application_rate = real_at(scenario, "education.master_application_rate", month);
  p.vg3_in_school_share = real_at(scenario, "education.vg3_in_school_share", month);
  p.adult_application_rate = real_at(scenario, "education.adult_application_rate", month);
  p.adult_application_age_decline =
      real_at(scenario, "education.adult_application_age_decline", month);
  p.labour_market_signal_strength =
      real_at(scenario, "education.labour_market_signal_strength", month);
  p.outside_applicants_per_place =
      real_at(scenario, "education.outside_applicants_per_place", month);
  p.outside_resident_share = real_at(scenario, "education.outside_resident_share", month);
  p.outside_graduate_settle_share =
      real_at(scenario, "education.outside_graduate_settle_share", month);
  p.stationary = scenario.integer("demography.stationary") != 0;
  return p;
}

int education_signal_lag_months(const scenario::Scenario& scenario) {
  return static_cast<int>(scenario.integer("education.signal_lag_months"));
}

std::vector<double> programme_places_at(const scenario::Scenario& scenario,
                                        const EducationData& data, Month month) {
  std::vector<double> places(data.size());
  for (std::size_t p = 0; p < data.size(); ++p) {
    const auto& programme = data.programmes[p];
    if (programme.places < 0) {
      places[p] = -1;
      continue;
    }
    const double scale = real_at(scenario, std::string(kPlacesScale) + "." + programme.code, month);
    const double extra = real_at(scenario, std::string(kExtraPlaces) + "." + programme.code, month);
    places[p] = std::floor(programme.places * scale + extra + 0.5);
  }
  return places;
}

void check_programme_keys(const scenario::Scenario& scenario, const EducationData& data) {
  const auto known = [&](const std::string& code) { return data.index_of(code) >= 0; };
  const auto problem = [](const std::string& code) {
    return "no programme with code '" + code + "' in data.programmes";
  };
  const std::string expected = "a programme code from that table";
  check_map_codes(scenario, {{kPlacesScale, known, problem, expected},
                             {kExtraPlaces, known, problem, expected}});
}

}  // namespace kfsim
