// Tests for scaling.hpp, input standardisation: the statistics by hand, training points only, the
// constant-feature case, and the façade applying the training split's numbers to the training
// data, the held-out points and the heat-map grid alike.
// Not tested here: the page's note (tests/e2e/playground-data.test.mjs).
#include "backprop/scaling.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "backprop/playground.hpp"

using namespace bp;

namespace {
const double kTol = std::is_same<Scalar, float>::value ? 1e-5 : 1e-12;

// Mean and population sd of row f of m over `cols`, in double.
std::pair<double, double> row_stats(const Matrix& m, Index f, const std::vector<int>& cols) {
  double sum = 0, squares = 0;
  for (int i : cols) sum += double(m(f, i));
  const double mean = sum / double(cols.size());
  for (int i : cols) squares += (double(m(f, i)) - mean) * (double(m(f, i)) - mean);
  return {mean, std::sqrt(squares / double(cols.size()))};
}
}  // namespace

TEST_CASE("input scaling names round-trip", "[scaling]") {
  CHECK(input_scaling_names() == std::vector<std::string>{"none", "standardise"});
  InputScaling s = InputScaling::None;
  REQUIRE(parse_input_scaling("standardise", s));
  CHECK(s == InputScaling::Standardise);
  CHECK_FALSE(parse_input_scaling("standardize", s));
  CHECK(std::string(input_scaling_name(InputScaling::None)) == "none");
}

TEST_CASE("standardisation uses the training columns' mean and population sd", "[scaling]") {
  Matrix x(2, 5);
  x << 1, 2, 3, 100, -50,  // the last two columns are held out: they must not count
      4, 4, 4, 7, 9;       // constant over the training columns
  const std::vector<int> train{0, 1, 2};
  const FeatureScaling s = fit_scaling(InputScaling::Standardise, x, train);
  // Row 0 over {1, 2, 3}: mean 2, squared deviations 1 + 0 + 1 over n = 3: sd sqrt(2/3).
  CHECK(double(s.mean(0)) == Approx(2).margin(kTol));
  CHECK(double(s.sd(0)) == Approx(std::sqrt(2.0 / 3.0)).margin(kTol));
  // Row 1 is constant on the training points: centred only.
  CHECK(double(s.mean(1)) == Approx(4).margin(kTol));
  CHECK(s.sd(1) == Scalar(1));

  Matrix held = x;
  held(0, 3) = 7;
  held(1, 4) = -1000;
  const FeatureScaling same = fit_scaling(InputScaling::Standardise, held, train);
  CHECK(same.mean == s.mean);
  CHECK(same.sd == s.sd);

  Matrix y = x;
  apply_scaling(s, y);
  CHECK(double(y(0, 0)) == Approx(-1 / std::sqrt(2.0 / 3.0)).margin(kTol));
  CHECK(double(y(0, 3)) == Approx(98 / std::sqrt(2.0 / 3.0)).margin(1e-3));  // the training numbers, not its own
  CHECK(double(y(1, 4)) == Approx(5).margin(kTol));
}

TEST_CASE("no scaling, or no training point, leaves values as they are", "[scaling]") {
  Matrix x(1, 3);
  x << 5, 6, 7;
  for (const auto& s : {fit_scaling(InputScaling::None, x, {0, 1, 2}), fit_scaling(InputScaling::Standardise, x, {})}) {
    Matrix y = x;
    apply_scaling(s, y);
    CHECK(y == x);
  }
}

TEST_CASE("the playground standardises with the training split only, everywhere", "[scaling][playground]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Circles;
  s.data.points = 120;
  s.data.noise = Scalar(0.2);
  s.train_ratio = Scalar(0.6);
  s.validation_ratio = Scalar(0.1);
  s.features = {Feature::X1, Feature::X2, Feature::X1Squared, Feature::SinX2};
  s.input_scaling = InputScaling::Standardise;
  REQUIRE(pg.configure(s).empty());

  const Matrix raw = compute_features(s.features, pg.dataset().xy);
  const FeatureScaling& fit = pg.feature_scaling();
  const Matrix& seen = pg.training_data().inputs;
  for (Index f = 0; f < raw.rows(); ++f) {
    INFO("feature " << f);
    const auto [mean, sd] = row_stats(raw, f, pg.split().train);
    CHECK(double(fit.mean(f)) == Approx(mean).margin(kTol * (1 + std::abs(mean))));
    CHECK(double(fit.sd(f)) == Approx(sd).margin(kTol * (1 + sd)));
    const auto [seen_mean, seen_sd] = row_stats(seen, f, pg.split().train);
    CHECK(seen_mean == Approx(0).margin(1e-5));
    CHECK(seen_sd == Approx(1).margin(1e-5));
    // Held-out points use the training numbers, so their own statistics are not 0 and 1 exactly.
    for (int i : pg.split().test) CHECK(double(seen(f, i)) == Approx((double(raw(f, i)) - mean) / sd).margin(1e-4));
  }

  // The grid's feature rows: the cell centres' features, scaled with the same numbers.
  const int g = 4;
  std::vector<Scalar> grid(static_cast<std::size_t>(pg.grid_size(g)));
  REQUIRE(pg.evaluate_grid(g, -6, 6, grid.data()).empty());
  Eigen::Matrix<Scalar, 2, Eigen::Dynamic> centre(2, 1);
  centre << Scalar(-6 + 1.5 * 3), Scalar(6 - 0.5 * 3);  // ix = 1, iy = 0: cells 3 wide
  const Matrix f = compute_features(s.features, centre);
  for (Index k = 0; k < f.rows(); ++k)
    CHECK(double(grid[std::size_t(k * g * g + 1)]) ==
          Approx((double(f(k, 0)) - double(fit.mean(k))) / double(fit.sd(k))).margin(1e-4));

  // Back to none: the raw features, and a fit that changes nothing.
  s.input_scaling = InputScaling::None;
  REQUIRE(pg.configure(s).empty());
  CHECK(pg.training_data().inputs == raw);
  CHECK(pg.feature_scaling().mean.isZero());
}

TEST_CASE("standardised inputs let a ReLU network learn the circles at the lecture's settings",
          "[scaling][playground]") {
  // The lecture's experiment: circles, standardised inputs, [2, 4, 4, 1] ReLU with He init, a
  // sigmoid output with cross-entropy, learning rate 0.3, batch 32, 150 epochs, a 70/30 split.
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Circles;
  s.data.points = 500;
  s.data.noise = Scalar(0.1);
  s.train_ratio = Scalar(0.7);
  s.input_scaling = InputScaling::Standardise;
  s.hidden = {4, 4};
  s.hidden_activation = Activation::Relu;
  s.output_activation = Activation::Sigmoid;
  s.loss = Loss::BinaryCrossEntropy;
  s.init = Init::HeNormal;
  s.train.learning_rate = Scalar(0.3);
  s.train.batch_size = 32;
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(150).empty());
  CHECK(pg.metrics(Subset::Train).accuracy > 0.9);
  CHECK(pg.metrics(Subset::Test).accuracy > 0.9);
}

TEST_CASE("the 1-D output curve and the half-plane counts see the inputs as training did", "[scaling][approx]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Sine;
  s.features = {Feature::X1, Feature::SinX1};
  s.hidden = {5};
  s.output_activation = Activation::Linear;
  s.input_scaling = InputScaling::Standardise;
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(5).empty());
  REQUIRE_FALSE(pg.feature_scaling().mean.isZero());
  // unit_sum at the grid's cell centres x = -4.5, -1.5, 1.5, 4.5 against the grid's output row.
  const int g = 4;
  std::vector<Scalar> grid(static_cast<std::size_t>(pg.grid_size(g)));
  REQUIRE(pg.evaluate_grid(g, -6, 6, grid.data()).empty());
  UnitSum line;
  REQUIRE(pg.unit_sum(g, Scalar(-4.5), Scalar(4.5), line).empty());
  const std::size_t output_row = std::size_t(pg.node_count() - 1) * g * g;
  for (int ix = 0; ix < g; ++ix)
    CHECK(double(line.output(ix)) == Approx(double(grid[output_row + std::size_t(ix)])).margin(1e-5));
}
