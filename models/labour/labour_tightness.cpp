// The labour market's tightness: how many vacancies there are for each registered
// unemployed resident, against the same ratio in the run's first year. Supply
// responses (migration, in-commuting, participation) read it, so that they react to a
// market that has become tighter or slacker than the one the run started from, not to
// the level of the ratio, which depends on how vacancies are counted.
#include "models/labour/labour_tightness.hpp"

#include <algorithm>
#include <numeric>

#include "models/labour/labour_market.hpp"

namespace kfsim {

namespace {
constexpr std::size_t kWindow = 12;
}

double vacancy_unemployment_ratio(std::int64_t vacancies, std::int64_t unemployed) {
  return static_cast<double>(vacancies) /
         static_cast<double>(std::max<std::int64_t>(unemployed, 1));
}

double tightness_of(const std::vector<double>& ratios) {
  if (ratios.size() < kWindow) return 1.0;
  const double first = std::accumulate(ratios.begin(), ratios.begin() + kWindow, 0.0);
  const double recent = std::accumulate(ratios.end() - kWindow, ratios.end(), 0.0);
  // The same number of months in each sum, so their ratio is the ratio of means.
  return first > 0 ? recent / first : 1.0;
}

double LabourMarket::tightness() const { return tightness_of(vacancy_unemployment_ratios_); }

void LabourMarket::record_tightness(std::int64_t vacancies, std::int64_t unemployed) {
  vacancy_unemployment_ratios_.push_back(vacancy_unemployment_ratio(vacancies, unemployed));
}

}  // namespace kfsim
