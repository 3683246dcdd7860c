// Tests for top_eigen.hpp: eigenpairs worked by hand (2 x 2, diagonal), rank-deficient and repeated
// spectra, and matrices of 64 x 64 built with a known spectrum (a reflection H diag(λ) H, whose
// eigenvectors are H's columns): a fast-decaying one like a training run's and a slowly falling one (1% per
// eigenvalue).
#include "backprop/top_eigen.hpp"

#include <catch2/catch.hpp>

#include <cmath>

#include "backprop/rng.hpp"

using bp::top_eigenpairs;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

// Unit vectors at the same or opposite orientation (an eigenvector's sign is arbitrary).
double alignment(const VectorXd& a, const VectorXd& b) { return std::abs(a.dot(b)) / (a.norm() * b.norm()); }

// H diag(spectrum) H with H = I - 2 u u^T for a random unit u: symmetric, eigenvalue spectrum[k] on H's column k.
MatrixXd with_spectrum(const VectorXd& spectrum, MatrixXd& h) {
  const auto n = spectrum.size();
  bp::Rng rng(11);
  VectorXd u(n);
  for (Eigen::Index i = 0; i < n; ++i) u[i] = rng.normal();
  u.normalize();
  h = MatrixXd::Identity(n, n) - 2 * u * u.transpose();
  return h * spectrum.asDiagonal() * h;
}

}  // namespace

TEST_CASE("top eigenpairs worked by hand: [[2, 1], [1, 2]] has 3 along (1, 1) and 1 along (1, -1)", "[top_eigen]") {
  MatrixXd a(2, 2);
  a << 2, 1, 1, 2;
  const auto e = top_eigenpairs(a, 2);
  REQUIRE(e.converged);
  CHECK(e.values[0] == Approx(3).epsilon(1e-12));
  CHECK(e.values[1] == Approx(1).epsilon(1e-12));
  CHECK(alignment(e.vectors.col(0), VectorXd::Ones(2)) == Approx(1).epsilon(1e-12));
  CHECK(alignment(e.vectors.col(1), (VectorXd(2) << 1, -1).finished()) == Approx(1).epsilon(1e-12));
  CHECK(e.vectors.col(0).norm() == Approx(1).epsilon(1e-12));
}

TEST_CASE("top eigenpairs of a diagonal matrix: the two largest entries, on their axes, in descending order",
          "[top_eigen]") {
  const MatrixXd a = (VectorXd(4) << 1, 5, 0, 3).finished().asDiagonal();
  const auto e = top_eigenpairs(a, 2);
  CHECK(e.values[0] == Approx(5).epsilon(1e-12));
  CHECK(e.values[1] == Approx(3).epsilon(1e-12));
  CHECK(alignment(e.vectors.col(0), VectorXd::Unit(4, 1)) == Approx(1).epsilon(1e-12));
  CHECK(alignment(e.vectors.col(1), VectorXd::Unit(4, 3)) == Approx(1).epsilon(1e-12));
}

TEST_CASE("top eigenpairs of a rank-2 matrix 4 u u^T + v v^T: 4 and 1 along u and v; of the identity: orthonormal",
          "[top_eigen]") {
  const int n = 20;
  VectorXd u = VectorXd::Zero(n), v = VectorXd::Zero(n);
  for (int i = 0; i < n; ++i) (i % 2 ? u : v)[i] = 1.0 + i;
  u.normalize();
  v.normalize();
  const MatrixXd a = 4 * u * u.transpose() + v * v.transpose();
  const auto e = top_eigenpairs(a, 2);
  REQUIRE(e.converged);
  CHECK(e.values[0] == Approx(4).epsilon(1e-12));
  CHECK(e.values[1] == Approx(1).epsilon(1e-12));
  CHECK(alignment(e.vectors.col(0), u) == Approx(1).epsilon(1e-12));
  CHECK(alignment(e.vectors.col(1), v) == Approx(1).epsilon(1e-12));

  // Every vector is an eigenvector of the identity: any two orthonormal ones will do.
  const auto id = top_eigenpairs(MatrixXd::Identity(6, 6), 2);
  CHECK(id.values[0] == Approx(1).epsilon(1e-12));
  CHECK(id.values[1] == Approx(1).epsilon(1e-12));
  CHECK(std::abs(id.vectors.col(0).dot(id.vectors.col(1))) < 1e-12);
  CHECK(id.vectors.col(1).norm() == Approx(1).epsilon(1e-12));
  // A zero matrix: zeros, and still unit vectors.
  const auto zero = top_eigenpairs(MatrixXd::Zero(3, 3), 2);
  CHECK(zero.values.isZero());
  CHECK(zero.vectors.col(0).norm() == Approx(1).epsilon(1e-12));
}

TEST_CASE("top eigenpairs of 64 x 64 matrices of known spectrum: decaying as 1/k² and falling by 1% per eigenvalue",
          "[top_eigen]") {
  const int n = 64;
  for (const bool flat : {false, true}) {
    VectorXd spectrum(n);
    // Shuffled positions: the largest eigenvalues need not sit on the first axes.
    for (int k = 0; k < n; ++k) spectrum[(k * 27) % n] = flat ? std::pow(0.99, k) : 1.0 / double((k + 1) * (k + 1));
    MatrixXd h;
    const MatrixXd a = with_spectrum(spectrum, h);
    const auto e = top_eigenpairs(a, 2);
    INFO((flat ? "flat" : "decaying") << ": " << e.iterations << " iterations");
    CHECK(e.converged);
    CHECK(e.values[0] == Approx(spectrum.maxCoeff()).epsilon(1e-9));
    CHECK(e.values[1] == Approx(flat ? 0.99 : 0.25).epsilon(1e-9));
    CHECK(alignment(e.vectors.col(0), h.col(0)) == Approx(1).epsilon(1e-6));
    CHECK(alignment(e.vectors.col(1), h.col(27)) == Approx(1).epsilon(1e-6));
    CHECK((a * e.vectors.col(1) - e.values[1] * e.vectors.col(1)).norm() <= 1e-9);
  }
}
