// The largest eigenvalues of a symmetric positive semi-definite matrix and their eigenvectors, by
// subspace iteration with Rayleigh-Ritz: what the loss landscape's principal directions need (the top
// two of a Gram matrix of at most 256 x 256). Eigen's full symmetric eigensolver cost about 20
// CPU-seconds of the sanitizer build's compile (10 in the others) for those two vectors.
// Not for indefinite matrices (it finds the eigenvalues largest in magnitude). Converges within its
// step limit unless the spectrum is nearly flat beyond the pairs asked for (λ_{count+9} above about
// 95% of λ_count); then it returns the best pairs found, the eigenvalues still close (their error is
// the square of the vectors').
#pragma once
#include <Eigen/Core>

namespace bp {

struct TopEigen {
  Eigen::VectorXd values;   // descending
  Eigen::MatrixXd vectors;  // unit columns, orthogonal, in the order of values
  int iterations = 0;       // subspace steps taken
  bool converged = false;   // every residual ||A v - λ v|| within 1e-12 of the largest |λ|
};

// The `count` largest eigenpairs of the symmetric PSD matrix `a` (1 <= count <= a.rows()). Deterministic:
// the same matrix gives the same result. An eigenvector's sign is arbitrary.
TopEigen top_eigenpairs(const Eigen::MatrixXd& a, int count);

}  // namespace bp
