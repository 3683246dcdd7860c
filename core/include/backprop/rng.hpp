// Deterministic random numbers: xoshiro128** seeded through splitmix32-style mixing.
// Only integer arithmetic and correctly rounded sqrt/log/cos on doubles (then rounded to Scalar),
// so native and wasm builds draw the same numbers from the same seed. Not for cryptography.
#pragma once
#include <cstdint>

namespace bp {

class Rng {
 public:
  explicit Rng(std::uint32_t seed = 1, std::uint32_t stream = 0);
  std::uint32_t next_u32();
  double uniform();                                       // [0, 1)
  double uniform(double lo, double hi);                   // [lo, hi)
  double normal(double mean = 0.0, double stddev = 1.0);  // Box-Muller
  std::uint32_t below(std::uint32_t n);                   // uniform integer in [0, n), n > 0

  template <class Vec>
  void shuffle(Vec& v) {  // Fisher-Yates
    for (auto i = static_cast<std::uint32_t>(v.size()); i > 1; --i) {
      auto j = below(i);
      auto tmp = v[i - 1];
      v[i - 1] = v[j];
      v[j] = tmp;
    }
  }

 private:
  std::uint32_t s_[4];
};

}  // namespace bp
