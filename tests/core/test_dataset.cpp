// Tests for dataset.hpp: generator determinism, counts, domain, class balance and separability,
// features on hand-picked points, the train/validation/test split, and every validation message.
// Not tested here: whether a network can learn these sets (that belongs to the training tests).
#include "backprop/dataset.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>

using namespace bp;

namespace {

const DatasetKind kGenerated[] = {DatasetKind::Xor,         DatasetKind::Circles, DatasetKind::Gaussians,
                                  DatasetKind::Spiral,      DatasetKind::Moons,   DatasetKind::Blobs,
                                  DatasetKind::MultiSpiral, DatasetKind::Plane,   DatasetKind::MultiGaussian};

Dataset make(DatasetKind kind, int points, double noise, std::uint32_t seed = 7, int classes = 3) {
  DataSpec spec;
  spec.kind = kind;
  spec.points = points;
  spec.noise = static_cast<Scalar>(noise);
  spec.seed = seed;
  spec.classes = classes;
  Dataset d;
  const std::string err = generate_dataset(spec, d);
  INFO(dataset_name(kind) << ": " << err);
  REQUIRE(err.empty());
  return d;
}

bool is_classification(DatasetKind kind) { return dataset_problem(kind) != Problem::Regression; }

// Leave-one-out 1-nearest-neighbour accuracy: 1 for data whose classes never touch, clearly lower
// once noise makes them overlap. O(n^2), fine for a few hundred points.
double nn_accuracy(const Dataset& d) {
  const Index n = d.size();
  int correct = 0;
  for (Index i = 0; i < n; ++i) {
    double best = 1e300;
    Index best_j = -1;
    for (Index j = 0; j < n; ++j) {
      if (j == i) continue;
      const double dx = double(d.xy(0, i)) - double(d.xy(0, j));
      const double dy = double(d.xy(1, i)) - double(d.xy(1, j));
      const double q = dx * dx + dy * dy;
      if (q < best) {
        best = q;
        best_j = j;
      }
    }
    correct += d.label(best_j) == d.label(i);
  }
  return double(correct) / double(n);
}

bool same(const Dataset& a, const Dataset& b) {
  return a.problem == b.problem && a.classes == b.classes && a.xy.cols() == b.xy.cols() &&
         a.label.size() == b.label.size() && a.xy == b.xy && a.label == b.label;
}

Dataset custom(std::initializer_list<std::array<double, 3>> pts, Problem problem, int classes) {
  Dataset d;
  d.problem = problem;
  d.classes = classes;
  d.xy.resize(2, static_cast<Index>(pts.size()));
  d.label.resize(static_cast<Index>(pts.size()));
  Index i = 0;
  for (const auto& p : pts) {
    d.xy(0, i) = static_cast<Scalar>(p[0]);
    d.xy(1, i) = static_cast<Scalar>(p[1]);
    d.label(i) = static_cast<Scalar>(p[2]);
    ++i;
  }
  return d;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("dataset and feature names round-trip", "[dataset]") {
  const char* names[] = {"xor",   "circles",      "gaussians", "spiral",         "moons",
                         "blobs", "multi_spiral", "plane",     "multi_gaussian", "custom"};
  for (const char* name : names) {
    DatasetKind kind = DatasetKind::Xor;
    REQUIRE(parse_dataset(name, kind));
    CHECK(std::string(dataset_name(kind)) == name);
  }
  DatasetKind kind = DatasetKind::Moons;
  CHECK_FALSE(parse_dataset("XOR", kind));
  CHECK_FALSE(parse_dataset("", kind));
  CHECK(kind == DatasetKind::Moons);  // untouched on failure

  const char* features[] = {"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin_x1", "sin_x2"};
  for (int i = 0; i < kFeatureCount; ++i) {
    Feature f = Feature::X1;
    REQUIRE(parse_feature(features[i], f));
    CHECK(f == static_cast<Feature>(i));
    CHECK(std::string(feature_name(f)) == features[i]);
  }
  Feature f = Feature::SinX2;
  CHECK_FALSE(parse_feature("x3", f));
  CHECK(f == Feature::SinX2);

  CHECK(dataset_problem(DatasetKind::Xor) == Problem::Binary);
  CHECK(dataset_problem(DatasetKind::Circles) == Problem::Binary);
  CHECK(dataset_problem(DatasetKind::Gaussians) == Problem::Binary);
  CHECK(dataset_problem(DatasetKind::Spiral) == Problem::Binary);
  CHECK(dataset_problem(DatasetKind::Moons) == Problem::Binary);
  CHECK(dataset_problem(DatasetKind::Blobs) == Problem::Multiclass);
  CHECK(dataset_problem(DatasetKind::MultiSpiral) == Problem::Multiclass);
  CHECK(dataset_problem(DatasetKind::Plane) == Problem::Regression);
  CHECK(dataset_problem(DatasetKind::MultiGaussian) == Problem::Regression);
  CHECK(dataset_problem(DatasetKind::Custom) == Problem::Binary);
}

TEST_CASE("same seed gives identical points, another seed different ones", "[dataset]") {
  for (DatasetKind kind : kGenerated) {
    INFO(dataset_name(kind));
    const Dataset a = make(kind, 150, 0.3, 42);
    const Dataset b = make(kind, 150, 0.3, 42);
    const Dataset c = make(kind, 150, 0.3, 43);
    CHECK(same(a, b));
    CHECK(a.xy != c.xy);
  }
}

TEST_CASE("every kind gives the requested count, labels in range, points in the domain", "[dataset]") {
  for (DatasetKind kind : kGenerated)
    for (double noise : {0.0, 0.5, 1.0})
      for (int points : {1, 2, 7, 301}) {
        INFO(dataset_name(kind) << " noise " << noise << " points " << points);
        const Dataset d = make(kind, points, noise, 3, 5);
        REQUIRE(d.size() == points);
        REQUIRE(d.label.size() == points);
        CHECK(d.problem == dataset_problem(kind));
        const int expected_classes = d.problem == Problem::Binary ? 2 : d.problem == Problem::Multiclass ? 5 : 1;
        CHECK(d.classes == expected_classes);
        CHECK(d.xy.allFinite());
        CHECK(d.xy.cwiseAbs().maxCoeff() <= kDomain);
        for (Index i = 0; i < d.size(); ++i) {
          const Scalar y = d.label(i);
          if (d.problem == Problem::Regression) {
            CHECK(y >= -1);
            CHECK(y <= 1);
          } else {
            CHECK(y == std::floor(y));
            CHECK(y >= 0);
            CHECK(y <= d.classes - 1);
          }
        }
        // A valid generated set is also a valid custom set.
        CHECK(check_custom_dataset(d).empty());
      }
}

TEST_CASE("classes are balanced, the remainder spread one each", "[dataset]") {
  for (DatasetKind kind : kGenerated) {
    if (!is_classification(kind)) continue;
    for (int k : {3, 5, 8}) {
      INFO(dataset_name(kind) << " classes " << k);
      const int n = 203;
      const Dataset d = make(kind, n, 0.5, 11, k);
      std::vector<int> count(static_cast<std::size_t>(d.classes), 0);
      for (Index i = 0; i < d.size(); ++i) ++count[static_cast<std::size_t>(d.label(i))];
      const auto [lo, hi] = std::minmax_element(count.begin(), count.end());
      CHECK(*lo == n / d.classes);
      CHECK(*hi - *lo <= 1);
    }
  }
}

TEST_CASE("xor at noise 0 follows the sign rule exactly, away from the axes", "[dataset]") {
  const Dataset d = make(DatasetKind::Xor, 500, 0.0);
  for (Index i = 0; i < d.size(); ++i) {
    const Scalar x1 = d.xy(0, i), x2 = d.xy(1, i);
    CHECK(d.label(i) == (x1 * x2 >= 0 ? 1 : 0));
    CHECK(std::abs(x1) >= Scalar(0.29));
    CHECK(std::abs(x2) >= Scalar(0.29));
  }
  // At noise 1 points are moved across the axes, so the rule no longer holds for all of them.
  const Dataset noisy = make(DatasetKind::Xor, 500, 1.0);
  int wrong = 0;
  for (Index i = 0; i < noisy.size(); ++i) wrong += noisy.label(i) != (noisy.xy(0, i) * noisy.xy(1, i) >= 0 ? 1 : 0);
  CHECK(wrong > 50);
}

TEST_CASE("circles at noise 0: every inner point is nearer the centre than every outer one", "[dataset]") {
  const Dataset d = make(DatasetKind::Circles, 500, 0.0);
  double max_inner = 0, min_outer = 1e9;
  for (Index i = 0; i < d.size(); ++i) {
    const double r = std::hypot(double(d.xy(0, i)), double(d.xy(1, i)));
    if (d.label(i) == 1)
      max_inner = std::max(max_inner, r);
    else
      min_outer = std::min(min_outer, r);
  }
  CHECK(max_inner < min_outer);
  CHECK(max_inner <= 2.5 + 1e-5);
  CHECK(min_outer >= 3.5 - 1e-5);
}

TEST_CASE("gaussians: class 1 centred near (2, 2), class 0 near (-2, -2)", "[dataset]") {
  for (double noise : {0.0, 1.0}) {
    INFO("noise " << noise);
    const Dataset d = make(DatasetKind::Gaussians, 1000, noise);
    double sum[2][2] = {{0, 0}, {0, 0}};
    int count[2] = {0, 0};
    for (Index i = 0; i < d.size(); ++i) {
      const int c = static_cast<int>(d.label(i));
      sum[c][0] += d.xy(0, i);
      sum[c][1] += d.xy(1, i);
      ++count[c];
    }
    for (int a = 0; a < 2; ++a) {
      CHECK(sum[1][a] / count[1] > 1);
      CHECK(sum[0][a] / count[0] < -1);
    }
    if (noise == 0) {
      for (Index i = 0; i < d.size(); ++i)  // sd 0.5 at 2.83 from the boundary: never crosses
        CHECK((d.xy(0, i) + d.xy(1, i) > 0) == (d.label(i) == 1));
    }
  }
}

TEST_CASE("classification sets are separable at noise 0 and overlap at noise 1", "[dataset]") {
  for (DatasetKind kind : kGenerated) {
    if (!is_classification(kind)) continue;
    for (int k : {3, 8}) {
      if (dataset_problem(kind) == Problem::Binary && k == 8) continue;
      INFO(dataset_name(kind) << " classes " << k);
      CHECK(nn_accuracy(make(kind, 600, 0.0, 5, k)) == 1.0);
      CHECK(nn_accuracy(make(kind, 600, 1.0, 5, k)) < 0.92);
    }
  }
}

TEST_CASE("regression targets: clean at noise 0, noisy at noise 1", "[dataset]") {
  const Dataset plane = make(DatasetKind::Plane, 400, 0.0);
  for (Index i = 0; i < plane.size(); ++i)
    CHECK(plane.label(i) == Approx((plane.xy(0, i) + plane.xy(1, i)) / (2 * kDomain)).margin(1e-5));

  const Dataset noisy = make(DatasetKind::Plane, 400, 1.0);
  double residual = 0;
  for (Index i = 0; i < noisy.size(); ++i)
    residual += std::abs(noisy.label(i) - (noisy.xy(0, i) + noisy.xy(1, i)) / (2 * kDomain));
  CHECK(residual / noisy.size() > 0.1);

  // Multi-Gaussian uses both signs and reaches near its peaks somewhere in 2000 points.
  const Dataset bumps = make(DatasetKind::MultiGaussian, 2000, 0.0);
  CHECK(bumps.label.maxCoeff() > Scalar(0.8));
  CHECK(bumps.label.minCoeff() < Scalar(-0.8));
  // Regression noise touches only the targets: same seed, same positions, different targets.
  const Dataset clean = make(DatasetKind::MultiGaussian, 400, 0.0);
  const Dataset rough = make(DatasetKind::MultiGaussian, 400, 1.0);
  CHECK(clean.xy == rough.xy);
  CHECK((clean.label - rough.label).cwiseAbs().mean() > Scalar(0.1));
}

TEST_CASE("features on hand-picked points", "[dataset]") {
  Eigen::Matrix<Scalar, 2, Eigen::Dynamic> xy(2, 3);
  xy << 1.0, -2.0, 0.5,  //
      3.0, 0.25, -1.5;
  const std::vector<Feature> all = {Feature::X1,   Feature::X2,    Feature::X1Squared, Feature::X2Squared,
                                    Feature::X1X2, Feature::SinX1, Feature::SinX2};
  const Matrix f = compute_features(all, xy);
  REQUIRE(f.rows() == 7);
  REQUIRE(f.cols() == 3);
  const double tol = 1e-6;
  CHECK(f(0, 1) == Approx(-2.0).margin(tol));
  CHECK(f(1, 0) == Approx(3.0).margin(tol));
  CHECK(f(2, 1) == Approx(4.0).margin(tol));
  CHECK(f(3, 2) == Approx(2.25).margin(tol));
  CHECK(f(4, 0) == Approx(3.0).margin(tol));
  CHECK(f(4, 1) == Approx(-0.5).margin(tol));
  CHECK(f(4, 2) == Approx(-0.75).margin(tol));
  CHECK(f(5, 0) == Approx(0.8414709848).margin(tol));   // sin(1)
  CHECK(f(6, 1) == Approx(0.2474039593).margin(tol));   // sin(0.25)
  CHECK(f(6, 2) == Approx(-0.9974949866).margin(tol));  // sin(-1.5)

  // Rows follow the requested order, repeats allowed; a block of a dataset works as input.
  const Matrix g = compute_features({Feature::SinX1, Feature::X1}, xy.leftCols(2));
  REQUIRE(g.rows() == 2);
  REQUIRE(g.cols() == 2);
  CHECK(g(0, 0) == Approx(0.8414709848).margin(tol));
  CHECK(g(1, 1) == Approx(-2.0).margin(tol));
}

TEST_CASE("split sizes, disjointness, coverage and determinism", "[dataset]") {
  struct Case {
    int n;
    double train, validation;
    std::size_t n_train, n_val, n_test;
  };
  const Case cases[] = {
      {200, 0.7, 0.1, 140, 20, 40}, {10, 0.5, 0.5, 5, 5, 0}, {10, 1.0, 0.0, 10, 0, 0}, {3, 0.1, 0.0, 1, 0, 2},
      {1, 0.5, 0.5, 1, 0, 0},       {7, 0.6, 0.4, 4, 3, 0},  {9, 0.8, 0.2, 7, 2, 0},   {100, 0.55, 0.2, 55, 20, 25},
  };
  for (const auto& c : cases) {
    INFO("n " << c.n << " train " << c.train << " validation " << c.validation);
    const Scalar t = static_cast<Scalar>(c.train), v = static_cast<Scalar>(c.validation);
    REQUIRE(check_split(c.n, t, v).empty());
    const Split s = make_split(c.n, t, v, 9);
    CHECK(s.train.size() == c.n_train);
    CHECK(s.validation.size() == c.n_val);
    CHECK(s.test.size() == c.n_test);

    std::vector<int> all;
    for (const auto* part : {&s.train, &s.validation, &s.test}) {
      CHECK(std::is_sorted(part->begin(), part->end()));
      all.insert(all.end(), part->begin(), part->end());
    }
    std::sort(all.begin(), all.end());
    std::vector<int> expected(static_cast<std::size_t>(c.n));
    for (int i = 0; i < c.n; ++i) expected[static_cast<std::size_t>(i)] = i;
    CHECK(all == expected);  // disjoint and covering 0..n-1

    const Split again = make_split(c.n, t, v, 9);
    CHECK(again.train == s.train);
    CHECK(again.validation == s.validation);
    CHECK(again.test == s.test);
  }
  // Another seed picks other members (not just the first indices).
  const Split a = make_split(200, Scalar(0.5), Scalar(0.25), 1);
  const Split b = make_split(200, Scalar(0.5), Scalar(0.25), 2);
  CHECK(a.train != b.train);
  CHECK(a.train.back() > 100);
}

TEST_CASE("invalid splits are rejected with a message naming the setting", "[dataset]") {
  const double nan = std::nan("");
  const double inf = HUGE_VAL;
  CHECK(contains(check_split(0, Scalar(0.5), Scalar(0.1)), "at least 1 point (got 0)"));
  CHECK(contains(check_split(10, Scalar(0), Scalar(0.1)), "train_ratio"));
  CHECK(contains(check_split(10, Scalar(-0.1), Scalar(0.1)), "train_ratio"));
  CHECK(contains(check_split(10, Scalar(1.5), Scalar(0)), "(got 1.5)"));
  CHECK(contains(check_split(10, Scalar(nan), Scalar(0.1)), "train_ratio"));
  CHECK(contains(check_split(10, Scalar(0.5), Scalar(-0.1)), "validation_ratio"));
  CHECK(contains(check_split(10, Scalar(0.5), Scalar(inf)), "validation_ratio"));
  CHECK(contains(check_split(10, Scalar(0.5), Scalar(nan)), "validation_ratio"));
  CHECK(contains(check_split(10, Scalar(0.7), Scalar(0.4)), "train_ratio + validation_ratio"));
  CHECK(check_split(10, Scalar(0.7), Scalar(0.3)).empty());  // sums to 1 within rounding
  CHECK(check_split(10, Scalar(0.9), Scalar(0.1)).empty());
}

TEST_CASE("invalid specs are rejected, naming the setting, leaving out untouched", "[dataset]") {
  const Dataset before = make(DatasetKind::Moons, 20, 0.2);
  struct Case {
    DatasetKind kind;
    int points;
    double noise;
    int classes;
    const char* expect;
  };
  const double nan = std::nan("");
  const Case cases[] = {
      {DatasetKind::Xor, 0, 0.0, 3, "points must be between 1 and 5000 (got 0)"},
      {DatasetKind::Xor, -3, 0.0, 3, "points"},
      {DatasetKind::Circles, kMaxPoints + 1, 0.0, 3, "(got 5001)"},
      {DatasetKind::Spiral, 100, -0.1, 3, "noise"},
      {DatasetKind::Spiral, 100, 1.01, 3, "noise"},
      {DatasetKind::Moons, 100, nan, 3, "noise"},
      {DatasetKind::Moons, 100, HUGE_VAL, 3, "noise"},
      {DatasetKind::Blobs, 100, 0.0, 2, "classes must be between 3 and 8 for blobs (got 2)"},
      {DatasetKind::MultiSpiral, 100, 0.0, 9, "classes"},
      {DatasetKind::Custom, 100, 0.0, 3, "custom"},
      {static_cast<DatasetKind>(99), 100, 0.0, 3, "dataset"},
  };
  for (const auto& c : cases) {
    DataSpec spec;
    spec.kind = c.kind;
    spec.points = c.points;
    spec.noise = static_cast<Scalar>(c.noise);
    spec.classes = c.classes;
    INFO("expect " << c.expect);
    const std::string checked = check_data_spec(spec);
    CHECK(contains(checked, c.expect));
    Dataset out = before;
    CHECK(generate_dataset(spec, out) == checked);
    CHECK(same(out, before));
  }
  // classes only matters for the multi-class kinds.
  DataSpec spec;
  spec.kind = DatasetKind::Xor;
  spec.classes = 0;
  CHECK(check_data_spec(spec).empty());
}

TEST_CASE("custom datasets are validated point by point", "[dataset]") {
  const double nan = std::nan("");
  CHECK(check_custom_dataset(custom({{0, 0, 0}, {1, 1, 1}}, Problem::Binary, 2)).empty());
  CHECK(check_custom_dataset(custom({{0, 0, 2}, {-999, 999, 0}}, Problem::Multiclass, 3)).empty());
  CHECK(check_custom_dataset(custom({{0, 0, -7.5}}, Problem::Regression, 1)).empty());

  CHECK(check_custom_dataset(custom({{0, 0, 0}, {1, 1, 1}, {2, 2, 1}, {3, 3, 5}}, Problem::Binary, 2)) ==
        "point 3: label 5 is not a class between 0 and 1");
  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}, {1, 1, 0.5}}, Problem::Binary, 2)), "point 1: label 0.5"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, -1}}, Problem::Multiclass, 3)), "point 0: label -1"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, 3}}, Problem::Multiclass, 3)), "between 0 and 2"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, nan}}, Problem::Binary, 2)), "point 0: label"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}, {nan, 0, 0}}, Problem::Binary, 2)),
                 "point 1: x1 is not finite"));
  CHECK(contains(check_custom_dataset(custom({{0, HUGE_VAL, 0}}, Problem::Binary, 2)), "point 0: x2"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}, {0, 1001, 0}}, Problem::Binary, 2)),
                 "point 1: x2 1001 is outside"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, nan}}, Problem::Regression, 1)), "point 0: target"));
  // The first bad point is the one reported.
  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}, {0, 0, 9}, {nan, 0, 0}}, Problem::Binary, 2)), "point 1:"));

  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}}, Problem::Binary, 3)), "classes must be 2"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}}, Problem::Multiclass, 1)), "classes"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}}, Problem::Multiclass, kMaxClasses + 1)), "classes"));
  CHECK(contains(check_custom_dataset(custom({{0, 0, 0}}, Problem::Regression, 2)), "classes must be 1"));

  Dataset empty = custom({}, Problem::Binary, 2);
  CHECK(contains(check_custom_dataset(empty), "points must be between 1 and 5000 (got 0)"));
  Dataset mismatch = custom({{0, 0, 0}, {1, 1, 1}}, Problem::Binary, 2);
  mismatch.label.resize(1);
  CHECK(contains(check_custom_dataset(mismatch), "label has 1"));
  Dataset big;
  big.xy = Eigen::Matrix<Scalar, 2, Eigen::Dynamic>::Zero(2, kMaxPoints + 1);
  big.label = Vector::Zero(kMaxPoints + 1);
  CHECK(contains(check_custom_dataset(big), "(got 5001)"));
}

// ---- 1-D regression sets (x -> y) ----

TEST_CASE("1-D curves by hand at a few x", "[dataset][approx]") {
  CHECK(curve_value(DatasetKind::Sine, 0) == 0);
  CHECK(curve_value(DatasetKind::Sine, 1.5707963267948966) == Approx(1).margin(1e-12));
  CHECK(curve_value(DatasetKind::Sine, -1) == Approx(-0.8414709848078965).margin(1e-12));
  CHECK(curve_value(DatasetKind::Step, -0.001) == -0.5);
  CHECK(curve_value(DatasetKind::Step, 0) == 0.5);
  CHECK(curve_value(DatasetKind::Step, 5) == 0.5);
  CHECK(curve_value(DatasetKind::Abs, 0) == -1);
  CHECK(curve_value(DatasetKind::Abs, -3) == Approx(0).margin(1e-15));
  CHECK(curve_value(DatasetKind::Abs, 6) == Approx(1).margin(1e-15));
  CHECK(curve_value(DatasetKind::Bump, 0) == 1);
  CHECK(curve_value(DatasetKind::Bump, 1.5) == Approx(0.6065306597126334).margin(1e-12));  // e^(-1/2)
  CHECK(curve_value(DatasetKind::Bump, -3) == Approx(0.1353352832366127).margin(1e-12));   // e^(-2)
}

TEST_CASE("1-D sets: x in the domain, x2 zero, targets on the curve at noise 0", "[dataset][approx]") {
  for (DatasetKind kind : {DatasetKind::Sine, DatasetKind::Step, DatasetKind::Abs, DatasetKind::Bump}) {
    INFO(dataset_name(kind));
    CHECK(dataset_inputs(kind) == 1);
    CHECK(dataset_problem(kind) == Problem::Regression);
    const Dataset d = make(kind, 300, 0.0);
    CHECK(d.inputs == 1);
    CHECK(d.classes == 1);
    CHECK(d.problem == Problem::Regression);
    REQUIRE(d.size() == 300);
    CHECK(d.xy.row(1).isZero());
    CHECK(d.xy.row(0).minCoeff() >= -kDomain);
    CHECK(d.xy.row(0).maxCoeff() <= kDomain);
    CHECK(d.xy.row(0).maxCoeff() - d.xy.row(0).minCoeff() > Scalar(11));  // spread over the domain
    for (Index i = 0; i < d.size(); ++i)
      CHECK(d.label(i) == Approx(Scalar(curve_value(kind, double(d.xy(0, i))))).margin(1e-6));
  }
  CHECK(dataset_inputs(DatasetKind::Plane) == 2);
  CHECK(dataset_inputs(DatasetKind::Curve) == 1);
  CHECK(make(DatasetKind::Xor, 10, 0.0).inputs == 2);
}

TEST_CASE("1-D sets: seeded noise on the targets only, clamped to [-1, 1]", "[dataset][approx]") {
  const Dataset clean = make(DatasetKind::Sine, 400, 0.0, 3);
  const Dataset noisy = make(DatasetKind::Sine, 400, 1.0, 3);
  const Dataset again = make(DatasetKind::Sine, 400, 1.0, 3);
  const Dataset other = make(DatasetKind::Sine, 400, 1.0, 4);
  CHECK(clean.xy == noisy.xy);        // noise moves targets, not x
  CHECK(same(noisy, again));          // same seed, same data
  CHECK_FALSE(noisy.xy == other.xy);  // another seed, other points
  const double residual = double((noisy.label - clean.label).cwiseAbs().mean());
  CHECK(residual > 0.15);  // sd 0.3: mean |error| about 0.24 before clamping
  CHECK(residual < 0.3);
  CHECK(noisy.label.maxCoeff() <= 1);
  CHECK(noisy.label.minCoeff() >= -1);
}

TEST_CASE("1-D sets split like the others; the drawn curve is supplied, never generated", "[dataset][approx]") {
  const Dataset d = make(DatasetKind::Bump, 200, 0.2);
  const Split s = make_split(int(d.size()), Scalar(0.7), Scalar(0.1), 9);
  CHECK(s.train.size() == 140);
  CHECK(s.validation.size() == 20);
  CHECK(s.test.size() == 40);
  CHECK(make_split(200, Scalar(0.7), Scalar(0.1), 9).test == s.test);

  DataSpec spec;
  spec.kind = DatasetKind::Curve;
  Dataset out;
  CHECK(generate_dataset(spec, out) == "dataset curve cannot be generated: its points are supplied by the user");

  Dataset curve;
  curve.problem = Problem::Regression;
  curve.classes = 1;
  curve.inputs = 1;
  curve.xy = Eigen::Matrix<Scalar, 2, Eigen::Dynamic>::Zero(2, 3);
  curve.xy.row(0) << -1, 0, 2;
  curve.label = Vector::Constant(3, Scalar(0.5));
  CHECK(check_custom_dataset(curve).empty());
  curve.xy(1, 2) = Scalar(0.25);
  CHECK(check_custom_dataset(curve) == "point 2: x2 must be 0 for 1-D points (got 0.25)");
  curve.xy(1, 2) = 0;
  curve.problem = Problem::Binary;
  curve.classes = 2;
  CHECK(check_custom_dataset(curve) == "1-D points (x -> y) must be a regression problem");
  curve.inputs = 3;
  CHECK(check_custom_dataset(curve) == "inputs must be 1 (x -> y) or 2 (x1, x2) (got 3)");
}

TEST_CASE("1-D dataset names round-trip", "[dataset][approx]") {
  for (const char* name : {"sine", "step", "abs", "bump", "curve"}) {
    DatasetKind kind = DatasetKind::Xor;
    REQUIRE(parse_dataset(name, kind));
    CHECK(std::string(dataset_name(kind)) == name);
    CHECK(dataset_inputs(kind) == 1);
  }
  CHECK(uses_x2(Feature::X2));
  CHECK(uses_x2(Feature::X1X2));
  CHECK_FALSE(uses_x2(Feature::SinX1));
  CHECK_FALSE(uses_x2(Feature::X1Squared));
}
