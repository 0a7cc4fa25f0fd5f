#pragma once
// Summaries across replicates: for every measure X(replicate, ...) a result file also holds
// X_mean, X_p05, X_p50 and X_p95 over the other dimensions, so that a reader who wants the
// central estimate and a 90 % band need not know how many replicates there were.
#include <span>
#include <string>
#include <vector>

namespace kfsim::output {

struct ReplicateStatistic {
  std::string suffix;        // appended to the measure's name: "_mean", "_p05", ...
  std::string cell_methods;  // CF cell_methods term for the replicate dimension
  std::string description;   // appended to the long name
  double percentile;         // 0..100; negative for the mean
};

// mean, 5th, 50th and 95th percentile, in the order they are written.
const std::vector<ReplicateStatistic>& replicate_statistics();

// The q-th percentile (0..100) of the values, by linear interpolation between the order
// statistics (the method numpy, R (type 7) and Excel's PERCENTILE.INC use), so that readers can
// reproduce it. The values are sorted in place. Throws std::invalid_argument when empty.
double percentile(std::span<double> values, double q);

// The statistic over replicates of a row-major stack of `replicates` equal blocks of
// `block` values: result[i] = statistic of {stacked[r * block + i] : r}.
std::vector<double> summarise_replicates(std::span<const double> stacked, std::size_t replicates,
                                         const ReplicateStatistic& statistic);

}  // namespace kfsim::output
