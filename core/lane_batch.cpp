#include "backprop/lane_batch.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace bp {

bool lane_batch_applies(const Network& net, Loss loss, bool dropout) {
  if constexpr (!std::is_same_v<Scalar, float> || lanes::kWidth != 4) return false;
  if (dropout || loss != Loss::SquaredError || net.size(0) > kLaneBatchMaxInputs) return false;
  for (int l = 1; l <= net.layer_count(); ++l)
    if (net.size(l) > kLaneBatchMaxUnits) return false;
  // Of the hidden activations, these exclude PReLU's slopes and maxout's pieces too.
  const auto takes = [](Activation f) {
    return f == Activation::Tanh || f == Activation::Relu || f == Activation::LeakyRelu || f == Activation::Linear;
  };
  return takes(net.activation(net.layer_count() - 1)) && (net.layer_count() == 1 || takes(net.activation(0)));
}

#ifndef BACKPROP_DOUBLE
// The layout: a layer's values are (units x B) with each unit's B values in a row, the rows back
// to back (row j from j * B), so a layer of 4 units and a batch of 10 is 40 numbers, 10 packets,
// whatever B is. A packet from lane e of row j may run past the row's end into the next row, or
// past the last row into kLanes numbers of slack: a kernel writes such a packet in row order, so
// the next row's own packet overwrites the spill, and reads there only what it then discards.
// Every number in the buffers is a value the batch or an earlier one computed (or 0): finite
// whenever the network's values are.
namespace {
using lanes::Packet;
constexpr int kLanes = lanes::kWidth;

// Calls f(std::integral_constant<int, P>(), e) for runs of P packets from lane e, P = 4 and then
// the 1 to 3 that cover the rest of n lanes: P independent sums at once, rather than one chain of
// dependent additions at a time, and each broadcast weight serves all P.
template <class F>
void by_packet_runs(Index n, F&& f) {
  Index e = 0, packets = (n + kLanes - 1) / kLanes;
  for (; packets >= 4; packets -= 4, e += 4 * kLanes) f(std::integral_constant<int, 4>(), e);
  switch (packets) {
    case 1: return f(std::integral_constant<int, 1>(), e);
    case 2: return f(std::integral_constant<int, 2>(), e);
    case 3: return f(std::integral_constant<int, 3>(), e);
    default: return;
  }
}

// y_p = sum_k coefficient(k) v_k for the P packets from lane e of rows k < n of v (rows B apart),
// the sum in order from k = 0.
template <int P, class Coefficient>
void packet_sums(Coefficient coefficient, int n, const Scalar* v, Index B, Index e, Packet (&y)[P]) {
  using namespace Eigen::internal;
  Packet c = pset1<Packet>(coefficient(0));
  for (int p = 0; p < P; ++p) y[p] = pmul(c, ploadu<Packet>(v + e + p * kLanes));
  for (int k = 1; k < n; ++k) {
    c = pset1<Packet>(coefficient(k));
    for (int p = 0; p < P; ++p) y[p] = padd(y[p], pmul(c, ploadu<Packet>(v + k * B + e + p * kLanes)));
  }
}

// z = W x + b for the layer's `out` units: z_j = W(j,0) x_0 + ... + W(j,in-1) x_{in-1} + b_j, in
// that order, as forward()'s kernel sums.
void linear_layer(const Scalar* W, const Scalar* b, int out, int in, const Scalar* x, Index B, Scalar* z) {
  using namespace Eigen::internal;
  for (int j = 0; j < out; ++j)
    by_packet_runs(B, [&](auto run, Index e) {
      constexpr int P = decltype(run)::value;
      Packet y[P];
      packet_sums<P>([&](int k) { return W[k * out + j]; }, in, x, B, e, y);
      const Packet bias = pset1<Packet>(b[j]);
      for (int p = 0; p < P; ++p) pstoreu(z + j * B + e + p * kLanes, padd(y[p], bias));
    });
}

// a = f(z) and g = f'(z) over the n entries of a layer, by the operations forward() applies to
// each entry: tanh and its slope as in activate_with_grad, ReLU as the product's kernel has it
// (max(z, 0) with z first, which keeps a NaN), leaky ReLU and linear as activate() and
// activate_grad(). One pass over the layer's run of numbers after its products: ceil(n / 4)
// packets, however the run divides into units.
template <class Each>
void each_packet(const Scalar* z, Index n, Scalar* a, Scalar* g, Each each) {
  using namespace Eigen::internal;
  for (Index i = 0; i < n; i += kLanes) {
    Packet av, gv;
    each(ploadu<Packet>(z + i), av, gv);
    pstoreu(a + i, av);
    pstoreu(g + i, gv);
  }
}

__attribute__((noinline)) void activate_layer(Activation f, Scalar leaky, const Scalar* z, Index n, Scalar* a,
                                              Scalar* g) {
  using namespace Eigen::internal;
  const Packet one = pset1<Packet>(1.f);
  switch (f) {
    case Activation::Tanh:
      return each_packet(z, n, a, g, [](const Packet& v, Packet& av, Packet& gv) {
        av = ptanh(v);
        gv = bell_detail::bell(v, 2.f, 4.f);
      });
    case Activation::Relu:
      return each_packet(z, n, a, g, [one](const Packet& v, Packet& av, Packet& gv) {
        av = pmax(v, pzero(v));
        gv = pand(pcmp_lt(pzero(v), v), one);
      });
    case Activation::LeakyRelu: {
      const Packet slope = pset1<Packet>(leaky);
      return each_packet(z, n, a, g, [one, slope](const Packet& v, Packet& av, Packet& gv) {
        const Packet positive = pcmp_lt(pzero(v), v);
        av = pselect(positive, v, pmul(slope, v));
        gv = pselect(positive, one, slope);
      });
    }
    default:  // linear
      return each_packet(z, n, a, g, [one](const Packet& v, Packet& av, Packet& gv) {
        av = v;
        gv = one;
      });
  }
}

// delta_l = (W_{l+1}^T delta_{l+1}) * f'(z_l), the sum over the units above in order, as backward().
// W is (next x out), column-major.
void back_layer(const Scalar* W, int next, int out, const Scalar* delta_next, const Scalar* g, Index B, Scalar* delta) {
  using namespace Eigen::internal;
  for (int i = 0; i < out; ++i)
    by_packet_runs(B, [&](auto run, Index e) {
      constexpr int P = decltype(run)::value;
      Packet y[P];
      const Scalar* w = W + i * next;  // W(:, i): unit i's weights into each unit above
      packet_sums<P>([w](int k) { return w[k]; }, next, delta_next, B, e, y);
      for (int p = 0; p < P; ++p) {
        const Index at = i * B + e + p * kLanes;
        pstoreu(delta + at, pmul(y[p], ploadu<Packet>(g + at)));
      }
    });
}

// dW(r, k) = s * sum_e delta(r, e) x(k, e) and db(r) = s * sum_e delta(r, e) over the batch's B
// examples in turn, as backward()'s outer_sum adds them, four units at a time: each tile of four
// units by four examples is transposed in registers into `units` (a packet per example, its four
// units), then the sums run over the examples with In + 1 of them in registers.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"  // __m128 as a template argument, as in Eigen itself
#endif
template <int In>
__attribute__((noinline)) void weight_gradients(const Scalar* delta, const Scalar* x, int out, Index B, Scalar s,
                                                Scalar* units, Scalar* dW, Scalar* db) {
  using namespace Eigen::internal;
  const auto unit = [units](Index e) { return pload<Packet>(units + e * kLanes); };
  for (int r = 0; r < out; r += kLanes) {
    const int rows = std::min(kLanes, out - r);
    for (Index e0 = 0; e0 < B; e0 += kLanes) {
      PacketBlock<Packet, kLanes> tile;
      for (int c = 0; c < kLanes; ++c)  // rows past the layer repeat its last unit: read, never stored
        tile.packet[c] = ploadu<Packet>(delta + (r + std::min(c, rows - 1)) * B + e0);
      ptranspose(tile);
      for (int c = 0; c < kLanes; ++c) pstore(units + (e0 + c) * kLanes, tile.packet[c]);
    }
    Packet sum[In + 1];  // one per input, then the bias
    for (int k = 0; k < In; ++k) sum[k] = pmul(unit(0), pset1<Packet>(x[k * B]));
    sum[In] = unit(0);
    for (Index e = 1; e < B; ++e) {
      const Packet d = unit(e);
      for (int k = 0; k < In; ++k) sum[k] = padd(sum[k], pmul(d, pset1<Packet>(x[k * B + e])));
      sum[In] = padd(sum[In], d);
    }
    const auto store = [&](const Packet& p, Scalar* to) {
      const Packet scaled = pmul(p, pset1<Packet>(s));
      if (rows == kLanes) return pstoreu(to, scaled);
      // A layer's last 1 to 3 units, lane by lane: a memcpy call (what clang makes of a loop
      // here) cost 7% of the default network's training in wasm.
      alignas(16) Scalar lanes[kLanes];
      pstore(lanes, scaled);
      to[0] = lanes[0];
      if (rows > 1) to[1] = lanes[1];
      if (rows > 2) to[2] = lanes[2];
    };
    for (int k = 0; k < In; ++k) store(sum[k], dW + k * out + r);
    store(sum[In], db + r);
  }
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// weight_gradients<in> for in = 1 .. sizeof...(In).
template <int... In>
void weight_gradients(int in, std::integer_sequence<int, In...>, const Scalar* delta, const Scalar* x, int out, Index B,
                      Scalar s, Scalar* units, Scalar* dW, Scalar* db) {
  ((in == In + 1 ? weight_gradients<In + 1>(delta, x, out, B, s, units, dW, db) : void()), ...);
}
constexpr int kMaxFanIn = std::max(kLaneBatchMaxInputs, kLaneBatchMaxUnits);
}  // namespace

void LaneBatch::reserve(const Network& net, Index capacity) {
  const int layers = net.layer_count();
  capacity_ = capacity;
  sizes_.clear();
  for (int l = 0; l <= layers; ++l) sizes_.push_back(net.size(l));
  // Rounded up to whole packets, and a packet of slack for the last row's spill (see above).
  const auto buffer = [capacity](int rows) {
    return Vector::Zero((rows * capacity + kLanes - 1) / kLanes * kLanes + kLanes);
  };
  input_ = buffer(net.size(0));
  target_ = buffer(net.size(layers));
  a_.assign(std::size_t(layers), Vector());
  g_.assign(std::size_t(layers), Vector());
  delta_.assign(std::size_t(layers), Vector());
  for (int l = 0; l < layers; ++l) {
    a_[std::size_t(l)] = buffer(net.size(l + 1));
    g_[std::size_t(l)] = buffer(net.size(l + 1));
    delta_[std::size_t(l)] = buffer(net.size(l + 1));
  }
  units_ = Vector::Zero(kLanes * ((capacity + kLanes - 1) / kLanes * kLanes));  // whole tiles
}

void LaneBatch::gradient(const Network& net, const Matrix& inputs, const Matrix& targets, const std::vector<int>& batch,
                         Vector& grad) {
  using namespace Eigen::internal;
  const Index B = Index(batch.size());
  const int L = net.layer_count();
  bool same_shape = Index(sizes_.size()) == L + 1;
  for (int l = 0; same_shape && l <= L; ++l) same_shape = sizes_[std::size_t(l)] == net.size(l);
  if (B > capacity_ || !same_shape) reserve(net, std::max(B, same_shape ? capacity_ : 0));
  const Index features = inputs.rows(), outputs = targets.rows();
  const int* columns = batch.data();
  for (Index k = 0; k < features; ++k) {  // gather: each feature's and target's values over the batch
    const Scalar* from = inputs.data() + k;
    Scalar* to = input_.data() + k * B;
    for (Index e = 0; e < B; ++e) to[e] = from[columns[e] * features];
  }
  for (Index k = 0; k < outputs; ++k) {
    const Scalar* from = targets.data() + k;
    Scalar* to = target_.data() + k * B;
    for (Index e = 0; e < B; ++e) to[e] = from[columns[e] * outputs];
  }
  const Scalar leaky = net.arch().activation_params.leaky_slope;
  for (int l = 0; l < L; ++l) {
    const Scalar* x = l == 0 ? input_.data() : a_[std::size_t(l - 1)].data();
    Scalar* z = delta_[std::size_t(l)].data();  // z lives where delta will, until backward
    linear_layer(net.W(l).data(), net.b(l).data(), net.size(l + 1), net.size(l), x, B, z);
    activate_layer(net.activation(l), leaky, z, net.size(l + 1) * B, a_[std::size_t(l)].data(),
                   g_[std::size_t(l)].data());
  }
  {  // squared error: delta_L = f'(z) (a - y)
    const std::size_t o = std::size_t(L - 1);
    for (Index i = 0; i < outputs * B; i += kLanes)
      pstoreu(delta_[o].data() + i, pmul(ploadu<Packet>(g_[o].data() + i),
                                         psub(ploadu<Packet>(a_[o].data() + i), ploadu<Packet>(target_.data() + i))));
  }
  for (int l = L - 2; l >= 0; --l)
    back_layer(net.W(l + 1).data(), net.size(l + 2), net.size(l + 1), delta_[std::size_t(l + 1)].data(),
               g_[std::size_t(l)].data(), B, delta_[std::size_t(l)].data());
  grad.resize(net.parameter_count());
  const Scalar inv_batch = Scalar(1) / static_cast<Scalar>(B);
  for (int l = 0; l < L; ++l) {
    const Scalar* x = l == 0 ? input_.data() : a_[std::size_t(l - 1)].data();
    weight_gradients(net.size(l), std::make_integer_sequence<int, kMaxFanIn>(), delta_[std::size_t(l)].data(), x,
                     net.size(l + 1), B, inv_batch, units_.data(), grad.data() + net.weight_offset(l),
                     grad.data() + net.bias_offset(l));
  }
}
#else
void LaneBatch::reserve(const Network&, Index) {}
void LaneBatch::gradient(const Network&, const Matrix&, const Matrix&, const std::vector<int>&, Vector&) {}
#endif

}  // namespace bp
