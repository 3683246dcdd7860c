#include "backprop/scaling.hpp"

#include <cmath>

#include "backprop/names.hpp"

namespace bp {
namespace {
constexpr Named<InputScaling> kScalings[] = {{InputScaling::None, "none"}, {InputScaling::Standardise, "standardise"}};
}  // namespace

const char* input_scaling_name(InputScaling s) { return name_of(kScalings, s); }
std::vector<std::string> input_scaling_names() { return names_of(kScalings); }
bool parse_input_scaling(const std::string& name, InputScaling& out) { return parse_name(kScalings, name, out); }

FeatureScaling fit_scaling(InputScaling scaling, const Matrix& features, const std::vector<int>& train) {
  const Index F = features.rows();
  FeatureScaling s{Vector::Zero(F), Vector::Ones(F)};
  if (scaling == InputScaling::None || train.empty()) return s;
  const double n = double(train.size());
  for (Index f = 0; f < F; ++f) {
    // Two passes in double: the mean first, then the squared deviations from it (no cancellation
    // from E[x^2] - E[x]^2 on features far from 0, such as x1^2).
    double sum = 0;
    for (int i : train) sum += double(features(f, i));
    const double mean = sum / n;
    double squares = 0;
    for (int i : train) squares += (double(features(f, i)) - mean) * (double(features(f, i)) - mean);
    const double sd = std::sqrt(squares / n);
    s.mean(f) = Scalar(mean);
    // A feature constant over the training points is only centred: dividing by ~0 would blow up
    // the slightest difference a test point has.
    s.sd(f) = sd > 1e-6 * (1 + std::abs(mean)) ? Scalar(sd) : Scalar(1);
  }
  return s;
}

}  // namespace bp
