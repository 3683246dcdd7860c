#include "backprop/rng.hpp"

#include <cmath>

namespace bp {
namespace {

// splitmix-style 32-bit mixer to expand one seed into four decorrelated state words.
std::uint32_t mix(std::uint32_t& state) {
  std::uint32_t z = (state += 0x9E3779B9u);
  z = (z ^ (z >> 16)) * 0x85EBCA6Bu;
  z = (z ^ (z >> 13)) * 0xC2B2AE35u;
  return z ^ (z >> 16);
}

}  // namespace

Rng::Rng(std::uint32_t seed, std::uint32_t stream) {
  std::uint32_t state = seed ^ (stream * 0x632BE5ABu);
  for (auto& word : s_) word = mix(state);
  if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;  // xoshiro must not be all zero
}

double Rng::uniform() {
  // 53 random bits from two draws: exact in double on every platform.
  const std::uint64_t hi = next_u32() >> 5, lo = next_u32() >> 6;
  return static_cast<double>((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

double Rng::normal(double mean, double stddev) {
  const double u1 = 1.0 - uniform();  // (0, 1], so log is finite
  const double u2 = uniform();
  const double two_pi = 6.283185307179586;
  return mean + stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(two_pi * u2);
}

}  // namespace bp
