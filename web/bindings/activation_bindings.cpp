// Embind bindings for the activation lab (core/include/backprop/activation.hpp): the activations' names and
// properties, f and f' on given z, softmax of one vector, the chain rule's running products. Free
// functions, no state. Type translation only: each returns its data or an error string, turned
// into an EngineError by web/engine.js.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "backprop/activation.hpp"
#include "js_values.hpp"

using emscripten::val;
using namespace bp::js;

namespace {

bp::ActivationParams params_of(double leaky_slope, double elu_alpha) {
  bp::ActivationParams p;
  p.leaky_slope = static_cast<bp::Scalar>(leaky_slope);
  p.elu_alpha = static_cast<bp::Scalar>(elu_alpha);
  return p;
}

// A JS array of numbers, its length checked before anything is copied (the core checks the values).
std::string read_doubles(const char* name, const val& v, int most, std::vector<double>& out) {
  double n = 0;
  if (!array_length(v, n)) return std::string(name) + " must be an array of numbers";
  if (n < 1 || n > most)
    return std::string(name) + " must have 1 to " + std::to_string(most) + " numbers (got " + length_text(n) + ")";
  out = emscripten::convertJSArrayToNumberVector<double>(v);
  return "";
}

val doubles(const std::vector<double>& v) { return typed_array("Float64Array", v.data(), v.size()); }

// [{ name, formula, derivative, cost, low, high, lowOpen, highOpen, twoValued, zeroCentred,
//   negativeOutputs, saturatesLow, saturatesHigh, maxSlope, maxSlopeAt, smooth }], ±Infinity for
// an unbounded end.
val activation_properties_js(double leaky_slope, double elu_alpha) {
  std::vector<bp::ActivationProperties> table;
  const std::string e = bp::activation_properties(params_of(leaky_slope, elu_alpha), table);
  if (!e.empty()) return val(e);
  val out = val::array();
  for (const auto& r : table) {
    val o = val::object();
    o.set("name", std::string(bp::activation_name(r.f)));
    o.set("formula", std::string(r.formula));
    o.set("derivative", std::string(r.derivative));
    o.set("cost", std::string(r.cost));
    o.set("low", r.low);
    o.set("high", r.high);
    o.set("lowOpen", r.low_open);
    o.set("highOpen", r.high_open);
    o.set("twoValued", r.two_valued);
    o.set("zeroCentred", r.zero_centred);
    o.set("negativeOutputs", r.negative_outputs);
    o.set("saturatesLow", r.saturates_low);
    o.set("saturatesHigh", r.saturates_high);
    o.set("maxSlope", r.max_slope);
    o.set("maxSlopeAt", r.max_slope_at);
    o.set("smooth", r.smooth);
    out.call<void>("push", o);
  }
  return out;
}

// { f: Float64Array, df: Float64Array } at each z.
val activation_curve_js(const std::string& name, const val& zs, double leaky_slope, double elu_alpha) {
  bp::Activation f{};
  if (!bp::parse_activation(name, f)) return val("unknown activation '" + name + "'");
  std::vector<double> z, value, slope;
  std::string e = read_doubles("z", zs, bp::kMaxCurvePoints, z);
  if (e.empty()) e = bp::activation_curve(f, params_of(leaky_slope, elu_alpha), z, value, slope);
  if (!e.empty()) return val(e);
  val o = val::object();
  o.set("f", doubles(value));
  o.set("df", doubles(slope));
  return o;
}

val softmax_js(const val& logits) {
  std::vector<double> z, out;
  std::string e = read_doubles("logits", logits, bp::kMaxLogits, z);
  if (e.empty()) e = bp::softmax_of(z, out);
  return e.empty() ? doubles(out) : val(e);
}

// `paths`: an array of arrays of local derivatives. { running: [Float64Array per path], total }.
val chain_products_js(const val& paths) {
  double n = 0;
  if (!array_length(paths, n) || n < 1 || n > bp::kMaxChainPaths)
    return val("paths must be an array of 1 to " + std::to_string(bp::kMaxChainPaths) + " arrays of numbers");
  std::vector<std::vector<double>> factors(static_cast<std::size_t>(n));
  for (std::size_t k = 0; k < factors.size(); ++k) {
    const std::string name = "paths[" + std::to_string(k) + "]";
    const std::string e = read_doubles(name.c_str(), paths[k], bp::kMaxChainFactors, factors[k]);
    if (!e.empty()) return val(e);
  }
  bp::ChainProducts c;
  const std::string e = bp::chain_products(factors, c);
  if (!e.empty()) return val(e);
  val running = val::array();
  for (const auto& r : c.running) running.call<void>("push", doubles(r));
  val o = val::object();
  o.set("running", running);
  o.set("total", c.total);
  return o;
}

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_activation) {
  emscripten::function("activationNames",
                       emscripten::optional_override([]() { return names_to_js(bp::activation_names()); }));
  emscripten::function("activationProperties", &activation_properties_js);
  emscripten::function("activationCurve", &activation_curve_js);
  emscripten::function("softmax", &softmax_js);
  emscripten::function("chainProducts", &chain_products_js);
}
