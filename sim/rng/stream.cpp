#include "sim/rng/stream.hpp"

namespace kfsim::rng {

std::string_view stream_name(Stream stream) {
  switch (stream) {
    case Stream::Demography:
      return "demography";
    case Stream::NewPersonAttributes:
      return "new_person_attributes";
    case Stream::InMigration:
      return "in_migration";
    case Stream::InitialState:
      return "initial_state";
    case Stream::LabourSeparation:
      return "labour_separation";
    case Stream::LabourSearch:
      return "labour_search";
    case Stream::LabourDemand:
      return "labour_demand";
    case Stream::Education:
      return "education";
    case Stream::EducationChoice:
      return "education_choice";
    case Stream::EducationAdmission:
      return "education_admission";
    case Stream::EducationOutsideApplicants:
      return "education_outside_applicants";
    case Stream::InitialBirthMonth:
      return "initial_birth_month";
    case Stream::InitialEmployers:
      return "initial_employers";
    case Stream::InitialPositions:
      return "initial_positions";
    case Stream::InitialPlacement:
      return "initial_placement";
    case Stream::NonResidentTurnover:
      return "non_resident_turnover";
    case Stream::Training:
      return "training";
    case Stream::MigrationOrigin:
      return "migration_origin";
    case Stream::QualificationRecognition:
      return "qualification_recognition";
    case Stream::MigrationEvent:
      return "migration_event";
    case Stream::OutsideGroup:
      return "outside_group";
    case Stream::InCommuting:
      return "in_commuting";
    case Stream::UnmetRepost:
      return "unmet_repost";
    case Stream::ParameterUncertainty:
      return "parameter_uncertainty";
    case Stream::TemporaryLayoff:
      return "temporary_layoff";
    case Stream::OutsideGraduates:
      return "outside_graduates";
    case Stream::GraduateSettlers:
      return "graduate_settlers";
  }
  return "unknown";
}

}  // namespace kfsim::rng
