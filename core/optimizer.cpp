#include "backprop/optimizer.hpp"

#include <cmath>

#include "backprop/trainer.hpp"

namespace bp {

Scalar decayed_learning_rate(const TrainSettings& s, std::int64_t epoch) {
  const double lr = s.learning_rate, k = static_cast<double>(epoch);
  switch (s.decay) {
    case Decay::None: return s.learning_rate;
    case Decay::InverseTime: {
      const double c2 = s.decay_steps, c1 = lr * c2;  // lr_0 = lr
      return static_cast<Scalar>(c1 / (k + c2));
    }
    case Decay::Exponential: return static_cast<Scalar>(lr * std::pow(double(s.decay_rate), k));
  }
  return s.learning_rate;
}

Scalar adam_bias_correction(Scalar beta, std::int64_t t) {
  return Scalar(1 / (1 - std::pow(double(beta), static_cast<double>(t))));
}

void OptimizerState::resize(Index n) {
  velocity_ = Vector::Zero(n);
  moment1_ = Vector::Zero(n);
  moment2_ = Vector::Zero(n);
  adam_steps_ = 0;
}

void OptimizerState::clear() {
  velocity_.setZero();
  moment1_.setZero();
  moment2_.setZero();
  adam_steps_ = 0;  // zero moments need the bias correction from t = 1 again
}

void OptimizerState::step(const TrainSettings& s, Scalar lr, const Vector& gradient, Vector& w) {
  switch (s.optimizer) {
    case Optimizer::Sgd: w.noalias() -= lr * gradient; break;  // w -= lr g
    case Optimizer::Momentum:
      velocity_ = s.momentum * velocity_ - lr * gradient;  // v = mu v - lr g
      w += velocity_;                                      // w += v
      break;
    case Optimizer::Adam: {
      const Scalar b1 = s.beta1, b2 = s.beta2;
      moment1_ = b1 * moment1_ + (1 - b1) * gradient;              // m = b1 m + (1-b1) g
      moment2_ = b2 * moment2_ + (1 - b2) * gradient.cwiseAbs2();  // v = b2 v + (1-b2) g^2
      ++adam_steps_;
      const Scalar c1 = adam_bias_correction(b1, adam_steps_), c2 = adam_bias_correction(b2, adam_steps_);
      // w -= lr m_hat / (sqrt(v_hat) + eps)
      w.array() -= lr * (moment1_.array() * c1) / ((moment2_.array() * c2).sqrt() + s.epsilon);
      break;
    }
  }
}

}  // namespace bp
