// Job search and matching: gathers what match_seekers (matching.hpp) reads
// from the labour market's state and applies the hires it returns.
#include "models/labour/labour_market.hpp"
#include "models/labour/matching.hpp"

namespace kfsim {

void LabourMarket::match(Month month, const LabourParams& params) {
  // Searchers in slot order.
  std::vector<std::int32_t> searchers;
  for (std::size_t i = 0; i < searching_.size(); ++i) {
    if (searching_[i]) searchers.push_back(static_cast<std::int32_t>(i));
  }
  if (searchers.empty()) return;

  const auto& table = persons_.table;
  const SeekerColumns seekers{table.ids(),
                              table.column(persons_.municipality),
                              table.column(persons_.competence),
                              table.column(persons_.labour_status),
                              table.column(persons_.qualification_pending),
                              table.column(persons_.job)};
  const CommuteReach reach{travel_, work_areas()};
  const auto vacant = book_.vacancies_by_cell();
  const VacancyLists vacancies{vacant, book_.occupation()};
  const auto hires =
      match_seekers(params, seekers, searchers, reach, credited_fit(), vacancies, key_, month);
  for (const auto& h : hires) {
    hire(static_cast<std::size_t>(h.person), static_cast<std::size_t>(h.position), month);
  }
}

}  // namespace kfsim
