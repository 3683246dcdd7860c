// The single units that came before backpropagation, as the lecture presents them: the
// McCulloch–Pitts neuron (1943, fixed, no learning), and a unit taught one example at a time by
// Rosenblatt's perceptron rule (1958) or Widrow and Hoff's Adaline rule (1960). Every update is
// returned as a record (input, sum, output, error, Δw) so a page can replay and explain it.
// Inputs are validated; errors are returned as messages naming the bad value, and change nothing.
#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "backprop/rng.hpp"
#include "backprop/scalar.hpp"

namespace bp {

// ---- McCulloch–Pitts ----

constexpr int kMaxMcCullochPittsInputs = 8;

// Binary inputs, each excitatory or inhibitory. The unit fires (1) when no inhibitory input is
// active and at least `threshold` excitatory inputs are (≥ θ, as in the 1943 paper).
struct McCullochPitts {
  std::vector<bool> inhibitory;  // one per input
  int threshold = 1;
};
std::string check_mcculloch_pitts(const McCullochPitts& unit);
// The output for `inputs` (each 0 or 1), or -1 if the unit or the inputs are invalid.
int mcculloch_pitts_output(const McCullochPitts& unit, const std::vector<int>& inputs);
// The outputs for every input pattern, in binary counting order: row r has input j = bit
// (n − 1 − j) of r, so for two inputs the rows are 00, 01, 10, 11. Empty if the unit is invalid.
std::vector<int> mcculloch_pitts_truth_table(const McCullochPitts& unit);

// ---- the perceptron and Adaline rules ----

enum class ClassicRule { Perceptron, Adaline };
// The targets' coding: binary 0/1 or bipolar −1/+1. The perceptron's step output uses the same.
enum class TargetCoding { Binary, Bipolar };
const char* classic_rule_name(ClassicRule r);
bool parse_classic_rule(const std::string& name, ClassicRule& out);
const char* target_coding_name(TargetCoding c);
bool parse_target_coding(const std::string& name, TargetCoding& out);

constexpr int kMaxClassicInputs = 16;
constexpr int kMaxClassicExamples = 10000;
constexpr double kMaxClassicLearningRate = 100;
constexpr std::int64_t kMaxClassicEpochsPerCall = 100000;
constexpr std::size_t kMaxClassicHistory = 100000;

struct ClassicSettings {
  ClassicRule rule = ClassicRule::Perceptron;
  TargetCoding coding = TargetCoding::Binary;
  Scalar learning_rate = Scalar(0.1);  // α
  // false: the classic rule, an update after every example. true: the epoch's Δw summed and
  // applied once at its end (batch gradient descent for Adaline, the batch perceptron).
  bool batch = false;
  bool shuffle = false;  // a new random order each epoch (seeded), else the data's own order
  std::uint32_t seed = 1;
};
std::string check_classic_settings(const ClassicSettings& s);

// One example's step. The weight vector has the bias first: w0 on a constant input x0 = 1.
struct ClassicStep {
  std::int64_t epoch = 0;  // the epoch this example belongs to, from 0
  int example = 0;         // column of the data
  Vector input;            // (1, x1, ..., xn)
  Vector weights;          // before this step
  Scalar sum = 0;          // z = w · x
  Scalar output = 0;       // y: step(z) for the perceptron, z itself for Adaline
  Scalar target = 0;       // t
  Scalar error = 0;        // t − y
  Vector delta_w;          // α (t − y) x, this example's term of the rule
  Vector update;           // what the weights changed by at this step: delta_w online; in batch
                           // mode zero until the epoch's last example, which applies the sum
  bool mistake = false;    // the sum's class (see classify) is wrong for this example
};

struct ClassicEpoch {
  std::int64_t epoch = 0;
  int mistakes = 0;  // examples classified wrongly when they were seen during the epoch
  // J(w) = 1/(2m) Σ (t − y)² over all examples with the weights at the end of the epoch, y the
  // rule's output (the step for the perceptron, the linear sum for Adaline).
  double cost = 0;
};

class ClassicUnit {
 public:
  // Starts over on `inputs` (n x m, one column per example) with `targets` (m values in the
  // settings' coding) from `weights` (n + 1 values, the bias first). "" or an error; on error
  // nothing changes.
  std::string reset(const ClassicSettings& settings, const Matrix& inputs, const Vector& targets,
                    const Vector& weights);
  bool ready() const { return inputs_.cols() > 0; }
  bool diverged() const { return !weights_.allFinite(); }

  // Learns from the next example and describes the step in `out`. Refused (with the reason,
  // changing nothing) before reset() and once the weights are no longer finite.
  std::string step(ClassicStep& out);
  // Steps to the end of the current epoch, then on through whole epochs until `epochs` more have
  // been completed (0 to kMaxClassicEpochsPerCall); stops early if the weights diverge.
  std::string train_epochs(std::int64_t epochs);

  const Vector& weights() const { return weights_; }
  const ClassicSettings& settings() const { return settings_; }
  std::int64_t epoch() const { return epoch_; }  // completed epochs
  int position() const { return position_; }     // examples seen in the current epoch
  // The last kMaxClassicHistory completed epochs, oldest first.
  const std::deque<ClassicEpoch>& history() const { return history_; }
  // The perceptron's stopping rule: the last completed epoch had no mistake (so no update).
  bool converged() const { return !history_.empty() && history_.back().mistakes == 0; }

  // For x of the unit's n inputs (else NaN): the sum w · (1, x), the rule's output, and the class
  // the sum says in the targets' coding: the step at 0 for the perceptron; for Adaline, whose sum
  // fits the codes themselves, halfway between them (0.5 for 0/1, 0 for −1/+1).
  Scalar sum(const Vector& x) const;
  Scalar output(const Vector& x) const;
  Scalar classify(const Vector& x) const;
  double cost() const;  // J(w) of the current weights over all examples

 private:
  Scalar threshold(Scalar z) const;  // the step: 1 for z > 0, else 0 or −1
  Scalar decide(Scalar z) const;     // the class the sum says (the perceptron's step; Adaline's midpoint)
  void start_epoch();
  std::string refusal() const;

  ClassicSettings settings_;
  Matrix inputs_;
  Vector targets_;
  Vector weights_;
  Vector pending_;  // batch mode: the epoch's summed Δw so far
  std::vector<int> order_;
  Rng rng_;
  std::int64_t epoch_ = 0;
  int position_ = 0;
  int mistakes_ = 0;
  std::deque<ClassicEpoch> history_;
};

}  // namespace bp
