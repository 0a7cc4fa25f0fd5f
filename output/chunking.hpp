#pragma once
// How a dataset is laid out in the file: small ones contiguous, larger ones in compressed chunks
// that split the leading (slowest-varying) dimensions first, so that one time step or one
// replicate of a result is read from few chunks.
#include <cstddef>
#include <vector>

namespace kfsim::output {

// Datasets of at most this many bytes are stored contiguously: chunk indexing and compression
// cost more than they save below it.
inline constexpr std::size_t kContiguousLimitBytes = 4 * 1024;
// The largest chunk chosen: several fit HDF5's default 1 MiB chunk cache.
inline constexpr std::size_t kTargetChunkBytes = 256 * 1024;
inline constexpr unsigned kDeflateLevel = 4;

// The chunk extent for a dataset of `shape` with elements of `element_size` bytes, or an empty
// vector when it is to be contiguous (small, scalar, or of zero size).
std::vector<std::size_t> choose_chunks(const std::vector<std::size_t>& shape,
                                       std::size_t element_size);

}  // namespace kfsim::output
