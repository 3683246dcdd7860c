// The network as a sum of scaled units along x, and the half-planes of its first layer: forward
// passes written out layer by layer so the last hidden layer and the output's z can be kept.
// No training and no browser code; inputs are checked and errors returned as strings.
#include "backprop/approximation.hpp"

#include <cmath>

#include "backprop/text.hpp"

namespace bp {
namespace {

std::string check_bounds(Scalar lo, Scalar hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
    return "bounds must be finite with lo < hi (got " + format_number(double(lo)) + ", " + format_number(double(hi)) +
           ")";
  return "";
}

}  // namespace

std::string unit_sum(const Network& net, const std::vector<Feature>& features, Scalar lo, Scalar hi, int samples,
                     UnitSum& out, const FeatureScaling* scaling) {
  std::string e = check_bounds(lo, hi);
  if (!e.empty()) return e;
  if (samples < 2 || samples > kMaxLineSamples)
    return "samples must be between 2 and " + std::to_string(kMaxLineSamples) + " (got " + std::to_string(samples) +
           ")";
  if (int(features.size()) != net.size(0))
    return "features: " + std::to_string(features.size()) + " for a network of " + std::to_string(net.size(0)) +
           " inputs";
  const int L = net.layer_count();
  if (net.size(L) != 1)
    return "the sum of units needs one output (this network has " + std::to_string(net.size(L)) + ")";
  UnitSum r;
  r.x.resize(samples);
  Eigen::Matrix<Scalar, 2, Eigen::Dynamic> xy = Eigen::Matrix<Scalar, 2, Eigen::Dynamic>::Zero(2, samples);
  const double step = (double(hi) - double(lo)) / double(samples - 1);
  for (int j = 0; j < samples; ++j) {
    // The last point is hi itself, not lo + (G-1) step rounded.
    r.x(j) = j + 1 == samples ? hi : Scalar(double(lo) + j * step);
    xy(0, j) = r.x(j);
  }
  const auto& params = net.arch().activation_params;
  Matrix a = compute_features(features, xy);  // (inputs x G)
  if (scaling) apply_scaling(*scaling, a);
  for (int l = 0; l + 1 < L; ++l) {
    Matrix z = net.W(l) * a;  // z = W a_prev + b, every sample at once
    z.colwise() += net.b(l);
    for (int p = 1; p < net.pieces(l); ++p) {  // maxout: the largest piece (a tie keeps the lower)
      Matrix zp = net.W(l, p) * a;
      zp.colwise() += net.b(l, p);
      z = (zp.array() > z.array()).select(zp, z);
    }
    activate_layer(net, l, z, z);  // PReLU with each unit's learned slope
    a = std::move(z);
  }
  r.units = a;                                // (H x G)
  r.alpha = net.W(L - 1).row(0).transpose();  // (H)
  r.bias = net.b(L - 1)(0);
  r.terms = r.alpha.asDiagonal() * r.units;  // alpha_i a_i(x)
  r.z = (net.W(L - 1) * a).row(0).transpose();
  r.z.array() += r.bias;
  Matrix y = r.z.transpose();
  activate(net.activation(L - 1), params, y, y);
  r.output = y.row(0).transpose();
  out = std::move(r);
  return "";
}

std::string positive_side_counts(const Network& net, const std::vector<Feature>& features, Scalar lo, Scalar hi, int g,
                                 std::vector<int>& counts, bool toward_output, const FeatureScaling* scaling) {
  std::string e = check_bounds(lo, hi);
  if (!e.empty()) return e;
  if (g < 1) return "grid size must be at least 1 (got " + std::to_string(g) + ")";
  if (net.layer_count() < 2) return "the half-planes need a hidden layer (this network has none)";
  if (net.pieces(0) > 1) return "a maxout unit is not one half-plane (it takes the largest of its pieces)";
  if (int(features.size()) != net.size(0))
    return "features: " + std::to_string(features.size()) + " for a network of " + std::to_string(net.size(0)) +
           " inputs";
  if (toward_output && (net.layer_count() != 2 || net.size(2) != 1))
    return "the sides that raise the output need one hidden layer and one output";
  const Index P = Index(g) * g;
  Matrix inputs = compute_features(features, grid_centres(g, lo, hi));
  if (scaling) apply_scaling(*scaling, inputs);
  Matrix z = net.W(0) * inputs;  // (H x P) z_i before the activation
  z.colwise() += net.b(0);
  if (toward_output)  // a unit whose output weight is negative raises the output where it is off
    for (Index i = 0; i < z.rows(); ++i)
      if (net.W(1)(0, i) < 0) z.row(i) = -z.row(i);
  counts.assign(std::size_t(P), 0);
  for (Index c = 0; c < P; ++c) counts[std::size_t(c)] = int((z.col(c).array() > Scalar(0)).count());
  return "";
}

}  // namespace bp
