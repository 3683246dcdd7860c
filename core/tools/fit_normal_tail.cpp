// Derives the rational function in normal_distribution.hpp: R(y) = Phi(-y) e^{y^2/2}
// = erfcx(y / sqrt 2) / 2 ~ P(y) / Q(y) on [0, Y], P of degree m, Q of degree n with Q(0) = 1,
// fitted to the relative error by least squares reweighted towards its peaks (Loeb's linearisation,
// then Lawson's weights), in long double against erfc. Prints the largest relative error over the
// fit's 4,000 Chebyshev-spaced points and the coefficients in y. Not part of the build:
//   g++ -O2 -o /tmp/fit core/tools/fit_normal_tail.cpp && /tmp/fit 4 5 13.3
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {
using Real = long double;
using Rows = std::vector<std::vector<Real>>;

Real mills_over_root_2pi(Real y) {
  const Real x = y / std::sqrt(Real(2));
  return std::erfc(x) * std::exp(x * x) / 2;
}

// Least squares A c = b by Householder QR (the normal equations would square A's conditioning).
std::vector<Real> least_squares(Rows A, std::vector<Real> b) {
  const std::size_t rows = A.size(), cols = A[0].size();
  for (std::size_t k = 0; k < cols; ++k) {
    Real norm = 0;
    for (std::size_t i = k; i < rows; ++i) norm += A[i][k] * A[i][k];
    norm = A[k][k] > 0 ? -std::sqrt(norm) : std::sqrt(norm);
    std::vector<Real> v(rows, 0);
    for (std::size_t i = k; i < rows; ++i) v[i] = A[i][k];
    v[k] -= norm;
    Real vv = 0;
    for (std::size_t i = k; i < rows; ++i) vv += v[i] * v[i];
    if (vv == 0) continue;
    const auto reflect = [&](auto&& column) {
      Real s = 0;
      for (std::size_t i = k; i < rows; ++i) s += v[i] * column(i);
      s = 2 * s / vv;
      for (std::size_t i = k; i < rows; ++i) column(i) -= s * v[i];
    };
    for (std::size_t j = k; j < cols; ++j) reflect([&](std::size_t i) -> Real& { return A[i][j]; });
    reflect([&](std::size_t i) -> Real& { return b[i]; });
  }
  std::vector<Real> c(cols);
  for (std::size_t k = cols; k-- > 0;) {
    Real s = b[k];
    for (std::size_t j = k + 1; j < cols; ++j) s -= A[k][j] * c[j];
    c[k] = s / A[k][k];
  }
  return c;
}

Real horner(const std::vector<Real>& c, Real s) {
  Real r = 0;
  for (std::size_t k = c.size(); k-- > 0;) r = r * s + c[k];
  return r;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: fit_normal_tail M N [Y]\n");
    return 2;
  }
  const int m = std::atoi(argv[1]), n = std::atoi(argv[2]);
  const Real Y = argc > 3 ? std::strtold(argv[3], nullptr) : Real(13.3);
  const int points = 4000;
  std::vector<Real> y(points), r(points), loeb(points, 1), lawson(points, 1);
  for (int i = 0; i < points; ++i) {
    y[i] = Y * (Real(0.5) - Real(0.5) * std::cos(3.14159265358979323846L * i / (points - 1)));
    r[i] = mills_over_root_2pi(y[i]);
  }
  // Fitted in s = y / Y (so the columns are of one size), converted to y when printed.
  std::vector<Real> p(m + 1), q(n + 1), best_p, best_q;
  q[0] = 1;
  Real best = INFINITY;
  for (int iteration = 0; iteration < 60; ++iteration) {
    Rows A(points, std::vector<Real>(m + 1 + n));
    std::vector<Real> b(points);
    for (int i = 0; i < points; ++i) {
      // P(s) - r Q(s) = 0, relative to r, weighted by 1 / Q of the last fit (Loeb) and Lawson's weight.
      const Real s = y[i] / Y, w = lawson[i] * loeb[i] / r[i];
      Real power = 1;
      for (int k = 0; k <= m; ++k, power *= s) A[i][k] = w * power;
      power = s;
      for (int k = 1; k <= n; ++k, power *= s) A[i][m + k] = -w * r[i] * power;
      b[i] = w * r[i];
    }
    const std::vector<Real> c = least_squares(A, b);
    for (int k = 0; k <= m; ++k) p[k] = c[k];
    for (int k = 1; k <= n; ++k) q[k] = c[m + k];
    Real worst = 0;
    std::vector<Real> error(points);
    for (int i = 0; i < points; ++i) {
      const Real s = y[i] / Y;
      error[i] = std::fabs(horner(p, s) / horner(q, s) / r[i] - 1);
      worst = std::fmax(worst, error[i]);
      loeb[i] = 1 / std::fabs(horner(q, s));
    }
    if (worst < best) best = worst, best_p = p, best_q = q;
    if (iteration >= 5)
      for (int i = 0; i < points; ++i) lawson[i] *= std::sqrt(error[i] / worst + Real(1e-3));
  }
  std::printf("degree %d / %d on [0, %Lg]: largest relative error %.3Le\n", m, n, Y, best);
  Real scale = 1;
  for (int k = 0; k <= m; ++k, scale *= Y) std::printf("p%d = %.12Le\n", k, best_p[k] / scale);
  scale = Y;
  for (int k = 1; k <= n; ++k, scale *= Y) std::printf("q%d = %.12Le\n", k, best_q[k] / scale);
}
