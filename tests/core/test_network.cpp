// Tests for network.hpp: shapes and parameter layout, initialisation, the forward pass against a
// hand computation, and backward() against (1) central differences of the mean loss for every
// hidden activation x output/loss pairing, with and without L1/L2 and with dropout masks, (2) a
// hand-computed 1-1-1 sigmoid/BCE network trained for 500 SGD steps, (3) exact zeros through step.
// Not tested here: the training loop and optimisers (see test_trainer.cpp).
#include "backprop/network.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "backprop/rng.hpp"

using namespace bp;
using namespace bp::test;

namespace {

// ---- gradient-check tolerances (see "backward matches central differences" below) ----
// The step and floor are support.hpp's (kStep, kGradFloor). Measured on these seeds: max relative
// error ~1.1e-3 in float (rounding-limited: an ELU network's gradient of 1.3e-3, 1.1e-5 off) and
// ~5e-8 in double.
constexpr double kGradTol = kFloat ? 1.5e-3 : 1e-6;

bool has_kink(Activation f) {
  return f == Activation::Relu || f == Activation::LeakyRelu || f == Activation::Elu || f == Activation::Step ||
         f == Activation::Abs || f == Activation::Prelu;
}

// Mean data loss of the batch, accumulated in double from the network's z and a.
double mean_loss_double(const Network& net, Loss loss, const Workspace& ws) {
  const int L = net.layer_count();
  const Index B = ws.batch, K = net.size(L);
  double total = 0;
  for (Index c = 0; c < B; ++c) {
    if (loss == Loss::SquaredError) {
      for (Index k = 0; k < K; ++k) {
        const double d = double(ws.a[L - 1](k, c)) - double(ws.target(k, c));
        total += 0.5 * d * d;
      }
    } else if (loss == Loss::BinaryCrossEntropy) {
      for (Index k = 0; k < K; ++k) {
        const double z = ws.z[L - 1](k, c), y = ws.target(k, c);
        total += std::max(z, 0.0) - z * y + std::log1p(std::exp(-std::abs(z)));
      }
    } else {
      double m = -1e300;
      for (Index k = 0; k < K; ++k) m = std::max(m, double(ws.z[L - 1](k, c)));
      double s = 0, yz = 0, ysum = 0;
      for (Index k = 0; k < K; ++k) {
        s += std::exp(double(ws.z[L - 1](k, c)) - m);
        yz += double(ws.target(k, c)) * double(ws.z[L - 1](k, c));
        ysum += double(ws.target(k, c));
      }
      total += (m + std::log(s)) * ysum - yz;
    }
  }
  return total / double(B);
}

// l1 sum|W| + l2/2 sum W^2 over weights only, in double (independent of regularization_penalty).
double penalty_double(const Network& net, double l1, double l2) {
  double total = 0;
  for (int l = 0; l < net.layer_count(); ++l)
    for (int p = 0; p < net.pieces(l); ++p) {  // every maxout piece's W
      const auto w = net.W(l, p);
      for (Index k = 0; k < w.size(); ++k) {
        const double v = w.data()[k];
        total += l1 * std::abs(v) + 0.5 * l2 * v * v;
      }
    }
  return total;
}

// Which z are > 0, for the layers whose activation has a kink at 0.
std::vector<Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>> kink_pattern(const Network& net, const Workspace& ws) {
  std::vector<Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>> out;
  for (int l = 0; l < net.layer_count(); ++l) {
    if (has_kink(net.activation(l))) out.push_back(ws.z[l].leftCols(ws.batch).array() > Scalar(0));
    for (int p = 0; p < net.pieces(l) && net.pieces(l) > 1; ++p)  // maxout: which piece won
      out.push_back(ws.winner[l].leftCols(ws.batch).array() == p);
  }
  return out;
}

bool same_pattern(const std::vector<Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>>& a,
                  const std::vector<Eigen::Array<bool, Eigen::Dynamic, Eigen::Dynamic>>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if ((a[i] != b[i]).any()) return false;
  return true;
}

struct GradCheckResult {
  int checked = 0, skipped = 0;
  double max_error = 0;
};

// Compares backward() (+ add_regularization_gradient) with finite differences of
// mean loss + penalty (in double), perturbing each entry of net.params(). The 4-point central
// stencil (f(-2h) - 8 f(-h) + 8 f(h) - f(2h)) / 12h has O(h^4) truncation error, so h can be large
// enough (kStep) for the float forward pass's rounding to stay small. ws holds inputs, targets,
// batch and (optionally) dropout masks. Skips parameters whose perturbation moves some z across
// the kink of ReLU/leaky/ELU, or a weight across 0 when L1 is on.
GradCheckResult gradient_check(Network& net, Loss loss, Workspace& ws, Scalar l1, Scalar l2) {
  forward(net, ws);
  Vector grad = Vector::Zero(net.parameter_count());
  backward(net, loss, ws, grad);
  add_regularization_gradient(net, l1, l2, grad);
  const auto base_pattern = kink_pattern(net, ws);

  GradCheckResult r;
  Vector& p = net.params();
  for (Index i = 0; i < p.size(); ++i) {
    const Scalar saved = p(i);
    const bool is_weight = [&] {
      for (int l = 0; l < net.layer_count(); ++l)
        for (int q = 0; q < net.pieces(l); ++q)
          if (i >= net.weight_offset(l, q) && i < net.bias_offset(l, q)) return true;
      return false;
    }();
    if (l1 != 0 && is_weight && std::abs(double(saved)) <= 2 * kStep) {
      ++r.skipped;
      continue;
    }
    bool kink = false;
    double f[4];
    const double offsets[4] = {-2, -1, 1, 2};
    for (int k = 0; k < 4; ++k) {
      // In float the perturbed value rounds to the nearest float: a ~1e-6 relative error in h.
      p(i) = Scalar(double(saved) + offsets[k] * kStep);
      forward(net, ws);
      f[k] = mean_loss_double(net, loss, ws) + penalty_double(net, l1, l2);
      kink = kink || !same_pattern(kink_pattern(net, ws), base_pattern);
    }
    p(i) = saved;
    if (kink) {
      ++r.skipped;
      continue;
    }
    const double numeric = (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * kStep);
    const double err = relative_error(double(grad(i)), numeric);
    if (err >= kGradTol) {
      INFO("parameter " << i << ": analytic " << double(grad(i)) << ", numeric " << numeric);
      CHECK(err < kGradTol);
    }
    r.max_error = std::max(r.max_error, err);
    ++r.checked;
  }
  return r;
}

// Smallest |z| over the batch in the layers whose activation has a kink at 0 (inf if none).
double min_abs_kink_z(const Network& net, Workspace& ws) {
  forward(net, ws);
  double m = 1e300;
  for (int l = 0; l < net.layer_count(); ++l) {
    if (has_kink(net.activation(l))) m = std::min(m, double(ws.z[l].leftCols(ws.batch).cwiseAbs().minCoeff()));
    if (net.pieces(l) > 1)  // maxout: the winner's lead over every other piece (away from ties)
      for (int p = 0; p < net.pieces(l); ++p)
        for (Index c = 0; c < ws.batch; ++c)
          for (Index r = 0; r < net.size(l + 1); ++r)
            if (ws.winner[l](r, c) != p)
              m = std::min(m, double(ws.z[l](r, c)) - double(ws.piece_z[l][std::size_t(p)](r, c)));
  }
  return m;
}

// Random network (the given shape) with random biases, a batch of 5 random inputs in [-1.5, 1.5]
// and valid targets. For ReLU/leaky/ELU, redraws (bounded) until every z is at least 0.1 away
// from the kink, so the finite differences rarely straddle it.
void setup_random(Network& net, Loss loss, Workspace& ws, std::uint32_t seed) {
  const Index K = net.size(net.layer_count());
  const Activation out = net.activation(net.layer_count() - 1);
  ws.reserve(net, 5);
  ws.batch = 5;
  for (int attempt = 0; attempt < 2000; ++attempt) {
    net.initialize(Init::XavierNormal, 0, seed + 7919u * std::uint32_t(attempt));
    for (int l = 0; l < net.layer_count(); ++l)  // |w| >= 0.1: L1's kink at 0 stays out of reach
      for (int p = 0; p < net.pieces(l); ++p)
        for (Index k = 0; k < net.W(l, p).size(); ++k) {
          Scalar& w = net.W(l, p).data()[k];
          if (std::abs(w) < Scalar(0.1)) w = w < 0 ? Scalar(-0.1) : Scalar(0.1);
        }
    Rng rng(seed, 99u + std::uint32_t(attempt));
    for (int l = 0; l < net.layer_count(); ++l)
      for (int p = 0; p < net.pieces(l); ++p)
        for (Index k = 0; k < net.b(l, p).size(); ++k) net.b(l, p)(k) = Scalar(rng.uniform(-0.5, 0.5));
    for (Index k = 0; k < ws.input.size(); ++k) ws.input.data()[k] = Scalar(rng.uniform(-1.5, 1.5));
    ws.target.setZero();
    for (Index c = 0; c < 5; ++c) {
      if (loss == Loss::SoftmaxCrossEntropy) {
        ws.target(rng.below(std::uint32_t(K)), c) = 1;
      } else if (loss == Loss::BinaryCrossEntropy) {
        for (Index k = 0; k < K; ++k) ws.target(k, c) = Scalar(rng.below(2));
      } else {
        const double lo = out == Activation::Sigmoid ? 0.0 : -1.0;
        for (Index k = 0; k < K; ++k) ws.target(k, c) = Scalar(rng.uniform(lo, 1.0));
      }
    }
    if (min_abs_kink_z(net, ws) >= 0.1) return;
  }
  FAIL("no random setup keeps z away from the kinks");
}

struct LossPairing {  // not bp::Pairing: the unity build may put both in one file
  Loss loss;
  Activation output;
  int outputs;
};

const Activation kHidden[] = {Activation::Linear,    Activation::Sigmoid, Activation::Tanh,     Activation::Relu,
                              Activation::LeakyRelu, Activation::Elu,     Activation::Softplus, Activation::Abs,
                              Activation::Gelu,      Activation::Swish,   Activation::Prelu};

const LossPairing kPairings[] = {
    {Loss::SquaredError, Activation::Linear, 2},         {Loss::SquaredError, Activation::Sigmoid, 2},
    {Loss::SquaredError, Activation::Tanh, 2},           {Loss::SquaredError, Activation::Relu, 2},
    {Loss::SquaredError, Activation::LeakyRelu, 2},      {Loss::SquaredError, Activation::Elu, 2},
    {Loss::SquaredError, Activation::Softplus, 2},       {Loss::BinaryCrossEntropy, Activation::Sigmoid, 1},
    {Loss::SoftmaxCrossEntropy, Activation::Softmax, 3}, {Loss::SoftmaxCrossEntropy, Activation::Softmax, 4},
};

}  // namespace

TEST_CASE("parameter counts", "[network]") {
  CHECK(Network(arch_of(2, {4, 4}, 1, Activation::Tanh, Activation::Tanh)).parameter_count() == 37);
  CHECK(Network(arch_of(10, {10, 5}, 1, Activation::Tanh, Activation::Tanh)).parameter_count() == 171);
  CHECK(Network(arch_of(2, {}, 1, Activation::Tanh, Activation::Tanh)).parameter_count() == 3);
  const Network net(arch_of(3, {5}, 4, Activation::Relu, Activation::Softmax));
  CHECK(net.parameter_count() == 5 * 3 + 5 + 4 * 5 + 4);
  CHECK(net.layer_count() == 2);
  CHECK(net.size(0) == 3);
  CHECK(net.size(1) == 5);
  CHECK(net.size(2) == 4);
  CHECK(net.activation(0) == Activation::Relu);
  CHECK(net.activation(1) == Activation::Softmax);
}

TEST_CASE("parameters are one flat vector: W column-major (out x in), then b, layer by layer", "[network]") {
  Network net(arch_of(3, {2}, 2, Activation::Tanh, Activation::Linear));
  for (Index i = 0; i < net.parameter_count(); ++i) net.params()(i) = Scalar(i);
  CHECK(net.weight_offset(0) == 0);
  CHECK(net.bias_offset(0) == 6);
  CHECK(net.weight_offset(1) == 8);
  CHECK(net.bias_offset(1) == 12);
  CHECK(net.W(0).rows() == 2);
  CHECK(net.W(0).cols() == 3);
  CHECK(net.W(0)(1, 0) == Scalar(1));  // column-major: (row 1, col 0) is entry 1
  CHECK(net.W(0)(0, 2) == Scalar(4));
  CHECK(net.b(0)(1) == Scalar(7));
  CHECK(net.W(1)(1, 1) == Scalar(11));
  CHECK(net.b(1)(0) == Scalar(12));
  net.W(1)(0, 1) = Scalar(-5);  // maps write through
  CHECK(net.params()(10) == Scalar(-5));
}

TEST_CASE("architecture check names the bad setting", "[network]") {
  CHECK(check_architecture(Architecture()).empty());
  auto msg = [](Architecture a) { return check_architecture(a); };
  Architecture a;
  a.inputs = 0;
  CHECK(msg(a).find("inputs") != std::string::npos);
  a = Architecture();
  a.hidden.assign(17, 2);
  CHECK(msg(a).find("hidden layers") != std::string::npos);
  a.hidden.assign(16, 2);
  CHECK(msg(a).empty());
  a = Architecture();
  a.hidden = {4, 0};
  CHECK(msg(a).find("hidden layer 2") != std::string::npos);
  a.hidden = {300};
  CHECK(msg(a).find("300") != std::string::npos);
  a = Architecture();
  a.hidden_activation = Activation::Softmax;
  CHECK(msg(a).find("softmax") != std::string::npos);
  a = Architecture();
  a.output_activation = Activation::Softmax;  // 1 output
  CHECK(msg(a).find("softmax") != std::string::npos);
  a = Architecture();
  a.activation_params.leaky_slope = 1;
  CHECK(msg(a).find("leaky") != std::string::npos);
  a = Architecture();
  a.activation_params.elu_alpha = 0;
  CHECK(msg(a).find("ELU") != std::string::npos);
}

TEST_CASE("|z|, GELU, swish and PReLU are hidden layers' only", "[network][more]") {
  for (Activation f : {Activation::Abs, Activation::Gelu, Activation::Swish, Activation::Prelu}) {
    Architecture a;
    a.hidden_activation = f;
    CHECK(check_architecture(a).empty());
    a.output_activation = f;
    CHECK(check_architecture(a) == std::string("'") + activation_name(f) + "' is only available for hidden layers");
  }
}

TEST_CASE("initialisation: seeded, scaled by fan-in/fan-out, biases set", "[network]") {
  const Architecture arch = arch_of(256, {256}, 1, Activation::Tanh, Activation::Tanh);
  Network a(arch), b(arch), c(arch);
  a.initialize(Init::HeNormal, Scalar(0.1), 5);
  b.initialize(Init::HeNormal, Scalar(0.1), 5);
  c.initialize(Init::HeNormal, Scalar(0.1), 6);
  CHECK(a.params() == b.params());
  CHECK(a.params() != c.params());
  CHECK((a.b(0).array() == Scalar(0.1)).all());
  // He normal: sd sqrt(2 / 256) over 65536 weights (relative sd of the estimate ~0.3%).
  const auto w = a.W(0);
  const double mean = double(w.mean());
  const double sd = std::sqrt(double(w.squaredNorm()) / double(w.size()) - mean * mean);
  CHECK(mean == Approx(0).margin(0.003));
  CHECK(sd == Approx(std::sqrt(2.0 / 256)).epsilon(0.02));

  Network u(arch_of(4, {6}, 2, Activation::Tanh, Activation::Tanh));
  u.initialize(Init::Uniform, 0, 3);
  CHECK(u.W(0).cwiseAbs().maxCoeff() <= Scalar(0.5));  // 1 / sqrt(4)
  u.initialize(Init::XavierUniform, 0, 3);
  CHECK(u.W(0).cwiseAbs().maxCoeff() <= Scalar(std::sqrt(6.0 / 10)));
  CHECK(u.W(0).cwiseAbs().maxCoeff() > Scalar(0.3));
  u.initialize(Init::Zeros, Scalar(-0.5), 3);
  CHECK(u.W(0).isZero(0));
  CHECK(u.W(1).isZero(0));
  CHECK((u.b(1).array() == Scalar(-0.5)).all());
}

TEST_CASE("scale initialisers: N(0, sigma^2) and U(-a, a) hit their variance on a 200 x 100 layer", "[network][init]") {
  // W is 200 x 100: 20,000 weights, so the variance estimate's relative sd is sqrt(2/20000) = 1% for
  // the normal and 0.6% for the uniform; 2% is the tolerance the issue sets.
  Network net(arch_of(100, {200}, 1, Activation::Tanh, Activation::Tanh));
  const auto variance = [&] {
    const auto w = net.W(0);
    REQUIRE(w.rows() == 200);
    REQUIRE(w.cols() == 100);
    long double mean = 0, sq = 0;
    for (Index k = 0; k < w.size(); ++k) mean += w.data()[k];
    mean /= w.size();
    for (Index k = 0; k < w.size(); ++k) sq += (w.data()[k] - mean) * (w.data()[k] - mean);
    return double(sq / w.size());
  };
  for (double sigma : {0.01, 0.1, 1.0, 3.0}) {
    INFO("sigma " << sigma);
    net.initialize(Init::NormalScale, 0, 11, Scalar(sigma));
    CHECK(std::abs(variance() / (sigma * sigma) - 1) < 0.02);
    CHECK(std::abs(double(net.W(0).mean())) < 0.02 * sigma);
  }
  for (double a : {0.05, 1.0, 2.5}) {
    INFO("a " << a);
    net.initialize(Init::UniformScale, 0, 12, Scalar(a));
    CHECK(std::abs(variance() / (a * a / 3) - 1) < 0.02);
    CHECK(net.W(0).cwiseAbs().maxCoeff() <= Scalar(a));
    CHECK(net.W(0).cwiseAbs().maxCoeff() > Scalar(0.99 * a));  // the whole interval is used
  }
  // Seeded: the same seed and scale give the same weights; the scale only stretches them.
  Network a(net.arch()), b(net.arch());
  a.initialize(Init::NormalScale, 0, 4, Scalar(1));
  b.initialize(Init::NormalScale, 0, 4, Scalar(2));
  CHECK(b.W(0).isApprox(2 * a.W(0)));
  // The named schemes ignore the scale: their weights (and so the parity numbers) are unchanged.
  for (Init i :
       {Init::Zeros, Init::Uniform, Init::XavierUniform, Init::XavierNormal, Init::HeUniform, Init::HeNormal}) {
    a.initialize(i, Scalar(0.1), 4);
    b.initialize(i, Scalar(0.1), 4, Scalar(7));
    CHECK(a.params() == b.params());
  }
  // The same draws as before the scale existed: U(-1/sqrt(fan_in), ..) from the same stream.
  Rng rng(4, 3);
  a.initialize(Init::Uniform, 0, 4);
  CHECK(a.W(0)(0, 0) == Scalar(rng.uniform(-1, 1) / std::sqrt(100.0)));
}

TEST_CASE("init names round-trip", "[network]") {
  for (Init i : {Init::Zeros, Init::Uniform, Init::XavierUniform, Init::XavierNormal, Init::HeUniform, Init::HeNormal,
                 Init::NormalScale, Init::UniformScale}) {
    Init parsed = Init::Zeros;
    REQUIRE(parse_init(init_name(i), parsed));
    CHECK(parsed == i);
  }
  Init unchanged = Init::HeNormal;
  CHECK_FALSE(parse_init("orthogonal", unchanged));
}

TEST_CASE("forward matches a hand computation", "[network]") {
  Network net(arch_of(2, {2}, 1, Activation::Tanh, Activation::Sigmoid));
  net.W(0) << 0.5, -1.0, 2.0, 0.25;
  net.b(0) << 0.1, -0.2;
  net.W(1) << 1.5, -0.7;
  net.b(1) << 0.3;
  Workspace ws;
  ws.reserve(net, 4);
  ws.batch = 2;
  ws.input.setConstant(Scalar(123));  // unused columns must not matter
  ws.input.col(0) << 1.0, 2.0;
  ws.input.col(1) << -0.5, 0.3;
  forward(net, ws);
  const double xs[2][2] = {{1.0, 2.0}, {-0.5, 0.3}};
  for (int c = 0; c < 2; ++c) {
    const double x1 = xs[c][0], x2 = xs[c][1];
    const double h1 = std::tanh(0.5 * x1 - 1.0 * x2 + 0.1), h2 = std::tanh(2.0 * x1 + 0.25 * x2 - 0.2);
    const double z = 1.5 * h1 - 0.7 * h2 + 0.3, y = 1 / (1 + std::exp(-z));
    CHECK(double(ws.a[0](0, c)) == Approx(h1).margin(kValueTol));
    CHECK(double(ws.a[0](1, c)) == Approx(h2).margin(kValueTol));
    CHECK(double(ws.z[1](0, c)) == Approx(z).margin(kValueTol));
    CHECK(double(ws.a[1](0, c)) == Approx(y).margin(kValueTol));
  }
}

TEST_CASE("backward matches central differences for every activation x loss pairing", "[network][gradient]") {
  std::uint32_t seed = 100;
  for (const LossPairing& pairing : kPairings) {
    for (Activation hidden : kHidden) {
      for (int reg = 0; reg < 3; ++reg) {  // none, L2, L1 + L2
        const Scalar l1 = reg == 2 ? Scalar(0.05) : Scalar(0);
        const Scalar l2 = reg >= 1 ? Scalar(0.1) : Scalar(0);
        Architecture arch = arch_of(3, {4, 3}, pairing.outputs, hidden, pairing.output);
        arch.activation_params.leaky_slope = Scalar(0.1);
        arch.activation_params.elu_alpha = Scalar(1.5);
        INFO(activation_name(hidden) << " hidden, " << activation_name(pairing.output) << " output x" << pairing.outputs
                                     << ", " << loss_name(pairing.loss) << ", l1 " << l1 << ", l2 " << l2);
        REQUIRE(check_architecture(arch).empty());
        REQUIRE(check_loss_pairing(pairing.loss, pairing.output, pairing.outputs).empty());
        Network net(arch);
        Workspace ws;
        setup_random(net, pairing.loss, ws, ++seed);
        const GradCheckResult r = gradient_check(net, pairing.loss, ws, l1, l2);
        const int total = int(net.parameter_count());
        INFO("checked " << r.checked << " of " << total << ", max relative error " << r.max_error);
        CHECK(r.checked + r.skipped == total);
        CHECK(r.checked >= total * 9 / 10);  // kinks and L1 at 0 skip only a few
        CHECK(r.max_error < kGradTol);
      }
    }
  }
}

TEST_CASE("backward matches central differences with fixed dropout masks", "[network][gradient]") {
  for (Activation hidden : {Activation::Tanh, Activation::Relu, Activation::Elu, Activation::Prelu}) {
    INFO(activation_name(hidden));
    Network net(arch_of(3, {6, 5}, 3, hidden, Activation::Softmax));
    Workspace ws;
    setup_random(net, Loss::SoftmaxCrossEntropy, ws, 7);
    ws.use_dropout = true;
    Rng rng(8);
    for (int l = 0; l + 1 < net.layer_count(); ++l)  // inverted dropout, p = 0.5
      for (Index k = 0; k < ws.dropout_mask[l].size(); ++k)
        ws.dropout_mask[l].data()[k] = rng.uniform() < 0.5 ? Scalar(0) : Scalar(2);
    const GradCheckResult r = gradient_check(net, Loss::SoftmaxCrossEntropy, ws, 0, 0);
    CHECK(r.checked >= int(net.parameter_count()) * 9 / 10);
    CHECK(r.max_error < kGradTol);
  }
}

TEST_CASE("the batch gradient is the mean of the per-example gradients", "[network][gradient]") {
  Network net(arch_of(3, {4, 3}, 2, Activation::Tanh, Activation::Linear));
  Workspace ws;
  setup_random(net, Loss::SquaredError, ws, 21);
  forward(net, ws);
  Vector batch_grad = Vector::Zero(net.parameter_count());
  backward(net, Loss::SquaredError, ws, batch_grad);
  const double batch_loss = batch_loss_sum(net, Loss::SquaredError, ws);
  Vector mean = Vector::Zero(net.parameter_count());
  double loss_total = 0;
  Workspace one;
  one.reserve(net, 1);
  one.batch = 1;
  for (Index c = 0; c < 5; ++c) {
    one.input.col(0) = ws.input.col(c);
    one.target.col(0) = ws.target.col(c);
    forward(net, one);
    Vector g = Vector::Zero(net.parameter_count());
    backward(net, Loss::SquaredError, one, g);
    mean += g / Scalar(5);
    loss_total += batch_loss_sum(net, Loss::SquaredError, one);
  }
  CHECK(batch_loss == Approx(loss_total).epsilon(kFloat ? 1e-5 : 1e-12));
  CHECK(double((batch_grad - mean).cwiseAbs().maxCoeff()) < (kFloat ? 1e-6 : 1e-14));
}

TEST_CASE("backward without weight gradients: the same deltas, the weights' entries left as they were",
          "[network][gradient]") {
  for (Activation f : {Activation::Tanh, Activation::Prelu, Activation::Maxout}) {
    Network net(arch_of(3, {4, 3}, 2, f, Activation::Linear));
    Workspace ws;
    setup_random(net, Loss::SquaredError, ws, 33);
    forward(net, ws);
    Vector full = Vector::Zero(net.parameter_count());
    backward(net, Loss::SquaredError, ws, full);
    const std::vector<Matrix> deltas = ws.delta;
    Vector partial = Vector::Constant(net.parameter_count(), Scalar(7));
    backward(net, Loss::SquaredError, ws, partial, false);
    INFO(activation_name(f));
    for (int l = 0; l < net.layer_count(); ++l) {
      CHECK(ws.delta[std::size_t(l)].leftCols(ws.batch) == deltas[std::size_t(l)].leftCols(ws.batch));
      for (int p = 0; p < net.pieces(l); ++p) {
        const Index n = net.size(l + 1) * net.size(l);
        CHECK((partial.segment(net.weight_offset(l, p), n).array() == Scalar(7)).all());
        CHECK((partial.segment(net.bias_offset(l, p), net.size(l + 1)).array() == Scalar(7)).all());
      }
    }
  }
}

// forward() and backward() cut the rows into blocks of 8 and take the batch and the inputs four
// columns at a time: widths and batch sizes on both sides of those edges, against Eigen's own products.
// ReLU's f and f' come from the product's kernel, the others' from passes of their own; f'(z) from
// forward() when training asks for it (with_grad, and with_output_grad for the output layer), else
// from backward().
TEST_CASE("forward and backward match plain Eigen products for widths and batches across the kernels' blocks",
          "[network][gradient]") {
  const std::vector<std::vector<int>> widths{{1}, {7}, {8}, {9}, {16}, {17, 23}, {3, 40, 5}};
  std::uint32_t seed = 500;
  for (const auto& hidden : widths) {
    for (Index B : {1, 3, 4, 5, 9}) {
      for (Activation f : {Activation::Tanh, Activation::Relu}) {
        for (bool with_grad : {false, true}) {
          Network net(arch_of(11, hidden, 3, f, Activation::Tanh));
          net.initialize(Init::XavierNormal, 0, ++seed);
          Rng rng(seed);
          for (int l = 0; l < net.layer_count(); ++l) net.b(l).setConstant(Scalar(0.1) * Scalar(l + 1));
          Workspace ws;
          ws.reserve(net, B);
          ws.batch = B;
          ws.with_grad = ws.with_output_grad = with_grad;
          for (Index k = 0; k < ws.input.size(); ++k) ws.input.data()[k] = Scalar(rng.uniform() * 2 - 1);
          for (Index k = 0; k < ws.target.size(); ++k) ws.target.data()[k] = Scalar(rng.uniform() * 2 - 1);
          forward(net, ws);
          Vector grad = Vector::Zero(net.parameter_count());
          backward(net, Loss::SquaredError, ws, grad);
          CHECK(ws.grad_ready == with_grad);
          CHECK(ws.output_grad_ready == with_grad);

          const int L = net.layer_count();
          const ActivationParams params;
          // The output's delta is loss_output_delta()'s of the network's own z and a, to the bit,
          // whether f'(z) came from forward() or not.
          Matrix own_delta(3, B);
          loss_output_delta(Loss::SquaredError, Activation::Tanh, params, ws.z[L - 1].leftCols(B),
                            ws.a[L - 1].leftCols(B), ws.target.leftCols(B), own_delta);
          CHECK(ws.delta[L - 1].leftCols(B) == own_delta);
          std::vector<Matrix> z(L), a(L), delta(L);
          for (int l = 0; l < L; ++l) {
            const Matrix prev = l == 0 ? Matrix(ws.input.leftCols(B)) : a[std::size_t(l - 1)];
            z[std::size_t(l)] = (net.W(l) * prev).colwise() + Vector(net.b(l));
            a[std::size_t(l)].resize(net.size(l + 1), B);
            activate(net.activation(l), params, z[std::size_t(l)], a[std::size_t(l)]);
          }
          delta[std::size_t(L - 1)].resize(3, B);
          loss_output_delta(Loss::SquaredError, Activation::Tanh, params, z[std::size_t(L - 1)], a[std::size_t(L - 1)],
                            ws.target.leftCols(B), delta[std::size_t(L - 1)]);
          for (int l = L - 2; l >= 0; --l) {
            Matrix slope(net.size(l + 1), B);
            activate_grad(net.activation(l), params, z[std::size_t(l)], a[std::size_t(l)], slope);
            delta[std::size_t(l)] = (net.W(l + 1).transpose() * delta[std::size_t(l + 1)]).cwiseProduct(slope);
          }
          const double tol = kFloat ? 1e-5 : 1e-12;
          for (int l = 0; l < L; ++l) {
            INFO(activation_name(f) << (with_grad ? ", f' in forward" : "") << ", hidden " << hidden.size()
                                    << " layers, first " << hidden[0] << ", batch " << B << ", layer " << l);
            // The network's own a and f'(z) are activate()'s and activate_grad()'s of its z, to the bit.
            Matrix own_a(net.size(l + 1), B), own_slope(net.size(l + 1), B);
            activate(net.activation(l), params, ws.z[l].leftCols(B), own_a);
            CHECK(ws.a[l].leftCols(B) == own_a);
            if (l + 1 < L || with_grad) {
              activate_grad(net.activation(l), params, ws.z[l].leftCols(B), own_a, own_slope);
              CHECK(ws.grad_act[l].leftCols(B) == own_slope);
            }
            const Matrix prev = l == 0 ? Matrix(ws.input.leftCols(B)) : a[std::size_t(l - 1)];
            const Matrix dW = delta[std::size_t(l)] * prev.transpose() / Scalar(B);
            const Vector db = delta[std::size_t(l)].rowwise().sum() / Scalar(B);
            const MatrixMap got_dW(grad.data() + net.weight_offset(l), dW.rows(), dW.cols());
            const Eigen::Map<const Vector> got_db(grad.data() + net.bias_offset(l), db.size());
            CHECK(double((ws.z[l].leftCols(B) - z[std::size_t(l)]).cwiseAbs().maxCoeff()) < tol);
            CHECK(double((got_dW - dW).cwiseAbs().maxCoeff()) < tol);
            CHECK(double((got_db - db).cwiseAbs().maxCoeff()) < tol);
          }
        }
      }
    }
  }
}

TEST_CASE("step activation passes exactly zero gradient", "[network][gradient]") {
  SECTION("step hidden layers: everything below the last step layer gets zero") {
    Network net(arch_of(3, {4, 3}, 2, Activation::Step, Activation::Linear));
    Workspace ws;
    setup_random(net, Loss::SquaredError, ws, 31);
    forward(net, ws);
    Vector grad = Vector::Zero(net.parameter_count());
    backward(net, Loss::SquaredError, ws, grad);
    REQUIRE(grad.allFinite());
    const Index output_start = net.weight_offset(2);
    CHECK((grad.head(output_start).array() == Scalar(0)).all());                     // W0, b0, W1, b1
    CHECK(grad.tail(grad.size() - output_start).cwiseAbs().maxCoeff() > Scalar(0));  // output layer learns
  }
  SECTION("step output: no gradient anywhere") {
    Network net(arch_of(3, {4}, 2, Activation::Tanh, Activation::Step));
    Workspace ws;
    setup_random(net, Loss::SquaredError, ws, 32);
    forward(net, ws);
    Vector grad = Vector::Constant(net.parameter_count(), Scalar(7));  // backward overwrites
    backward(net, Loss::SquaredError, ws, grad);
    CHECK((grad.array() == Scalar(0)).all());
  }
}

TEST_CASE("regularisation penalty and gradient cover weights only", "[network]") {
  Network net(arch_of(2, {2}, 1, Activation::Tanh, Activation::Tanh));
  net.W(0) << 1.0, -2.0, 0.0, 0.5;
  net.b(0) << 10, -10;  // biases are never regularised
  net.W(1) << -1.5, 3.0;
  net.b(1) << 4;
  // sum|W| = 1 + 2 + 0 + 0.5 + 1.5 + 3 = 8;  sum W^2 = 1 + 4 + 0 + 0.25 + 2.25 + 9 = 16.5
  CHECK(regularization_penalty(net, Scalar(0.1), 0) == Approx(0.8).margin(kValueTol));
  CHECK(regularization_penalty(net, 0, Scalar(0.2)) == Approx(1.65).margin(kValueTol));
  CHECK(regularization_penalty(net, Scalar(0.1), Scalar(0.2)) == Approx(2.45).margin(kValueTol));
  CHECK(regularization_penalty(net, 0, 0) == 0);

  Vector grad = Vector::Zero(net.parameter_count());
  add_regularization_gradient(net, Scalar(0.1), Scalar(0.2), grad);
  // d/dW = l2 W + l1 sign(W); sign(0) = 0
  CHECK(double(grad(net.weight_offset(0) + 0)) == Approx(0.2 * 1.0 + 0.1).margin(kValueTol));   // W0(0,0)
  CHECK(double(grad(net.weight_offset(0) + 1)) == Approx(0.0).margin(kValueTol));               // W0(1,0) = 0
  CHECK(double(grad(net.weight_offset(0) + 2)) == Approx(0.2 * -2.0 - 0.1).margin(kValueTol));  // W0(0,1)
  CHECK(double(grad(net.weight_offset(1) + 1)) == Approx(0.2 * 3.0 + 0.1).margin(kValueTol));   // W1(0,1)
  CHECK(grad.segment(net.bias_offset(0), 2).isZero(0));
  CHECK(grad(net.bias_offset(1)) == 0);
}

// The worked example: x = 3.14, y = 1, w1 = 0.6394..., w2 = 0.0250..., zero biases, sigmoid
// hidden and output, BCE, SGD with lr 0.1 on all four parameters (biases included).
TEST_CASE("hand-computed 1-1-1 sigmoid network with BCE", "[network][gradient]") {
  const double x = 3.14, y = 1, w1 = 0.6394267984578837, w2 = 0.025010755222666936, lr = 0.1;
  Network net(arch_of(1, {1}, 1, Activation::Sigmoid, Activation::Sigmoid));
  net.params().setZero();
  net.W(0)(0, 0) = Scalar(w1);
  net.W(1)(0, 0) = Scalar(w2);
  Workspace ws;
  ws.reserve(net, 1);
  ws.batch = 1;
  ws.input(0, 0) = Scalar(x);
  ws.target(0, 0) = Scalar(y);
  forward(net, ws);

  // By hand, in double.
  const double h = 1 / (1 + std::exp(-w1 * x)), yhat = 1 / (1 + std::exp(-w2 * h));
  const double loss = -std::log(yhat);
  const double dw2 = (yhat - y) * h, db2 = yhat - y;
  const double dw1 = (yhat - y) * w2 * h * (1 - h) * x, db1 = (yhat - y) * w2 * h * (1 - h);
  CHECK(yhat == Approx(0.5055).margin(5e-5));
  CHECK(loss == Approx(0.6822).margin(5e-5));

  CHECK(double(ws.a[0](0, 0)) == Approx(h).margin(kValueTol));
  CHECK(double(ws.a[1](0, 0)) == Approx(0.5055).margin(5e-5));
  CHECK(batch_loss_sum(net, Loss::BinaryCrossEntropy, ws) == Approx(0.6822).margin(5e-5));
  Vector grad = Vector::Zero(net.parameter_count());
  backward(net, Loss::BinaryCrossEntropy, ws, grad);
  CHECK(double(grad(net.weight_offset(1))) == Approx(dw2).margin(kValueTol));
  CHECK(double(grad(net.bias_offset(1))) == Approx(db2).margin(kValueTol));
  CHECK(double(grad(net.weight_offset(0))) == Approx(dw1).margin(kFloat ? 1e-7 : 1e-14));
  CHECK(double(grad(net.bias_offset(0))) == Approx(db1).margin(kFloat ? 1e-7 : 1e-14));

  for (int step = 0; step < 500; ++step) {
    forward(net, ws);
    grad.setZero();
    backward(net, Loss::BinaryCrossEntropy, ws, grad);
    net.params() -= Scalar(lr) * grad;  // plain SGD
  }
  forward(net, ws);
  const double tol = kFloat ? 1e-4 : 1e-9;
  // Reference values from the same 500 steps in double (Python): 0.989572063894..., 0.010482687997...
  CHECK(double(ws.a[1](0, 0)) == Approx(0.989572063894159).margin(tol));
  CHECK(batch_loss_sum(net, Loss::BinaryCrossEntropy, ws) == Approx(0.010482687996989789).margin(tol));
  CHECK(double(ws.a[1](0, 0)) == Approx(0.98957).margin(1e-4));
  CHECK(batch_loss_sum(net, Loss::BinaryCrossEntropy, ws) == Approx(0.01048).margin(1e-4));
}

// PReLU: a slope a_i per hidden unit, after every W and b in params, 0.25 at first, trained by backprop.
TEST_CASE("PReLU slopes: one per hidden unit after every W and b, 0.25 at first", "[network][prelu]") {
  Network net(arch_of(2, {3, 2}, 1, Activation::Prelu, Activation::Sigmoid));
  CHECK(net.parameter_count() == (2 * 3 + 3) + (3 * 2 + 2) + (2 + 1) + 3 + 2);
  CHECK((net.has_slopes(0) && net.has_slopes(1) && !net.has_slopes(2)));
  CHECK(net.slope_offset(0) == 20);
  CHECK(net.slope_offset(1) == 23);
  CHECK(net.bias_offset(2) == 19);  // W and b where they are without PReLU
  net.initialize(Init::HeNormal, Scalar(0.1), 5);
  CHECK(net.slopes(0) == Vector::Constant(3, Scalar(0.25)));
  CHECK(net.slopes(1) == Vector::Constant(2, Scalar(0.25)));
  Network tanh(arch_of(2, {3, 2}, 1, Activation::Tanh, Activation::Sigmoid));
  tanh.initialize(Init::HeNormal, Scalar(0.1), 5);
  CHECK(tanh.params() == net.params().head(tanh.parameter_count()));                                 // the same draws
  CHECK(Network(arch_of(2, {}, 1, Activation::Prelu, Activation::Sigmoid)).parameter_count() == 3);  // no hidden unit
}

TEST_CASE("PReLU by hand: a 1-1-1 network's slope gradient is dL/da * min(z, 0)", "[network][prelu]") {
  // x = -2, W1 = 1, b1 = 0: z1 = -2, a1 = 0.25 * -2 = -0.5; linear output W2 = 2, b2 = 0: y = -1.
  // L = (y - t)^2 / 2 with t = 1: 2. dL/dy = -2, dL/da1 = 2 * -2 = -4, dL/d(slope) = -4 * -2 = 8,
  // delta1 = -4 * 0.25 = -1, dL/dW1 = -1 * -2 = 2, dL/db1 = -1, dL/dW2 = -2 * -0.5 = 1, dL/db2 = -2.
  Network net(arch_of(1, {1}, 1, Activation::Prelu, Activation::Linear));
  net.initialize(Init::Zeros, 0, 1);
  net.W(0)(0, 0) = 1;
  net.W(1)(0, 0) = 2;
  Workspace ws;
  ws.reserve(net, 1);
  ws.batch = 1;
  ws.input(0, 0) = -2;
  ws.target(0, 0) = 1;
  forward(net, ws);
  CHECK(double(ws.a[0](0, 0)) == -0.5);
  CHECK(double(ws.a[1](0, 0)) == -1.0);
  Vector grad;
  backward(net, Loss::SquaredError, ws, grad);
  CHECK(grad.size() == 5);
  CHECK(double(grad(net.slope_offset(0))) == 8.0);
  CHECK(double(grad(net.weight_offset(0))) == 2.0);
  CHECK(double(grad(net.bias_offset(0))) == -1.0);
  CHECK(double(grad(net.weight_offset(1))) == 1.0);
  CHECK(double(grad(net.bias_offset(1))) == -2.0);
  // z > 0 passes nothing to the slope: x = 3 gives z1 = 3, a1 = 3.
  ws.input(0, 0) = 3;
  forward(net, ws);
  backward(net, Loss::SquaredError, ws, grad);
  CHECK(double(grad(net.slope_offset(0))) == 0.0);
  // After one SGD step the slope has moved from 0.25: 0.25 - 0.1 * 8.
  ws.input(0, 0) = -2;
  forward(net, ws);
  backward(net, Loss::SquaredError, ws, grad);
  net.params() -= Scalar(0.1) * grad;
  CHECK(double(net.slopes(0)(0)) == Approx(0.25 - 0.8).margin(1e-7));
  forward(net, ws);
  // W1 = 1 - 0.1 * 2 = 0.8 and b1 = 0.1 give z1 = -1.5; the new slope -0.55 then gives a1 = 0.825.
  CHECK(double(ws.a[0](0, 0)) == Approx(-0.55 * -1.5).margin(1e-6));
}

TEST_CASE("PReLU slopes away from 0.25: the whole gradient matches central differences, with and without dropout",
          "[network][prelu][gradient]") {
  for (bool dropout : {false, true}) {
    INFO((dropout ? "with" : "without") << " dropout");
    Network net(arch_of(3, {5, 4}, 2, Activation::Prelu, Activation::Tanh));
    Workspace ws;
    setup_random(net, Loss::SquaredError, ws, 31);
    Rng rng(32);
    for (int l = 0; l + 1 < net.layer_count(); ++l)
      for (Index i = 0; i < net.slopes(l).size(); ++i) net.slopes(l)(i) = Scalar(rng.uniform(-0.5, 1.5));
    ws.use_dropout = dropout;
    for (int l = 0; l + 1 < net.layer_count(); ++l)
      for (Index k = 0; k < ws.dropout_mask[l].size(); ++k)
        ws.dropout_mask[l].data()[k] = dropout && rng.uniform() < 0.3 ? Scalar(0) : Scalar(dropout ? 1 / 0.7 : 1);
    const GradCheckResult r = gradient_check(net, Loss::SquaredError, ws, Scalar(0.01), Scalar(0.1));
    INFO("checked " << r.checked << " of " << net.parameter_count() << ", max relative error " << r.max_error);
    CHECK(r.checked + r.skipped == int(net.parameter_count()));
    CHECK(r.checked >= int(net.parameter_count()) * 9 / 10);
    CHECK(r.max_error < kGradTol);
  }
}

TEST_CASE("PReLU slopes are never regularised", "[network][prelu]") {
  Network net(arch_of(2, {3}, 1, Activation::Prelu, Activation::Sigmoid));
  net.initialize(Init::HeNormal, 0, 3);
  Vector grad = Vector::Zero(net.parameter_count());
  add_regularization_gradient(net, Scalar(0.5), Scalar(0.5), grad);
  CHECK(grad.segment(net.slope_offset(0), 3).isZero());
  CHECK_FALSE(grad.head(6).isZero());
}

// ---- maxout: k pieces per hidden unit, h = max_p (W_p a + b_p), the lowest p winning a tie ----

namespace {
Architecture maxout_arch(int inputs, std::vector<int> hidden, int outputs, Activation out, int k) {
  Architecture a = arch_of(inputs, std::move(hidden), outputs, Activation::Maxout, out);
  a.activation_params.maxout_pieces = k;
  return a;
}
}  // namespace

TEST_CASE("maxout layout: piece 0 where W and b always are, pieces 1..k-1 after every W and b", "[network][maxout]") {
  Network net(maxout_arch(2, {3, 2}, 1, Activation::Sigmoid, 3));
  // W and b: 3*(2+1) + 2*(3+1) + 1*(2+1) = 20; pieces 1 and 2 of both hidden layers: 2 * (9 + 8) = 34.
  CHECK(net.parameter_count() == 54);
  CHECK(net.pieces(0) == 3);
  CHECK(net.pieces(1) == 3);
  CHECK(net.pieces(2) == 1);  // never the output
  CHECK(net.weight_offset(0, 0) == 0);
  CHECK(net.bias_offset(0, 0) == 6);
  CHECK(net.weight_offset(1, 0) == 9);
  CHECK(net.weight_offset(2, 0) == 17);
  CHECK(net.weight_offset(0, 1) == 20);
  CHECK(net.bias_offset(0, 1) == 26);
  CHECK(net.weight_offset(0, 2) == 29);
  CHECK(net.weight_offset(1, 1) == 38);
  CHECK(net.weight_offset(1, 2) == 46);
  CHECK(net.bias_offset(1, 2) == 52);
  CHECK(Network(maxout_arch(2, {}, 1, Activation::Sigmoid, 4)).parameter_count() == 3);  // no hidden unit
  // Every piece is drawn (and each bias set) at initialisation.
  net.initialize(Init::XavierUniform, Scalar(0.5), 4);
  for (int p = 0; p < 3; ++p) {
    CHECK_FALSE(net.W(0, p).isZero());
    CHECK(net.b(1, p).isConstant(Scalar(0.5)));
  }
  CHECK_FALSE(net.W(0, 1).isApprox(net.W(0, 2)));
  // Pieces out of 2..4 are refused by name; maxout is never an output's.
  Architecture bad = maxout_arch(2, {3}, 1, Activation::Sigmoid, 5);
  CHECK(check_architecture(bad) == "maxout pieces must be between 2 and 4 (got 5)");
  bad.activation_params.maxout_pieces = 1;
  CHECK(check_architecture(bad) == "maxout pieces must be between 2 and 4 (got 1)");
  CHECK(check_architecture(arch_of(2, {3}, 1, Activation::Tanh, Activation::Maxout)) ==
        "'maxout' is only available for hidden layers");
  CHECK_FALSE(net.arch() == Network(maxout_arch(2, {3, 2}, 1, Activation::Sigmoid, 2)).arch());
}

TEST_CASE("maxout by hand: a 1-1-1 network with 2 pieces, forward and backward", "[network][maxout]") {
  // Piece 0: w = 1, b = 0; piece 1: w = -2, b = 1. At x = 2: z0 = 2, z1 = -3, h = 2 (piece 0 won).
  // Linear output W2 = 3, b2 = 0.5: y = 6.5. L = (y - t)^2 / 2 with t = 1.5: 12.5.
  // dL/dy = 5; dL/dh = 3 * 5 = 15 = delta1 (slope 1 through the winner). Piece 0: dL/dw = 15 * 2 = 30,
  // dL/db = 15; piece 1: 0 and 0. dL/dW2 = 5 * 2 = 10, dL/db2 = 5.
  Network net(maxout_arch(1, {1}, 1, Activation::Linear, 2));
  net.initialize(Init::Zeros, 0, 1);
  net.W(0, 0)(0, 0) = 1;
  net.W(0, 1)(0, 0) = -2;
  net.b(0, 1)(0) = 1;
  net.W(1)(0, 0) = 3;
  net.b(1)(0) = Scalar(0.5);
  Workspace ws;
  ws.reserve(net, 1);
  ws.batch = 1;
  ws.input(0, 0) = 2;
  ws.target(0, 0) = Scalar(1.5);
  forward(net, ws);
  CHECK(double(ws.piece_z[0][0](0, 0)) == 2.0);
  CHECK(double(ws.piece_z[0][1](0, 0)) == -3.0);
  CHECK(ws.winner[0](0, 0) == 0);
  CHECK(double(ws.a[0](0, 0)) == 2.0);
  CHECK(double(ws.a[1](0, 0)) == 6.5);
  CHECK(batch_loss_sum(net, Loss::SquaredError, ws) == 12.5);
  Vector grad;
  backward(net, Loss::SquaredError, ws, grad);
  REQUIRE(grad.size() == 6);  // W1, b1, W2, b2, then piece 1's W and b
  CHECK(double(ws.delta[0](0, 0)) == 15.0);
  CHECK(double(grad(net.weight_offset(0, 0))) == 30.0);
  CHECK(double(grad(net.bias_offset(0, 0))) == 15.0);
  CHECK(double(grad(net.weight_offset(0, 1))) == 0.0);
  CHECK(double(grad(net.bias_offset(0, 1))) == 0.0);
  CHECK(double(grad(net.weight_offset(1))) == 10.0);
  CHECK(double(grad(net.bias_offset(1))) == 5.0);
  // At x = -1: z0 = -1, z1 = 3: piece 1 wins, h = 3, y = 9.5, dL/dy = 8, delta1 = 24;
  // piece 1: dL/dw = 24 * -1 = -24, dL/db = 24; piece 0 gets nothing.
  ws.input(0, 0) = -1;
  forward(net, ws);
  CHECK(ws.winner[0](0, 0) == 1);
  CHECK(double(ws.a[0](0, 0)) == 3.0);
  backward(net, Loss::SquaredError, ws, grad);
  CHECK(double(grad(net.weight_offset(0, 1))) == -24.0);
  CHECK(double(grad(net.bias_offset(0, 1))) == 24.0);
  CHECK(double(grad(net.weight_offset(0, 0))) == 0.0);
  CHECK(double(grad(net.bias_offset(0, 0))) == 0.0);
}

TEST_CASE("maxout picks the largest piece; a tie goes to the lowest index", "[network][maxout]") {
  // One input, one unit, 4 pieces with w_p = 0 and biases chosen per case: z_p = b_p.
  Network net(maxout_arch(1, {1}, 1, Activation::Linear, 4));
  net.initialize(Init::Zeros, 0, 1);
  net.W(1)(0, 0) = 1;
  Workspace ws;
  ws.reserve(net, 1);
  ws.batch = 1;
  ws.input(0, 0) = 1;
  ws.target(0, 0) = 0;
  const auto winner_of = [&](std::vector<double> b) {
    for (int p = 0; p < 4; ++p) net.b(0, p)(0) = Scalar(b[std::size_t(p)]);
    forward(net, ws);
    return ws.winner[0](0, 0);
  };
  CHECK(winner_of({0.1, 0.3, -2, 0.2}) == 1);
  CHECK(winner_of({-1, -3, -2, -0.5}) == 3);
  CHECK(winner_of({0.7, 0.3, -2, 0.2}) == 0);
  CHECK(double(ws.a[0](0, 0)) == Approx(0.7));
  // Ties: the lowest index of the tied largest pieces wins, and only it receives the gradient.
  CHECK(winner_of({0.5, 0.5, 0.5, 0.5}) == 0);
  CHECK(winner_of({0.1, 0.5, 0.2, 0.5}) == 1);
  CHECK(winner_of({-1, 0, 0.25, 0.25}) == 2);
  Vector grad;
  backward(net, Loss::SquaredError, ws, grad);  // y = 0.25, t = 0: dL/dy = 0.25 = delta1
  for (int p = 0; p < 4; ++p) {
    INFO("piece " << p);
    CHECK(double(grad(net.bias_offset(0, p))) == (p == 2 ? 0.25 : 0.0));
  }
  // With many examples at once, each column picks its own winner.
  Workspace wide;
  wide.reserve(net, 3);
  wide.batch = 3;
  net.W(0, 1)(0, 0) = 1;  // piece 1: z = x + 0.5
  net.b(0, 1)(0) = Scalar(0.5);
  net.W(0, 3)(0, 0) = -1;        // piece 3: z = -x + 0.5
  net.b(0, 3)(0) = Scalar(0.5);  // pieces 0 and 2 keep z = -1 and 0.25
  wide.input << -2, 0, 2;
  forward(net, wide);
  CHECK(wide.winner[0](0, 0) == 3);  // z = (-1, -1.5, 0.25, 2.5)
  CHECK(wide.winner[0](0, 1) == 1);  // z = (-1, 0.5, 0.25, 0.5): pieces 1 and 3 tie, 1 wins
  CHECK(wide.winner[0](0, 2) == 1);  // z = (-1, 2.5, 0.25, -1.5)
}

TEST_CASE("maxout: the whole gradient matches central differences away from ties", "[network][maxout][gradient]") {
  for (int k = 2; k <= 4; ++k)
    for (bool dropout : {false, true}) {
      INFO(k << " pieces, " << (dropout ? "with" : "without") << " dropout");
      Network net(maxout_arch(3, {4, 3}, 2, Activation::Tanh, k));  // two maxout layers in a row
      Workspace ws;
      setup_random(net, Loss::SquaredError, ws, 40u + std::uint32_t(k));
      ws.use_dropout = dropout;
      Rng rng(41);
      for (int l = 0; l + 1 < net.layer_count(); ++l)
        for (Index i = 0; i < ws.dropout_mask[l].size(); ++i)
          ws.dropout_mask[l].data()[i] = dropout && rng.uniform() < 0.3 ? Scalar(0) : Scalar(dropout ? 1 / 0.7 : 1);
      const GradCheckResult r = gradient_check(net, Loss::SquaredError, ws, Scalar(0.01), Scalar(0.1));
      INFO("checked " << r.checked << " of " << net.parameter_count() << ", max relative error " << r.max_error);
      CHECK(r.checked + r.skipped == int(net.parameter_count()));
      CHECK(r.checked >= int(net.parameter_count()) * 9 / 10);
      CHECK(r.max_error < kGradTol);
      // Every piece of some unit won somewhere, so no piece is checked only at 0.
      Vector grad;
      forward(net, ws);
      backward(net, Loss::SquaredError, ws, grad);
      for (int p = 0; p < k; ++p) CHECK_FALSE(grad.segment(net.weight_offset(0, p), 12).isZero());
    }
  // And with a softmax output and cross-entropy.
  Network net(maxout_arch(2, {5}, 3, Activation::Softmax, 3));
  Workspace ws;
  setup_random(net, Loss::SoftmaxCrossEntropy, ws, 50);
  const GradCheckResult r = gradient_check(net, Loss::SoftmaxCrossEntropy, ws, 0, 0);
  CHECK(r.checked >= int(net.parameter_count()) * 9 / 10);
  CHECK(r.max_error < kGradTol);
}
