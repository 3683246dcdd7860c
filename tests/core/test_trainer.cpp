// Tests for trainer.hpp: epoch bookkeeping (updates per epoch, each example once per epoch), the
// SGD / momentum / Adam update formulas, train_on (one update on given columns, outside the epoch
// order, otherwise identical to train_batch), learning-rate decay, dropout, evaluation, settings
// checks, and the hand-computed 1-1-1 network trained through the Trainer.
// Not tested here: gradients themselves (test_network.cpp) or the façade (test_playground.cpp).
#include "backprop/trainer.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>
#include <type_traits>

#include "backprop/dataset.hpp"

using namespace bp;
using namespace bp::test;

namespace {

std::vector<int> all_indices(Index n) {
  std::vector<int> v(static_cast<std::size_t>(n));
  std::iota(v.begin(), v.end(), 0);
  return v;
}

// Random regression-style data: `n` examples with 2 inputs in [-1, 1] and targets in [-1, 1].
TrainingData noise_data(Index n, std::uint32_t seed) {
  Rng rng(seed);
  TrainingData d;
  d.inputs.resize(2, n);
  d.targets.resize(1, n);
  for (Index k = 0; k < d.inputs.size(); ++k) d.inputs.data()[k] = Scalar(rng.uniform(-1, 1));
  for (Index k = 0; k < n; ++k) d.targets(0, k) = Scalar(rng.uniform(-1, 1));
  return d;
}

// A generated binary dataset as (x1, x2) inputs and +-1 targets (tanh output).
TrainingData binary_data(DatasetKind kind, int points, double noise, std::uint32_t seed) {
  DataSpec spec;
  spec.kind = kind;
  spec.points = points;
  spec.noise = Scalar(noise);
  spec.seed = seed;
  Dataset ds;
  const std::string e = generate_dataset(spec, ds);
  INFO(e);
  REQUIRE(e.empty());
  TrainingData d;
  d.inputs = compute_features({Feature::X1, Feature::X2}, ds.xy);
  d.targets.resize(1, ds.size());
  for (Index i = 0; i < ds.size(); ++i) d.targets(0, i) = ds.label(i) > Scalar(0.5) ? Scalar(1) : Scalar(-1);
  return d;
}

Metrics eval_all(const Network& net, Loss loss, Task task, const TrainingData& d) {
  Workspace ws;
  return evaluate(net, loss, task, d, all_indices(d.inputs.cols()), ws);
}

}  // namespace

TEST_CASE("batch size 1 takes N updates per epoch, batch N takes 1", "[trainer]") {
  const TrainingData data = noise_data(12, 1);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, 0, 1);
  struct Case {
    int batch;
    std::int64_t updates;
  };
  for (Case c : {Case{1, 12}, Case{12, 1}, Case{5, 3}, Case{100, 1}}) {
    INFO("batch size " << c.batch);
    Trainer t;
    TrainSettings s;
    s.batch_size = c.batch;
    t.set_settings(s);
    t.reset(net, all_indices(12), 3);
    t.train_epochs(net, Loss::SquaredError, data, 1);
    CHECK(t.epoch() == 1);
    CHECK(t.updates() == c.updates);
    CHECK(t.epoch_position() == 0);
    t.train_epochs(net, Loss::SquaredError, data, 2);
    CHECK(t.epoch() == 3);
    CHECK(t.updates() == 3 * c.updates);
  }
}

TEST_CASE("every training example is visited exactly once per epoch", "[trainer]") {
  const TrainingData data = noise_data(12, 2);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, 0, 1);
  const std::vector<int> train{1, 3, 4, 7, 8, 10, 11};  // a subset of the columns
  Trainer t;
  TrainSettings s;
  s.batch_size = 3;
  t.set_settings(s);
  t.reset(net, train, 5);
  CHECK(t.train_indices() == train);
  std::vector<std::vector<int>> orders;
  for (int epoch = 0; epoch < 4; ++epoch) {
    std::vector<int> seen;
    int batches = 0;
    while (t.epoch() == epoch) {
      const std::vector<int> expected = t.next_batch(s.batch_size);
      const Index used = t.train_batch(net, Loss::SquaredError, data, s.batch_size);
      CHECK(t.last_batch() == expected);  // next_batch predicts the batch
      CHECK(Index(t.last_batch().size()) == used);
      seen.insert(seen.end(), t.last_batch().begin(), t.last_batch().end());
      ++batches;
    }
    CHECK(batches == 3);  // 3 + 3 + 1
    orders.push_back(seen);
    std::sort(seen.begin(), seen.end());
    CHECK(seen == train);
  }
  CHECK(orders[0] != orders[1]);  // reshuffled every epoch
}

TEST_CASE("train_batch never runs past the end of an epoch", "[trainer]") {
  const TrainingData data = noise_data(10, 3);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, 0, 1);
  Trainer t;
  t.reset(net, all_indices(10), 1);
  CHECK(t.train_batch(net, Loss::SquaredError, data, 8) == 8);
  CHECK(t.epoch_position() == 8);
  CHECK(t.next_batch(5).size() == 2);
  CHECK(t.train_batch(net, Loss::SquaredError, data, 5) == 2);
  CHECK(t.epoch() == 1);
  CHECK(t.epoch_position() == 0);
  CHECK(t.train_batch(net, Loss::SquaredError, data, 0) == 0);
  CHECK(t.updates() == 2);
  t.train_batches(net, Loss::SquaredError, data, 4);  // default batch 10 = one epoch each
  CHECK(t.epoch() == 5);
}

TEST_CASE("same seed gives the same training run, another seed another", "[trainer]") {
  const TrainingData data = noise_data(20, 4);
  auto run = [&](std::uint32_t seed) {
    Network net(arch_of(2, {4}, 1, Activation::Tanh, Activation::Linear));
    net.initialize(Init::XavierUniform, 0, 1);
    Trainer t;
    TrainSettings s;
    s.batch_size = 3;
    s.dropout = Scalar(0.2);
    t.set_settings(s);
    t.reset(net, all_indices(20), seed);
    t.train_epochs(net, Loss::SquaredError, data, 5);
    return Vector(net.params());
  };
  CHECK(run(9) == run(9));
  CHECK(run(9) != run(10));
}

TEST_CASE("plain SGD applies w -= lr * gradient", "[trainer][optimizer]") {
  const TrainingData data = noise_data(8, 5);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, Scalar(0.1), 2);
  Trainer t;
  TrainSettings s;
  s.learning_rate = Scalar(0.05);
  s.batch_size = 4;
  s.l2 = Scalar(0.01);
  t.set_settings(s);
  t.reset(net, all_indices(8), 1);
  const Vector before = net.params();
  t.train_batch(net, Loss::SquaredError, data, 4);
  // The applied gradient is the data gradient of exactly that batch plus the L2 term.
  Workspace ws;
  ws.reserve(net, 4);
  ws.batch = 4;
  for (Index j = 0; j < 4; ++j) {
    ws.input.col(j) = data.inputs.col(t.last_batch()[j]);
    ws.target.col(j) = data.targets.col(t.last_batch()[j]);
  }
  Network at_before = net;
  at_before.params() = before;
  forward(at_before, ws);
  Vector g = Vector::Zero(net.parameter_count());
  backward(at_before, Loss::SquaredError, ws, g);
  add_regularization_gradient(at_before, 0, s.l2, g);
  CHECK(max_abs(t.last_gradient() - g) < (kFloat ? 1e-6 : 1e-14));
  CHECK(max_abs(net.params() - (before - s.learning_rate * t.last_gradient())) < (kFloat ? 1e-7 : 1e-15));
}

TEST_CASE("momentum: v = mu v - lr g, w += v", "[trainer][optimizer]") {
  const TrainingData data = noise_data(8, 6);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, 0, 2);
  Trainer t;
  TrainSettings s;
  s.optimizer = Optimizer::Momentum;
  s.momentum = Scalar(0.8);
  s.learning_rate = Scalar(0.1);
  s.batch_size = 4;
  t.set_settings(s);
  t.reset(net, all_indices(8), 1);
  const Vector p0 = net.params();
  t.train_batch(net, Loss::SquaredError, data, 4);
  const Vector g1 = t.last_gradient(), p1 = net.params();
  CHECK(max_abs((p1 - p0) - (-s.learning_rate * g1)) < (kFloat ? 1e-7 : 1e-15));
  t.train_batch(net, Loss::SquaredError, data, 4);
  const Vector g2 = t.last_gradient(), p2 = net.params();
  const Vector v2 = s.momentum * (p1 - p0) - s.learning_rate * g2;
  CHECK(max_abs((p2 - p1) - v2) < (kFloat ? 1e-6 : 1e-14));

  // Changing another setting keeps the velocity; changing the optimiser drops it.
  TrainSettings s2 = s;
  s2.learning_rate = Scalar(0.05);
  t.set_settings(s2);
  t.train_batch(net, Loss::SquaredError, data, 4);
  const Vector p3 = net.params();
  CHECK(max_abs((p3 - p2) - (s.momentum * (p2 - p1) - s2.learning_rate * t.last_gradient())) < (kFloat ? 1e-6 : 1e-14));
  s2.optimizer = Optimizer::Sgd;
  t.set_settings(s2);
  s2.optimizer = Optimizer::Momentum;
  t.set_settings(s2);
  t.train_batch(net, Loss::SquaredError, data, 4);
  CHECK(max_abs((net.params() - p3) - (-s2.learning_rate * t.last_gradient())) < (kFloat ? 1e-7 : 1e-15));
}

TEST_CASE("Adam's first update is -lr * sign(g) (bias-corrected)", "[trainer][optimizer]") {
  const TrainingData data = noise_data(8, 7);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, Scalar(0.1), 3);
  TrainSettings s;
  s.optimizer = Optimizer::Adam;
  s.learning_rate = Scalar(0.01);
  s.batch_size = 8;
  auto check_sign_step = [&](const Vector& before, const Vector& after, const Vector& g) {
    int checked = 0;
    for (Index i = 0; i < g.size(); ++i) {
      if (std::abs(double(g(i))) < 1e-4) continue;  // |g| >> epsilon = 1e-8
      const double expected = -double(s.learning_rate) * (g(i) > 0 ? 1.0 : -1.0);
      CHECK(double(after(i) - before(i)) == Approx(expected).margin(double(s.learning_rate) * 1e-3));
      ++checked;
    }
    CHECK(checked >= int(g.size()) * 3 / 4);
  };
  SECTION("from reset") {
    Trainer t;
    t.set_settings(s);
    t.reset(net, all_indices(8), 1);
    const Vector before = net.params();
    t.train_batch(net, Loss::SquaredError, data, 8);
    check_sign_step(before, net.params(), t.last_gradient());
  }
  SECTION("after switching to Adam mid-training") {
    Trainer t;
    TrainSettings sgd = s;
    sgd.optimizer = Optimizer::Sgd;
    t.set_settings(sgd);
    t.reset(net, all_indices(8), 1);
    t.train_epochs(net, Loss::SquaredError, data, 20);
    t.set_settings(s);  // new moments: the bias correction must start again at t = 1
    const Vector before = net.params();
    t.train_batch(net, Loss::SquaredError, data, 8);
    check_sign_step(before, net.params(), t.last_gradient());
  }
}

TEST_CASE("train_on: one update on exactly the given columns, outside the epoch order", "[trainer]") {
  const TrainingData data = noise_data(12, 9);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, Scalar(0.1), 4);
  Trainer t;
  TrainSettings s;
  s.learning_rate = Scalar(0.05);
  s.batch_size = 4;
  s.l1 = Scalar(0.001);
  s.l2 = Scalar(0.01);
  t.set_settings(s);
  t.reset(net, all_indices(10), 1);
  t.train_batch(net, Loss::SquaredError, data, 4);  // mid-epoch, so "unchanged" means something
  const auto epoch = t.epoch(), updates = t.updates();
  const Index position = t.epoch_position();
  const std::vector<int> next = t.next_batch(4);
  const std::vector<int> cols{7, 2};
  const Vector before = net.params();
  CHECK(t.train_on(net, Loss::SquaredError, data, cols) == 2);
  CHECK(t.last_batch() == cols);
  CHECK(t.updates() == updates + 1);
  CHECK(t.epoch() == epoch);
  CHECK(t.epoch_position() == position);
  CHECK(t.next_batch(4) == next);

  // The applied gradient: data gradient of exactly those columns plus L1/L2, at the weights before.
  Workspace ws;
  ws.reserve(net, 2);
  ws.batch = 2;
  for (Index j = 0; j < 2; ++j) {
    ws.input.col(j) = data.inputs.col(cols[j]);
    ws.target.col(j) = data.targets.col(cols[j]);
  }
  Network at_before = net;
  at_before.params() = before;
  forward(at_before, ws);
  Vector g = Vector::Zero(net.parameter_count());
  backward(at_before, Loss::SquaredError, ws, g);
  add_regularization_gradient(at_before, s.l1, s.l2, g);
  CHECK(max_abs(t.last_gradient() - g) < (kFloat ? 1e-6 : 1e-14));
  // Plain SGD, bit for bit: w = fl(w - fl(lr g)).
  for (Index i = 0; i < net.parameter_count(); ++i)
    CHECK(net.params()(i) == Scalar(before(i) - Scalar(s.learning_rate * t.last_gradient()(i))));

  SECTION("bad columns are refused and change nothing") {
    const Vector params = net.params();
    const std::vector<int> last = t.last_batch();
    CHECK(t.train_on(net, Loss::SquaredError, data, {}) == 0);
    CHECK(t.train_on(net, Loss::SquaredError, data, {0, 12}) == 0);
    CHECK(t.train_on(net, Loss::SquaredError, data, {-1}) == 0);
    CHECK(net.params() == params);
    CHECK(t.updates() == updates + 1);
    CHECK(t.last_batch() == last);
    Trainer never_reset;
    CHECK(never_reset.train_on(net, Loss::SquaredError, data, {0}) == 0);
    CHECK(net.params() == params);
  }
}

TEST_CASE("train_on is train_batch's update: dropout, L1/L2, decay and optimiser state alike", "[trainer]") {
  const TrainingData data = noise_data(10, 11);
  Network net(arch_of(2, {5, 4}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, Scalar(0.1), 5);
  for (Optimizer o : {Optimizer::Sgd, Optimizer::Momentum, Optimizer::Adam}) {
    INFO(optimizer_name(o));
    TrainSettings s;
    s.optimizer = o;
    s.learning_rate = Scalar(0.02);
    s.batch_size = 5;
    s.l1 = Scalar(0.001);
    s.l2 = Scalar(0.01);
    s.decay = Decay::Exponential;
    s.decay_rate = Scalar(0.9);
    s.dropout = Scalar(0.3);
    Trainer a, b;
    Network na = net, nb = net;
    for (Trainer* t : {&a, &b}) {
      t->set_settings(s);
      t->reset(net, all_indices(10), 3);
    }
    a.train_epochs(na, Loss::SquaredError, data, 3);  // decayed rate, optimiser state built up
    b.train_epochs(nb, Loss::SquaredError, data, 3);
    REQUIRE(na.params() == nb.params());
    const std::vector<int> cols = a.next_batch(5);
    a.train_batch(na, Loss::SquaredError, data, 5);
    b.train_on(nb, Loss::SquaredError, data, cols);
    CHECK(b.last_batch() == a.last_batch());
    CHECK(b.last_gradient() == a.last_gradient());  // same dropout masks drawn
    CHECK(nb.params() == na.params());
    CHECK(b.velocity() == a.velocity());
    CHECK(b.moment1() == a.moment1());
    CHECK(b.moment2() == a.moment2());
    CHECK(b.adam_steps() == a.adam_steps());
    CHECK(b.updates() == a.updates());
    CHECK(b.epoch_position() == 0);  // b stayed at the start of its epoch
    CHECK(a.epoch_position() == 5);
  }
}

TEST_CASE("learning-rate decay after k epochs", "[trainer]") {
  const TrainingData data = noise_data(6, 8);
  Network net(arch_of(2, {3}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, 0, 1);
  const double lr = 0.1;
  SECTION("inverse time: lr_k = lr c2 / (k + c2)") {
    Trainer t;
    TrainSettings s;
    s.learning_rate = Scalar(lr);
    s.decay = Decay::InverseTime;
    s.decay_steps = 10;
    s.batch_size = 6;
    t.set_settings(s);
    t.reset(net, all_indices(6), 1);
    CHECK(double(t.current_learning_rate()) == Approx(lr).margin(kValueTol));
    for (int k = 1; k <= 30; ++k) {
      t.train_epochs(net, Loss::SquaredError, data, 1);
      REQUIRE(t.epoch() == k);
      CHECK(double(t.current_learning_rate()) == Approx(lr * 10 / (k + 10)).epsilon(1e-6));
    }
    // The step taken during epoch k uses lr_k.
    const Vector before = net.params();
    t.train_batch(net, Loss::SquaredError, data, 6);
    CHECK(max_abs(net.params() - (before - Scalar(lr * 10 / 40) * t.last_gradient())) < (kFloat ? 1e-7 : 1e-15));
  }
  SECTION("exponential: lr_k = lr rate^k") {
    Trainer t;
    TrainSettings s;
    s.learning_rate = Scalar(lr);
    s.decay = Decay::Exponential;
    s.decay_rate = Scalar(0.9);
    s.batch_size = 2;
    t.set_settings(s);
    t.reset(net, all_indices(6), 1);
    for (int k = 1; k <= 30; ++k) {
      t.train_epochs(net, Loss::SquaredError, data, 1);
      CHECK(double(t.current_learning_rate()) == Approx(lr * std::pow(0.9, k)).epsilon(1e-5));
    }
  }
  SECTION("none") {
    Trainer t;
    TrainSettings s;
    s.learning_rate = Scalar(lr);
    t.set_settings(s);
    t.reset(net, all_indices(6), 1);
    t.train_epochs(net, Loss::SquaredError, data, 5);
    CHECK(t.current_learning_rate() == Scalar(lr));
  }
}

TEST_CASE("momentum and Adam reduce the loss on circles", "[trainer][optimizer]") {
  const TrainingData data = binary_data(DatasetKind::Circles, 200, 0.0, 3);
  for (Optimizer o : {Optimizer::Momentum, Optimizer::Adam}) {
    INFO(optimizer_name(o));
    Network net(arch_of(2, {8}, 1, Activation::Tanh, Activation::Tanh));
    net.initialize(Init::XavierUniform, 0, 1);
    Trainer t;
    TrainSettings s;
    s.optimizer = o;
    s.learning_rate = Scalar(o == Optimizer::Adam ? 0.01 : 0.01);
    s.batch_size = 10;
    t.set_settings(s);
    t.reset(net, all_indices(200), 1);
    const Metrics before = eval_all(net, Loss::SquaredError, Task::Binary, data);
    t.train_epochs(net, Loss::SquaredError, data, 40);
    const Metrics after = eval_all(net, Loss::SquaredError, Task::Binary, data);
    INFO("loss " << before.loss << " -> " << after.loss << ", accuracy " << after.accuracy);
    CHECK(after.loss < 0.5 * before.loss);
    CHECK(after.accuracy > 0.9);
  }
}

TEST_CASE("dropout: training still converges and evaluation is deterministic", "[trainer][dropout]") {
  const TrainingData data = binary_data(DatasetKind::Xor, 200, 0.0, 4);
  Network net(arch_of(2, {12}, 1, Activation::Tanh, Activation::Tanh));
  net.initialize(Init::XavierUniform, 0, 2);
  Trainer t;
  TrainSettings s;
  s.dropout = Scalar(0.1);
  s.learning_rate = Scalar(0.03);
  s.batch_size = 10;
  t.set_settings(s);
  t.reset(net, all_indices(200), 1);
  const Metrics before = eval_all(net, Loss::SquaredError, Task::Binary, data);
  t.train_epochs(net, Loss::SquaredError, data, 150);
  Workspace ws;
  const Metrics m1 = evaluate(net, Loss::SquaredError, Task::Binary, data, all_indices(200), ws);
  const Metrics m2 = evaluate(net, Loss::SquaredError, Task::Binary, data, all_indices(200), ws);
  INFO("loss " << before.loss << " -> " << m1.loss << ", accuracy " << m1.accuracy);
  CHECK(m1.loss == m2.loss);  // bitwise: no dropout at evaluation
  CHECK(m1.accuracy == m2.accuracy);
  CHECK(m1.loss < 0.5 * before.loss);
  CHECK(m1.accuracy >= 0.9);
}

TEST_CASE("dropout drops each hidden unit with probability p while training", "[trainer][dropout]") {
  // With batch size 1, a dropped hidden unit gets exactly zero bias gradient (its f'(z) is masked),
  // a kept one almost surely not: over 40 batches x 10 units about half are zero for p = 0.5.
  const TrainingData data = noise_data(40, 9);
  Network net(arch_of(2, {10}, 1, Activation::Tanh, Activation::Linear));
  net.initialize(Init::XavierUniform, Scalar(0.1), 4);
  Trainer t;
  TrainSettings s;
  s.dropout = Scalar(0.5);
  s.batch_size = 1;
  s.learning_rate = Scalar(1e-6);  // keep the network (almost) fixed
  t.set_settings(s);
  t.reset(net, all_indices(40), 2);
  int zero = 0, total = 0;
  for (int b = 0; b < 40; ++b) {
    t.train_batch(net, Loss::SquaredError, data, 1);
    const Vector& g = t.last_gradient();
    for (int j = 0; j < 10; ++j) {  // dL/db0_j is exactly 0 iff unit j was dropped
      zero += g(net.bias_offset(0) + j) == 0;
      ++total;
    }
  }
  CHECK(double(zero) / total == Approx(0.5).margin(0.1));  // 400 draws: sd 0.025
}

TEST_CASE("hand-computed 1-1-1 network trained by the Trainer", "[trainer]") {
  Network net(arch_of(1, {1}, 1, Activation::Sigmoid, Activation::Sigmoid));
  net.params().setZero();
  net.W(0)(0, 0) = Scalar(0.6394267984578837);
  net.W(1)(0, 0) = Scalar(0.025010755222666936);
  TrainingData data;
  data.inputs = Matrix::Constant(1, 1, Scalar(3.14));
  data.targets = Matrix::Constant(1, 1, Scalar(1));
  Trainer t;
  TrainSettings s;
  s.learning_rate = Scalar(0.1);
  s.batch_size = 1;
  s.optimizer = Optimizer::Sgd;
  t.set_settings(s);
  t.reset(net, {0}, 1);
  Metrics m = eval_all(net, Loss::BinaryCrossEntropy, Task::Binary, data);
  CHECK(m.loss == Approx(0.6822).margin(5e-5));
  t.train_epochs(net, Loss::BinaryCrossEntropy, data, 500);
  CHECK(t.updates() == 500);
  m = eval_all(net, Loss::BinaryCrossEntropy, Task::Binary, data);
  Workspace ws;
  ws.reserve(net, 1);
  ws.batch = 1;
  ws.input = data.inputs;
  forward(net, ws);
  CHECK(double(ws.a[1](0, 0)) == Approx(0.98957).margin(1e-4));
  CHECK(m.loss == Approx(0.01048).margin(1e-4));
  CHECK(double(ws.a[1](0, 0)) == Approx(0.989572063894159).margin(kFloat ? 1e-4 : 1e-9));
  CHECK(m.loss == Approx(0.010482687996989789).margin(kFloat ? 1e-4 : 1e-9));
  CHECK(m.accuracy == 1.0);
}

TEST_CASE("evaluate: loss, accuracy per task, chunking, empty sets", "[trainer]") {
  SECTION("binary with a tanh output: threshold 0") {
    Network net(arch_of(1, {}, 1, Activation::Tanh, Activation::Tanh));
    net.W(0)(0, 0) = 1;
    net.b(0)(0) = 0;
    TrainingData d;
    d.inputs.resize(1, 5);
    d.inputs << -2, -1, 1, 2, 0.5;
    d.targets.resize(1, 5);
    d.targets << -1, 1, 1, -1, 1;  // predictions sign(x): right, wrong, right, wrong, right
    double expected_loss = 0;
    for (Index i = 0; i < 5; ++i) {
      const double e = std::tanh(double(d.inputs(0, i))) - double(d.targets(0, i));
      expected_loss += 0.5 * e * e / 5;
    }
    Workspace big, small;
    small.reserve(net, 2);  // forces three chunks
    const Metrics a = evaluate(net, Loss::SquaredError, Task::Binary, d, all_indices(5), big);
    const Metrics b = evaluate(net, Loss::SquaredError, Task::Binary, d, all_indices(5), small);
    CHECK(a.count == 5);
    CHECK(a.accuracy == Approx(0.6).margin(1e-12));
    CHECK(a.loss == Approx(expected_loss).margin(kValueTol));
    CHECK(b.accuracy == a.accuracy);
    CHECK(b.loss == Approx(a.loss).margin(kValueTol));
    const Metrics sub = evaluate(net, Loss::SquaredError, Task::Binary, d, {0, 2}, big);
    CHECK(sub.accuracy == 1.0);
    CHECK(sub.count == 2);
    const Metrics reg = evaluate(net, Loss::SquaredError, Task::Regression, d, all_indices(5), big);
    CHECK(std::isnan(reg.accuracy));
    CHECK(reg.loss == Approx(expected_loss).margin(kValueTol));
    const Metrics empty = evaluate(net, Loss::SquaredError, Task::Binary, d, {}, big);
    CHECK(std::isnan(empty.loss));
    CHECK(std::isnan(empty.accuracy));
    CHECK(empty.count == 0);
  }
  SECTION("multi-class: arg max") {
    Network net(arch_of(3, {}, 3, Activation::Tanh, Activation::Softmax));
    net.W(0).setIdentity();
    net.b(0).setZero();
    TrainingData d;
    d.inputs.resize(3, 3);
    d.inputs << 2, 0, 0, 0, 0, 1, 0, 3, 0;  // predicted classes 0, 2, 1
    d.targets = Matrix::Zero(3, 3);
    d.targets(0, 0) = 1;
    d.targets(2, 1) = 1;
    d.targets(2, 2) = 1;  // right, right, wrong
    Workspace ws;
    const Metrics m = evaluate(net, Loss::SoftmaxCrossEntropy, Task::Multiclass, d, all_indices(3), ws);
    CHECK(m.accuracy == Approx(2.0 / 3).margin(1e-12));
  }
  CHECK(binary_threshold(Activation::Tanh) == Scalar(0));
  CHECK(binary_threshold(Activation::Sigmoid) == Scalar(0.5));
}

TEST_CASE("training settings are checked and the message names the setting", "[trainer]") {
  CHECK(check_train_settings(TrainSettings()).empty());
  auto msg = [](void (*edit)(TrainSettings&)) {
    TrainSettings s;
    edit(s);
    return check_train_settings(s);
  };
  auto has = [](const std::string& m, const char* word) {
    INFO(m);
    return m.find(word) != std::string::npos;
  };
  CHECK(has(msg([](TrainSettings& s) { s.learning_rate = 0; }), "learning rate"));
  CHECK(has(msg([](TrainSettings& s) { s.learning_rate = -0.1f; }), "learning rate"));
  CHECK(
      has(msg([](TrainSettings& s) { s.learning_rate = std::numeric_limits<Scalar>::quiet_NaN(); }), "learning rate"));
  CHECK(has(msg([](TrainSettings& s) { s.learning_rate = 1e9f; }), "learning rate"));
  CHECK(has(msg([](TrainSettings& s) { s.batch_size = 0; }), "batch size"));
  CHECK(has(msg([](TrainSettings& s) { s.l1 = -1; }), "L1"));
  CHECK(has(msg([](TrainSettings& s) { s.l2 = std::numeric_limits<Scalar>::infinity(); }), "L2"));
  CHECK(has(msg([](TrainSettings& s) { s.decay_rate = 0; }), "decay rate"));
  CHECK(has(msg([](TrainSettings& s) { s.decay_steps = 0; }), "decay steps"));
  CHECK(has(msg([](TrainSettings& s) { s.momentum = 1; }), "momentum"));
  CHECK(has(msg([](TrainSettings& s) { s.beta1 = 1; }), "beta1"));
  CHECK(has(msg([](TrainSettings& s) { s.beta2 = -0.5f; }), "beta2"));
  CHECK(has(msg([](TrainSettings& s) { s.epsilon = 0; }), "epsilon"));
  CHECK(has(msg([](TrainSettings& s) { s.dropout = 1; }), "dropout"));
  CHECK(msg([](TrainSettings& s) { s.dropout = 0.5f; }).empty());
  CHECK(msg([](TrainSettings& s) { s.momentum = 0; }).empty());
}

TEST_CASE("optimizer and decay names round-trip", "[trainer]") {
  for (Optimizer o : {Optimizer::Sgd, Optimizer::Momentum, Optimizer::Adam}) {
    Optimizer parsed = Optimizer::Sgd;
    REQUIRE(parse_optimizer(optimizer_name(o), parsed));
    CHECK(parsed == o);
  }
  for (Decay d : {Decay::None, Decay::InverseTime, Decay::Exponential}) {
    Decay parsed = Decay::None;
    REQUIRE(parse_decay(decay_name(d), parsed));
    CHECK(parsed == d);
  }
  Optimizer o = Optimizer::Adam;
  CHECK_FALSE(parse_optimizer("rmsprop", o));
  Decay d = Decay::None;
  CHECK_FALSE(parse_decay("cosine", d));
}
