#pragma once
// Named random streams. Every random draw in kfsim names the process it serves,
// so adding draws to one process never shifts the numbers another process sees:
// two scenarios with the same seed share their random numbers (common random
// numbers) except where a policy really changes who draws what.
#include <cstdint>
#include <string_view>

namespace kfsim::rng {

// Values are part of the counter and so of every result: never renumber an
// existing stream; append new ones.
enum class Stream : std::uint8_t {
  Demography = 1,           // deaths, births, moves of existing persons
  NewPersonAttributes = 2,  // birth month and sex of newborns and in-movers
  InMigration = 3,          // how many people move into a municipality this month
  InitialState = 4,         // attributes drawn when the world is built
  LabourSeparation = 5,
  LabourSearch = 6,
  LabourDemand = 7,
  Education = 8,
  Training = 9,
  EducationChoice = 10,     // which programme an applicant chooses
  EducationAdmission = 11,  // an applicant's place in the queue for an over-subscribed programme
  EducationOutsideApplicants = 12,  // queue places of applicants from outside Østfold, by programme
  InitialBirthMonth = 13,           // birth month within the year of age, for the start population
  InitialEmployers = 14,     // employers' sizes and positions, keyed by (industry, municipality)
  InitialPositions = 15,     // positions held by in-commuters at the start, keyed by position
  InitialPlacement = 16,     // who takes which job on the start date
  NonResidentTurnover = 17,  // in-commuters leaving, keyed by position
  MigrationOrigin = 18,      // whether an in-mover from outside Østfold comes from abroad
  QualificationRecognition = 19,  // when a foreign qualification is recognised, keyed by person
  MigrationEvent = 20,  // how many arrive in a dated migration event, keyed by (event, cell)
  OutsideGroup = 21,    // disability or other among those outside the labour force, keyed by person
  InCommuting = 22,     // which long-open positions extra in-commuters take, keyed by municipality
  UnmetRepost = 23,     // withdrawn positions an employer posts again, keyed by demand cell
  ParameterUncertainty = 24,  // the ensemble's draws of [uncertainty] keys, keyed by key name
  TemporaryLayoff = 25,       // who is temporarily laid off in a lay-off episode, keyed by person
  OutsideGraduates =
      26,  // which outside applicants on added places complete and stay, by programme
  GraduateSettlers = 27,  // sex and home of graduates from elsewhere who settle, by programme
};

std::string_view stream_name(Stream stream);

}  // namespace kfsim::rng
