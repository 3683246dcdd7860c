// The standard normal CDF Phi(z) and density phi(z), for GELU (z Phi(z)) and its slope
// (Phi(z) + z phi(z)). In float, a SIMD kernel of four lanes (SSE, WASM SIMD) in which one exp
// serves both; std::erfc, one value at a time, made GELU the dearest activation by far.
//   Phi(-y) = e^{-y^2/2} R(y) for y = |z|, and Phi(z) = 1 - Phi(-z) for z > 0 (no cancellation:
// Phi(-z) < 1/2 there). R(y) = erfcx(y / sqrt 2) / 2 is a rational function of degree 4 / 5,
// fitted to a relative error of 5e-9 on [0, 13.3] by core/tools/fit_normal_tail.cpp; its
// coefficients are all positive, so Horner's rule does not cancel. e^{-y^2/2} takes y^2 split
// exactly (Dekker): y^2 / 2 rounded would cost about y^2 / 2 ulps, 2.4e-6 relative at y = 9.
// Below z = -13.5, Phi is under float's smallest normal number: it is 0 there.
// In double (the test build), std::erfc, which keeps double's precision but for the rounding of
// z / sqrt 2, which costs about z^2 / 2 ulps in the tail.
#pragma once
#include <array>
#include <cmath>
#include <iterator>
#include <type_traits>

#include "backprop/lanes.hpp"
#include "backprop/scalar.hpp"

namespace bp {

inline Scalar normal_cdf(Scalar z) { return Scalar(0.5) * std::erfc(-z * Scalar(0.70710678118654752440)); }
inline Scalar normal_pdf(Scalar z) { return Scalar(0.39894228040143267794) * std::exp(Scalar(-0.5) * z * z); }

namespace normal_detail {
using lanes::Packet;

// Phi(z) per lane, and phi(z) in pdf.
inline Packet cdf(const Packet& z, Packet& pdf) {
  using namespace Eigen::internal;
  const Packet y = pmin(pabs(z), pset1<Packet>(13.5f));  // no inf / inf beyond; Phi(-13.5) is 0 below
  // y = hi + lo with hi's 12 leading bits, so hi^2 is exact: y^2/2 = hi^2/2 + lo (y + hi)/2.
  const Packet split = pmul(y, pset1<Packet>(4097.f));
  const Packet hi = psub(split, psub(split, y)), lo = psub(y, hi);
  const Packet half_hi2 = pmul(pmul(hi, hi), pset1<Packet>(0.5f));
  const Packet rest = pmul(pmul(lo, padd(y, hi)), pset1<Packet>(0.5f));  // |rest| < 0.05
  // e^{-rest} to the fourth power of rest (the next term is below 3e-9).
  Packet tail = padd(pset1<Packet>(1.f), pmul(pnegate(rest), pset1<Packet>(0.25f)));
  tail = padd(pset1<Packet>(1.f), pmul(pmul(pnegate(rest), pset1<Packet>(1.f / 3)), tail));
  tail = padd(pset1<Packet>(1.f), pmul(pmul(pnegate(rest), pset1<Packet>(0.5f)), tail));
  tail = padd(pset1<Packet>(1.f), pmul(pnegate(rest), tail));
  // e^{-y^2/2}, 0 where Phi(-y) would be subnormal (exp's own result there is not).
  const Packet gauss = pselect(pcmp_lt(y, pset1<Packet>(13.5f)), pmul(pexp(pnegate(half_hi2)), tail), pzero(y));
  // R(y) = P(y) / Q(y), coefficients from the constant term up.
  constexpr float kP[] = {5.000000024851e-01f, 4.356872776295e-01f, 1.813074745473e-01f, 3.998441489040e-02f,
                          4.020226857002e-03f};
  constexpr float kQ[] = {
      1.f, 1.669259474322e+00f, 1.194487175062e+00f, 4.643822234693e-01f, 1.002334458060e-01f, 1.007707110141e-02f};
  const auto horner = [&y](const auto& coefficients) {
    const int last = int(std::size(coefficients)) - 1;
    Packet r = pset1<Packet>(coefficients[last]);
    for (int k = last - 1; k >= 0; --k) r = padd(pmul(r, y), pset1<Packet>(coefficients[k]));
    return r;
  };
  const Packet p = horner(kP), q = horner(kQ);
  const Packet lower = pmul(gauss, pdiv(p, q));  // Phi(-|z|)
  const Packet cdf = pselect(pcmp_lt(pzero(z), z), psub(pset1<Packet>(1.f), lower), lower);
  pdf = pmul(gauss, pset1<Packet>(0.39894228040143267794f));
  return pselect(pcmp_eq(z, z), cdf, z);  // NaN stays NaN
}

}  // namespace normal_detail

// a = z Phi(z), GELU.
template <class Z, class A>
void gelu(const Z& z, A& a) {
  if constexpr (std::is_same_v<Scalar, float>) {
    lanes::for_each(
        z,
        [](const lanes::Packet& zp) {
          lanes::Packet pdf;
          return std::array{Eigen::internal::pmul(zp, normal_detail::cdf(zp, pdf))};
        },
        a);
  } else {
    a = z * z.unaryExpr([](Scalar v) { return normal_cdf(v); });
  }
}

// g = Phi(z) + z phi(z), GELU's slope.
template <class Z, class G>
void gelu_grad(const Z& z, G& g) {
  if constexpr (std::is_same_v<Scalar, float>) {
    lanes::for_each(
        z,
        [](const lanes::Packet& zp) {
          lanes::Packet pdf;
          const lanes::Packet phi_cdf = normal_detail::cdf(zp, pdf);
          return std::array{Eigen::internal::padd(phi_cdf, Eigen::internal::pmul(zp, pdf))};
        },
        g);
  } else {
    g = z.unaryExpr([](Scalar v) { return normal_cdf(v) + v * normal_pdf(v); });
  }
}

}  // namespace bp
