// Embind bindings for the classic single units (core/include/backprop/classic_unit.hpp): the McCulloch–Pitts truth
// table, and class ClassicUnit wrapping one bp::ClassicUnit. Type translation only, as in
// bindings.cpp: calls return "" or an error string, or their data or an error string, and
// web/engine.js turns the strings into Errors.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "backprop/classic_unit.hpp"
#include "js_values.hpp"

using emscripten::val;
using namespace bp::js;

namespace {

bool is_number(const val& v) { return v.typeOf().as<std::string>() == "number"; }

// { rule, coding, learningRate, batch, shuffle, seed }: the first three required, then false,
// false and 1 by default.
std::string read_classic_settings(const val& o, bp::ClassicSettings& s) {
  if (o.isNull() || o.typeOf().as<std::string>() != "object") return "settings must be an object";
  const val rule = o["rule"], coding = o["coding"], rate = o["learningRate"];
  if (!rule.isString() || !bp::parse_classic_rule(rule.as<std::string>(), s.rule))
    return "setting 'rule' must be 'perceptron' or 'adaline'";
  if (!coding.isString() || !bp::parse_target_coding(coding.as<std::string>(), s.coding))
    return "setting 'coding' must be 'binary' or 'bipolar'";
  if (!is_number(rate)) return "setting 'learningRate' must be a number";
  s.learning_rate = rate.as<float>();
  for (const char* key : {"batch", "shuffle"}) {
    const val v = o[key];
    if (v.isUndefined()) continue;
    if (v.typeOf().as<std::string>() != "boolean") return std::string("setting '") + key + "' must be true or false";
    (std::string(key) == "batch" ? s.batch : s.shuffle) = v.as<bool>();
  }
  const val seed = o["seed"];
  if (seed.isUndefined()) return "";
  return is_number(seed) ? seed_from(seed.as<double>(), s.seed) : "setting 'seed' must be a number";
}

// A JS array-like of numbers into `out`, its length checked against [lo, hi] before copying.
std::string read_floats(const char* name, const val& v, double lo, double hi, std::vector<float>& out) {
  double n = 0;
  if (!array_length(v, n)) return std::string(name) + " must be an array of numbers";
  if (n < lo || n > hi)
    return std::string(name) + " must have " + length_text(lo) + " to " + length_text(hi) + " numbers (got " +
           length_text(n) + ")";
  out = emscripten::convertJSArrayToNumberVector<float>(v);
  return "";
}

val step_to_js(const bp::ClassicStep& s) {
  val o = val::object();
  o.set("epoch", double(s.epoch));
  o.set("example", s.example);
  o.set("input", floats(s.input));
  o.set("weights", floats(s.weights));
  o.set("sum", s.sum);
  o.set("output", s.output);
  o.set("target", s.target);
  o.set("error", s.error);
  o.set("deltaW", floats(s.delta_w));
  o.set("update", floats(s.update));
  o.set("mistake", s.mistake);
  return o;
}

// The truth table of a McCulloch–Pitts unit: Int32Array of 0/1 in binary counting order.
val mcculloch_pitts_js(const val& inhibitory, double threshold) {
  double n = 0;
  if (!array_length(inhibitory, n)) return val(std::string("inhibitory must be an array of true/false, one per input"));
  if (n < 1 || n > bp::kMaxMcCullochPittsInputs)
    return val("a McCulloch-Pitts unit has 1 to " + std::to_string(bp::kMaxMcCullochPittsInputs) + " inputs (got " +
               length_text(n) + ")");
  bp::McCullochPitts unit;
  for (int j = 0; j < int(n); ++j) {
    const val v = inhibitory[j];
    if (v.typeOf().as<std::string>() != "boolean")
      return val(std::string("inhibitory must be an array of true/false, one per input"));
    unit.inhibitory.push_back(v.as<bool>());
  }
  std::int64_t theta = 0;
  std::string e = whole("threshold", threshold, theta);
  if (e.empty() && (theta < 0 || theta > n))
    e = "the threshold must be between 0 and the number of inputs, " + length_text(n) + " (got " +
        std::to_string(theta) + ")";
  if (!e.empty()) return val(e);
  unit.threshold = int(theta);
  return ints(bp::mcculloch_pitts_truth_table(unit));
}

class ClassicUnit {
 public:
  // `inputs`: the examples one after another, `n` numbers each; `targets`: one per example;
  // `weights`: n + 1, the bias first.
  std::string reset(const val& settings, const val& inputs, double n, const val& targets, const val& weights) {
    bp::ClassicSettings s;
    std::string e = read_classic_settings(settings, s);
    std::int64_t rows = 0;
    if (e.empty()) e = whole("inputs per example", n, rows);
    if (e.empty() && (rows < 1 || rows > bp::kMaxClassicInputs))
      e = "the unit takes 1 to " + std::to_string(bp::kMaxClassicInputs) + " inputs (got " + std::to_string(rows) + ")";
    std::vector<float> x, t, w;
    if (e.empty()) e = read_floats("targets", targets, 1, bp::kMaxClassicExamples, t);
    if (e.empty()) e = read_floats("inputs", inputs, 0, double(rows) * bp::kMaxClassicExamples, x);
    if (e.empty() && x.size() != std::size_t(rows) * t.size())
      e = "inputs must hold " + std::to_string(rows) + " numbers per example: " + std::to_string(t.size()) +
          " targets need " + std::to_string(std::size_t(rows) * t.size()) + " (got " + std::to_string(x.size()) + ")";
    if (e.empty()) e = read_floats("weights", weights, 0, double(bp::kMaxClassicInputs + 1), w);
    if (!e.empty()) return e;
    const bp::Index m = bp::Index(t.size());
    return unit_.reset(s, Eigen::Map<const bp::Matrix>(x.data(), bp::Index(rows), m),
                       Eigen::Map<const bp::Vector>(t.data(), m),
                       Eigen::Map<const bp::Vector>(w.data(), bp::Index(w.size())));
  }

  val step() {
    bp::ClassicStep s;
    const std::string e = unit_.step(s);
    return e.empty() ? step_to_js(s) : val(e);
  }
  std::string train_epochs(double n) {
    std::int64_t k = 0;
    const std::string e = whole("epochs", n, k);
    return e.empty() ? unit_.train_epochs(k) : e;
  }

  val state() const {
    val o = val::object();
    o.set("weights", floats(unit_.weights()));
    o.set("epoch", double(unit_.epoch()));
    o.set("position", unit_.position());
    o.set("converged", unit_.converged());
    o.set("diverged", unit_.diverged());
    o.set("cost", unit_.ready() ? unit_.cost() : 0.0);
    return o;
  }

  // The completed epochs from index `since` on: { first, mistakes: Int32Array, cost: Float64Array }.
  val history(double since) const {
    std::int64_t from = 0;
    const std::string e = whole("since", since, from);
    if (!e.empty()) return val(e);
    std::vector<int> mistakes;
    std::vector<double> cost;
    std::int64_t first = -1;
    for (const auto& h : unit_.history()) {
      if (h.epoch < from) continue;
      if (first < 0) first = h.epoch;
      mistakes.push_back(h.mistakes);
      cost.push_back(h.cost);
    }
    val o = val::object();
    o.set("first", double(first < 0 ? unit_.epoch() : first));
    o.set("mistakes", ints(mistakes));
    o.set("cost", typed_array("Float64Array", cost.data(), cost.size()));
    return o;
  }

 private:
  bp::ClassicUnit unit_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_classic) {
  emscripten::function("mcCullochPittsTable", &mcculloch_pitts_js);
  emscripten::class_<ClassicUnit>("ClassicUnit")
      .constructor<>()
      .function("reset", &ClassicUnit::reset)
      .function("step", &ClassicUnit::step)
      .function("trainEpochs", &ClassicUnit::train_epochs)
      .function("state", &ClassicUnit::state)
      .function("history", &ClassicUnit::history);
}
