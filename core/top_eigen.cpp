#include "backprop/top_eigen.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace bp {
namespace {

using Eigen::Index;

// A residual ||A v - λ v|| this small, relative to the largest eigenvalue, counts as converged: far
// below what a plotted direction or a printed share of variance can show, well above rounding.
constexpr double kTolerance = 1e-10;
constexpr int kMaxIterations = 500;
// Columns carried beyond the ones asked for: the k-th step's error shrinks as (λ_{p+1} / λ_count)^k
// for a subspace of p columns, so a few more make a flat spectrum converge in far fewer steps.
constexpr Index kGuard = 8;

// Diagonalises the small symmetric matrix h by cyclic Jacobi rotations; y gets the rotations'
// product, whose columns are h's eigenvectors (eigenvalue j ends up at h(j, j)).
void jacobi(Eigen::MatrixXd& h, Eigen::MatrixXd& y) {
  const Index n = h.rows();
  y.setIdentity(n, n);
  for (int sweep = 0; sweep < 64; ++sweep) {
    bool rotated = false;
    for (Index p = 0; p < n - 1; ++p)
      for (Index q = p + 1; q < n; ++q) {
        // An entry below rounding next to its diagonal counts as 0: rotating it would only trade it
        // for others of the same size, sweep after sweep.
        if (std::abs(h(p, q)) <= 1e-15 * (std::abs(h(p, p)) + std::abs(h(q, q)))) {
          h(p, q) = h(q, p) = 0;
          continue;
        }
        rotated = true;
        // The rotation that zeroes h(p, q): t = tan of its angle, the smaller root of t² + 2θt - 1 = 0.
        const double theta = (h(q, q) - h(p, p)) / (2 * h(p, q));
        const double t = (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        const auto rotate = [c, s](double& xp, double& xq) {
          const double a = xp, b = xq;
          xp = c * a - s * b;
          xq = s * a + c * b;
        };
        for (Index k = 0; k < n; ++k) rotate(h(k, p), h(k, q));  // h J
        for (Index k = 0; k < n; ++k) rotate(h(p, k), h(q, k));  // J^T (h J)
        for (Index k = 0; k < n; ++k) rotate(y(k, p), y(k, q));
      }
    if (!rotated) return;
  }
}

// Gram-Schmidt, twice per column (once is not enough in floating point). A column that lay in the span
// of those before it is replaced by the first unit vector that does not, so q keeps full rank.
void orthonormalise(Eigen::MatrixXd& q) {
  const Index n = q.rows();
  Index next_unit = 0;
  for (Index j = 0; j < q.cols(); ++j) {
    for (;;) {
      const double before = q.col(j).norm();
      for (int pass = 0; pass < 2; ++pass)
        for (Index i = 0; i < j; ++i) q.col(j) -= q.col(i).dot(q.col(j)) * q.col(i);
      const double after = q.col(j).norm();
      if (after > 1e-10 * before || next_unit >= 2 * n) {  // (not finite: give up, leave it be)
        q.col(j) /= after;
        break;
      }
      q.col(j) = Eigen::VectorXd::Unit(n, next_unit++ % n);
    }
  }
}

// out = a b, a column at a time as sums of a's columns: the matrices here are at most 256 x 18, and
// Eigen's general matrix product would double this file's compile time in every build.
void multiply(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b, Eigen::MatrixXd& out) {
  out.setZero(a.rows(), b.cols());
  for (Index j = 0; j < b.cols(); ++j)
    for (Index k = 0; k < a.cols(); ++k) out.col(j) += b(k, j) * a.col(k);
}

}  // namespace

TopEigen top_eigenpairs(const Eigen::MatrixXd& a, int count) {
  const Index n = a.rows();
  const Index p = std::min(n, Index(count) + kGuard);
  // Start from the columns of a with the largest diagonal entries: they lie in its range and lean
  // towards its leading eigenvectors (for a Gram matrix: the snapshots farthest from the mean).
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index(0));
  std::stable_sort(order.begin(), order.end(), [&a](Index i, Index j) { return a(i, i) > a(j, j); });
  Eigen::MatrixXd q(n, p);
  for (Index j = 0; j < p; ++j) q.col(j) = a.col(order[std::size_t(j)]);
  orthonormalise(q);
  Eigen::MatrixXd w, product;
  multiply(a, q, w);  // w = a q throughout

  TopEigen out;
  Eigen::MatrixXd h(p, p), y, sorted(p, p);
  Eigen::VectorXd values(p);
  std::vector<Index> by_value(static_cast<std::size_t>(p));
  for (out.iterations = 1;; ++out.iterations) {
    // Rayleigh-Ritz: the best approximations to eigenpairs within span(q).
    for (Index i = 0; i < p; ++i)
      for (Index j = 0; j <= i; ++j) h(i, j) = h(j, i) = 0.5 * (q.col(i).dot(w.col(j)) + q.col(j).dot(w.col(i)));
    jacobi(h, y);
    std::iota(by_value.begin(), by_value.end(), Index(0));
    std::stable_sort(by_value.begin(), by_value.end(), [&h](Index i, Index j) { return h(i, i) > h(j, j); });
    for (Index j = 0; j < p; ++j) {
      sorted.col(j) = y.col(by_value[std::size_t(j)]);
      values[j] = h(by_value[std::size_t(j)], by_value[std::size_t(j)]);
    }
    multiply(q, sorted, product);
    q.swap(product);
    multiply(w, sorted, product);
    w.swap(product);
    const double scale = values.cwiseAbs().maxCoeff();
    out.converged = true;
    for (Index j = 0; j < count; ++j)
      if ((w.col(j) - values[j] * q.col(j)).norm() > kTolerance * scale) out.converged = false;
    if (out.converged || out.iterations == kMaxIterations) break;
    q = w;  // one step of the power method on the whole subspace
    orthonormalise(q);
    multiply(a, q, w);
  }
  out.values = values.head(count);
  out.vectors = q.leftCols(count);
  return out;
}

}  // namespace bp
