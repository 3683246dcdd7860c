// Tests for loss.hpp: loss values against hand formulas (including extreme z, where the stable
// forms must not give inf/NaN), the output delta against central differences of the loss in z for
// every valid activation/loss pairing, dL/da for display, pairing rules and the name table.
#include "backprop/loss.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <string>
#include <type_traits>

#include "backprop/rng.hpp"

using namespace bp;
using namespace bp::test;

namespace {

double bce_reference(double z, double y) {  // -[y log s + (1-y) log(1-s)], fine for moderate z
  const double s = 1 / (1 + std::exp(-z));
  return -(y * std::log(s) + (1 - y) * std::log(1 - s));
}

struct Case {
  Loss loss;
  Activation output;
  int outputs;
};

}  // namespace

TEST_CASE("squared error is half the squared distance", "[loss]") {
  Matrix a(2, 2), y(2, 2);
  a << 0.5, -1.0, 2.0, 0.0;
  y << 1.0, 1.0, 0.0, 0.5;
  // 1/2 (0.25 + 4 + 4 + 0.25) = 4.25
  CHECK(loss_sum(Loss::SquaredError, a, a, y) == Approx(4.25).margin(kValueTol));
}

TEST_CASE("binary cross-entropy from z matches the textbook form", "[loss]") {
  Matrix z(1, 1), a(1, 1), y(1, 1);
  for (double zv : {-4.0, -1.0, 0.0, 0.5, 3.0})
    for (double yv : {0.0, 1.0, 0.3}) {
      z(0, 0) = Scalar(zv);
      y(0, 0) = Scalar(yv);
      activate(Activation::Sigmoid, ActivationParams(), z, a);
      INFO("z " << zv << " y " << yv);
      CHECK(loss_sum(Loss::BinaryCrossEntropy, z, a, y) == Approx(bce_reference(zv, yv)).margin(kValueTol));
    }
  z(0, 0) = 0;
  y(0, 0) = 1;
  CHECK(loss_sum(Loss::BinaryCrossEntropy, z, a, y) == Approx(std::log(2.0)).margin(kValueTol));
}

TEST_CASE("binary cross-entropy is finite and exact for z = +-100", "[loss]") {
  Matrix z(1, 4), a(1, 4), y(1, 4);
  z << 100, -100, 100, -100;
  y << 1, 1, 0, 0;
  activate(Activation::Sigmoid, ActivationParams(), z, a);  // a saturates to exactly 0 or 1 in float
  for (Index c = 0; c < 4; ++c) {
    const double l = loss_sum(Loss::BinaryCrossEntropy, z.col(c), a.col(c), y.col(c));
    INFO("column " << c);
    REQUIRE(std::isfinite(l));
    const double expected = (c == 0 || c == 3) ? 0.0 : 100.0;  // confident right: ~0, wrong: |z|
    CHECK(l == Approx(expected).margin(1e-4));
  }
}

TEST_CASE("softmax cross-entropy is logsumexp(z) - y.z, finite for extreme z", "[loss]") {
  Matrix z(3, 1), a(3, 1), y(3, 1);
  z << 1, 2, 3;
  y << 0, 0, 1;
  activate(Activation::Softmax, ActivationParams(), z, a);
  const double lse = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0));
  CHECK(loss_sum(Loss::SoftmaxCrossEntropy, z, a, y) == Approx(lse - 3).margin(kValueTol));
  CHECK(loss_sum(Loss::SoftmaxCrossEntropy, z, a, y) == Approx(-std::log(double(a(2, 0)))).margin(kValueTol));

  z << 100, -100, 0;
  activate(Activation::Softmax, ActivationParams(), z, a);
  y << 0, 1, 0;
  double l = loss_sum(Loss::SoftmaxCrossEntropy, z, a, y);
  REQUIRE(std::isfinite(l));
  CHECK(l == Approx(200.0).epsilon(1e-6));
  y << 1, 0, 0;
  l = loss_sum(Loss::SoftmaxCrossEntropy, z, a, y);
  REQUIRE(std::isfinite(l));
  CHECK(l == Approx(0.0).margin(1e-6));
}

TEST_CASE("loss_sum adds the per-example losses over columns", "[loss]") {
  Rng rng(9);
  Matrix z(3, 4), a(3, 4), y = Matrix::Zero(3, 4);
  for (Index k = 0; k < z.size(); ++k) z.data()[k] = Scalar(rng.uniform(-2, 2));
  for (Index c = 0; c < 4; ++c) y(rng.below(3), c) = 1;
  activate(Activation::Softmax, ActivationParams(), z, a);
  double per_column = 0;
  for (Index c = 0; c < 4; ++c) per_column += loss_sum(Loss::SoftmaxCrossEntropy, z.col(c), a.col(c), y.col(c));
  CHECK(loss_sum(Loss::SoftmaxCrossEntropy, z, a, y) == Approx(per_column).margin(kValueTol));
}

TEST_CASE("output delta equals the derivative of the loss in z for every valid pairing", "[loss]") {
  ActivationParams p;
  p.leaky_slope = Scalar(0.1);
  p.elu_alpha = Scalar(1.5);
  const Case cases[] = {
      {Loss::SquaredError, Activation::Linear, 2},         {Loss::SquaredError, Activation::Sigmoid, 2},
      {Loss::SquaredError, Activation::Tanh, 2},           {Loss::SquaredError, Activation::Relu, 2},
      {Loss::SquaredError, Activation::LeakyRelu, 2},      {Loss::SquaredError, Activation::Elu, 2},
      {Loss::SquaredError, Activation::Softplus, 2},       {Loss::BinaryCrossEntropy, Activation::Sigmoid, 1},
      {Loss::BinaryCrossEntropy, Activation::Sigmoid, 3},  {Loss::SoftmaxCrossEntropy, Activation::Softmax, 3},
      {Loss::SoftmaxCrossEntropy, Activation::Softmax, 5},
  };
  const double h = kFloat ? 1e-2 : 1e-6;
  const double tol = kFloat ? 2e-3 : 1e-7;
  Rng rng(17);
  for (const Case& c : cases) {
    INFO(loss_name(c.loss) << " + " << activation_name(c.output) << " x" << c.outputs);
    REQUIRE(check_loss_pairing(c.loss, c.output, c.outputs).empty());
    const Index K = c.outputs, B = 4;
    Matrix z(K, B), a(K, B), y = Matrix::Zero(K, B), delta(K, B);
    for (Index k = 0; k < z.size(); ++k) {  // keep |z| > 0.1 so no kink is within reach of h
      double v = rng.uniform(0.1, 2.0);
      z.data()[k] = Scalar(rng.below(2) ? v : -v);
    }
    for (Index col = 0; col < B; ++col) {
      if (c.loss == Loss::SoftmaxCrossEntropy) {
        y(rng.below(std::uint32_t(K)), col) = 1;
      } else {
        for (Index r = 0; r < K; ++r) y(r, col) = Scalar(rng.uniform(c.loss == Loss::SquaredError ? -1 : 0, 1));
      }
    }
    activate(c.output, p, z, a);
    loss_output_delta(c.loss, c.output, p, z, a, y, delta);
    for (Index k = 0; k < z.size(); ++k) {
      Matrix zp = z, zm = z, ap(K, B), am(K, B);
      zp.data()[k] += Scalar(h);
      zm.data()[k] -= Scalar(h);
      activate(c.output, p, zp, ap);
      activate(c.output, p, zm, am);
      const double numeric =
          (loss_sum(c.loss, zp, ap, y) - loss_sum(c.loss, zm, am, y)) / (double(zp.data()[k]) - double(zm.data()[k]));
      CHECK(double(delta.data()[k]) == Approx(numeric).margin(tol));
    }
  }
}

TEST_CASE("dL/da for display", "[loss]") {
  Matrix z(2, 1), a(2, 1), y(2, 1), g(2, 1);
  z << std::log(0.8 / 0.2), std::log(0.25 / 0.75);  // sigmoid(z) = (0.8, 0.25)
  activate(Activation::Sigmoid, ActivationParams(), z, a);
  y << 1, 0;
  loss_grad_output(Loss::SquaredError, z, a, y, g);
  CHECK(double(g(0, 0)) == Approx(-0.2).margin(kValueTol));
  CHECK(double(g(1, 0)) == Approx(0.25).margin(kValueTol));
  loss_grad_output(Loss::BinaryCrossEntropy, z, a, y, g);  // -y/a + (1-y)/(1-a)
  CHECK(double(g(0, 0)) == Approx(-1 / 0.8).margin(kValueTol));
  CHECK(double(g(1, 0)) == Approx(1 / 0.75).margin(kValueTol));
  z << std::log(0.8), std::log(0.2);  // softmax(z) = (0.8, 0.2)
  activate(Activation::Softmax, ActivationParams(), z, a);
  loss_grad_output(Loss::SoftmaxCrossEntropy, z, a, y, g);  // -y/a
  CHECK(double(g(0, 0)) == Approx(-1 / 0.8).margin(kValueTol));
  CHECK(double(g(1, 0)) == Approx(0.0).margin(kValueTol));
}

TEST_CASE("dL/da is finite when a saturated output matches its target", "[loss]") {
  // sigmoid(40) rounds to exactly 1 even in double, and softmax of a 1000 logit gap to 0 in float:
  // the display gradient must not be 0/0 there.
  Matrix z(1, 2), a(1, 2), y(1, 2), g(1, 2);
  z << 40, -40;
  y << 1, 0;
  activate(Activation::Sigmoid, ActivationParams(), z, a);
  REQUIRE(a(0, 0) == Scalar(1));
  loss_grad_output(Loss::BinaryCrossEntropy, z, a, y, g);
  REQUIRE(g.allFinite());
  CHECK(double(g(0, 0)) == Approx(-1.0).margin(kValueTol));  // -y/a
  CHECK(double(g(0, 1)) == Approx(1.0).margin(kValueTol));   // (1-y)/(1-a)

  Matrix zs(3, 1), as(3, 1), ys(3, 1), gs(3, 1);
  zs << 1000, -1000, 0;
  ys << 1, 0, 0;
  activate(Activation::Softmax, ActivationParams(), zs, as);
  REQUIRE(double(as(1, 0)) < 1e-30);  // exactly 0 in float; Eigen clamps exp in double
  loss_grad_output(Loss::SoftmaxCrossEntropy, zs, as, ys, gs);
  REQUIRE(gs.allFinite());
  CHECK(double(gs(0, 0)) == Approx(-1.0).margin(kValueTol));
  CHECK(double(gs(1, 0)) == 0.0);
  CHECK(double(gs(2, 0)) == 0.0);
}

TEST_CASE("loss pairing rules name the loss and the activation", "[loss]") {
  CHECK(check_loss_pairing(Loss::SquaredError, Activation::Tanh, 1).empty());
  CHECK(check_loss_pairing(Loss::BinaryCrossEntropy, Activation::Sigmoid, 1).empty());
  CHECK(check_loss_pairing(Loss::SoftmaxCrossEntropy, Activation::Softmax, 3).empty());
  const std::string mse_softmax = check_loss_pairing(Loss::SquaredError, Activation::Softmax, 3);
  CHECK(mse_softmax.find("mse") != std::string::npos);
  const std::string bce_tanh = check_loss_pairing(Loss::BinaryCrossEntropy, Activation::Tanh, 1);
  CHECK(bce_tanh.find("bce") != std::string::npos);
  CHECK(bce_tanh.find("tanh") != std::string::npos);
  const std::string ce_sigmoid = check_loss_pairing(Loss::SoftmaxCrossEntropy, Activation::Sigmoid, 3);
  CHECK(ce_sigmoid.find("softmax_ce") != std::string::npos);
  CHECK(ce_sigmoid.find("sigmoid") != std::string::npos);
  CHECK_FALSE(check_loss_pairing(Loss::SoftmaxCrossEntropy, Activation::Softmax, 1).empty());
}

TEST_CASE("loss names round-trip", "[loss]") {
  for (Loss l : {Loss::SquaredError, Loss::BinaryCrossEntropy, Loss::SoftmaxCrossEntropy}) {
    Loss parsed = Loss::SquaredError;
    REQUIRE(parse_loss(loss_name(l), parsed));
    CHECK(parsed == l);
  }
  Loss unchanged = Loss::BinaryCrossEntropy;
  CHECK_FALSE(parse_loss("hinge", unchanged));
  CHECK(unchanged == Loss::BinaryCrossEntropy);
}

// Against long double references: what a rounded a = f(z) has lost, the forms from z keep.
TEST_CASE("cross-entropies of confident outputs keep their digits", "[loss][precision]") {
  const double rel = kFloat ? 1e-6 : 1e-13;
  SECTION("softmax CE at logit gaps of 20 and 30 is log1p(sum e^-gap), not 0") {
    Matrix z(3, 2), a(3, 2), y(3, 2);
    z << 20, 5, 0, -25, 0, 0;
    y << 1, 0, 0, 1, 0, 0;
    activate(Activation::Softmax, ActivationParams(), z, a);
    const long double l0 = std::log1p(std::exp(-20.0L) + std::exp(-20.0L));
    // column 1: z = (5, -25, 0) with y on the -25: lse - z_1 = 30 + log1p(e^-30 + e^-5)
    const long double l1 = 30 + std::log1p(std::exp(-30.0L) + std::exp(-5.0L));
    const double total = loss_sum(Loss::SoftmaxCrossEntropy, z, a, y);
    CHECK(total == Approx(double(l0 + l1)).epsilon(rel));
    Matrix z0 = z.leftCols(1), a0 = a.leftCols(1), y0 = y.leftCols(1);
    CHECK(loss_sum(Loss::SoftmaxCrossEntropy, z0, a0, y0) == Approx(double(l0)).epsilon(rel));  // 4.1e-9, was 0
  }
  SECTION("BCE's dL/da where sigmoid(z) rounds to 0 or 1") {
    Matrix z(1, 4), a(1, 4), y(1, 4), g(1, 4);
    z << 30, -30, -80, 12;
    y << 0, 1, 1, 0;
    activate(Activation::Sigmoid, ActivationParams(), z, a);
    loss_grad_output(Loss::BinaryCrossEntropy, z, a, y, g);
    // 1/(1-a) = 1 + e^z for y = 0, -1/a = -(1 + e^-z) for y = 1
    CHECK(double(g(0, 0)) == Approx(double(1 + std::exp(30.0L))).epsilon(rel));  // was +inf in float
    CHECK(double(g(0, 1)) == Approx(double(-1 - std::exp(30.0L))).epsilon(rel));
    CHECK(double(g(0, 2)) == Approx(double(-1 - std::exp(80.0L))).epsilon(rel));
    CHECK(double(g(0, 3)) == Approx(double(1 + std::exp(12.0L))).epsilon(rel));
    // At z = -120, -1/a = -1.3e52: finite in double; beyond float's range, so -inf in float.
    z << -120, 0, 0, 0;
    y << 1, 0, 0, 0;
    loss_grad_output(Loss::BinaryCrossEntropy, z, a, y, g);
    if (kFloat)
      CHECK(std::isinf(double(g(0, 0))));
    else
      CHECK(double(g(0, 0)) == Approx(double(-1 - std::exp(120.0L))).epsilon(rel));
  }
  SECTION("softmax CE's dL/da = -y/a from z") {
    Matrix z(2, 1), a(2, 1), y(2, 1), g(2, 1);
    z << 0, -60;
    y << 0, 1;
    activate(Activation::Softmax, ActivationParams(), z, a);
    loss_grad_output(Loss::SoftmaxCrossEntropy, z, a, y, g);
    CHECK(double(g(1, 0)) == Approx(double(-1 - std::exp(60.0L))).epsilon(rel));
    CHECK(double(g(0, 0)) == 0.0);
  }
}
