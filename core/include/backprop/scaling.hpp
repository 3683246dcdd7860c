// Input standardisation: each input feature shifted and scaled to mean 0 and standard deviation 1
// over the TRAINING split, x' = (x - mean) / sd, and the same two numbers per feature applied to
// validation, test and the heatmap grid, so nothing about the held-out points leaks into training.
// sd is the population one (divide by n, as scikit-learn's StandardScaler does). Not the features
// themselves (dataset.hpp) and not batch normalisation (no statistics inside the network).
#pragma once
#include <string>
#include <vector>

#include "backprop/scalar.hpp"

namespace bp {

enum class InputScaling { None, Standardise };
const char* input_scaling_name(InputScaling s);
std::vector<std::string> input_scaling_names();  // "none", "standardise"
bool parse_input_scaling(const std::string& name, InputScaling& out);

struct FeatureScaling {
  Vector mean;  // (F) subtracted from each feature row
  Vector sd;    // (F) divides it; 1 where the training values are all equal (nothing to scale)
};

// The statistics of features (F x N, one column per point) over the columns in `train`. For None,
// or no training point, mean 0 and sd 1, which leave every value as it is.
FeatureScaling fit_scaling(InputScaling scaling, const Matrix& features, const std::vector<int>& train);

// features (F x any) <- (features - mean) / sd, row by row.
template <class M>
void apply_scaling(const FeatureScaling& s, Eigen::MatrixBase<M>& features) {
  features.colwise() -= s.mean;
  features.array().colwise() /= s.sd.array();
}

}  // namespace bp
