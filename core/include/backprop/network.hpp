// The multi-layer perceptron: shapes, parameters, initialisation, forward and backward passes.
// All parameters live in one flat vector (layer by layer: W column-major (out x in), then b), so
// optimisers, regularisers and JS see one array. Activations are one column per example.
// A PReLU network adds each hidden unit's slope a_i after every W and b (layer by layer), so W and
// b keep their offsets and the optimiser trains the slopes like any weight (never regularised).
// A maxout network (hidden layers only) gives each hidden unit j of layer l k pieces: k matrices
// W_{l,p} (out x in) and biases b_{l,p} (out), p = 0..k-1, h_j = max_p (W_{l,p} a + b_{l,p})_j, the
// lowest p winning a tie. Piece 0 sits where every network keeps W and b; pieces 1..k-1 follow all
// W and b (layer by layer, piece by piece, each W then b), so code that knows only piece 0 still
// finds it. z of a maxout layer is the winning piece's pre-activation (f = identity after it).
// No training loop here (see trainer.hpp) and nothing browser-specific.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/activation.hpp"
#include "backprop/loss.hpp"

namespace bp {

constexpr int kMaxInputs = 64;
constexpr int kMaxOutputs = 64;
constexpr int kMaxHiddenLayers = 16;
constexpr int kMaxNeurons = 256;

struct Architecture {
  int inputs = 2;
  std::vector<int> hidden{4, 2};  // neurons per hidden layer; empty = no hidden layer
  int outputs = 1;
  Activation hidden_activation = Activation::Tanh;
  Activation output_activation = Activation::Tanh;
  ActivationParams activation_params;
};
bool operator==(const Architecture& a, const Architecture& b);
std::string check_architecture(const Architecture& arch);

// The named schemes scale the weights by the layer's fan-in/fan-out; the two *Scale ones take the
// scale from the learner (N(0, 1) and "too small" weights, the failures Glorot & Bengio show).
enum class Init { Zeros, Uniform, XavierUniform, XavierNormal, HeUniform, HeNormal, NormalScale, UniformScale };
const char* init_name(Init init);
std::vector<std::string> init_names();
bool parse_init(const std::string& name, Init& out);

class Network {
 public:
  explicit Network(const Architecture& arch = Architecture());  // arch must pass the check

  const Architecture& arch() const { return arch_; }
  int layer_count() const { return static_cast<int>(sizes_.size()) - 1; }  // weight layers
  int size(int layer) const { return sizes_[layer]; }                      // 0 = inputs, layer_count() = outputs
  Activation activation(int l) const {                                     // of weight layer l (0-based)
    return l + 1 == layer_count() ? arch_.output_activation : arch_.hidden_activation;
  }
  Index parameter_count() const { return params_.size(); }
  // Maxout: k pieces for every hidden layer, else 1. Piece p of layer l: W at weight_offset(l, p).
  int pieces(int l) const { return static_cast<int>(offsets_[l].size()); }
  Index weight_offset(int l, int p = 0) const { return offsets_[l][p]; }
  Index bias_offset(int l, int p = 0) const { return offsets_[l][p] + Index(sizes_[l + 1]) * sizes_[l]; }
  // PReLU: weight layer l's units have their own slopes (every hidden layer, never the output).
  bool has_slopes(int l) const { return slope_offsets_[l] >= 0; }
  Index slope_offset(int l) const { return slope_offsets_[l]; }  // -1 without slopes

  Vector& params() { return params_; }
  const Vector& params() const { return params_; }
  MatrixMap W(int l, int p = 0) { return MatrixMap(params_.data() + weight_offset(l, p), sizes_[l + 1], sizes_[l]); }
  ConstMatrixMap W(int l, int p = 0) const {
    return ConstMatrixMap(params_.data() + weight_offset(l, p), sizes_[l + 1], sizes_[l]);
  }
  VectorMap b(int l, int p = 0) { return VectorMap(params_.data() + bias_offset(l, p), sizes_[l + 1]); }
  ConstVectorMap b(int l, int p = 0) const { return ConstVectorMap(params_.data() + bias_offset(l, p), sizes_[l + 1]); }
  VectorMap slopes(int l) { return VectorMap(params_.data() + slope_offset(l), sizes_[l + 1]); }  // has_slopes(l)
  ConstVectorMap slopes(int l) const { return ConstVectorMap(params_.data() + slope_offset(l), sizes_[l + 1]); }

  // Zeros: all 0. Uniform: U(-1/sqrt(fan_in), 1/sqrt(fan_in)). Xavier: var 2/(fan_in+fan_out).
  // He: var 2/fan_in. NormalScale: N(0, scale^2). UniformScale: U(-scale, scale), var scale^2/3.
  // `scale` (> 0) is read by the last two only. Biases are set to bias_init, PReLU slopes to
  // kPreluInitialSlope. Each maxout piece is drawn like a whole layer of its own (fan-in = inputs,
  // fan-out = units, piece 0 first).
  void initialize(Init init, Scalar bias_init, std::uint32_t seed, Scalar scale = 1);

 private:
  Architecture arch_;
  std::vector<int> sizes_;                   // inputs, hidden..., outputs
  std::vector<std::vector<Index>> offsets_;  // start of each layer's W in params_, per piece
  std::vector<Index> slope_offsets_;         // start of each layer's PReLU slopes, -1 if none
  Vector params_;
};

// a = f(z) and g = f'(z) of weight layer l as the network computes them (row r of z is unit r):
// PReLU with each unit's own slope, every other activation through activate()/activate_grad(), or
// activate_with_grad() for both at once.
template <class In, class Out>
void activate_layer(const Network& net, int l, const Eigen::MatrixBase<In>& z, const Eigen::MatrixBase<Out>& a_out) {
  if (!net.has_slopes(l)) return activate(net.activation(l), net.arch().activation_params, z, a_out);
  auto& a = const_cast<Eigen::MatrixBase<Out>&>(a_out);
  const auto s = net.slopes(l);
  for (Index c = 0; c < z.cols(); ++c)
    for (Index r = 0; r < z.rows(); ++r) {
      const Scalar v = z.coeff(r, c);
      a.coeffRef(r, c) = v > Scalar(0) ? v : s(r) * v;
    }
}
template <class Z, class A, class G>
void activate_layer_grad(const Network& net, int l, const Eigen::MatrixBase<Z>& z, const Eigen::MatrixBase<A>& a,
                         const Eigen::MatrixBase<G>& g_out) {
  if (!net.has_slopes(l)) return activate_grad(net.activation(l), net.arch().activation_params, z, a, g_out);
  auto& g = const_cast<Eigen::MatrixBase<G>&>(g_out);
  const auto s = net.slopes(l);
  for (Index c = 0; c < z.cols(); ++c)
    for (Index r = 0; r < z.rows(); ++r) g.coeffRef(r, c) = z.coeff(r, c) > Scalar(0) ? Scalar(1) : s(r);
}
template <class Z, class A, class G>
void activate_layer_with_grad(const Network& net, int l, const Eigen::MatrixBase<Z>& z, const Eigen::MatrixBase<A>& a,
                              const Eigen::MatrixBase<G>& g) {
  if (!net.has_slopes(l)) return activate_with_grad(net.activation(l), net.arch().activation_params, z, a, g);
  activate_layer(net, l, z, a);
  activate_layer_grad(net, l, z, a, g);
}

// Buffers for one batch of up to `capacity` examples, allocated once and reused (no allocation in
// the training loop). Layer l of z/a/delta is (size(l+1) x capacity); only the first `batch`
// columns are in use.
struct Workspace {
  Matrix input;   // (inputs x capacity)
  Matrix target;  // (outputs x capacity)
  std::vector<Matrix> z, a, delta, grad_act;
  std::vector<Matrix> dropout_mask;  // hidden layers: 0 or 1/(1-p); used when use_dropout is set
  std::vector<Matrix> transposed;    // backward's scratch copy of W_l^T   (in x out)
  // Maxout layers only (empty otherwise): each piece's pre-activation (out x capacity) and its
  // share of delta (delta where it won, else 0); the winning piece of each unit and example; a
  // scratch dL/da term per piece of the layer above.
  std::vector<std::vector<Matrix>> piece_z, piece_delta;
  std::vector<Eigen::MatrixXi> winner;
  std::vector<Matrix> scratch;
  Index capacity = 0, batch = 0;
  bool use_dropout = false;
  // Training: forward() also stores f'(z) of the hidden layers in grad_act (ReLU's from the
  // product's kernel, at no extra pass), and sets grad_ready, so backward() skips its own pass.
  // with_output_grad does the same for the output layer (output_grad_ready), for squared error.
  bool with_grad = false, grad_ready = false;
  bool with_output_grad = false, output_grad_ready = false;
  void reserve(const Network& net, Index capacity);
};

// a_l = f(W_l a_{l-1} + b_l) for the first ws.batch columns of ws.input (maxout: z_l is the
// largest piece, the lowest index winning a tie).
void forward(const Network& net, Workspace& ws);
// Fills ws.delta and writes the batch-averaged data gradient (same layout as params, PReLU slopes
// included: dL/da_i = mean over the batch of dL/d(a out)_i * min(z_i, 0); maxout: delta_l reaches
// only the winning piece of each unit, the others' gradient is 0) into `grad`, resizing it. Needs forward() first and
// ws.target set. Without `weight_gradients`, only the deltas (and PReLU slopes' gradient): the
// weights' and biases' entries of `grad` are left unset.
void backward(const Network& net, Loss loss, Workspace& ws, Vector& grad, bool weight_gradients = true);
// Sum over the batch of the per-example data loss (after forward()).
double batch_loss_sum(const Network& net, Loss loss, const Workspace& ws);

// L = data + l1 * sum|W| + l2/2 * sum W^2 (weights only, every maxout piece's, never biases).
double regularization_penalty(const Network& net, Scalar l1, Scalar l2);
void add_regularization_gradient(const Network& net, Scalar l1, Scalar l2, Vector& grad);

}  // namespace bp
