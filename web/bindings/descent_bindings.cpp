// Embind bindings for gradient descent on two-parameter losses (core/include/backprop/descent.hpp): class Descent
// wrapping one bp::Descent. Its optimiser settings are the playground's training settings, read
// under the same keys through the schema (settings_js.hpp). Type translation only: calls return ""
// or an error string, or their data or an error string, turned into Errors by web/engine.js.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "backprop/descent.hpp"
#include "js_values.hpp"
#include "settings_js.hpp"

using emscripten::val;
using namespace bp::js;

namespace {

// The training settings of `o` (learningRate, batchSize, optimizer, momentum, beta1, beta2,
// epsilon, decay, decayRate, decaySteps; L1, L2 and dropout stay 0) on top of `base`.
std::string read_train(const val& o, const bp::TrainSettings& base, bp::TrainSettings& out) {
  bp::Settings s;
  s.train = base;
  bp::Settings read;
  std::string e = read_settings(o, s, read);
  if (e.empty()) out = read.train;
  return e;
}

std::string read_points(const val& x, const val& t, bp::DescentPoints& p) {
  double nx = 0, nt = 0;
  if (!array_length(x, nx) || !array_length(t, nt)) return "points: x and t must be arrays of numbers";
  if (nx > bp::kMaxDescentPoints || nt > bp::kMaxDescentPoints)
    return "the model fits 1 to " + std::to_string(bp::kMaxDescentPoints) + " points (got " + length_text(nx) + ")";
  const auto xs = emscripten::convertJSArrayToNumberVector<float>(x);
  const auto ts = emscripten::convertJSArrayToNumberVector<float>(t);
  p.x = Eigen::Map<const bp::Vector>(xs.data(), bp::Index(xs.size()));
  p.t = Eigen::Map<const bp::Vector>(ts.data(), bp::Index(ts.size()));
  return "";
}

val step_to_js(const bp::DescentStep& s) {
  val o = val::object();
  o.set("step", double(s.step));
  o.set("epoch", double(s.epoch));
  o.set("batch", ints(s.batch));
  o.set("weights", floats(s.weights));
  o.set("gradient", floats(s.gradient));
  o.set("learningRate", s.learning_rate);
  o.set("update", floats(s.update));
  o.set("lossBefore", s.loss_before);
  o.set("lossAfter", s.loss_after);
  return o;
}

class Descent {
 public:
  // `surface` by name; `settings` the training settings (partial: the rest keep their defaults);
  // x, t the points (ignored by the test functions); the start (w0, w1); `seed` the epoch order.
  std::string reset(const std::string& surface, const val& settings, const val& x, const val& t, float w0, float w1,
                    double seed) {
    bp::Surface s{};
    if (!bp::parse_surface(surface, s)) return "unknown surface '" + surface + "'";
    bp::TrainSettings train;
    std::string e = read_train(settings, bp::TrainSettings{}, train);
    bp::DescentPoints points;
    if (e.empty() && bp::surface_has_data(s)) e = read_points(x, t, points);
    std::uint32_t order_seed = 1;
    if (e.empty()) e = seed_from(seed, order_seed);
    if (e.empty()) e = descent_.reset(s, train, points, w0, w1, order_seed);
    if (e.empty()) current_train_ = train;
    return e;
  }
  // The optimiser settings mid-run (a partial object changes only the keys it names).
  std::string set_settings(const val& settings) {
    bp::TrainSettings train;
    std::string e = read_train(settings, current_train_, train);
    if (e.empty()) e = descent_.set_settings(train);
    if (e.empty()) current_train_ = train;
    return e;
  }

  val step() {
    bp::DescentStep s;
    const std::string e = descent_.step(s);
    return e.empty() ? step_to_js(s) : val(e);
  }
  std::string run(double n) {
    std::int64_t k = 0;
    const std::string e = whole("steps", n, k);
    return e.empty() ? descent_.run(k) : e;
  }

  val state() const {
    val o = val::object();
    o.set("surface", std::string(bp::surface_name(descent_.surface())));
    o.set("weights", floats(descent_.weights()));
    o.set("steps", double(descent_.steps()));
    o.set("epoch", double(descent_.epoch()));
    o.set("learningRate", descent_.current_learning_rate());
    o.set("loss", descent_.ready() ? descent_.loss() : 0.0);
    double g0 = 0, g1 = 0;
    if (descent_.ready()) descent_.gradient(g0, g1);
    const double gradient[] = {g0, g1};
    o.set("gradient", typed_array("Float64Array", gradient, 2));
    o.set("diverged", descent_.diverged());
    return o;
  }
  // Each point's terms at the current weights (empty for the test functions).
  val terms() const {
    val out = val::array();
    for (const bp::PointTerms& p : descent_.terms()) {
      val o = val::object();
      o.set("z", p.z);
      o.set("h", p.h);
      o.set("error", p.error);
      o.set("slope", p.slope);
      o.set("delta", p.delta);
      o.set("loss", p.loss);
      out.call<void>("push", o);
    }
    return out;
  }
  // The path from the start: { weights: Float32Array (w0, w1 interleaved), loss: Float64Array }.
  val path() const {
    val o = val::object();
    o.set("weights", typed_array("Float32Array", descent_.path().data(), descent_.path().size()));
    o.set("loss", typed_array("Float64Array", descent_.path_loss().data(), descent_.path_loss().size()));
    return o;
  }
  val grid(double lo0, double hi0, double lo1, double hi1, double n) const {
    std::int64_t side = 0;
    std::string e = whole("grid size", n, side);
    if (e.empty() && (side < 2 || side > bp::kMaxDescentGrid))
      e = "the grid has 2 to " + std::to_string(bp::kMaxDescentGrid) + " points a side (got " + std::to_string(side) +
          ")";
    std::vector<double> values;
    if (e.empty()) e = descent_.grid(lo0, hi0, lo1, hi1, int(side), values);
    return e.empty() ? typed_array("Float64Array", values.data(), values.size()) : val(e);
  }

 private:
  bp::Descent descent_;
  bp::TrainSettings current_train_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_descent) {
  emscripten::function("surfaceNames",
                       emscripten::optional_override([]() { return names_to_js(bp::surface_names()); }));
  emscripten::class_<Descent>("Descent")
      .constructor<>()
      .function("reset", &Descent::reset)
      .function("setSettings", &Descent::set_settings)
      .function("step", &Descent::step)
      .function("run", &Descent::run)
      .function("state", &Descent::state)
      .function("terms", &Descent::terms)
      .function("path", &Descent::path)
      .function("grid", &Descent::grid);
}
