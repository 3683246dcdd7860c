#include "backprop/activation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "backprop/names.hpp"
#include "backprop/text.hpp"

namespace bp {
namespace {
constexpr Named<Activation> kActivations[] = {
    {Activation::Linear, "linear"}, {Activation::Step, "step"},         {Activation::Sigmoid, "sigmoid"},
    {Activation::Tanh, "tanh"},     {Activation::Relu, "relu"},         {Activation::LeakyRelu, "leaky_relu"},
    {Activation::Elu, "elu"},       {Activation::Softplus, "softplus"}, {Activation::Abs, "abs"},
    {Activation::Gelu, "gelu"},     {Activation::Swish, "swish"},       {Activation::Prelu, "prelu"},
    {Activation::Maxout, "maxout"}, {Activation::Softmax, "softmax"},
};
}  // namespace

const char* activation_name(Activation f) { return name_of(kActivations, f); }
std::vector<std::string> activation_names() { return names_of(kActivations); }

bool parse_activation(const std::string& name, Activation& out) { return parse_name(kActivations, name, out); }

bool hidden_only(Activation f) {
  return f == Activation::Abs || f == Activation::Gelu || f == Activation::Swish || f == Activation::Prelu ||
         f == Activation::Maxout;
}

std::vector<std::string> output_activation_names() {
  std::vector<std::string> out;
  for (const auto& n : kActivations)
    if (!hidden_only(n.value)) out.push_back(n.name);
  return out;
}

Scalar activation_low_target(Activation f) { return f == Activation::Tanh ? Scalar(-1) : Scalar(0); }

std::string check_activation_params(const ActivationParams& p) {
  std::string e = check_range("leaky ReLU slope", p.leaky_slope, 0, 1, false, true);
  if (e.empty()) e = check_range("ELU alpha", p.elu_alpha, 0, 10, true, false);
  if (e.empty() && (p.maxout_pieces < kMinMaxoutPieces || p.maxout_pieces > kMaxMaxoutPieces))
    e = "maxout pieces must be between " + std::to_string(kMinMaxoutPieces) + " and " +
        std::to_string(kMaxMaxoutPieces) + " (got " + std::to_string(p.maxout_pieces) + ")";
  return e;
}

// ---- the activation lab ----
namespace {

// What the code cannot measure about itself: how each function is written and what it costs.
struct Description {
  Activation f;
  const char* formula;
  const char* derivative;
  const char* cost;
};
constexpr Description kDescriptions[] = {
    {Activation::Linear, "z", "1", "none"},
    {Activation::Step, "1 if z > 0, else 0", "0 (a jump at 0)", "comparison"},
    {Activation::Sigmoid, "1 / (1 + e^−z)", "σ(z)(1 − σ(z))", "exp"},
    {Activation::Tanh, "2σ(2z) − 1", "1 − tanh²(z)", "exp"},
    {Activation::Relu, "max(0, z)", "1 if z > 0, else 0", "comparison"},
    {Activation::LeakyRelu, "z if z > 0, else a·z", "1 if z > 0, else a", "comparison"},
    {Activation::Elu, "z if z > 0, else α(e^z − 1)", "1 if z > 0, else α·e^z", "exp"},
    {Activation::Softplus, "ln(1 + e^z)", "σ(z)", "exp + log"},
    {Activation::Abs, "|z|", "−1 if z < 0, 1 if z > 0 (0 at 0)", "comparison"},
    {Activation::Gelu, "z·Φ(z), Φ the standard normal CDF (exact, with erf)", "Φ(z) + z·φ(z)", "erf + exp"},
    {Activation::Swish, "z·σ(z)", "σ(z)(1 + z(1 − σ(z)))", "exp"},
    {Activation::Prelu, "z if z > 0, else aᵢ·z (aᵢ learned per unit; 0.25 here, where every unit starts)",
     "1 if z > 0, else aᵢ", "comparison"},
};

// f and f' at each z in Scalar, through the network's code paths (z already checked).
void evaluate(Activation f, const ActivationParams& p, const std::vector<double>& z, std::vector<double>& value,
              std::vector<double>& slope) {
  const Index n = Index(z.size());
  Matrix zm(n, 1), a(n, 1), g(n, 1);
  for (Index i = 0; i < n; ++i) zm(i, 0) = static_cast<Scalar>(z[std::size_t(i)]);
  activate(f, p, zm, a);
  activate_grad(f, p, zm, a, g);
  value.assign(a.data(), a.data() + n);
  slope.assign(g.data(), g.data() + n);
}
double value_at(Activation f, const ActivationParams& p, double z) {
  std::vector<double> v, g;
  evaluate(f, p, {z}, v, g);
  return v[0];
}
double slope_at(Activation f, const ActivationParams& p, double z) {
  std::vector<double> v, g;
  evaluate(f, p, {z}, v, g);
  return g[0];
}

// "" when every value is finite in Scalar too (1e300 is finite in double but inf in float).
std::string check_values(const char* name, const std::vector<double>& v, int most) {
  if (v.empty() || v.size() > std::size_t(most))
    return std::string(name) + " must have 1 to " + std::to_string(most) + " numbers (got " + std::to_string(v.size()) +
           ")";
  for (std::size_t i = 0; i < v.size(); ++i)
    if (!std::isfinite(static_cast<Scalar>(v[i])))
      return std::string(name) + "[" + std::to_string(i) + "] must be a finite number" +
             (std::isfinite(v[i]) ? " within the core's float range" : "") + " (got " + format_number(v[i]) + ")";
  return "";
}

// f's limit on one side (direction -1 or +1): f at |z| = 1e15 and 1e30. Every bounded end here is
// at most 10 in size and reached long before 1e15 (in Scalar); an end where f still moves between
// the two is unbounded.
double limit(Activation f, const ActivationParams& p, double direction) {
  const double near = value_at(f, p, direction * 1e15), far = value_at(f, p, direction * 1e30);
  if (near == far) return far + 0.0;  // -0 (ReLU's 0 * -1e30) as 0
  return far > near ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
}

// On the grid z (step h), `values` (f, or f' when of_slope) is best at `at` (largest for sign +1,
// smallest for -1). When both grid neighbours are strictly worse, the extreme lies between them:
// at the vertex of the parabola through the three points, taken when f (or f') is better there.
// (A parabola rather than a finer search: in float the top of a peak is flat to rounding noise.)
void refine(Activation f, const ActivationParams& p, const std::vector<double>& z, const std::vector<double>& values,
            bool of_slope, double sign, double& best, double& at) {
  const auto i = std::size_t(std::lower_bound(z.begin(), z.end(), at) - z.begin());
  if (i == 0 || i + 1 >= z.size() || z[i] != at) return;
  const double lo = values[i - 1], hi = values[i + 1], h = z[i + 1] - z[i];
  if (!(sign * lo < sign * best && sign * hi < sign * best)) return;
  const double vertex = at - h * (hi - lo) / (2 * (hi - 2 * best + lo));
  std::vector<double> v, g;
  evaluate(f, p, {vertex}, v, g);
  const double there = of_slope ? g[0] : v[0];
  if (sign * there > sign * best) best = there, at = vertex;
}

ActivationProperties measure(const Description& d, const ActivationParams& p) {
  ActivationProperties r;
  r.f = d.f;
  r.formula = d.formula;
  r.derivative = d.derivative;
  r.cost = d.cost;
  // The ends from f's limits on both sides (|z| grows on both; the others rise from left to right).
  const double left = limit(d.f, p, -1), right = limit(d.f, p, +1);
  r.low = std::min(left, right);
  r.high = std::max(left, right);
  // A finite end is closed when f takes it on a flat piece: these functions do so by z = -+1 if at all.
  r.low_open = !std::isfinite(r.low) || value_at(d.f, p, left <= right ? -1 : 1) != r.low;
  r.high_open = !std::isfinite(r.high) || value_at(d.f, p, left <= right ? 1 : -1) != r.high;
  // Saturating: f' has died out far along that side (sigmoid' is 0 in Scalar long before 1e15).
  r.saturates_low = std::abs(slope_at(d.f, p, -1e15)) <= 1e-12;
  r.saturates_high = std::abs(slope_at(d.f, p, 1e15)) <= 1e-12;

  std::vector<double> z, v, g;
  for (int k = -40 * 256; k <= 40 * 256; ++k) z.push_back(k / 256.0);
  evaluate(d.f, p, z, v, g);
  r.zero_centred = true;
  for (std::size_t i = 0; i < z.size(); ++i) {
    const std::size_t mirror = z.size() - 1 - i;  // z[mirror] = -z[i]
    if (std::abs(v[i] + v[mirror]) > 1e-6 * (1 + std::abs(v[i]))) r.zero_centred = false;
    if (v[i] < 0) r.negative_outputs = true;
    const bool nearer = g[i] == r.max_slope && std::abs(z[i]) < std::abs(r.max_slope_at);
    if (g[i] > r.max_slope || nearer) r.max_slope = g[i], r.max_slope_at = z[i];
  }
  // A peak of f' strictly between grid points (GELU's at sqrt 2, swish's near 2.4) is found to
  // 1/65536 around the best grid point; a peak at a grid point or on a flat stays where it is.
  refine(d.f, p, z, g, true, +1, r.max_slope, r.max_slope_at);
  // A minimum (or maximum) inside, below (above) both limits, is an end f takes: GELU's and swish's
  // dips below 0, |z|'s 0; refined the same way.
  double lowest = r.low, lowest_at = 0, highest = r.high, highest_at = 0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    if (v[i] < lowest) lowest = v[i], lowest_at = z[i];
    if (v[i] > highest) highest = v[i], highest_at = z[i];
  }
  if (lowest < r.low) {
    refine(d.f, p, z, v, false, -1, lowest, lowest_at);
    r.low = lowest + 0.0, r.low_open = false;  // + 0.0: |z|'s -0 as 0
  }
  if (highest > r.high) {
    refine(d.f, p, z, v, false, +1, highest, highest_at);
    r.high = highest, r.high_open = false;
  }
  r.two_valued = r.max_slope == 0 && r.low != r.high;
  // Differentiable at the seam z = 0: no jump in f or f' across +-1e-6. Near 0 every slope here is
  // at most 10 (ELU's alpha) and so is |f''|, so a smooth function moves by 2e-5 at most; 1e-4 is a jump.
  const double e = 1e-6, tol = 1e-4;
  r.smooth = std::abs(value_at(d.f, p, e) - value_at(d.f, p, -e)) <= tol &&
             std::abs(slope_at(d.f, p, e) - slope_at(d.f, p, -e)) <= tol;
  return r;
}

}  // namespace

std::string activation_properties(const ActivationParams& p, std::vector<ActivationProperties>& out) {
  out.clear();
  const std::string e = check_activation_params(p);
  if (!e.empty()) return e;
  for (const Description& d : kDescriptions) out.push_back(measure(d, p));
  return "";
}

std::string activation_curve(Activation f, const ActivationParams& p, const std::vector<double>& z,
                             std::vector<double>& value, std::vector<double>& slope) {
  value.clear();
  slope.clear();
  if (f == Activation::Softmax) return "softmax is not elementwise: use softmax of a vector of logits";
  if (f == Activation::Maxout) return "maxout is not elementwise: each unit takes the largest of its k pieces";
  std::string e = check_activation_params(p);
  if (e.empty()) e = check_values("z", z, kMaxCurvePoints);
  if (e.empty()) evaluate(f, p, z, value, slope);
  return e;
}

std::string softmax_of(const std::vector<double>& logits, std::vector<double>& out) {
  out.clear();
  const std::string e = check_values("logits", logits, kMaxLogits);
  if (!e.empty()) return e;
  const Index n = Index(logits.size());
  Matrix z(n, 1), a(n, 1);
  for (Index i = 0; i < n; ++i) z(i, 0) = static_cast<Scalar>(logits[std::size_t(i)]);
  activate(Activation::Softmax, ActivationParams(), z, a);
  out.assign(a.data(), a.data() + n);
  return "";
}

std::string chain_products(const std::vector<std::vector<double>>& paths, ChainProducts& out) {
  out = ChainProducts();
  if (paths.empty() || paths.size() > std::size_t(kMaxChainPaths))
    return "the chain rule takes 1 to " + std::to_string(kMaxChainPaths) + " paths (got " +
           std::to_string(paths.size()) + ")";
  for (std::size_t k = 0; k < paths.size(); ++k) {
    const std::string name = "paths[" + std::to_string(k) + "]";
    const std::string e = check_values(name.c_str(), paths[k], kMaxChainFactors);
    if (!e.empty()) return e;
  }
  for (const auto& path : paths) {
    std::vector<double> running;
    double product = 1;
    for (double factor : path) running.push_back(product *= factor);  // dL/d(this node) = upstream x local
    out.total += product;
    out.running.push_back(std::move(running));
  }
  return "";
}

}  // namespace bp
