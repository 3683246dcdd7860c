// What one hidden layer can do: a one-output network read as a sum over its last hidden layer,
// F(x) = sum_i alpha_i a_i(x) + b (Cybenko 1989, Hornik 1991), sampled along x for 1-D data; and,
// for 2-D data, on which side of each first-layer unit's line w_i . x + b_i = 0 every grid cell lies.
// Not training, not the page's heatmaps (Playground::evaluate_grid); no browser code, no exceptions:
// errors come back as message strings.
#pragma once
#include <string>
#include <vector>

#include "backprop/dataset.hpp"
#include "backprop/network.hpp"
#include "backprop/scaling.hpp"

namespace bp {

constexpr int kMaxLineSamples = 4096;

struct UnitSum {
  Vector x;         // (G) sample points, lo..hi with both ends
  Matrix units;     // (H x G) a_i(x): unit i of the last hidden layer (the features with no hidden layer)
  Vector alpha;     // (H) alpha_i = W_L(0, i), the output's weight on unit i
  Scalar bias = 0;  // b = b_L(0)
  Matrix terms;     // (H x G) alpha_i a_i(x): each unit's scaled curve
  Vector z;         // (G) the output's pre-activation W_L a + b, as the network computes it
  Vector output;    // (G) f(z): the network's output
};

// The network at `samples` points x_j = lo + j (hi - lo) / (samples - 1), fed as (x1, x2) = (x, 0)
// through `features`. Needs one output; samples 2..kMaxLineSamples; finite lo < hi.
// `scaling`, when given, is the input scaling the network was trained with (Playground's
// feature_scaling()), applied to the features as training did.
std::string unit_sum(const Network& net, const std::vector<Feature>& features, Scalar lo, Scalar hi, int samples,
                     UnitSum& out, const FeatureScaling* scaling = nullptr);

// Over a g x g grid of [lo, hi]^2 (row 0 at the top, cell centres, as Playground::evaluate_grid),
// how many first-layer units have z_i = w_i . features + b_i > 0 at each cell: every unit's side is
// the AND of the half-planes (count = H), some unit's the OR (count > 0). toward_output: count a
// unit where it is on the side that raises the output instead (z_i > 0 if alpha_i = W_1(0, i) >= 0,
// z_i < 0 if alpha_i < 0), which needs one hidden layer and one output. Needs a hidden layer;
// g 1..kMaxGridSide of the façade (checked by the caller).
std::string positive_side_counts(const Network& net, const std::vector<Feature>& features, Scalar lo, Scalar hi, int g,
                                 std::vector<int>& counts, bool toward_output = false,
                                 const FeatureScaling* scaling = nullptr);

}  // namespace bp
