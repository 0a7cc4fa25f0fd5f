// Batched Philox4x32-10 (draw_batch.hpp). The vector versions keep each 32-bit
// counter word in a 64-bit lane, so that one unsigned 32x32->64 multiply per
// lane (vpmuludq) gives both halves of a round's products. Which version runs is
// chosen once, at run time, from what the processor supports: one binary for
// every x86-64 machine.
#include "sim/rng/draw_batch.hpp"

#if defined(__x86_64__)
// GCC 12's AVX-512 headers start some intrinsics from an "undefined" vector,
// which its -Wmaybe-uninitialized reports inside the header (clang has no
// such warning).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <immintrin.h>
#endif

namespace kfsim::rng {

namespace {

struct Counter {
  std::uint32_t month_word;
  std::uint32_t stream_word;
};

Counter counter_words(Month month, Stream stream, std::uint32_t block) {
  return {static_cast<std::uint32_t>(month.index()),
          static_cast<std::uint32_t>(stream) << 24 | block};
}

void portable(const PhiloxKey& key, std::span<const std::int64_t> ids, std::size_t from,
              Counter counter, const std::array<std::uint32_t*, 4>& words) {
  for (std::size_t i = from; i < ids.size(); ++i) {
    const auto id = static_cast<std::uint64_t>(ids[i]);
    const PhiloxCounter block =
        philox4x32_10({static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(id >> 32),
                       counter.month_word, counter.stream_word},
                      key);
    for (std::size_t w = 0; w < 4; ++w) words[w][i] = block[w];
  }
}

#if defined(__x86_64__)

__attribute__((target("avx2"))) std::size_t avx2(const PhiloxKey& key,
                                                 std::span<const std::int64_t> ids, Counter counter,
                                                 const std::array<std::uint32_t*, 4>& words) {
  const __m256i low = _mm256_set1_epi64x(0xffffffffLL);
  const __m256i m0 = _mm256_set1_epi64x(detail::kPhiloxM0);
  const __m256i m1 = _mm256_set1_epi64x(detail::kPhiloxM1);
  // Picks the low 32 bits of each 64-bit lane into the lower 128 bits.
  const __m256i pick = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
  std::size_t i = 0;
  for (; i + 4 <= ids.size(); i += 4) {
    const __m256i id = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ids.data() + i));
    __m256i c0 = _mm256_and_si256(id, low);
    __m256i c1 = _mm256_srli_epi64(id, 32);
    __m256i c2 = _mm256_set1_epi64x(counter.month_word);
    __m256i c3 = _mm256_set1_epi64x(counter.stream_word);
    std::uint32_t k0 = key[0];
    std::uint32_t k1 = key[1];
    for (int round = 0; round < 10; ++round) {
      if (round > 0) {
        k0 += detail::kPhiloxW0;
        k1 += detail::kPhiloxW1;
      }
      const __m256i p0 = _mm256_mul_epu32(c0, m0);
      const __m256i p1 = _mm256_mul_epu32(c2, m1);
      c0 =
          _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p1, 32), c1), _mm256_set1_epi64x(k0));
      c1 = _mm256_and_si256(p1, low);
      c2 =
          _mm256_xor_si256(_mm256_xor_si256(_mm256_srli_epi64(p0, 32), c3), _mm256_set1_epi64x(k1));
      c3 = _mm256_and_si256(p0, low);
    }
    // (Written out: a lambda would not inherit the function's target.)
    _mm_storeu_si128(reinterpret_cast<__m128i*>(words[0] + i),
                     _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(c0, pick)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(words[1] + i),
                     _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(c1, pick)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(words[2] + i),
                     _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(c2, pick)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(words[3] + i),
                     _mm256_castsi256_si128(_mm256_permutevar8x32_epi32(c3, pick)));
  }
  return i;
}

__attribute__((target("avx512f"))) std::size_t avx512(const PhiloxKey& key,
                                                      std::span<const std::int64_t> ids,
                                                      Counter counter,
                                                      const std::array<std::uint32_t*, 4>& words) {
  const __m512i low = _mm512_set1_epi64(0xffffffffLL);
  const __m512i m0 = _mm512_set1_epi64(detail::kPhiloxM0);
  const __m512i m1 = _mm512_set1_epi64(detail::kPhiloxM1);
  std::size_t i = 0;
  for (; i + 8 <= ids.size(); i += 8) {
    const __m512i id = _mm512_loadu_si512(ids.data() + i);
    __m512i c0 = _mm512_and_si512(id, low);
    __m512i c1 = _mm512_srli_epi64(id, 32);
    __m512i c2 = _mm512_set1_epi64(counter.month_word);
    __m512i c3 = _mm512_set1_epi64(counter.stream_word);
    std::uint32_t k0 = key[0];
    std::uint32_t k1 = key[1];
    for (int round = 0; round < 10; ++round) {
      if (round > 0) {
        k0 += detail::kPhiloxW0;
        k1 += detail::kPhiloxW1;
      }
      const __m512i p0 = _mm512_mul_epu32(c0, m0);
      const __m512i p1 = _mm512_mul_epu32(c2, m1);
      c0 = _mm512_xor_si512(_mm512_xor_si512(_mm512_srli_epi64(p1, 32), c1), _mm512_set1_epi64(k0));
      c1 = _mm512_and_si512(p1, low);
      c2 = _mm512_xor_si512(_mm512_xor_si512(_mm512_srli_epi64(p0, 32), c3), _mm512_set1_epi64(k1));
      c3 = _mm512_and_si512(p0, low);
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(words[0] + i), _mm512_cvtepi64_epi32(c0));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(words[1] + i), _mm512_cvtepi64_epi32(c1));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(words[2] + i), _mm512_cvtepi64_epi32(c2));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(words[3] + i), _mm512_cvtepi64_epi32(c3));
  }
  return i;
}

BatchImplementation detect() {
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return BatchImplementation::Avx512;
  if (__builtin_cpu_supports("avx2")) return BatchImplementation::Avx2;
  return BatchImplementation::Portable;
}

#endif

}  // namespace

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

BatchImplementation best_batch_implementation() {
#if defined(__x86_64__)
  static const BatchImplementation best = detect();
  return best;
#else
  return BatchImplementation::Portable;
#endif
}

const char* batch_implementation_name(BatchImplementation implementation) {
  switch (implementation) {
    case BatchImplementation::Avx512:
      return "avx512";
    case BatchImplementation::Avx2:
      return "avx2";
    case BatchImplementation::Portable:
      break;
  }
  return "portable";
}

void philox_words(const RngKey& key, std::span<const std::int64_t> ids, Month month, Stream stream,
                  std::uint32_t block, const std::array<std::uint32_t*, 4>& words,
                  BatchImplementation implementation) {
  const Counter counter = counter_words(month, stream, block);
  std::size_t done = 0;
#if defined(__x86_64__)
  // A version beyond what the processor supports would fault: never used.
  const BatchImplementation best = best_batch_implementation();
  if (implementation == BatchImplementation::Avx512 && best == BatchImplementation::Avx512) {
    done = avx512(key.philox_key(), ids, counter, words);
  } else if (implementation != BatchImplementation::Portable &&
             best != BatchImplementation::Portable) {
    done = avx2(key.philox_key(), ids, counter, words);
  }
#else
  (void)implementation;
#endif
  // The remainder (and everything on other processors).
  portable(key.philox_key(), ids, done, counter, words);
}

}  // namespace kfsim::rng
