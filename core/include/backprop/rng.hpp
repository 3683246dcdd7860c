// Deterministic random numbers: xoshiro128** seeded through splitmix32-style mixing.
// Only integer arithmetic and correctly rounded sqrt/log/cos on doubles (then rounded to Scalar),
// so native and wasm builds draw the same numbers from the same seed. Not for cryptography.
#pragma once
#include <cstdint>

namespace bp {

class Rng {
 public:
  explicit Rng(std::uint32_t seed = 1, std::uint32_t stream = 0);
  std::uint32_t next_u32() {
    const std::uint32_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint32_t t = s_[1] << 9;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 11);
    return result;
  }
  double uniform();                                       // [0, 1)
  double uniform(double lo, double hi);                   // [lo, hi)
  double normal(double mean = 0.0, double stddev = 1.0);  // Box-Muller
  std::uint32_t below(std::uint32_t n) {                  // uniform integer in [0, n), n > 0
    // Lemire's multiply-shift with rejection: unbiased.
    std::uint64_t m = static_cast<std::uint64_t>(next_u32()) * n;
    auto low = static_cast<std::uint32_t>(m);
    if (low < n) {
      const std::uint32_t threshold = (0u - n) % n;
      while (low < threshold) {
        m = static_cast<std::uint64_t>(next_u32()) * n;
        low = static_cast<std::uint32_t>(m);
      }
    }
    return static_cast<std::uint32_t>(m >> 32);
  }

  template <class Vec>
  void shuffle(Vec& v) {  // Fisher-Yates
    // On a local copy of the state, which stays in registers: through `this`, every draw stored the
    // four words and the next loaded them back (the trainer's per-epoch shuffle was a tenth of the
    // default network's training time).
    Rng local = *this;
    for (auto i = static_cast<std::uint32_t>(v.size()); i > 1; --i) {
      auto j = local.below(i);
      auto tmp = v[i - 1];
      v[i - 1] = v[j];
      v[j] = tmp;
    }
    *this = local;
  }

 private:
  static std::uint32_t rotl(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
  std::uint32_t s_[4];
};

}  // namespace bp
