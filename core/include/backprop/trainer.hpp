// Mini-batch gradient descent on a Network: shuffling, dropout, L1/L2, learning-rate decay and the
// SGD / momentum / Adam update. Owns only training state (order, optimiser moments, counters);
// the network and the data are passed in. Evaluation (loss, accuracy) lives here too.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/lane_batch.hpp"
#include "backprop/network.hpp"
#include "backprop/optimizer.hpp"
#include "backprop/rng.hpp"

namespace bp {

enum class Optimizer { Sgd, Momentum, Adam };
enum class Decay { None, InverseTime, Exponential };
const char* optimizer_name(Optimizer o);
bool parse_optimizer(const std::string& name, Optimizer& out);
const char* decay_name(Decay d);
std::vector<std::string> optimizer_names();
std::vector<std::string> decay_names();
bool parse_decay(const std::string& name, Decay& out);

struct TrainSettings {
  Scalar learning_rate = Scalar(0.03);
  int batch_size = 10;    // 1 = stochastic, >= training size = full batch
  Scalar l1 = 0, l2 = 0;  // regularisation rates (weights only)
  Decay decay = Decay::None;
  Scalar decay_rate = Scalar(0.99);  // exponential: lr_k = lr * rate^k
  Scalar decay_steps = 100;          // inverse time: lr_k = c1 / (k + c2), c2 = steps, c1 = lr * c2
  Optimizer optimizer = Optimizer::Sgd;
  Scalar momentum = Scalar(0.9);
  Scalar beta1 = Scalar(0.9), beta2 = Scalar(0.999), epsilon = Scalar(1e-8);
  Scalar dropout = 0;  // probability of dropping a hidden unit while training
};
bool operator==(const TrainSettings& a, const TrainSettings& b);
std::string check_train_settings(const TrainSettings& s);

// Training data in the network's input space: one column per example.
struct TrainingData {
  Matrix inputs;   // (features x N)
  Matrix targets;  // (outputs x N), already encoded (class targets, one-hot, or real values)
};

struct Metrics {
  double loss = 0;      // mean data loss (no regularisation), NaN for an empty set
  double accuracy = 0;  // fraction correct, NaN for regression or an empty set
  Index count = 0;
};

enum class Task { Binary, Multiclass, Regression };

class Trainer {
 public:
  // Ready to train net on examples `train` (column indices of data). Resets all counters.
  void reset(const Network& net, std::vector<int> train, std::uint32_t seed);
  void set_settings(const TrainSettings& s);  // keeps moments unless the optimiser changes
  const TrainSettings& settings() const { return settings_; }

  // Trains on the next examples of the epoch order, at most `examples` (never past the epoch end),
  // as one batch (one update). Returns how many examples were used.
  Index train_batch(Network& net, Loss loss, const TrainingData& data, Index examples);
  // One update on exactly the columns `indices` of data, as one batch, with dropout, L1/L2 and
  // decay as in train_batch, but outside the epoch order: epoch() and epoch_position() stay put.
  // Returns how many examples were used: 0, changing nothing, if an index is not a column of data
  // or the trainer was not reset for this network.
  Index train_on(Network& net, Loss loss, const TrainingData& data, const std::vector<int>& indices);
  void train_epochs(Network& net, Loss loss, const TrainingData& data, int epochs);
  void train_batches(Network& net, Loss loss, const TrainingData& data, int batches);

  Scalar current_learning_rate() const;
  std::int64_t epoch() const { return epoch_; }       // completed epochs
  std::int64_t updates() const { return updates_; }   // optimiser steps taken
  Index epoch_position() const { return position_; }  // examples used in the current epoch
  std::vector<int> next_batch(Index examples) const;  // indices the next train_batch would use
  const std::vector<int>& train_indices() const { return train_; }

  // Gradient actually applied by the last update (data + regularisation, batch-averaged),
  // and the indices of that batch.
  const Vector& last_gradient() const { return gradient_; }
  const std::vector<int>& last_batch() const { return last_batch_; }
  bool last_used_dropout() const { return ws_.use_dropout; }
  // The dropout mask the last update drew for batch column `column` (last_batch()[column]), one
  // vector per hidden layer; empty if it used no dropout.
  std::vector<Vector> last_dropout_masks(Index column) const;

  // Optimiser state, as left by the last update (zero after reset or an optimiser change).
  const Vector& velocity() const { return optimizer_.velocity(); }     // momentum's v
  const Vector& moment1() const { return optimizer_.moment1(); }       // Adam's m
  const Vector& moment2() const { return optimizer_.moment2(); }       // Adam's v
  std::int64_t adam_steps() const { return optimizer_.adam_steps(); }  // Adam's t of the last update

 private:
  // One update on the columns last_batch_ names: gather, forward, backward, L1/L2, apply_update.
  void update_on_last_batch(Network& net, Loss loss, const TrainingData& data);
  void apply_update(Network& net);
  void draw_dropout_masks(const Network& net);

  TrainSettings settings_;
  std::vector<int> train_, order_, last_batch_;
  Index position_ = 0;
  std::int64_t epoch_ = 0, updates_ = 0;
  Rng shuffle_rng_, dropout_rng_;
  Workspace ws_;
  LaneBatch lane_batch_;  // narrow networks' batches (lane_batch_applies), ws_ the others'
  Vector gradient_;
  OptimizerState optimizer_;
};

// Loss and accuracy of `net` on the given columns of data.
Metrics evaluate(const Network& net, Loss loss, Task task, const TrainingData& data, const std::vector<int>& indices,
                 Workspace& ws);
// Class decision threshold for a binary output: midpoint of the target values.
Scalar binary_threshold(Activation output);

}  // namespace bp
