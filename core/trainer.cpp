#include "backprop/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "backprop/names.hpp"
#include "backprop/text.hpp"

namespace bp {
namespace {
constexpr Named<Optimizer> kOptimizers[] = {
    {Optimizer::Sgd, "sgd"}, {Optimizer::Momentum, "momentum"}, {Optimizer::Adam, "adam"}};
constexpr Named<Decay> kDecays[] = {
    {Decay::None, "none"}, {Decay::InverseTime, "inverse_time"}, {Decay::Exponential, "exponential"}};

// Copies n numbers to `to` and returns the end of the copy, in a plain loop: a column of a batch is
// only a few numbers, too few for an Eigen assignment (or a memcpy call) to pay off, or for the
// vectorised copy clang would make, with its overlap checks and remainder loops (in wasm, that
// took the gather from 5% of the default network's training to 9%).
Scalar* copy_few(const Scalar* from, Index n, Scalar* to) {
#if defined(__clang__)
#pragma clang loop vectorize(disable) unroll(disable)
#endif
  for (Index i = 0; i < n; ++i) to[i] = from[i];
  return to + n;
}
}  // namespace

const char* optimizer_name(Optimizer o) { return name_of(kOptimizers, o); }
bool parse_optimizer(const std::string& name, Optimizer& out) { return parse_name(kOptimizers, name, out); }
const char* decay_name(Decay d) { return name_of(kDecays, d); }
std::vector<std::string> optimizer_names() { return names_of(kOptimizers); }
std::vector<std::string> decay_names() { return names_of(kDecays); }
bool parse_decay(const std::string& name, Decay& out) { return parse_name(kDecays, name, out); }

bool operator==(const TrainSettings& a, const TrainSettings& b) {
  return a.learning_rate == b.learning_rate && a.batch_size == b.batch_size && a.l1 == b.l1 && a.l2 == b.l2 &&
         a.decay == b.decay && a.decay_rate == b.decay_rate && a.decay_steps == b.decay_steps &&
         a.optimizer == b.optimizer && a.momentum == b.momentum && a.beta1 == b.beta1 && a.beta2 == b.beta2 &&
         a.epsilon == b.epsilon && a.dropout == b.dropout;
}

std::string check_train_settings(const TrainSettings& s) {
  std::string e;
  if (!(e = check_range("learning rate", s.learning_rate, 0, 100, true)).empty()) return e;
  if (s.batch_size < 1 || s.batch_size > 100000)
    return "batch size must be between 1 and 100000 (got " + std::to_string(s.batch_size) + ")";
  if (!(e = check_range("L1 rate", s.l1, 0, 10)).empty()) return e;
  if (!(e = check_range("L2 rate", s.l2, 0, 10)).empty()) return e;
  if (!(e = check_range("decay rate", s.decay_rate, 0, 1, true)).empty()) return e;
  if (!(e = check_range("decay steps", s.decay_steps, 0, 1e9, true)).empty()) return e;
  if (!(e = check_range("momentum", s.momentum, 0, 1, false, true)).empty()) return e;
  if (!(e = check_range("Adam beta1", s.beta1, 0, 1, false, true)).empty()) return e;
  if (!(e = check_range("Adam beta2", s.beta2, 0, 1, false, true)).empty()) return e;
  if (!(e = check_range("Adam epsilon", s.epsilon, 0, 1, true)).empty()) return e;
  if (!(e = check_range("dropout", s.dropout, 0, 0.95)).empty()) return e;
  return "";
}

void Trainer::reset(const Network& net, std::vector<int> train, std::uint32_t seed) {
  train_ = std::move(train);
  order_ = train_;
  position_ = 0;
  epoch_ = updates_ = 0;
  shuffle_rng_ = Rng(seed, 4);
  dropout_rng_ = Rng(seed, 5);
  shuffle_rng_.shuffle(order_);
  const Index n = net.parameter_count();
  gradient_ = Vector::Zero(n);
  optimizer_.resize(n);
  last_batch_.clear();
  ws_.reserve(net, std::max<Index>(1, std::min<Index>(settings_.batch_size, Index(train_.size()))));
  ws_.with_grad = true;  // the trainer's passes are all forward then backward: f'(z) from forward()
}

void Trainer::set_settings(const TrainSettings& s) {
  if (s.optimizer != settings_.optimizer) optimizer_.clear();
  settings_ = s;
}

Scalar Trainer::current_learning_rate() const { return decayed_learning_rate(settings_, epoch_); }

std::vector<int> Trainer::next_batch(Index examples) const {
  // Never a negative count: a vector built from a reversed range throws std::length_error.
  const Index count = std::max<Index>(0, std::min<Index>(examples, Index(order_.size()) - position_));
  return std::vector<int>(order_.begin() + position_, order_.begin() + position_ + count);
}

std::vector<Vector> Trainer::last_dropout_masks(Index column) const {
  std::vector<Vector> masks;
  if (!ws_.use_dropout || column < 0 || column >= ws_.batch) return masks;
  for (std::size_t l = 0; l + 1 < ws_.dropout_mask.size(); ++l) masks.push_back(ws_.dropout_mask[l].col(column));
  return masks;
}

void Trainer::draw_dropout_masks(const Network& net) {
  const Scalar p = settings_.dropout, keep_scale = Scalar(1) / (Scalar(1) - p);
  for (int l = 0; l + 1 < net.layer_count(); ++l) {
    auto mask = ws_.dropout_mask[l].leftCols(ws_.batch);
    for (Index k = 0; k < mask.size(); ++k)  // inverted dropout: kept units scaled by 1/(1-p)
      mask.data()[k] = dropout_rng_.uniform() < double(p) ? Scalar(0) : keep_scale;
  }
}

Index Trainer::train_batch(Network& net, Loss loss, const TrainingData& data, Index examples) {
  if (order_.empty() || examples < 1) return 0;
  const Index count = std::min<Index>(examples, Index(order_.size()) - position_);
  last_batch_.assign(order_.begin() + position_, order_.begin() + position_ + count);
  update_on_last_batch(net, loss, data);

  position_ += count;
  if (position_ >= Index(order_.size())) {  // epoch done: reshuffle from the seeded stream
    position_ = 0;
    ++epoch_;
    shuffle_rng_.shuffle(order_);
  }
  return count;
}

Index Trainer::train_on(Network& net, Loss loss, const TrainingData& data, const std::vector<int>& indices) {
  // The optimiser state must be sized for this network (reset() does that).
  if (indices.empty() || optimizer_.size() != net.parameter_count()) return 0;
  for (int i : indices)
    if (i < 0 || Index(i) >= data.inputs.cols()) return 0;
  last_batch_ = indices;
  update_on_last_batch(net, loss, data);
  return Index(indices.size());
}

void Trainer::update_on_last_batch(Network& net, Loss loss, const TrainingData& data) {
  ws_.use_dropout = settings_.dropout > 0 && net.layer_count() > 1;
  if (lane_batch_applies(net, loss, ws_.use_dropout)) {
    lane_batch_.gradient(net, data.inputs, data.targets, last_batch_, gradient_);
  } else {
    const Index count = Index(last_batch_.size());
    if (count > ws_.capacity) ws_.reserve(net, count);
    ws_.batch = count;
    // Gather the batch's columns, each a few numbers (see copy_few).
    const Index in = data.inputs.rows(), out = data.targets.rows();
    Scalar* input = ws_.input.data();
    Scalar* target = ws_.target.data();
    for (Index j = 0; j < count; ++j) {
      input = copy_few(data.inputs.data() + last_batch_[j] * in, in, input);
      target = copy_few(data.targets.data() + last_batch_[j] * out, out, target);
    }
    ws_.with_output_grad = loss == Loss::SquaredError;
    if (ws_.use_dropout) draw_dropout_masks(net);
    forward(net, ws_);
    backward(net, loss, ws_, gradient_);
  }
  add_regularization_gradient(net, settings_.l1, settings_.l2, gradient_);
  apply_update(net);
}

void Trainer::apply_update(Network& net) {
  ++updates_;
  optimizer_.step(settings_, current_learning_rate(), gradient_, net.params());
}

void Trainer::train_epochs(Network& net, Loss loss, const TrainingData& data, int epochs) {
  for (int e = 0; e < epochs; ++e) {
    const auto target_epoch = epoch_ + 1;
    while (epoch_ < target_epoch && !order_.empty()) train_batch(net, loss, data, settings_.batch_size);
  }
}

void Trainer::train_batches(Network& net, Loss loss, const TrainingData& data, int batches) {
  for (int b = 0; b < batches; ++b) train_batch(net, loss, data, settings_.batch_size);
}

Scalar binary_threshold(Activation output) { return (activation_low_target(output) + Scalar(1)) / 2; }

Metrics evaluate(const Network& net, Loss loss, Task task, const TrainingData& data, const std::vector<int>& indices,
                 Workspace& ws) {
  Metrics m;
  m.count = Index(indices.size());
  if (indices.empty()) {
    m.loss = m.accuracy = std::numeric_limits<double>::quiet_NaN();
    return m;
  }
  if (ws.capacity == 0) ws.reserve(net, 256);
  ws.use_dropout = false;  // dropout is a training-time device only
  const int L = net.layer_count();
  const Scalar threshold = binary_threshold(net.activation(L - 1));
  double loss_total = 0;
  Index correct = 0;
  for (std::size_t start = 0; start < indices.size(); start += std::size_t(ws.capacity)) {
    const Index count = std::min<Index>(ws.capacity, Index(indices.size() - start));
    ws.batch = count;
    for (Index j = 0; j < count; ++j) {
      ws.input.col(j) = data.inputs.col(indices[start + j]);
      ws.target.col(j) = data.targets.col(indices[start + j]);
    }
    forward(net, ws);
    loss_total += batch_loss_sum(net, loss, ws);
    const auto out = ws.a[L - 1].leftCols(count);
    for (Index j = 0; j < count; ++j) {
      if (task == Task::Binary) {
        correct += (out(0, j) > threshold) == (ws.target(0, j) > threshold);
      } else if (task == Task::Multiclass) {
        Index predicted, expected;
        out.col(j).maxCoeff(&predicted);
        ws.target.col(j).maxCoeff(&expected);
        correct += predicted == expected;
      }
    }
  }
  m.loss = loss_total / double(m.count);
  m.accuracy = task == Task::Regression ? std::numeric_limits<double>::quiet_NaN() : double(correct) / double(m.count);
  return m;
}

}  // namespace bp
