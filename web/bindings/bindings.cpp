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

#include "graph.hpp"
#include "playground.hpp"
#include "text.hpp"

using emscripten::val;

namespace {
static_assert(std::is_same<bp::Scalar, float>::value, "the wasm build exchanges Float32Array");

// Counts and indices from JS arrive as double: an int parameter would wrap them modulo 2^32
// (2**32 -> 0, 2**31 -> -2**31). A whole number within +-2^53 passes to the core as int64, whose
// range checks then see the caller's own value; anything else is refused here, naming it.
std::string whole(const char* name, double d, std::int64_t& out) {
  if (!(std::abs(d) <= 9007199254740992.0) || d != std::floor(d))
    return std::string(name) + " must be a whole number (got " + bp::format_number(d) + ")";
  out = static_cast<std::int64_t>(d);
  return "";
}

// An array length as the whole number it is (format_number would print 1e+07).
std::string length_text(double n) {
  return n >= 0 && n <= 9007199254740992.0 ? std::to_string(static_cast<std::int64_t>(n)) : bp::format_number(n);
}

// The length of an array-like JS value, checked before anything is copied out of it.
bool array_length(const val& v, double& n) {
  if (v.isNull() || v.isUndefined() || v.typeOf().as<std::string>() != "object") return false;
  const val length = v["length"];
  if (length.typeOf().as<std::string>() != "number") return false;
  n = length.as<double>();
  return n >= 0 && n <= 9007199254740992.0 && n == std::floor(n);
}

// ---- JS -> C++ ----

// Reads settings field `key` if present, reporting a type error that names it.
class SettingsReader {
 public:
  explicit SettingsReader(const val& object) : o_(object) {}
  const std::string& error() const { return error_; }

  template <class T>
  void number(const char* key, T& out) {
    const val v = field(key);
    if (v.isUndefined()) return;
    if (v.typeOf().as<std::string>() != "number") return fail(key, "a number");
    const double d = v.as<double>();
    if (std::is_integral<T>::value) {
      // Range first: casting an out-of-range double to an integer is undefined behaviour.
      if (!(d >= double(std::numeric_limits<T>::min()) && d <= double(std::numeric_limits<T>::max())))
        return fail(key, std::is_signed<T>::value ? "a whole number in range" : "a whole number from 0 to 4294967295");
      if (d != std::floor(d)) return fail(key, "a whole number");
    }
    out = static_cast<T>(d);
  }
  template <class E>
  void name(const char* key, E& out, bool (*parse)(const std::string&, E&)) {
    const val v = field(key);
    if (v.isUndefined()) return;
    if (!v.isString()) return fail(key, "a name (string)");
    const std::string s = v.as<std::string>();
    if (!parse(s, out) && error_.empty()) error_ = std::string("unknown ") + key + " '" + s + "'";
  }
  // At most max_count items: the length is checked before any item is read (a million-item
  // array would otherwise take seconds to be refused).
  void integers(const char* key, std::vector<int>& out, int max_count, const char* too_many) {
    const val v = field(key);
    if (v.isUndefined()) return;
    if (!val::global("Array").call<bool>("isArray", v)) return fail(key, "an array of whole numbers");
    std::vector<int> result;
    const double n = v["length"].as<double>();
    if (n > max_count) {
      if (error_.empty()) error_ = std::string(too_many) + " (got " + length_text(n) + ")";
      return;
    }
    for (int i = 0; i < int(n); ++i) {
      const val item = v[i];
      if (item.typeOf().as<std::string>() != "number" ||
          !val::global("Number").call<bool>("isInteger", item))
        return fail(key, "an array of whole numbers");
      const double d = item.as<double>();
      result.push_back(d > 1e6 ? 1000000 : d < -1e6 ? -1000000 : static_cast<int>(d));
    }
    out = result;
  }
  void features(const char* key, std::vector<bp::Feature>& out) {
    const val v = field(key);
    if (v.isUndefined()) return;
    if (!val::global("Array").call<bool>("isArray", v)) return fail(key, "an array of feature names");
    std::vector<bp::Feature> result;
    const double n = v["length"].as<double>();
    if (n > bp::kFeatureCount) {
      if (error_.empty())
        error_ = "features must name at most " + std::to_string(bp::kFeatureCount) + " features (got " +
                 length_text(n) + ")";
      return;
    }
    for (int i = 0; i < int(n); ++i) {
      const val item = v[i];
      bp::Feature f;
      if (!item.isString()) return fail(key, "an array of feature names");
      if (!bp::parse_feature(item.as<std::string>(), f)) {
        if (error_.empty()) error_ = "unknown feature '" + item.as<std::string>() + "'";
        return;
      }
      result.push_back(f);
    }
    out = result;
  }

 private:
  val field(const char* key) const { return error_.empty() ? o_[key] : val::undefined(); }
  void fail(const char* key, const char* expected) {
    if (error_.empty()) error_ = std::string("setting '") + key + "' must be " + expected;
  }
  const val& o_;
  std::string error_;
};

// Starts from `base`, so a partial object changes only the fields it names.
std::string read_settings(const val& o, const bp::Settings& base, bp::Settings& s) {
  if (o.isNull() || o.typeOf().as<std::string>() != "object") return "settings must be an object";
  s = base;
  SettingsReader r(o);
  r.name("dataset", s.data.kind, bp::parse_dataset);
  r.number("points", s.data.points);
  r.number("noise", s.data.noise);
  r.number("dataSeed", s.data.seed);
  r.number("classes", s.data.classes);
  r.number("trainRatio", s.train_ratio);
  r.number("validationRatio", s.validation_ratio);
  r.features("features", s.features);
  r.integers("hidden", s.hidden, bp::kMaxHiddenLayers,
             ("hidden layers must be at most " + std::to_string(bp::kMaxHiddenLayers)).c_str());
  r.name("activation", s.hidden_activation, bp::parse_activation);
  r.name("outputActivation", s.output_activation, bp::parse_activation);
  r.number("leakySlope", s.activation_params.leaky_slope);
  r.number("eluAlpha", s.activation_params.elu_alpha);
  r.name("loss", s.loss, bp::parse_loss);
  r.name("init", s.init, bp::parse_init);
  r.number("biasInit", s.bias_init);
  r.number("seed", s.seed);
  auto& t = s.train;
  r.number("learningRate", t.learning_rate);
  r.number("batchSize", t.batch_size);
  r.number("l1", t.l1);
  r.number("l2", t.l2);
  r.name("decay", t.decay, bp::parse_decay);
  r.number("decayRate", t.decay_rate);
  r.number("decaySteps", t.decay_steps);
  r.name("optimizer", t.optimizer, bp::parse_optimizer);
  r.number("momentum", t.momentum);
  r.number("beta1", t.beta1);
  r.number("beta2", t.beta2);
  r.number("epsilon", t.epsilon);
  r.number("dropout", t.dropout);
  return r.error();
}

// ---- C++ -> JS (copies, so JS never holds views into wasm memory that may move) ----

template <class T>
val typed_array(const char* type, const T* data, std::size_t n) {
  return val::global(type).new_(emscripten::typed_memory_view(n, data));
}
template <class Derived>
val floats(const Eigen::DenseBase<Derived>& m) {
  const bp::Matrix copy = m;  // contiguous, column-major
  return typed_array("Float32Array", copy.data(), std::size_t(copy.size()));
}
val ints(const std::vector<int>& v) { return typed_array("Int32Array", v.data(), v.size()); }

// The training settings under the names the JS settings use (engine.settings() and a step's).
void set_train_settings(val& o, const bp::TrainSettings& t) {
  o.set("learningRate", t.learning_rate);
  o.set("batchSize", t.batch_size);
  o.set("l1", t.l1);
  o.set("l2", t.l2);
  o.set("decay", std::string(bp::decay_name(t.decay)));
  o.set("decayRate", t.decay_rate);
  o.set("decaySteps", t.decay_steps);
  o.set("optimizer", std::string(bp::optimizer_name(t.optimizer)));
  o.set("momentum", t.momentum);
  o.set("beta1", t.beta1);
  o.set("beta2", t.beta2);
  o.set("epsilon", t.epsilon);
  o.set("dropout", t.dropout);
}

val settings_to_js(const bp::Settings& s) {
  val o = val::object();
  o.set("dataset", std::string(bp::dataset_name(s.data.kind)));
  o.set("points", s.data.points);
  o.set("noise", s.data.noise);
  o.set("dataSeed", double(s.data.seed));
  o.set("classes", s.data.classes);
  o.set("trainRatio", s.train_ratio);
  o.set("validationRatio", s.validation_ratio);
  val features = val::array();
  for (auto f : s.features) features.call<void>("push", std::string(bp::feature_name(f)));
  o.set("features", features);
  val hidden = val::array();
  for (int h : s.hidden) hidden.call<void>("push", h);
  o.set("hidden", hidden);
  o.set("activation", std::string(bp::activation_name(s.hidden_activation)));
  o.set("outputActivation", std::string(bp::activation_name(s.output_activation)));
  o.set("leakySlope", s.activation_params.leaky_slope);
  o.set("eluAlpha", s.activation_params.elu_alpha);
  o.set("loss", std::string(bp::loss_name(s.loss)));
  o.set("init", std::string(bp::init_name(s.init)));
  o.set("biasInit", s.bias_init);
  o.set("seed", double(s.seed));
  set_train_settings(o, s.train);
  return o;
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
  val settings = val::object();  // the constants the update used, for its equation
  set_train_settings(settings, t.settings);
  o.set("settings", settings);
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

const char* problem_name(bp::Problem p) {
  switch (p) {
    case bp::Problem::Binary: return "binary";
    case bp::Problem::Multiclass: return "multiclass";
    case bp::Problem::Regression: return "regression";
  }
  return "?";
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
    if (problem == "binary") d.problem = bp::Problem::Binary;
    else if (problem == "multiclass") d.problem = bp::Problem::Multiclass;
    else if (problem == "regression") d.problem = bp::Problem::Regression;
    else return "unknown problem '" + problem + "' (binary, multiclass or regression)";
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
      return "custom data needs 2 coordinates per label (got " + std::to_string(points.size()) +
             " coordinates for " + std::to_string(values.size()) + " labels)";
    d.xy = Eigen::Map<const Eigen::Matrix<float, 2, Eigen::Dynamic>>(points.data(), 2, Eigen::Index(values.size()));
    d.label = Eigen::Map<const bp::Vector>(values.data(), Eigen::Index(values.size()));
    return pg_.set_custom_data(d);
  }

  void reset() { pg_.reset(); }
  std::string train_epochs(double n) { return with_whole("epochs", n, [&](std::int64_t k) { return pg_.train_epochs(k); }); }
  std::string train_batches(double n) { return with_whole("batches", n, [&](std::int64_t k) { return pg_.train_batches(k); }); }
  std::string train_examples(double n) { return with_whole("examples", n, [&](std::int64_t k) { return pg_.train_examples(k); }); }
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
  val gradient() { return floats(pg_.gradient()); }
  std::string set_params(const val& values) {
    double n = 0;
    if (!array_length(values, n)) return "parameters must be an array of numbers";
    if (n != double(pg_.network().parameter_count()))  // before copying: the count may be huge
      return "expected " + std::to_string(pg_.network().parameter_count()) + " parameters, got " + length_text(n);
    const auto v = emscripten::convertJSArrayToNumberVector<float>(values);
    return pg_.set_params(v.data(), bp::Index(v.size()));
  }
  std::string set_weight(double layer, double to, double from, float v) {
    std::int64_t l = 0, t = 0, f = 0;
    std::string e = whole("layer", layer, l);
    if (e.empty()) e = whole("unit", to, t);
    if (e.empty()) e = whole("input", from, f);
    return e.empty() ? pg_.set_weight(l, t, f, v) : e;
  }
  std::string set_bias(double layer, double unit, float v) {
    std::int64_t l = 0, u = 0;
    std::string e = whole("layer", layer, l);
    if (e.empty()) e = whole("unit", unit, u);
    return e.empty() ? pg_.set_bias(l, u, v) : e;
  }

  val dataset() const {
    const auto& d = pg_.dataset();
    val o = val::object();
    o.set("problem", std::string(problem_name(d.problem)));
    o.set("classes", d.classes);
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

  val layer_stats() {
    val out = val::array();
    for (const auto& s : pg_.layer_stats()) {
      val o = val::object();
      o.set("gradientNorm", s.gradient_norm);
      o.set("activationMean", s.activation_mean);
      o.set("activationStd", s.activation_std);
      o.set("slopeMean", s.slope_mean);
      o.set("deadFraction", s.dead_fraction);
      o.set("histogram", typed_array("Float64Array", s.histogram.data(), s.histogram.size()));
      o.set("histogramLow", s.histogram_low);
      o.set("histogramHigh", s.histogram_high);
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

  bp::Playground pg_;
  std::vector<float> grid_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_core) {
  emscripten::function("sumTimesGraph", &sum_times_graph_js);
  emscripten::class_<Core>("Core")
      .constructor<>()
      .function("configure", &Core::configure)
      .function("settings", &Core::settings)
      .function("setCustomData", &Core::set_custom_data)
      .function("reset", &Core::reset)
      .function("trainEpochs", &Core::train_epochs)
      .function("trainBatches", &Core::train_batches)
      .function("trainExamples", &Core::train_examples)
      .function("diverged", &Core::diverged)
      .function("progress", &Core::progress)
      .function("nextBatch", &Core::next_batch)
      .function("layerSizes", &Core::layer_sizes)
      .function("params", &Core::params)
      .function("gradient", &Core::gradient)
      .function("setParams", &Core::set_params)
      .function("setWeight", &Core::set_weight)
      .function("setBias", &Core::set_bias)
      .function("dataset", &Core::dataset)
      .function("metrics", &Core::metrics)
      .function("layerStats", &Core::layer_stats)
      .function("trace", &Core::trace)
      .function("traceStep", &Core::trace_step)
      .function("traceStepOn", &Core::trace_step_on)
      .function("nodeCount", &Core::node_count)
      .function("evaluateGrid", &Core::evaluate_grid);
}
