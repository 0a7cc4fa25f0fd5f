#include "models/education/education_data.hpp"

#include "models/data/csv_table.hpp"

namespace kfsim {

namespace {

using data::CsvTable;

Stage parse_stage(const CsvTable& t, std::size_t row) {
  const auto& s = t.text(row, "stage");
  if (s == "vg1") return Stage::Vg1;
  if (s == "apprenticeship") return Stage::Apprenticeship;
  if (s == "higher") return Stage::Higher;
  if (s == "master") return Stage::Master;
  if (s == "adult") return Stage::Adult;
  t.fail(row, "stage",
         "'" + s + "' is not a stage; expected vg1, apprenticeship, higher, master or adult");
}

ProviderType parse_provider_type(const CsvTable& t, std::size_t row) {
  const auto& s = t.text(row, "provider_type");
  if (s == "upper_secondary") return ProviderType::UpperSecondary;
  if (s == "apprenticeship") return ProviderType::Apprenticeship;
  if (s == "fagskole") return ProviderType::Fagskole;
  if (s == "university") return ProviderType::University;
  if (s == "outside") return ProviderType::Outside;
  if (s == "adult") return ProviderType::Adult;
  t.fail(row, "provider_type",
         "'" + s +
             "' is not a provider type; expected upper_secondary, apprenticeship, fagskole, "
             "university, outside or adult");
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return parts;
}

Eligibility parse_eligibility(const CsvTable& t, std::size_t row, Stage stage,
                              const LabourData& labour) {
  Eligibility e;
  const auto& text = t.text(row, "eligible");
  if (stage == Stage::Vg1 || stage == Stage::Apprenticeship || stage == Stage::Master) return e;
  if (stage == Stage::Higher) {
    if (text == "general") {
      e.general_studies_only = true;
    } else if (text != "upper_secondary") {
      t.fail(row, "eligible",
             "'" + text + "'; expected 'upper_secondary' or 'general' for a higher programme");
    }
    return e;
  }
  for (const auto& part : split(text, ';')) {
    if (part == "employed") {
      e.employed_only = true;
    } else if (part == "unemployed") {
      e.unemployed_only = true;
    } else if (part == "any" || part.empty() || part == "-") {
      continue;
    } else {
      const auto c = labour.competences.index_of(part);
      if (c < 0) {
        t.fail(row, "eligible",
               "unknown competence code '" + part +
                   "'; expected codes from the competence table, "
                   "';'-separated, optionally followed by 'employed', 'unemployed' or 'any'");
      }
      e.competences.push_back(static_cast<std::int8_t>(c));
    }
  }
  return e;
}

}  // namespace

int EducationData::index_of(const std::string& code) const {
  for (std::size_t i = 0; i < programmes.size(); ++i) {
    if (programmes[i].code == code) return static_cast<int>(i);
  }
  return -1;
}

EducationData load_education_data(const std::filesystem::path& file, const LabourData& labour,
                                  const Municipalities& municipalities) {
  const auto t =
      CsvTable::read(file, {"code", "name", "provider", "provider_type", "municipality", "stage",
                            "competence", "places", "length_years", "completion_rate",
                            "choice_weight", "eligible", "min_age", "max_age"});
  EducationData d;
  for (std::size_t row = 0; row < t.rows(); ++row) {
    Programme p;
    p.code = t.text(row, "code");
    if (p.code.empty()) t.fail(row, "code", "empty programme code");
    if (d.index_of(p.code) >= 0)
      t.fail(row, "code", "programme code '" + p.code + "' listed twice");
    p.name = t.text(row, "name");
    p.provider = t.text(row, "provider");
    p.provider_type = parse_provider_type(t, row);
    p.municipality_code = static_cast<std::int32_t>(t.integer(row, "municipality", 0, 9999));
    if (p.municipality_code != 0) {
      const auto m = municipalities.index_of(p.municipality_code);
      if (!m) {
        t.fail(row, "municipality",
               "unknown municipality code " + std::to_string(p.municipality_code) +
                   "; expected 0 or a code in the municipality table");
      }
      p.municipality = static_cast<int>(*m);
    }
    p.stage = parse_stage(t, row);
    const auto c = labour.competences.index_of(t.text(row, "competence"));
    if (c < 0) {
      t.fail(row, "competence",
             "unknown competence code '" + t.text(row, "competence") +
                 "'; expected a code in the competence table");
    }
    p.competence = static_cast<std::size_t>(c);
    p.places = t.real(row, "places", -1, 100000);
    if (p.places < 0 && p.places != -1)
      t.fail(row, "places", "expected a number of places, or -1 for unlimited");
    p.length_years = t.real(row, "length_years", 0.25, 8);
    p.completion_rate = t.real(row, "completion_rate", 0.01, 1);
    p.choice_weight = t.real(row, "choice_weight", 0, 1e9);
    p.eligibility = parse_eligibility(t, row, p.stage, labour);
    p.min_age = static_cast<int>(t.integer(row, "min_age", 0, 120));
    p.max_age = static_cast<int>(t.integer(row, "max_age", p.min_age, 120));
    p.vocational = p.stage == Stage::Vg1 && labour.competence_level[p.competence] ==
                                                EducationLevel::UpperSecondaryVocational;
    d.programmes.push_back(std::move(p));
  }
  // Each vocational school programme leads to the apprenticeship of its trade.
  for (std::size_t i = 0; i < d.programmes.size(); ++i) {
    auto& p = d.programmes[i];
    if (!p.vocational) continue;
    for (std::size_t j = 0; j < d.programmes.size(); ++j) {
      if (d.programmes[j].stage == Stage::Apprenticeship &&
          d.programmes[j].competence == p.competence) {
        p.apprenticeship = static_cast<int>(j);
      }
    }
    if (p.apprenticeship < 0) {
      throw data::DataError(file, t.line_of(i), "competence",
                            "vocational programme " + p.code + " gives " +
                                labour.competences.codes[p.competence] +
                                " but no apprenticeship programme gives that competence");
    }
  }
  return d;
}

}  // namespace kfsim
