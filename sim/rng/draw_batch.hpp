#pragma once
// The draws of many entities at once. A Draws object computes one Philox block
// at a time, inside the branchy event logic, where the compiler cannot
// vectorise it. For a process where every entity of a range draws the same
// blocks, the blocks are computed here first, eight or sixteen entities per
// instruction, and the event logic then reads the words. The words are those
// Draws gives, bit for bit: the counter layout (random.hpp) is the same.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/rng/random.hpp"

namespace kfsim::rng {

// How the blocks are computed: every version gives the same words.
enum class BatchImplementation { Portable, Avx2, Avx512 };

// The fastest version this processor supports (checked once, at run time).
BatchImplementation best_batch_implementation();
const char* batch_implementation_name(BatchImplementation implementation);

// The words of block `block` (0 for the first four words Draws hands out, 1 for
// the next four) of each entity's draws: words[w][i] is word w for ids[i].
// Each words[w] holds at least ids.size() elements. A version the processor
// lacks is not used: the portable one runs instead.
void philox_words(const RngKey& key, std::span<const std::int64_t> ids, Month month, Stream stream,
                  std::uint32_t block, const std::array<std::uint32_t*, 4>& words,
                  BatchImplementation implementation = best_batch_implementation());

// The uniform in [0, 1) of a word, as Draws::uniform() makes it.
constexpr double uniform_of(std::uint32_t word) { return word * kTwoToMinus32; }

// The first `blocks` blocks (4 words each) of the draws of each entity of a
// range, computed together: word(i, k) is the k-th word Draws would hand out
// to ids[i].
class BatchedDraws {
 public:
  BatchedDraws(const RngKey& key, std::span<const std::int64_t> ids, Month month, Stream stream,
               std::uint32_t blocks)
      : size_(ids.size()), words_(4 * blocks * ids.size()) {
    for (std::uint32_t b = 0; b < blocks; ++b) {
      std::uint32_t* first = words_.data() + 4 * b * size_;
      philox_words(key, ids, month, stream, b,
                   {first, first + size_, first + 2 * size_, first + 3 * size_});
    }
  }
  std::uint32_t word(std::size_t i, std::size_t k) const { return words_[k * size_ + i]; }
  // The k-th words of every entity, [0, ids.size()): for loops that keep the
  // pointer in a local of their own.
  const std::uint32_t* words(std::size_t k) const { return words_.data() + k * size_; }
  double uniform(std::size_t i, std::size_t k) const { return uniform_of(word(i, k)); }

 private:
  std::size_t size_;
  std::vector<std::uint32_t> words_;
};

}  // namespace kfsim::rng
