// The façade the bindings expose: one long-lived object holding the dataset, the network and the
// trainer, with coarse calls (configure, train, trace, evaluate a grid, read metrics and weights,
// slice the loss landscape).
// Every call that takes input validates it first and returns "" or an error message naming the
// bad setting; on error nothing changes. No exceptions, no browser code.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/approximation.hpp"
#include "backprop/dataset.hpp"
#include "backprop/landscape.hpp"
#include "backprop/network.hpp"
#include "backprop/scaling.hpp"
#include "backprop/trace.hpp"
#include "backprop/trainer.hpp"

namespace bp {

struct Settings {
  DataSpec data;
  Scalar train_ratio = Scalar(0.5), validation_ratio = 0;  // test gets the rest
  std::vector<Feature> features{Feature::X1, Feature::X2};
  InputScaling input_scaling = InputScaling::None;  // of the features, with the training split's statistics
  std::vector<int> hidden{4, 2};
  Activation hidden_activation = Activation::Tanh;
  Activation output_activation = Activation::Tanh;
  ActivationParams activation_params;
  Loss loss = Loss::SquaredError;
  Init init = Init::XavierUniform;
  Scalar init_scale = 1;  // sigma of NormalScale, a of UniformScale; the other schemes ignore it
  Scalar bias_init = 0;
  std::uint32_t seed = 1;  // initial weights, shuffling and dropout
  TrainSettings train;
};

enum class Subset { Train, Validation, Test };

constexpr int kActivationBins = 24;
constexpr int kDeltaBins = 25;  // odd: delta = 0 is the centre of the middle bin

// Limits on what one call may allocate, checked before allocating (sizes in 64 bits: in wasm,
// Index is 32 bits and nodes x g x g overflows it). A grid holds nodes x g x g values: at most
// 2^25 (128 MiB as float), which every network the settings allow meets at 64 x 64 (the page's
// heatmaps; the largest network, 7 features and 16 x 256 hidden units, up to 90 x 90).
constexpr std::int64_t kMaxGridSide = 1024;
constexpr std::int64_t kMaxGridValues = std::int64_t(1) << 25;
// A step trace records every example's forward and backward pass (each link's w a and dL/dw):
// at most 2^25 values in all (examples x trace_values_per_example()).
constexpr std::int64_t kMaxTraceValues = std::int64_t(1) << 25;

struct LayerStats {          // weight layer l over the whole training set
  double gradient_norm = 0;  // ||dL/dW_l|| of the full-batch data gradient
  double activation_mean = 0, activation_std = 0;
  // Mean f'(z) over units and examples: the factor by which this layer scales the deltas passing
  // back through it (at most 1/4 for sigmoid, hence vanishing gradients). 1 for a softmax output,
  // whose slope is folded into the loss.
  double slope_mean = 0;
  double dead_fraction = 0;  // units with f'(z) = 0 on every training example (dead ReLUs)
  // Distribution of the activations a (every unit, every training example): the fraction in each
  // of kActivationBins equal bins over [histogram_low, histogram_high]. The range is f's own for
  // bounded activations (sigmoid [0, 1], tanh [-1, 1]), so saturation shows as mass at the ends;
  // otherwise the observed min..max.
  double histogram_low = 0, histogram_high = 1;
  std::vector<double> histogram;
  // The back-propagated gradient delta = dL/dz (every unit, every training example; each example's
  // own loss, before the mean over the batch): its mean and std, its largest |delta|, and the
  // fraction in each of kDeltaBins equal bins over [delta_low, delta_high] = [-r, r], where r is
  // the layer's largest |delta| (1 when every delta is 0) or the range the caller gives, values
  // beyond it counted in the end bins. Glorot & Bengio's figure 7, one layer.
  double delta_mean = 0, delta_std = 0, delta_max_abs = 0;
  double delta_low = -1, delta_high = 1;
  std::vector<double> delta_histogram;
  // Units whose incoming weights and bias are not a copy of another unit's: 1 for a layer whose
  // units all start equal (zero initialisation) and stay so, the symmetry training cannot break.
  int distinct_units = 0;
};

class Playground {
 public:
  Playground();  // default settings: XOR, [2, 4, 2, 1] tanh

  std::string configure(const Settings& s);
  // User data (drawn or imported). The problem and class count come from `data`; the settings'
  // data spec switches to Custom (Curve for 1-D points, data.inputs 1). Generated data returns by configuring a
  // generated kind.
  std::string set_custom_data(const Dataset& data);
  void reset();  // new training from the same seed: same initial weights, same trajectory

  // Counts and indices are 64-bit so that any whole number a caller passes (from JS: up to 2^53)
  // reaches the range check as it is, never wrapped.
  std::string train_epochs(std::int64_t epochs);
  std::string train_batches(std::int64_t batches);
  std::string train_examples(std::int64_t examples);  // one update on the next `examples` examples
  // The dataset indices the next train_examples(examples) would use; changes nothing.
  std::string next_batch(std::int64_t examples, std::vector<int>& out) const;
  std::string trace_step(std::int64_t examples, StepTrace& out);  // train_examples, recorded
  // One recorded update on dataset example `index` alone (it must be training data), outside the
  // epoch order: the epoch and the position in it stay put.
  std::string trace_step_on(std::int64_t index, StepTrace& out);
  std::string trace(std::int64_t index, ExampleTrace& out) const;  // any dataset point, changes nothing
  bool diverged() const { return diverged_; }
  std::int64_t trace_values_per_example() const;  // numbers one example adds to a step trace

  // Every node over a G x G grid of the input plane [lo, hi]^2, written to out, node-major:
  // features, hidden units layer by layer, outputs; within a node, row-major with row 0 at the
  // top (x2 = hi side) and cell centres: x1 = lo + (ix + 0.5) (hi - lo) / G.
  // check_grid(g) is "" when 1 <= g <= kMaxGridSide and grid_size(g) <= kMaxGridValues, else a
  // message naming the grid size; out must hold grid_size(g) values (check first: callers size
  // their buffer from it).
  std::string check_grid(std::int64_t g) const;
  std::int64_t grid_size(std::int64_t g) const { return std::int64_t(node_count()) * g * g; }
  std::string evaluate_grid(std::int64_t g, Scalar lo, Scalar hi, Scalar* out);
  int node_count() const;

  // The network along x as a sum of its last hidden layer's scaled units (approximation.hpp), for
  // 1-D data only; and, over a grid of the plane, how many first-layer units are on their
  // positive side. Both change nothing.
  std::string unit_sum(std::int64_t samples, Scalar lo, Scalar hi, UnitSum& out) const;
  std::string positive_sides(std::int64_t g, Scalar lo, Scalar hi, std::vector<int>& counts,
                             bool toward_output = false) const;

  Metrics metrics(Subset subset);
  // Per weight layer over the training set. delta_range: 0 bins each layer's deltas over its own
  // [-max|delta|, max|delta|]; r > 0 bins every layer's over [-r, r], so layers compare bar for bar.
  // The second form refuses a range that is not finite or is negative.
  std::vector<LayerStats> layer_stats() { return layer_stats_over(0); }
  std::string layer_stats(double delta_range, std::vector<LayerStats>& out);
  // dJ/dw of the objective being minimised (mean data loss on the training set + L1/L2), at the
  // current weights, in the params layout: what "the gradient of this weight" means right now.
  Vector gradient();

  // The loss landscape (landscape.hpp): snapshots of the weights, taken when the caller asks (say
  // every few epochs), for its trajectory directions and path; and the slice through the current
  // weights over the training set. Weights that start over (reset, and configure or set_custom_data
  // that build a new network) clear the trajectory; edited weights (set_params, set_weight,
  // set_bias) and settings that keep the weights keep it.
  std::string record_trajectory() { return trajectory_.record(net_.params()); }
  void clear_trajectory() { trajectory_.clear(); }
  const Trajectory& trajectory() const { return trajectory_; }
  std::string loss_slice(const SliceSpec& spec, LossSlice& out) const {
    return bp::loss_slice(net_, settings_.loss, inputs_, split_.train, trajectory_, spec, out);
  }
  // The same slice, for `rows` to compute a block of rows at a time.
  std::string begin_loss_slice(const SliceSpec& spec, SliceRows& rows) const {
    return rows.begin(net_, settings_.loss, inputs_, split_.train, trajectory_, spec);
  }

  std::string set_params(const Scalar* values, Index count);
  // piece: which maxout piece (0 to k-1); 0 for every other activation.
  std::string set_weight(std::int64_t layer, std::int64_t to, std::int64_t from, Scalar value, std::int64_t piece = 0);
  std::string set_bias(std::int64_t layer, std::int64_t unit, Scalar value, std::int64_t piece = 0);

  const Settings& settings() const { return settings_; }
  const Network& network() const { return net_; }
  const Dataset& dataset() const { return data_; }
  const Split& split() const { return split_; }
  const TrainingData& training_data() const { return inputs_; }
  // What input_scaling did to each feature: mean 0 and sd 1 when it is none.
  const FeatureScaling& feature_scaling() const { return scaling_; }
  const Trainer& trainer() const { return trainer_; }
  Task task() const;

 private:
  std::string check(const Settings& s, const Dataset& data) const;
  std::string rebuild(const Settings& s, const Dataset& data);  // data, split, network, trainer
  std::string after_training();
  const std::vector<int>& indices(Subset subset) const;
  Vector data_gradient();  // mean over the training set, no regularisation
  std::vector<LayerStats> layer_stats_over(double delta_range);
  // The recording shared by trace_step and trace_step_on: traces and gradients of `batch` before,
  // then update() (which must train on exactly `batch` and return how many examples it used),
  // then params and optimiser state after.
  template <class Update>
  std::string record_step(std::vector<int> batch, const Update& update, StepTrace& out);
  // Copies examples indices[start...] (as many as fit) into ws; returns how many.
  Index load_chunk(const std::vector<int>& indices, std::size_t start, Workspace& ws) const;

  Settings settings_;
  Dataset data_;
  Split split_;
  TrainingData inputs_;
  FeatureScaling scaling_;
  Network net_;
  Trainer trainer_;
  Workspace eval_ws_;
  // The input features (scaled) over the grid evaluate_grid last drew: the same every call, and
  // sin/cos over every cell are a tenth of the call, so they are kept until the grid changes or
  // rebuild() (new data, features or scaling) clears them.
  struct GridFeatures {
    std::int64_t g = 0;
    Scalar lo = 0, hi = 0;
    RowMajorMatrix values;
  } grid_features_;
  Trajectory trajectory_;
  bool diverged_ = false;
};

int output_count(const Dataset& data);  // 1 for binary and regression, K for multi-class

}  // namespace bp
