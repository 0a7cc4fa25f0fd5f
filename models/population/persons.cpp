#include "models/population/persons.hpp"

namespace kfsim {

Persons::Persons()
    : table("persons"),
      birth_month(table.add_column<std::int32_t>("birth_month", "months since January of year 0",
                                                 "calendar month of birth")),
      sex(table.add_column<std::int8_t>("sex", "code", "0 female, 1 male")),
      municipality(table.add_column<std::int8_t>(
          "municipality", "index", "home municipality, index into the municipality table")),
      competence(table.add_column<std::int8_t>(
          "competence", "index",
          "highest completed competence group, index into the competence table; -1 none",
          kNoCompetence)),
      labour_status(table.add_column<std::int8_t>(
          "labour_status", "code", "LabourStatus: child, in education, employed, ...",
          static_cast<std::int8_t>(LabourStatus::Unassigned))),
      job(table.add_column<std::int32_t>(
          "job", "index", "slot in the position table when employed; -1 none", kNoJob)),
      months_in_status(table.add_column<std::int16_t>("months_in_status", "month",
                                                      "months since the labour status changed")),
      education_target(table.add_column<std::int8_t>("education_target", "index",
                                                     "competence group being studied for; -1 none",
                                                     kNoCompetence)),
      education_end(table.add_column<std::int32_t>(
          "education_end", "months since January of year 0", "month the current studies end")),
      programme(table.add_column<std::int16_t>(
          "programme", "index", "enrolled programme, index into the programme table; -1 none",
          kNoProgramme)),
      next_stage(table.add_column<std::int8_t>(
          "next_stage", "code", "education stage applied for next August (stage + 1); 0 none")),
      school_vg3(table.add_column<std::int8_t>(
          "school_vg3", "flag", "1 when taking Vg3 in school instead of an apprenticeship")),
      graduation_month(table.add_column<std::int32_t>("graduation_month",
                                                      "months since January of year 0",
                                                      "month of the last completion; -1 none", -1)),
      graduated_programme(table.add_column<std::int16_t>(
          "graduated_programme", "index", "programme last completed; -1 none", kNoProgramme)),
      from_abroad(table.add_column<std::int8_t>(
          "from_abroad", "flag", "1 when the person moved into Østfold from abroad")),
      qualification_pending(table.add_column<std::int8_t>(
          "qualification_pending", "flag",
          "1 while a foreign post-secondary qualification awaits recognition")),
      disability(table.add_column<std::int8_t>(
          "disability", "flag",
          "1 while outside the labour force with NAV-assessed reduced work capacity")) {}

}  // namespace kfsim
