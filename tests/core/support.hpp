// Helpers shared by the Catch2 suites: the scalar type in use and small builders.
#pragma once
#include <algorithm>
#include <cmath>
#include <type_traits>
#include <utility>
#include <vector>

#include "backprop/network.hpp"
#include "backprop/playground.hpp"

namespace bp::test {

// The suites run twice, in float and in double; tolerances follow the type.
constexpr bool kFloat = std::is_same<Scalar, float>::value;
// Absolute tolerance for computed values of order 1 (files that need tighter ones name their own).
constexpr double kValueTol = kFloat ? 1e-5 : 1e-12;

// The gradient checks' finite differences (test_network.cpp, test_trace.cpp): the 4-point
// stencil's step, large in float so the float rounding of the forward pass (~1e-7 of the loss,
// amplified by 1.5/h) stays ~1e-5, and still small enough that z rarely crosses a kink; and the
// floor of the relative error |a - n| / max(floor, |a| + |n|), which keeps gradients that are ~0
// from turning rounding noise into a large relative error (in double the finite differences
// carry ~1e-11 absolute error, eps * loss / h, hence 1e-4 for a 1e-6 tolerance).
constexpr double kStep = kFloat ? 2e-2 : 1e-4;
constexpr double kGradFloor = kFloat ? 1e-2 : 1e-4;
inline double relative_error(double analytic, double numeric) {
  return std::abs(analytic - numeric) / std::max(kGradFloor, std::abs(analytic) + std::abs(numeric));
}

// The largest |entry| of a matrix or vector (0 when empty).
inline double max_abs(const Matrix& m) { return m.size() ? double(m.cwiseAbs().maxCoeff()) : 0.0; }

inline Architecture arch_of(int inputs, std::vector<int> hidden, int outputs, Activation h, Activation o) {
  Architecture a;
  a.inputs = inputs;
  a.hidden = std::move(hidden);
  a.outputs = outputs;
  a.hidden_activation = h;
  a.output_activation = o;
  return a;
}

// Every field of a and b but the trainer's settings (a new field of Settings belongs here too).
inline bool same_but_training(const Settings& a, const Settings& b) {
  return a.data.kind == b.data.kind && a.data.points == b.data.points && a.data.noise == b.data.noise &&
         a.data.seed == b.data.seed && a.data.classes == b.data.classes && a.train_ratio == b.train_ratio &&
         a.validation_ratio == b.validation_ratio && a.features == b.features && a.input_scaling == b.input_scaling &&
         a.hidden == b.hidden && a.hidden_activation == b.hidden_activation &&
         a.output_activation == b.output_activation &&
         a.activation_params.leaky_slope == b.activation_params.leaky_slope &&
         a.activation_params.elu_alpha == b.activation_params.elu_alpha &&
         a.activation_params.maxout_pieces == b.activation_params.maxout_pieces && a.loss == b.loss &&
         a.init == b.init && a.init_scale == b.init_scale && a.bias_init == b.bias_init && a.seed == b.seed;
}

inline bool same_settings(const Settings& a, const Settings& b) {
  return same_but_training(a, b) && a.train == b.train;
}

}  // namespace bp::test
