#include "backprop/descent.hpp"

#include <cmath>
#include <numeric>

#include "backprop/names.hpp"
#include "backprop/text.hpp"

namespace bp {
namespace {
constexpr Named<Surface> kSurfaces[] = {{Surface::LinearRegression, "linear_regression"},
                                        {Surface::SigmoidSquared, "sigmoid_squared"},
                                        {Surface::SigmoidCrossEntropy, "sigmoid_cross_entropy"},
                                        {Surface::Saddle, "saddle"},
                                        {Surface::TwoMinima, "two_minima"},
                                        {Surface::Bowl, "bowl"}};

double sigmoid(double z) { return z >= 0 ? 1 / (1 + std::exp(-z)) : std::exp(z) / (1 + std::exp(z)); }
double softplus(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

// The test functions' J and gradient.
double test_function(Surface s, double a, double b, double& ga, double& gb) {
  switch (s) {
    case Surface::Saddle:  // a saddle at (0, 0): a minimum along w0, a maximum along w1
      ga = 2 * a;
      gb = -2 * b;
      return a * a - b * b;
    case Surface::TwoMinima:  // minima near w0 = −1.05 (global, J ≈ −0.35) and 0.95 (local, J ≈ −0.15)
      ga = a * a * a - a + 0.1;
      gb = b;
      return a * a * a * a / 4 - a * a / 2 + 0.1 * a + b * b / 2;
    default:  // the bowl: curvature 1 along w0, 20 along w1
      ga = a;
      gb = 20 * b;
      return (a * a + 20 * b * b) / 2;
  }
}
}  // namespace

const char* surface_name(Surface s) { return name_of(kSurfaces, s); }
bool parse_surface(const std::string& name, Surface& out) { return parse_name(kSurfaces, name, out); }
std::vector<std::string> surface_names() { return names_of(kSurfaces); }
bool surface_has_data(Surface s) {
  return s == Surface::LinearRegression || s == Surface::SigmoidSquared || s == Surface::SigmoidCrossEntropy;
}

PointTerms point_terms(Surface s, double x, double t, double w0, double w1) {
  PointTerms p;
  p.z = w0 + w1 * x;
  if (s == Surface::LinearRegression) {
    p.h = p.z;
  } else {
    p.h = sigmoid(p.z);
    p.slope = p.h * (1 - p.h);
  }
  p.error = p.h - t;
  if (s == Surface::SigmoidCrossEntropy) {
    p.delta = p.error;                                      // the sigmoid's slope cancels against the log's derivative
    p.loss = t * softplus(-p.z) + (1 - t) * softplus(p.z);  // −t ln σ(z) − (1 − t) ln(1 − σ(z)), without overflow
  } else {
    p.delta = p.error * p.slope;
    p.loss = p.error * p.error / 2;
  }
  return p;
}

std::vector<PointTerms> surface_terms(Surface s, const DescentPoints& points, double w0, double w1) {
  std::vector<PointTerms> out;
  if (!surface_has_data(s)) return out;
  for (Index i = 0; i < points.x.size(); ++i) out.push_back(point_terms(s, points.x[i], points.t[i], w0, w1));
  return out;
}

double surface_loss(Surface s, const DescentPoints& points, double w0, double w1) {
  if (!surface_has_data(s)) {
    double ga = 0, gb = 0;
    return test_function(s, w0, w1, ga, gb);
  }
  const Index m = points.x.size();
  double total = 0;
  for (Index i = 0; i < m; ++i) total += point_terms(s, points.x[i], points.t[i], w0, w1).loss;
  return m ? total / double(m) : 0.0;
}

void surface_gradient(Surface s, const DescentPoints& points, const std::vector<int>& batch, double w0, double w1,
                      double& g0, double& g1) {
  g0 = g1 = 0;
  if (!surface_has_data(s)) {
    test_function(s, w0, w1, g0, g1);
    return;
  }
  const Index m = batch.empty() ? points.x.size() : Index(batch.size());
  for (Index k = 0; k < m; ++k) {
    const Index i = batch.empty() ? k : batch[std::size_t(k)];
    const double x = points.x[i], d = point_terms(s, x, points.t[i], w0, w1).delta;
    g0 += d;
    g1 += d * x;
  }
  if (m) {
    g0 /= double(m);
    g1 /= double(m);
  }
}

std::string Descent::reset(Surface surface, const TrainSettings& train, const DescentPoints& points, Scalar w0,
                           Scalar w1, std::uint32_t seed) {
  std::string e = check_train_settings(train);
  if (!e.empty()) return e;
  if (train.l1 != 0 || train.l2 != 0 || train.dropout != 0)
    return "L1, L2 and dropout do not apply here: set them to 0";
  if (!std::isfinite(w0) || !std::isfinite(w1)) return "the starting weights must be finite numbers";
  if (surface_has_data(surface)) {
    const Index m = points.x.size();
    if (m < 1 || m > kMaxDescentPoints)
      return "the model fits 1 to " + std::to_string(kMaxDescentPoints) + " points (got " + std::to_string(m) + ")";
    if (points.t.size() != m)
      return "one target per point: " + std::to_string(m) + " points, " + std::to_string(points.t.size()) + " targets";
    if (!points.x.allFinite() || !points.t.allFinite()) return "every point must be finite numbers";
    if (surface != Surface::LinearRegression)
      for (Index i = 0; i < m; ++i)
        if (points.t[i] < 0 || points.t[i] > 1)
          return "the sigmoid neuron's targets are between 0 and 1 (point " + std::to_string(i) + " has " +
                 format_number(points.t[i]) + ")";
  }
  surface_ = surface;
  train_ = train;
  points_ = surface_has_data(surface) ? points : DescentPoints{};
  weights_ = Vector(2);
  weights_ << w0, w1;
  optimizer_.resize(2);
  order_.resize(std::size_t(points_.x.size()));
  std::iota(order_.begin(), order_.end(), 0);
  rng_ = Rng(seed, 7);
  rng_.shuffle(order_);
  position_ = 0;
  steps_ = epoch_ = 0;
  path_.clear();
  path_loss_.clear();
  ready_ = true;
  record();
  return "";
}

std::string Descent::set_settings(const TrainSettings& train) {
  std::string e = check_train_settings(train);
  if (!e.empty()) return e;
  if (train.l1 != 0 || train.l2 != 0 || train.dropout != 0)
    return "L1, L2 and dropout do not apply here: set them to 0";
  if (train.optimizer != train_.optimizer) optimizer_.clear();
  train_ = train;
  return "";
}

Scalar Descent::current_learning_rate() const { return decayed_learning_rate(train_, epoch_); }

double Descent::loss() const { return surface_loss(surface_, points_, weights_[0], weights_[1]); }
void Descent::gradient(double& g0, double& g1) const {
  surface_gradient(surface_, points_, {}, weights_[0], weights_[1], g0, g1);
}

void Descent::record() {
  path_.push_back(weights_[0]);
  path_.push_back(weights_[1]);
  path_loss_.push_back(loss());
}

// The next batch_size points of the epoch order (never past its end); a new shuffled order after.
std::vector<int> Descent::next_batch() {
  if (order_.empty()) return {};
  const Index count = std::min<Index>(train_.batch_size, Index(order_.size()) - position_);
  std::vector<int> batch(order_.begin() + position_, order_.begin() + position_ + count);
  position_ += count;
  return batch;
}

std::string Descent::step(DescentStep& out) {
  if (!ready_) return "nothing to minimise yet: reset first";
  if (diverged())
    return "the weights are no longer finite numbers (the learning rate is too large): reset to start again";
  if (steps_ >= kMaxDescentSteps)
    return "a run has at most " + std::to_string(kMaxDescentSteps) + " steps: reset to start again";
  out.step = steps_;
  out.epoch = epoch_;
  out.batch = next_batch();
  out.weights = weights_;
  out.loss_before = path_loss_.back();
  out.learning_rate = current_learning_rate();
  double g0 = 0, g1 = 0;
  surface_gradient(surface_, points_, out.batch, weights_[0], weights_[1], g0, g1);
  out.gradient = Vector(2);
  out.gradient << Scalar(g0), Scalar(g1);
  optimizer_.step(train_, out.learning_rate, out.gradient, weights_);
  out.update = weights_ - out.weights;
  steps_ += 1;
  if (order_.empty() || position_ == Index(order_.size())) {  // an epoch ends: a new order
    epoch_ += 1;
    position_ = 0;
    rng_.shuffle(order_);
  }
  record();
  out.loss_after = path_loss_.back();
  return "";
}

std::string Descent::run(std::int64_t steps) {
  if (steps < 0 || steps > kMaxDescentSteps)
    return "steps must be between 0 and " + std::to_string(kMaxDescentSteps) + " (got " + std::to_string(steps) + ")";
  DescentStep s;
  for (std::int64_t k = 0; k < steps; ++k) {
    if (k > 0 && diverged()) break;  // said by diverged(); the next call is refused
    std::string e = step(s);
    if (!e.empty()) return e;
  }
  return "";
}

std::string Descent::grid(double lo0, double hi0, double lo1, double hi1, int n, std::vector<double>& out) const {
  if (!ready_) return "nothing to draw yet: reset first";
  if (n < 2 || n > kMaxDescentGrid)
    return "the grid has 2 to " + std::to_string(kMaxDescentGrid) + " points a side (got " + std::to_string(n) + ")";
  if (!std::isfinite(lo0) || !std::isfinite(hi0) || !std::isfinite(lo1) || !std::isfinite(hi1) || !(lo0 < hi0) ||
      !(lo1 < hi1))
    return "the grid's ranges must be finite with low < high";
  out.resize(std::size_t(n) * std::size_t(n));
  for (int r = 0; r < n; ++r) {
    const double w1 = hi1 - r * (hi1 - lo1) / (n - 1);
    for (int c = 0; c < n; ++c)
      out[std::size_t(r) * n + c] = surface_loss(surface_, points_, lo0 + c * (hi0 - lo0) / (n - 1), w1);
  }
  return "";
}

}  // namespace bp
