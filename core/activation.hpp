// Activation functions as one enum plus free functions over Eigen blocks (one column per example).
// activate(): a = f(z).  activate_grad(): f'(z), computed from z in forms without cancellation,
// so both are as exact as Scalar allows over the whole range (tested against long double):
// sigmoid = 1 / (1 + e^-z), sigmoid' = t / (1 + t)^2 with t = e^-|z|, tanh' = 4t / (1 + t)^2 with
// t = e^-2|z|, ELU = alpha expm1(z) and ELU' = alpha e^z for z < 0. (Eigen's float logistic is a
// rational approximation that cancels near z = -9, and 1 - a^2 or a + alpha lose the digits a
// rounded away.) Step: f(0) = 0 and f' = 0 everywhere.
// Softmax is column-wise (over the neurons of one example); its Jacobian is never formed here:
// the only valid pairing (softmax + cross-entropy) gives dL/dz = a - y directly (see loss.hpp).
#pragma once
#include <string>
#include <vector>

#include "scalar.hpp"

namespace bp {

enum class Activation { Linear, Step, Sigmoid, Tanh, Relu, LeakyRelu, Elu, Softplus, Softmax };

struct ActivationParams {
  Scalar leaky_slope = Scalar(0.01);  // leaky ReLU: f(z) = slope * z for z < 0
  Scalar elu_alpha = Scalar(1);       // ELU: f(z) = alpha * (exp(z) - 1) for z < 0
};

const char* activation_name(Activation f);
std::vector<std::string> activation_names();  // every activation, softmax last
bool parse_activation(const std::string& name, Activation& out);  // false if unknown
// Range of f as [lo, hi] for class targets and thresholds: tanh gives -1/+1 targets, others 0/1.
Scalar activation_low_target(Activation f);

// sigmoid(z) = 1 / (1 + e^-z): exp's relative error only, at every z (e^-z = inf gives 0).
template <class Z>
auto sigmoid_of(const Eigen::ArrayBase<Z>& z) {
  return (Scalar(1) + (-z).exp()).inverse();
}

template <class In, class Out>
void activate(Activation f, const ActivationParams& p, const Eigen::MatrixBase<In>& z_in,
              const Eigen::MatrixBase<Out>& a_out) {
  auto z = z_in.array();
  auto a = const_cast<Eigen::MatrixBase<Out>&>(a_out).array();  // Eigen's idiom for writable blocks
  switch (f) {
    case Activation::Linear: a = z; break;
    case Activation::Step: a = (z > Scalar(0)).template cast<Scalar>(); break;
    case Activation::Sigmoid: a = sigmoid_of(z); break;
    case Activation::Tanh: a = z.tanh(); break;
    case Activation::Relu: a = z.max(Scalar(0)); break;
    case Activation::LeakyRelu: a = (z > Scalar(0)).select(z, p.leaky_slope * z); break;
    case Activation::Elu:
      a = (z > Scalar(0)).select(z, p.elu_alpha * z.min(Scalar(0)).expm1());  // e^z - 1 cancels near 0
      break;
    case Activation::Softplus:
      // log(1 + e^z) = max(z, 0) + log(1 + e^-|z|): no overflow for large |z|.
      a = z.max(Scalar(0)) + (-z.abs()).exp().log1p();
      break;
    case Activation::Softmax:
      for (Index c = 0; c < z.cols(); ++c) {
        auto e = (z.col(c) - z.col(c).maxCoeff()).exp();  // shift by the max: no overflow
        a.col(c) = e / e.sum();
      }
      break;
  }
}

// g = f'(z), from z (a = f(z) is read only where that loses nothing). Softmax returns ones: its
// Jacobian is folded into the loss gradient.
template <class Z, class A, class G>
void activate_grad(Activation f, const ActivationParams& p, const Eigen::MatrixBase<Z>& z_in,
                   const Eigen::MatrixBase<A>& a_in, const Eigen::MatrixBase<G>& g_out) {
  static_cast<void>(a_in);  // every derivative below is computed from z
  auto z = z_in.array();
  auto g = const_cast<Eigen::MatrixBase<G>&>(g_out).array();
  // c t / (1 + t)^2 with t = e^-(k|z|), t first stored in g (one exp per element): sigmoid' for
  // k = 1, c = 1 (not a(1 - a): 1 - a cancels for z >> 0); tanh' for k = 2, c = 4 (not 1 - a^2,
  // which is 0 beyond |z| = 7.9).
  const auto bell = [&](Scalar k, Scalar c) {
    g = (-k * z.abs()).exp();
    g = c * g / (Scalar(1) + g).square();
  };
  switch (f) {
    case Activation::Linear: g.setOnes(); break;
    case Activation::Step: g.setZero(); break;  // flat almost everywhere: backprop stalls
    case Activation::Sigmoid: bell(Scalar(1), Scalar(1)); break;
    case Activation::Tanh: bell(Scalar(2), Scalar(4)); break;
    case Activation::Relu:
    case Activation::LeakyRelu: {
      // A plain loop: Eigen 3.4 evaluates (z > 0).cast() one scalar at a time, while compilers
      // vectorise this compare-and-select. Hot in backward() for ReLU networks.
      const Scalar slope = f == Activation::Relu ? Scalar(0) : p.leaky_slope;
      for (Index c = 0; c < g.cols(); ++c)
        for (Index r = 0; r < g.rows(); ++r)
          g.coeffRef(r, c) = z.coeff(r, c) > Scalar(0) ? Scalar(1) : slope;
      break;
    }
    case Activation::Elu:  // alpha e^z, not a + alpha, which cancels as a nears -alpha
      g = (z > Scalar(0)).select(Scalar(1), p.elu_alpha * z.min(Scalar(0)).exp());
      break;
    case Activation::Softplus: g = sigmoid_of(z); break;
    case Activation::Softmax: g.setOnes(); break;
  }
}

}  // namespace bp
