// Losses, per example summed over the outputs; callers average over the batch.
//   squared error   L = 1/2 sum (y - a)^2                    dL/dz = (a - y) * f'(z)
//   binary CE       L = -[y log a + (1-y) log(1-a)], a = sigmoid(z), computed from z (no log 0)
//                                                            dL/dz = a - y
//   softmax CE      L = logsumexp(z) - y.z, a = softmax(z)   dL/dz = a - y
// Conventions (PyTorch's defaults differ): squared error is 1/2 the squared distance, and every
// loss is summed over the outputs, then averaged over the batch by the caller, so this MSE is K/2
// times PyTorch's MSELoss and BCE K times BCELoss for K outputs.
// Cross-entropies are computed from z in double, with log1p, so confident predictions keep their
// small losses (L = 2e-9 at a logit gap of 20, not 0).
#pragma once
#include <cmath>
#include <string>

#include "backprop/activation.hpp"

namespace bp {

enum class Loss { SquaredError, BinaryCrossEntropy, SoftmaxCrossEntropy };

const char* loss_name(Loss loss);
std::vector<std::string> loss_names();
bool parse_loss(const std::string& name, Loss& out);
// Empty if the output activation suits the loss, else the reason (e.g. BCE needs a sigmoid output).
std::string check_loss_pairing(Loss loss, Activation output, int outputs);

// Sum of the per-example losses over the columns of z / a / y (outputs x batch).
template <class Z, class A, class Y>
double loss_sum(Loss loss, const Eigen::MatrixBase<Z>& z, const Eigen::MatrixBase<A>& a,
                const Eigen::MatrixBase<Y>& y) {
  switch (loss) {
    case Loss::SquaredError: return 0.5 * static_cast<double>((a - y).squaredNorm());
    case Loss::BinaryCrossEntropy: {
      // max(z,0) - z y + log(1 + e^-|z|): the stable form of -[y log s(z) + (1-y) log(1-s(z))]
      auto za = z.array();
      return static_cast<double>((za.max(Scalar(0)) - za * y.array() + (-za.abs()).exp().log1p()).sum());
    }
    case Loss::SoftmaxCrossEntropy: {
      // sum_i y_i (lse - z_i) = sum_i y_i (m - z_i) + sum(y) log1p(s), with m = z_k the largest
      // logit and s = sum_{i != k} e^(z_i - m) < K: no 1 + s rounded to 1 when k is confident.
      double total = 0;
      for (Index c = 0; c < z.cols(); ++c) {
        Index k = 0;
        const double m = static_cast<double>(z.col(c).maxCoeff(&k));
        double s = 0, ys = 0, yz = 0;
        for (Index i = 0; i < z.rows(); ++i) {
          const double zi = static_cast<double>(z(i, c)), yi = static_cast<double>(y(i, c));
          if (i != k) s += std::exp(zi - m);
          ys += yi;
          yz += yi * (m - zi);
        }
        total += yz + ys * std::log1p(s);
      }
      return total;
    }
  }
  return 0;
}

// delta = dL/dz of the output layer, one column per example (not averaged). Squared error takes
// f'(z) from `slope` when given (forward() computed it with a), else computes it.
template <class Z, class A, class Y, class D, class G = Z>
void loss_output_delta(Loss loss, Activation output, const ActivationParams& p, const Eigen::MatrixBase<Z>& z,
                       const Eigen::MatrixBase<A>& a, const Eigen::MatrixBase<Y>& y,
                       const Eigen::MatrixBase<D>& delta_out, const G* slope = nullptr) {
  auto& delta = const_cast<Eigen::MatrixBase<D>&>(delta_out);
  if (loss == Loss::SquaredError) {
    if (slope) {
      // When every block is one run in memory of delta's shape (the workspace's are), a plain loop:
      // Eigen's assignment loop for dynamic blocks costs more than an output layer's few numbers
      // of a batch, most in wasm.
      constexpr bool kOrder = bool(D::IsRowMajor);
      if constexpr (bool(A::IsRowMajor) == kOrder && bool(Y::IsRowMajor) == kOrder && bool(G::IsRowMajor) == kOrder) {
        const auto like_delta = [&delta](const auto& m) {
          return lanes::one_run(m) && m.rows() == delta.rows() && m.cols() == delta.cols();
        };
        if (lanes::one_run(delta) && like_delta(*slope) && like_delta(a) && like_delta(y)) {
          Scalar* dp = delta.derived().data();
          const Scalar *sp = slope->derived().data(), *ap = a.derived().data(), *yp = y.derived().data();
          for (Index i = 0, n = delta.size(); i < n; ++i) dp[i] = sp[i] * (ap[i] - yp[i]);
          return;
        }
      }
      delta.array() = slope->array() * (a - y).array();
      return;
    }
    activate_grad(output, p, z, a, delta);  // delta = f'(z) ...
    delta.array() *= (a - y).array();       // ... * dL/da
  } else {
    delta = a - y;  // sigmoid + BCE and softmax + CE both reduce to this
  }
}

// dL/da of the output layer, for display (may be large when a saturates). The cross-entropies
// take 1/a from z (in double), not from a, which rounds to 0 or 1 long before 1/a or 1/(1-a)
// leave Scalar's range: finite wherever the true value is representable.
template <class Z, class A, class Y, class G>
void loss_grad_output(Loss loss, const Eigen::MatrixBase<Z>& z, const Eigen::MatrixBase<A>& a,
                      const Eigen::MatrixBase<Y>& y, const Eigen::MatrixBase<G>& g_out) {
  auto& g = const_cast<Eigen::MatrixBase<G>&>(g_out);
  if (loss == Loss::SquaredError) {
    g = a - y;
    return;
  }
  for (Index c = 0; c < z.cols(); ++c) {
    Index k = 0;
    const double m = static_cast<double>(z.col(c).maxCoeff(&k));
    for (Index i = 0; i < z.rows(); ++i) {
      const double zi = static_cast<double>(z(i, c)), yi = static_cast<double>(y(i, c));
      double d = 0;
      if (loss == Loss::BinaryCrossEntropy) {
        // -y/a + (1-y)/(1-a) with 1/a = 1 + e^-z and 1/(1-a) = 1 + e^z; each term only where its
        // weight is non-zero (a saturated output matching its target gives -1, not inf * 0).
        if (yi != 0) d -= yi * (1 + std::exp(-zi));
        if (yi != 1) d += (1 - yi) * (1 + std::exp(zi));
      } else if (yi != 0) {
        // -y/a with 1/a = sum_j e^(z_j - z_i) = e^(m - z_i) (1 + sum_{j != k} e^(z_j - m)).
        double s = 0;
        for (Index j = 0; j < z.rows(); ++j)
          if (j != k) s += std::exp(static_cast<double>(z(j, c)) - m);
        d = -yi * std::exp(m - zi) * (1 + s);
      }
      g(i, c) = static_cast<Scalar>(d);
    }
  }
}

}  // namespace bp
