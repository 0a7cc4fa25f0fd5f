// The labour market's tightness: how many vacancies there are for each registered
// unemployed resident, against the same ratio in the run's first year. Supply
// responses (migration at working ages) read it, so that they react to a market
// that has become tighter or slacker than the one the run started from, not to
// the level of the ratio, which depends on how vacancies are counted.
#include <algorithm>
#include <numeric>

#include "models/labour/labour_market.hpp"

namespace kfsim {

namespace {

// Months in the moving average and in the reference period: a year, so that the
// seasonal pattern of vacancies and unemployment cancels out.
constexpr std::size_t kTightnessMonths = 12;

double mean_of(std::vector<double>::const_iterator first,
               std::vector<double>::const_iterator last) {
  return std::accumulate(first, last, 0.0) / static_cast<double>(last - first);
}

}  // namespace

void LabourMarket::record_tightness(std::int64_t vacancies, std::int64_t unemployed) {
  // With no one unemployed the ratio counts the vacancies against one person, so
  // that it stays finite and still grows with the vacancies.
  vacancy_unemployment_ratio_.push_back(static_cast<double>(vacancies) /
                                        static_cast<double>(std::max<std::int64_t>(unemployed, 1)));
}

double LabourMarket::tightness() const {
  const auto& ratios = vacancy_unemployment_ratio_;
  if (ratios.size() < kTightnessMonths) return 1.0;
  const double reference = mean_of(ratios.begin(), ratios.begin() + kTightnessMonths);
  const double recent = mean_of(ratios.end() - kTightnessMonths, ratios.end());
  // A start without vacancies gives no reference to compare with.
  if (!(reference > 0.0)) return 1.0;
  return recent / reference;
}

}  // namespace kfsim
