// Runs a function of one SIMD packet (four floats on SSE and WASM SIMD) over every entry of
// blocks: for_each(z, each, out...) sets out_k(r, c) = each(packet of z(r, c))[k]. For the core's
// own float kernels (GELU and its slope, the slopes of sigmoid and tanh, tanh with its slope),
// some of which compute several results from one exp.
// A block stored as one run (whole columns of its matrix, a single column, or the same by rows) is
// walked flat, four entries at a time whatever its shape: a layer of 2 units and a batch of 10 is
// 5 packets, not 10 padded ones. The entries left over go in a last packet that overlaps the one
// before, or, in place or in a run shorter than a packet, through a padded buffer, so every entry
// takes the same SIMD code and gets the same value wherever it sits, native and wasm alike
// (Eigen's own loops do such tails one scalar at a time with the C library's exp, which glibc and
// musl round apart).
#pragma once
#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>

#include "backprop/scalar.hpp"

namespace bp::lanes {

using Packet = Eigen::internal::packet_traits<float>::type;
constexpr int kWidth = Eigen::internal::packet_traits<float>::size;

template <class M>
constexpr bool kDirect = bool(M::Flags& Eigen::DirectAccessBit);

// True when m's entries lie in one run in memory (whole columns, or rows, back to back, as the
// workspace's blocks of the first B columns are): an elementwise operation over blocks of the
// same shape and storage order can then walk their data() flat.
template <class M>
bool one_run(const Eigen::DenseBase<M>& m) {
  if constexpr (kDirect<M>) {
    const M& d = m.derived();
    return d.innerStride() == 1 && (d.outerSize() == 1 || d.outerStride() == d.innerSize());
  } else {
    return false;
  }
}

// each(Packet) returns std::array<Packet, sizeof...(Out)>; z and every out have the same shape.
template <class Z, class Each, class... Out>
void for_each(const Z& z, Each each, Out&... out) {
  using namespace Eigen::internal;
  constexpr std::size_t N = sizeof...(Out);
  alignas(kWidth * sizeof(float)) float zs[kWidth];
  alignas(kWidth * sizeof(float)) float rs[N][kWidth];
  // n < kWidth entries through the buffer: load(i) reads entry i, store(k, i, v) writes output k's.
  const auto padded = [&](int n, const auto& load, const auto& store) {
    for (int i = 0; i < kWidth; ++i) zs[i] = i < n ? load(i) : 0.f;
    const auto res = each(pload<Packet>(zs));
    for (std::size_t k = 0; k < N; ++k) pstore(rs[k], res[k]);
    for (std::size_t k = 0; k < N; ++k)
      for (int i = 0; i < n; ++i) store(k, i, rs[k][i]);
  };
  // n entries in a row in memory, from zp and to each op[k].
  const auto run = [&](const float* zp, float* const* op, Index n) {
    const auto packet_at = [&](Index i) {
      const auto res = each(ploadu<Packet>(zp + i));
      for (std::size_t k = 0; k < N; ++k) pstoreu(op[k] + i, res[k]);
    };
    Index i = 0;
    for (; i + kWidth <= n; i += kWidth) packet_at(i);
    if (i == n) return;
    // The rest as the run's last packet, overlapping the one before, when the outputs do not
    // overlap z (recomputing an entry then gives the same value): cheaper than the buffer's path.
    const std::less_equal<const float*> at_or_before;  // a total order, also across arrays
    bool apart = n >= kWidth;
    for (std::size_t k = 0; k < N; ++k) apart = apart && (at_or_before(op[k] + n, zp) || at_or_before(zp + n, op[k]));
    if (apart)
      packet_at(n - kWidth);
    else
      padded(
          int(n - i), [&](int j) { return zp[i + j]; }, [&](std::size_t k, int j, float v) { op[k][i + j] = v; });
  };
  if constexpr (kDirect<Z> && ((kDirect<Out> && bool(Out::IsRowMajor) == bool(Z::IsRowMajor)) && ...)) {
    if (one_run(z) && (one_run(out) && ...)) {
      float* const op[] = {out.data()...};
      return run(z.data(), op, z.size());
    }
    const auto unit_stride = [](const auto& m) { return m.innerStride() == 1; };
    if (unit_stride(z) && (unit_stride(out) && ...)) {  // a run per column (or row)
      for (Index o = 0; o < z.outerSize(); ++o) {
        float* const op[] = {(out.data() + o * out.outerStride())...};
        run(z.data() + o * z.outerStride(), op, z.innerSize());
      }
      return;
    }
  }
  for (Index c = 0; c < z.cols(); ++c)
    for (Index r0 = 0; r0 < z.rows(); r0 += kWidth) {
      const int n = int(std::min<Index>(kWidth, z.rows() - r0));
      padded(
          n, [&](int j) { return float(z.coeff(r0 + j, c)); },
          [&](std::size_t k, int j, float v) {
            std::size_t at = 0;
            ((at++ == k ? void(out.coeffRef(r0 + j, c) = v) : void()), ...);
          });
    }
}

}  // namespace bp::lanes
