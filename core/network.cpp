#include "network.hpp"

#include "names.hpp"

#include <cmath>
#include <type_traits>

#include "rng.hpp"
#include "text.hpp"

namespace bp {
namespace {
constexpr Named<Init> kInits[] = {
    {Init::Zeros, "zeros"},           {Init::Uniform, "uniform"},
    {Init::XavierUniform, "xavier_uniform"}, {Init::XavierNormal, "xavier_normal"},
    {Init::HeUniform, "he_uniform"},  {Init::HeNormal, "he_normal"},
    {Init::NormalScale, "normal_scale"}, {Init::UniformScale, "uniform_scale"},
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
      return "hidden layer " + str(static_cast<int>(l) + 1) + " must have between 1 and " +
             str(kMaxNeurons) + " neurons (got " + str(arch.hidden[l]) + ")";
  if (arch.hidden_activation == Activation::Softmax)
    return "softmax is only available as the output activation";
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
// blocks: the matrices are tiny (a few neurons x a batch of ~10), so a dynamic Eigen product's
// set-up and loop overhead cost more than its arithmetic. Each kernel is instantiated for M = 1..8
// rows (the usual playground layer), so that one column of the result is a fixed-size Eigen vector
// held in registers (SSE2 natively, WASM SIMD in the browser); M = 0 takes any m at run time.
// Every sum runs over k (or the batch) in order, so results match Eigen's to float rounding.
namespace {
template <int M>
using Column = Eigen::Matrix<Scalar, (M > 0 ? M : Eigen::Dynamic), 1, Eigen::ColMajor,
                             (M > 0 ? M : kMaxNeurons), 1>;  // on the stack, never allocated
template <int M>
using ColumnMap = Eigen::Map<const Column<M>>;

// Y(:, j) = (sum_k A(:, k) X(k, j) [+ c]) [.* S(:, j)]  for j < B.
// A (m x n), X (n x B), Y and S (m x B), c (m); c and S may be null.
template <int M>
void multiply(const Scalar* A, const Scalar* X, const Scalar* c, const Scalar* S, Scalar* Y,
              Index m, Index n, Index B) {
  for (Index j = 0; j < B; ++j) {
    const Scalar* x = X + j * n;
    Column<M> y = ColumnMap<M>(A, m) * x[0];
    for (Index k = 1; k < n; ++k) y += ColumnMap<M>(A + k * m, m) * x[k];
    if (c) y += ColumnMap<M>(c, m);
    if (S) y = y.cwiseProduct(ColumnMap<M>(S + j * m, m));
    Eigen::Map<Column<M>>(Y + j * m, m) = y;
  }
}

// G(:, k) = s * sum_j D(:, j) X(k, j)  for k < n (a sum of outer products), and
// g = s * sum_j D(:, j).   D (m x B), X (n x B), G (m x n), g (m).
template <int M>
void outer_sum(const Scalar* D, const Scalar* X, Scalar s, Scalar* G, Scalar* g, Index m, Index n,
               Index B) {
  for (Index k = 0; k < n; ++k) {
    Column<M> col = ColumnMap<M>(D, m) * X[k];
    for (Index j = 1; j < B; ++j) col += ColumnMap<M>(D + j * m, m) * X[j * n + k];
    Eigen::Map<Column<M>>(G + k * m, m) = col * s;
  }
  Column<M> sum = ColumnMap<M>(D, m);
  for (Index j = 1; j < B; ++j) sum += ColumnMap<M>(D + j * m, m);
  Eigen::Map<Column<M>>(g, m) = sum * s;
}

// Calls f(std::integral_constant<int, M>()) with M = m if 1 <= m <= 8, else M = 0.
template <class F>
void with_rows(Index m, F&& f) {
  switch (m) {
    case 1: return f(std::integral_constant<int, 1>());
    case 2: return f(std::integral_constant<int, 2>());
    case 3: return f(std::integral_constant<int, 3>());
    case 4: return f(std::integral_constant<int, 4>());
    case 5: return f(std::integral_constant<int, 5>());
    case 6: return f(std::integral_constant<int, 6>());
    case 7: return f(std::integral_constant<int, 7>());
    case 8: return f(std::integral_constant<int, 8>());
    default: return f(std::integral_constant<int, 0>());
  }
}
}  // namespace

// Workspace matrices are used through data(): their first B columns are one contiguous block.
void forward(const Network& net, Workspace& ws) {
  const Index B = ws.batch;
  const int layers = net.layer_count();
  for (int l = 0; l < layers; ++l) {
    const Index out = net.size(l + 1), in = net.size(l);
    const Scalar* prev = l == 0 ? ws.input.data() : ws.a[l - 1].data();
    const int P = net.pieces(l);
    for (int p = 0; p < P; ++p)
      with_rows(out, [&](auto rows) {  // z = W a_prev + b   (out x B), or each maxout piece's
        constexpr int M = decltype(rows)::value;
        multiply<M>(net.W(l, p).data(), prev, net.b(l, p).data(), nullptr,
                    P == 1 ? ws.z[l].data() : ws.piece_z[l][std::size_t(p)].data(), out, in, B);
      });
    auto z = ws.z[l].leftCols(B);
    if (P > 1) {  // maxout: z = the largest piece; only a strictly larger one replaces (ties: lowest)
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
    auto a = ws.a[l].leftCols(B);
    activate_layer(net, l, z, a);  // a = f(z)
    if (ws.use_dropout && l + 1 < layers) {
      // f'(z) must come from the unmasked a; the mask then scales both a and f'(z), here once,
      // so that backward() can run any number of times after one forward().
      auto g = ws.grad_act[l].leftCols(B);
      activate_layer_grad(net, l, z, a, g);
      g.array() *= ws.dropout_mask[l].leftCols(B).array();
      a.array() *= ws.dropout_mask[l].leftCols(B).array();
    }
  }
}

void backward(const Network& net, Loss loss, Workspace& ws, Vector& grad) {
  const Index B = ws.batch;
  const int L = net.layer_count();
  const auto& params = net.arch().activation_params;
  const Scalar inv_batch = Scalar(1) / static_cast<Scalar>(B);
  grad.resize(net.parameter_count());
  // delta_L = dL/dz_L
  loss_output_delta(loss, net.activation(L - 1), params, ws.z[L - 1].leftCols(B),
                    ws.a[L - 1].leftCols(B), ws.target.leftCols(B), ws.delta[L - 1].leftCols(B));
  for (int l = L - 1; l >= 0; --l) {
    const Index out = net.size(l + 1), in = net.size(l);
    if (l < L - 1) {
      auto g = ws.grad_act[l].leftCols(B);
      if (!ws.use_dropout)  // with dropout, forward() stored f'(z) * mask already
        activate_layer_grad(net, l, ws.z[l].leftCols(B), ws.a[l].leftCols(B), g);
      const Index next = net.size(l + 2);
      const bool slopes = net.has_slopes(l);  // PReLU: dL/da (before f') is needed once more
      // A maxout layer above sends back through each piece what reached it: sum_p W_{l+1,p}^T delta_{l+1,p}.
      const int P_next = net.pieces(l + 1);
      for (int p = 0; p < P_next; ++p) {
        // W_{l+1}^T (out x next), copied so that the product below reads contiguous columns
        const Scalar* w = net.W(l + 1, p).data();
        Scalar* wt = ws.transposed[l + 1].data();
        for (Index i = 0; i < out; ++i)
          for (Index k = 0; k < next; ++k) wt[k * out + i] = w[i * next + k];
        const Scalar* d_next = P_next == 1 ? ws.delta[l + 1].data() : ws.piece_delta[l + 1][std::size_t(p)].data();
        const Scalar* scale = P_next == 1 && !slopes ? g.data() : nullptr;
        Scalar* dst = p == 0 ? ws.delta[l].data() : ws.scratch[l].data();
        with_rows(out, [&](auto rows) {  // delta_l = (W_{l+1}^T delta_{l+1}) * f'(z_l)
          constexpr int M = decltype(rows)::value;
          multiply<M>(wt, d_next, nullptr, scale, dst, out, next, B);
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
    const Scalar* prev = l == 0 ? ws.input.data() : ws.a[l - 1].data();
    const int P = net.pieces(l);
    for (int p = 0; p < P; ++p) {
      const Scalar* d = ws.delta[l].data();
      if (P > 1) {  // maxout: piece p's delta is the unit's where p won, else 0
        auto dp = ws.piece_delta[l][std::size_t(p)].leftCols(B);
        dp = (ws.winner[l].leftCols(B).array() == p).select(ws.delta[l].leftCols(B), Scalar(0));
        d = dp.data();
      }
      with_rows(out, [&](auto rows) {  // dL/dW = delta a_prev^T / B,  dL/db = sum_cols delta / B
        constexpr int M = decltype(rows)::value;
        outer_sum<M>(d, prev, inv_batch, grad.data() + net.weight_offset(l, p), grad.data() + net.bias_offset(l, p),
                     out, in, B);
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
      if (l2 != 0) dW += l2 * w;                           // d/dW (l2/2 W^2) = l2 W
      if (l1 != 0) dW.array() += l1 * w.array().sign();    // d/dW (l1 |W|) = l1 sign(W)
    }
}

}  // namespace bp
