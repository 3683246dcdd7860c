// Tests for approximation.hpp and its façade calls: the network as a sum of scaled units along x
// by hand, the sum equal to the output on a trained network, the half-plane counts by hand, the
// 1-D data rules of the façade (x2 features refused, drawn curves), and one hidden layer fitting
// the bump better as it grows. Not the page (tests/wasm/approx.test.mjs, tests/e2e/approx-lab.test.mjs).
#include "backprop/approximation.hpp"

#include <catch2/catch.hpp>

#include "backprop/playground.hpp"
#include "support.hpp"

using namespace bp;
using namespace bp::test;

namespace {

Settings one_d(DatasetKind kind, std::vector<int> hidden, Activation act) {
  Settings s;
  s.data.kind = kind;
  s.data.points = 200;
  s.features = {Feature::X1};
  s.hidden = std::move(hidden);
  s.hidden_activation = act;
  s.output_activation = Activation::Linear;
  s.loss = Loss::SquaredError;
  return s;
}

}  // namespace

TEST_CASE("the sum of scaled units by hand", "[approx]") {
  Network net(arch_of(1, {2}, 1, Activation::Sigmoid, Activation::Linear));
  // W0 = [2; -1], b0 = [0; 1], W1 = [3, -2], b1 = 0.5
  net.params() << 2, -1, 0, 1, 3, -2, Scalar(0.5);
  UnitSum u;
  REQUIRE(unit_sum(net, {Feature::X1}, -1, 1, 3, u).empty());
  const double tol = kFloat ? 1e-6 : 1e-12;
  REQUIRE(u.x.size() == 3);
  CHECK(u.x(0) == -1);
  CHECK(u.x(1) == 0);
  CHECK(u.x(2) == 1);
  CHECK(u.alpha(0) == 3);
  CHECK(u.alpha(1) == -2);
  CHECK(u.bias == Scalar(0.5));
  // x = 0: a = (sigma(0), sigma(1)) = (0.5, 0.7310585786); terms (1.5, -1.4621171573)
  CHECK(u.units(0, 1) == Approx(0.5).margin(tol));
  CHECK(u.units(1, 1) == Approx(0.7310585786300049).margin(tol));
  CHECK(u.terms(0, 1) == Approx(1.5).margin(tol));
  CHECK(u.terms(1, 1) == Approx(-1.4621171572600098).margin(tol));
  CHECK(u.z(1) == Approx(0.5378828427399902).margin(tol));
  // x = -1: a = (sigma(-2), sigma(2)); z = 0.5 + 3 * 0.1192029220 - 2 * 0.8807970780
  CHECK(u.terms(0, 0) == Approx(0.35760876606).margin(tol));
  CHECK(u.terms(1, 0) == Approx(-1.76159415596).margin(tol));
  CHECK(u.z(0) == Approx(-0.9039853899).margin(tol));
  // x = 1: z = 0.5 + 3 sigma(2) - 2 sigma(0)
  CHECK(u.z(2) == Approx(2.142391234).margin(tol));
  CHECK(u.output == u.z);  // linear output
}

TEST_CASE("refusals of the sum of units and the half-planes", "[approx]") {
  Network net(arch_of(1, {2}, 1, Activation::Sigmoid, Activation::Linear));
  UnitSum u;
  CHECK(unit_sum(net, {Feature::X1}, 1, 1, 3, u) == "bounds must be finite with lo < hi (got 1, 1)");
  CHECK(unit_sum(net, {Feature::X1}, -1, 1, 1, u) == "samples must be between 2 and 4096 (got 1)");
  CHECK(unit_sum(net, {Feature::X1, Feature::X2}, -1, 1, 3, u) == "features: 2 for a network of 1 inputs");
  Network two(arch_of(1, {2}, 2, Activation::Sigmoid, Activation::Linear));
  CHECK(unit_sum(two, {Feature::X1}, -1, 1, 3, u) == "the sum of units needs one output (this network has 2)");
  Network flat(arch_of(2, {}, 1, Activation::Sigmoid, Activation::Linear));
  std::vector<int> counts;
  CHECK(positive_side_counts(flat, {Feature::X1, Feature::X2}, -1, 1, 4, counts) ==
        "the half-planes need a hidden layer (this network has none)");
}

TEST_CASE("the half-planes of the first layer by hand", "[approx]") {
  Network net(arch_of(2, {2}, 1, Activation::Relu, Activation::Linear));
  // unit 1: z = x1; unit 2: z = x2 - 0.5
  net.params() << 1, 0, 0, 1, 0, Scalar(-0.5), 1, 1, 0;
  std::vector<int> counts;
  REQUIRE(positive_side_counts(net, {Feature::X1, Feature::X2}, -2, 2, 2, counts).empty());
  // cell centres x1 in {-1, 1}; row 0 at x2 = 1, row 1 at x2 = -1
  CHECK(counts == std::vector<int>{1, 2, 0, 1});
  // Toward the output: unit 2's output weight turned negative, so it counts where x2 < 0.5.
  net.params()(7) = -1;
  REQUIRE(positive_side_counts(net, {Feature::X1, Feature::X2}, -2, 2, 2, counts, true).empty());
  CHECK(counts == std::vector<int>{0, 1, 1, 2});
  CHECK(positive_side_counts(net, {Feature::X1, Feature::X2}, -2, 2, 2, counts, false).empty());
  CHECK(counts == std::vector<int>{1, 2, 0, 1});  // plain sides: the output weights do not matter
  Network deep(arch_of(2, {2, 2}, 1, Activation::Relu, Activation::Linear));
  CHECK(positive_side_counts(deep, {Feature::X1, Feature::X2}, -2, 2, 2, counts, true) ==
        "the sides that raise the output need one hidden layer and one output");
}

TEST_CASE("the façade: 1-D data has one input, its sum of units equals the output", "[approx]") {
  Playground pg;
  Settings s = one_d(DatasetKind::Bump, {6}, Activation::Sigmoid);
  s.features = {Feature::X1, Feature::X2};
  CHECK(pg.configure(s) == "features: 'x2' needs x2, which 1-D data (x -> y) does not have; use x1");
  s.features = {Feature::X1};
  REQUIRE(pg.configure(s).empty());
  CHECK(pg.dataset().inputs == 1);
  REQUIRE(pg.train_epochs(20).empty());
  UnitSum u;
  REQUIRE(pg.unit_sum(101, -6, 6, u).empty());
  CHECK(u.terms.rows() == 6);
  const double tol = kFloat ? 1e-5 : 1e-12;
  for (Index j = 0; j < 101; ++j) {
    CHECK(double(u.terms.col(j).sum() + u.bias) == Approx(double(u.output(j))).margin(tol));
    // the same output as one example through the network's own forward pass
    ExampleTrace t = trace_example(pg.network(), Loss::SquaredError, Vector::Constant(1, u.x(j)), Vector::Zero(1));
    CHECK(double(t.output(0)) == Approx(double(u.output(j))).margin(tol));
  }
  CHECK(pg.unit_sum(1, -6, 6, u) == "samples 1 is out of range (2..4096)");
  std::vector<int> counts;
  REQUIRE(pg.positive_sides(8, -6, 6, counts).empty());
  CHECK(counts.size() == 64);

  Playground flat;  // XOR: two inputs
  CHECK(flat.unit_sum(10, -6, 6, u) == "the sum of units along x needs 1-D data (x -> y); dataset xor has two inputs");
}

TEST_CASE("the façade: a drawn curve is 1-D custom data", "[approx]") {
  Playground pg;
  REQUIRE(pg.configure(one_d(DatasetKind::Sine, {3}, Activation::Tanh)).empty());
  Dataset d;
  d.problem = Problem::Regression;
  d.classes = 1;
  d.inputs = 1;
  d.xy = Eigen::Matrix<Scalar, 2, Eigen::Dynamic>::Zero(2, 4);
  d.xy.row(0) << -3, -1, 1, 3;
  d.label.resize(4);
  d.label << Scalar(-0.5), 0, Scalar(0.5), 1;
  REQUIRE(pg.set_custom_data(d).empty());
  CHECK(pg.settings().data.kind == DatasetKind::Curve);
  CHECK(pg.dataset().inputs == 1);
  Settings s = pg.settings();
  s.train.learning_rate = Scalar(0.1);
  CHECK(pg.configure(s).empty());  // still the drawn points
  CHECK(pg.dataset().size() == 4);
  s.data.kind = DatasetKind::Custom;
  CHECK(pg.configure(s) == "dataset 'custom' needs points: draw or import them first");
  Playground fresh;
  Settings c = one_d(DatasetKind::Curve, {3}, Activation::Tanh);
  CHECK(fresh.configure(c) == "dataset 'curve' needs points: draw them first");
}

TEST_CASE("one hidden layer fits the bump better with more units", "[approx][learning]") {
  // The lab's recipe: sigmoid units, Adam, full batch, a fixed seed; test error as N grows.
  auto test_loss = [](int n) {
    Playground pg;
    Settings s = one_d(DatasetKind::Bump, {n}, Activation::Sigmoid);
    s.data.noise = Scalar(0.1);
    s.train_ratio = Scalar(0.5);
    s.train.optimizer = Optimizer::Adam;
    s.train.learning_rate = Scalar(0.05);
    s.train.batch_size = 100;
    REQUIRE(pg.configure(s).empty());
    REQUIRE(pg.train_epochs(400).empty());
    return double(pg.metrics(Subset::Test).loss);
  };
  const double one = test_loss(1), four = test_loss(4);
  INFO("N = 1: " << one << ", N = 4: " << four);
  CHECK(four < 0.5 * one);  // one sigmoid is a step; two or more make the bump
  CHECK(four < 0.01);
}
