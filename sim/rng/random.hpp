#pragma once
// Keyed random draws. The key comes from (seed, replicate); the counter from
// (entity id, month, stream, draw index). A Draws object hands out the four
// 32-bit words of one Philox block at a time, as uniforms in [0, 1).
#include <cstddef>
#include <cstdint>

#include "sim/rng/philox.hpp"
#include "sim/rng/stream.hpp"
#include "sim/time/month.hpp"

namespace kfsim::rng {

// SplitMix64 finaliser (Steele, Lea and Flood 2014): mixes seed and replicate
// into a key so that nearby seeds give unrelated keys.
constexpr std::uint64_t mix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

class RngKey {
 public:
  constexpr RngKey(std::uint64_t seed, std::uint32_t replicate) {
    const std::uint64_t mixed = mix64(mix64(seed) ^ (std::uint64_t{replicate} << 1 | 1u));
    key_ = {static_cast<std::uint32_t>(mixed), static_cast<std::uint32_t>(mixed >> 32)};
  }
  constexpr const PhiloxKey& philox_key() const { return key_; }

 private:
  PhiloxKey key_{};
};

// 2^-32: turns a 32-bit word into a uniform in [0, 1) with 32 bits of resolution,
// enough for monthly event probabilities (smallest ~1e-6).
inline constexpr double kTwoToMinus32 = 1.0 / 4294967296.0;

// The draws of one entity in one month on one stream. Counter layout:
//   word 0: entity id, low 32 bits     word 1: entity id, high 32 bits
//   word 2: month index                word 3: stream (8 bits) << 24 | block index (24 bits)
class Draws {
 public:
  constexpr Draws(const RngKey& key, std::uint64_t entity_id, Month month, Stream stream)
      : key_(key.philox_key()),
        counter_{static_cast<std::uint32_t>(entity_id), static_cast<std::uint32_t>(entity_id >> 32),
                 static_cast<std::uint32_t>(month.index()),
                 static_cast<std::uint32_t>(stream) << 24} {}

  // The next 32-bit word; blocks are generated as needed.
  constexpr std::uint32_t next_u32() {
    if (lane_ == 4) refill();
    return block_[lane_++];
  }
  // Uniform in [0, 1).
  constexpr double uniform() { return next_u32() * kTwoToMinus32; }
  // True with probability p.
  constexpr bool bernoulli(double p) { return uniform() < p; }
  // Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias < n / 2^32).
  constexpr std::uint32_t below(std::uint32_t n) {
    return static_cast<std::uint32_t>((std::uint64_t{next_u32()} * n) >> 32);
  }

 private:
  constexpr void refill() {
    block_ = philox4x32_10(counter_, key_);
    ++counter_[3];  // next block index; 2^24 blocks per (entity, month, stream)
    lane_ = 0;
  }
  PhiloxKey key_;
  PhiloxCounter counter_;
  PhiloxCounter block_{};
  std::size_t lane_ = 4;
};

}  // namespace kfsim::rng
