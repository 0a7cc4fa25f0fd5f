#include "output/chunking.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

namespace kfsim::output {

namespace {

std::size_t bytes_of(const std::vector<std::size_t>& extent, std::size_t first,
                     std::size_t element_size) {
  return std::accumulate(extent.begin() + static_cast<std::ptrdiff_t>(first), extent.end(),
                         element_size, std::multiplies<>());
}

}  // namespace

std::vector<std::size_t> choose_chunks(const std::vector<std::size_t>& shape,
                                       std::size_t element_size) {
  if (shape.empty() || bytes_of(shape, 0, element_size) <= kContiguousLimitBytes) return {};
  std::vector<std::size_t> chunks = shape;
  for (std::size_t d = 0;
       d < chunks.size() && bytes_of(chunks, d, element_size) > kTargetChunkBytes; ++d) {
    const std::size_t rest = bytes_of(chunks, d + 1, element_size);
    chunks[d] = std::max<std::size_t>(1, kTargetChunkBytes / rest);
  }
  return chunks;
}

}  // namespace kfsim::output
