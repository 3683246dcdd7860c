// Embind bindings for the core: translates JS objects and typed arrays to and from the core's
// types, and nothing else (no maths). One class, Core, wraps one bp::Playground. Calls that can
// fail return an error string ("" = fine) or, for calls that return data, either the data or the
// error string; web/engine.js turns error strings into JS Errors (the wasm build has no C++
// exceptions, and throwing through wasm frames without them would leak stack).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "backprop/graph.hpp"
#include "js_values.hpp"
#include "settings_js.hpp"
#include "backprop/playground.hpp"
#include "backprop/settings_schema.hpp"
#include "backprop/text.hpp"

using emscripten::val;
using namespace bp::js;

namespace {
static_assert(std::is_same<bp::Scalar, float>::value, "the wasm build exchanges Float32Array");

// The schema as plain objects: { key, label, type, default, keepsWeights } plus, by type, min,
// max, minOpen, maxOpen (numbers; list items), minItems, maxItems (lists), values (names).
val settings_schema_js() {
  val out = val::array();
  for (const auto& spec : bp::settings_schema()) {
    val o = val::object();
    o.set("key", std::string(spec.key));
    o.set("label", std::string(spec.label));
    o.set("type", std::string(bp::setting_type_name(spec.type)));
    bp::SettingValue d = bp::default_value(spec);
    if (spec.type == bp::SettingType::Number) d.number = bp::shortest_decimal(d.number);  // 0.03, as typed
    o.set("default", value_to_js(spec, d));
    o.set("keepsWeights", spec.keeps_weights);
    if (spec.type == bp::SettingType::Number || spec.type == bp::SettingType::Integer ||
        spec.type == bp::SettingType::IntegerList) {
      o.set("min", spec.min);
      o.set("max", spec.max);
      o.set("minOpen", spec.min_open);
      o.set("maxOpen", spec.max_open);
    }
    if (spec.type == bp::SettingType::IntegerList || spec.type == bp::SettingType::EnumList) {
      o.set("minItems", spec.min_items);
      o.set("maxItems", spec.max_items);
    }
    if (spec.type == bp::SettingType::Enum || spec.type == bp::SettingType::EnumList)
      o.set("values", names_to_js(spec.values));
    out.call<void>("push", o);
  }
  return out;
}

// Per problem: { outputActivations (offered, best first), losses: { activation: [valid losses,
// preferred first] }, default: { outputActivation, loss } }.
val output_pairings_js() {
  val out = val::object();
  for (bp::Problem p : {bp::Problem::Binary, bp::Problem::Multiclass, bp::Problem::Regression}) {
    val o = val::object(), outputs = val::array(), losses = val::object(), def = val::object();
    for (bp::Activation a : bp::output_activations_for(p)) {
      outputs.call<void>("push", std::string(bp::activation_name(a)));
      val l = val::array();
      for (bp::Loss loss : bp::losses_for(p, a)) l.call<void>("push", std::string(bp::loss_name(loss)));
      losses.set(bp::activation_name(a), l);
    }
    const bp::Pairing d = bp::default_pairing(p);
    def.set("outputActivation", std::string(bp::activation_name(d.output)));
    def.set("loss", std::string(bp::loss_name(d.loss)));
    o.set("outputActivations", outputs);
    o.set("losses", losses);
    o.set("default", def);
    out.set(bp::problem_name(p), o);
  }
  return out;
}

val metrics_to_js(const bp::Metrics& m) {
  val o = val::object();
  o.set("loss", m.loss);
  o.set("accuracy", m.accuracy);
  o.set("count", double(m.count));
  return o;
}

val example_trace_to_js(const bp::ExampleTrace& t) {
  val o = val::object();
  o.set("input", floats(t.input));
  o.set("target", floats(t.target));
  o.set("output", floats(t.output));
  o.set("dLossDOutput", floats(t.dloss_doutput));
  o.set("loss", t.loss);
  val layers = val::array();
  for (const auto& l : t.layers) {
    val lo = val::object();
    lo.set("aPrev", floats(l.a_prev));
    lo.set("contribution", floats(l.contribution));  // column-major, like dW
    lo.set("z", floats(l.z));
    lo.set("a", floats(l.a));
    lo.set("gradAct", floats(l.grad_act));
    lo.set("mask", floats(l.mask));  // empty without dropout
    lo.set("dLossDA", floats(l.dloss_da));
    lo.set("delta", floats(l.delta));
    lo.set("dW", floats(l.dW));
    lo.set("db", floats(l.db));
    lo.set("slopes", floats(l.slopes));  // PReLU's a_i, else empty
    lo.set("dSlope", floats(l.dslope));  // PReLU's dL/da_i, else empty
    lo.set("pieces", floats(l.pieces));  // maxout: (out x k) column-major, each piece's z; else empty
    lo.set("winner", ints(l.winner));    // maxout: the winning piece per unit; else empty
    lo.set("rows", int(l.dW.rows()));
    lo.set("cols", int(l.dW.cols()));
    layers.call<void>("push", lo);
  }
  o.set("layers", layers);
  return o;
}

// Optimiser fields that do not apply are empty arrays (and adamStep 0), so the shape never varies.
val step_trace_to_js(const bp::StepTrace& t) {
  val o = val::object();
  o.set("batch", ints(t.batch));
  val examples = val::array();
  for (const auto& ex : t.examples) examples.call<void>("push", example_trace_to_js(ex));
  o.set("examples", examples);
  o.set("dataGradient", floats(t.data_gradient));
  o.set("regularizationGradient", floats(t.regularization_gradient));
  o.set("appliedGradient", floats(t.applied_gradient));
  o.set("paramsBefore", floats(t.params_before));
  o.set("paramsAfter", floats(t.params_after));
  o.set("update", floats(t.update));
  o.set("learningRate", t.learning_rate);
  o.set("lossBefore", t.loss_before);
  o.set("lossAfter", t.loss_after);
  o.set("optimizer", std::string(bp::optimizer_name(t.optimizer)));
  bp::Settings used;  // the constants the update used, for its equation
  used.train = t.settings;
  o.set("settings", settings_to_js(used, true));
  o.set("dropoutApplied", t.dropout_applied);
  o.set("velocityBefore", floats(t.velocity_before));
  o.set("velocityAfter", floats(t.velocity_after));
  o.set("moment1Before", floats(t.moment1_before));
  o.set("moment2Before", floats(t.moment2_before));
  o.set("moment1", floats(t.moment1));
  o.set("moment2", floats(t.moment2));
  o.set("moment1Hat", floats(t.moment1_hat));
  o.set("moment2Hat", floats(t.moment2_hat));
  o.set("adamStep", t.adam_step);
  return o;
}

// A loss-landscape slice as plain JS: typed arrays (copies) and numbers.
val loss_slice_to_js(const bp::LossSlice& s) {
  val o = val::object();
  o.set("grid", s.grid);
  o.set("range", s.range);
  o.set("loss", typed_array("Float64Array", s.loss.data(), s.loss.size()));
  o.set("centerLoss", s.center_loss);
  o.set("d1", floats(s.d1));
  o.set("d2", floats(s.d2));
  val explained = val::array();
  for (double e : s.explained) explained.call<void>("push", e);
  o.set("explained", explained);
  o.set("path", typed_array("Float64Array", s.path.data(), s.path.size()));
  o.set("pathLoss", typed_array("Float64Array", s.path_loss.data(), s.path_loss.size()));
  const std::vector<double> records(s.path_records.begin(), s.path_records.end());  // exact below 2^53
  o.set("pathRecords", typed_array("Float64Array", records.data(), records.size()));
  return o;
}

// The chain-rule lesson's graph f = (x + y) z: every node's value, gradient and inputs, and every
// edge's local derivative and gradient.
val sum_times_graph_js(double x, double y, double z) {
  const bp::Graph g = bp::sum_times_graph(x, y, z);
  val nodes = val::array();
  for (std::size_t i = 0; i < g.nodes().size(); ++i) {
    const auto& n = g.nodes()[i];
    val o = val::object();
    o.set("name", n.name);
    o.set("value", n.value);
    o.set("grad", n.grad);
    val inputs = val::array(), local = val::array(), edge = val::array();
    for (std::size_t k = 0; k < n.inputs.size(); ++k) {
      inputs.call<void>("push", n.inputs[k]);
      local.call<void>("push", n.local[k]);
      edge.call<void>("push", g.edge_gradient(int(i), int(k)));
    }
    o.set("inputs", inputs);
    o.set("local", local);
    o.set("edgeGradient", edge);
    nodes.call<void>("push", o);
  }
  return nodes;
}

// ---- the class JS sees ----

class Core {
 public:
  std::string configure(const val& settings) {
    bp::Settings s;
    std::string e = read_settings(settings, pg_.settings(), s);
    return e.empty() ? pg_.configure(s) : e;
  }
  val settings() const { return settings_to_js(pg_.settings()); }

  std::string set_custom_data(const val& xy, const val& labels, const std::string& problem, double classes) {
    bp::Dataset d;
    if (problem == "binary")
      d.problem = bp::Problem::Binary;
    else if (problem == "multiclass")
      d.problem = bp::Problem::Multiclass;
    else if (problem == "regression")
      d.problem = bp::Problem::Regression;
    else
      return "unknown problem '" + problem + "' (binary, multiclass or regression)";
    std::int64_t k = 0;
    std::string e = whole("classes", classes, k);
    if (!e.empty()) return e;
    if (k < std::numeric_limits<int>::min() || k > std::numeric_limits<int>::max())
      return "classes " + std::to_string(k) + " is out of range";
    d.classes = d.problem == bp::Problem::Regression ? 1 : int(k);
    // Sizes before copies: a huge array is refused without being copied into wasm memory.
    double n_xy = 0, n_labels = 0;
    if (!array_length(xy, n_xy)) return "custom data: xy must be an array of numbers";
    if (!array_length(labels, n_labels)) return "custom data: labels must be an array of numbers";
    if (n_labels < 1 || n_labels > bp::kMaxPoints)
      return "points must be between 1 and " + std::to_string(bp::kMaxPoints) + " (got " + length_text(n_labels) + ")";
    if (n_xy != 2 * n_labels)
      return "custom data needs 2 coordinates per label (got " + length_text(n_xy) + " coordinates for " +
             length_text(n_labels) + " labels)";
    const auto points = emscripten::convertJSArrayToNumberVector<float>(xy);
    const auto values = emscripten::convertJSArrayToNumberVector<float>(labels);
    if (points.size() != 2 * values.size())
      return "custom data needs 2 coordinates per label (got " + std::to_string(points.size()) + " coordinates for " +
             std::to_string(values.size()) + " labels)";
    d.xy = Eigen::Map<const Eigen::Matrix<float, 2, Eigen::Dynamic>>(points.data(), 2, Eigen::Index(values.size()));
    d.label = Eigen::Map<const bp::Vector>(values.data(), Eigen::Index(values.size()));
    return pg_.set_custom_data(d);
  }

  // A drawn curve: 1-D regression points (x, y), x2 = 0 for the core.
  std::string set_curve_data(const val& xs, const val& ys) {
    double n_x = 0, n_y = 0;
    if (!array_length(xs, n_x)) return "curve data: xs must be an array of numbers";
    if (!array_length(ys, n_y)) return "curve data: ys must be an array of numbers";
    if (n_y < 1 || n_y > bp::kMaxPoints)
      return "points must be between 1 and " + std::to_string(bp::kMaxPoints) + " (got " + length_text(n_y) + ")";
    if (n_x != n_y)
      return "curve data needs one x per y (got " + length_text(n_x) + " x for " + length_text(n_y) + " y)";
    const auto x = emscripten::convertJSArrayToNumberVector<float>(xs);
    const auto y = emscripten::convertJSArrayToNumberVector<float>(ys);
    if (x.size() != y.size()) return "curve data needs one x per y";
    bp::Dataset d;
    d.problem = bp::Problem::Regression;
    d.classes = 1;
    d.inputs = 1;
    d.xy = Eigen::Matrix<float, 2, Eigen::Dynamic>::Zero(2, Eigen::Index(x.size()));
    d.xy.row(0) = Eigen::Map<const bp::Vector>(x.data(), Eigen::Index(x.size())).transpose();
    d.label = Eigen::Map<const bp::Vector>(y.data(), Eigen::Index(y.size()));
    return pg_.set_custom_data(d);
  }

  void reset() { pg_.reset(); }
  std::string train_epochs(double n) {
    return with_whole("epochs", n, [&](std::int64_t k) { return pg_.train_epochs(k); });
  }
  std::string train_batches(double n) {
    return with_whole("batches", n, [&](std::int64_t k) { return pg_.train_batches(k); });
  }
  std::string train_examples(double n) {
    return with_whole("examples", n, [&](std::int64_t k) { return pg_.train_examples(k); });
  }
  bool diverged() const { return pg_.diverged(); }

  val progress() const {
    const auto& t = pg_.trainer();
    val o = val::object();
    o.set("epoch", double(t.epoch()));
    o.set("updates", double(t.updates()));
    o.set("epochPosition", double(t.epoch_position()));
    o.set("learningRate", t.current_learning_rate());
    o.set("diverged", pg_.diverged());
    return o;
  }
  val next_batch(double examples) const {
    std::int64_t k = 0;
    std::string e = whole("examples", examples, k);
    std::vector<int> batch;
    if (e.empty()) e = pg_.next_batch(k, batch);
    return e.empty() ? ints(batch) : val(e);
  }

  val layer_sizes() const {
    val sizes = val::array();
    for (int l = 0; l <= pg_.network().layer_count(); ++l) sizes.call<void>("push", pg_.network().size(l));
    return sizes;
  }
  val params() const { return floats(pg_.network().params()); }
  val prelu_slopes() const {
    const bp::Network& net = pg_.network();
    val out = val::array();
    for (int l = 0; l < net.layer_count(); ++l)
      if (net.has_slopes(l)) out.call<void>("push", floats(bp::Vector(net.slopes(l))));
    return out;
  }
  val gradient() { return floats(pg_.gradient()); }
  std::string set_params(const val& values) {
    double n = 0;
    if (!array_length(values, n)) return "parameters must be an array of numbers";
    if (n != double(pg_.network().parameter_count()))  // before copying: the count may be huge
      return "expected " + std::to_string(pg_.network().parameter_count()) + " parameters, got " + length_text(n);
    const auto v = emscripten::convertJSArrayToNumberVector<float>(values);
    return pg_.set_params(v.data(), bp::Index(v.size()));
  }
  std::string set_weight(double layer, double to, double from, float v, double piece) {
    std::int64_t l = 0, t = 0, f = 0, p = 0;
    std::string e = whole("layer", layer, l);
    if (e.empty()) e = whole("unit", to, t);
    if (e.empty()) e = whole("input", from, f);
    if (e.empty()) e = whole("piece", piece, p);
    return e.empty() ? pg_.set_weight(l, t, f, v, p) : e;
  }
  std::string set_bias(double layer, double unit, float v, double piece) {
    std::int64_t l = 0, u = 0, p = 0;
    std::string e = whole("layer", layer, l);
    if (e.empty()) e = whole("unit", unit, u);
    if (e.empty()) e = whole("piece", piece, p);
    return e.empty() ? pg_.set_bias(l, u, v, p) : e;
  }

  val dataset() const {
    const auto& d = pg_.dataset();
    val o = val::object();
    o.set("problem", std::string(bp::problem_name(d.problem)));
    o.set("classes", d.classes);
    o.set("inputs", d.inputs);
    o.set("xy", floats(d.xy));
    o.set("labels", floats(d.label));
    o.set("train", ints(pg_.split().train));
    o.set("validation", ints(pg_.split().validation));
    o.set("test", ints(pg_.split().test));
    return o;
  }

  val metrics() {
    val o = val::object();
    o.set("train", metrics_to_js(pg_.metrics(bp::Subset::Train)));
    o.set("validation", metrics_to_js(pg_.metrics(bp::Subset::Validation)));
    o.set("test", metrics_to_js(pg_.metrics(bp::Subset::Test)));
    return o;
  }

  val feature_scaling() const {
    val o = val::object();
    o.set("mean", floats(pg_.feature_scaling().mean));
    o.set("sd", floats(pg_.feature_scaling().sd));
    return o;
  }

  val layer_stats() { return layer_stats_to_js(pg_.layer_stats()); }
  val layer_stats_over(double delta_range) {
    std::vector<bp::LayerStats> stats;
    const std::string e = pg_.layer_stats(delta_range, stats);
    return e.empty() ? layer_stats_to_js(stats) : val(e);
  }

  static val layer_stats_to_js(const std::vector<bp::LayerStats>& stats) {
    val out = val::array();
    for (const auto& s : stats) {
      val o = val::object();
      o.set("gradientNorm", s.gradient_norm);
      o.set("activationMean", s.activation_mean);
      o.set("activationStd", s.activation_std);
      o.set("slopeMean", s.slope_mean);
      o.set("deadFraction", s.dead_fraction);
      o.set("histogram", typed_array("Float64Array", s.histogram.data(), s.histogram.size()));
      o.set("histogramLow", s.histogram_low);
      o.set("histogramHigh", s.histogram_high);
      o.set("deltaMean", s.delta_mean);
      o.set("deltaStd", s.delta_std);
      o.set("deltaMaxAbs", s.delta_max_abs);
      o.set("deltaHistogram", typed_array("Float64Array", s.delta_histogram.data(), s.delta_histogram.size()));
      o.set("deltaLow", s.delta_low);
      o.set("deltaHigh", s.delta_high);
      o.set("distinctUnits", s.distinct_units);
      out.call<void>("push", o);
    }
    return out;
  }

  val trace(double index) const {
    std::int64_t i = 0;
    bp::ExampleTrace t;
    std::string e = whole("example index", index, i);
    if (e.empty()) e = pg_.trace(i, t);
    return e.empty() ? example_trace_to_js(t) : val(e);
  }

  val trace_step(double examples) {
    std::int64_t n = 0;
    bp::StepTrace t;
    std::string e = whole("examples", examples, n);
    if (e.empty()) e = pg_.trace_step(n, t);
    return e.empty() ? step_trace_to_js(t) : val(e);
  }
  val trace_step_on(double index) {
    std::int64_t i = 0;
    bp::StepTrace t;
    std::string e = whole("example index", index, i);
    if (e.empty()) e = pg_.trace_step_on(i, t);
    return e.empty() ? step_trace_to_js(t) : val(e);
  }

  // The loss landscape: the weights recorded for its trajectory, and a slice (core/include/backprop/landscape.hpp).
  std::string record_trajectory() { return pg_.record_trajectory(); }
  void clear_trajectory() { pg_.clear_trajectory(); }
  int trajectory_length() const { return int(pg_.trajectory().size()); }
  val loss_slice(const std::string& directions, double seed, double grid, double range) const {
    bp::SliceSpec spec;
    std::string e = slice_spec(directions, seed, grid, range, spec);
    bp::LossSlice s;
    if (e.empty()) e = pg_.loss_slice(spec, s);
    return e.empty() ? loss_slice_to_js(s) : val(e);
  }
  // The same slice a block of rows at a time: begin returns it with its loss NaN, each block of
  // rows their values (count x grid, row-major). One slice in progress: a new begin replaces it.
  val begin_loss_slice(const std::string& directions, double seed, double grid, double range) {
    bp::SliceSpec spec;
    std::string e = slice_spec(directions, seed, grid, range, spec);
    if (e.empty()) e = pg_.begin_loss_slice(spec, slice_rows_);
    return e.empty() ? loss_slice_to_js(slice_rows_.slice()) : val(e);
  }
  val loss_slice_rows(double first, double count) {
    std::int64_t f = 0, n = 0;
    std::string e = whole("first row", first, f);
    if (e.empty()) e = whole("row count", count, n);
    if (e.empty()) e = slice_rows_.rows(f, n);
    if (!e.empty()) return val(e);
    const bp::LossSlice& s = slice_rows_.slice();
    const std::size_t g = std::size_t(s.grid);
    return typed_array("Float64Array", s.loss.data() + std::size_t(f) * g, std::size_t(n) * g);
  }

  // { x, units, terms (unit-major: unit i's G values together), alpha, bias, z, output }
  val unit_sum(double samples, float lo, float hi) const {
    std::int64_t g = 0;
    std::string e = whole("samples", samples, g);
    bp::UnitSum u;
    if (e.empty()) e = pg_.unit_sum(g, lo, hi, u);
    if (!e.empty()) return val(e);
    val o = val::object();
    o.set("x", floats(u.x));
    o.set("units", floats(u.units.transpose()));
    o.set("terms", floats(u.terms.transpose()));
    o.set("alpha", floats(u.alpha));
    o.set("bias", u.bias);
    o.set("z", floats(u.z));
    o.set("output", floats(u.output));
    return o;
  }
  val positive_sides(double size, float lo, float hi, bool toward_output) const {
    std::int64_t g = 0;
    std::string e = whole("grid size", size, g);
    std::vector<int> counts;
    if (e.empty()) e = pg_.positive_sides(g, lo, hi, counts, toward_output);
    return e.empty() ? ints(counts) : val(e);
  }

  int node_count() const { return pg_.node_count(); }
  // A view into a buffer that lives in this object: valid until the next call into the module.
  val evaluate_grid(double size, float lo, float hi) {
    std::int64_t g = 0;
    std::string e = whole("grid size", size, g);
    if (e.empty()) e = pg_.check_grid(g);  // before sizing the buffer: the size is capped there
    if (!e.empty()) return val(e);
    grid_.resize(std::size_t(pg_.grid_size(g)));
    e = pg_.evaluate_grid(g, lo, hi, grid_.data());
    if (!e.empty()) return val(e);
    return val(emscripten::typed_memory_view(grid_.size(), grid_.data()));
  }

 private:
  template <class Call>
  std::string with_whole(const char* name, double n, const Call& call) {
    std::int64_t k = 0;
    const std::string e = whole(name, n, k);
    return e.empty() ? call(k) : e;
  }

  static std::string slice_spec(const std::string& directions, double seed, double grid, double range,
                                bp::SliceSpec& spec) {
    if (!bp::parse_slice_directions(directions, spec.directions))
      return "unknown directions '" + directions + "' (random or trajectory)";
    std::string e = seed_from(seed, spec.seed);
    if (e.empty()) e = whole("grid size", grid, spec.grid);
    spec.range = range;
    return e;
  }

  bp::Playground pg_;
  std::vector<float> grid_;
  bp::SliceRows slice_rows_;  // the slice begun by begin_loss_slice
};

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_core) {
  emscripten::function("sumTimesGraph", &sum_times_graph_js);
  emscripten::function("settingsSchema", &settings_schema_js);
  emscripten::function("outputPairings", &output_pairings_js);
  emscripten::class_<Core>("Core")
      .constructor<>()
      .function("configure", &Core::configure)
      .function("settings", &Core::settings)
      .function("setCustomData", &Core::set_custom_data)
      .function("setCurveData", &Core::set_curve_data)
      .function("unitSum", &Core::unit_sum)
      .function("positiveSides", &Core::positive_sides)
      .function("reset", &Core::reset)
      .function("trainEpochs", &Core::train_epochs)
      .function("trainBatches", &Core::train_batches)
      .function("trainExamples", &Core::train_examples)
      .function("diverged", &Core::diverged)
      .function("progress", &Core::progress)
      .function("nextBatch", &Core::next_batch)
      .function("layerSizes", &Core::layer_sizes)
      .function("params", &Core::params)
      .function("preluSlopes", &Core::prelu_slopes)
      .function("gradient", &Core::gradient)
      .function("setParams", &Core::set_params)
      .function("setWeight", &Core::set_weight)
      .function("setBias", &Core::set_bias)
      .function("dataset", &Core::dataset)
      .function("metrics", &Core::metrics)
      .function("layerStats", &Core::layer_stats)
      .function("featureScaling", &Core::feature_scaling)
      .function("layerStatsOver", &Core::layer_stats_over)
      .function("trace", &Core::trace)
      .function("traceStep", &Core::trace_step)
      .function("traceStepOn", &Core::trace_step_on)
      .function("recordTrajectory", &Core::record_trajectory)
      .function("clearTrajectory", &Core::clear_trajectory)
      .function("trajectoryLength", &Core::trajectory_length)
      .function("lossSlice", &Core::loss_slice)
      .function("beginLossSlice", &Core::begin_loss_slice)
      .function("lossSliceRows", &Core::loss_slice_rows)
      .function("nodeCount", &Core::node_count)
      .function("evaluateGrid", &Core::evaluate_grid);
}
