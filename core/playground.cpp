#include "backprop/playground.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

#include "backprop/settings_schema.hpp"
#include "backprop/text.hpp"

namespace bp {
namespace {

bool same_data(const DataSpec& a, const DataSpec& b) {
  return a.kind == b.kind && a.points == b.points && a.noise == b.noise && a.seed == b.seed && a.classes == b.classes;
}

Architecture architecture_for(const Settings& s, const Dataset& data) {
  Architecture arch;
  arch.inputs = static_cast<int>(s.features.size());
  arch.hidden = s.hidden;
  arch.outputs = output_count(data);
  arch.hidden_activation = s.hidden_activation;
  arch.output_activation = s.output_activation;
  arch.activation_params = s.activation_params;
  return arch;
}

// Class c becomes 1 on its output and `low` elsewhere (low = -1 for tanh, else 0).
Matrix encode_targets(const Dataset& data, Activation output) {
  const Scalar low = activation_low_target(output);
  const int outputs = output_count(data);
  Matrix t(outputs, data.size());
  for (Index i = 0; i < data.size(); ++i) {
    const Scalar y = data.label(i);
    if (data.problem == Problem::Regression) {
      t(0, i) = y;
    } else if (data.problem == Problem::Binary) {
      t(0, i) = y > Scalar(0.5) ? Scalar(1) : low;
    } else {
      t.col(i).setConstant(low);
      t(static_cast<Index>(y), i) = 1;
    }
  }
  return t;
}

std::string range_message(const char* what, std::int64_t value, std::int64_t lo, std::int64_t hi) {
  return std::string(what) + " " + std::to_string(value) + " is out of range (" + std::to_string(lo) + ".." +
         std::to_string(hi) + ")";
}

}  // namespace

int output_count(const Dataset& data) { return data.problem == Problem::Multiclass ? data.classes : 1; }

Playground::Playground() {
  Dataset data;
  generate_dataset(settings_.data, data);
  rebuild(settings_, data);
}

Task Playground::task() const {
  switch (data_.problem) {
    case Problem::Binary: return Task::Binary;
    case Problem::Multiclass: return Task::Multiclass;
    case Problem::Regression: return Task::Regression;
  }
  return Task::Binary;
}

// The schema's checks of each setting first (their messages name the JS key), then what spans
// settings and data.
std::string Playground::check(const Settings& s, const Dataset& data) const {
  std::string e = check_settings(s);
  if (!e.empty()) return e;
  const double ratios = double(s.train_ratio) + double(s.validation_ratio);
  if (ratios > 1.0 + 1e-6)  // check_split's tolerance
    return "trainRatio + validationRatio must be at most 1 (got " + format_number(ratios) + ")";
  if (!(e = check_split(static_cast<int>(data.size()), s.train_ratio, s.validation_ratio)).empty()) return e;
  if (!(e = check_pairing(data.problem, s.output_activation, s.loss)).empty()) return e;
  if (data.inputs == 1)  // x -> y data has no x2: a feature of it would be a constant input
    for (Feature f : s.features)
      if (uses_x2(f))
        return std::string("features: '") + feature_name(f) +
               "' needs x2, which 1-D data (x -> y) does not have; use x1";
  return check_architecture(architecture_for(s, data));
}

std::string Playground::configure(const Settings& s) {
  Dataset data;
  const bool supplied = user_supplied(s.data.kind);
  const bool regenerate = !supplied && !same_data(s.data, settings_.data);
  if (supplied) {
    if (settings_.data.kind != s.data.kind)
      return s.data.kind == DatasetKind::Curve ? "dataset 'curve' needs points: draw them first"
                                               : "dataset 'custom' needs points: draw or import them first";
    data = data_;
  } else if (regenerate) {
    std::string e = generate_dataset(s.data, data);
    if (!e.empty()) return e;
  }
  const Dataset& candidate = regenerate || supplied ? data : data_;
  std::string e = check(s, candidate);
  if (!e.empty()) return e;
  if (!regenerate && same_run(s, settings_)) {  // only settings that keep the weights changed
    trainer_.set_settings(s.train);
    settings_ = s;
    return "";
  }
  return rebuild(s, regenerate ? data : data_);
}

std::string Playground::set_custom_data(const Dataset& data) {
  std::string e = check_custom_dataset(data);
  if (!e.empty()) return e;
  Settings s = settings_;
  s.data.kind = data.inputs == 1 ? DatasetKind::Curve : DatasetKind::Custom;
  s.data.points = static_cast<int>(data.size());
  if (!(e = check(s, data)).empty()) return e;
  return rebuild(s, data);
}

std::string Playground::rebuild(const Settings& s, const Dataset& data) {
  grid_features_ = GridFeatures();  // new features or scaling: the grid's are computed afresh
  if (&data != &data_) data_ = data;
  settings_ = s;
  // The split follows the data seed, so new initial weights never reshuffle train and test.
  split_ = make_split(static_cast<int>(data_.size()), s.train_ratio, s.validation_ratio, s.data.seed);
  inputs_.inputs = compute_features(s.features, data_.xy);
  scaling_ = fit_scaling(s.input_scaling, inputs_.inputs, split_.train);
  if (s.input_scaling != InputScaling::None) apply_scaling(scaling_, inputs_.inputs);
  inputs_.targets = encode_targets(data_, s.output_activation);
  net_ = Network(architecture_for(s, data_));
  eval_ws_ = Workspace();
  eval_ws_.reserve(net_, 256);
  trainer_.set_settings(s.train);
  reset();
  return "";
}

void Playground::reset() {
  net_.initialize(settings_.init, settings_.bias_init, settings_.seed, settings_.init_scale);
  trainer_.reset(net_, split_.train, settings_.seed);
  trajectory_.clear();  // its snapshots were of weights that are gone
  diverged_ = false;
}

std::string Playground::after_training() {
  if (net_.params().allFinite()) return "";
  diverged_ = true;
  return "training diverged at epoch " + std::to_string(trainer_.epoch()) +
         ": the weights became NaN or infinite. Lower the learning rate, then reset.";
}

#define BP_REFUSE_IF_DIVERGED() \
  if (diverged_) return "training has diverged (NaN or infinite weights); reset first"

std::string Playground::train_epochs(std::int64_t epochs) {
  BP_REFUSE_IF_DIVERGED();
  if (epochs < 0 || epochs > 1000000) return range_message("epochs", epochs, 0, 1000000);
  // Epoch by epoch, so a run that diverges stops there instead of computing on NaNs.
  for (std::int64_t e = 0; e < epochs; ++e) {
    trainer_.train_epochs(net_, settings_.loss, inputs_, 1);
    if (!net_.params().allFinite()) break;
  }
  return after_training();
}

std::string Playground::train_batches(std::int64_t batches) {
  BP_REFUSE_IF_DIVERGED();
  if (batches < 0 || batches > 100000000) return range_message("batches", batches, 0, 100000000);
  for (std::int64_t b = 0; b < batches; ++b) {
    trainer_.train_batches(net_, settings_.loss, inputs_, 1);
    if (!net_.params().allFinite()) break;
  }
  return after_training();
}

std::string Playground::train_examples(std::int64_t examples) {
  BP_REFUSE_IF_DIVERGED();
  const std::int64_t n = static_cast<std::int64_t>(split_.train.size());
  if (examples < 1 || examples > n) return range_message("examples", examples, 1, n);
  trainer_.train_batch(net_, settings_.loss, inputs_, Index(examples));
  return after_training();
}

std::string Playground::next_batch(std::int64_t examples, std::vector<int>& out) const {
  const std::int64_t n = static_cast<std::int64_t>(split_.train.size());
  if (examples < 1 || examples > n) return range_message("examples", examples, 1, n);
  out = trainer_.next_batch(Index(examples));
  return "";
}

std::string Playground::trace(std::int64_t index, ExampleTrace& out) const {
  const std::int64_t n = static_cast<std::int64_t>(data_.size());
  if (index < 0 || index >= n) return range_message("example index", index, 0, n - 1);
  out = trace_example(net_, settings_.loss, inputs_.inputs.col(Index(index)), inputs_.targets.col(Index(index)));
  return "";
}

std::int64_t Playground::trace_values_per_example() const {
  // Per layer: contribution and dW (out x in), a_prev (in), and seven vectors of out (z, a,
  // f'(z), mask, dL/da, delta, db), PReLU's two more (slopes, dL/dslope) or maxout's k pieces and
  // the winners; per example: input, target, output, dL/doutput.
  std::int64_t total = 2 * net_.size(0) + 2 * std::int64_t(net_.size(net_.layer_count()));
  for (int l = 0; l < net_.layer_count(); ++l) {
    const std::int64_t in = net_.size(l), out = net_.size(l + 1);
    total += 2 * out * in + in + 7 * out;
    if (net_.has_slopes(l)) total += 2 * out;
    if (net_.pieces(l) > 1) total += (net_.pieces(l) + 1) * out;
  }
  return total;
}

template <class Update>
std::string Playground::record_step(std::vector<int> batch, const Update& update, StepTrace& out) {
  const Index P = net_.parameter_count();
  const TrainSettings& ts = trainer_.settings();  // what the update will use
  StepTrace t;
  t.batch = std::move(batch);
  t.params_before = net_.params();
  t.learning_rate = trainer_.current_learning_rate();
  t.optimizer = ts.optimizer;
  t.settings = ts;
  const Network before = net_;  // the examples are traced after the update, with its dropout masks
  t.regularization_gradient = Vector::Zero(P);
  add_regularization_gradient(net_, ts.l1, ts.l2, t.regularization_gradient);
  // An unsized velocity is the zero velocity the first momentum update starts from.
  const auto state = [&](const Vector& v) { return v.size() == P ? v : Vector(Vector::Zero(P)); };
  if (t.optimizer == Optimizer::Momentum) t.velocity_before = state(trainer_.velocity());
  if (t.optimizer == Optimizer::Adam) {
    t.moment1_before = state(trainer_.moment1());
    t.moment2_before = state(trainer_.moment2());
  }

  if (update() == 0) return "no update was made on these examples";  // nothing changed
  t.dropout_applied = trainer_.last_used_dropout();
  t.batch = trainer_.last_batch();  // the examples the update used, in its column order
  // Each example at the weights before, with the masks the update drew for it: the step as it ran.
  t.data_gradient = Vector::Zero(P);
  const Scalar inv_batch = Scalar(1) / static_cast<Scalar>(t.batch.size());
  for (std::size_t j = 0; j < t.batch.size(); ++j) {
    const int i = t.batch[j];
    const std::vector<Vector> masks = trainer_.last_dropout_masks(Index(j));
    t.examples.push_back(trace_example(before, settings_.loss, inputs_.inputs.col(i), inputs_.targets.col(i),
                                       t.dropout_applied ? &masks : nullptr));
    const ExampleTrace& ex = t.examples.back();
    for (int l = 0; l < before.layer_count(); ++l) {  // mean of the per-example gradients
      const LayerTrace& lt = ex.layers[l];
      if (before.pieces(l) == 1) {
        MatrixMap(t.data_gradient.data() + before.weight_offset(l), before.size(l + 1), before.size(l)) +=
            lt.dW * inv_batch;
        VectorMap(t.data_gradient.data() + before.bias_offset(l), before.size(l + 1)) += lt.db * inv_batch;
      } else {  // maxout: each unit's row goes to the piece that won for this example
        for (Index u = 0; u < before.size(l + 1); ++u) {
          const int p = lt.winner[std::size_t(u)];
          MatrixMap(t.data_gradient.data() + before.weight_offset(l, p), before.size(l + 1), before.size(l)).row(u) +=
              lt.dW.row(u) * inv_batch;
          t.data_gradient(before.bias_offset(l, p) + u) += lt.db(u) * inv_batch;
        }
      }
      if (before.has_slopes(l))
        VectorMap(t.data_gradient.data() + before.slope_offset(l), before.size(l + 1)) += lt.dslope * inv_batch;
    }
  }

  t.applied_gradient = trainer_.last_gradient();
  t.params_after = net_.params();
  t.update = t.params_after - t.params_before;
  if (t.optimizer == Optimizer::Momentum) t.velocity_after = trainer_.velocity();
  if (t.optimizer == Optimizer::Adam) {
    t.moment1 = trainer_.moment1();
    t.moment2 = trainer_.moment2();
    t.adam_step = static_cast<int>(trainer_.adam_steps());
    // The same products apply_update forms, so these are its m_hat and v_hat bit for bit.
    t.moment1_hat = t.moment1 * adam_bias_correction(ts.beta1, trainer_.adam_steps());
    t.moment2_hat = t.moment2 * adam_bias_correction(ts.beta2, trainer_.adam_steps());
  }
  // The loss on the batch before and after: the same measure twice. With dropout, that of the
  // network this step thinned, so "before" is the loss the traced examples show.
  if (t.dropout_applied) {
    double sum_before = 0, sum_after = 0;
    for (std::size_t j = 0; j < t.batch.size(); ++j) {
      const int i = t.batch[j];
      const std::vector<Vector> masks = trainer_.last_dropout_masks(Index(j));
      sum_before += t.examples[j].loss;
      sum_after += trace_example(net_, settings_.loss, inputs_.inputs.col(i), inputs_.targets.col(i), &masks).loss;
    }
    t.loss_before = sum_before / double(t.batch.size());
    t.loss_after = sum_after / double(t.batch.size());
  } else {
    t.loss_before = evaluate(before, settings_.loss, task(), inputs_, t.batch, eval_ws_).loss;
    t.loss_after = evaluate(net_, settings_.loss, task(), inputs_, t.batch, eval_ws_).loss;
  }
  out = std::move(t);
  return after_training();
}

std::string Playground::trace_step(std::int64_t examples, StepTrace& out) {
  BP_REFUSE_IF_DIVERGED();
  const std::int64_t n = static_cast<std::int64_t>(split_.train.size());
  if (examples < 1 || examples > n) return range_message("examples", examples, 1, n);
  const std::int64_t values = examples * trace_values_per_example();
  if (values > kMaxTraceValues)
    return "examples " + std::to_string(examples) + " would record " + std::to_string(values) +
           " numbers in the step trace, more than its limit of " + std::to_string(kMaxTraceValues) +
           ": trace fewer examples (at most " + std::to_string(kMaxTraceValues / trace_values_per_example()) +
           " with this network) or use a smaller network";
  return record_step(
      trainer_.next_batch(Index(examples)),
      [&] { return trainer_.train_batch(net_, settings_.loss, inputs_, Index(examples)); }, out);
}

std::string Playground::trace_step_on(std::int64_t index64, StepTrace& out) {
  BP_REFUSE_IF_DIVERGED();
  const std::int64_t n = static_cast<std::int64_t>(data_.size());
  if (index64 < 0 || index64 >= n) return range_message("example index", index64, 0, n - 1);
  const int index = static_cast<int>(index64);
  const auto in = [&](const std::vector<int>& v) { return std::find(v.begin(), v.end(), index) != v.end(); };
  // Training on a held-out point would leak it into the weights the page evaluates with.
  if (!in(split_.train))
    return "example " + std::to_string(index) + " is not in the training data (it is " +
           (in(split_.validation) ? "validation" : "test") + " data)";
  const std::vector<int> batch{index};
  return record_step(
      batch, [&] { return trainer_.train_on(net_, settings_.loss, inputs_, batch); }, out);
}

int Playground::node_count() const {
  int total = net_.size(0);
  for (int l = 1; l <= net_.layer_count(); ++l) total += net_.size(l);
  return total;
}

std::string Playground::check_grid(std::int64_t g) const {
  if (g < 1 || g > kMaxGridSide) return range_message("grid size", g, 1, kMaxGridSide);
  const std::int64_t values = grid_size(g);
  if (values > kMaxGridValues) {
    std::int64_t largest = 1;  // the largest side this network fits in the cap
    while (grid_size(largest + 1) <= kMaxGridValues) ++largest;
    return "grid size " + std::to_string(g) + " needs " + std::to_string(values) + " values (" +
           std::to_string(node_count()) + " nodes x " + std::to_string(g) + " x " + std::to_string(g) +
           "), more than the limit of " + std::to_string(kMaxGridValues) + ": use a grid size of at most " +
           std::to_string(largest) + " with this network";
  }
  return "";
}

namespace {
// z = W a_prev + b over P grid points, one row of z per unit (row-major: each node's values
// contiguous), W (units x in, column-major) and b as the network keeps them: blocks of 8 points
// times U = 4 units natively, 2 in wasm (where V8 spills eight packets of sums: the grid 15-25%
// faster with two), then 1, the sums in registers and each block of a_prev read once for the U
// units. No zero-fill of z and no heap buffers, where Eigen's general product packs its operands
// on every call. Sums run over k in order and add b last, as forward()'s do, so a cell's values
// are the training pass's. With `keep_larger` (maxout's pieces after the first) a unit's z only
// changes where this piece's is strictly larger. Otherwise a block is stored as f(z), f applied
// while the block is still in registers (a separate pass over every node's values cost the grid a
// fifth of its time natively); f is Unfused where the activation has its own pass.
using Points = Eigen::Array<Scalar, 8, 1>;
struct Unfused {
  template <class T>
  const T& operator()(const T& z) const {
    return z;
  }
};
template <int U, class F>
void grid_units(const Scalar* W, const Scalar* b, const Scalar* prev, Scalar* z, Index in, Index units, Index P,
                Index r, bool keep_larger, const F& f) {
  Index c = 0;
  const auto store = [&](Index u, Index at, Scalar v) {
    Scalar& y = z[(r + u) * P + at];
    v += b[r + u];
    y = !keep_larger || v > y ? v : y;
  };
  for (; c + 8 <= P; c += 8) {
    Points sum[U];
    for (int u = 0; u < U; ++u) sum[u] = W[r + u] * Eigen::Map<const Points>(prev + c);
    for (Index k = 1; k < in; ++k) {
      const Points x = Eigen::Map<const Points>(prev + k * P + c);
      for (int u = 0; u < U; ++u) sum[u] += W[k * units + r + u] * x;
    }
    for (int u = 0; u < U; ++u) {
      if (keep_larger)
        for (int i = 0; i < 8; ++i) store(u, c + i, sum[u][i]);
      else
        Eigen::Map<Points>(z + (r + u) * P + c) = f(Points(sum[u] + b[r + u]));
    }
  }
  for (; c < P; ++c)
    for (int u = 0; u < U; ++u) {
      Scalar sum = W[r + u] * prev[c];
      for (Index k = 1; k < in; ++k) sum += W[k * units + r + u] * prev[k * P + c];
      store(u, c, sum);
      if (!keep_larger) z[(r + u) * P + c] = f(Eigen::Array<Scalar, 1, 1>::Constant(z[(r + u) * P + c]))(0);
    }
}
template <class F>
void grid_layer(const Scalar* W, const Scalar* b, const Scalar* prev, Scalar* z, Index in, Index units, Index P,
                bool keep_larger, const F& f) {
  Index r = 0;
#if !defined(__wasm__)
  for (; r + 4 <= units; r += 4) grid_units<4>(W, b, prev, z, in, units, P, r, keep_larger, f);
#endif
  for (; r + 2 <= units; r += 2) grid_units<2>(W, b, prev, z, in, units, P, r, keep_larger, f);
  for (; r < units; ++r) grid_units<1>(W, b, prev, z, in, units, P, r, keep_larger, f);
}

// Calls run(f) with f one of the common activations as a block function the kernel inlines, or
// returns false (run not called) for the rest, which keep a pass of their own. The same Eigen
// expressions as activate(), so the values are the same.
template <class Run>
bool with_fused_activation(Activation f, Run&& run) {
  switch (f) {
    case Activation::Linear: run(Unfused()); return true;
    case Activation::Relu: run([](const auto& z) { return z.max(Scalar(0)); }); return true;
    case Activation::Tanh: run([](const auto& z) { return z.tanh(); }); return true;
    case Activation::Sigmoid: run([](const auto& z) { return sigmoid_of(z); }); return true;
    default: return false;
  }
}
}  // namespace

std::string Playground::evaluate_grid(std::int64_t g64, Scalar lo, Scalar hi, Scalar* out) {
  std::string e = check_grid(g64);
  if (!e.empty()) return e;
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi)) return "grid bounds must be finite with lo < hi";
  const int g = static_cast<int>(g64);
  using RowMap = Eigen::Map<RowMajorMatrix>;
  const Index P = Index(g) * g;  // at most kMaxGridValues, so within Index even in wasm
  GridFeatures& cached = grid_features_;
  if (cached.g != g64 || cached.lo != lo || cached.hi != hi) {
    cached.values = compute_features(settings_.features, grid_centres(g, lo, hi));
    if (settings_.input_scaling != InputScaling::None)
      apply_scaling(scaling_, cached.values);  // the training split's numbers
    cached.g = g64, cached.lo = lo, cached.hi = hi;
  }
  // Each node's values are one contiguous row, so the layers are row-major maps into `out`.
  Scalar* cursor = out;
  RowMap(cursor, net_.size(0), P) = cached.values;
  for (int l = 0; l < net_.layer_count(); ++l) {
    const Index in = net_.size(l), units = net_.size(l + 1);
    const Scalar* prev = cursor;
    cursor += in * P;
    const auto layer = [&](const auto& f) {
      for (int p = 0; p < net_.pieces(l); ++p)
        grid_layer(net_.W(l, p).data(), net_.b(l, p).data(), prev, cursor, in, units, P, p > 0, f);
    };
    // The common activations go into the kernel; the others, PReLU (a slope per unit), maxout (z
    // is the winning piece's) and softmax (across units) among them, keep a pass of their own.
    const bool fusable = net_.pieces(l) == 1 && !net_.has_slopes(l);
    if (!fusable || !with_fused_activation(net_.activation(l), layer)) {
      layer(Unfused());
      RowMap z(cursor, units, P);
      activate_layer(net_, l, z, z);
    }
  }
  return "";
}

std::string Playground::unit_sum(std::int64_t samples, Scalar lo, Scalar hi, UnitSum& out) const {
  if (data_.inputs != 1)
    return std::string("the sum of units along x needs 1-D data (x -> y); dataset ") +
           dataset_name(settings_.data.kind) + " has two inputs";
  if (samples < 2 || samples > kMaxLineSamples) return range_message("samples", samples, 2, kMaxLineSamples);
  return bp::unit_sum(net_, settings_.features, lo, hi, int(samples), out, &scaling_);
}

std::string Playground::positive_sides(std::int64_t g, Scalar lo, Scalar hi, std::vector<int>& counts,
                                       bool toward_output) const {
  if (g < 1 || g > kMaxGridSide) return range_message("grid size", g, 1, kMaxGridSide);
  if (net_.layer_count() < 2) return "the half-planes need a hidden layer (this network has none)";
  if (std::int64_t(net_.size(1)) * g * g > kMaxGridValues)
    return "grid size " + std::to_string(g) + " is too large for " + std::to_string(net_.size(1)) + " units";
  return bp::positive_side_counts(net_, settings_.features, lo, hi, int(g), counts, toward_output, &scaling_);
}

const std::vector<int>& Playground::indices(Subset subset) const {
  switch (subset) {
    case Subset::Train: return split_.train;
    case Subset::Validation: return split_.validation;
    case Subset::Test: return split_.test;
  }
  return split_.train;
}

Metrics Playground::metrics(Subset subset) {
  return evaluate(net_, settings_.loss, task(), inputs_, indices(subset), eval_ws_);
}

Index Playground::load_chunk(const std::vector<int>& indices, std::size_t start, Workspace& ws) const {
  const Index count = std::min<Index>(ws.capacity, Index(indices.size() - start));
  ws.batch = count;
  ws.use_dropout = false;
  for (Index j = 0; j < count; ++j) {
    ws.input.col(j) = inputs_.inputs.col(indices[start + j]);
    ws.target.col(j) = inputs_.targets.col(indices[start + j]);
  }
  return count;
}

Vector Playground::data_gradient() {
  const auto& train = split_.train;
  Vector grad, total = Vector::Zero(net_.parameter_count());
  for (std::size_t start = 0; start < train.size(); start += std::size_t(eval_ws_.capacity)) {
    const Index count = load_chunk(train, start, eval_ws_);
    forward(net_, eval_ws_);
    backward(net_, settings_.loss, eval_ws_, grad);
    total += grad * Scalar(count);  // chunk means back to sums
  }
  if (!train.empty()) total /= Scalar(train.size());
  return total;
}

Vector Playground::gradient() {
  Vector grad = data_gradient();
  add_regularization_gradient(net_, settings_.train.l1, settings_.train.l2, grad);
  return grad;
}

namespace {

// f's range when it is bounded, so that saturated units pile up in the end bins.
bool bounded_range(Activation f, double& lo, double& hi) {
  switch (f) {
    case Activation::Sigmoid:
    case Activation::Step:
    case Activation::Softmax:
      lo = 0;
      hi = 1;
      return true;
    case Activation::Tanh:
      lo = -1;
      hi = 1;
      return true;
    default: return false;
  }
}

// Units of layer l that are not copies of another: rows of [b W] sorted by their bits (a strict
// order even with NaN; -0 counts as 0) and the runs of equal ones counted.
int distinct_units(const Network& net, int l) {
  const auto w = net.W(l);
  const auto b = net.b(l);
  const auto bits = [](Scalar v) {
    if (v == Scalar(0)) v = 0;
    typename std::conditional<sizeof(Scalar) == 4, std::uint32_t, std::uint64_t>::type u;
    std::memcpy(&u, &v, sizeof u);
    return u;
  };
  const auto less = [&](Index i, Index j) {
    if (bits(b(i)) != bits(b(j))) return bits(b(i)) < bits(b(j));
    for (Index k = 0; k < w.cols(); ++k)
      if (bits(w(i, k)) != bits(w(j, k))) return bits(w(i, k)) < bits(w(j, k));
    return false;
  };
  std::vector<Index> rows(static_cast<std::size_t>(w.rows()));
  for (Index i = 0; i < w.rows(); ++i) rows[std::size_t(i)] = i;
  std::sort(rows.begin(), rows.end(), less);
  int distinct = rows.empty() ? 0 : 1;
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (less(rows[i - 1], rows[i])) ++distinct;
  return distinct;
}

// The sum of f(x) over a contiguous block, in double. Four running sums, so that each add need not
// wait for the one before (one running sum is bound by the add's latency).
template <class M, class F>
double sum_of(const M& x, F f) {
  const Scalar* p = x.data();
  const Index n = x.size();
  double s[4] = {0, 0, 0, 0};
  Index i = 0;
  for (; i + 4 <= n; i += 4)
    for (int k = 0; k < 4; ++k) s[k] += f(double(p[i + k]));
  for (; i < n; ++i) s[0] += f(double(p[i]));
  return (s[0] + s[1]) + (s[2] + s[3]);
}
template <class M>
double shifted_sum(const M& x, double shift) {
  return sum_of(x, [shift](double v) { return v - shift; });
}
template <class M>
double centred_squares(const M& x, double mean) {
  return sum_of(x, [mean](double v) { return (v - mean) * (v - mean); });
}

// Counts each value of a contiguous block into its bin over [low, high] (beyond it: the end bins;
// NaN: bin 0). `counts` holds four interleaved tallies (bin b of tally k at 4 b + k), so that runs
// of values in one bin do not each wait for the count before.
template <class M>
void count_bins(const M& x, double low, double high, std::vector<std::uint32_t>& counts) {
  const int bins = static_cast<int>(counts.size() / 4);
  const double scale = bins / (high - low);
  const Scalar* p = x.data();
  for (Index i = 0, n = x.size(); i < n; ++i) {
    const double t = std::min(double(bins - 1), std::max(0.0, (double(p[i]) - low) * scale));  // NaN: 0
    ++counts[std::size_t(4 * int(t) + (i & 3))];
  }
}

// The share of `cells` values each bin of four interleaved tallies holds.
void shares_of(const std::vector<std::uint32_t>& counts, double cells, std::vector<double>& histogram) {
  histogram.assign(counts.size() / 4, 0.0);
  for (std::size_t b = 0; b < histogram.size(); ++b)
    histogram[b] = double(counts[4 * b] + counts[4 * b + 1] + counts[4 * b + 2] + counts[4 * b + 3]) / cells;
}

}  // namespace

std::string Playground::layer_stats(double delta_range, std::vector<LayerStats>& out) {
  if (!std::isfinite(delta_range) || delta_range < 0)
    return "the gradient histogram's range must be a finite number >= 0 (0: each layer its own; got " +
           format_number(delta_range) + ")";
  out = layer_stats_over(delta_range);
  return "";
}

std::vector<LayerStats> Playground::layer_stats_over(double delta_range) {
  const int L = net_.layer_count();
  std::vector<LayerStats> stats(static_cast<std::size_t>(L));
  const auto& train = split_.train;
  // The data loss's gradient comes from the first pass's backward() too, summed as data_gradient()
  // sums it (the same chunks in the same order, so the same numbers), instead of a pass of its own.
  Vector grad = Vector::Zero(net_.parameter_count());
  Vector chunk_grad;
  std::vector<Vector> alive(L);  // per unit: 1 if f'(z) != 0 for some example
  // Activations are summed shifted by the layer's first one, so equal activations sum to exactly 0
  // and their mean is exactly theirs (a plain sum of many equal doubles rounds).
  std::vector<double> shift(L, 0), sum(L, 0), centred_sq(L, 0), slope_sum(L, 0);
  std::vector<double> delta_shift(L, 0), delta_sum(L, 0), delta_centred_sq(L, 0), delta_max(L, 0);
  std::vector<double> lo(L, std::numeric_limits<double>::infinity()), hi(L, -std::numeric_limits<double>::infinity());
  for (int l = 0; l < L; ++l) alive[l] = Vector::Zero(net_.size(l + 1));
  Workspace& ws = eval_ws_;
  for (std::size_t start = 0; start < train.size(); start += std::size_t(ws.capacity)) {
    const Index count = load_chunk(train, start, ws);
    forward(net_, ws);
    backward(net_, settings_.loss, ws, chunk_grad);  // ws.delta: dL/dz of each example's own loss
    grad += chunk_grad * Scalar(count);              // chunk means back to sums
    for (int l = 0; l < L; ++l) {
      auto a = ws.a[l].leftCols(count);
      auto g = ws.grad_act[l].leftCols(count);
      auto d = ws.delta[l].leftCols(count);
      // backward() left f'(z) of the hidden layers in ws.grad_act (load_chunk turns dropout off)
      if (l == L - 1) activate_layer_grad(net_, l, ws.z[l].leftCols(count), a, g);
      if (start == 0 && count > 0) {
        shift[l] = double(a(0, 0));
        delta_shift[l] = double(d(0, 0));
      }
      sum[l] += shifted_sum(a, shift[l]);
      delta_sum[l] += shifted_sum(d, delta_shift[l]);
      delta_max[l] = std::max(delta_max[l], double(d.cwiseAbs().maxCoeff()));
      slope_sum[l] += shifted_sum(g, 0.0);
      lo[l] = std::min(lo[l], double(a.minCoeff()));
      hi[l] = std::max(hi[l], double(a.maxCoeff()));
      alive[l] = alive[l].cwiseMax((g.array() != Scalar(0)).rowwise().any().template cast<Scalar>().matrix());
    }
  }
  if (!train.empty()) grad /= Scalar(train.size());
  const double n = double(train.size());
  for (int l = 0; l < L; ++l) {
    LayerStats& st = stats[std::size_t(l)];
    const double cells = n * net_.size(l + 1);
    st.activation_mean = shift[l] + sum[l] / cells;
    st.delta_mean = delta_shift[l] + delta_sum[l] / cells;
    st.delta_max_abs = delta_max[l];
    const double r = delta_range > 0 ? delta_range : delta_max[l] > 0 ? delta_max[l] : 1;
    st.delta_low = -r;
    st.delta_high = r;
    st.slope_mean = slope_sum[l] / cells;
    double squares = 0;  // |dJ/dW| over every maxout piece
    for (int p = 0; p < net_.pieces(l); ++p)
      squares +=
          double(ConstMatrixMap(grad.data() + net_.weight_offset(l, p), net_.size(l + 1), net_.size(l)).squaredNorm());
    st.gradient_norm = std::sqrt(squares);
    st.dead_fraction = 1.0 - double(alive[l].sum()) / double(net_.size(l + 1));
    st.distinct_units = distinct_units(net_, l);
    if (!bounded_range(net_.activation(l), st.histogram_low, st.histogram_high)) {
      st.histogram_low = lo[l];
      st.histogram_high = hi[l] > lo[l] ? hi[l] : lo[l] + 1;  // one value only: it lands in bin 0
    }
  }
  // A second pass bins the activations and deltas, now that every range is known, and sums the
  // squared deviations from the means: two passes, so equal values give a std of exactly 0 (the
  // one-pass E[a^2] - E[a]^2 cancels).
  std::vector<std::vector<std::uint32_t>> counts(std::size_t(L), std::vector<std::uint32_t>(4 * kActivationBins));
  std::vector<std::vector<std::uint32_t>> delta_counts(std::size_t(L), std::vector<std::uint32_t>(4 * kDeltaBins));
  for (std::size_t start = 0; start < train.size(); start += std::size_t(ws.capacity)) {
    const Index count = load_chunk(train, start, ws);
    forward(net_, ws);
    backward(net_, settings_.loss, ws, chunk_grad, false);  // only the deltas are read
    for (int l = 0; l < L; ++l) {
      const LayerStats& st = stats[std::size_t(l)];
      auto a = ws.a[l].leftCols(count);
      auto d = ws.delta[l].leftCols(count);
      centred_sq[std::size_t(l)] += centred_squares(a, st.activation_mean);
      delta_centred_sq[std::size_t(l)] += centred_squares(d, st.delta_mean);
      count_bins(a, st.histogram_low, st.histogram_high, counts[std::size_t(l)]);
      count_bins(d, st.delta_low, st.delta_high, delta_counts[std::size_t(l)]);
    }
  }
  for (int l = 0; l < L; ++l) {
    LayerStats& st = stats[std::size_t(l)];
    const double cells = n * net_.size(l + 1);
    st.activation_std = std::sqrt(centred_sq[std::size_t(l)] / cells);
    st.delta_std = std::sqrt(delta_centred_sq[std::size_t(l)] / cells);
    shares_of(counts[std::size_t(l)], train.empty() ? 1 : cells, st.histogram);
    shares_of(delta_counts[std::size_t(l)], train.empty() ? 1 : cells, st.delta_histogram);
  }
  return stats;
}

std::string Playground::set_params(const Scalar* values, Index count) {
  if (count != net_.parameter_count())
    return "expected " + std::to_string(net_.parameter_count()) + " parameters, got " + std::to_string(count);
  for (Index i = 0; i < count; ++i)
    if (!std::isfinite(values[i])) return "parameter " + std::to_string(i) + " is not a finite number";
  net_.params() = ConstVectorMap(values, count);
  diverged_ = false;
  return "";
}

std::string Playground::set_weight(std::int64_t layer, std::int64_t to, std::int64_t from, Scalar value,
                                   std::int64_t piece) {
  if (layer < 0 || layer >= net_.layer_count()) return range_message("layer", layer, 0, net_.layer_count() - 1);
  if (piece < 0 || piece >= net_.pieces(int(layer)))
    return range_message("piece", piece, 0, net_.pieces(int(layer)) - 1);
  if (to < 0 || to >= net_.size(layer + 1)) return range_message("unit", to, 0, net_.size(layer + 1) - 1);
  if (from < 0 || from >= net_.size(layer)) return range_message("input", from, 0, net_.size(layer) - 1);
  if (!std::isfinite(value)) return "weight must be a finite number";
  net_.W(int(layer), int(piece))(Index(to), Index(from)) = value;
  return "";
}

std::string Playground::set_bias(std::int64_t layer, std::int64_t unit, Scalar value, std::int64_t piece) {
  if (layer < 0 || layer >= net_.layer_count()) return range_message("layer", layer, 0, net_.layer_count() - 1);
  if (piece < 0 || piece >= net_.pieces(int(layer)))
    return range_message("piece", piece, 0, net_.pieces(int(layer)) - 1);
  if (unit < 0 || unit >= net_.size(layer + 1)) return range_message("unit", unit, 0, net_.size(layer + 1) - 1);
  if (!std::isfinite(value)) return "bias must be a finite number";
  net_.b(int(layer), int(piece))(Index(unit)) = value;
  return "";
}

}  // namespace bp
