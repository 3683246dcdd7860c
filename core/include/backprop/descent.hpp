// Gradient descent that can be drawn: a loss J(w) of two parameters w = (w0, w1), computed exactly
// with its gradient, minimised by the trainer's own update (SGD, momentum or Adam, learning-rate
// decay, full batch, mini-batches or single examples), with the path the updates take and J on a
// grid for contour plots. The data models fit 1-D points (x, t): linear regression h = w0 + w1·x
// with J = 1/(2m) Σ (h − t)², and a sigmoid neuron h = σ(w0 + w1·x) with that squared error or with
// cross-entropy. The test functions have no data: the saddle w0² − w1², a function with a local and
// a global minimum, and an elongated bowl. Inputs are validated; errors change nothing.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/rng.hpp"
#include "backprop/scalar.hpp"
#include "backprop/trainer.hpp"

namespace bp {

enum class Surface { LinearRegression, SigmoidSquared, SigmoidCrossEntropy, Saddle, TwoMinima, Bowl };
const char* surface_name(Surface s);
bool parse_surface(const std::string& name, Surface& out);
std::vector<std::string> surface_names();
bool surface_has_data(Surface s);  // the three models that fit points

constexpr int kMaxDescentPoints = 1000;
constexpr std::int64_t kMaxDescentSteps = 1000000;  // per run, from reset
constexpr int kMaxDescentGrid = 256;

struct DescentPoints {
  Vector x;  // inputs
  Vector t;  // targets: any real for regression, in [0, 1] for the sigmoid neuron
};

// One point's part in J and its gradient at (w0, w1): the factors of the lecture's formulas.
struct PointTerms {
  double z = 0;      // w0 + w1·x
  double h = 0;      // the output: z for the line, σ(z) for the neuron
  double error = 0;  // h − t
  double slope = 1;  // dh/dz: 1 for the line, σ(z)(1 − σ(z)) for the neuron
  // ∂(the point's loss)/∂z = error·slope for squared error; for cross-entropy just the error (the
  // slope cancels, so a saturated wrong output still gets a gradient). ∂/∂w0 is delta, ∂/∂w1 delta·x.
  double delta = 0;
  double loss = 0;  // ½ error² or −t ln h − (1 − t) ln(1 − h)
};
PointTerms point_terms(Surface s, double x, double t, double w0, double w1);
// Every point's terms, in order (the data models only: empty for the test functions).
std::vector<PointTerms> surface_terms(Surface s, const DescentPoints& points, double w0, double w1);

// J(w) over all points (the test functions ignore them), in double.
double surface_loss(Surface s, const DescentPoints& points, double w0, double w1);
// ∂J/∂w over the points `batch` names (all of them when empty), as a mean over the batch.
void surface_gradient(Surface s, const DescentPoints& points, const std::vector<int>& batch, double w0, double w1,
                      double& g0, double& g1);

struct DescentStep {
  std::int64_t step = 0;   // from 0
  std::int64_t epoch = 0;  // passes over the points so far (each step is an epoch without data)
  std::vector<int> batch;  // the points this step used (empty without data)
  Vector weights;          // before the step
  Vector gradient;         // of the batch's mean loss at `weights`
  Scalar learning_rate = 0;
  Vector update;                           // after − before
  double loss_before = 0, loss_after = 0;  // J over all points
};

class Descent {
 public:
  // Starts over at (w0, w1). `train`'s batch size applies to the data models (≥ the number of
  // points: full batch), whose epochs visit the points in an order shuffled from `seed`; L1, L2 and
  // dropout must be 0. "" or an error; on error nothing changes.
  std::string reset(Surface surface, const TrainSettings& train, const DescentPoints& points, Scalar w0, Scalar w1,
                    std::uint32_t seed = 1);
  // Changes the optimiser settings mid-run (the trainer's rule: another optimiser starts from zero
  // moments); the path goes on.
  std::string set_settings(const TrainSettings& train);
  bool ready() const { return ready_; }
  bool diverged() const { return !weights_.allFinite(); }

  std::string step(DescentStep& out);   // refused before reset and after divergence
  std::string run(std::int64_t steps);  // stops early if the weights diverge

  const Vector& weights() const { return weights_; }
  Surface surface() const { return surface_; }
  std::int64_t steps() const { return steps_; }
  std::int64_t epoch() const { return epoch_; }
  Scalar current_learning_rate() const;
  double loss() const;  // J at the current weights
  std::vector<PointTerms> terms() const { return surface_terms(surface_, points_, weights_[0], weights_[1]); }
  void gradient(double& g0, double& g1) const;  // ∂J/∂w over all points at the current weights
  // The weights before the first step and after each one (w0, w1 interleaved), and J at each.
  const std::vector<Scalar>& path() const { return path_; }
  const std::vector<double>& path_loss() const { return path_loss_; }

  // J on an n x n grid over [lo0, hi0] x [lo1, hi1]: row r at w1 = hi1 − r·(hi1 − lo1)/(n − 1) (row
  // 0 at the top, as drawn), column c at w0 = lo0 + c·(hi0 − lo0)/(n − 1). Refused before reset.
  std::string grid(double lo0, double hi0, double lo1, double hi1, int n, std::vector<double>& out) const;

 private:
  std::vector<int> next_batch();
  void record();

  bool ready_ = false;
  Surface surface_ = Surface::LinearRegression;
  TrainSettings train_;
  DescentPoints points_;
  Vector weights_ = Vector::Zero(2);
  OptimizerState optimizer_;
  std::vector<int> order_;
  Index position_ = 0;
  Rng rng_;
  std::int64_t steps_ = 0, epoch_ = 0;
  std::vector<Scalar> path_;
  std::vector<double> path_loss_;
};

}  // namespace bp
