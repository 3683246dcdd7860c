// Tests for classic_unit.hpp: McCulloch–Pitts truth tables; the perceptron and Adaline rules
// against updates worked out by hand (binary and bipolar), the perceptron's convergence on AND and
// OR in a known number of epochs and its endless cycle on XOR, Adaline's rule as the negative
// gradient of ½(t − z)² (finite differences) and its batch form reaching the least-squares weights;
// validation messages, and refusals that change nothing.
#include "backprop/classic_unit.hpp"

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

// The four rows of a two-input truth table as columns: (0,0), (0,1), (1,0), (1,1), or with −1 for 0.
Matrix truth_inputs(bool bipolar = false) {
  const Scalar o = bipolar ? Scalar(-1) : Scalar(0);
  Matrix x(2, 4);
  x << o, o, 1, 1, o, 1, o, 1;
  return x;
}

Vector targets(std::vector<Scalar> t) { return Eigen::Map<Vector>(t.data(), Index(t.size())); }
Vector vec(std::vector<Scalar> v) { return targets(std::move(v)); }

ClassicSettings settings_of(ClassicRule rule, TargetCoding coding, Scalar rate, bool batch = false) {
  ClassicSettings s;
  s.rule = rule;
  s.coding = coding;
  s.learning_rate = rate;
  s.batch = batch;
  return s;
}

std::vector<int> mistakes_of(const ClassicUnit& unit) {
  std::vector<int> out;
  for (const auto& e : unit.history()) out.push_back(e.mistakes);
  return out;
}

void require_near(const Vector& got, std::vector<double> want, double tol) {
  REQUIRE(got.size() == Index(want.size()));
  for (Index i = 0; i < got.size(); ++i) {
    INFO("component " << i << ": " << got[i] << " vs " << want[std::size_t(i)]);
    REQUIRE(std::abs(double(got[i]) - want[std::size_t(i)]) <= tol);
  }
}

}  // namespace

TEST_CASE("McCulloch-Pitts: AND at threshold 2, OR at 1, NOT with an inhibitory input", "[classic]") {
  McCullochPitts unit{{false, false}, 2};
  CHECK(mcculloch_pitts_truth_table(unit) == std::vector<int>{0, 0, 0, 1});
  unit.threshold = 1;
  CHECK(mcculloch_pitts_truth_table(unit) == std::vector<int>{0, 1, 1, 1});
  unit.threshold = 0;  // fires with no input at all
  CHECK(mcculloch_pitts_truth_table(unit) == std::vector<int>{1, 1, 1, 1});
  McCullochPitts negation{{true}, 0};
  CHECK(mcculloch_pitts_truth_table(negation) == std::vector<int>{1, 0});
  // x1 AND NOT x2: an active inhibitory input vetoes whatever the excitatory sum.
  McCullochPitts and_not{{false, true}, 1};
  CHECK(mcculloch_pitts_truth_table(and_not) == std::vector<int>{0, 0, 1, 0});
  CHECK(mcculloch_pitts_output(and_not, {1, 0}) == 1);
  // Three inputs, rows in binary counting order: the majority function at threshold 2.
  McCullochPitts majority{{false, false, false}, 2};
  CHECK(mcculloch_pitts_truth_table(majority) == std::vector<int>{0, 0, 0, 1, 0, 1, 1, 1});
}

TEST_CASE("McCulloch-Pitts: no threshold makes one unit compute XOR", "[classic]") {
  const std::vector<int> xor_table{0, 1, 1, 0};
  for (bool inhibit1 : {false, true})
    for (bool inhibit2 : {false, true})
      for (int theta = 0; theta <= 2; ++theta)
        CHECK(mcculloch_pitts_truth_table(McCullochPitts{{inhibit1, inhibit2}, theta}) != xor_table);
}

TEST_CASE("McCulloch-Pitts: bad units and inputs are refused", "[classic]") {
  CHECK_THAT(check_mcculloch_pitts(McCullochPitts{{}, 0}), Contains("1 to 8 inputs (got 0)"));
  CHECK_THAT(check_mcculloch_pitts(McCullochPitts{std::vector<bool>(9), 1}), Contains("(got 9)"));
  CHECK_THAT(check_mcculloch_pitts(McCullochPitts{{false, false}, 3}),
             Contains("between 0 and the number of inputs, 2 (got 3)"));
  CHECK_THAT(check_mcculloch_pitts(McCullochPitts{{false}, -1}), Contains("(got -1)"));
  CHECK(mcculloch_pitts_truth_table(McCullochPitts{{false}, 5}).empty());
  const McCullochPitts unit{{false, false}, 1};
  CHECK(mcculloch_pitts_output(unit, {1}) == -1);     // wrong count
  CHECK(mcculloch_pitts_output(unit, {1, 2}) == -1);  // not binary
  CHECK(mcculloch_pitts_output(unit, {0, -1}) == -1);
}

TEST_CASE("perceptron, binary: AND from zero weights at rate 1, step by step as worked by hand", "[classic]") {
  ClassicUnit unit;
  REQUIRE(unit.reset(settings_of(ClassicRule::Perceptron, TargetCoding::Binary, 1), truth_inputs(),
                     targets({0, 0, 0, 1}), Vector::Zero(3)) == "");
  ClassicStep s;
  // Epoch 0: z = 0 gives 0 on the first three (all right), then (1,1) is missed: Δw = (1, 1, 1).
  for (int i = 0; i < 3; ++i) {
    REQUIRE(unit.step(s) == "");
    CHECK(s.sum == 0);
    CHECK(s.output == 0);
    CHECK(s.error == 0);
    CHECK(!s.mistake);
    CHECK(s.delta_w.isZero());
  }
  REQUIRE(unit.step(s) == "");
  CHECK(s.example == 3);
  require_near(s.input, {1, 1, 1}, 0);
  CHECK(s.error == 1);
  CHECK(s.mistake);
  require_near(s.delta_w, {1, 1, 1}, 0);
  require_near(unit.weights(), {1, 1, 1}, 0);
  CHECK(unit.epoch() == 1);
  // Epoch 1: (0,0) now fires: z = 1, y = 1, t = 0, Δw = −(1, 0, 0).
  REQUIRE(unit.step(s) == "");
  CHECK(s.epoch == 1);
  require_near(s.weights, {1, 1, 1}, 0);
  CHECK(s.sum == 1);
  CHECK(s.output == 1);
  CHECK(s.error == -1);
  require_near(s.delta_w, {-1, 0, 0}, 0);
  CHECK(!std::signbit(s.delta_w[1]));  // 0, not −0 (−1 · 0), for the page to show
  // (0,1): z = 0 + 1 = 1, wrong again: w = (−1, 1, 0).
  REQUIRE(unit.step(s) == "");
  require_near(unit.weights(), {-1, 1, 0}, 0);
  // Then on to convergence: mistakes per epoch 1, 3, 3, 2, 1, 0, ending at w = (−2, 2, 1).
  REQUIRE(unit.train_epochs(100) == "");
  const std::vector<int> mistakes = mistakes_of(unit);
  CHECK(mistakes.size() == 101);
  CHECK(std::vector<int>(mistakes.begin(), mistakes.begin() + 6) == std::vector<int>{1, 3, 3, 2, 1, 0});
  CHECK(unit.converged());
  require_near(unit.weights(), {-2, 2, 1}, 0);
  for (Index i = 0; i < 4; ++i) CHECK(unit.classify(truth_inputs().col(i)) == (i == 3 ? 1 : 0));
  CHECK(unit.cost() == 0);
}

TEST_CASE("perceptron, binary: OR converges after 4 epochs at w = (0, 1, 1)", "[classic]") {
  ClassicUnit unit;
  REQUIRE(unit.reset(settings_of(ClassicRule::Perceptron, TargetCoding::Binary, 1), truth_inputs(),
                     targets({0, 1, 1, 1}), Vector::Zero(3)) == "");
  int epochs = 0;
  while (!unit.converged() && epochs < 50) {
    REQUIRE(unit.train_epochs(1) == "");
    ++epochs;
  }
  CHECK(epochs == 4);
  CHECK(mistakes_of(unit) == std::vector<int>{1, 2, 1, 0});
  require_near(unit.weights(), {0, 1, 1}, 0);
}

TEST_CASE("perceptron, bipolar: AND on ±1 at rate 0.5 converges after 3 epochs at w = (−1, 1, 1)", "[classic]") {
  ClassicUnit unit;
  REQUIRE(unit.reset(settings_of(ClassicRule::Perceptron, TargetCoding::Bipolar, Scalar(0.5)), truth_inputs(true),
                     targets({-1, -1, -1, 1}), Vector::Zero(3)) == "");
  ClassicStep s;
  for (int i = 0; i < 3; ++i) {  // z = 0 is not > 0: output −1, right for the first three
    REQUIRE(unit.step(s) == "");
    CHECK(s.output == -1);
    CHECK(s.error == 0);
  }
  REQUIRE(unit.step(s) == "");  // (1, 1): y = −1, t = 1, error 2, Δw = 0.5 · 2 · (1, 1, 1)
  CHECK(s.error == 2);
  require_near(s.delta_w, {1, 1, 1}, 0);
  REQUIRE(unit.step(s) == "");  // (−1, −1): z = 1 − 1 − 1 = −1, right
  CHECK(s.sum == -1);
  CHECK(!s.mistake);
  REQUIRE(unit.step(s) == "");  // (−1, 1): z = 1, y = 1, t = −1, Δw = −(1, −1, 1)
  require_near(s.delta_w, {-1, 1, -1}, 0);
  require_near(unit.weights(), {0, 2, 0}, 0);
  REQUIRE(unit.train_epochs(10) == "");
  const std::vector<int> mistakes = mistakes_of(unit);
  CHECK(std::vector<int>(mistakes.begin(), mistakes.begin() + 3) == std::vector<int>{1, 2, 0});
  require_near(unit.weights(), {-1, 1, 1}, 0);
}

TEST_CASE("perceptron: on XOR it never converges and its weights cycle", "[classic]") {
  for (TargetCoding coding : {TargetCoding::Binary, TargetCoding::Bipolar}) {
    const bool bipolar = coding == TargetCoding::Bipolar;
    const Scalar o = bipolar ? Scalar(-1) : Scalar(0);
    ClassicUnit unit;
    REQUIRE(unit.reset(settings_of(ClassicRule::Perceptron, coding, 1), truth_inputs(bipolar), targets({o, 1, 1, o}),
                       Vector::Zero(3)) == "");
    std::vector<Vector> at_epoch_end;
    for (int e = 0; e < 200; ++e) {
      REQUIRE(unit.train_epochs(1) == "");
      at_epoch_end.push_back(unit.weights());
    }
    for (int m : mistakes_of(unit)) CHECK(m >= 1);
    CHECK(!unit.converged());
    // A deterministic rule in a fixed order that returns to a state it was in repeats forever.
    bool repeats = false;
    for (std::size_t a = 0; a < at_epoch_end.size() && !repeats; ++a)
      for (std::size_t b = a + 1; b < at_epoch_end.size() && !repeats; ++b)
        repeats = at_epoch_end[a] == at_epoch_end[b];
    CHECK(repeats);
  }
}

TEST_CASE("Adaline, binary and bipolar: the first updates as worked by hand", "[classic]") {
  const double tol = test::kFloat ? 1e-6 : 1e-12;
  ClassicStep s;
  SECTION("binary AND at rate 0.1") {
    ClassicUnit unit;
    REQUIRE(unit.reset(settings_of(ClassicRule::Adaline, TargetCoding::Binary, Scalar(0.1)), truth_inputs(),
                       targets({0, 0, 0, 1}), Vector::Zero(3)) == "");
    REQUIRE(unit.train_epochs(1) == "");  // only (1,1) has an error: w = 0.1 · (1, 1, 1)
    require_near(unit.weights(), {0.1, 0.1, 0.1}, tol);
    REQUIRE(unit.step(s) == "");  // (0,0): z = 0.1, y = z, error −0.1
    CHECK(std::abs(s.output - Scalar(0.1)) <= tol);
    CHECK(std::abs(s.error + Scalar(0.1)) <= tol);
    CHECK(!s.mistake);                                 // 0.1 is below 0.5, halfway between the codes: says 0, right
    CHECK(unit.classify(truth_inputs().col(3)) == 0);  // (1,1): z = 0.29, below 0.5 too
    require_near(unit.weights(), {0.09, 0.1, 0.1}, tol);
    REQUIRE(unit.step(s) == "");  // (0,1): z = 0.19, Δw = −0.019 · (1, 0, 1)
    CHECK(std::abs(s.sum - Scalar(0.19)) <= tol);
    require_near(unit.weights(), {0.071, 0.1, 0.081}, tol);
    REQUIRE(unit.step(s) == "");  // (1,0): z = 0.171, Δw = −0.0171 · (1, 1, 0)
    require_near(unit.weights(), {0.0539, 0.0829, 0.081}, tol);
  }
  SECTION("bipolar AND at rate 0.1") {
    ClassicUnit unit;
    REQUIRE(unit.reset(settings_of(ClassicRule::Adaline, TargetCoding::Bipolar, Scalar(0.1)), truth_inputs(true),
                       targets({-1, -1, -1, 1}), Vector::Zero(3)) == "");
    REQUIRE(unit.step(s) == "");  // (−1,−1): z = 0, error −1, Δw = −0.1 · (1, −1, −1)
    require_near(unit.weights(), {-0.1, 0.1, 0.1}, tol);
    REQUIRE(unit.step(s) == "");  // (−1,1): z = −0.1, error −0.9
    CHECK(std::abs(s.error + Scalar(0.9)) <= tol);
    require_near(unit.weights(), {-0.19, 0.19, 0.01}, tol);
    REQUIRE(unit.step(s) == "");  // (1,−1): z = −0.01, error −0.99
    require_near(unit.weights(), {-0.289, 0.091, 0.109}, tol);
  }
}

TEST_CASE("Adaline's update is −α times the gradient of ½(t − z)², by finite differences", "[classic]") {
  Matrix x(2, 5);
  x << 0.5, -1.2, 2.0, 0.3, -0.7, 1.5, 0.4, -0.6, -1.1, 0.9;
  ClassicUnit unit;
  const Scalar rate = Scalar(0.05);
  REQUIRE(unit.reset(settings_of(ClassicRule::Adaline, TargetCoding::Bipolar, rate), x, targets({1, -1, 1, -1, 1}),
                     vec({0.2, -0.3, 0.4})) == "");
  ClassicStep s;
  for (int k = 0; k < 7; ++k) {
    REQUIRE(unit.step(s) == "");
    auto half_squared = [&](const Vector& w) {
      const double z = double(w.dot(s.input));
      return 0.5 * (double(s.target) - z) * (double(s.target) - z);
    };
    const double h = test::kFloat ? 1e-2 : 1e-6;
    for (Index j = 0; j < 3; ++j) {
      Vector up = s.weights, down = s.weights;
      up[j] += Scalar(h);
      down[j] -= Scalar(h);
      const double gradient = (half_squared(up) - half_squared(down)) / (2 * h);
      INFO("step " << k << ", weight " << j);
      CHECK(std::abs(double(s.delta_w[j]) + double(rate) * gradient) <= (test::kFloat ? 2e-4 : 1e-9));
    }
  }
}

TEST_CASE("Adaline in batch mode reaches the least-squares weights; online it settles near them", "[classic]") {
  Matrix x(2, 8);
  x << 0.9, -1.1, 0.4, 1.6, -0.3, -1.4, 0.7, 0.1, 0.2, 0.8, -1.3, 1.0, -0.6, -0.2, 1.2, -1.5;
  const Vector t = targets({1, -1, -1, 1, -1, -1, 1, 1});
  // The closed form, in double: w* solves (Xᵀ X) w = Xᵀ t with X = [1 x] (one row per example).
  Eigen::MatrixXd X(8, 3);
  X.col(0).setOnes();
  X.rightCols(2) = x.transpose().cast<double>();
  const Eigen::VectorXd best = (X.transpose() * X).llt().solve(X.transpose() * t.cast<double>());
  // The batch rule is w += α Xᵀ(t − Xw): stable for α < 2/λmax, and λmax ≤ trace(XᵀX).
  const double rate = 1 / (X.transpose() * X).trace();

  ClassicUnit batch;
  REQUIRE(batch.reset(settings_of(ClassicRule::Adaline, TargetCoding::Bipolar, Scalar(rate), true), x, t,
                      Vector::Zero(3)) == "");
  ClassicStep s;
  for (int i = 0; i < 7; ++i) {  // nothing moves until the epoch's last example
    REQUIRE(batch.step(s) == "");
    CHECK(s.update.isZero());
    CHECK(!s.delta_w.isZero());
  }
  REQUIRE(batch.step(s) == "");
  CHECK(!s.update.isZero());
  REQUIRE(batch.train_epochs(3000) == "");
  for (Index j = 0; j < 3; ++j) CHECK(std::abs(double(batch.weights()[j]) - best[j]) <= 1e-4);
  const double least = (X * best - t.cast<double>()).squaredNorm() / 16;
  CHECK(std::abs(batch.cost() - least) <= 1e-6);
  // The cost falls every epoch: the step is below the 2/λmax limit.
  for (std::size_t e = 1; e < batch.history().size(); ++e)
    CHECK(batch.history()[e].cost <= batch.history()[e - 1].cost + 1e-7);

  ClassicUnit online;
  REQUIRE(online.reset(settings_of(ClassicRule::Adaline, TargetCoding::Bipolar, Scalar(0.01)), x, t, Vector::Zero(3)) ==
          "");
  REQUIRE(online.train_epochs(2000) == "");
  for (Index j = 0; j < 3; ++j) CHECK(std::abs(double(online.weights()[j]) - best[j]) <= 0.05);
  CHECK(online.cost() <= least * 1.01);
}

TEST_CASE("shuffled epochs visit every example once, the same way for the same seed", "[classic]") {
  ClassicSettings s = settings_of(ClassicRule::Perceptron, TargetCoding::Binary, 1);
  s.shuffle = true;
  s.seed = 9;
  auto orders = [&](std::uint32_t seed) {
    s.seed = seed;
    ClassicUnit unit;
    REQUIRE(unit.reset(s, truth_inputs(), targets({0, 1, 1, 0}), Vector::Zero(3)) == "");
    std::vector<int> seen;
    ClassicStep step;
    for (int i = 0; i < 40; ++i) {
      REQUIRE(unit.step(step) == "");
      seen.push_back(step.example);
    }
    return seen;
  };
  const auto a = orders(9);
  CHECK(a == orders(9));
  CHECK(a != orders(10));
  bool some_epoch_reordered = false;
  for (int e = 0; e < 10; ++e) {
    std::vector<int> epoch(a.begin() + 4 * e, a.begin() + 4 * e + 4);
    some_epoch_reordered = some_epoch_reordered || epoch != std::vector<int>{0, 1, 2, 3};
    std::sort(epoch.begin(), epoch.end());
    CHECK(epoch == std::vector<int>{0, 1, 2, 3});
  }
  CHECK(some_epoch_reordered);
}

TEST_CASE("classic unit: bad settings and data are refused, naming the problem, and change nothing", "[classic]") {
  ClassicUnit unit;
  const ClassicSettings ok = settings_of(ClassicRule::Perceptron, TargetCoding::Binary, 1);
  ClassicStep s;
  CHECK_THAT(unit.step(s), Contains("reset it first"));
  CHECK_THAT(unit.train_epochs(1), Contains("reset it first"));
  REQUIRE(unit.reset(ok, truth_inputs(), targets({0, 0, 0, 1}), Vector::Zero(3)) == "");
  REQUIRE(unit.step(s) == "");
  const Vector before = unit.weights();

  ClassicSettings bad = ok;
  bad.learning_rate = 0;
  CHECK_THAT(unit.reset(bad, truth_inputs(), targets({0, 0, 0, 1}), Vector::Zero(3)),
             Contains("learning rate must be in (0, 100] (got 0)"));
  bad.learning_rate = std::numeric_limits<Scalar>::quiet_NaN();
  CHECK_THAT(unit.reset(bad, truth_inputs(), targets({0, 0, 0, 1}), Vector::Zero(3)), Contains("learning rate"));
  CHECK_THAT(unit.reset(ok, Matrix(0, 4), targets({0, 0, 0, 1}), Vector::Zero(1)), Contains("1 to 16 inputs (got 0)"));
  CHECK_THAT(unit.reset(ok, Matrix::Zero(17, 4), targets({0, 0, 0, 1}), Vector::Zero(18)), Contains("(got 17)"));
  CHECK_THAT(unit.reset(ok, Matrix::Zero(2, 0), Vector(0), Vector::Zero(3)), Contains("1 to 10000 examples (got 0)"));
  Matrix infinite = truth_inputs();
  infinite(1, 2) = std::numeric_limits<Scalar>::infinity();
  CHECK_THAT(unit.reset(ok, infinite, targets({0, 0, 0, 1}), Vector::Zero(3)), Contains("finite"));
  CHECK_THAT(unit.reset(ok, truth_inputs(), targets({0, 0, 1}), Vector::Zero(3)), Contains("4 examples, 3 targets"));
  CHECK_THAT(unit.reset(ok, truth_inputs(), targets({0, -1, 0, 1}), Vector::Zero(3)),
             Contains("with binary targets each target is 0 or 1 (example 1 has -1)"));
  ClassicSettings bipolar = ok;
  bipolar.coding = TargetCoding::Bipolar;
  CHECK_THAT(unit.reset(bipolar, truth_inputs(), targets({0, 1, 1, 1}), Vector::Zero(3)),
             Contains("with bipolar targets each target is -1 or 1 (example 0 has 0)"));
  CHECK_THAT(unit.reset(ok, truth_inputs(), targets({0, 0, 0, 1}), Vector::Zero(2)),
             Contains("3 weights, the bias w0 first (got 2)"));
  CHECK_THAT(
      unit.reset(ok, truth_inputs(), targets({0, 0, 0, 1}), vec({0, std::numeric_limits<Scalar>::quiet_NaN(), 0})),
      Contains("finite"));
  CHECK_THAT(unit.train_epochs(-1), Contains("between 0 and 100000 (got -1)"));
  CHECK_THAT(unit.train_epochs(100001), Contains("(got 100001)"));
  // Nothing changed: the unit is mid-epoch where it was.
  CHECK(unit.weights() == before);
  CHECK(unit.position() == 1);
  CHECK(unit.epoch() == 0);
  CHECK(std::isnan(unit.sum(vec({1}))));
}

TEST_CASE("Adaline at too large a rate diverges; it is then refused until reset", "[classic]") {
  ClassicUnit unit;
  Matrix x(1, 2);
  x << 10, -10;
  REQUIRE(unit.reset(settings_of(ClassicRule::Adaline, TargetCoding::Bipolar, 5), x, targets({1, -1}),
                     Vector::Zero(2)) == "");
  REQUIRE(unit.train_epochs(1000) == "");
  CHECK(unit.diverged());
  CHECK(unit.epoch() < 1000);  // stopped where the weights stopped being numbers
  ClassicStep s;
  CHECK_THAT(unit.step(s), Contains("no longer finite"));
  CHECK_THAT(unit.train_epochs(1), Contains("no longer finite"));
  REQUIRE(unit.reset(settings_of(ClassicRule::Adaline, TargetCoding::Bipolar, Scalar(0.001)), x, targets({1, -1}),
                     Vector::Zero(2)) == "");
  CHECK(!unit.diverged());
  CHECK(unit.step(s) == "");
}

TEST_CASE("classic rule and coding names round-trip", "[classic]") {
  for (ClassicRule r : {ClassicRule::Perceptron, ClassicRule::Adaline}) {
    ClassicRule back{};
    REQUIRE(parse_classic_rule(classic_rule_name(r), back));
    CHECK(back == r);
  }
  for (TargetCoding c : {TargetCoding::Binary, TargetCoding::Bipolar}) {
    TargetCoding back{};
    REQUIRE(parse_target_coding(target_coding_name(c), back));
    CHECK(back == c);
  }
  ClassicRule r{};
  CHECK(!parse_classic_rule("hebb", r));
}
