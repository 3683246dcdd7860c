// Tests for activation.hpp: each activation's value and derivative against closed forms at chosen
// points, derivatives against central differences of activate(), softmax per column, stability at
// extreme z, in-place evaluation (used by the grid), and the name table; for the activation lab,
// curves and their slopes by hand, the properties table against known values
// and a finer grid, softmax of one vector, the chain rule's products, and the refusals.
// Not tested here: gradients through whole networks (see test_network.cpp).
#include "backprop/activation.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <type_traits>
#include <vector>

using namespace bp;
using namespace bp::test;

namespace {

constexpr double kActivationTol = kFloat ? 1e-6 : 1e-12;  // absolute, values of order 1

const Activation kActivations[] = {Activation::Linear, Activation::Step,      Activation::Sigmoid, Activation::Tanh,
                                   Activation::Relu,   Activation::LeakyRelu, Activation::Elu,     Activation::Softplus,
                                   Activation::Abs,    Activation::Gelu,      Activation::Swish,   Activation::Prelu,
                                   Activation::Maxout, Activation::Softmax};

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

// Every elementwise activation's derivative (the step's 0 too), away from the kink at 0; the lab's
// activation_curve runs these same two functions.
TEST_CASE("activate_grad matches central differences of activate away from kinks", "[activation]") {
  ActivationParams p;
  p.leaky_slope = Scalar(0.1);
  p.elu_alpha = Scalar(1.5);
  // Central differences in Scalar: step ~ cbrt(eps), so the error is ~1e-4 (float) / 1e-10 (double).
  const double h = kFloat ? 1e-2 : 1e-5;
  const double tol = kFloat ? 2e-3 : 1e-8;
  const Activation elementwise[] = {Activation::Linear, Activation::Step,     Activation::Sigmoid,
                                    Activation::Tanh,   Activation::Relu,     Activation::LeakyRelu,
                                    Activation::Elu,    Activation::Softplus, Activation::Abs,
                                    Activation::Gelu,   Activation::Swish,    Activation::Prelu};
  const Matrix z = column({-3.1, -1.7, -0.6, -0.2, 0.25, 0.9, 1.8, 3.3});
  for (Activation f : elementwise) {
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
  z << 1, 1000, -100, 2, 1000, 0, 3, -1000, 100;
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

// ReLU's family takes one flat loop over contiguous blocks (backward()'s whole columns) and a loop
// by coefficient otherwise (a block of rows, a row-major matrix): the same slopes either way.
TEST_CASE("ReLU, leaky ReLU and PReLU slopes: contiguous blocks, strided blocks, row-major", "[activation]") {
  Matrix z(3, 4);
  z << -2.0, -0.3, 0.4, 2.5, 1.0, 0.0, -1.5, 0.2, 0.7, -0.8, 3.0, -4.0;
  ActivationParams p;
  p.leaky_slope = Scalar(0.2);
  for (Activation f : {Activation::Relu, Activation::LeakyRelu, Activation::Prelu}) {
    INFO(activation_name(f));
    const Scalar below = f == Activation::Relu ? Scalar(0) : f == Activation::Prelu ? Scalar(0.25) : Scalar(0.2);
    Matrix expected(3, 4);
    for (Index c = 0; c < 4; ++c)
      for (Index r = 0; r < 3; ++r) expected(r, c) = z(r, c) > 0 ? Scalar(1) : below;  // f'(0) = the slope below
    Matrix whole(3, 4);
    activate_grad(f, p, z, z, whole);
    CHECK(whole == expected);
    Matrix columns = Matrix::Constant(3, 4, Scalar(9));
    activate_grad(f, p, z.leftCols(3), z.leftCols(3), columns.leftCols(3));  // contiguous
    CHECK(columns.leftCols(3) == expected.leftCols(3));
    CHECK(columns.col(3) == Matrix::Constant(3, 1, Scalar(9)));  // nothing written past the block
    Matrix rows = Matrix::Constant(3, 4, Scalar(9));
    activate_grad(f, p, z.topRows(2), z.topRows(2), rows.topRows(2));  // strided
    CHECK(rows.topRows(2) == expected.topRows(2));
    CHECK(rows.row(2) == Matrix::Constant(1, 4, Scalar(9)));
    const RowMajorMatrix zr = z;
    RowMajorMatrix gr(3, 4);
    activate_grad(f, p, zr, zr, gr);
    CHECK(Matrix(gr) == expected);
    Matrix mixed(3, 4);  // row-major z into a column-major g: by coefficient
    activate_grad(f, p, zr, zr, mixed);
    CHECK(mixed == expected);
  }
}

TEST_CASE("activate works in place (output aliasing the input)", "[activation]") {
  Matrix z(3, 4);
  z << -2.0, -0.3, 0.4, 2.5, 1.0, 0.0, -1.5, 0.2, 0.7, -0.8, 3.0, -4.0;
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
  CHECK_FALSE(parse_activation("mish", unchanged));
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
    // An exact 0 (tanh at z = 0) must come out as 0: no relative error to take there.
    const double e = ref == 0 ? (computed(i, 0) == 0 ? 0 : HUGE_VAL)
                              : double(std::fabs((static_cast<long double>(computed(i, 0)) - ref) / ref));
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
  e = worst(z, a, [](long double x) { return std::tanh(x); });
  INFO("tanh: relative error " << e.first << " at z = " << e.second);
  CHECK(e.first <= kUlps);
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

TEST_CASE("GELU and its slope are as exact as Scalar allows", "[activation][precision]") {
  // Down to z = -12.9, below which z Phi(z) leaves float's normal range.
  const Matrix z = sweep(-12.9, 16, 1.0 / 64);
  Matrix a(z.rows(), 1), g(z.rows(), 1);
  activate(Activation::Gelu, ActivationParams(), z, a);
  activate_grad(Activation::Gelu, ActivationParams(), z, a, g);
  const auto cdf = [](long double x) { return std::erfc(-x / std::sqrt(2.0L)) / 2; };
  const auto pdf = [](long double x) { return std::exp(-x * x / 2) / std::sqrt(2 * 3.14159265358979323846L); };
  double worst_a = 0, worst_g = 0, at_a = 0, at_g = 0;
  for (Index i = 0; i < z.rows(); ++i) {
    const long double x = z(i, 0);
    // double's std::erfc takes z / sqrt 2 rounded, which costs about z^2 / 2 ulps in the tail.
    const double scale = kFloat ? 1 : 1 + double(x * x) / 2;
    const double ea = double(std::fabs((a(i, 0) - x * cdf(x)) / (x * cdf(x)))) / scale;
    // Phi + z phi cancels at GELU's minimum (z = -0.75): relative to the terms, not to their sum.
    const double eg = double(std::fabs(g(i, 0) - (cdf(x) + x * pdf(x))) / (cdf(x) + std::fabs(x * pdf(x)))) / scale;
    if (x != 0 && ea > worst_a) worst_a = ea, at_a = double(x);
    if (eg > worst_g) worst_g = eg, at_g = double(x);
  }
  INFO("GELU: relative error " << worst_a << " at z = " << at_a);
  CHECK(worst_a <= kUlps);
  INFO("GELU': relative error " << worst_g << " at z = " << at_g);
  CHECK(worst_g <= kUlps);

  // Every entry of a block goes through the same code: any shape gives the column's values.
  Matrix block(7, 5), ab(7, 5), gb(7, 5);
  for (Index i = 0; i < block.size(); ++i) block(i) = z(i * 53, 0);
  activate(Activation::Gelu, ActivationParams(), block, ab);
  activate_grad(Activation::Gelu, ActivationParams(), block, ab, gb);
  for (Index i = 0; i < block.size(); ++i) {
    CHECK(ab(i) == a(i * 53, 0));
    CHECK(gb(i) == g(i * 53, 0));
  }

  // Beyond the sweep: 0 and slope 0 far left, z and slope 1 far right, NaN kept.
  const Scalar inf = std::numeric_limits<Scalar>::infinity(), nan = std::numeric_limits<Scalar>::quiet_NaN();
  Matrix ends(5, 1), ae(5, 1), ge(5, 1);
  ends << Scalar(-14), Scalar(-40), Scalar(40), inf, nan;
  activate(Activation::Gelu, ActivationParams(), ends, ae);
  activate_grad(Activation::Gelu, ActivationParams(), ends, ae, ge);
  CHECK(std::fabs(ae(0)) <= std::numeric_limits<float>::min());
  CHECK(ae(1) == Scalar(0));
  CHECK(ae(2) == Scalar(40));
  CHECK(ae(3) == inf);
  CHECK(std::isnan(ae(4)));
  CHECK(std::fabs(ge(0)) <= std::numeric_limits<float>::min());
  CHECK(ge(1) == Scalar(0));
  CHECK(ge(2) == Scalar(1));
  CHECK(std::isnan(ge(4)));
}

// In float the slopes of sigmoid and tanh, and GELU, run the core's own SIMD kernels over every
// entry (lanes.hpp): a flat run, column by column, or entry by entry, depending on how the block is
// stored. Each entry gets its column's value whatever the layout, and activate_with_grad() (tanh's
// value there from Eigen's packet function, in activate() from Eigen's loop, scalar at the tails)
// what the two passes give.
TEST_CASE("sigmoid, tanh and GELU: the same values in every layout, and from activate_with_grad", "[activation]") {
  const Matrix column = sweep(-9, 9, 0.37);  // 49 values: not a multiple of four
  const Index n = column.rows();
  for (Activation f : {Activation::Sigmoid, Activation::Tanh, Activation::Gelu}) {
    INFO(activation_name(f));
    const ActivationParams p;
    Matrix a(n, 1), g(n, 1);
    activate(f, p, column, a);
    activate_grad(f, p, column, a, g);
    const auto expect = [&](const auto& as, const auto& gs, Index rows, const char* layout) {
      INFO(layout);
      // Exact in float. Eigen's loops (sigmoid's value; everything in double) take the C library's
      // exp at the tails, an ulp from their packet code.
      const auto same = [](Scalar x, Scalar y, bool exact) {
        return exact ? x == y : std::fabs(x - y) <= 2 * std::numeric_limits<Scalar>::epsilon() * std::fabs(y);
      };
      for (Index i = 0; i < n; ++i) {
        CHECK(same(as(i % rows, i / rows), a(i, 0), kFloat && f != Activation::Sigmoid));
        CHECK(same(gs(i % rows, i / rows), g(i, 0), kFloat));
      }
    };
    Matrix whole(7, 7), aw(7, 7), gw(7, 7);  // one flat run
    for (Index i = 0; i < n; ++i) whole(i % 7, i / 7) = column(i, 0);
    activate(f, p, whole, aw);
    activate_grad(f, p, whole, aw, gw);
    expect(aw, gw, 7, "whole matrix");
    Matrix both_a(7, 7), both_g(7, 7);
    activate_with_grad(f, p, whole, both_a, both_g);
    expect(both_a, both_g, 7, "activate_with_grad");

    Matrix tall(10, 7), at(10, 7), gt(10, 7);  // the top 7 rows: column by column
    tall.topRows(7) = whole;
    activate(f, p, tall.topRows(7), at.topRows(7));
    activate_grad(f, p, tall.topRows(7), at.topRows(7), gt.topRows(7));
    expect(at.topRows(7), gt.topRows(7), 7, "block of rows");

    RowMajorMatrix rows = whole, ar(7, 7), gr(7, 7);  // row-major, one flat run by rows
    activate(f, p, rows, ar);
    activate_grad(f, p, rows, ar, gr);
    expect(ar, gr, 7, "row-major");

    // In place: the run's tail through the padded buffer, not a last packet overlapping entries
    // already overwritten.
    Matrix in_place = whole;
    activate_grad(f, p, in_place, aw, in_place);
    expect(aw, in_place, 7, "slope in place");
    if (f == Activation::Gelu) {  // GELU's value is the core's kernel too (the others' are Eigen's)
      in_place = whole;
      activate(f, p, in_place, in_place);
      expect(in_place, gw, 7, "value in place");
    }

    Matrix ae(7, 7), ge(7, 7);  // an expression, no storage: entry by entry
    activate(f, p, whole * Scalar(1), ae);
    activate_grad(f, p, whole * Scalar(1), ae, ge);
    expect(ae, ge, 7, "expression");
  }
}

TEST_CASE("tanh at its ends: +-1 and slope 0 at infinity, -0 kept, NaN kept, the slope's far tail", "[activation]") {
  const Scalar inf = std::numeric_limits<Scalar>::infinity(), nan = std::numeric_limits<Scalar>::quiet_NaN();
  Matrix z(6, 1), a(6, 1), g(6, 1);
  z << -inf, inf, Scalar(-0.0), nan, Scalar(43), Scalar(1e-30);
  activate_with_grad(Activation::Tanh, ActivationParams(), z, a, g);
  CHECK(a(0) == -1);
  CHECK(a(1) == 1);
  for (Index i : {0, 1})  // 0 in float; in double Eigen's exp stops at e^-709, 4 e^-709 = 5e-308
    CHECK(g(i) <= 4 * std::numeric_limits<Scalar>::min());
  CHECK(a(2) == 0);
  CHECK(std::signbit(a(2)));
  CHECK(g(2) == 1);
  CHECK(std::isnan(a(3)));
  CHECK(std::isnan(g(3)));
  CHECK(a(4) == 1);
  CHECK(double(g(4)) == Approx(double(4 * std::exp(-86.0L))).epsilon(1e-6));  // 1.8e-37, still a normal float
  CHECK(a(5) == Scalar(1e-30));
  CHECK(g(5) == 1);
}

TEST_CASE("the issue's reference points", "[activation][precision]") {
  ActivationParams p;
  p.elu_alpha = Scalar(2.5);
  CHECK(f1(Activation::Sigmoid, -8.8) == Approx(1.5071033e-4).epsilon(1e-6));   // was 1.5076995e-4
  CHECK(g1(Activation::Elu, -14.65, p) == Approx(1.0852406e-6).epsilon(1e-6));  // was 9.54e-7
  CHECK(g1(Activation::Tanh, 6.2) == Approx(1.6474225e-5).epsilon(1e-6));       // was 1.657e-5
  CHECK(g1(Activation::Tanh, 9.0) == Approx(6.0919917e-8).epsilon(1e-6));       // was 0
  CHECK(g1(Activation::Tanh, -12.0) == Approx(1.5100538e-10).epsilon(1e-6));
}

// ---- the activation lab: properties, curves, softmax of a vector, the chain rule's products ----
namespace {

// f and f' of one activation at the given z through activation_curve (REQUIREs that it accepts).
std::pair<std::vector<double>, std::vector<double>> curve(Activation f, std::vector<double> z,
                                                          const ActivationParams& p = ActivationParams()) {
  std::vector<double> v, g;
  const std::string e = activation_curve(f, p, z, v, g);
  INFO(e);
  REQUIRE(e.empty());
  return {v, g};
}

const ActivationProperties& row(const std::vector<ActivationProperties>& table, Activation f) {
  for (const auto& r : table)
    if (r.f == f) return r;
  FAIL("no row for " << activation_name(f));
  return table.front();
}

std::vector<ActivationProperties> properties(const ActivationParams& p = ActivationParams()) {
  std::vector<ActivationProperties> table;
  const std::string e = activation_properties(p, table);
  INFO(e);
  REQUIRE(e.empty());
  return table;
}

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

TEST_CASE("activation_curve gives hand-computed values and slopes", "[activation][lab]") {
  ActivationParams p;
  p.leaky_slope = Scalar(0.1);
  p.elu_alpha = Scalar(1);
  const double tol = kFloat ? 1e-6 : 1e-8;  // the hand values below carry 8 decimals
  auto c = curve(Activation::Sigmoid, {-2, 0, 1}, p);
  CHECK(c.first[0] == Approx(0.11920292).margin(tol));  // 1 / (1 + e^2)
  CHECK(c.first[1] == Approx(0.5).margin(tol));
  CHECK(c.first[2] == Approx(0.73105858).margin(tol));
  CHECK(c.second[0] == Approx(0.10499359).margin(tol));  // 0.1192 x 0.8808
  CHECK(c.second[1] == Approx(0.25).margin(tol));
  CHECK(c.second[2] == Approx(0.19661193).margin(tol));
  c = curve(Activation::Tanh, {0, 0.5, -2}, p);
  CHECK(c.first[1] == Approx(0.46211716).margin(tol));
  CHECK(c.first[2] == Approx(-0.96402758).margin(tol));
  CHECK(c.second[0] == Approx(1.0).margin(tol));
  CHECK(c.second[1] == Approx(0.78644773).margin(tol));  // 1 - 0.4621^2
  CHECK(c.second[2] == Approx(0.07065082).margin(tol));
  c = curve(Activation::Relu, {-3, 0, 2.5}, p);
  CHECK(c.first == std::vector<double>{0, 0, 2.5});
  CHECK(c.second == std::vector<double>{0, 0, 1});  // ReLU'(0) = 0: the core's choice at the kink
  c = curve(Activation::LeakyRelu, {-3, 2}, p);
  CHECK(c.first[0] == Approx(-0.3).margin(tol));
  CHECK(c.second[0] == Approx(0.1).margin(tol));
  CHECK(c.second[1] == 1.0);
  c = curve(Activation::Elu, {-2, 1}, p);
  CHECK(c.first[0] == Approx(-0.86466472).margin(tol));  // e^-2 - 1
  CHECK(c.second[0] == Approx(0.13533528).margin(tol));  // e^-2
  CHECK(c.first[1] == 1.0);
  c = curve(Activation::Softplus, {0, 1, -1}, p);
  CHECK(c.first[0] == Approx(0.69314718).margin(tol));  // ln 2
  CHECK(c.first[1] == Approx(1.31326169).margin(tol));
  CHECK(c.second[2] == Approx(0.26894142).margin(tol));  // sigma(-1)
  c = curve(Activation::Step, {-1, 0, 0.5}, p);
  CHECK(c.first == std::vector<double>{0, 0, 1});
  CHECK(c.second == std::vector<double>{0, 0, 0});
  c = curve(Activation::Linear, {-4, 3}, p);
  CHECK(c.first == std::vector<double>{-4, 3});
  CHECK(c.second == std::vector<double>{1, 1});
}

TEST_CASE("the properties table: largest slopes 0.25 for sigmoid and 1 for tanh and ReLU, ranges, saturation",
          "[activation][lab]") {
  const auto table = properties();
  REQUIRE(table.size() == 12);  // every activation but maxout and softmax, in the name table's order
  for (std::size_t i = 0; i < table.size(); ++i) CHECK(activation_names()[i] == activation_name(table[i].f));

  const auto& sigmoid = row(table, Activation::Sigmoid);
  CHECK(sigmoid.max_slope == Approx(0.25).margin(kActivationTol));
  CHECK(sigmoid.max_slope_at == 0.0);
  CHECK((sigmoid.low == 0 && sigmoid.high == 1 && sigmoid.low_open && sigmoid.high_open));
  CHECK((sigmoid.saturates_low && sigmoid.saturates_high && sigmoid.smooth));
  CHECK_FALSE(sigmoid.zero_centred);
  CHECK_FALSE(sigmoid.negative_outputs);
  CHECK(std::string(sigmoid.cost) == "exp");

  const auto& tanh = row(table, Activation::Tanh);
  CHECK(tanh.max_slope == Approx(1).margin(kActivationTol));
  CHECK(tanh.max_slope_at == 0.0);
  CHECK((tanh.low == -1 && tanh.high == 1 && tanh.low_open && tanh.high_open));  // (-1, 1), not [0, 1]
  CHECK((tanh.zero_centred && tanh.negative_outputs && tanh.saturates_low && tanh.saturates_high && tanh.smooth));

  const auto& relu = row(table, Activation::Relu);
  CHECK(relu.max_slope == 1.0);
  CHECK(relu.max_slope_at == 1.0 / 256);  // the grid's first z > 0: ReLU'(0) = 0
  CHECK((relu.low == 0 && !relu.low_open && relu.high == kInf && relu.high_open));  // [0, inf)
  CHECK((relu.saturates_low && !relu.saturates_high));                              // dead for z < 0
  CHECK_FALSE(relu.smooth);
  CHECK(std::string(relu.cost) == "comparison");

  const auto& linear = row(table, Activation::Linear);
  CHECK(
      (linear.low == -kInf && linear.high == kInf && linear.max_slope == 1.0 && linear.zero_centred && linear.smooth));
  CHECK(linear.max_slope_at == 0.0);  // of the z where f' is largest, the nearest 0
  CHECK((!linear.saturates_low && !linear.saturates_high));

  const auto& step = row(table, Activation::Step);
  CHECK((step.low == 0 && step.high == 1 && !step.low_open && !step.high_open && step.two_valued));  // {0, 1}
  CHECK(step.max_slope == 0.0);
  CHECK((step.saturates_low && step.saturates_high));
  CHECK_FALSE(step.smooth);  // it jumps at 0

  const auto& leaky = row(table, Activation::LeakyRelu);  // slope 0.01
  CHECK((leaky.low == -kInf && leaky.high == kInf && leaky.max_slope == 1.0));
  CHECK((leaky.negative_outputs && !leaky.zero_centred && !leaky.saturates_low && !leaky.smooth));

  const auto& elu = row(table, Activation::Elu);  // alpha 1: f' = e^z -> 1 at 0 from the left, smooth
  CHECK(elu.low == Approx(-1).margin(kActivationTol));
  CHECK((elu.low_open && elu.high == kInf && elu.saturates_low && !elu.saturates_high && elu.smooth));
  CHECK(elu.max_slope == Approx(1).margin(kActivationTol));
  CHECK((elu.negative_outputs && !elu.zero_centred));

  const auto& softplus = row(table, Activation::Softplus);
  CHECK((softplus.low == 0 && softplus.low_open && softplus.high == kInf && softplus.smooth));
  CHECK(softplus.max_slope == Approx(1).margin(kActivationTol));  // the supremum, as z -> inf
  CHECK((softplus.saturates_low && !softplus.saturates_high));
  CHECK(std::string(softplus.cost) == "exp + log");
  for (const auto& r : table) {
    INFO(activation_name(r.f));
    CHECK(std::string(r.formula).size() > 0);
    CHECK(std::string(r.derivative).size() > 0);
  }
}

TEST_CASE("the properties follow the leaky slope and ELU's alpha", "[activation][lab]") {
  ActivationParams p;
  p.leaky_slope = Scalar(0);
  p.elu_alpha = Scalar(2);
  const auto table = properties(p);
  const auto& leaky = row(table, Activation::LeakyRelu);  // slope 0: ReLU
  CHECK((leaky.low == 0 && !leaky.low_open && !std::signbit(leaky.low) && leaky.saturates_low &&
         !leaky.negative_outputs));
  const auto& elu = row(table, Activation::Elu);  // alpha 2: f' jumps from 2 to 1 at 0
  CHECK(elu.low == Approx(-2).margin(kActivationTol));
  CHECK(elu.max_slope == Approx(2).margin(kActivationTol));
  CHECK(elu.max_slope_at == 0.0);
  CHECK_FALSE(elu.smooth);
}

TEST_CASE("the properties agree with the curves on a finer grid", "[activation][lab]") {
  ActivationParams p;
  p.leaky_slope = Scalar(0.2);
  p.elu_alpha = Scalar(1.5);
  std::vector<double> zs;
  for (int k = -4000; k <= 4000; ++k) zs.push_back(k / 400.0);  // [-10, 10] in steps of 0.0025
  for (const auto& r : properties(p)) {
    INFO(activation_name(r.f));
    const auto c = curve(r.f, zs, p);
    const double grid_max = *std::max_element(c.second.begin(), c.second.end());
    // The table's largest slope is f' at its z, and no z of this grid has a larger one; where f' is
    // steepest inside [-10, 10] (all but softplus, whose supremum is at infinity) the two agree.
    // (Alone, z takes Eigen's scalar path rather than its vectorised one: an ulp apart at most.)
    CHECK(curve(r.f, {r.max_slope_at}, p).second[0] == Approx(r.max_slope).epsilon(1e-6));
    CHECK(grid_max <= r.max_slope * (1 + 1e-6));
    if (r.f != Activation::Softplus) CHECK(grid_max == Approx(r.max_slope).margin(kFloat ? 1e-5 : 1e-9));
    // Every value lies in the range; on [-5, 5] strictly inside an open end.
    for (std::size_t i = 0; i < zs.size(); ++i) {
      CHECK((c.first[i] >= r.low && c.first[i] <= r.high));
      if (std::abs(zs[i]) <= 5) {
        if (r.low_open) CHECK(c.first[i] > r.low);
        if (r.high_open) CHECK(c.first[i] < r.high);
      }
    }
    // Saturation: f' far out on that side is (numerically) zero, or it is not.
    const auto far = curve(r.f, {-30, 30}, p).second;
    CHECK((std::abs(far[0]) < 1e-9) == r.saturates_low);  // |z|'s slope is -1 there
    CHECK((std::abs(far[1]) < 1e-9) == r.saturates_high);
  }
}

TEST_CASE("softmax of the lecture's logits (1.60, 0.55, 0.98) is (0.530, 0.185, 0.285)", "[activation][lab]") {
  std::vector<double> out;
  REQUIRE(softmax_of({1.60, 0.55, 0.98}, out).empty());
  REQUIRE(out.size() == 3);
  // By hand: e^1.6 = 4.953032, e^0.55 = 1.733253, e^0.98 = 2.664456, sum 9.350742.
  CHECK(out[0] == Approx(0.530).margin(5e-4));
  CHECK(out[1] == Approx(0.185).margin(5e-4));
  CHECK(out[2] == Approx(0.285).margin(5e-4));
  CHECK(out[0] == Approx(0.5296941).margin(kActivationTol));
  CHECK(out[1] == Approx(0.1853600).margin(kActivationTol));
  CHECK(out[2] == Approx(0.2849460).margin(kActivationTol));
  // The slide's (0.51, 0.18, 0.31) is z / sum(z): not what softmax gives.
  CHECK(std::abs(out[0] - 0.51) > 0.015);
  REQUIRE(softmax_of({1000, 0}, out).empty());  // shifted by the max: no overflow
  CHECK(out[0] == 1.0);
  CHECK(out[1] == Approx(0).margin(1e-300));  // Eigen's double exp stops at e^-709, not 0
  REQUIRE(softmax_of({-3.5}, out).empty());
  CHECK(out == std::vector<double>{1});
}

TEST_CASE("the chain rule's products: the lecture's 0.07 against 0.2, and a sigmoid chain", "[activation][lab]") {
  ChainProducts c;
  REQUIRE(chain_products({{0.4, 0.2, 0.08, 0.9}, {0.4, 0.6, 0.3, 0.9}}, c).empty());
  REQUIRE(c.running.size() == 2);
  CHECK(c.running[0].back() == Approx(0.00576).margin(1e-15));
  CHECK(c.running[1].back() == Approx(0.0648).margin(1e-15));
  CHECK(c.running[1][1] == Approx(0.24).margin(1e-15));
  CHECK(c.total == Approx(0.07056).margin(1e-15));
  REQUIRE(chain_products({{0.4, 0.5}}, c).empty());
  CHECK(c.total == Approx(0.2).margin(1e-15));
  // Sigmoid at its steepest in every layer: 0.25^4 = 0.0039 is above 10^-3, 0.25^5 = 0.00098 below.
  const double s = curve(Activation::Sigmoid, {0}).second[0];
  REQUIRE(chain_products({std::vector<double>(5, s)}, c).empty());
  CHECK(c.running[0][3] == Approx(0.00390625).margin(1e-12));
  CHECK(c.running[0][4] == Approx(0.0009765625).margin(1e-12));
}

TEST_CASE("the lab's calls refuse what they cannot compute and leave their outputs empty", "[activation][lab]") {
  std::vector<double> v{9}, g{9};
  CHECK(activation_curve(Activation::Softmax, ActivationParams(), {0}, v, g) ==
        "softmax is not elementwise: use softmax of a vector of logits");
  CHECK((v.empty() && g.empty()));
  v = g = {9};
  CHECK(activation_curve(Activation::Maxout, ActivationParams(), {0}, v, g) ==
        "maxout is not elementwise: each unit takes the largest of its k pieces");
  CHECK((v.empty() && g.empty()));
  CHECK(activation_curve(Activation::Tanh, ActivationParams(), {0, NAN}, v, g) ==
        "z[1] must be a finite number (got nan)");
  CHECK(activation_curve(Activation::Tanh, ActivationParams(), {}, v, g) == "z must have 1 to 10000 numbers (got 0)");
  CHECK(activation_curve(Activation::Tanh, ActivationParams(), std::vector<double>(10001, 0.0), v, g) ==
        "z must have 1 to 10000 numbers (got 10001)");
  ActivationParams bad;
  bad.leaky_slope = Scalar(1);
  CHECK(activation_curve(Activation::Relu, bad, {0}, v, g) == "leaky ReLU slope must be in [0, 1) (got 1)");
  bad = ActivationParams();
  bad.elu_alpha = Scalar(0);
  std::vector<ActivationProperties> table(3);
  CHECK(activation_properties(bad, table) == "ELU alpha must be in (0, 10] (got 0)");
  CHECK(table.empty());
  if (kFloat)  // finite in double, but not in the float the core computes in
    CHECK(softmax_of({1, 1e300}, v) == "logits[1] must be a finite number within the core's float range (got 1e+300)");
  CHECK(softmax_of({INFINITY}, v) == "logits[0] must be a finite number (got inf)");
  CHECK(softmax_of(std::vector<double>(101, 0.0), v) == "logits must have 1 to 100 numbers (got 101)");
  CHECK(v.empty());
  ChainProducts c;
  CHECK(chain_products({}, c) == "the chain rule takes 1 to 16 paths (got 0)");
  CHECK(chain_products({{0.5}, {}}, c) == "paths[1] must have 1 to 100 numbers (got 0)");
  CHECK(chain_products({{0.5, NAN}}, c) == "paths[0][1] must be a finite number (got nan)");
  CHECK((c.running.empty() && c.total == 0));
}

// |z|, GELU (exact: z Phi(z)) and swish (z sigma(z)): hidden layers only. Hand values from
// Phi(1) = 0.8413447461, phi(1) = 0.2419707245, sigma(1) = 0.7310585786.
TEST_CASE("|z|, GELU and swish: values and slopes by hand", "[activation][more]") {
  const double tol = kFloat ? 1e-6 : 1e-12;
  const ActivationParams p;
  CHECK(f1(Activation::Abs, -2) == 2.0);
  CHECK(f1(Activation::Abs, 0.5) == 0.5);
  CHECK(f1(Activation::Abs, 0) == 0.0);
  CHECK(g1(Activation::Abs, -2) == -1.0);
  CHECK(g1(Activation::Abs, 0.5) == 1.0);
  CHECK(g1(Activation::Abs, 0) == 0.0);  // the core's choice at the kink, as ReLU'(0) = 0

  const double gelu[][3] = {
      // z, z Phi(z), Phi(z) + z phi(z)
      {-3, -0.004049694094890287, -0.011945647204183927}, {-1, -0.15865525393145707, -0.08331547058768629},
      {-0.5, -0.15426876936299344, 0.13250487534383712},  {0, 0, 0.5},
      {1, 0.8413447460685429, 1.0833154705876864},        {2, 1.9544997361036416, 1.085231801078197}};
  for (const auto& r : gelu) {
    INFO("GELU at z = " << r[0]);
    CHECK(f1(Activation::Gelu, r[0], p) == Approx(r[1]).margin(tol));
    CHECK(g1(Activation::Gelu, r[0], p) == Approx(r[2]).margin(tol));
  }
  CHECK(f1(Activation::Gelu, 1, p) == Approx(1 * 0.8413447461).margin(1e-9));  // Phi(1), the exact form
  CHECK(g1(Activation::Gelu, 1, p) == Approx(0.8413447461 + 0.2419707245).margin(1e-6));
  // the tanh approximation 0.5 z (1 + tanh(sqrt(2/pi)(z + 0.044715 z^3))) would give 0.8411920 at 1
  CHECK(std::abs(f1(Activation::Gelu, 1, p) - 0.8411920) > 1e-4);

  const double swish[][3] = {
      // z, z sigma(z), sigma(z)(1 + z sigma(-z))
      {-3, -0.14227761953270035, -0.08810410601516964}, {-1, -0.2689414213699951, 0.07232948812851325},
      {-0.5, -0.1887703343990727, 0.2600388126973482},  {0, 0, 0.5},
      {1, 0.7310585786300049, 0.9276705118714869},      {2, 1.7615941559557646, 1.0907842487848953}};
  for (const auto& r : swish) {
    INFO("swish at z = " << r[0]);
    CHECK(f1(Activation::Swish, r[0], p) == Approx(r[1]).margin(tol));
    CHECK(g1(Activation::Swish, r[0], p) == Approx(r[2]).margin(tol));
  }
  CHECK(g1(Activation::Swish, 1, p) == Approx(0.7310585786 * (1 + 0.2689414214)).margin(1e-6));
}

TEST_CASE("|z|, GELU and swish: slopes against central differences, and finite far out", "[activation][more]") {
  const ActivationParams p;
  const double h = kFloat ? 1e-2 : 1e-5, tol = kFloat ? 2e-3 : 1e-8;
  for (Activation f : {Activation::Abs, Activation::Gelu, Activation::Swish}) {
    INFO(activation_name(f));
    for (double z : {-6.0, -2.5, -1.3, -0.75, -0.1, 0.2, 0.9, 1.41, 2.4, 5.0}) {
      INFO("z = " << z);
      CHECK(g1(f, z, p) == Approx((f1(f, z + h, p) - f1(f, z - h, p)) / (2 * h)).margin(tol));
    }
    for (double z : {-1e30, -100.0, 100.0, 1e30}) {  // no NaN: z^2 = inf gives phi = 0, e^1e30 = inf gives sigma = 0
      CHECK(std::isfinite(f1(f, z, p)));
      CHECK(std::isfinite(g1(f, z, p)));
    }
  }
  CHECK(f1(Activation::Gelu, -100) == 0.0);
  CHECK(g1(Activation::Gelu, 100) == 1.0);
  CHECK(g1(Activation::Swish, 100) == 1.0);
  CHECK(g1(Activation::Swish, -100) == Approx(0).margin(1e-40));
}

TEST_CASE("|z|, GELU and swish in the properties table", "[activation][more][lab]") {
  const auto table = properties();
  const auto& abs = row(table, Activation::Abs);
  CHECK((abs.low == 0 && !abs.low_open && !std::signbit(abs.low) && abs.high == kInf && abs.high_open));  // [0, inf)
  CHECK((!abs.zero_centred && !abs.negative_outputs && !abs.saturates_low && !abs.saturates_high && !abs.smooth));
  CHECK(abs.max_slope == 1.0);
  CHECK(abs.max_slope_at == 1.0 / 256);  // f'(0) = 0: the grid's first z > 0
  // GELU dips to -0.16997 at z = -0.75179 and is steepest at sqrt 2, slope 1.12890 (above 1).
  const double tol = kFloat ? 1e-6 : 1e-9;
  const auto& gelu = row(table, Activation::Gelu);
  CHECK(gelu.low == Approx(-0.16997120747990369).margin(tol));
  CHECK((!gelu.low_open && gelu.high == kInf && gelu.smooth && gelu.negative_outputs && !gelu.zero_centred));
  CHECK((gelu.saturates_low && !gelu.saturates_high));
  CHECK(gelu.max_slope == Approx(1.128904145185155).margin(tol));
  CHECK(gelu.max_slope_at == Approx(std::sqrt(2.0)).margin(kFloat ? 1e-3 : 1e-5));
  CHECK(std::string(gelu.cost) == "erf + exp");
  const auto& swish = row(table, Activation::Swish);  // dips to -0.27846 at -1.27846, steepest 1.09984 at 2.39936
  CHECK(swish.low == Approx(-0.27846454276107385).margin(tol));
  CHECK((!swish.low_open && swish.high == kInf && swish.smooth && swish.negative_outputs));
  CHECK((swish.saturates_low && !swish.saturates_high));
  CHECK(swish.max_slope == Approx(1.0998393201288672).margin(tol));
  CHECK(swish.max_slope_at == Approx(2.3993572816775437).margin(kFloat ? 1e-3 : 1e-5));
}

TEST_CASE("hidden-only activations are named apart from the output's", "[activation][more]") {
  for (Activation f : {Activation::Abs, Activation::Gelu, Activation::Swish, Activation::Prelu, Activation::Maxout})
    CHECK(hidden_only(f));
  for (Activation f : {Activation::Tanh, Activation::Sigmoid, Activation::Softmax, Activation::Relu})
    CHECK_FALSE(hidden_only(f));
  const auto out = output_activation_names();
  CHECK(out == std::vector<std::string>{"linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "softplus",
                                        "softmax"});
}

TEST_CASE("PReLU alone (the lab's curve): slope 0.25 below 0, where every unit starts", "[activation][prelu]") {
  CHECK(f1(Activation::Prelu, -2) == -0.5);
  CHECK(f1(Activation::Prelu, 3) == 3.0);
  CHECK(g1(Activation::Prelu, -2) == 0.25);
  CHECK(g1(Activation::Prelu, 0) == 0.25);  // the left slope at the kink, as leaky ReLU's
  CHECK(g1(Activation::Prelu, 0.5) == 1.0);
  const auto table = properties();
  const auto& prelu = row(table, Activation::Prelu);
  CHECK(
      (prelu.low == -kInf && prelu.high == kInf && prelu.max_slope == 1.0 && prelu.negative_outputs && !prelu.smooth));
  CHECK(std::string(prelu.cost) == "comparison");
}
