#pragma once
#include <array>
#include <cstdint>

namespace kfsim {

// A person's position in the labour market. Stored as int8 in the person
// table; the order is the order of the `labour_status` dimension in results.
enum class LabourStatus : std::int8_t {
  Unassigned = 0,  // new in the table this month (born or moved in); set by the labour model
  Child,           // under 15
  InEducation,     // pupil or student, not seeking work
  Employed,
  Unemployed,  // seeking work (NAV's registered unemployed, fully unemployed)
  Outside,     // outside the labour force and not seeking work (disability benefit included)
  Retired,     // on old-age pension
};
inline constexpr std::size_t kLabourStatusCount = 7;
inline constexpr std::array<const char*, kLabourStatusCount> kLabourStatusLabels = {
    "unassigned", "child", "in_education", "employed", "unemployed", "outside", "retired"};

}  // namespace kfsim
