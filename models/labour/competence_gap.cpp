#include "models/labour/competence_gap.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/labour/labour_measures.hpp"

namespace kfsim {

void split_by_requirement(std::int64_t n, std::span<const double> shares,
                          std::span<std::int64_t> out) {
  if (n <= 0) return;
  const std::size_t k = shares.size();
  std::vector<std::int64_t> whole(k);
  std::vector<double> remainder(k);
  std::int64_t given = 0;
  for (std::size_t c = 0; c < k; ++c) {
    const double quota = static_cast<double>(n) * shares[c];
    whole[c] = static_cast<std::int64_t>(std::floor(quota));
    remainder[c] = quota - static_cast<double>(whole[c]);
    given += whole[c];
  }
  std::vector<std::size_t> order(k);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  // Shares summing to slightly under 1 can leave more than k to give: cycle.
  for (std::size_t i = 0; given < n; ++i, ++given) ++whole[order[i % k]];
  // ... or slightly over 1, one too many: take from the smallest remainders.
  for (std::size_t i = k; given > n && i-- > 0;) {
    if (whole[order[i]] > 0) {
      --whole[order[i]];
      --given;
    }
  }
  for (std::size_t c = 0; c < k; ++c) out[c] += whole[c];
}

namespace {
// Primary 0; upper secondary, general or vocational, 1; fagskole 2; bachelor 3; master 4.
std::size_t rank_of(EducationLevel level) {
  const auto l = static_cast<std::size_t>(level);
  return l >= static_cast<std::size_t>(EducationLevel::UpperSecondaryVocational) ? l - 1 : l;
}
constexpr std::size_t kRanks = kEducationLevelCount - 1;
}  // namespace

std::vector<std::uint8_t> above_requirement(std::span<const double> asks,
                                            std::span<const float> fit,
                                            const std::vector<EducationLevel>& level) {
  const std::size_t n_comp = level.size();
  const std::size_t n_occ = n_comp > 0 ? asks.size() / n_comp : 0;
  std::vector<std::uint8_t> above(asks.size(), 0);
  for (std::size_t o = 0; o < n_occ; ++o) {
    std::vector<double> by_rank(kRanks, 0.0);
    for (std::size_t c = 0; c < n_comp; ++c) by_rank[rank_of(level[c])] += asks[o * n_comp + c];
    // The median: the lowest rank at which half the requirement is reached.
    std::size_t median = 0;
    double running = 0;
    for (std::size_t r = 0; r < kRanks; ++r) {
      running += by_rank[r];
      median = r;
      if (running >= 0.5) break;
    }
    for (std::size_t c = 0; c < n_comp; ++c) {
      const std::size_t k = o * n_comp + c;
      above[k] = fit[k] < kGoodFit && rank_of(level[c]) > median ? 1 : 0;
    }
  }
  return above;
}

std::vector<double> qualified_requirement(std::span<const double> asks, std::span<const float> fit,
                                          std::size_t competences) {
  std::vector<double> qualified(asks.begin(), asks.end());
  for (std::size_t start = 0; start + competences <= asks.size(); start += competences) {
    double total = 0;
    for (std::size_t k = start; k < start + competences; ++k) {
      if (fit[k] >= kGoodFit) total += asks[k];
    }
    if (total <= 0) continue;
    for (std::size_t k = start; k < start + competences; ++k) {
      qualified[k] = fit[k] >= kGoodFit ? asks[k] / total : 0.0;
    }
  }
  return qualified;
}

GapCounts::GapCounts(std::size_t competences)
    : filled(competences, 0),
      frictional(competences, 0),
      shortage(competences, 0),
      employed(competences, 0),
      unemployed(competences, 0),
      below(competences, 0) {}

GapParts decompose_gap(const GapCounts& g) {
  const std::size_t k = g.filled.size();
  GapParts parts;
  parts.total.resize(k);
  parts.shortage = g.shortage;
  parts.frictional = g.frictional;
  parts.surplus.resize(k);
  parts.upgrading.resize(k);
  for (std::size_t c = 0; c < k; ++c) {
    const std::int64_t demand = g.filled[c] + g.frictional[c] + g.shortage[c];
    const std::int64_t supply = g.employed[c] + g.unemployed[c];
    parts.total[c] = demand - supply;
    parts.surplus[c] = g.unemployed[c] + g.below[c];
    parts.upgrading[c] = g.filled[c] - g.employed[c] + g.below[c];
  }
  return parts;
}

int gap_rating(std::int64_t shortage, std::int64_t surplus, std::int64_t employed,
               double threshold) {
  const double relative = static_cast<double>(shortage - surplus) /
                          static_cast<double>(std::max<std::int64_t>(employed, 1));
  if (relative > threshold) return 1;
  if (relative < -threshold) return -1;
  return 0;
}

}  // namespace kfsim
