#pragma once
// The person table: one row per resident of Østfold, stored as columns.
#include <cstdint>
#include <vector>

#include "models/population/labour_status.hpp"
#include "sim/agents/table.hpp"
#include "sim/time/month.hpp"

namespace kfsim {

inline constexpr std::int8_t kNoCompetence = -1;
inline constexpr std::int32_t kNoJob = -1;
inline constexpr std::int16_t kNoProgramme = -1;

struct Persons {
  Persons();

  Table table;
  ColumnRef<std::int32_t> birth_month;   // Month::index() of the month of birth
  ColumnRef<std::int8_t> sex;            // Sex
  ColumnRef<std::int8_t> municipality;   // index into Municipalities (home)
  ColumnRef<std::int8_t> competence;     // highest completed competence group, or kNoCompetence
  ColumnRef<std::int8_t> labour_status;  // LabourStatus
  ColumnRef<std::int32_t> job;           // slot in the position table, or kNoJob
  ColumnRef<std::int16_t> months_in_status;
  ColumnRef<std::int8_t> education_target;  // competence being studied for, or kNoCompetence
  ColumnRef<std::int32_t> education_end;    // Month::index() when the studies end
  ColumnRef<std::int16_t> programme;        // enrolled programme, or kNoProgramme
  ColumnRef<std::int8_t> next_stage;        // stage applied for next August (Stage + 1), 0 none
  ColumnRef<std::int8_t> school_vg3;  // 1 when taking Vg3 in school instead of an apprenticeship
  ColumnRef<std::int32_t> graduation_month;     // Month::index() of the last completion, or -1
  ColumnRef<std::int16_t> graduated_programme;  // the programme then completed
  ColumnRef<std::int8_t> from_abroad;           // 1 when the person moved into Østfold from abroad
  // 1 while a foreign post-secondary qualification awaits recognition: the
  // person is hired as if holding general upper secondary.
  ColumnRef<std::int8_t> qualification_pending;
  // 1 while outside the labour force with NAV-assessed reduced work capacity
  // (nedsatt arbeidsevne): the disability group of those outside.
  ColumnRef<std::int8_t> disability;

  std::size_t size() const { return table.size(); }

  // The job slots and the programmes of residents the demography removed this
  // month (deaths and moves out of the county), handed to the labour market and
  // to education so that they free the positions and count the students who
  // left without looking at every person.
  std::vector<std::int32_t> departed_jobs;
  std::vector<std::int16_t> departed_programmes;
};

}  // namespace kfsim
