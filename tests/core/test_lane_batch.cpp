// Tests for lane_batch.hpp: which networks the examples-in-lanes path takes, and that its gradient
// is forward() and backward()'s to the bit (as the trainer runs them: slopes from the forward pass)
// over shapes, activations, batch sizes, repeated examples and saturated units.
#include "backprop/lane_batch.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cstring>
#include <string>

#include "backprop/rng.hpp"
#include "backprop/trainer.hpp"

using namespace bp;
using namespace bp::test;

namespace {

// The gradient through the general path, set up as the trainer sets it up.
Vector general_gradient(const Network& net, const Matrix& inputs, const Matrix& targets,
                        const std::vector<int>& batch) {
  Workspace ws;
  ws.reserve(net, Index(batch.size()));
  ws.batch = Index(batch.size());
  ws.with_grad = true;
  ws.with_output_grad = true;
  for (Index j = 0; j < ws.batch; ++j) {
    ws.input.col(j) = inputs.col(batch[std::size_t(j)]);
    ws.target.col(j) = targets.col(batch[std::size_t(j)]);
  }
  forward(net, ws);
  Vector grad;
  backward(net, Loss::SquaredError, ws, grad);
  return grad;
}

bool same_bits(const Vector& a, const Vector& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(Scalar) * std::size_t(a.size())) == 0;
}

}  // namespace

TEST_CASE("the lane path takes narrow tanh, ReLU, leaky ReLU and linear networks under squared error", "[lane_batch]") {
  const auto applies = [](const Architecture& a, Loss loss = Loss::SquaredError, bool dropout = false) {
    return lane_batch_applies(Network(a), loss, dropout);
  };
  const Architecture page_default = arch_of(2, {4, 2}, 1, Activation::Tanh, Activation::Tanh);
  CHECK(applies(page_default) == kFloat);
  CHECK(applies(arch_of(7, std::vector<int>(6, 6), 1, Activation::Relu, Activation::Tanh)) == kFloat);
  CHECK(applies(arch_of(8, {6}, 6, Activation::LeakyRelu, Activation::Linear)) == kFloat);
  CHECK(applies(arch_of(2, {}, 1, Activation::Linear, Activation::Relu)) == kFloat);
  CHECK_FALSE(applies(page_default, Loss::SquaredError, true));  // dropout
  CHECK_FALSE(applies(arch_of(2, {4, 2}, 1, Activation::Tanh, Activation::Sigmoid), Loss::BinaryCrossEntropy));
  CHECK_FALSE(applies(arch_of(7, std::vector<int>(6, 8), 1, Activation::Relu, Activation::Tanh)));  // the spiral's
  CHECK_FALSE(applies(arch_of(2, {4, 7}, 1, Activation::Tanh, Activation::Tanh)));  // a layer over 6 units
  CHECK_FALSE(applies(arch_of(9, {4}, 1, Activation::Tanh, Activation::Tanh)));     // 9 inputs
  CHECK_FALSE(applies(arch_of(2, {4}, 7, Activation::Tanh, Activation::Tanh)));     // 7 outputs
  CHECK_FALSE(applies(arch_of(2, {4}, 1, Activation::Sigmoid, Activation::Tanh)));
  CHECK_FALSE(applies(arch_of(2, {4}, 1, Activation::Tanh, Activation::Sigmoid)));
  CHECK_FALSE(applies(arch_of(2, {4}, 1, Activation::Prelu, Activation::Tanh)));
  CHECK_FALSE(applies(arch_of(2, {4}, 1, Activation::Maxout, Activation::Tanh)));
  CHECK_FALSE(applies(arch_of(2, {4}, 1, Activation::Elu, Activation::Tanh)));
}

TEST_CASE("the lane path's gradient is the general path's to the bit", "[lane_batch]") {
  if constexpr (!kFloat) return;  // float builds only
  const Activation kinds[] = {Activation::Tanh, Activation::Relu, Activation::LeakyRelu, Activation::Linear};
  Rng rng(2024);
  LaneBatch lanes;  // one object throughout: its buffers follow each network's shape and batch
  int compared = 0;
  for (int trial = 0; trial < 400; ++trial) {
    Architecture a;
    a.inputs = 1 + int(rng.uniform() * kLaneBatchMaxInputs);
    a.hidden.assign(std::size_t(rng.uniform() * 4), 0);
    for (int& w : a.hidden) w = 1 + int(rng.uniform() * kLaneBatchMaxUnits);
    a.outputs = 1 + int(rng.uniform() * kLaneBatchMaxUnits);
    a.hidden_activation = kinds[int(rng.uniform() * 4)];
    a.output_activation = kinds[int(rng.uniform() * 4)];
    a.activation_params.leaky_slope = Scalar(0.01 + rng.uniform() * 0.5);
    Network net(a);
    // Weights up to 4 in size drive tanh units into saturation, where its slope is smallest.
    net.initialize(Init::UniformScale, Scalar(rng.uniform(-1, 1)), std::uint32_t(trial),
                   Scalar(0.1 + rng.uniform() * 4));
    const Index examples = 40;
    Matrix inputs(a.inputs, examples), targets(a.outputs, examples);
    for (Index k = 0; k < inputs.size(); ++k) inputs.data()[k] = Scalar(rng.uniform(-3, 3));
    for (Index k = 0; k < targets.size(); ++k) targets.data()[k] = Scalar(rng.uniform(-1, 1));
    inputs(0, 0) = 0;  // an exact zero input: ReLU at z = bias, products of 0
    const int sizes[] = {1, 2, 3, 4, 5, 7, 10, 13, 16, 37};
    const int B = sizes[trial % 10];
    std::vector<int> batch(static_cast<std::size_t>(B));
    for (int& i : batch) i = int(rng.uniform() * double(examples));  // repeats allowed, as train_on takes them
    REQUIRE(lane_batch_applies(net, Loss::SquaredError, false));
    Vector fast;
    lanes.gradient(net, inputs, targets, batch, fast);
    const Vector expected = general_gradient(net, inputs, targets, batch);
    INFO("trial " << trial << ": " << a.inputs << " inputs, " << a.hidden.size() << " hidden layers, " << a.outputs
                  << " outputs, batch " << B);
    REQUIRE(same_bits(fast, expected));
    ++compared;
  }
  CHECK(compared == 400);
}

TEST_CASE("a trainer on the lane path matches one step of the general path by hand", "[lane_batch][trainer]") {
  if constexpr (!kFloat) return;
  Network net(arch_of(2, {4, 2}, 1, Activation::Tanh, Activation::Tanh));
  net.initialize(Init::XavierUniform, 0, 7);
  TrainingData data;
  data.inputs = Matrix::Random(2, 30);
  data.targets = Matrix::Random(1, 30);
  Trainer trainer;
  TrainSettings s;
  s.batch_size = 10;
  s.learning_rate = Scalar(0.03);
  trainer.set_settings(s);
  std::vector<int> all(30);
  for (int i = 0; i < 30; ++i) all[std::size_t(i)] = i;
  trainer.reset(net, all, 11);
  const std::vector<int> batch = trainer.next_batch(10);
  const Vector before = net.params();
  const Vector grad = general_gradient(net, data.inputs, data.targets, batch);
  trainer.train_batch(net, Loss::SquaredError, data, 10);
  CHECK(same_bits(trainer.last_gradient(), grad));
  const Vector expected = before - s.learning_rate * grad;
  CHECK(same_bits(net.params(), expected));
}
