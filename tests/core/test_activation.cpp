// Tests for activation.hpp: each activation's value and derivative against closed forms at chosen
// points, derivatives against central differences of activate(), softmax per column, stability at
// extreme z, in-place evaluation (used by the grid), and the name table.
// Not tested here: gradients through whole networks (see test_network.cpp).
#include "activation.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <utility>
#include <type_traits>
#include <vector>

using namespace bp;
using namespace bp::test;

namespace {

constexpr double kActivationTol = kFloat ? 1e-6 : 1e-12;  // absolute, values of order 1

const Activation kActivations[] = {Activation::Linear, Activation::Step,      Activation::Sigmoid,
                           Activation::Tanh,   Activation::Relu,      Activation::LeakyRelu,
                           Activation::Elu,    Activation::Softplus,  Activation::Softmax};

Matrix column(std::initializer_list<double> values) {
  Matrix m(static_cast<Index>(values.size()), 1);
  Index i = 0;
  for (double v : values) m(i++, 0) = static_cast<Scalar>(v);
  return m;
}

double f1(Activation f, double z, const ActivationParams& p = ActivationParams()) {
  Matrix zm(1, 1), am(1, 1);
  zm(0, 0) = static_cast<Scalar>(z);
  activate(f, p, zm, am);
  return double(am(0, 0));
}

double g1(Activation f, double z, const ActivationParams& p = ActivationParams()) {
  Matrix zm(1, 1), am(1, 1), gm(1, 1);
  zm(0, 0) = static_cast<Scalar>(z);
  activate(f, p, zm, am);
  activate_grad(f, p, zm, am, gm);
  return double(gm(0, 0));
}

double sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

}  // namespace

TEST_CASE("activation values match closed forms", "[activation]") {
  const ActivationParams p;  // leaky slope 0.01, ELU alpha 1
  SECTION("linear and step") {
    for (double z : {-2.5, 0.0, 3.0}) CHECK(f1(Activation::Linear, z) == Approx(z).margin(kActivationTol));
    CHECK(f1(Activation::Step, -1.0) == 0.0);
    CHECK(f1(Activation::Step, 0.0) == 0.0);  // step(0) = 0: strictly positive z fires
    CHECK(f1(Activation::Step, 1e-3) == 1.0);
    CHECK(f1(Activation::Step, 5.0) == 1.0);
  }
  SECTION("sigmoid and tanh") {
    CHECK(f1(Activation::Sigmoid, 0.0) == Approx(0.5).margin(kActivationTol));
    for (double z : {-3.0, -0.5, 1.0, 2.0})
      CHECK(f1(Activation::Sigmoid, z) == Approx(sigmoid(z)).margin(kActivationTol));
    CHECK(f1(Activation::Tanh, 0.0) == Approx(0.0).margin(kActivationTol));
    for (double z : {-2.0, -0.3, 0.7, 1.5})
      CHECK(f1(Activation::Tanh, z) == Approx(std::tanh(z)).margin(kActivationTol));
  }
  SECTION("relu, leaky relu and elu") {
    CHECK(f1(Activation::Relu, -2.0) == 0.0);
    CHECK(f1(Activation::Relu, 0.0) == 0.0);
    CHECK(f1(Activation::Relu, 1.5) == Approx(1.5).margin(kActivationTol));
    CHECK(f1(Activation::LeakyRelu, -2.0) == Approx(-0.02).margin(kActivationTol));
    CHECK(f1(Activation::LeakyRelu, 3.0) == Approx(3.0).margin(kActivationTol));
    ActivationParams q;
    q.leaky_slope = Scalar(0.2);
    q.elu_alpha = Scalar(2);
    CHECK(f1(Activation::LeakyRelu, -2.0, q) == Approx(-0.4).margin(kActivationTol));
    CHECK(f1(Activation::Elu, -1.0) == Approx(std::exp(-1.0) - 1).margin(kActivationTol));
    CHECK(f1(Activation::Elu, -1.0, q) == Approx(2 * (std::exp(-1.0) - 1)).margin(kActivationTol));
    CHECK(f1(Activation::Elu, 2.0, q) == Approx(2.0).margin(kActivationTol));
    CHECK(f1(Activation::Elu, -50.0, q) == Approx(-2.0).margin(kActivationTol));  // saturates at -alpha
  }
  SECTION("softplus") {
    CHECK(f1(Activation::Softplus, 0.0) == Approx(std::log(2.0)).margin(kActivationTol));
    for (double z : {-3.0, -0.5, 1.0, 4.0})
      CHECK(f1(Activation::Softplus, z) == Approx(std::log1p(std::exp(z))).margin(kActivationTol));
    // Stable form: no overflow far out on either side.
    CHECK(f1(Activation::Softplus, 100.0) == Approx(100.0).epsilon(1e-6));
    CHECK(f1(Activation::Softplus, -100.0) == Approx(0.0).margin(1e-30));
    CHECK(f1(Activation::Softplus, 1000.0) == Approx(1000.0).epsilon(1e-6));
  }
}

TEST_CASE("activation derivatives match closed forms", "[activation]") {
  const ActivationParams p;
  CHECK(g1(Activation::Linear, -4.0) == 1.0);
  CHECK(g1(Activation::Step, -1.0) == 0.0);
  CHECK(g1(Activation::Step, 1.0) == 0.0);  // flat everywhere it is defined
  CHECK(g1(Activation::Sigmoid, 0.0) == Approx(0.25).margin(kActivationTol));
  CHECK(g1(Activation::Sigmoid, 2.0) == Approx(sigmoid(2) * (1 - sigmoid(2))).margin(kActivationTol));
  CHECK(g1(Activation::Tanh, 0.0) == Approx(1.0).margin(kActivationTol));
  for (double z : {-1.2, 0.4, 2.0})
    CHECK(g1(Activation::Tanh, z) == Approx(1 - std::tanh(z) * std::tanh(z)).margin(kActivationTol));
  CHECK(g1(Activation::Relu, -1.0) == 0.0);
  CHECK(g1(Activation::Relu, 0.5) == 1.0);
  CHECK(g1(Activation::LeakyRelu, -1.0) == Approx(0.01).margin(kActivationTol));
  CHECK(g1(Activation::LeakyRelu, 1.0) == Approx(1.0).margin(kActivationTol));
  ActivationParams q;
  q.leaky_slope = Scalar(0.3);
  q.elu_alpha = Scalar(1.5);
  CHECK(g1(Activation::LeakyRelu, -1.0, q) == Approx(0.3).margin(kActivationTol));
  CHECK(g1(Activation::Elu, -1.0) == Approx(std::exp(-1.0)).margin(kActivationTol));
  CHECK(g1(Activation::Elu, -1.0, q) == Approx(1.5 * std::exp(-1.0)).margin(kActivationTol));
  CHECK(g1(Activation::Elu, 0.5, q) == 1.0);
  CHECK(g1(Activation::Softplus, 0.0) == Approx(0.5).margin(kActivationTol));
  CHECK(g1(Activation::Softplus, -2.0) == Approx(sigmoid(-2)).margin(kActivationTol));
  CHECK(g1(Activation::Softmax, 0.3) == 1.0);  // folded into the loss: ones
}

TEST_CASE("activate_grad matches central differences of activate away from kinks", "[activation]") {
  ActivationParams p;
  p.leaky_slope = Scalar(0.1);
  p.elu_alpha = Scalar(1.5);
  // Central differences in Scalar: step ~ cbrt(eps), so the error is ~1e-4 (float) / 1e-10 (double).
  const double h = kFloat ? 1e-2 : 1e-5;
  const double tol = kFloat ? 2e-3 : 1e-8;
  const Activation smooth[] = {Activation::Linear, Activation::Sigmoid, Activation::Tanh,
                               Activation::Relu,   Activation::LeakyRelu, Activation::Elu,
                               Activation::Softplus};
  const Matrix z = column({-3.1, -1.7, -0.6, -0.2, 0.25, 0.9, 1.8, 3.3});
  for (Activation f : smooth) {
    INFO(activation_name(f));
    Matrix a(z.rows(), 1), g(z.rows(), 1), ap(z.rows(), 1), am(z.rows(), 1);
    activate(f, p, z, a);
    activate_grad(f, p, z, a, g);
    const Matrix zp = z.array() + Scalar(h), zm = z.array() - Scalar(h);
    activate(f, p, zp, ap);
    activate(f, p, zm, am);
    for (Index i = 0; i < z.rows(); ++i) {
      const double numeric = (double(ap(i, 0)) - double(am(i, 0))) / (double(zp(i, 0)) - double(zm(i, 0)));
      CHECK(double(g(i, 0)) == Approx(numeric).margin(tol));
    }
  }
}

// The issue quoted [0.51, 0.18, 0.31] for this input, but that is z / sum(z) (plain
// normalisation), not softmax: exp(z) / sum(exp(z)) = [0.5297, 0.1854, 0.2849]. We check the latter.
TEST_CASE("softmax of (1.60, 0.55, 0.98) is (0.53, 0.19, 0.28)", "[activation]") {
  const Matrix z = column({1.60, 0.55, 0.98});
  Matrix a(3, 1);
  activate(Activation::Softmax, ActivationParams(), z, a);
  CHECK(double(a(0, 0)) == Approx(0.53).margin(0.005));
  CHECK(double(a(1, 0)) == Approx(0.19).margin(0.005));
  CHECK(double(a(2, 0)) == Approx(0.28).margin(0.005));
  CHECK(double(a.sum()) == Approx(1.0).margin(kActivationTol));
  const double e0 = std::exp(1.60), e1 = std::exp(0.55), e2 = std::exp(0.98);
  CHECK(double(a(0, 0)) == Approx(e0 / (e0 + e1 + e2)).margin(kActivationTol));
  CHECK(double(a(1, 0)) == Approx(e1 / (e0 + e1 + e2)).margin(kActivationTol));
  CHECK(double(a(2, 0)) == Approx(e2 / (e0 + e1 + e2)).margin(kActivationTol));
  // Not the plain normalisation z / sum(z) = [0.51, 0.18, 0.31].
  CHECK(std::abs(double(a(2, 0)) - 0.98 / 3.13) > 0.02);
}

TEST_CASE("softmax is per column and stable for extreme z", "[activation]") {
  Matrix z(3, 3);
  z << 1, 1000, -100,
       2, 1000, 0,
       3, -1000, 100;
  Matrix a(3, 3);
  activate(Activation::Softmax, ActivationParams(), z, a);
  REQUIRE(a.allFinite());
  for (Index c = 0; c < 3; ++c) CHECK(double(a.col(c).sum()) == Approx(1.0).margin(kActivationTol));
  const double s = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  CHECK(double(a(2, 0)) == Approx(std::exp(3.0) / s).margin(kActivationTol));
  CHECK(double(a(0, 1)) == Approx(0.5).margin(kActivationTol));
  CHECK(double(a(2, 1)) == Approx(0.0).margin(kActivationTol));
  CHECK(double(a(2, 2)) == Approx(1.0).margin(kActivationTol));
}

TEST_CASE("saturating activations stay finite for z = +-100", "[activation]") {
  const Matrix z = column({-100, -30, 30, 100});
  for (Activation f : kActivations) {
    INFO(activation_name(f));
    Matrix a(4, 1), g(4, 1);
    activate(f, ActivationParams(), z, a);
    activate_grad(f, ActivationParams(), z, a, g);
    CHECK(a.allFinite());
    CHECK(g.allFinite());
  }
  CHECK(f1(Activation::Sigmoid, -100) == Approx(0).margin(1e-30));
  CHECK(f1(Activation::Sigmoid, 100) == 1.0);
  CHECK(f1(Activation::Tanh, -100) == -1.0);
}

TEST_CASE("activate works in place (output aliasing the input)", "[activation]") {
  Matrix z(3, 4);
  z << -2.0, -0.3, 0.4, 2.5,
       1.0, 0.0, -1.5, 0.2,
       0.7, -0.8, 3.0, -4.0;
  for (Activation f : kActivations) {
    INFO(activation_name(f));
    Matrix expected(3, 4);
    activate(f, ActivationParams(), z, expected);
    Matrix inplace = z;
    activate(f, ActivationParams(), inplace, inplace);
    CHECK(inplace == expected);
  }
}

TEST_CASE("activation names round-trip and low targets", "[activation]") {
  for (Activation f : kActivations) {
    Activation parsed = Activation::Linear;
    REQUIRE(parse_activation(activation_name(f), parsed));
    CHECK(parsed == f);
  }
  Activation unchanged = Activation::Elu;
  CHECK_FALSE(parse_activation("swish", unchanged));
  CHECK(std::string(activation_name(Activation::LeakyRelu)) == "leaky_relu");
  CHECK(activation_low_target(Activation::Tanh) == Scalar(-1));
  CHECK(activation_low_target(Activation::Sigmoid) == Scalar(0));
  CHECK(activation_low_target(Activation::Linear) == Scalar(0));
}

// Against long double references at every z of a fine sweep (one column, so Eigen's vectorised
// kernels and its scalar tail both run): each value within a few ulp of the exact one, relative.
namespace {
constexpr double kUlps = kFloat ? 8 * 5.96e-8 : 8 * 1.11e-16;  // 8 half-ulps: 4 ulp at worst

Matrix sweep(double lo, double hi, double step) {
  std::vector<double> zs;
  for (double z = lo; z <= hi; z += step) zs.push_back(z);
  Matrix m(Index(zs.size()), 1);
  for (std::size_t i = 0; i < zs.size(); ++i) m(Index(i), 0) = static_cast<Scalar>(zs[i]);
  return m;
}

// Largest |computed - exact| / |exact| over the sweep, and where.
template <class Exact>
std::pair<double, double> worst(const Matrix& z, const Matrix& computed, Exact exact) {
  double err = 0, at = 0;
  for (Index i = 0; i < z.rows(); ++i) {
    const long double zl = z(i, 0), ref = exact(zl);  // z as the Scalar it is, then exactly
    const double e = double(std::fabs((static_cast<long double>(computed(i, 0)) - ref) / ref));
    if (e > err) err = e, at = double(z(i, 0));
  }
  return {err, at};
}

long double sigmoid_l(long double z) { return 1 / (1 + std::exp(-z)); }
}  // namespace

TEST_CASE("sigmoid, tanh, ELU and softplus and their slopes are as exact as Scalar allows", "[activation][precision]") {
  const Matrix z = sweep(-16, 16, 1.0 / 64);
  Matrix a(z.rows(), 1), g(z.rows(), 1);
  ActivationParams p;
  p.elu_alpha = Scalar(2.5);
  const auto run = [&](Activation f) {
    activate(f, p, z, a);
    activate_grad(f, p, z, a, g);
  };
  run(Activation::Sigmoid);
  auto e = worst(z, a, sigmoid_l);
  INFO("sigmoid: relative error " << e.first << " at z = " << e.second);
  CHECK(e.first <= kUlps);  // Eigen's float logistic: 4e-4 near z = -8.8
  e = worst(z, g, [](long double x) { return sigmoid_l(x) * sigmoid_l(-x); });
  INFO("sigmoid': relative error " << e.first << " at z = " << e.second);
  CHECK(e.first <= kUlps);

  run(Activation::Tanh);
  e = worst(z, g, [](long double x) { return 1 / (std::cosh(x) * std::cosh(x)); });
  INFO("tanh': relative error " << e.first << " at z = " << e.second);
  CHECK(e.first <= kUlps);  // 1 - a^2: 6e-3 at z = 6.2, 100% (0) beyond |z| = 7.9 in float

  run(Activation::Softplus);
  e = worst(z, g, sigmoid_l);
  INFO("softplus': relative error " << e.first << " at z = " << e.second);
  CHECK(e.first <= kUlps);

  const Matrix zn = sweep(-20, -1.0 / 64, 1.0 / 64);  // ELU's negative side
  a.resize(zn.rows(), 1);
  g.resize(zn.rows(), 1);
  activate(Activation::Elu, p, zn, a);
  activate_grad(Activation::Elu, p, zn, a, g);
  e = worst(zn, a, [](long double x) { return 2.5L * std::expm1(x); });
  INFO("ELU: relative error " << e.first << " at z = " << e.second);
  CHECK(e.first <= kUlps);
  e = worst(zn, g, [](long double x) { return 2.5L * std::exp(x); });
  INFO("ELU': relative error " << e.first << " at z = " << e.second);
  CHECK(e.first <= kUlps);  // a + alpha: 12% at z = -14.65
}

TEST_CASE("the issue's reference points", "[activation][precision]") {
  ActivationParams p;
  p.elu_alpha = Scalar(2.5);
  CHECK(f1(Activation::Sigmoid, -8.8) == Approx(1.5071033e-4).epsilon(1e-6));  // was 1.5076995e-4
  CHECK(g1(Activation::Elu, -14.65, p) == Approx(1.0852406e-6).epsilon(1e-6));  // was 9.54e-7
  CHECK(g1(Activation::Tanh, 6.2) == Approx(1.6474225e-5).epsilon(1e-6));      // was 1.657e-5
  CHECK(g1(Activation::Tanh, 9.0) == Approx(6.0919917e-8).epsilon(1e-6));      // was 0
  CHECK(g1(Activation::Tanh, -12.0) == Approx(1.5100538e-10).epsilon(1e-6));
}
