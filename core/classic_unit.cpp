#include "backprop/classic_unit.hpp"

#include <cmath>
#include <limits>
#include <numeric>

#include "backprop/names.hpp"
#include "backprop/text.hpp"

namespace bp {
namespace {
constexpr Named<ClassicRule> kRules[] = {{ClassicRule::Perceptron, "perceptron"}, {ClassicRule::Adaline, "adaline"}};
constexpr Named<TargetCoding> kCodings[] = {{TargetCoding::Binary, "binary"}, {TargetCoding::Bipolar, "bipolar"}};
}  // namespace

const char* classic_rule_name(ClassicRule r) { return name_of(kRules, r); }
bool parse_classic_rule(const std::string& name, ClassicRule& out) { return parse_name(kRules, name, out); }
const char* target_coding_name(TargetCoding c) { return name_of(kCodings, c); }
bool parse_target_coding(const std::string& name, TargetCoding& out) { return parse_name(kCodings, name, out); }

// ---- McCulloch–Pitts ----

std::string check_mcculloch_pitts(const McCullochPitts& unit) {
  const int n = static_cast<int>(unit.inhibitory.size());
  if (n < 1 || n > kMaxMcCullochPittsInputs)
    return "a McCulloch-Pitts unit has 1 to " + std::to_string(kMaxMcCullochPittsInputs) + " inputs (got " +
           std::to_string(n) + ")";
  if (unit.threshold < 0 || unit.threshold > n)
    return "the threshold must be between 0 and the number of inputs, " + std::to_string(n) + " (got " +
           std::to_string(unit.threshold) + ")";
  return "";
}

int mcculloch_pitts_output(const McCullochPitts& unit, const std::vector<int>& inputs) {
  if (!check_mcculloch_pitts(unit).empty() || inputs.size() != unit.inhibitory.size()) return -1;
  int excited = 0;
  bool inhibited = false;
  for (std::size_t j = 0; j < inputs.size(); ++j) {
    if (inputs[j] != 0 && inputs[j] != 1) return -1;
    if (inputs[j] == 1 && unit.inhibitory[j]) inhibited = true;
    if (inputs[j] == 1 && !unit.inhibitory[j]) excited += 1;
  }
  return !inhibited && excited >= unit.threshold ? 1 : 0;
}

std::vector<int> mcculloch_pitts_truth_table(const McCullochPitts& unit) {
  if (!check_mcculloch_pitts(unit).empty()) return {};
  const int n = static_cast<int>(unit.inhibitory.size());
  std::vector<int> out, inputs(n);
  for (int row = 0; row < (1 << n); ++row) {
    for (int j = 0; j < n; ++j) inputs[j] = (row >> (n - 1 - j)) & 1;
    out.push_back(mcculloch_pitts_output(unit, inputs));
  }
  return out;
}

// ---- the perceptron and Adaline rules ----

std::string check_classic_settings(const ClassicSettings& s) {
  return check_range("learning rate", s.learning_rate, 0, kMaxClassicLearningRate, true);
}

std::string ClassicUnit::reset(const ClassicSettings& settings, const Matrix& inputs, const Vector& targets,
                               const Vector& weights) {
  std::string e = check_classic_settings(settings);
  if (!e.empty()) return e;
  const Index n = inputs.rows(), m = inputs.cols();
  if (n < 1 || n > kMaxClassicInputs)
    return "the unit takes 1 to " + std::to_string(kMaxClassicInputs) + " inputs (got " + std::to_string(n) + ")";
  if (m < 1 || m > kMaxClassicExamples)
    return "the unit learns from 1 to " + std::to_string(kMaxClassicExamples) + " examples (got " + std::to_string(m) +
           ")";
  if (!inputs.allFinite()) return "every input value must be a finite number";
  if (targets.size() != m)
    return "one target per example: " + std::to_string(m) + " examples, " + std::to_string(targets.size()) + " targets";
  const Scalar low = settings.coding == TargetCoding::Binary ? Scalar(0) : Scalar(-1);
  for (Index i = 0; i < m; ++i)
    if (targets[i] != low && targets[i] != Scalar(1))
      return std::string("with ") + target_coding_name(settings.coding) + " targets each target is " +
             format_number(low) + " or 1 (example " + std::to_string(i) + " has " + format_number(targets[i]) + ")";
  if (weights.size() != n + 1)
    return "the unit has " + std::to_string(n + 1) + " weights, the bias w0 first (got " +
           std::to_string(weights.size()) + ")";
  if (!weights.allFinite()) return "every weight must be a finite number";

  settings_ = settings;
  inputs_ = inputs;
  targets_ = targets;
  weights_ = weights;
  pending_ = Vector::Zero(n + 1);
  order_.resize(static_cast<std::size_t>(m));
  std::iota(order_.begin(), order_.end(), 0);
  rng_ = Rng(settings.seed, 6);
  epoch_ = 0;
  position_ = 0;
  mistakes_ = 0;
  history_.clear();
  return "";
}

Scalar ClassicUnit::threshold(Scalar z) const {
  // 1 for z > 0, as the lecture's threshold function; 0 or −1 otherwise, by the targets' coding.
  return z > 0 ? Scalar(1) : (settings_.coding == TargetCoding::Binary ? Scalar(0) : Scalar(-1));
}

Scalar ClassicUnit::decide(Scalar z) const {
  // Adaline's sum fits the target codes themselves, so its boundary lies halfway between them.
  if (settings_.rule == ClassicRule::Adaline && settings_.coding == TargetCoding::Binary)
    return z > Scalar(0.5) ? 1 : 0;
  return threshold(z);
}

Scalar ClassicUnit::sum(const Vector& x) const {
  if (!ready() || x.size() != inputs_.rows()) return std::numeric_limits<Scalar>::quiet_NaN();
  return weights_[0] + weights_.tail(x.size()).dot(x);
}
Scalar ClassicUnit::classify(const Vector& x) const {
  const Scalar z = sum(x);
  return std::isnan(z) ? z : decide(z);
}
Scalar ClassicUnit::output(const Vector& x) const {
  return settings_.rule == ClassicRule::Perceptron ? classify(x) : sum(x);
}

double ClassicUnit::cost() const {
  double total = 0;
  for (Index i = 0; i < inputs_.cols(); ++i) {
    const double error = double(targets_[i]) - double(output(inputs_.col(i)));
    total += error * error;
  }
  return inputs_.cols() ? total / (2.0 * double(inputs_.cols())) : 0.0;
}

std::string ClassicUnit::refusal() const {
  if (!ready()) return "the unit has no data yet: reset it first";
  if (diverged())
    return "the weights are no longer finite numbers (the learning rate is too large): reset to start again";
  return "";
}

void ClassicUnit::start_epoch() {
  if (settings_.shuffle) rng_.shuffle(order_);
  pending_.setZero();
  mistakes_ = 0;
}

std::string ClassicUnit::step(ClassicStep& out) {
  std::string e = refusal();
  if (!e.empty()) return e;
  if (position_ == 0) start_epoch();
  const int i = order_[static_cast<std::size_t>(position_)];
  const Index n = inputs_.rows();
  out.epoch = epoch_;
  out.example = i;
  out.input.resize(n + 1);
  out.input << Scalar(1), inputs_.col(i);
  out.weights = weights_;
  // + 0 turns −0 (e.g. 0 · −1) into 0, so a page never shows "−0".
  out.sum = weights_.dot(out.input) + Scalar(0);
  out.output = settings_.rule == ClassicRule::Perceptron ? threshold(out.sum) : out.sum;
  out.target = targets_[i];
  out.error = out.target - out.output;
  out.delta_w = (settings_.learning_rate * out.error * out.input).array() + Scalar(0);
  out.mistake = decide(out.sum) != out.target;
  mistakes_ += out.mistake ? 1 : 0;
  position_ += 1;
  const bool last = position_ == static_cast<int>(inputs_.cols());
  if (!settings_.batch) {
    out.update = out.delta_w;
  } else {
    pending_ += out.delta_w;
    out.update = last ? pending_ : Vector::Zero(n + 1);
  }
  weights_ += out.update;
  if (last) {
    history_.push_back({epoch_, mistakes_, cost()});
    if (history_.size() > kMaxClassicHistory) history_.pop_front();
    epoch_ += 1;
    position_ = 0;
  }
  return "";
}

std::string ClassicUnit::train_epochs(std::int64_t epochs) {
  std::string e = refusal();
  if (!e.empty()) return e;
  if (epochs < 0 || epochs > kMaxClassicEpochsPerCall)
    return "epochs must be between 0 and " + std::to_string(kMaxClassicEpochsPerCall) + " (got " +
           std::to_string(epochs) + ")";
  const std::int64_t target = epoch_ + epochs;
  ClassicStep step_record;
  while (epoch_ < target && !diverged()) step(step_record);
  return "";
}

}  // namespace bp
