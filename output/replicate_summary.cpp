#include "output/replicate_summary.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace kfsim::output {

const std::vector<ReplicateStatistic>& replicate_statistics() {
  static const std::vector<ReplicateStatistic> statistics = {
      {"_mean", "replicate: mean", "mean over replicates", -1.0},
      {"_p05", "replicate: percentile 5", "5th percentile over replicates", 5.0},
      {"_p50", "replicate: median", "median over replicates", 50.0},
      {"_p95", "replicate: percentile 95", "95th percentile over replicates", 95.0},
  };
  return statistics;
}

double percentile(std::span<double> values, double q) {
  if (values.empty()) throw std::invalid_argument("percentile of no values");
  std::sort(values.begin(), values.end());
  const double rank = q / 100.0 * static_cast<double>(values.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(rank));
  const std::size_t above = std::min(below + 1, values.size() - 1);
  const double weight = rank - static_cast<double>(below);
  // numpy's interpolation, step for step, so that its results can be matched exactly: from the
  // nearer neighbour, and equal neighbours give exactly their value.
  const double a = values[below];
  const double b = values[above];
  const double difference = b - a;
  return weight >= 0.5 ? b - difference * (1.0 - weight) : a + difference * weight;
}

std::vector<double> summarise_replicates(std::span<const double> stacked, std::size_t replicates,
                                         const ReplicateStatistic& statistic) {
  if (replicates == 0 || stacked.size() % replicates != 0) {
    throw std::invalid_argument("replicate blocks of unequal size");
  }
  const std::size_t block = stacked.size() / replicates;
  std::vector<double> result(block);
  std::vector<double> column(replicates);
  for (std::size_t i = 0; i < block; ++i) {
    for (std::size_t r = 0; r < replicates; ++r) column[r] = stacked[r * block + i];
    if (statistic.percentile < 0) {
      // Summed in replicate order: the same sum whatever ran where.
      double sum = 0.0;
      for (double v : column) sum += v;
      result[i] = sum / static_cast<double>(replicates);
    } else {
      result[i] = percentile(column, statistic.percentile);
    }
  }
  return result;
}

}  // namespace kfsim::output
