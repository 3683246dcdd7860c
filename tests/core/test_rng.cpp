// Tests for rng.hpp: determinism per (seed, stream), ranges of uniform/below, the moments of
// normal(), and that shuffle is a permutation. Statistical checks use loose bounds (> 4 sigma) on
// fixed seeds, so they are deterministic. Not a test of randomness quality.
#include "backprop/rng.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

using bp::Rng;

TEST_CASE("same seed and stream give the same sequence", "[rng]") {
  Rng a(42), b(42);
  for (int i = 0; i < 1000; ++i) REQUIRE(a.next_u32() == b.next_u32());
  Rng c(42, 7), d(42, 7);
  for (int i = 0; i < 100; ++i) {
    REQUIRE(c.uniform() == d.uniform());
    REQUIRE(c.normal() == d.normal());
    REQUIRE(c.below(10) == d.below(10));
  }
}

TEST_CASE("different seeds or streams give different sequences", "[rng]") {
  auto first = [](Rng r) {
    std::vector<std::uint32_t> v;
    for (int i = 0; i < 8; ++i) v.push_back(r.next_u32());
    return v;
  };
  const auto base = first(Rng(1, 0));
  CHECK(first(Rng(2, 0)) != base);
  CHECK(first(Rng(1, 1)) != base);
  CHECK(first(Rng(0, 0)) != base);  // seed 0 is valid (state is never all zero)
}

TEST_CASE("uniform draws lie in 0 <= u < 1 (and lo <= u < hi) with mean ~1/2", "[rng]") {
  Rng r(7);
  double sum = 0, lo_seen = 1, hi_seen = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    lo_seen = std::min(lo_seen, u);
    hi_seen = std::max(hi_seen, u);
    sum += u;
  }
  // sd of the mean of U(0,1) over n draws = sqrt(1/12/n) ~ 0.002
  CHECK(sum / n == Approx(0.5).margin(0.01));
  CHECK(lo_seen < 0.001);
  CHECK(hi_seen > 0.999);
  for (int i = 0; i < 1000; ++i) {
    const double v = r.uniform(-3.0, 2.0);
    REQUIRE(v >= -3.0);
    REQUIRE(v < 2.0);
  }
}

TEST_CASE("below(n) stays below n and hits every value", "[rng]") {
  Rng r(11);
  for (std::uint32_t n : {1u, 2u, 3u, 7u, 10u, 1000u, 4294967295u}) {
    for (int i = 0; i < 2000; ++i) REQUIRE(r.below(n) < n);
  }
  std::vector<int> counts(6, 0);
  const int n = 60000;
  for (int i = 0; i < n; ++i) ++counts[r.below(6)];
  for (int c : counts) CHECK(c == Approx(n / 6.0).margin(400));  // sd ~ 91
}

TEST_CASE("normal has mean ~0 and sd ~1 over 20000 draws", "[rng]") {
  Rng r(2024);
  const int n = 20000;
  double sum = 0, sum_sq = 0;
  int beyond3 = 0;
  for (int i = 0; i < n; ++i) {
    const double x = r.normal();
    REQUIRE(std::isfinite(x));
    sum += x;
    sum_sq += x * x;
    beyond3 += std::abs(x) > 3;
  }
  const double mean = sum / n, sd = std::sqrt(sum_sq / n - mean * mean);
  CHECK(mean == Approx(0).margin(0.03));  // sd of the mean ~ 0.007
  CHECK(sd == Approx(1).margin(0.03));
  CHECK(beyond3 < 120);  // expected 0.27% = 54

  Rng s(5);
  double sum2 = 0;
  for (int i = 0; i < n; ++i) sum2 += s.normal(10.0, 0.5);
  CHECK(sum2 / n == Approx(10.0).margin(0.02));
}

TEST_CASE("shuffle is a seeded permutation", "[rng]") {
  std::vector<int> v(50);
  std::iota(v.begin(), v.end(), 0);
  auto a = v, b = v;
  Rng r1(3), r2(3);
  r1.shuffle(a);
  r2.shuffle(b);
  CHECK(a == b);
  CHECK(a != v);
  auto sorted = a;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == v);
}
