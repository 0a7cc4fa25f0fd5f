#pragma once
// Parallel loops whose results never depend on the thread count.
//
// Loops run over fixed blocks of `grain` items: the blocks are the same for 1
// or 64 threads, only who runs them changes. Reductions keep one partial per
// block and combine the partials in block order, so floating-point sums are
// bit-identical whatever the scheduling.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>

namespace kfsim {

inline constexpr std::size_t kDefaultGrain = 4096;

inline std::size_t block_count(std::size_t n, std::size_t grain) { return (n + grain - 1) / grain; }

// Calls body(begin, end) for each block of [0, n).
template <class Body>
void parallel_blocks(std::size_t n, std::size_t grain, const Body& body) {
  const std::size_t blocks = block_count(n, grain);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, blocks, 1),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t b = range.begin(); b != range.end(); ++b) {
          body(b * grain, std::min(n, (b + 1) * grain));
        }
      },
      tbb::simple_partitioner());
}

// Calls body(i) for each i in [0, n).
template <class Body>
void parallel_for_each_index(std::size_t n, const Body& body, std::size_t grain = kDefaultGrain) {
  parallel_blocks(n, grain, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) body(i);
  });
}

// Deterministic reduction: partial = block_body(begin, end, Partial&) per
// block, starting from `identity`; then combine(total, partial) in block order.
template <class Partial, class BlockBody, class Combine>
Partial deterministic_reduce(std::size_t n, std::size_t grain, const Partial& identity,
                             const BlockBody& block_body, const Combine& combine) {
  std::vector<Partial> partials(block_count(n, grain), identity);
  parallel_blocks(n, grain, [&](std::size_t begin, std::size_t end) {
    block_body(begin, end, partials[begin / grain]);
  });
  Partial total = identity;
  for (const auto& partial : partials) combine(total, partial);
  return total;
}

// The slots a parallel loop picked out, kept per block so that the blocks can
// fill them side by side and a serial pass can still visit them in slot order
// without looking at every slot again.
class BlockSlots {
 public:
  // Ready for a loop over [0, n) in blocks of `grain` (parallel_blocks).
  void reset(std::size_t n, std::size_t grain) {
    grain_ = grain;
    blocks_.resize(block_count(n, grain));
    for (auto& block : blocks_) block.clear();
  }
  // Called from the block that starts at `begin`, for slots in increasing order.
  void add(std::size_t begin, std::size_t slot) {
    blocks_[begin / grain_].push_back(static_cast<std::uint32_t>(slot));
  }
  // Calls visit(slot) for every slot added, in increasing order.
  template <class Visit>
  void for_each(const Visit& visit) const {
    for (const auto& block : blocks_) {
      for (const auto slot : block) visit(static_cast<std::size_t>(slot));
    }
  }

 private:
  std::size_t grain_ = 1;
  std::vector<std::vector<std::uint32_t>> blocks_;
};

// How many i in [0, n) fall in each of `bins` bins: bin_of(i) names the bin,
// or `bins` (or more) for none. Counted by blocks in parallel; the counts are
// whole numbers, so their sum is the same for any thread count.
template <class BinOf>
std::vector<std::int64_t> parallel_counts(std::size_t n, std::size_t bins, const BinOf& bin_of,
                                          std::size_t grain = 4 * kDefaultGrain) {
  return deterministic_reduce(
      n, grain, std::vector<std::int64_t>(bins, 0),
      [&](std::size_t begin, std::size_t end, std::vector<std::int64_t>& counts) {
        for (std::size_t i = begin; i < end; ++i) {
          const std::size_t bin = bin_of(i);
          if (bin < bins) ++counts[bin];
        }
      },
      [](std::vector<std::int64_t>& total, const std::vector<std::int64_t>& part) {
        for (std::size_t b = 0; b < total.size(); ++b) total[b] += part[b];
      });
}

}  // namespace kfsim
