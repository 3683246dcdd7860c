// Losses, per example summed over the outputs; callers average over the batch.
//   squared error   L = 1/2 sum (y - a)^2                    dL/dz = (a - y) * f'(z)
//   binary CE       L = -[y log a + (1-y) log(1-a)], a = sigmoid(z), computed from z (no log 0)
//                                                            dL/dz = a - y
//   softmax CE      L = logsumexp(z) - y.z, a = softmax(z)   dL/dz = a - y
#pragma once
#include <string>

#include "activation.hpp"

namespace bp {

enum class Loss { SquaredError, BinaryCrossEntropy, SoftmaxCrossEntropy };

const char* loss_name(Loss loss);
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
      return static_cast<double>(
          (za.max(Scalar(0)) - za * y.array() + (-za.abs()).exp().log1p()).sum());
    }
    case Loss::SoftmaxCrossEntropy: {
      double total = 0;
      for (Index c = 0; c < z.cols(); ++c) {
        const Scalar m = z.col(c).maxCoeff();
        const Scalar lse = m + std::log((z.col(c).array() - m).exp().sum());
        total += static_cast<double>(lse * y.col(c).sum() - y.col(c).dot(z.col(c)));
      }
      return total;
    }
  }
  return 0;
}

// delta = dL/dz of the output layer, one column per example (not averaged).
template <class Z, class A, class Y, class D>
void loss_output_delta(Loss loss, Activation output, const ActivationParams& p,
                       const Eigen::MatrixBase<Z>& z, const Eigen::MatrixBase<A>& a,
                       const Eigen::MatrixBase<Y>& y, const Eigen::MatrixBase<D>& delta_out) {
  auto& delta = const_cast<Eigen::MatrixBase<D>&>(delta_out);
  if (loss == Loss::SquaredError) {
    activate_grad(output, p, z, a, delta);  // delta = f'(z) ...
    delta.array() *= (a - y).array();       // ... * dL/da
  } else {
    delta = a - y;  // sigmoid + BCE and softmax + CE both reduce to this
  }
}

// dL/da of the output layer, for display (may be large when a saturates).
template <class A, class Y, class G>
void loss_grad_output(Loss loss, const Eigen::MatrixBase<A>& a, const Eigen::MatrixBase<Y>& y,
                      const Eigen::MatrixBase<G>& g_out) {
  auto g = const_cast<Eigen::MatrixBase<G>&>(g_out).array();
  switch (loss) {
    case Loss::SquaredError: g = (a - y).array(); break;
    case Loss::BinaryCrossEntropy:
      // -y/a + (1-y)/(1-a), each term only where its weight is non-zero, so a saturated output
      // that matches its target (a = y = 1 after rounding) gives -1, not 0/0.
      g = (y.array() != Scalar(0)).select(-y.array() / a.array(), Scalar(0)) +
          (y.array() != Scalar(1)).select((Scalar(1) - y.array()) / (Scalar(1) - a.array()), Scalar(0));
      break;
    case Loss::SoftmaxCrossEntropy:  // -y/a; 0 where y = 0, even if a underflowed to 0
      g = (y.array() != Scalar(0)).select(-y.array() / a.array(), Scalar(0));
      break;
  }
}

}  // namespace bp
