// Seeded 2-D data generators (in the spirit of TensorFlow Playground), the 1-D x -> y curves,
// dataset validation, and the train/validation/test split. Maths is done in double and stored as Scalar, drawing only
// from bp::Rng, so a seed gives the same points natively and in wasm. Not here: feature maps beyond the inline template
// in dataset.hpp, batching, or any training. No exceptions (the wasm build has none): every error comes back as a
// message string.
#include "backprop/dataset.hpp"

#include "backprop/names.hpp"
#include "backprop/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "backprop/rng.hpp"

namespace bp {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kDom = static_cast<double>(kDomain);

constexpr Named<DatasetKind> kKinds[] = {
    {DatasetKind::Xor, "xor"},
    {DatasetKind::Circles, "circles"},
    {DatasetKind::Gaussians, "gaussians"},
    {DatasetKind::Spiral, "spiral"},
    {DatasetKind::Moons, "moons"},
    {DatasetKind::Blobs, "blobs"},
    {DatasetKind::MultiSpiral, "multi_spiral"},
    {DatasetKind::Plane, "plane"},
    {DatasetKind::MultiGaussian, "multi_gaussian"},
    {DatasetKind::Custom, "custom"},
    {DatasetKind::Sine, "sine"},
    {DatasetKind::Step, "step"},
    {DatasetKind::Abs, "abs"},
    {DatasetKind::Bump, "bump"},
    {DatasetKind::Curve, "curve"},
};

constexpr Named<Feature> kFeatures[] = {
    {Feature::X1, "x1"},      {Feature::X2, "x2"},        {Feature::X1Squared, "x1^2"}, {Feature::X2Squared, "x2^2"},
    {Feature::X1X2, "x1*x2"}, {Feature::SinX1, "sin_x1"}, {Feature::SinX2, "sin_x2"},
};

bool is_known(DatasetKind kind) {
  for (const auto& k : kKinds)
    if (k.value == kind) return true;
  return false;
}

bool multiclass_kind(DatasetKind kind) { return kind == DatasetKind::Blobs || kind == DatasetKind::MultiSpiral; }

double clamp_domain(double v) { return std::min(kDom, std::max(-kDom, v)); }
double clamp_unit(double v) { return std::min(1.0, std::max(-1.0, v)); }

// Balanced labels: point i belongs to class i % K, so every class gets n / K points and the first
// n % K classes one more. Within its class, point i is number i / K (used to walk along a curve).
int class_of(int i, int k) { return i % k; }
int rank_in_class(int i, int k) { return i / k; }
int class_count(int n, int k, int c) { return n / k + (c < n % k ? 1 : 0); }

// Every generator fills x1, x2 (unclamped) and label for point i; the caller clamps and stores.
struct Point {
  double x1, x2, label;
};

// XOR: class 1 in the (+,+) and (-,-) quadrants, class 0 in the mixed ones. A gap of `pad` around
// both axes keeps noise-0 data strictly separable. Noise moves points (not labels) by up to half
// the domain, so at noise 1 many points land in a quadrant of the other class.
Point xor_point(Rng& rng, int label, double noise) {
  const double pad = 0.3;
  const double a = rng.uniform(pad, kDom - pad), b = rng.uniform(pad, kDom - pad);
  const bool flip = rng.below(2) == 1;  // which of the class's two quadrants
  const double sx = flip ? -1.0 : 1.0;
  const double sy = (label == 1) ? sx : -sx;  // same sign <=> class 1
  const double jitter = 0.5 * kDom * noise;
  return {sx * a + rng.uniform(-jitter, jitter), sy * b + rng.uniform(-jitter, jitter), double(label)};
}

// Circles: class 1 fills the disc r < 2.5, class 0 the ring 3.5 < r < 5.5 (area-uniform via sqrt).
// Gaussian jitter with sd 1.2 * noise: at noise 1 it exceeds the 1.0-wide gap between them.
Point circles_point(Rng& rng, int label, double noise) {
  const double r_in = 2.5, r_ring_lo = 3.5, r_ring_hi = 5.5;
  const double r = (label == 1) ? r_in * std::sqrt(rng.uniform())
                                : std::sqrt(rng.uniform(r_ring_lo * r_ring_lo, r_ring_hi * r_ring_hi));
  const double t = rng.uniform(0.0, 2.0 * kPi);
  const double sd = 1.2 * noise;
  return {r * std::cos(t) + rng.normal(0.0, sd), r * std::sin(t) + rng.normal(0.0, sd), double(label)};
}

// Two Gaussians: class 1 at (2, 2), class 0 at (-2, -2). The centres are 2.83 from the boundary
// x1 + x2 = 0: sd 0.5 at noise 0 (5.7 sd away), 2.5 at noise 1 (about 1 sd, heavy overlap).
Point gaussians_point(Rng& rng, int label, double noise) {
  const double c = (label == 1) ? 2.0 : -2.0;
  const double sd = 0.5 + 2.0 * noise;
  return {rng.normal(c, sd), rng.normal(c, sd), double(label)};
}

// Spiral arms: arm c is the curve r = r0 + f * span, angle = f * turns * 2pi + c * 2pi / K, with
// the class's points spread evenly along f in [0, 1). Arms are curves, so noise-0 data is
// separable. Jitter sd is half the radial gap between neighbouring arms at noise 1, blurring them
// together.
Point spiral_point(Rng& rng, int label, int rank, int count, int k, double turns, double noise) {
  const double r0 = 0.5, span = 5.0;
  const double f = count > 1 ? double(rank) / double(count) : 0.0;
  const double r = r0 + f * span;
  const double t = f * turns * 2.0 * kPi + label * 2.0 * kPi / k;
  const double arm_gap = span / (turns * k);
  const double sd = 0.5 * arm_gap * noise;
  return {r * std::cos(t) + rng.normal(0.0, sd), r * std::sin(t) + rng.normal(0.0, sd), double(label)};
}

// Moons: the classic pair of interleaving half circles, class 0 the upper arch (cos t, sin t) and
// class 1 the lower (1 - cos t, 0.5 - sin t), t in [0, pi]; centred and scaled by 3.6 so they span
// about [-5.4, 5.4] x [-2.7, 2.7]. Jitter sd 0.35 (in unit-moon terms) at noise 1 overlaps them.
Point moons_point(Rng& rng, int label, double noise) {
  const double scale = 3.6;
  const double t = rng.uniform(0.0, kPi);
  double x = std::cos(t), y = std::sin(t);
  if (label == 1) {
    x = 1.0 - x;
    y = 0.5 - y;
  }
  const double sd = 0.35 * noise;
  x += rng.normal(0.0, sd) - 0.5;   // centre the pair: x in [-1, 2] -> [-1.5, 1.5]
  y += rng.normal(0.0, sd) - 0.25;  // y in [-0.5, 1] -> [-0.75, 0.75]
  return {scale * x, scale * y, double(label)};
}

// Blobs: K Gaussian clusters with centres evenly on a circle of radius 4 (first one at the top).
// sd is a fraction of the distance between neighbouring centres, so K = 3 and K = 8 look alike:
// 0.1 of it at noise 0 (5 sd to the midpoint), 0.45 at noise 1 (about 1 sd, overlapping).
Point blobs_point(Rng& rng, int label, int k, double noise) {
  const double radius = 4.0;
  const double a = kPi / 2 + 2.0 * kPi * label / k;
  const double neighbour = 2.0 * radius * std::sin(kPi / k);
  const double sd = neighbour * (0.1 + 0.35 * noise);
  return {rng.normal(radius * std::cos(a), sd), rng.normal(radius * std::sin(a), sd), double(label)};
}

// Regression targets are kept in [-1, 1]; noise adds Gaussian error of sd 0.3 * noise, then clamps.
double noisy_target(Rng& rng, double clean, double noise) { return clamp_unit(clean + rng.normal(0.0, 0.3 * noise)); }

// Plane: a linear ramp, -1 at (-6, -6) up to +1 at (6, 6).
Point plane_point(Rng& rng, double noise) {
  const double x = rng.uniform(-kDom, kDom), y = rng.uniform(-kDom, kDom);
  return {x, y, noisy_target(rng, (x + y) / (2.0 * kDom), noise)};
}

// Multi-Gaussian: six bumps of alternating sign on a 3 x 2 grid (sd 1.6, peaks at +-1). They are
// 4+ apart, so the summed surface stays in [-1, 1] up to rounding (and is clamped anyway).
Point multi_gaussian_point(Rng& rng, double noise) {
  struct Bump {
    double x, y, sign;
  };
  static constexpr Bump kBumps[] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                    {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  const double sd = 1.6;
  const double x = rng.uniform(-kDom, kDom), y = rng.uniform(-kDom, kDom);
  double v = 0;
  for (const auto& b : kBumps) {
    const double d2 = (x - b.x) * (x - b.x) + (y - b.y) * (y - b.y);
    v += b.sign * std::exp(-d2 / (2.0 * sd * sd));
  }
  return {x, y, noisy_target(rng, clamp_unit(v), noise)};
}

// A 1-D set: x uniform over the domain, y its curve plus the regression sets' noise.
Point curve_point(Rng& rng, DatasetKind kind, double noise) {
  const double x = rng.uniform(-kDom, kDom);
  return {x, 0.0, noisy_target(rng, curve_value(kind, x), noise)};
}

}  // namespace

double curve_value(DatasetKind kind, double x) {
  switch (kind) {
    case DatasetKind::Sine: return std::sin(x);
    case DatasetKind::Step: return x < 0 ? -0.5 : 0.5;
    case DatasetKind::Abs: return std::abs(x) / 3.0 - 1.0;
    case DatasetKind::Bump: return std::exp(-x * x / (2.0 * 1.5 * 1.5));
    default: return 0;
  }
}

int dataset_inputs(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::Sine:
    case DatasetKind::Step:
    case DatasetKind::Abs:
    case DatasetKind::Bump:
    case DatasetKind::Curve: return 1;
    default: return 2;
  }
}

bool user_supplied(DatasetKind kind) { return kind == DatasetKind::Custom || kind == DatasetKind::Curve; }

const char* dataset_name(DatasetKind kind) { return name_of(kKinds, kind); }
std::vector<std::string> dataset_names() { return names_of(kKinds); }

bool parse_dataset(const std::string& name, DatasetKind& out) { return parse_name(kKinds, name, out); }

Problem dataset_problem(DatasetKind kind) {
  switch (kind) {
    case DatasetKind::Blobs:
    case DatasetKind::MultiSpiral: return Problem::Multiclass;
    case DatasetKind::Plane:
    case DatasetKind::MultiGaussian: return Problem::Regression;
    default:
      if (dataset_inputs(kind) == 1) return Problem::Regression;
      return Problem::Binary;  // the five binary kinds; Custom sets its own on the Dataset
  }
}

std::string check_data_spec(const DataSpec& spec) {
  if (!is_known(spec.kind)) return "dataset kind is unknown (got " + std::to_string(static_cast<int>(spec.kind)) + ")";
  if (user_supplied(spec.kind))
    return std::string("dataset ") + dataset_name(spec.kind) +
           " cannot be generated: its points are supplied by the user";
  if (spec.points < 1 || spec.points > kMaxPoints)
    return "points must be between 1 and " + std::to_string(kMaxPoints) + " (got " + std::to_string(spec.points) + ")";
  // Written so that NaN fails too.
  if (!(std::isfinite(spec.noise) && spec.noise >= 0 && spec.noise <= 1))
    return "noise must be between 0 and 1 (got " + format_number(spec.noise) + ")";
  if (multiclass_kind(spec.kind) && (spec.classes < 3 || spec.classes > kMaxClasses))
    return "classes must be between 3 and " + std::to_string(kMaxClasses) + " for " + dataset_name(spec.kind) +
           " (got " + std::to_string(spec.classes) + ")";
  return "";
}

std::string generate_dataset(const DataSpec& spec, Dataset& out) {
  std::string error = check_data_spec(spec);
  if (!error.empty()) return error;

  const Problem problem = dataset_problem(spec.kind);
  const int k = problem == Problem::Multiclass ? spec.classes : 2;  // classes drawn from
  const int n = spec.points;
  const double noise = static_cast<double>(spec.noise);
  Rng rng(spec.seed, 1);  // stream 1: data (the split uses stream 2)

  Dataset data;
  data.problem = problem;
  data.classes = problem == Problem::Regression ? 1 : k;
  data.inputs = dataset_inputs(spec.kind);
  data.xy.resize(2, n);
  data.label.resize(n);
  for (int i = 0; i < n; ++i) {
    const int c = class_of(i, k);
    Point p{};
    switch (spec.kind) {
      case DatasetKind::Xor: p = xor_point(rng, c, noise); break;
      case DatasetKind::Circles: p = circles_point(rng, c, noise); break;
      case DatasetKind::Gaussians: p = gaussians_point(rng, c, noise); break;
      case DatasetKind::Spiral:
        p = spiral_point(rng, c, rank_in_class(i, k), class_count(n, k, c), k, 1.75, noise);
        break;
      case DatasetKind::Moons: p = moons_point(rng, c, noise); break;
      case DatasetKind::Blobs: p = blobs_point(rng, c, k, noise); break;
      case DatasetKind::MultiSpiral:
        // Fewer turns than the 2-arm spiral so K arms keep a visible gap between them.
        p = spiral_point(rng, c, rank_in_class(i, k), class_count(n, k, c), k, 1.0, noise);
        break;
      case DatasetKind::Plane: p = plane_point(rng, noise); break;
      case DatasetKind::MultiGaussian: p = multi_gaussian_point(rng, noise); break;
      case DatasetKind::Sine:
      case DatasetKind::Step:
      case DatasetKind::Abs:
      case DatasetKind::Bump: p = curve_point(rng, spec.kind, noise); break;
      case DatasetKind::Custom:
      case DatasetKind::Curve: break;  // rejected by check_data_spec
    }
    data.xy(0, i) = static_cast<Scalar>(clamp_domain(p.x1));
    data.xy(1, i) = static_cast<Scalar>(clamp_domain(p.x2));
    data.label(i) = static_cast<Scalar>(p.label);
  }
  out = std::move(data);
  return "";
}

std::string check_custom_dataset(const Dataset& data) {
  const Index n = data.xy.cols();
  if (data.label.size() != n)
    return "xy has " + std::to_string(n) + " points but label has " + std::to_string(data.label.size()) + " values";
  if (n < 1 || n > kMaxPoints)
    return "points must be between 1 and " + std::to_string(kMaxPoints) + " (got " + std::to_string(n) + ")";
  switch (data.problem) {
    case Problem::Binary:
      if (data.classes != 2) return "classes must be 2 for a binary problem (got " + std::to_string(data.classes) + ")";
      break;
    case Problem::Multiclass:
      if (data.classes < 2 || data.classes > kMaxClasses)
        return "classes must be between 2 and " + std::to_string(kMaxClasses) + " for a multi-class problem (got " +
               std::to_string(data.classes) + ")";
      break;
    case Problem::Regression:
      if (data.classes != 1)
        return "classes must be 1 for a regression problem (got " + std::to_string(data.classes) + ")";
      break;
    default: return "problem is unknown (got " + std::to_string(static_cast<int>(data.problem)) + ")";
  }
  if (data.inputs != 1 && data.inputs != 2)
    return "inputs must be 1 (x -> y) or 2 (x1, x2) (got " + std::to_string(data.inputs) + ")";
  if (data.inputs == 1 && data.problem != Problem::Regression)
    return "1-D points (x -> y) must be a regression problem";

  // Generous box: user points may sit outside the drawn domain, but not absurdly far.
  const double box = 1000;
  const char* axis[2] = {"x1", "x2"};
  for (Index i = 0; i < n; ++i) {
    const std::string at = "point " + std::to_string(i) + ": ";
    for (int d = 0; d < 2; ++d) {
      const double v = static_cast<double>(data.xy(d, i));
      if (!std::isfinite(v)) return at + axis[d] + " is not finite (got " + format_number(v) + ")";
      if (std::abs(v) > box)
        return at + axis[d] + " " + format_number(v) + " is outside [-" + format_number(box) + ", " +
               format_number(box) + "]";
    }
    if (data.inputs == 1 && data.xy(1, i) != 0)
      return at + "x2 must be 0 for 1-D points (got " + format_number(double(data.xy(1, i))) + ")";
    const double y = static_cast<double>(data.label(i));
    if (data.problem == Problem::Regression) {
      if (!std::isfinite(y)) return at + "target is not finite (got " + format_number(y) + ")";
    } else if (!(y >= 0 && y <= data.classes - 1 && y == std::floor(y))) {
      return at + "label " + format_number(y) + " is not a class between 0 and " + std::to_string(data.classes - 1);
    }
  }
  return "";
}

const char* feature_name(Feature f) { return name_of(kFeatures, f); }
std::vector<std::string> feature_names() { return names_of(kFeatures); }

bool parse_feature(const std::string& name, Feature& out) { return parse_name(kFeatures, name, out); }

bool uses_x2(Feature f) {
  return f == Feature::X2 || f == Feature::X2Squared || f == Feature::X1X2 || f == Feature::SinX2;
}

Eigen::Matrix<Scalar, 2, Eigen::Dynamic> grid_centres(int g, Scalar lo, Scalar hi) {
  const Scalar cell = (hi - lo) / Scalar(g);
  Eigen::Matrix<Scalar, 2, Eigen::Dynamic> xy(2, Index(g) * g);
  for (int iy = 0; iy < g; ++iy)
    for (int ix = 0; ix < g; ++ix) {
      xy(0, Index(iy) * g + ix) = lo + (Scalar(ix) + Scalar(0.5)) * cell;
      xy(1, Index(iy) * g + ix) = hi - (Scalar(iy) + Scalar(0.5)) * cell;
    }
  return xy;
}

std::string check_split(int n, Scalar train_ratio, Scalar validation_ratio) {
  if (n < 1) return "split needs at least 1 point (got " + std::to_string(n) + ")";
  // Negated comparisons so that NaN fails.
  if (!(std::isfinite(train_ratio) && train_ratio > 0 && train_ratio <= 1))
    return "train_ratio must be greater than 0 and at most 1 (got " + format_number(train_ratio) + ")";
  if (!(std::isfinite(validation_ratio) && validation_ratio >= 0 && validation_ratio <= 1))
    return "validation_ratio must be between 0 and 1 (got " + format_number(validation_ratio) + ")";
  const double sum = static_cast<double>(train_ratio) + static_cast<double>(validation_ratio);
  if (sum > 1.0 + 1e-6) return "train_ratio + validation_ratio must be at most 1 (got " + format_number(sum) + ")";
  return "";
}

Split make_split(int n, Scalar train_ratio, Scalar validation_ratio, std::uint32_t seed) {
  Split split;
  if (n < 1) return split;
  // Defensive clamping only: callers are expected to have passed check_split.
  const double t = std::isfinite(train_ratio) ? std::min(1.0, std::max(0.0, double(train_ratio))) : 1.0;
  const double v = std::isfinite(validation_ratio) ? std::min(1.0, std::max(0.0, double(validation_ratio))) : 0.0;
  const int n_train = std::min(n, std::max(1, static_cast<int>(std::lround(n * t))));
  const int n_val = std::min(n - n_train, static_cast<int>(std::lround(n * v)));

  std::vector<int> order(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  Rng rng(seed, 2);  // stream 2: split (the data uses stream 1)
  rng.shuffle(order);

  // Each subset is returned SORTED ascending: the split decides membership only; batch order is
  // the trainer's job (it reshuffles per epoch), and sorted sets are easy to compare and inspect.
  const auto b = order.begin();
  split.train.assign(b, b + n_train);
  split.validation.assign(b + n_train, b + n_train + n_val);
  split.test.assign(b + n_train + n_val, order.end());
  std::sort(split.train.begin(), split.train.end());
  std::sort(split.validation.begin(), split.validation.end());
  std::sort(split.test.begin(), split.test.end());
  return split;
}

}  // namespace bp
