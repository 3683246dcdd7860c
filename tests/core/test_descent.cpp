// Tests for descent.hpp: every surface's gradient against finite differences and against values
// worked by hand; the saddle's zero gradient at (0, 0); full-batch descent on linear regression
// reaching the least-squares line; batches, epochs and the path; momentum beating SGD on the
// elongated bowl; the two minima catching a start on the wrong side; the grid; refusals.
#include "backprop/descent.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "support.hpp"

using namespace bp;
using Catch::Matchers::Contains;

namespace {

constexpr Surface kSurfaces[] = {Surface::LinearRegression, Surface::SigmoidSquared, Surface::SigmoidCrossEntropy,
                                 Surface::Saddle,           Surface::TwoMinima,      Surface::Bowl};

DescentPoints points_of(std::vector<Scalar> x, std::vector<Scalar> t) {
  return {Eigen::Map<Vector>(x.data(), Index(x.size())), Eigen::Map<Vector>(t.data(), Index(t.size()))};
}

TrainSettings sgd(Scalar rate, int batch = 1000) {
  TrainSettings s;
  s.learning_rate = rate;
  s.batch_size = batch;
  return s;
}

// Points for the sigmoid models: targets in [0, 1].
const DescentPoints kPoints = points_of({-1.5f, -0.4f, 0.3f, 1.1f, 2.0f}, {0, 0.2f, 1, 0.7f, 1});

}  // namespace

TEST_CASE("every surface's gradient matches finite differences of its loss", "[descent]") {
  const double w[][2] = {{0.3, -0.7}, {-1.2, 0.4}, {0.9, 1.3}};
  for (Surface s : kSurfaces) {
    for (const auto& at : w) {
      double g0 = 0, g1 = 0;
      surface_gradient(s, kPoints, {}, at[0], at[1], g0, g1);
      const double h = 1e-6;
      const double n0 =
          (surface_loss(s, kPoints, at[0] + h, at[1]) - surface_loss(s, kPoints, at[0] - h, at[1])) / (2 * h);
      const double n1 =
          (surface_loss(s, kPoints, at[0], at[1] + h) - surface_loss(s, kPoints, at[0], at[1] - h)) / (2 * h);
      INFO(surface_name(s) << " at (" << at[0] << ", " << at[1] << ")");
      CHECK(std::abs(g0 - n0) <= 1e-6 * (1 + std::abs(n0)));
      CHECK(std::abs(g1 - n1) <= 1e-6 * (1 + std::abs(n1)));
    }
  }
}

TEST_CASE("linear regression by hand: t = 1 + 2x from w = 0, one full-batch step at 0.1", "[descent]") {
  const DescentPoints p = points_of({0, 1, 2}, {1, 3, 5});
  // J = 1/(2·3) (1 + 9 + 25) = 35/6; ∂J/∂w0 = (−1 − 3 − 5)/3 = −3; ∂J/∂w1 = (0 − 3 − 10)/3 = −13/3.
  CHECK(surface_loss(Surface::LinearRegression, p, 0, 0) == Approx(35.0 / 6));
  Descent d;
  REQUIRE(d.reset(Surface::LinearRegression, sgd(Scalar(0.1)), p, 0, 0) == "");
  DescentStep s;
  REQUIRE(d.step(s) == "");
  CHECK(s.batch.size() == 3);
  CHECK(s.gradient[0] == Approx(-3));
  CHECK(s.gradient[1] == Approx(-13.0 / 3));
  CHECK(d.weights()[0] == Approx(0.3));
  CHECK(d.weights()[1] == Approx(13.0 / 30));
  CHECK(s.loss_before == Approx(35.0 / 6));
  CHECK(s.loss_after == Approx(d.loss()));
  CHECK(s.loss_after < s.loss_before);
  CHECK(d.epoch() == 1);
  CHECK(d.path().size() == 4);  // (w0, w1) before and after
}

TEST_CASE("the sigmoid neuron by hand: at w = 0, h = 1/2 for every point", "[descent]") {
  const DescentPoints p = points_of({-1, 2}, {0, 1});
  double g0 = 0, g1 = 0;
  // Squared error: (h − t) h (1 − h) = ±1/8: g0 = (1/8 − 1/8)/2 = 0, g1 = (1/8·(−1) − 1/8·2)/2 = −3/16.
  surface_gradient(Surface::SigmoidSquared, p, {}, 0, 0, g0, g1);
  CHECK(g0 == Approx(0).margin(1e-12));
  CHECK(g1 == Approx(-3.0 / 16));
  CHECK(surface_loss(Surface::SigmoidSquared, p, 0, 0) == Approx(0.125));
  // Cross-entropy: h − t = ±1/2: g1 = (1/2·(−1) − 1/2·2)/2 = −3/4, four times larger; J = ln 2.
  surface_gradient(Surface::SigmoidCrossEntropy, p, {}, 0, 0, g0, g1);
  CHECK(g1 == Approx(-0.75));
  CHECK(surface_loss(Surface::SigmoidCrossEntropy, p, 0, 0) == Approx(std::log(2.0)));
  // Saturated and wrong (z = −10 where t = 1): squared error barely moves, cross-entropy pulls by ~1.
  const DescentPoints wrong = points_of({1}, {1});
  surface_gradient(Surface::SigmoidSquared, wrong, {}, -10, 0, g0, g1);
  CHECK(std::abs(g0) < 1e-4);
  surface_gradient(Surface::SigmoidCrossEntropy, wrong, {}, -10, 0, g0, g1);
  CHECK(g0 == Approx(-1).epsilon(1e-4));
}

TEST_CASE("each point's terms: the lecture's factors by hand, and their mean is the gradient", "[descent]") {
  // x = 2, t = 1 at w = (0, −4): z = −8, h = σ(−8) = 3.3535e−4, slope h(1 − h) = 3.3524e−4.
  const PointTerms se = point_terms(Surface::SigmoidSquared, 2, 1, 0, -4);
  CHECK(se.z == -8);
  CHECK(se.h == Approx(3.3535013e-4));
  CHECK(se.error == Approx(-(1 - 3.3535013e-4)));
  CHECK(se.slope == Approx(3.3535013e-4 * (1 - 3.3535013e-4)));
  CHECK(se.delta == Approx(se.error * se.slope));  // about −3.35e−4: saturated, nearly no gradient
  CHECK(se.loss == Approx(se.error * se.error / 2));
  const PointTerms ce = point_terms(Surface::SigmoidCrossEntropy, 2, 1, 0, -4);
  CHECK(ce.delta == Approx(-(1 - 3.3535013e-4)));  // the error itself: about 3,000 times larger
  CHECK(ce.loss == Approx(-std::log(3.3535013e-4)));
  const PointTerms line = point_terms(Surface::LinearRegression, 2, 1, 0.5, 3);
  CHECK(line.h == 6.5);
  CHECK(line.slope == 1);
  CHECK(line.delta == 5.5);
  CHECK(surface_terms(Surface::Saddle, kPoints, 0, 0).empty());

  for (Surface s : {Surface::LinearRegression, Surface::SigmoidSquared, Surface::SigmoidCrossEntropy}) {
    const auto terms = surface_terms(s, kPoints, 0.4, -1.3);
    REQUIRE(terms.size() == std::size_t(kPoints.x.size()));
    double g0 = 0, g1 = 0, j = 0;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      g0 += terms[i].delta / double(terms.size());
      g1 += terms[i].delta * kPoints.x[Index(i)] / double(terms.size());
      j += terms[i].loss / double(terms.size());
    }
    double e0 = 0, e1 = 0;
    surface_gradient(s, kPoints, {}, 0.4, -1.3, e0, e1);
    INFO(surface_name(s));
    CHECK(g0 == Approx(e0));
    CHECK(g1 == Approx(e1));
    CHECK(j == Approx(surface_loss(s, kPoints, 0.4, -1.3)));
  }
}

TEST_CASE("the saddle's gradient at (0, 0) is 0, and it is no minimum", "[descent]") {
  double g0 = 1, g1 = 1;
  surface_gradient(Surface::Saddle, {}, {}, 0, 0, g0, g1);
  CHECK(g0 == 0);
  CHECK(g1 == 0);
  CHECK(surface_loss(Surface::Saddle, {}, 0, 0.01) < 0);
  Descent d;
  REQUIRE(d.reset(Surface::Saddle, sgd(Scalar(0.1)), {}, 0, 0) == "");
  REQUIRE(d.run(10) == "");
  CHECK(d.weights().isZero());  // gradient descent stays at the saddle
  REQUIRE(d.reset(Surface::Saddle, sgd(Scalar(0.1)), {}, 1, Scalar(0.001)) == "");
  REQUIRE(d.run(40) == "");
  CHECK(std::abs(d.weights()[0]) < 0.01);  // w0 goes to 0, w1 away from it
  CHECK(std::abs(d.weights()[1]) > 1);
}

TEST_CASE("full-batch descent on linear regression reaches the least-squares line", "[descent]") {
  const DescentPoints p = points_of({-1, 0, 0.5f, 1.5f, 2, 3}, {-2.1f, 0.9f, 1.2f, 3.8f, 4.1f, 7.2f});
  Eigen::MatrixXd X(6, 2);
  X.col(0).setOnes();
  X.col(1) = p.x.cast<double>();
  const Eigen::VectorXd best = (X.transpose() * X).llt().solve(X.transpose() * p.t.cast<double>());
  Descent d;
  REQUIRE(d.reset(Surface::LinearRegression, sgd(Scalar(0.2)), p, 0, 0) == "");
  REQUIRE(d.run(2000) == "");
  CHECK(std::abs(d.weights()[0] - best[0]) <= 1e-4);
  CHECK(std::abs(d.weights()[1] - best[1]) <= 1e-4);
  // J falls every step at this rate.
  for (std::size_t k = 1; k < d.path_loss().size(); ++k) CHECK(d.path_loss()[k] <= d.path_loss()[k - 1] + 1e-7);
}

TEST_CASE("mini-batches and single examples: each epoch uses every point once; the path records each step",
          "[descent]") {
  const DescentPoints p = points_of({0, 1, 2, 3, 4}, {1, 2, 3, 4, 5});
  Descent d;
  REQUIRE(d.reset(Surface::LinearRegression, sgd(Scalar(0.01), 2), p, 0, 0, 5) == "");
  std::vector<int> seen;
  DescentStep s;
  for (int k = 0; k < 3; ++k) {  // batches of 2, 2 and the last 1
    REQUIRE(d.step(s) == "");
    CHECK(s.epoch == 0);
    seen.insert(seen.end(), s.batch.begin(), s.batch.end());
    // The step's gradient is the mean over its batch only.
    double g0 = 0, g1 = 0;
    surface_gradient(Surface::LinearRegression, p, s.batch, s.weights[0], s.weights[1], g0, g1);
    CHECK(s.gradient[0] == Approx(g0));
    CHECK(s.update[0] == Approx(-0.01 * g0));
  }
  CHECK(seen.size() == 5);
  std::sort(seen.begin(), seen.end());
  CHECK(seen == std::vector<int>{0, 1, 2, 3, 4});
  CHECK(d.epoch() == 1);
  CHECK(d.steps() == 3);
  CHECK(d.path().size() == 2 * 4);
  CHECK(d.path()[6] == d.weights()[0]);
  CHECK(d.path_loss().back() == Approx(d.loss()));
  // The same seed gives the same batches.
  Descent again;
  REQUIRE(again.reset(Surface::LinearRegression, sgd(Scalar(0.01), 2), p, 0, 0, 5) == "");
  REQUIRE(again.run(3) == "");
  CHECK(again.weights() == d.weights());
}

TEST_CASE("on the elongated bowl momentum gets there in fewer steps than plain SGD", "[descent]") {
  auto steps_to_minimum = [](Optimizer o) {
    TrainSettings s = sgd(Scalar(0.09));
    s.optimizer = o;
    s.momentum = Scalar(0.5);  // |roots| = sqrt(0.5) on both axes, against SGD's 0.91 along w0
    Descent d;
    REQUIRE(d.reset(Surface::Bowl, s, {}, -4, 1) == "");
    for (int k = 1; k <= 5000; ++k) {
      REQUIRE(d.run(1) == "");
      if (d.loss() < 1e-6) return k;
    }
    return 5001;
  };
  const int plain = steps_to_minimum(Optimizer::Sgd), momentum = steps_to_minimum(Optimizer::Momentum);
  INFO("SGD " << plain << " steps, momentum " << momentum);
  CHECK(plain < 5001);
  CHECK(momentum < plain / 2);
}

TEST_CASE("two minima: a start on the right settles in the local one, on the left in the global one", "[descent]") {
  Descent d;
  REQUIRE(d.reset(Surface::TwoMinima, sgd(Scalar(0.1)), {}, 2, 1) == "");
  REQUIRE(d.run(500) == "");
  CHECK(d.weights()[0] == Approx(0.945).epsilon(2e-3));
  const double local = d.loss();
  REQUIRE(d.reset(Surface::TwoMinima, sgd(Scalar(0.1)), {}, -2, 1) == "");
  REQUIRE(d.run(500) == "");
  CHECK(d.weights()[0] == Approx(-1.046).epsilon(2e-3));
  CHECK(d.loss() < local - 0.1);
}

TEST_CASE("decay lowers the learning rate per epoch; Adam's first step has size lr in each coordinate", "[descent]") {
  TrainSettings s = sgd(Scalar(0.1));
  s.decay = Decay::InverseTime;
  s.decay_steps = 10;
  Descent d;
  REQUIRE(d.reset(Surface::Bowl, s, {}, 1, 1) == "");
  REQUIRE(d.run(10) == "");
  CHECK(d.current_learning_rate() == Approx(0.1 * 10 / (10 + 10)));
  s = sgd(Scalar(0.05));
  s.optimizer = Optimizer::Adam;
  REQUIRE(d.reset(Surface::Bowl, s, {}, 1, -1) == "");
  DescentStep step;
  REQUIRE(d.step(step) == "");
  CHECK(step.update[0] == Approx(-0.05).epsilon(1e-4));  // m̂ / sqrt(v̂) = sign(g) at t = 1
  CHECK(step.update[1] == Approx(0.05).epsilon(1e-4));
}

TEST_CASE("the grid holds J at its points, row 0 at the top", "[descent]") {
  Descent d;
  REQUIRE(d.reset(Surface::SigmoidCrossEntropy, sgd(Scalar(0.1)), kPoints, 0, 0) == "");
  std::vector<double> g;
  REQUIRE(d.grid(-2, 2, -1, 3, 5, g) == "");
  REQUIRE(g.size() == 25);
  CHECK(g[0] == surface_loss(Surface::SigmoidCrossEntropy, kPoints, -2, 3));   // top left
  CHECK(g[4] == surface_loss(Surface::SigmoidCrossEntropy, kPoints, 2, 3));    // top right
  CHECK(g[24] == surface_loss(Surface::SigmoidCrossEntropy, kPoints, 2, -1));  // bottom right
  CHECK(g[2 * 5 + 1] == surface_loss(Surface::SigmoidCrossEntropy, kPoints, -1, 1));
  CHECK_THAT(d.grid(-2, 2, -1, 3, 1, g), Contains("2 to 256 points a side (got 1)"));
  CHECK_THAT(d.grid(2, -2, -1, 3, 5, g), Contains("low < high"));
}

TEST_CASE("descent: bad input is refused, naming it, and changes nothing; divergence stops the run", "[descent]") {
  Descent d;
  DescentStep s;
  std::vector<double> g;
  CHECK_THAT(d.step(s), Contains("reset first"));
  CHECK_THAT(d.grid(0, 1, 0, 1, 4, g), Contains("reset first"));
  REQUIRE(d.reset(Surface::LinearRegression, sgd(Scalar(0.1)), kPoints, 1, 1) == "");
  REQUIRE(d.step(s) == "");
  const Vector before = d.weights();
  CHECK_THAT(d.reset(Surface::LinearRegression, sgd(0), kPoints, 0, 0),
             Contains("learning rate must be in (0, 100] (got 0)"));
  TrainSettings l2 = sgd(Scalar(0.1));
  l2.l2 = Scalar(0.1);
  CHECK_THAT(d.reset(Surface::LinearRegression, l2, kPoints, 0, 0), Contains("L1, L2 and dropout do not apply"));
  CHECK_THAT(d.reset(Surface::LinearRegression, sgd(Scalar(0.1)), {}, 0, 0), Contains("1 to 1000 points (got 0)"));
  CHECK_THAT(d.reset(Surface::LinearRegression, sgd(Scalar(0.1)), points_of({1, 2}, {1}), 0, 0),
             Contains("2 points, 1 targets"));
  CHECK_THAT(d.reset(Surface::SigmoidSquared, sgd(Scalar(0.1)), points_of({1, 2}, {1, 2}), 0, 0),
             Contains("between 0 and 1 (point 1 has 2)"));
  CHECK_THAT(d.reset(Surface::Bowl, sgd(Scalar(0.1)), {}, std::numeric_limits<Scalar>::infinity(), 0),
             Contains("finite"));
  CHECK_THAT(d.run(-1), Contains("between 0 and 1000000 (got -1)"));
  CHECK_THAT(d.set_settings(sgd(-1)), Contains("learning rate"));
  CHECK(d.weights() == before);
  CHECK(d.steps() == 1);
  // The bowl's w1 direction diverges above a rate of 2/20.
  REQUIRE(d.reset(Surface::Bowl, sgd(Scalar(0.2)), {}, 1, 1) == "");
  REQUIRE(d.run(1000) == "");
  CHECK(d.diverged());
  CHECK(d.steps() < 1000);
  CHECK_THAT(d.step(s), Contains("no longer finite"));
  CHECK_THAT(d.run(1), Contains("no longer finite"));
}

TEST_CASE("surface names round-trip", "[descent]") {
  CHECK(surface_names().size() == 6);
  for (Surface s : kSurfaces) {
    Surface back{};
    REQUIRE(parse_surface(surface_name(s), back));
    CHECK(back == s);
  }
  Surface s{};
  CHECK(!parse_surface("rosenbrock", s));
}
