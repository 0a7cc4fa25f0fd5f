#pragma once
// Graduates of a programme in Østfold who come from elsewhere and settle in the
// county after completing: education counts them in June, demography adds them
// as residents the month after (after demography has run for the month of their
// graduation).
#include <cstddef>
#include <cstdint>

namespace kfsim {

struct GraduateSettlers {
  std::size_t programme = 0;   // the programme completed (keys the draws)
  std::int8_t competence = 0;  // the competence it gives
  int age = 0;                 // age in whole years on arrival
  double female_share = 0.5;   // chance that a settler is a woman
  std::uint32_t count = 0;
};

}  // namespace kfsim
