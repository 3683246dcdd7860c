// The update that follows a gradient, shared by the trainer and the gradient-descent lab: the
// learning rate after decay, and one SGD, momentum or Adam step on a parameter vector with the
// optimiser's state (velocity, moments) kept between steps.
#pragma once
#include <cstdint>

#include "backprop/scalar.hpp"

namespace bp {

struct TrainSettings;

// The learning rate for epoch k (from 0) under the settings' decay: lr, c1 / (k + c2) with
// c2 = decay steps and c1 = lr · c2, or lr · rate^k.
Scalar decayed_learning_rate(const TrainSettings& s, std::int64_t epoch);

// Adam's bias correction 1 / (1 - beta^t): computed in double, rounded to Scalar once. The update
// and the step trace both use this, so a trace's m_hat and v_hat are the update's own numbers.
Scalar adam_bias_correction(Scalar beta, std::int64_t t);

class OptimizerState {
 public:
  void resize(Index n);  // zero state for n parameters
  void clear();          // zero state, same size (moments of one optimiser mean nothing to another)
  Index size() const { return velocity_.size(); }

  // w ← the settings' optimiser step from w along `gradient` at learning rate lr:
  // SGD w -= lr g; momentum v = mu v - lr g, w += v; Adam with bias-corrected moments.
  void step(const TrainSettings& s, Scalar lr, const Vector& gradient, Vector& w);

  const Vector& velocity() const { return velocity_; }     // momentum's v
  const Vector& moment1() const { return moment1_; }       // Adam's m
  const Vector& moment2() const { return moment2_; }       // Adam's v
  std::int64_t adam_steps() const { return adam_steps_; }  // Adam's t of the last step

 private:
  Vector velocity_, moment1_, moment2_;
  std::int64_t adam_steps_ = 0;  // steps since the moments were last zeroed
};

}  // namespace bp
