// Tests for landscape.hpp: the slice at (0, 0) is the playground's training loss; a grid cell is the
// loss of the network moved there, row 0 at the top; filter-normalised random directions (row norms,
// zero biases, seeds); principal directions recovering a known plane and its coordinates; the path of
// a recorded run; the trajectory's thinning and clearing; a slice a block of rows at a time, bit for bit
// the whole one; every refusal, which changes nothing.
#include "backprop/landscape.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "backprop/rng.hpp"
#include "support.hpp"

using namespace bp;
using namespace bp::test;
using Catch::Matchers::Contains;

namespace {

// Relative tolerance for losses computed twice along different routes.
constexpr double kLossTol = kFloat ? 1e-6 : 1e-12;

// The default playground (XOR, [2, 4, 2, 1] tanh, 100 training points) after a few epochs.
Playground trained(int epochs = 5) {
  Playground pg;
  REQUIRE(pg.train_epochs(epochs).empty());
  return pg;
}

// Records the weights, then trains an epoch, `records` times, then records the weights it ends with.
void train_recording(Playground& pg, int records) {
  for (int k = 0; k < records; ++k) {
    REQUIRE(pg.record_trajectory().empty());
    REQUIRE(pg.train_epochs(1).empty());
  }
  REQUIRE(pg.record_trajectory().empty());
}

SliceSpec spec_of(SliceDirections d, std::int64_t grid, double range, std::uint32_t seed = 1) {
  SliceSpec s;
  s.directions = d;
  s.grid = grid;
  s.range = range;
  s.seed = seed;
  return s;
}

// The training loss of pg's network with its weights set to `params` (the façade's own route).
double loss_at(const Playground& pg, const Vector& params) {
  Playground moved = pg;
  REQUIRE(moved.set_params(params.data(), params.size()).empty());
  return moved.metrics(Subset::Train).loss;
}

// A unit vector of P entries drawn from `seed`, orthogonalised against `against` (if given).
Vector unit_vector(Index P, std::uint32_t seed, const Vector* against = nullptr) {
  Rng rng(seed, 99);
  Vector v(P);
  for (Index i = 0; i < P; ++i) v[i] = Scalar(rng.normal());
  if (against) v -= v.dot(*against) * *against;
  return v / v.norm();
}

// The slice through pg's weights over its training data, with the trajectory t instead of pg's own.
std::string slice_with(const Playground& pg, const Trajectory& t, const SliceSpec& spec, LossSlice& out) {
  return loss_slice(pg.network(), pg.settings().loss, pg.training_data(), pg.split().train, t, spec, out);
}

// The path's first `count` points are coords[0..count).
void check_path(const LossSlice& s, const double (*coords)[2], std::size_t count) {
  REQUIRE(s.path.size() >= 2 * count);
  for (std::size_t k = 0; k < count; ++k) {
    INFO("snapshot " << k);
    CHECK(s.path[2 * k] == Approx(coords[k][0]).margin(10 * kValueTol));
    CHECK(s.path[2 * k + 1] == Approx(coords[k][1]).margin(10 * kValueTol));
  }
}

bool same_slice(const LossSlice& a, const LossSlice& b) {
  return a.grid == b.grid && a.range == b.range && a.loss == b.loss && a.center_loss == b.center_loss && a.d1 == b.d1 &&
         a.d2 == b.d2 && a.explained == b.explained && a.path == b.path && a.path_loss == b.path_loss &&
         a.path_records == b.path_records;
}

}  // namespace

TEST_CASE("the slice at (0, 0) equals the current training loss, for either directions", "[landscape]") {
  Playground pg = trained();
  train_recording(pg, 4);
  const double loss = pg.metrics(Subset::Train).loss;
  const Index P = pg.network().parameter_count();
  for (SliceDirections d : {SliceDirections::Random, SliceDirections::Trajectory}) {
    INFO(slice_directions_name(d));
    LossSlice s;
    REQUIRE(pg.loss_slice(spec_of(d, 5, 2), s) == "");
    CHECK(s.grid == 5);
    CHECK(s.range == 2);
    REQUIRE(s.loss.size() == 25);
    CHECK(s.loss[2 * 5 + 2] == loss);  // the middle cell: α = β = 0 exactly
    CHECK(s.center_loss == loss);
    CHECK(s.d1.size() == P);
    CHECK(s.d2.size() == P);
    CHECK(s.path.size() == 2 * 5);
    CHECK(s.path_loss.size() == 5);
    CHECK(s.path_records == std::vector<std::int64_t>{0, 1, 2, 3, 4});
    for (double v : s.loss) CHECK(std::isfinite(v));
  }
  // Only the data loss: L2 changes the objective the trainer minimises, not the slice.
  Settings st = pg.settings();
  st.train.l2 = Scalar(0.5);
  REQUIRE(pg.configure(st) == "");  // keeps the weights and the trajectory
  LossSlice s;
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 3, 1), s) == "");
  CHECK(s.loss[4] == loss);
  CHECK(s.center_loss == pg.metrics(Subset::Train).loss);
}

TEST_CASE("a grid cell is the loss of the network moved to θ + α·d1 + β·d2; row 0 at the top", "[landscape]") {
  // Circles with a sigmoid output and cross-entropy, so another loss than the default's.
  Playground pg;
  Settings st = pg.settings();
  st.data.kind = DatasetKind::Circles;
  st.hidden = {5};
  st.output_activation = Activation::Sigmoid;
  st.loss = Loss::BinaryCrossEntropy;
  REQUIRE(pg.configure(st) == "");
  REQUIRE(pg.train_epochs(3).empty());
  LossSlice s;
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 5, 2, 7), s) == "");
  const Vector theta = pg.network().params();
  // Columns at α = −2, −1, 0, 1, 2; rows at β = 2, 1, 0, −1, −2.
  const struct {
    int row, col;
    double alpha, beta;
  } cells[] = {{0, 0, -2, 2}, {0, 4, 2, 2}, {4, 0, -2, -2}, {4, 4, 2, -2}, {1, 3, 1, 1}, {3, 0, -2, -1}, {2, 2, 0, 0}};
  for (const auto& c : cells) {
    INFO("row " << c.row << ", column " << c.col);
    const Vector moved = theta + Scalar(c.alpha) * s.d1 + Scalar(c.beta) * s.d2;
    const double want = loss_at(pg, moved);
    CHECK(s.loss[std::size_t(c.row * 5 + c.col)] == Approx(want).epsilon(kLossTol));
  }
  // The corners differ, so a transposed or flipped grid would have failed above.
  CHECK(s.loss[0] != Approx(s.loss[4]).epsilon(1e-3));
  CHECK(s.loss[0] != Approx(s.loss[20]).epsilon(1e-3));
  CHECK(s.loss[4] != Approx(s.loss[20]).epsilon(1e-3));
}

TEST_CASE("random directions are filter-normalised: each unit's row has θ's norm, biases are 0", "[landscape]") {
  Playground pg = trained();
  REQUIRE(pg.set_weight(0, 2, 0, 0).empty());  // unit 2 of the first layer: no weights at all
  REQUIRE(pg.set_weight(0, 2, 1, 0).empty());
  const Network& net = pg.network();
  Vector d1, d2;
  REQUIRE(random_directions(net, 3, d1, d2) == "");
  for (const Vector* d : {&d1, &d2}) {
    REQUIRE(d->size() == net.parameter_count());
    for (int l = 0; l < net.layer_count(); ++l) {
      const ConstMatrixMap w(d->data() + net.weight_offset(l), net.size(l + 1), net.size(l));
      for (Index j = 0; j < w.rows(); ++j) {
        INFO("layer " << l << ", unit " << j);
        CHECK(double(w.row(j).norm()) == Approx(double(net.W(l).row(j).norm())).epsilon(kLossTol));
      }
      const ConstVectorMap b(d->data() + net.bias_offset(l), net.size(l + 1));
      CHECK(b.isZero(0));
    }
    CHECK(ConstMatrixMap(d->data(), 4, 2).row(2).isZero(0));  // the silenced unit stays still
  }
  // Entries are not just the weights rescaled: the row's direction is random.
  CHECK(max_abs(d1 - net.params()) > 0.01);
  CHECK(max_abs(d1 - d2) > 0.01);
}

TEST_CASE("random directions: the same seed gives the same ones, another seed others", "[landscape]") {
  const Playground pg = trained();
  Vector a1, a2, b1, b2, c1, c2;
  REQUIRE(random_directions(pg.network(), 11, a1, a2) == "");
  REQUIRE(random_directions(pg.network(), 11, b1, b2) == "");
  REQUIRE(random_directions(pg.network(), 12, c1, c2) == "");
  CHECK(a1 == b1);
  CHECK(a2 == b2);
  CHECK(max_abs(a1 - c1) > 0.01);
  CHECK(max_abs(a2 - c2) > 0.01);
  // Through the slice too: its grid follows the seed.
  LossSlice s11, again, s12;
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 3, 1, 11), s11) == "");
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 3, 1, 11), again) == "");
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 3, 1, 12), s12) == "");
  CHECK(s11.d1 == a1);
  CHECK(s11.d2 == a2);
  CHECK(same_slice(s11, again));
  CHECK(s11.loss != s12.loss);
  CHECK(s11.explained == std::array<double, 2>{{0, 0}});
}

TEST_CASE("principal directions recover the plane a trajectory lies in, and its coordinates", "[landscape]") {
  const Playground pg = trained();
  const Vector theta = pg.network().params();
  const Index P = theta.size();
  const Vector u = unit_vector(P, 1), w = unit_vector(P, 2, &u);
  // Snapshots θ + a u + b w: mean (2, 0), variance along u (36 per point squared, 4 points) nine
  // times that along w, uncorrelated, so the principal axes are u and w themselves, explaining
  // 36/40 and 4/40. The first snapshot has a, b < 0, which fixes the signs: d1 = u, d2 = w.
  const double coords[][2] = {{-1, -1}, {-1, 1}, {5, -1}, {5, 1}};
  Trajectory t;
  for (const auto& c : coords) REQUIRE(t.record(theta + Scalar(c[0]) * u + Scalar(c[1]) * w) == "");
  Vector d1, d2;
  std::array<double, 2> explained{{0, 0}};
  REQUIRE(trajectory_directions(t, theta, d1, d2, explained) == "");
  CHECK(max_abs(d1 - u) <= 10 * kValueTol);
  CHECK(max_abs(d2 - w) <= 10 * kValueTol);
  CHECK(double(d1.norm()) == Approx(1).margin(kValueTol));
  CHECK(double(d2.norm()) == Approx(1).margin(kValueTol));
  CHECK(double(d1.dot(d2)) == Approx(0).margin(kValueTol));
  CHECK(explained[0] == Approx(0.9).margin(kValueTol));
  CHECK(explained[1] == Approx(0.1).margin(kValueTol));
  CHECK(explained[0] + explained[1] == Approx(1).margin(kValueTol));

  // The slice projects each snapshot back to its coordinates, and the path's losses are the
  // snapshots' own.
  LossSlice s;
  REQUIRE(slice_with(pg, t, spec_of(SliceDirections::Trajectory, 3, 6), s) == "");
  CHECK(s.explained == explained);
  CHECK(s.path.size() == 8);
  check_path(s, coords, 4);
  for (std::size_t k = 0; k < 4; ++k) CHECK(s.path_loss[k] == Approx(loss_at(pg, t.snapshots()[k])).epsilon(kLossTol));
}

TEST_CASE("random directions are not orthogonal: the path solves the normal equations", "[landscape]") {
  const Playground pg = trained();
  const Vector theta = pg.network().params();
  Vector d1, d2;
  REQUIRE(random_directions(pg.network(), 5, d1, d2) == "");
  const double cosine = double(d1.dot(d2)) / double(d1.norm() * d2.norm());
  REQUIRE(std::abs(cosine) > 0.05);  // so projecting on each direction alone would be off
  const double coords[][2] = {{0.5, -1.5}, {-2, 0.25}, {1, 1}};
  Trajectory t;
  for (const auto& c : coords) REQUIRE(t.record(theta + Scalar(c[0]) * d1 + Scalar(c[1]) * d2) == "");
  // And one off the plane (along a unit vector orthogonal to both): its projection is the in-plane part.
  const Vector e1 = d1.normalized(), e2 = (d2 - d2.dot(e1) * e1).normalized();
  Vector normal = unit_vector(theta.size(), 4, &e1);
  normal = (normal - normal.dot(e2) * e2).normalized();
  REQUIRE(double(normal.dot(d1)) == Approx(0).margin(kValueTol));
  REQUIRE(double(normal.dot(d2)) == Approx(0).margin(kValueTol));
  REQUIRE(t.record(theta + Scalar(0.75) * d1 - Scalar(0.5) * d2 + Scalar(0.3) * normal) == "");
  LossSlice s;
  REQUIRE(slice_with(pg, t, spec_of(SliceDirections::Random, 3, 1, 5), s) == "");
  REQUIRE(s.d1 == d1);
  CHECK(s.path.size() == 8);
  check_path(s, coords, 3);
  CHECK(s.path[6] == Approx(0.75).margin(10 * kValueTol));
  CHECK(s.path[7] == Approx(-0.5).margin(10 * kValueTol));
}

TEST_CASE("a recorded run: the path ends at (0, 0) at the current weights and starts at the initial ones",
          "[landscape]") {
  Playground pg;
  const double initial_loss = pg.metrics(Subset::Train).loss;
  train_recording(pg, 20);
  REQUIRE(pg.trajectory().size() == 21);
  for (SliceDirections d : {SliceDirections::Trajectory, SliceDirections::Random}) {
    INFO(slice_directions_name(d));
    LossSlice s;
    REQUIRE(pg.loss_slice(spec_of(d, 3, 1), s) == "");
    REQUIRE(s.path.size() == 42);
    CHECK(s.path[40] == 0);  // the last snapshot is θ: exactly the plane's origin
    CHECK(s.path[41] == 0);
    CHECK(s.path_loss.back() == pg.metrics(Subset::Train).loss);
    CHECK(s.path_loss.front() == initial_loss);
    CHECK(s.path_records.back() == 20);
    if (d == SliceDirections::Trajectory) {
      // The first snapshot at coordinates <= 0 (the sign convention), the run explained mostly by d1.
      CHECK(s.path[0] <= 0);
      CHECK(s.path[1] <= 0);
      CHECK(s.explained[0] >= s.explained[1]);
      CHECK(s.explained[1] > 0);
      CHECK(s.explained[0] + s.explained[1] <= 1 + kValueTol);
      CHECK(double(s.d1.norm()) == Approx(1).margin(kValueTol));
      CHECK(double(s.d1.dot(s.d2)) == Approx(0).margin(kValueTol));
    }
  }
}

TEST_CASE("the trajectory thins to every other snapshot when full, keeping the first and the newest", "[landscape]") {
  CHECK(Trajectory::capacity_for(25) == kMaxSnapshots);
  CHECK(Trajectory::capacity_for(Index(1) << 16) == 64);  // 2^22 values / 2^16 parameters
  CHECK(Trajectory::capacity_for(Index(1) << 21) == kMinSnapshots);
  Trajectory t;
  for (int k = 0; k < 1000; ++k) REQUIRE(t.record(Vector::Constant(3, Scalar(k))) == "");
  // 256 fill it; at 256 and at 511 it halves (stride 2, then 4): records 0, 4, ..., 996, and 999.
  CHECK(t.stride() == 4);
  REQUIRE(t.size() == 251);
  for (std::size_t k = 0; k + 1 < t.size(); ++k) {
    INFO("snapshot " << k);
    CHECK(t.records()[k] == std::int64_t(4 * k));
    CHECK(t.snapshots()[k] == Vector::Constant(3, Scalar(4 * k)));
  }
  CHECK(t.records().back() == 999);
  CHECK(t.snapshots().back() == Vector::Constant(3, Scalar(999)));
  // Never more than the capacity at any point of a run.
  Trajectory small;
  std::size_t most = 0;
  const Index P = Index(1) << 16;
  for (int k = 0; k < 200; ++k) {
    REQUIRE(small.record(Vector::Constant(P, Scalar(k))) == "");
    most = std::max(most, small.size());
    CHECK(small.records().front() == 0);
    CHECK(small.records().back() == k);
  }
  CHECK(most == 64);
}

TEST_CASE("the trajectory: another size starts it over, non-finite weights are refused", "[landscape]") {
  Trajectory t;
  REQUIRE(t.record(Vector::Zero(3)) == "");
  REQUIRE(t.record(Vector::Ones(3)) == "");
  Vector bad = Vector::Ones(3);
  bad[1] = std::numeric_limits<Scalar>::quiet_NaN();
  CHECK_THAT(t.record(bad), Contains("not finite"));
  CHECK(t.size() == 2);
  CHECK(t.records() == std::vector<std::int64_t>{0, 1});
  REQUIRE(t.record(Vector::Ones(4)) == "");  // another network
  CHECK(t.size() == 1);
  CHECK(t.records() == std::vector<std::int64_t>{0});
  t.clear();
  CHECK(t.size() == 0);
}

TEST_CASE("the playground clears its trajectory when the weights start over, and keeps it otherwise",
          "[landscape][playground]") {
  Playground pg;
  const auto recorded = [&] {
    pg.clear_trajectory();
    train_recording(pg, 2);
    REQUIRE(pg.trajectory().size() == 3);
  };
  recorded();
  pg.reset();
  CHECK(pg.trajectory().size() == 0);

  recorded();
  Settings st = pg.settings();
  st.train.learning_rate = Scalar(0.1);  // keeps the weights
  REQUIRE(pg.configure(st) == "");
  CHECK(pg.trajectory().size() == 3);
  const Vector p = pg.network().params();
  REQUIRE(pg.set_params(p.data(), p.size()) == "");
  REQUIRE(pg.set_weight(0, 0, 0, Scalar(0.25)) == "");
  REQUIRE(pg.set_bias(0, 0, Scalar(0.25)) == "");
  CHECK(pg.trajectory().size() == 3);
  st.hidden = {3};  // a new network
  REQUIRE(pg.configure(st) == "");
  CHECK(pg.trajectory().size() == 0);

  recorded();
  st.seed = 9;  // new initial weights for the same network
  REQUIRE(pg.configure(st) == "");
  CHECK(pg.trajectory().size() == 0);

  recorded();
  Dataset d;
  d.problem = Problem::Binary;
  d.classes = 2;
  d.xy.resize(2, 4);
  d.xy << -1, 1, -1, 1, -1, -1, 1, 1;
  d.label.resize(4);
  d.label << 0, 1, 1, 0;
  REQUIRE(pg.set_custom_data(d) == "");
  CHECK(pg.trajectory().size() == 0);
  pg.clear_trajectory();
  CHECK(pg.trajectory().size() == 0);
}

TEST_CASE("a slice computed a block of rows at a time equals the whole slice bit for bit", "[landscape]") {
  Playground pg = trained();
  train_recording(pg, 6);
  for (SliceDirections d : {SliceDirections::Random, SliceDirections::Trajectory}) {
    INFO(slice_directions_name(d));
    const SliceSpec spec = spec_of(d, 9, 1.5, 3);
    LossSlice whole;
    REQUIRE(pg.loss_slice(spec, whole) == "");
    SliceRows rows;
    REQUIRE(pg.begin_loss_slice(spec, rows) == "");
    // Begun: everything but the grid, whose cells wait as NaN.
    REQUIRE(rows.slice().loss.size() == 81);
    for (double v : rows.slice().loss) CHECK(std::isnan(v));
    CHECK(rows.slice().center_loss == whole.center_loss);
    CHECK(rows.slice().path == whole.path);
    // The blocks out of order and of uneven sizes, and the network trained and its trajectory recorded
    // between them: the rows are of the plane and weights begun with.
    REQUIRE(rows.rows(4, 5) == "");
    train_recording(pg, 1);
    REQUIRE(rows.rows(0, 1) == "");
    REQUIRE(rows.rows(1, 3) == "");
    CHECK(same_slice(rows.slice(), whole));
    CHECK(std::memcmp(rows.slice().loss.data(), whole.loss.data(), whole.loss.size() * sizeof(double)) == 0);
  }
  // Begun again for a larger network: the same equality, with buffers of its size.
  SliceRows rows;
  REQUIRE(pg.begin_loss_slice(spec_of(SliceDirections::Random, 5, 1), rows) == "");
  REQUIRE(rows.rows(0, 5) == "");
  Settings st = pg.settings();
  st.hidden = {12, 12, 12};
  REQUIRE(pg.configure(st) == "");
  REQUIRE(pg.begin_loss_slice(spec_of(SliceDirections::Random, 5, 1), rows) == "");
  REQUIRE(rows.rows(0, 5) == "");
  LossSlice whole;
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 5, 1), whole) == "");
  CHECK(same_slice(rows.slice(), whole));
}

TEST_CASE("a block of rows outside the slice begun is refused, changing nothing", "[landscape][validation]") {
  Playground pg = trained();
  SliceRows rows;
  CHECK_THAT(rows.rows(0, 1), Contains("no slice has been begun"));
  CHECK(rows.slice().loss.empty());
  REQUIRE(pg.begin_loss_slice(spec_of(SliceDirections::Random, 5, 1), rows) == "");
  REQUIRE(rows.rows(0, 2) == "");
  const LossSlice before = rows.slice();
  const auto refused = [&](std::int64_t first, std::int64_t count, const char* words) {
    const std::string e = rows.rows(first, count);
    INFO("got '" << e << "'");
    CHECK_THAT(e, Contains(words));
    // NaN cells compare unequal: compare the bytes.
    CHECK(std::memcmp(rows.slice().loss.data(), before.loss.data(), before.loss.size() * sizeof(double)) == 0);
  };
  refused(-1, 1, "the first row must be 0 to 4 of the slice's 5 rows (got -1)");
  refused(5, 1, "(got 5)");
  refused(-4294967296LL, 1, "(got -4294967296)");
  refused(0, 0, "the row count must be 1 to 5 from row 0 of the slice's 5 rows (got 0)");
  refused(3, 3, "the row count must be 1 to 2 from row 3 of the slice's 5 rows (got 3)");
  refused(2, -1, "(got -1)");
  // A refused begin keeps the slice begun before it.
  CHECK_THAT(pg.begin_loss_slice(spec_of(SliceDirections::Random, 1, 1), rows), Contains("2 to 101 points a side"));
  CHECK(rows.slice().grid == 5);
  REQUIRE(rows.rows(2, 3) == "");
  LossSlice whole;
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 5, 1), whole) == "");
  CHECK(rows.slice().loss == whole.loss);
}

TEST_CASE("every bad slice is refused with a message naming it, changing nothing", "[landscape][validation]") {
  Playground pg = trained();
  LossSlice out;
  REQUIRE(pg.loss_slice(spec_of(SliceDirections::Random, 3, 1), out) == "");
  const LossSlice before = out;
  const Vector params = pg.network().params();
  const auto refused = [&](const SliceSpec& spec, const char* words) {
    const std::string e = pg.loss_slice(spec, out);
    INFO("got '" << e << "'");
    CHECK_THAT(e, Contains(words));
    CHECK(same_slice(out, before));
    CHECK(pg.network().params() == params);
  };
  const SliceDirections R = SliceDirections::Random, T = SliceDirections::Trajectory;
  refused(spec_of(R, 1, 1), "2 to 101 points a side (got 1)");
  refused(spec_of(R, 102, 1), "2 to 101 points a side (got 102)");
  refused(spec_of(R, -4294967296LL, 1), "(got -4294967296)");
  refused(spec_of(R, 5, 0), "range must be in (0, 1000] (got 0)");
  refused(spec_of(R, 5, -1), "(got -1)");
  refused(spec_of(R, 5, 1001), "(got 1001)");
  refused(spec_of(R, 5, std::numeric_limits<double>::quiet_NaN()), "(got nan)");
  refused(spec_of(R, 5, std::numeric_limits<double>::infinity()), "(got inf)");
  // Principal directions need a trajectory with spread in two dimensions.
  refused(spec_of(T, 5, 1), "at least 3 recorded snapshots of the weights (there are 0 snapshots)");
  REQUIRE(pg.record_trajectory() == "");
  refused(spec_of(T, 5, 1), "(there is 1 snapshot)");
  REQUIRE(pg.record_trajectory() == "");
  REQUIRE(pg.record_trajectory() == "");
  refused(spec_of(T, 5, 1), "barely differ");  // three records of the same weights
  CHECK(pg.trajectory().size() == 3);

  // Snapshots on a line through θ.
  Trajectory line;
  const Vector u = unit_vector(params.size(), 3);
  for (int k = 0; k < 3; ++k) REQUIRE(line.record(params + Scalar(0.5 * k) * u) == "");
  std::string e = slice_with(pg, line, spec_of(T, 5, 1), out);
  CHECK_THAT(e, Contains("lie on a line"));
  CHECK(same_slice(out, before));
  Vector d1 = Vector::Ones(2), d2 = Vector::Ones(3);
  std::array<double, 2> explained{{-1, -1}};
  CHECK_THAT(trajectory_directions(line, params, d1, d2, explained), Contains("lie on a line"));
  CHECK(d1 == Vector::Ones(2));
  CHECK(d2 == Vector::Ones(3));
  CHECK(explained == std::array<double, 2>{{-1, -1}});
  // A trajectory of another network.
  Trajectory other;
  REQUIRE(other.record(Vector::Ones(3)) == "");
  e = slice_with(pg, other, spec_of(R, 5, 1), out);
  CHECK_THAT(e, Contains("the recorded trajectory has 3 parameters, the network 25"));
  // Weights that are not finite.
  Network diverged = pg.network();
  diverged.params()[0] = std::numeric_limits<Scalar>::infinity();
  e = loss_slice(diverged, pg.settings().loss, pg.training_data(), pg.split().train, Trajectory(), spec_of(R, 5, 1),
                 out);
  CHECK_THAT(e, Contains("not finite"));
  // No training examples, or one that is not in the data.
  e = loss_slice(pg.network(), pg.settings().loss, pg.training_data(), {}, Trajectory(), spec_of(R, 5, 1), out);
  CHECK_THAT(e, Contains("no training examples"));
  e = loss_slice(pg.network(), pg.settings().loss, pg.training_data(), {0, 200}, Trajectory(), spec_of(R, 5, 1), out);
  CHECK_THAT(e, Contains("training example 200 is not in the data"));
  CHECK(same_slice(out, before));
}

TEST_CASE("random directions are refused where they span no plane", "[landscape][validation]") {
  Playground pg;
  Settings st = pg.settings();
  st.init = Init::Zeros;  // every weight 0: every row's norm is 0
  REQUIRE(pg.configure(st) == "");
  LossSlice out;
  CHECK_THAT(pg.loss_slice(spec_of(SliceDirections::Random, 5, 1), out), Contains("every weight is 0"));
  CHECK(out.loss.empty());
  Vector d1 = Vector::Ones(2), d2 = Vector::Ones(3);  // left alone by a refusal
  CHECK_THAT(random_directions(pg.network(), 1, d1, d2), Contains("every weight is 0"));
  CHECK(d1 == Vector::Ones(2));
  CHECK(d2 == Vector::Ones(3));
  st.init = Init::XavierUniform;
  st.features = {Feature::X1};
  st.hidden = {};  // one weight and one bias
  REQUIRE(pg.configure(st) == "");
  REQUIRE(pg.network().parameter_count() == 2);
  CHECK_THAT(pg.loss_slice(spec_of(SliceDirections::Random, 5, 1), out), Contains("parallel"));
  CHECK(out.loss.empty());
}

TEST_CASE("a slice over the work limit is refused before any work, naming the grid that fits",
          "[landscape][validation]") {
  Playground pg;
  Settings st = pg.settings();
  st.data.points = 5000;
  st.hidden = {64, 64};  // 2·64 + 64 + 64·64 + 64 + 64 + 1 = 4417 parameters
  REQUIRE(pg.configure(st) == "");
  const Index P = pg.network().parameter_count();
  REQUIRE(P == 4417);
  REQUIRE(pg.split().train.size() == 2500);
  LossSlice out;
  // A pass costs 2500 × (4417 + 16 × 129 units + 32) = 1.628e7 operations: 101² + 1 of them 1.66e11;
  // the largest grid g with (g² + 1) × 1.628e7 <= 2e9 is 11.
  const std::string e = pg.loss_slice(spec_of(SliceDirections::Random, 101, 1), out);
  CHECK_THAT(e, Contains("a 101 x 101 slice over 2500 training examples with 4417 parameters needs about 1.66"));
  CHECK_THAT(e, Contains("more than the limit of 2e+09 (about half a second in the browser): use a grid of at most 11 "
                         "points a side"));
  CHECK(out.loss.empty());
  // Where not even a 2 x 2 grid fits: four hidden layers of 256.
  st.hidden = {256, 256, 256, 256};
  REQUIRE(pg.configure(st) == "");
  CHECK_THAT(pg.loss_slice(spec_of(SliceDirections::Random, 2, 1), out),
             Contains("use a smaller network, fewer training points or fewer snapshots"));
  CHECK(out.loss.empty());
}

TEST_CASE("slice direction names round-trip", "[landscape]") {
  CHECK(slice_directions_names() == std::vector<std::string>{"random", "trajectory"});
  for (SliceDirections d : {SliceDirections::Random, SliceDirections::Trajectory}) {
    SliceDirections back{};
    REQUIRE(parse_slice_directions(slice_directions_name(d), back));
    CHECK(back == d);
  }
  SliceDirections d{};
  CHECK_FALSE(parse_slice_directions("pca", d));
}
