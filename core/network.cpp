#include "backprop/network.hpp"

#include "backprop/names.hpp"

#include <cmath>
#include <type_traits>

#include "backprop/rng.hpp"
#include "backprop/text.hpp"

namespace bp {
namespace {
constexpr Named<Init> kInits[] = {
    {Init::Zeros, "zeros"},
    {Init::Uniform, "uniform"},
    {Init::XavierUniform, "xavier_uniform"},
    {Init::XavierNormal, "xavier_normal"},
    {Init::HeUniform, "he_uniform"},
    {Init::HeNormal, "he_normal"},
    {Init::NormalScale, "normal_scale"},
    {Init::UniformScale, "uniform_scale"},
};

std::string str(int v) { return std::to_string(v); }
}  // namespace

const char* init_name(Init init) { return name_of(kInits, init); }
std::vector<std::string> init_names() { return names_of(kInits); }

bool parse_init(const std::string& name, Init& out) { return parse_name(kInits, name, out); }

bool operator==(const Architecture& a, const Architecture& b) {
  return a.inputs == b.inputs && a.hidden == b.hidden && a.outputs == b.outputs &&
         a.hidden_activation == b.hidden_activation && a.output_activation == b.output_activation &&
         a.activation_params.leaky_slope == b.activation_params.leaky_slope &&
         a.activation_params.elu_alpha == b.activation_params.elu_alpha &&
         a.activation_params.maxout_pieces == b.activation_params.maxout_pieces;
}

std::string check_architecture(const Architecture& arch) {
  if (arch.inputs < 1 || arch.inputs > kMaxInputs)
    return "inputs must be between 1 and " + str(kMaxInputs) + " (got " + str(arch.inputs) + ")";
  if (arch.outputs < 1 || arch.outputs > kMaxOutputs)
    return "outputs must be between 1 and " + str(kMaxOutputs) + " (got " + str(arch.outputs) + ")";
  if (arch.hidden.size() > static_cast<std::size_t>(kMaxHiddenLayers))
    return "hidden layers must be at most " + str(kMaxHiddenLayers) + " (got " +
           str(static_cast<int>(arch.hidden.size())) + ")";
  for (std::size_t l = 0; l < arch.hidden.size(); ++l)
    if (arch.hidden[l] < 1 || arch.hidden[l] > kMaxNeurons)
      return "hidden layer " + str(static_cast<int>(l) + 1) + " must have between 1 and " + str(kMaxNeurons) +
             " neurons (got " + str(arch.hidden[l]) + ")";
  if (arch.hidden_activation == Activation::Softmax) return "softmax is only available as the output activation";
  if (hidden_only(arch.output_activation))
    return std::string("'") + activation_name(arch.output_activation) + "' is only available for hidden layers";
  if (arch.output_activation == Activation::Softmax && arch.outputs < 2)
    return "a softmax output needs at least 2 outputs (got " + str(arch.outputs) + ")";
  return check_activation_params(arch.activation_params);
}

Network::Network(const Architecture& arch) : arch_(arch) {
  sizes_.push_back(arch.inputs);
  for (int h : arch.hidden) sizes_.push_back(h);
  sizes_.push_back(arch.outputs);
  Index total = 0;
  const int layers = static_cast<int>(sizes_.size()) - 1;
  for (int l = 0; l < layers; ++l) {
    offsets_.push_back({total});
    total += Index(sizes_[l + 1]) * (sizes_[l] + 1);  // W and b
  }
  for (int l = 0; l < layers; ++l) {
    const bool prelu = l + 1 < layers && arch.hidden_activation == Activation::Prelu;
    slope_offsets_.push_back(prelu ? total : -1);
    if (prelu) total += sizes_[l + 1];
  }
  for (int l = 0; l + 1 < layers; ++l)  // maxout's pieces 1..k-1, each W and b
    if (arch.hidden_activation == Activation::Maxout)
      for (int p = 1; p < arch.activation_params.maxout_pieces; ++p) {
        offsets_[l].push_back(total);
        total += Index(sizes_[l + 1]) * (sizes_[l] + 1);
      }
  params_ = Vector::Zero(total);
}

void Network::initialize(Init init, Scalar bias_init, std::uint32_t seed, Scalar scale) {
  Rng rng(seed, 3);
  for (int l = 0; l < layer_count(); ++l) {
    const double fan_in = sizes_[l], fan_out = sizes_[l + 1];
    for (int p = 0; p < pieces(l); ++p) {
      MatrixMap w = W(l, p);
      for (Index k = 0; k < w.size(); ++k) {  // column-major order: fixed, so runs repeat exactly
        double v = 0;
        switch (init) {
          case Init::Zeros: v = 0; break;
          case Init::Uniform: v = rng.uniform(-1, 1) / std::sqrt(fan_in); break;
          case Init::XavierUniform: v = rng.uniform(-1, 1) * std::sqrt(6 / (fan_in + fan_out)); break;
          case Init::XavierNormal: v = rng.normal(0, std::sqrt(2 / (fan_in + fan_out))); break;
          case Init::HeUniform: v = rng.uniform(-1, 1) * std::sqrt(6 / fan_in); break;
          case Init::HeNormal: v = rng.normal(0, std::sqrt(2 / fan_in)); break;
          case Init::NormalScale: v = rng.normal(0, double(scale)); break;
          case Init::UniformScale: v = rng.uniform(-1, 1) * double(scale); break;
        }
        w.data()[k] = static_cast<Scalar>(v);
      }
      b(l, p).setConstant(bias_init);
    }
    if (has_slopes(l)) slopes(l).setConstant(Scalar(kPreluInitialSlope));
  }
}

void Workspace::reserve(const Network& net, Index cap) {
  const int layers = net.layer_count();
  capacity = cap;
  batch = 0;
  input.resize(net.size(0), cap);
  target.resize(net.size(layers), cap);
  z.resize(layers);
  a.resize(layers);
  delta.resize(layers);
  grad_act.resize(layers);
  transposed.resize(layers);
  dropout_mask.resize(layers);
  piece_z.assign(layers, {});
  piece_delta.assign(layers, {});
  winner.assign(layers, {});
  scratch.assign(layers, {});
  for (int l = 0; l < layers; ++l) {
    const Index n = net.size(l + 1);
    z[l].resize(n, cap);
    a[l].resize(n, cap);
    delta[l].resize(n, cap);
    grad_act[l].resize(n, cap);
    transposed[l].resize(net.size(l), n);
    dropout_mask[l].setOnes(n, cap);
    if (net.pieces(l) > 1) {
      piece_z[l].assign(net.pieces(l), Matrix(n, cap));
      piece_delta[l].assign(net.pieces(l), Matrix(n, cap));
      winner[l].resize(n, cap);
    }
    if (l > 0 && net.pieces(l) > 1) scratch[l - 1].resize(net.size(l), cap);
  }
}

// The products below are small loops over raw column-major data, not Eigen products on dynamic
// blocks: the matrices are small (a few to a few dozen neurons x a batch of ~10), so a dynamic Eigen
// product's set-up and loop overhead cost more than its arithmetic. The rows are cut into blocks of
// 8 and a last block of 1 to 7 (by_row_blocks), and each kernel is instantiated for M = 1..8 rows,
// so that a block of one column is a fixed-size Eigen vector held in registers (SSE2 natively, WASM
// SIMD in the browser); several columns go at once (four, or two in wasm), which keeps as many
// independent sums in flight and reads each column of A once for all. Every sum runs over k (or
// the batch) in order, one column at a time, so results match Eigen's to float rounding and do not
// depend on the blocking.
// The kernels stay functions of their own (noinline): clang would inline them into the training
// loop, and V8 allocates registers for such a large wasm function poorly (wasm trains (d) a third
// faster with them apart; natively g++ keeps them apart anyway).
namespace {
constexpr int kRowBlock = 8;
template <int M>
using Column = Eigen::Matrix<Scalar, M, 1>;
template <int M>
using ColumnMap = Eigen::Map<const Column<M>>;

// Y(:, j) = (sum_k A(:, k) X(k, j) [+ c]) [.* S(:, j)]  for j < B, over the M rows of a block.
// A (block of M rows x n), X (n x B), Y and S (M x B), c (M); c and S may be null. A's, Y's and
// S's columns are ld apart (the full matrices' row count). A ReLU layer's forward pass also stores
// relu = max(Y, 0) and, when relu_grad is not null, f'(Y) = (Y > 0), from the block while it is in
// L1: the same expressions as activate() and activate_grad(), in fixed-size code rather than their
// passes over the dynamic layer, whose set-up costs more than the arithmetic at these sizes (the
// spiral's ReLU network trains a sixth faster in wasm, a tenth natively). Not in the column loops
// above: g++ then stops inlining `finish` and the kernel slows down.
template <int M>
__attribute__((noinline)) void multiply(const Scalar* A, const Scalar* X, const Scalar* c, const Scalar* S, Scalar* Y,
                                        Index ld, Index n, Index B, Scalar* relu = nullptr,
                                        Scalar* relu_grad = nullptr) {
  const auto finish = [&](Column<M>& y, Index j) {
    if (c) y += ColumnMap<M>(c);
    if (S) y = y.cwiseProduct(ColumnMap<M>(S + j * ld));
    Eigen::Map<Column<M>>(Y + j * ld) = y;
  };
  Index j = 0;
#if !defined(__wasm__)
  // Four columns at once natively. Not in wasm, where V8 spills four columns' sums of an 8-row
  // block (two packets each): two at a time train (b) a tenth faster there.
  for (; j + 4 <= B; j += 4) {
    const Scalar* x0 = X + j * n;
    const Scalar *x1 = x0 + n, *x2 = x1 + n, *x3 = x2 + n;
    Column<M> a = ColumnMap<M>(A);
    Column<M> y0 = a * x0[0], y1 = a * x1[0], y2 = a * x2[0], y3 = a * x3[0];
    for (Index k = 1; k < n; ++k) {
      a = ColumnMap<M>(A + k * ld);
      y0 += a * x0[k];
      y1 += a * x1[k];
      y2 += a * x2[k];
      y3 += a * x3[k];
    }
    finish(y0, j);
    finish(y1, j + 1);
    finish(y2, j + 2);
    finish(y3, j + 3);
  }
#endif
  for (; j + 2 <= B; j += 2) {
    const Scalar* x0 = X + j * n;
    const Scalar* x1 = x0 + n;
    Column<M> a = ColumnMap<M>(A);
    Column<M> y0 = a * x0[0], y1 = a * x1[0];
    for (Index k = 1; k < n; ++k) {
      a = ColumnMap<M>(A + k * ld);
      y0 += a * x0[k];
      y1 += a * x1[k];
    }
    finish(y0, j);
    finish(y1, j + 1);
  }
  for (; j < B; ++j) {
    const Scalar* x = X + j * n;
    Column<M> y = ColumnMap<M>(A) * x[0];
    for (Index k = 1; k < n; ++k) y += ColumnMap<M>(A + k * ld) * x[k];
    finish(y, j);
  }
  if (!relu) return;
  using Flags = Eigen::Array<Scalar, M, 1>;
  for (j = 0; j < B; ++j) {  // the block's B columns are still in L1
    const Column<M> y = ColumnMap<M>(Y + j * ld);
    Eigen::Map<Column<M>>(relu + j * ld) = y.cwiseMax(Scalar(0));
    if (relu_grad)
      Eigen::Map<Column<M>>(relu_grad + j * ld) = (y.array() > Scalar(0)).select(Flags::Ones(), Flags::Zero()).matrix();
  }
}

// G(:, k) = s * sum_j D(:, j) X(k, j)  for k < n (a sum of outer products), and
// g = s * sum_j D(:, j), over the M rows of a block.   D (M x B), X (n x B), G (M x n), g (M);
// D's and G's columns are ld apart.
template <int M>
__attribute__((noinline)) void outer_sum(const Scalar* D, const Scalar* X, Scalar s, Scalar* G, Scalar* g, Index ld,
                                         Index n, Index B) {
  Index k = 0;
  for (; k + 4 <= n; k += 4) {
    Column<M> d = ColumnMap<M>(D);
    Column<M> c0 = d * X[k], c1 = d * X[k + 1], c2 = d * X[k + 2], c3 = d * X[k + 3];
    for (Index j = 1; j < B; ++j) {
      d = ColumnMap<M>(D + j * ld);
      const Scalar* x = X + j * n + k;
      c0 += d * x[0];
      c1 += d * x[1];
      c2 += d * x[2];
      c3 += d * x[3];
    }
    Eigen::Map<Column<M>>(G + k * ld) = c0 * s;
    Eigen::Map<Column<M>>(G + (k + 1) * ld) = c1 * s;
    Eigen::Map<Column<M>>(G + (k + 2) * ld) = c2 * s;
    Eigen::Map<Column<M>>(G + (k + 3) * ld) = c3 * s;
  }
  for (; k < n; ++k) {
    Column<M> col = ColumnMap<M>(D) * X[k];
    for (Index j = 1; j < B; ++j) col += ColumnMap<M>(D + j * ld) * X[j * n + k];
    Eigen::Map<Column<M>>(G + k * ld) = col * s;
  }
  Column<M> sum = ColumnMap<M>(D);
  for (Index j = 1; j < B; ++j) sum += ColumnMap<M>(D + j * ld);
  Eigen::Map<Column<M>>{g} = sum * s;
}

// Calls f(std::integral_constant<int, M>(), r) for each block of rows [r, r + M) of m rows: blocks
// of 8, then the rest.
template <class F>
void by_row_blocks(Index m, F&& f) {
  Index r = 0;
  for (; r + kRowBlock <= m; r += kRowBlock) f(std::integral_constant<int, kRowBlock>(), r);
  switch (m - r) {
    case 1: return f(std::integral_constant<int, 1>(), r);
    case 2: return f(std::integral_constant<int, 2>(), r);
    case 3: return f(std::integral_constant<int, 3>(), r);
    case 4: return f(std::integral_constant<int, 4>(), r);
    case 5: return f(std::integral_constant<int, 5>(), r);
    case 6: return f(std::integral_constant<int, 6>(), r);
    case 7: return f(std::integral_constant<int, 7>(), r);
    default: return;  // m was a multiple of 8
  }
}
// A row offset into an optional (null) vector or matrix.
template <class T>
T* offset(T* p, Index r) {
  return p ? p + r : nullptr;
}

// T = W^T: W is m x n column-major, T n x m. Square tiles of one SIMD packet per side are transposed
// in registers (four loads, shuffles, four stores for floats) instead of element by element, whose
// stores stride across T; the edges that do not fill a tile go element by element.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wignored-attributes"  // __m128 as a template argument, as in Eigen itself
#endif
void transpose(const Scalar* W, Index m, Index n, Scalar* T) {
  using Packet = Eigen::internal::packet_traits<Scalar>::type;
  constexpr int P = Eigen::internal::unpacket_traits<Packet>::size;
  if constexpr (P > 1) {
    if (m >= P && n >= P) {
      const Index i0 = n - n % P, k0 = m - m % P;  // the tiles: columns [0, i0) of W, rows [0, k0)
      for (Index i = 0; i < i0; i += P)
        for (Index k = 0; k < k0; k += P) {
          Eigen::internal::PacketBlock<Packet, P> tile;
          for (int c = 0; c < P; ++c) tile.packet[c] = Eigen::internal::ploadu<Packet>(W + (i + c) * m + k);
          Eigen::internal::ptranspose(tile);
          for (int c = 0; c < P; ++c) Eigen::internal::pstoreu(T + (k + c) * n + i, tile.packet[c]);
        }
      for (Index i = 0; i < n; ++i)
        for (Index k = i < i0 ? k0 : 0; k < m; ++k) T[k * n + i] = W[i * m + k];
      return;
    }
  }
  for (Index i = 0; i < n; ++i)
    for (Index k = 0; k < m; ++k) T[k * n + i] = W[i * m + k];
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
}  // namespace

// Workspace matrices are used through data(): their first B columns are one contiguous block.
void forward(const Network& net, Workspace& ws) {
  const Index B = ws.batch;
  const int layers = net.layer_count();
  for (int l = 0; l < layers; ++l) {
    const Index out = net.size(l + 1), in = net.size(l);
    const Scalar* prev = l == 0 ? ws.input.data() : ws.a[l - 1].data();
    const int P = net.pieces(l);
    // f'(z), for backward(): of a hidden layer with dropout (see below) or when asked for, of the
    // output layer when asked for (squared error's delta needs it).
    const bool hidden = l + 1 < layers;
    const bool with_grad = hidden ? ws.use_dropout || ws.with_grad : ws.with_output_grad;
    // ReLU (not PReLU, whose slopes are the layer's) is applied in the product's kernel.
    const bool fused_relu = P == 1 && net.activation(l) == Activation::Relu && !net.has_slopes(l);
    Scalar* relu = fused_relu ? ws.a[l].data() : nullptr;
    Scalar* relu_grad = fused_relu && with_grad ? ws.grad_act[l].data() : nullptr;
    for (int p = 0; p < P; ++p) {
      const Scalar* W = net.W(l, p).data();
      const Scalar* bias = net.b(l, p).data();
      Scalar* z = P == 1 ? ws.z[l].data() : ws.piece_z[l][std::size_t(p)].data();
      by_row_blocks(out, [&](auto rows, Index r) {  // z = W a_prev + b   (out x B), or each maxout piece's
        multiply<decltype(rows)::value>(W + r, prev, bias + r, nullptr, z + r, out, in, B, offset(relu, r),
                                        offset(relu_grad, r));
      });
    }
    if (P > 1) {  // maxout: z = the largest piece; only a strictly larger one replaces (ties: lowest)
      auto z = ws.z[l].leftCols(B);
      auto& win = ws.winner[l];
      for (Index c = 0; c < B; ++c)
        for (Index r = 0; r < out; ++r) {
          Scalar best = ws.piece_z[l][0](r, c);
          int at = 0;
          for (int p = 1; p < P; ++p)
            if (ws.piece_z[l][std::size_t(p)](r, c) > best) best = ws.piece_z[l][std::size_t(p)](r, c), at = p;
          z(r, c) = best;
          win(r, c) = at;
        }
    }
    // The activations through maps of the first B columns (pointer and shape), not blocks of the
    // workspace's matrices: in wasm a block is a larger object, built in memory for each call,
    // and about 5% of the default network's training went into building them.
    const ConstMatrixMap z(ws.z[l].data(), out, B);
    MatrixMap a(ws.a[l].data(), out, B);
    if (!with_grad) {
      if (!fused_relu) activate_layer(net, l, z, a);  // a = f(z)
    } else {
      MatrixMap g(ws.grad_act[l].data(), out, B);
      if (!fused_relu) activate_layer_with_grad(net, l, z, a, g);  // a = f(z), g = f'(z)
      // With dropout, f'(z) must come from the unmasked a; the mask then scales both a and f'(z),
      // here once, so that backward() can run any number of times after one forward().
      if (ws.use_dropout && hidden) {
        g.array() *= ws.dropout_mask[l].leftCols(B).array();
        a.array() *= ws.dropout_mask[l].leftCols(B).array();
      }
    }
  }
  ws.grad_ready = ws.use_dropout || ws.with_grad;
  ws.output_grad_ready = ws.with_output_grad;
}

void backward(const Network& net, Loss loss, Workspace& ws, Vector& grad, bool weight_gradients) {
  const Index B = ws.batch;
  const int L = net.layer_count();
  const auto& params = net.arch().activation_params;
  const Scalar inv_batch = Scalar(1) / static_cast<Scalar>(B);
  grad.resize(net.parameter_count());
  // delta_L = dL/dz_L, with f'(z_L) from forward() if it stored it
  const auto output_grad = ws.grad_act[L - 1].leftCols(B);
  loss_output_delta(loss, net.activation(L - 1), params, ws.z[L - 1].leftCols(B), ws.a[L - 1].leftCols(B),
                    ws.target.leftCols(B), ws.delta[L - 1].leftCols(B), ws.output_grad_ready ? &output_grad : nullptr);
  for (int l = L - 1; l >= 0; --l) {
    const Index out = net.size(l + 1), in = net.size(l);
    if (l < L - 1) {
      auto g = ws.grad_act[l].leftCols(B);
      if (!ws.grad_ready)  // else forward() stored f'(z) (times the dropout mask) already
        activate_layer_grad(net, l, ws.z[l].leftCols(B), ws.a[l].leftCols(B), g);
      const Index next = net.size(l + 2);
      const bool slopes = net.has_slopes(l);  // PReLU: dL/da (before f') is needed once more
      // A maxout layer above sends back through each piece what reached it: sum_p W_{l+1,p}^T delta_{l+1,p}.
      const int P_next = net.pieces(l + 1);
      for (int p = 0; p < P_next; ++p) {
        // W_{l+1}^T (out x next), copied so that the product below reads contiguous columns
        Scalar* wt = ws.transposed[l + 1].data();
        transpose(net.W(l + 1, p).data(), next, out, wt);
        const Scalar* d_next = P_next == 1 ? ws.delta[l + 1].data() : ws.piece_delta[l + 1][std::size_t(p)].data();
        const Scalar* scale = P_next == 1 && !slopes ? g.data() : nullptr;
        Scalar* dst = p == 0 ? ws.delta[l].data() : ws.scratch[l].data();
        by_row_blocks(out, [&](auto rows, Index r) {  // delta_l = (W_{l+1}^T delta_{l+1}) * f'(z_l)
          multiply<decltype(rows)::value>(wt + r, d_next, nullptr, offset(scale, r), dst + r, out, next, B);
        });
        if (p > 0) ws.delta[l].leftCols(B) += ws.scratch[l].leftCols(B);
      }
      if (P_next > 1 && !slopes) ws.delta[l].leftCols(B).array() *= g.array();
      if (slopes) {
        // delta_l holds dL/da so far. dL/da_i = (1/B) sum_j dL/da(i, j) * min(z(i, j), 0) [* mask(i, j)],
        // since a = a_i z (* mask) where z < 0; then delta_l = dL/da * f'(z) [* mask], as for the others.
        auto d = ws.delta[l].leftCols(B);
        const auto z = ws.z[l].leftCols(B);
        for (Index i = 0; i < out; ++i) {
          Scalar sum = 0;
          for (Index j = 0; j < B; ++j)
            if (z(i, j) < Scalar(0)) sum += d(i, j) * z(i, j) * (ws.use_dropout ? ws.dropout_mask[l](i, j) : Scalar(1));
          grad(net.slope_offset(l) + i) = sum * inv_batch;
        }
        d.array() *= g.array();
      }
    }
    if (!weight_gradients) continue;
    const Scalar* prev = l == 0 ? ws.input.data() : ws.a[l - 1].data();
    const int P = net.pieces(l);
    for (int p = 0; p < P; ++p) {
      const Scalar* d = ws.delta[l].data();
      if (P > 1) {  // maxout: piece p's delta is the unit's where p won, else 0
        auto dp = ws.piece_delta[l][std::size_t(p)].leftCols(B);
        dp = (ws.winner[l].leftCols(B).array() == p).select(ws.delta[l].leftCols(B), Scalar(0));
        d = dp.data();
      }
      Scalar* dW = grad.data() + net.weight_offset(l, p);
      Scalar* db = grad.data() + net.bias_offset(l, p);
      by_row_blocks(out, [&](auto rows, Index r) {  // dL/dW = delta a_prev^T / B,  dL/db = sum_cols delta / B
        outer_sum<decltype(rows)::value>(d + r, prev, inv_batch, dW + r, db + r, out, in, B);
      });
    }
  }
}

double batch_loss_sum(const Network& net, Loss loss, const Workspace& ws) {
  const int L = net.layer_count();
  const Index B = ws.batch;
  return loss_sum(loss, ws.z[L - 1].leftCols(B), ws.a[L - 1].leftCols(B), ws.target.leftCols(B));
}

double regularization_penalty(const Network& net, Scalar l1, Scalar l2) {
  double total = 0;
  for (int l = 0; l < net.layer_count(); ++l)
    for (int p = 0; p < net.pieces(l); ++p) {
      const auto w = net.W(l, p);
      if (l1 != 0) total += double(l1) * double(w.cwiseAbs().sum());
      if (l2 != 0) total += 0.5 * double(l2) * double(w.squaredNorm());
    }
  return total;
}

void add_regularization_gradient(const Network& net, Scalar l1, Scalar l2, Vector& grad) {
  if (l1 == 0 && l2 == 0) return;
  for (int l = 0; l < net.layer_count(); ++l)
    for (int p = 0; p < net.pieces(l); ++p) {
      const auto w = net.W(l, p);
      MatrixMap dW(grad.data() + net.weight_offset(l, p), w.rows(), w.cols());
      if (l2 != 0) dW += l2 * w;                         // d/dW (l2/2 W^2) = l2 W
      if (l1 != 0) dW.array() += l1 * w.array().sign();  // d/dW (l1 |W|) = l1 sign(W)
    }
}

}  // namespace bp
