// The record of one example's forward and backward pass, and of one traced training step: the
// numbers the page animates. Built with the same forward()/backward() as training, so what the
// learner sees is exactly what the trainer computes.
#pragma once
#include <vector>

#include "backprop/network.hpp"
#include "backprop/trainer.hpp"

namespace bp {

struct LayerTrace {         // weight layer l: a_prev -> z -> a
  Vector a_prev;            // (in)  input to the layer
  Matrix contribution;      // (out x in) W(j,i) * a_prev(i): each link's share of z (z = row sums + b);
                            // maxout: of unit j's winning piece, so z = row sums + b of that piece
  Vector z;                 // (out) W a_prev + b (maxout: the winning piece's, max_p pieces(j, p))
  Vector a;                 // (out) f(z), times the dropout mask where one applied: what the next layer sees
  Vector grad_act;          // (out) f'(z) (ones for a softmax output), without the mask
  Vector mask;              // (out) dropout mask of a hidden layer in a step with dropout: 0 (dropped) or
                            // 1/(1-p) (kept, scaled); empty without dropout. delta = dloss_da * f'(z) * mask
  Vector dloss_da;          // (out) dL/da: dL/doutput for the output layer, W_{l+1}^T delta_{l+1} for a hidden layer
  Vector delta;             // (out) dL/dz
  Matrix dW;                // (out x in) dL/dW = delta a_prev^T (maxout: of unit j's winning piece; the
  Vector db;                // (out) dL/db = delta                  other pieces' are 0 for this example)
  Vector slopes;            // (out) PReLU: each unit's slope a_i (empty for other activations)
  Vector dslope;            // (out) PReLU: dL/da_i = dloss_da_i * min(z_i, 0) [* mask_i] (empty otherwise)
  Matrix pieces;            // (out x k) maxout: column p = W_p a_prev + b_p, each piece's pre-activation (else empty)
  std::vector<int> winner;  // (out) maxout: the piece that won, lowest index on a tie (else empty)
};

struct ExampleTrace {
  Vector input, target, output;
  Vector dloss_doutput;  // dL/da of the output layer
  double loss = 0;       // data loss of this example
  std::vector<LayerTrace> layers;
};

// Forward + backward of one example at the current weights; changes nothing. With `masks` (one
// per hidden layer), the dropout masks a training step drew for this example are applied, so the
// trace is that of the step; without, no dropout.
ExampleTrace trace_example(const Network& net, Loss loss, const Vector& input, const Vector& target,
                           const std::vector<Vector>* masks = nullptr);

struct StepTrace {
  std::vector<int> batch;              // dataset indices of the examples used
  std::vector<ExampleTrace> examples;  // per example, at the weights before the update, with
                                       // the dropout masks the update drew for it (if any)
  Vector data_gradient;                // mean of the per-example gradients (flat, params layout:
                                       // PReLU's slopes and each maxout piece included)
  Vector regularization_gradient;      // L1/L2 term at the weights before the update
  Vector applied_gradient;             // what the optimiser received: data + regularisation
  Vector params_before, params_after;
  Vector update;  // params_after - params_before, computed in the core
  Scalar learning_rate = 0;
  double loss_before = 0, loss_after = 0;  // mean data loss over the batch (with dropout: with
                                           // each example's masks, as in `examples`)
  Optimizer optimizer = Optimizer::Sgd;
  TrainSettings settings;                  // what the update used: rates, momentum, Adam's constants
  bool dropout_applied = false;            // dropout masks were drawn (never without a hidden layer)
  Vector velocity_before, velocity_after;  // momentum only (else empty)
  // Adam only (else empty): before and after the update; the hats are bias-corrected exactly as
  // apply_update computes them, so lr * m_hat / (sqrt(v_hat) + eps) reproduces the step.
  Vector moment1_before, moment2_before, moment1, moment2, moment1_hat, moment2_hat;
  int adam_step = 0;  // Adam's t used by this update
};

}  // namespace bp
