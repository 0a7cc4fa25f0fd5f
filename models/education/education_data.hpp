#pragma once
// Education providers and their programmes (scenarios/data/education/), loaded
// and validated: upper-secondary schools, apprenticeships, fagskole, Høgskolen
// i Østfold, studies outside the county and adult education.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "models/geography/municipalities.hpp"
#include "models/labour/labour_data.hpp"

namespace kfsim {

// How a person enters a programme.
enum class Stage : std::int8_t {
  Vg1,             // from lower secondary, the August one turns 16
  Apprenticeship,  // after the two school years of a vocational programme
  Higher,          // after completed upper secondary
  Master,          // after a bachelor
  Adult,           // upskilling for adults
};
inline constexpr std::size_t kStageCount = 5;

enum class ProviderType : std::int8_t {
  UpperSecondary,
  Apprenticeship,
  Fagskole,
  University,
  Outside,
  Adult
};

// Who may enter a higher or adult programme.
struct Eligibility {
  bool general_studies_only = false;     // higher: only general upper secondary qualifies
  std::vector<std::int8_t> competences;  // adult: competences that may enter (empty = any)
  bool employed_only = false;            // adult: only the employed
  bool unemployed_only = false;          // adult: only job seekers (NAV courses)
};

struct Programme {
  std::string code;
  std::string name;
  std::string provider;
  ProviderType provider_type = ProviderType::UpperSecondary;
  std::int32_t municipality_code = 0;  // 0: outside Østfold or county-wide
  int municipality = -1;               // index, -1 when none
  Stage stage = Stage::Vg1;
  std::size_t competence = 0;  // given on completion
  double places = 0;           // intake per year; negative: unlimited
  double length_years = 1;
  double completion_rate = 1;
  double choice_weight = 0;
  Eligibility eligibility;
  int min_age = 0;
  int max_age = 200;
  bool vocational_school() const {
    return stage == Stage::Vg1 && provider_type == ProviderType::UpperSecondary && vocational;
  }
  bool vocational = false;  // a vg1 programme whose competence needs an apprenticeship
  int apprenticeship = -1;  // for vocational vg1 programmes: the apprenticeship programme
};

struct EducationData {
  std::vector<Programme> programmes;
  std::size_t size() const { return programmes.size(); }
  int index_of(const std::string& code) const;
};

EducationData load_education_data(const std::filesystem::path& programmes, const LabourData& labour,
                                  const Municipalities& municipalities);

}  // namespace kfsim
