// The batch gradient of a narrow network with the examples in SIMD lanes: four examples to a
// packet, each unit's values over the batch one run in memory. For networks of a few units a
// layer (the page's default 2-[4,2]-1), where forward()/backward()'s layout, a unit to a lane,
// leaves lanes idle in layers of 1 or 2 units and spends more on per-layer set-up than on
// arithmetic. The trainer takes this path where it applies (lane_batch_applies) and the general
// one elsewhere; both give the same numbers to the bit: every sum runs over the same terms in the
// same order (the weights' gradients over the batch's examples in turn), and every activation is
// the same packet function of its own z. Float builds only.
#pragma once
#include <vector>

#include "backprop/network.hpp"

namespace bp {

// The widest layers the path takes. Measured natively against the general path (CPU time, one
// run): faster up to 6 units a layer (2-[4,2]-1 tanh 1.50 times, 2-[3]-1 1.58, 7-[6,6]-1 ReLU
// 1.30, 7-[6x6]-1 ReLU 1.26), level at 8 (2-[8,8]-1 tanh), slower at 8 on a deep network (the
// spiral's 7-[8x6]-1 ReLU, 30,000 against 35,000 epochs/s), where a unit to a lane fills whole
// packets and the general kernels reuse each load for four examples.
constexpr int kLaneBatchMaxInputs = 8, kLaneBatchMaxUnits = 6;

// True when the path applies: a float build, at most kLaneBatchMaxInputs inputs and
// kLaneBatchMaxUnits units in every other layer, hidden layers of tanh, ReLU, leaky ReLU or linear
// units, an output of tanh, ReLU, leaky ReLU or linear units under squared error, and no dropout.
bool lane_batch_applies(const Network& net, Loss loss, bool dropout);

class LaneBatch {
 public:
  // The batch-averaged data gradient of the examples `batch` (column indices of inputs and
  // targets; lane_batch_applies must hold) in params' layout, written into grad (resized).
  void gradient(const Network& net, const Matrix& inputs, const Matrix& targets, const std::vector<int>& batch,
                Vector& grad);

 private:
  void reserve(const Network& net, Index capacity);
  // Per weight layer: a (values), g (slopes f'(z)), delta; (units x B) in the layout lane_batch.cpp
  // describes. The batch's inputs and targets, (features x B) and (outputs x B); one layer's
  // deltas a packet per example (four units at a time) for the weight gradients.
  std::vector<Vector> a_, g_, delta_;
  Vector input_, target_, units_;
  Index capacity_ = 0;      // the largest batch the buffers hold
  std::vector<int> sizes_;  // the network's layer sizes they are for
};

}  // namespace bp
