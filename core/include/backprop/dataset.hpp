// Datasets for the playground: seeded generators, input features, train/validation/test split.
// 2-D points lie in the square [-kDomain, kDomain]^2; 1-D sets (x -> y regression) keep x in the
// first row, in [-kDomain, kDomain], and 0 in the second. Labels are class indices 0..K-1 stored as
// Scalar, or real targets in [-1, 1] for regression. Same seed => same points, natively and in wasm.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/scalar.hpp"

namespace bp {

constexpr Scalar kDomain = 6;

enum class DatasetKind {
  Xor,
  Circles,
  Gaussians,
  Spiral,
  Moons,  // binary classification
  Blobs,
  MultiSpiral,  // multi-class (classes >= 3)
  Plane,
  MultiGaussian,  // regression
  Custom,         // points supplied by the user
  Sine,
  Step,
  Abs,
  Bump,  // 1-D regression, x -> y
  Curve  // 1-D points supplied by the user (a drawn curve)
};
enum class Problem { Binary, Multiclass, Regression };

struct DataSpec {
  DatasetKind kind = DatasetKind::Xor;
  int points = 200;  // total, before the split; 1..kMaxPoints
  Scalar noise = 0;  // 0 (clean) .. 1 (very noisy); each generator scales it sensibly
  std::uint32_t seed = 1;
  int classes = 3;  // Blobs and MultiSpiral only: 3..kMaxClasses
};

constexpr int kMaxPoints = 5000;
constexpr int kMaxClasses = 8;

struct Dataset {
  Problem problem = Problem::Binary;
  int classes = 2;                              // 2 for binary, K for multi-class, 1 for regression
  int inputs = 2;                               // 2: (x1, x2); 1: x in row 0, row 1 all 0 (regression)
  Eigen::Matrix<Scalar, 2, Eigen::Dynamic> xy;  // (2 x N) one column per point
  Vector label;                                 // (N) class index, or target for regression
  Index size() const { return xy.cols(); }
};

const char* dataset_name(DatasetKind kind);
std::vector<std::string> dataset_names();
bool parse_dataset(const std::string& name, DatasetKind& out);
Problem dataset_problem(DatasetKind kind);
int dataset_inputs(DatasetKind kind);  // 1 for the x -> y sets (Sine .. Curve), else 2
bool user_supplied(DatasetKind kind);  // Custom and Curve: points come from the user

// The 1-D sets' noiseless curves y = f(x), in [-1, 1] on [-kDomain, kDomain]:
// sine sin(x); step -1/2 for x < 0, +1/2 from 0; abs |x|/3 - 1; bump exp(-x^2 / (2 * 1.5^2)).
double curve_value(DatasetKind kind, double x);

// Empty string on success; otherwise a message naming the bad setting and `out` is untouched.
std::string check_data_spec(const DataSpec& spec);
std::string generate_dataset(const DataSpec& spec, Dataset& out);
// Validates user points: finite, inside a generous box, labels matching the problem; 1-D points
// (inputs 1) are regression with every x2 0.
std::string check_custom_dataset(const Dataset& data);

// Input features computed from (x1, x2).
enum class Feature { X1, X2, X1Squared, X2Squared, X1X2, SinX1, SinX2 };
constexpr int kFeatureCount = 7;
bool uses_x2(Feature f);  // x2, x2^2, x1*x2, sin_x2: meaningless on 1-D data
const char* feature_name(Feature f);
std::vector<std::string> feature_names();  // "x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2"
bool parse_feature(const std::string& name, Feature& out);

// The centres of a g x g grid of cells over [lo, hi]^2, row by row from the top (x2 = hi) and
// left to right in each row: (2 x g*g), the points of the page's heatmaps.
Eigen::Matrix<Scalar, 2, Eigen::Dynamic> grid_centres(int g, Scalar lo, Scalar hi);

// (F x N) matrix, rows in the order of `features`, columns matching xy.
template <class XY>
Matrix compute_features(const std::vector<Feature>& features, const Eigen::MatrixBase<XY>& xy);

// Disjoint index sets covering 0..n-1, shuffled with `seed`. test gets the remainder.
struct Split {
  std::vector<int> train, validation, test;
};
// Ratios in [0, 1], train_ratio > 0, train_ratio + validation_ratio <= 1, at least 1 train point.
std::string check_split(int n, Scalar train_ratio, Scalar validation_ratio);
Split make_split(int n, Scalar train_ratio, Scalar validation_ratio, std::uint32_t seed);

// ---- template definition ----
template <class XY>
Matrix compute_features(const std::vector<Feature>& features, const Eigen::MatrixBase<XY>& xy) {
  Matrix out(static_cast<Index>(features.size()), xy.cols());
  // Contiguous copies: a row of a 2 x N matrix is strided, which would send sin() to the scalar
  // libm path (slower, and not bit-identical between glibc and the wasm libc).
  const Eigen::Array<Scalar, Eigen::Dynamic, 1> x1 = xy.row(0).transpose().array();
  const Eigen::Array<Scalar, Eigen::Dynamic, 1> x2 = xy.row(1).transpose().array();
  for (std::size_t k = 0; k < features.size(); ++k) {
    auto row = out.row(static_cast<Index>(k)).transpose().array();
    switch (features[k]) {
      case Feature::X1: row = x1; break;
      case Feature::X2: row = x2; break;
      case Feature::X1Squared: row = x1.square(); break;
      case Feature::X2Squared: row = x2.square(); break;
      case Feature::X1X2: row = x1 * x2; break;
      case Feature::SinX1: row = x1.sin(); break;
      case Feature::SinX2: row = x2.sin(); break;
    }
  }
  return out;
}

}  // namespace bp
