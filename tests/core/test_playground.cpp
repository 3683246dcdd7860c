// Tests for playground.hpp, the façade: learning XOR and circles end to end, the symmetry problem
// of zero initialisation, reproducibility per seed, validation of every input (message names the
// setting, nothing changes), mid-training setting changes, the heat-map grid and layer statistics.
// Not tested here: the bindings or the page (see tests/wasm and tests/e2e).
#include "backprop/playground.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

using namespace bp;
using namespace bp::test;

namespace {

// Everything an invalid call must leave alone.
struct Snapshot {
  Settings settings;
  Vector params;
  std::int64_t epoch, updates;
  Index position;
  Matrix xy;
  std::vector<int> train;
  explicit Snapshot(const Playground& pg)
      : settings(pg.settings()),
        params(pg.network().params()),
        epoch(pg.trainer().epoch()),
        updates(pg.trainer().updates()),
        position(pg.trainer().epoch_position()),
        xy(pg.dataset().xy),
        train(pg.split().train) {}
  void check_unchanged(const Playground& pg) const {
    CHECK(same_settings(pg.settings(), settings));
    CHECK(pg.network().params().size() == params.size());
    CHECK(pg.network().params() == params);
    CHECK(pg.trainer().epoch() == epoch);
    CHECK(pg.trainer().updates() == updates);
    CHECK(pg.trainer().epoch_position() == position);
    CHECK(Matrix(pg.dataset().xy) == xy);
    CHECK(pg.split().train == train);
  }
};

// A playground that has trained a little (epoch > 0, position mid-epoch), so "unchanged" means something.
Playground trained_playground() {
  Playground pg;
  REQUIRE(pg.train_epochs(3).empty());
  REQUIRE(pg.train_examples(7).empty());
  return pg;
}

void expect_rejected(Playground& pg, const char* word, const std::function<std::string()>& call) {
  const Snapshot before(pg);
  const std::string e = call();
  INFO("expected a message naming '" << word << "', got '" << e << "'");
  CHECK_FALSE(e.empty());
  CHECK(e.find(word) != std::string::npos);
  before.check_unchanged(pg);
}

void expect_bad_settings(Playground& pg, const char* word, const std::function<void(Settings&)>& edit) {
  Settings s = pg.settings();
  edit(s);
  expect_rejected(pg, word, [&] { return pg.configure(s); });
}

// Trains in chunks until train accuracy reaches `target`; returns the epochs used or -1.
int epochs_to_reach(Playground& pg, Subset subset, double target, int max_epochs, int chunk = 10) {
  for (int e = 0; e < max_epochs; e += chunk) {
    if (pg.metrics(subset).accuracy >= target) return e;
    REQUIRE(pg.train_epochs(chunk).empty());
  }
  return pg.metrics(subset).accuracy >= target ? max_epochs : -1;
}

}  // namespace

TEST_CASE("default playground is XOR with a 2-4-2-1 tanh network", "[playground]") {
  Playground pg;
  CHECK(pg.settings().data.kind == DatasetKind::Xor);
  CHECK(pg.network().parameter_count() == 12 + 10 + 3);
  CHECK(pg.task() == Task::Binary);
  CHECK(pg.node_count() == 2 + 4 + 2 + 1);
  const Split& sp = pg.split();
  CHECK(sp.train.size() + sp.validation.size() + sp.test.size() == std::size_t(pg.dataset().size()));
  CHECK(pg.metrics(Subset::Train).count == Index(sp.train.size()));
  CHECK(pg.metrics(Subset::Test).count == Index(sp.test.size()));
  CHECK(std::isnan(pg.metrics(Subset::Validation).loss));  // validation ratio 0: empty
  // Binary targets follow the output activation: -1/+1 for tanh.
  const Matrix& t = pg.training_data().targets;
  CHECK(((t.array() == Scalar(1)) || (t.array() == Scalar(-1))).all());
}

TEST_CASE("a small tanh network learns XOR to 100% train accuracy", "[playground][learning]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Xor;
  s.data.noise = 0;
  s.features = {Feature::X1, Feature::X2};
  s.hidden = {4};
  s.hidden_activation = Activation::Tanh;
  s.train.learning_rate = Scalar(0.03);
  s.train.batch_size = 10;
  s.seed = 1;
  REQUIRE(pg.configure(s).empty());
  const int epochs = epochs_to_reach(pg, Subset::Train, 1.0, 1000);
  INFO("epochs to 100%: " << epochs);
  CHECK(epochs >= 0);
  CHECK(pg.metrics(Subset::Test).accuracy >= 0.95);
}

TEST_CASE("a ReLU network learns circles to >= 90% test accuracy", "[playground][learning]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Circles;
  s.data.noise = 0;
  s.hidden = {4, 4};
  s.hidden_activation = Activation::Relu;
  s.init = Init::HeUniform;
  s.train.learning_rate = Scalar(0.03);
  s.train.batch_size = 10;
  s.seed = 1;
  REQUIRE(pg.configure(s).empty());
  const int epochs = epochs_to_reach(pg, Subset::Test, 0.9, 500);
  INFO("epochs to 90% test accuracy: " << epochs);
  CHECK(epochs >= 0);
}

TEST_CASE("a softmax network learns blobs", "[playground][learning]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Blobs;
  s.data.classes = 3;
  s.hidden = {4};
  s.output_activation = Activation::Softmax;
  s.loss = Loss::SoftmaxCrossEntropy;
  s.train.learning_rate = Scalar(0.03);
  REQUIRE(pg.configure(s).empty());
  CHECK(pg.task() == Task::Multiclass);
  CHECK(pg.network().size(2) == 3);
  const int epochs = epochs_to_reach(pg, Subset::Test, 0.9, 300);
  INFO("epochs to 90% test accuracy: " << epochs);
  CHECK(epochs >= 0);
}

TEST_CASE("zero initialisation keeps the hidden units of a layer identical", "[playground][init]") {
  Playground pg;
  Settings s = pg.settings();
  s.hidden = {3, 3};
  s.init = Init::Zeros;
  s.bias_init = Scalar(0.1);
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(30).empty());
  const Network& net = pg.network();
  const double tol = kFloat ? 1e-6 : 1e-14;
  // W(0): every hidden unit has the same incoming weights (rows equal) and bias.
  for (Index r = 1; r < 3; ++r) {
    CHECK(double((net.W(0).row(r) - net.W(0).row(0)).cwiseAbs().maxCoeff()) <= tol);
    CHECK(std::abs(double(net.b(0)(r) - net.b(0)(0))) <= tol);
    CHECK(std::abs(double(net.b(1)(r) - net.b(1)(0))) <= tol);
  }
  // W(1): between two symmetric layers, all entries equal; W(2): outgoing weights equal (columns).
  CHECK(double((net.W(1).array() - net.W(1)(0, 0)).abs().maxCoeff()) <= tol);
  for (Index c = 1; c < 3; ++c) CHECK(double((net.W(2).col(c) - net.W(2).col(0)).cwiseAbs().maxCoeff()) <= tol);
  // Training did move the weights: the units are identical, not untouched.
  CHECK(double(net.W(2).cwiseAbs().maxCoeff()) > 1e-3);
  CHECK(double(net.W(0).cwiseAbs().maxCoeff()) > 1e-6);

  // With random initial weights the units differ.
  s.init = Init::XavierUniform;
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(30).empty());
  CHECK(double((pg.network().W(0).row(1) - pg.network().W(0).row(0)).cwiseAbs().maxCoeff()) > 1e-2);
}

TEST_CASE("same seed gives identical runs, another seed a different one", "[playground]") {
  Settings s = Playground().settings();
  s.seed = 7;
  s.train.dropout = Scalar(0.1);  // dropout draws come from the seed too
  s.train.batch_size = 7;
  Playground a, b, c;
  REQUIRE(a.configure(s).empty());
  REQUIRE(b.configure(s).empty());
  Settings s2 = s;
  s2.seed = 8;
  REQUIRE(c.configure(s2).empty());
  REQUIRE(a.train_epochs(20).empty());
  REQUIRE(b.train_epochs(20).empty());
  REQUIRE(c.train_epochs(20).empty());
  CHECK(a.network().params() == b.network().params());  // bitwise
  CHECK(a.network().params() != c.network().params());
  CHECK(a.split().train == c.split().train);  // the split follows the data seed, not this one

  // reset() starts the same trajectory again.
  const Vector after20 = a.network().params();
  a.reset();
  CHECK(a.trainer().epoch() == 0);
  Playground fresh;
  REQUIRE(fresh.configure(s).empty());
  CHECK(a.network().params() == fresh.network().params());
  REQUIRE(a.train_epochs(20).empty());
  CHECK(a.network().params() == after20);
}

TEST_CASE("every invalid setting is rejected with a message naming it, changing nothing", "[playground][validation]") {
  Playground pg = trained_playground();
  const Scalar nan = std::numeric_limits<Scalar>::quiet_NaN();
  SECTION("training settings") {
    expect_bad_settings(pg, "learningRate", [](Settings& s) { s.train.learning_rate = 0; });
    expect_bad_settings(pg, "learningRate", [](Settings& s) { s.train.learning_rate = Scalar(-0.1); });
    expect_bad_settings(pg, "learningRate", [&](Settings& s) { s.train.learning_rate = nan; });
    expect_bad_settings(pg, "learningRate", [](Settings& s) { s.train.learning_rate = Scalar(1e9); });
    expect_bad_settings(pg, "batchSize", [](Settings& s) { s.train.batch_size = 0; });
    expect_bad_settings(pg, "dropout", [](Settings& s) { s.train.dropout = 1; });
    expect_bad_settings(pg, "momentum", [](Settings& s) { s.train.momentum = 1; });
    expect_bad_settings(pg, "l2", [](Settings& s) { s.train.l2 = -1; });
    expect_bad_settings(pg, "l1", [](Settings& s) { s.train.l1 = 11; });
  }
  SECTION("architecture") {
    expect_bad_settings(pg, "hidden[1]", [](Settings& s) { s.hidden = {4, 0}; });
    expect_bad_settings(pg, "hidden must have at most 16", [](Settings& s) { s.hidden.assign(17, 2); });
    expect_bad_settings(pg, "300", [](Settings& s) { s.hidden = {300}; });
    expect_bad_settings(pg, "softmax", [](Settings& s) { s.hidden_activation = Activation::Softmax; });
    expect_bad_settings(pg, "leakySlope", [](Settings& s) { s.activation_params.leaky_slope = 2; });
    expect_bad_settings(pg, "biasInit", [](Settings& s) { s.bias_init = 20; });
  }
  SECTION("loss and output pairings") {
    expect_bad_settings(pg, "bce", [](Settings& s) { s.loss = Loss::BinaryCrossEntropy; });  // tanh output
    expect_bad_settings(pg, "softmax", [](Settings& s) {                                     // XOR is binary
      s.output_activation = Activation::Softmax;
      s.loss = Loss::SoftmaxCrossEntropy;
    });
    expect_bad_settings(pg, "softmax_ce", [](Settings& s) {
      s.output_activation = Activation::Sigmoid;
      s.loss = Loss::SoftmaxCrossEntropy;
    });
    expect_bad_settings(pg, "softmax", [](Settings& s) {
      s.output_activation = Activation::Softmax;
      s.loss = Loss::SquaredError;
    });
    expect_bad_settings(pg, "regression", [](Settings& s) {
      s.data.kind = DatasetKind::Plane;  // regression
      s.output_activation = Activation::Sigmoid;
      s.loss = Loss::BinaryCrossEntropy;
    });
  }
  SECTION("features") {
    expect_bad_settings(pg, "features must have at least 1", [](Settings& s) { s.features.clear(); });
    expect_bad_settings(pg, "x1", [](Settings& s) { s.features = {Feature::X1, Feature::X2, Feature::X1}; });
  }
  SECTION("data and split") {
    expect_bad_settings(pg, "points", [](Settings& s) { s.data.points = 0; });
    expect_bad_settings(pg, "noise", [](Settings& s) { s.data.noise = 2; });
    expect_bad_settings(pg, "classes", [](Settings& s) {
      s.data.kind = DatasetKind::Blobs;
      s.data.classes = 20;
    });
    expect_bad_settings(pg, "trainRatio must be in (0, 1] (got 0)", [](Settings& s) { s.train_ratio = 0; });
    expect_bad_settings(pg, "trainRatio", [](Settings& s) { s.train_ratio = Scalar(1.5); });
    expect_bad_settings(pg, "validationRatio", [](Settings& s) { s.validation_ratio = Scalar(-0.1); });
    expect_bad_settings(pg, "trainRatio + validationRatio", [](Settings& s) {
      s.train_ratio = Scalar(0.8);
      s.validation_ratio = Scalar(0.5);
    });
    expect_bad_settings(pg, "custom", [](Settings& s) { s.data.kind = DatasetKind::Custom; });
  }
  SECTION("calls other than configure") {
    const int n = int(pg.dataset().size());
    const int train_n = int(pg.split().train.size());
    ExampleTrace t;
    StepTrace st;
    expect_rejected(pg, "example index", [&] { return pg.trace(-1, t); });
    expect_rejected(pg, "example index", [&] { return pg.trace(n, t); });
    expect_rejected(pg, "examples", [&] { return pg.trace_step(0, st); });
    expect_rejected(pg, "examples", [&] { return pg.trace_step(train_n + 1, st); });
    expect_rejected(pg, "example index", [&] { return pg.trace_step_on(-1, st); });
    expect_rejected(pg, "example index", [&] { return pg.trace_step_on(n, st); });
    expect_rejected(pg, "test data", [&] { return pg.trace_step_on(pg.split().test[0], st); });
    expect_rejected(pg, "examples", [&] { return pg.train_examples(0); });
    expect_rejected(pg, "epochs", [&] { return pg.train_epochs(-1); });
    expect_rejected(pg, "batches", [&] { return pg.train_batches(-1); });
    std::vector<Scalar> grid(std::size_t(pg.grid_size(2)));
    expect_rejected(pg, "grid size", [&] { return pg.evaluate_grid(0, -6, 6, grid.data()); });
    expect_rejected(pg, "grid size", [&] { return pg.evaluate_grid(2000, -6, 6, grid.data()); });
    expect_rejected(pg, "grid bounds", [&] { return pg.evaluate_grid(2, 6, -6, grid.data()); });
    expect_rejected(pg, "grid bounds", [&] { return pg.evaluate_grid(2, -6, nan, grid.data()); });
    std::vector<Scalar> p(pg.network().params().data(), pg.network().params().data() + pg.network().parameter_count());
    expect_rejected(pg, "parameters", [&] { return pg.set_params(p.data(), Index(p.size()) - 1); });
    p[3] = nan;
    expect_rejected(pg, "parameter 3", [&] { return pg.set_params(p.data(), Index(p.size())); });
    expect_rejected(pg, "layer", [&] { return pg.set_weight(3, 0, 0, 1); });
    expect_rejected(pg, "unit", [&] { return pg.set_weight(0, 4, 0, 1); });
    expect_rejected(pg, "input", [&] { return pg.set_weight(0, 0, 2, 1); });
    expect_rejected(pg, "weight", [&] { return pg.set_weight(0, 0, 0, nan); });
    expect_rejected(pg, "layer", [&] { return pg.set_bias(-1, 0, 1); });
    expect_rejected(pg, "unit", [&] { return pg.set_bias(1, 2, 1); });
    Dataset bad;  // label count does not match the points
    bad.xy.resize(2, 3);
    bad.xy.setZero();
    bad.label.resize(2);
    expect_rejected(pg, "label", [&] { return pg.set_custom_data(bad); });
  }
}

TEST_CASE("trace_step_on names held-out and out-of-range examples and changes nothing", "[playground][validation]") {
  Playground pg;
  Settings s = pg.settings();
  s.validation_ratio = Scalar(0.2);
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(2).empty());
  REQUIRE(pg.train_examples(3).empty());
  const int test = pg.split().test[0], validation = pg.split().validation[0];
  const std::vector<int> last = pg.trainer().last_batch();
  const Snapshot before(pg);
  StepTrace st;
  st.batch = {-7};
  CHECK(pg.trace_step_on(test, st) ==
        "example " + std::to_string(test) + " is not in the training data (it is test data)");
  CHECK(pg.trace_step_on(validation, st) ==
        "example " + std::to_string(validation) + " is not in the training data (it is validation data)");
  CHECK(pg.trace_step_on(500, st) == "example index 500 is out of range (0..199)");
  CHECK(pg.trace_step_on(-1, st) == "example index -1 is out of range (0..199)");
  before.check_unchanged(pg);
  CHECK(pg.trainer().last_batch() == last);
  CHECK(st.batch == std::vector<int>{-7});  // the output is left alone too
}

TEST_CASE("training settings change mid-training without a reset, the architecture resets", "[playground]") {
  Playground pg = trained_playground();
  const Vector params = pg.network().params();
  const auto epoch = pg.trainer().epoch();
  REQUIRE(epoch == 3);
  Settings s = pg.settings();
  s.train.learning_rate = Scalar(0.1);
  s.train.batch_size = 25;
  s.train.optimizer = Optimizer::Adam;
  s.train.l2 = Scalar(0.001);
  REQUIRE(pg.configure(s).empty());
  CHECK(same_settings(pg.settings(), s));
  CHECK(pg.trainer().settings() == s.train);
  CHECK(pg.network().params() == params);
  CHECK(pg.trainer().epoch() == epoch);
  REQUIRE(pg.train_epochs(1).empty());
  CHECK(pg.trainer().epoch() == epoch + 1);
  CHECK(pg.network().params() != params);

  s.hidden = {5};
  REQUIRE(pg.configure(s).empty());
  CHECK(pg.trainer().epoch() == 0);
  CHECK(pg.trainer().updates() == 0);
  CHECK(pg.network().parameter_count() == 15 + 6);
  CHECK(pg.trainer().settings() == s.train);  // training settings survive the rebuild
  // Other setup changes (here the activation) also start a new run.
  REQUIRE(pg.train_epochs(2).empty());
  s.hidden_activation = Activation::Relu;
  REQUIRE(pg.configure(s).empty());
  CHECK(pg.trainer().epoch() == 0);
}

TEST_CASE("weights can be edited by hand", "[playground]") {
  Playground pg;
  REQUIRE(pg.set_weight(0, 1, 0, Scalar(0.5)).empty());
  CHECK(pg.network().W(0)(1, 0) == Scalar(0.5));
  REQUIRE(pg.set_bias(1, 1, Scalar(-0.25)).empty());
  CHECK(pg.network().b(1)(1) == Scalar(-0.25));
  Vector p = Vector::LinSpaced(pg.network().parameter_count(), -1, 1);
  REQUIRE(pg.set_params(p.data(), p.size()).empty());
  CHECK(pg.network().params() == p);
}

TEST_CASE("diverged training is reported and refused until reset", "[playground]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Plane;
  s.hidden = {4};
  s.hidden_activation = Activation::Linear;
  s.output_activation = Activation::Linear;
  s.train.learning_rate = 100;
  REQUIRE(pg.configure(s).empty());
  CHECK(pg.task() == Task::Regression);
  const std::string e = pg.train_epochs(100);
  INFO(e);
  CHECK(e.find("diverged") != std::string::npos);
  CHECK(pg.diverged());
  CHECK(pg.train_epochs(1).find("reset") != std::string::npos);
  StepTrace st;
  CHECK_FALSE(pg.trace_step(1, st).empty());
  CHECK(pg.trace_step_on(pg.split().train[0], st).find("diverged") != std::string::npos);
  pg.reset();
  CHECK_FALSE(pg.diverged());
  CHECK(pg.network().params().allFinite());
  CHECK(pg.train_examples(1).empty());
}

TEST_CASE("custom data replaces the generated set", "[playground]") {
  Playground pg;
  Dataset d;
  d.problem = Problem::Binary;
  d.classes = 2;
  d.xy.resize(2, 6);
  d.xy << -3, -2, -1, 1, 2, 3, 1, -1, 1, -1, 1, -1;
  d.label.resize(6);
  d.label << 0, 0, 0, 1, 1, 1;
  REQUIRE(pg.set_custom_data(d).empty());
  CHECK(pg.settings().data.kind == DatasetKind::Custom);
  CHECK(pg.dataset().size() == 6);
  CHECK(pg.trainer().epoch() == 0);
  Settings s = pg.settings();
  s.train.learning_rate = Scalar(0.1);
  CHECK(pg.configure(s).empty());  // still custom
  CHECK(pg.dataset().size() == 6);
  s.data.kind = DatasetKind::Xor;
  REQUIRE(pg.configure(s).empty());  // back to generated points
  CHECK(pg.dataset().size() == s.data.points);
}

TEST_CASE("the grid's kernel gives a forward pass's values for wide layers, every kind of activation",
          "[playground][grid]") {
  // 9 units (two blocks of 4 and one more) and 25 cells (three blocks of 8 and one more) reach every
  // path of the grid's kernel; maxout's later pieces replace only where strictly larger. ReLU,
  // tanh, sigmoid and linear are applied inside the kernel; ELU, PReLU and maxout in a pass of
  // their own.
  for (Activation f : {Activation::Relu, Activation::Tanh, Activation::Sigmoid, Activation::Linear, Activation::Elu,
                       Activation::Prelu, Activation::Maxout}) {
    INFO(activation_name(f));
    Playground pg;
    Settings s = pg.settings();
    s.features = {Feature::X1, Feature::X2, Feature::X1Squared};
    s.hidden = {9, 4};
    s.hidden_activation = f;
    REQUIRE(pg.configure(s).empty());
    REQUIRE(pg.train_epochs(3).empty());
    const int g = 5;
    const Index P = Index(g) * g;
    std::vector<Scalar> out(std::size_t(pg.grid_size(g)));
    REQUIRE(pg.evaluate_grid(g, -6, 6, out.data()).empty());
    const Network& net = pg.network();
    Workspace ws;
    ws.reserve(net, P);
    ws.batch = P;
    for (int k = 0; k < 3; ++k)
      for (Index p = 0; p < P; ++p) ws.input(k, p) = out[std::size_t(k * P + p)];  // the grid's own features
    forward(net, ws);
    Index at = 3 * P;
    for (int l = 0; l < net.layer_count(); ++l)
      for (int unit = 0; unit < net.size(l + 1); ++unit)
        for (Index p = 0; p < P; ++p, ++at) {
          INFO("layer " << l << " unit " << unit << " cell " << p);
          if (f == Activation::Sigmoid)  // Eigen's, whose last entries take the C library's exp, an ulp apart
            CHECK(double(out[std::size_t(at)]) == Approx(double(ws.a[l](unit, p))).margin(kFloat ? 1e-6 : 1e-14));
          else
            CHECK(out[std::size_t(at)] == ws.a[l](unit, p));
        }
  }
}

TEST_CASE("the grid holds every node at every cell centre", "[playground][grid]") {
  Playground pg;
  Settings s = pg.settings();
  s.features = {Feature::X1, Feature::X2, Feature::X1X2, Feature::SinX2};
  s.hidden = {3, 2};
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(5).empty());
  const int g = 7;
  const Scalar lo = -6, hi = 6;
  const Network& net = pg.network();
  REQUIRE(pg.node_count() == 4 + 3 + 2 + 1);
  REQUIRE(pg.grid_size(g) == Index(pg.node_count()) * g * g);
  std::vector<Scalar> out(std::size_t(pg.grid_size(g)), Scalar(-999));
  REQUIRE(pg.evaluate_grid(g, lo, hi, out.data()).empty());
  const Index P = Index(g) * g;
  auto node = [&](int n, int iy, int ix) { return double(out[std::size_t(n * P + iy * g + ix)]); };

  // Features first: x1 grows left to right, x2 falls top to bottom, at cell centres.
  const double cell = double(hi - lo) / g;
  for (int iy = 0; iy < g; ++iy)
    for (int ix = 0; ix < g; ++ix) {
      const double x1 = lo + (ix + 0.5) * cell, x2 = hi - (iy + 0.5) * cell;
      CHECK(node(0, iy, ix) == Approx(x1).margin(kValueTol));
      CHECK(node(1, iy, ix) == Approx(x2).margin(kValueTol));
      CHECK(node(2, iy, ix) == Approx(x1 * x2).margin(1e-4));
      CHECK(node(3, iy, ix) == Approx(std::sin(x2)).margin(1e-5));
      if (ix > 0) CHECK(node(0, iy, ix) > node(0, iy, ix - 1));
      if (iy > 0) CHECK(node(1, iy, ix) < node(1, iy - 1, ix));
    }

  // Hidden and output nodes equal a forward pass of the same point.
  Eigen::Matrix<Scalar, 2, Eigen::Dynamic> xy(2, P);
  for (int iy = 0; iy < g; ++iy)
    for (int ix = 0; ix < g; ++ix) {
      xy(0, iy * g + ix) = Scalar(lo + (ix + 0.5) * cell);
      xy(1, iy * g + ix) = Scalar(hi - (iy + 0.5) * cell);
    }
  Workspace ws;
  ws.reserve(net, P);
  ws.batch = P;
  ws.input = compute_features(s.features, xy);
  forward(net, ws);
  int n = 4;
  for (int l = 0; l < net.layer_count(); ++l)
    for (int unit = 0; unit < net.size(l + 1); ++unit, ++n)
      for (Index p = 0; p < P; ++p) {
        INFO("node " << n << " cell " << p);
        CHECK(node(n, int(p / g), int(p % g)) == Approx(double(ws.a[l](unit, p))).margin(kFloat ? 1e-5 : 1e-12));
      }
  REQUIRE(n == pg.node_count());

  // The output node also equals the trace of a dataset point placed at a cell centre.
  const Vector trained = net.params();  // set_custom_data rebuilds the network
  Dataset d;
  d.problem = Problem::Binary;
  d.classes = 2;
  d.xy = xy.leftCols(3);
  d.label = Vector::Zero(3);
  REQUIRE(pg.set_custom_data(d).empty());
  REQUIRE(pg.set_params(trained.data(), trained.size()).empty());  // same shape as before
  ExampleTrace t;
  REQUIRE(pg.trace(2, t).empty());
  CHECK(double(t.output(0)) == Approx(node(pg.node_count() - 1, 0, 2)).margin(kFloat ? 1e-5 : 1e-12));
}

// evaluate_grid keeps the grid's input features between calls: what it returns must be what a
// fresh Playground computes, after every change that moves the features (another grid, other
// features, standardisation, new data) and after weight-keeping changes that do not.
TEST_CASE("the grid's kept input features follow the grid, the features, the scaling and the data",
          "[playground][grid]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Gaussians;
  s.hidden = {3};
  REQUIRE(pg.configure(s).empty());
  auto grid_of = [](Playground& p, std::int64_t g, Scalar lo, Scalar hi) {
    std::vector<Scalar> out(std::size_t(p.grid_size(g)));
    REQUIRE(p.evaluate_grid(g, lo, hi, out.data()).empty());
    return out;
  };
  // A fresh Playground with pg's settings and weights: no kept features.
  auto fresh_grid = [&](std::int64_t g, Scalar lo, Scalar hi) {
    Playground q;
    REQUIRE(q.configure(pg.settings()).empty());
    REQUIRE(q.set_params(pg.network().params().data(), pg.network().parameter_count()).empty());
    return grid_of(q, g, lo, hi);
  };
  const auto first = grid_of(pg, 8, -6, 6);
  CHECK(first == fresh_grid(8, -6, 6));
  CHECK(grid_of(pg, 8, -6, 6) == first);                 // the same call twice
  CHECK(grid_of(pg, 5, -6, 6) == fresh_grid(5, -6, 6));  // another grid size
  CHECK(grid_of(pg, 5, -2, 3) == fresh_grid(5, -2, 3));  // other bounds
  s.features = {Feature::X1Squared, Feature::X2Squared, Feature::SinX1};
  REQUIRE(pg.configure(s).empty());
  CHECK(grid_of(pg, 5, -2, 3) == fresh_grid(5, -2, 3));  // other features, same grid
  s.input_scaling = InputScaling::Standardise;
  REQUIRE(pg.configure(s).empty());
  CHECK(grid_of(pg, 5, -2, 3) == fresh_grid(5, -2, 3));  // standardised with the training split's numbers
  s.data.seed = 7;
  REQUIRE(pg.configure(s).empty());
  CHECK(grid_of(pg, 5, -2, 3) == fresh_grid(5, -2, 3));  // new data: new means and deviations
  s.train.learning_rate = Scalar(0.3);                   // keeps the weights, and the features
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(3).empty());
  CHECK(grid_of(pg, 5, -2, 3) == fresh_grid(5, -2, 3));
}

TEST_CASE("the grid of a softmax network matches forward and sums to 1", "[playground][grid]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Blobs;
  s.data.classes = 4;
  s.hidden = {5};
  s.output_activation = Activation::Softmax;
  s.loss = Loss::SoftmaxCrossEntropy;
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(3).empty());
  const int g = 5;
  std::vector<Scalar> out(std::size_t(pg.grid_size(g)));
  REQUIRE(pg.evaluate_grid(g, -6, 6, out.data()).empty());
  const Index P = Index(g) * g;
  const int first_output = 2 + 5;
  for (Index p = 0; p < P; ++p) {
    double sum = 0;
    for (int k = 0; k < 4; ++k) sum += double(out[std::size_t((first_output + k) * P + p)]);
    CHECK(sum == Approx(1.0).margin(kValueTol));
  }
  // One cell against forward.
  Workspace ws;
  ws.reserve(pg.network(), 1);
  ws.batch = 1;
  ws.input(0, 0) = Scalar(-6 + 3.5 * 12.0 / g);  // ix = 3
  ws.input(1, 0) = Scalar(6 - 1.5 * 12.0 / g);   // iy = 1
  forward(pg.network(), ws);
  for (int k = 0; k < 4; ++k)
    CHECK(double(out[std::size_t((first_output + k) * P + 1 * g + 3)]) ==
          Approx(double(ws.a[1](k, 0))).margin(kFloat ? 1e-5 : 1e-12));
}

TEST_CASE("layer statistics: dead ReLUs, live tanh units, vanishing sigmoid gradients", "[playground][stats]") {
  SECTION("ReLU with bias -10 is dead in the first hidden layer") {
    Playground pg;
    Settings s = pg.settings();
    s.hidden = {4, 4};
    s.hidden_activation = Activation::Relu;
    s.init = Init::Uniform;  // |w| <= 1/sqrt(2): |W x| < 9 on [-6, 6]^2, so z < -1 everywhere
    s.bias_init = -10;
    REQUIRE(pg.configure(s).empty());
    const auto stats = pg.layer_stats();
    REQUIRE(int(stats.size()) == pg.network().layer_count());
    CHECK(stats[0].dead_fraction == 1.0);
    CHECK(stats[0].activation_mean == 0.0);
    CHECK(stats[0].gradient_norm == 0.0);
  }
  SECTION("tanh units are never dead") {
    Playground pg;
    const auto stats = pg.layer_stats();
    for (const LayerStats& st : stats) {
      CHECK(st.dead_fraction == 0.0);
      CHECK(st.activation_std > 0);
      CHECK(std::abs(st.activation_mean) < 1);
    }
  }
  SECTION("a deep sigmoid network's first layer gets a smaller gradient than its last") {
    Playground pg;
    Settings s = pg.settings();
    s.hidden = {6, 6, 6, 6, 6, 6};
    s.hidden_activation = Activation::Sigmoid;
    s.output_activation = Activation::Sigmoid;
    s.loss = Loss::BinaryCrossEntropy;
    REQUIRE(pg.configure(s).empty());
    const auto stats = pg.layer_stats();
    REQUIRE(stats.size() == 7);
    INFO("first " << stats.front().gradient_norm << ", last " << stats.back().gradient_norm);
    CHECK(stats.front().gradient_norm > 0);
    CHECK(stats.front().gradient_norm < 0.1 * stats.back().gradient_norm);
    for (const LayerStats& st : stats) {
      CHECK(st.activation_mean > 0);  // sigmoid outputs are positive
      CHECK(st.slope_mean <= 0.25);   // sigmoid' <= 1/4: each layer shrinks the deltas
    }
  }
}

TEST_CASE("layer statistics: |dJ/dW| is the data gradient's, exactly, over several chunks", "[playground][stats]") {
  // 2,000 points, half for training: four chunks of the evaluation workspace (256 examples each).
  Playground pg;
  Settings s = pg.settings();
  s.data.points = 2000;
  s.hidden = {5, 3};
  s.train.l1 = 0;
  s.train.l2 = 0;
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(2).empty());
  const Vector grad = pg.gradient();  // no L1 or L2: the data loss's gradient alone
  const auto stats = pg.layer_stats();
  const Network& net = pg.network();
  for (int l = 0; l < net.layer_count(); ++l) {
    const double squares =
        double(ConstMatrixMap(grad.data() + net.weight_offset(l, 0), net.size(l + 1), net.size(l)).squaredNorm());
    INFO("layer " << l);
    CHECK(stats[std::size_t(l)].gradient_norm == std::sqrt(squares));
    CHECK(stats[std::size_t(l)].gradient_norm > 0);
  }
}

TEST_CASE("layer statistics: activation histograms and mean slopes, by hand", "[playground][stats]") {
  Playground pg;
  Settings s = pg.settings();
  s.hidden = {3, 2};
  s.hidden_activation = Activation::Sigmoid;
  s.output_activation = Activation::Linear;
  REQUIRE(pg.configure(s).empty());
  SECTION("zero weights: every sigmoid unit sits at 0.5 with slope 1/4, the output at its bias") {
    Vector params = Vector::Zero(pg.network().parameter_count());
    params(pg.network().bias_offset(2)) = Scalar(2);  // output bias: a = 2 for every example
    REQUIRE(pg.set_params(params.data(), params.size()).empty());
    const auto stats = pg.layer_stats();
    REQUIRE(stats.size() == 3);
    for (int l = 0; l < 2; ++l) {
      const LayerStats& st = stats[std::size_t(l)];
      CHECK(st.histogram_low == 0.0);  // sigmoid's own range
      CHECK(st.histogram_high == 1.0);
      REQUIRE(int(st.histogram.size()) == kActivationBins);
      CHECK(st.histogram[kActivationBins / 2] == Approx(1.0));  // 0.5 is the start of bin 12 of 24
      CHECK(st.slope_mean == Approx(0.25));
      CHECK(st.activation_mean == Approx(0.5));
    }
    const LayerStats& out = stats[2];
    CHECK(out.histogram_low == 2.0);  // unbounded: the observed range, widened from one value
    CHECK(out.histogram_high == 3.0);
    CHECK(out.histogram[0] == Approx(1.0));
    CHECK(out.slope_mean == 1.0);  // linear
  }
  SECTION("tanh over its own range: the histogram sums to 1 and its centres give the mean") {
    s.hidden_activation = Activation::Tanh;
    REQUIRE(pg.configure(s).empty());
    for (const LayerStats& st : pg.layer_stats()) {
      double total = 0, mean = 0;
      const double width = (st.histogram_high - st.histogram_low) / kActivationBins;
      for (int b = 0; b < kActivationBins; ++b) {
        total += st.histogram[std::size_t(b)];
        mean += st.histogram[std::size_t(b)] * (st.histogram_low + (b + 0.5) * width);
      }
      CHECK(total == Approx(1.0));
      CHECK(std::abs(mean - st.activation_mean) <= width / 2 + 1e-6);  // a bin centre is at most half a bin off
      CHECK(st.slope_mean > 0);
      CHECK(st.slope_mean <= 1.0);
    }
    CHECK(pg.layer_stats()[0].histogram_low == -1.0);
  }
}

namespace {

// Every training example's delta = dL/dz, computed here in double from the weights, for a network
// of one sigmoid hidden layer and a sigmoid output under cross-entropy:
// delta2 = a2 - t, delta1 = W1^T delta2 .* a1 (1 - a1). Returns one list per weight layer.
std::vector<std::vector<double>> deltas_by_hand(const Playground& pg) {
  const Network& net = pg.network();
  const Eigen::MatrixXd W0 = net.W(0).cast<double>(), W1 = net.W(1).cast<double>();
  const Eigen::VectorXd b0 = net.b(0).cast<double>(), b1 = net.b(1).cast<double>();
  const auto sigmoid = [](const Eigen::VectorXd& z) { return (1.0 / (1.0 + (-z.array()).exp())).matrix().eval(); };
  std::vector<std::vector<double>> out(2);
  for (int i : pg.split().train) {
    const Eigen::VectorXd x = pg.training_data().inputs.col(i).cast<double>();
    const Eigen::VectorXd t = pg.training_data().targets.col(i).cast<double>();
    const Eigen::VectorXd a1 = sigmoid(W0 * x + b0);
    const Eigen::VectorXd a2 = sigmoid(W1 * a1 + b1);
    const Eigen::VectorXd d2 = a2 - t;
    const Eigen::VectorXd d1 = ((W1.transpose() * d2).array() * a1.array() * (1 - a1.array())).matrix();
    for (Index k = 0; k < d1.size(); ++k) out[0].push_back(d1(k));
    for (Index k = 0; k < d2.size(); ++k) out[1].push_back(d2(k));
  }
  return out;
}

// Counts of `values` in kDeltaBins equal bins over [lo, hi], beyond it in the end bins; and how many
// lie within `near` of an inner bin edge, where float and double may fall on either side.
struct Binned {
  std::vector<double> counts = std::vector<double>(kDeltaBins, 0.0);
  int near_edge = 0;
};
Binned bin_by_hand(const std::vector<double>& values, double lo, double hi, double near) {
  Binned b;
  const double width = (hi - lo) / kDeltaBins;
  for (double v : values) {
    const double t = (v - lo) / width;
    const int bin = t < 0 ? 0 : t >= kDeltaBins ? kDeltaBins - 1 : int(t);
    b.counts[std::size_t(bin)] += 1;
    const double edge = std::round(t);
    if (edge > 0 && edge < kDeltaBins && std::abs(t - edge) * width < near) ++b.near_edge;
  }
  return b;
}

}  // namespace

TEST_CASE("layer statistics: the back-propagated delta histogram, by hand", "[playground][stats][delta]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.points = 40;
  s.hidden = {3};
  s.hidden_activation = Activation::Sigmoid;
  s.output_activation = Activation::Sigmoid;
  s.loss = Loss::BinaryCrossEntropy;
  s.init = Init::NormalScale;
  s.init_scale = Scalar(0.8);
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(2).empty());  // weights away from their initial draw
  const auto hand = deltas_by_hand(pg);
  const double tol = kFloat ? 1e-5 : 1e-12;
  const double n = double(pg.split().train.size());

  SECTION("each layer over its own range [-max|delta|, max|delta|]") {
    const auto stats = pg.layer_stats();
    REQUIRE(stats.size() == 2);
    for (int l = 0; l < 2; ++l) {
      INFO("layer " << l);
      const LayerStats& st = stats[std::size_t(l)];
      const auto& v = hand[std::size_t(l)];
      double max_abs = 0, mean = 0, sq = 0;
      for (double d : v) {
        max_abs = std::max(max_abs, std::abs(d));
        mean += d;
      }
      mean /= double(v.size());
      for (double d : v) sq += (d - mean) * (d - mean);
      CHECK(st.delta_max_abs == Approx(max_abs).epsilon(tol * 10).margin(tol));
      CHECK(st.delta_high == st.delta_max_abs);
      CHECK(st.delta_low == -st.delta_max_abs);
      CHECK(st.delta_mean == Approx(mean).margin(tol));
      CHECK(st.delta_std == Approx(std::sqrt(sq / double(v.size()))).epsilon(1e-4).margin(tol));
      REQUIRE(int(st.delta_histogram.size()) == kDeltaBins);
      const Binned b = bin_by_hand(v, st.delta_low, st.delta_high, 1e-4 * max_abs);
      double total = 0, off = 0;
      const double cells = n * pg.network().size(l + 1);
      for (int k = 0; k < kDeltaBins; ++k) {
        total += st.delta_histogram[std::size_t(k)];
        off += std::abs(st.delta_histogram[std::size_t(k)] * cells - b.counts[std::size_t(k)]);
      }
      INFO("near an edge: " << b.near_edge);
      CHECK(total == Approx(1.0));
      CHECK(off <= 2.0 * b.near_edge + 1e-6);          // each value near an edge may move one count across it
      CHECK(b.counts.front() + b.counts.back() >= 1);  // the largest |delta| sits in an end bin
    }
  }
  SECTION("a shared range: every layer binned over [-r, r], the tails in the end bins") {
    const double r = 0.02;
    std::vector<LayerStats> stats;
    REQUIRE(pg.layer_stats(r, stats).empty());
    for (int l = 0; l < 2; ++l) {
      const LayerStats& st = stats[std::size_t(l)];
      CHECK(st.delta_low == -r);
      CHECK(st.delta_high == r);
      const Binned b = bin_by_hand(hand[std::size_t(l)], -r, r, 1e-6);
      const double cells = n * pg.network().size(l + 1);
      double off = 0;
      for (int k = 0; k < kDeltaBins; ++k)
        off += std::abs(st.delta_histogram[std::size_t(k)] * cells - b.counts[std::size_t(k)]);
      CHECK(off <= 2.0 * b.near_edge + 1e-6);
    }
    CHECK(stats[1].delta_histogram.front() + stats[1].delta_histogram.back() > 0.5);  // output deltas are large
  }
  SECTION("a range that is not finite or is negative is refused, naming it") {
    std::vector<LayerStats> stats;
    CHECK(pg.layer_stats(-1, stats).find("gradient histogram's range") != std::string::npos);
    CHECK(!pg.layer_stats(std::numeric_limits<double>::infinity(), stats).empty());
    CHECK(!pg.layer_stats(std::numeric_limits<double>::quiet_NaN(), stats).empty());
    CHECK(stats.empty());
  }
}

TEST_CASE("layer statistics: zero initialisation leaves every unit a copy; random weights do not",
          "[playground][stats][delta]") {
  Playground pg;
  Settings s = pg.settings();
  s.hidden = {5, 4};
  s.hidden_activation = Activation::Sigmoid;
  s.init = Init::Zeros;
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(20).empty());
  auto stats = pg.layer_stats();
  // The weights moved (sigmoid passes 0.5 on), but every unit of a layer moved alike.
  CHECK_FALSE(pg.network().W(1).isZero(0));
  CHECK(stats[0].distinct_units == 1);
  CHECK(stats[1].distinct_units == 1);
  CHECK(stats[2].distinct_units == 1);  // one output unit
  // Identical units have identical deltas: a layer's delta histogram is that of one unit.
  s.init = Init::XavierUniform;
  REQUIRE(pg.configure(s).empty());
  stats = pg.layer_stats();
  CHECK(stats[0].distinct_units == 5);
  CHECK(stats[1].distinct_units == 4);
  // Two units made equal by hand count once.
  Vector p = pg.network().params();
  MatrixMap W1(p.data() + pg.network().weight_offset(1), 4, 5);
  VectorMap b1(p.data() + pg.network().bias_offset(1), 4);
  W1.row(2) = W1.row(0);
  b1(2) = b1(0);
  REQUIRE(pg.set_params(p.data(), p.size()).empty());
  CHECK(pg.layer_stats()[1].distinct_units == 3);
}

TEST_CASE("gradient() is the training-set gradient of loss plus penalty", "[playground][gradient]") {
  Playground pg;
  Settings s;
  s.data.points = 40;
  s.hidden = {3};
  s.train.l1 = Scalar(0.01);
  s.train.l2 = Scalar(0.05);
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(3).empty());
  const Vector analytic = pg.gradient();
  REQUIRE(analytic.size() == pg.network().parameter_count());

  // Objective J = mean training loss + l1 sum|W| + l2/2 sum W^2, by central differences.
  auto objective = [&](const Vector& p) {
    Playground probe;
    REQUIRE(probe.configure(s).empty());
    REQUIRE(probe.set_params(p.data(), p.size()).empty());
    return probe.metrics(Subset::Train).loss + regularization_penalty(probe.network(), s.train.l1, s.train.l2);
  };
  const Vector base = pg.network().params();
  const double h = kFloat ? 1e-2 : 1e-5;
  for (Index i = 0; i < base.size(); ++i) {
    Vector plus = base, minus = base;
    plus[i] += Scalar(h);
    minus[i] -= Scalar(h);
    const double numeric = (objective(plus) - objective(minus)) / (2 * h);
    CHECK(double(analytic[i]) == Approx(numeric).margin(kFloat ? 2e-3 : 1e-6));
  }
}

// Sizes are computed in 64 bits and capped before anything is allocated: in wasm, Index is 32
// bits, where nodes x g x g overflowed (4,104 nodes x 1024^2) and writes ran past the buffer.
TEST_CASE("grids, traces and counts at the limits are refused with a message, never wrapped",
          "[playground][grid][limits]") {
  Playground pg = trained_playground();
  const auto widest = [&](int layers, int neurons) {
    Settings s = pg.settings();
    s.features = {Feature::X1,   Feature::X2,    Feature::X1Squared, Feature::X2Squared,
                  Feature::X1X2, Feature::SinX1, Feature::SinX2};
    s.hidden = std::vector<int>(std::size_t(layers), neurons);
    REQUIRE(pg.configure(s).empty());
    REQUIRE(pg.train_examples(3).empty());  // mid-epoch, so "unchanged" means something
  };
  std::vector<Scalar> none;  // never written: every call below must be refused first

  SECTION("grids whose nodes x g x g exceed the cap, on the largest networks") {
    widest(16, 256);
    REQUIRE(pg.node_count() == 7 + 16 * 256 + 1);
    CHECK(pg.grid_size(1024) == std::int64_t(4104) * 1024 * 1024);  // over 2^32: no wrap
    expect_rejected(pg, "grid size 1024", [&] { return pg.evaluate_grid(1024, -6, 6, none.data()); });
    expect_rejected(pg, "grid size 724", [&] { return pg.evaluate_grid(724, -6, 6, none.data()); });
    CHECK(pg.check_grid(64).empty());  // the page's heatmaps fit every network the settings allow
    CHECK(pg.check_grid(90).empty());
    CHECK(pg.check_grid(91).find("at most 90") != std::string::npos);
    widest(16, 128);
    expect_rejected(pg, "grid size 512", [&] { return pg.evaluate_grid(512, -6, 6, none.data()); });
    CHECK(pg.check_grid(kMaxGridSide + 1).find("out of range") != std::string::npos);
    CHECK(pg.check_grid(std::int64_t(1) << 40).find("grid size") != std::string::npos);
  }
  SECTION("a step trace too large to record") {
    widest(16, 256);
    StepTrace st;
    expect_rejected(pg, "examples 100", [&] { return pg.trace_step(100, st); });
    CHECK(pg.trace_step(2, st).empty());
  }
  SECTION("counts and indices beyond 32 bits") {
    const std::int64_t big[] = {-1, std::int64_t(1) << 31, (std::int64_t(1) << 32) - 1, std::int64_t(1) << 32,
                                std::int64_t(1) << 53};
    for (std::int64_t n : big) {
      INFO("n = " << n);
      std::vector<int> batch;
      ExampleTrace t;
      StepTrace st;
      expect_rejected(pg, "examples", [&] { return pg.next_batch(n, batch); });
      CHECK(batch.empty());
      expect_rejected(pg, "examples", [&] { return pg.train_examples(n); });
      expect_rejected(pg, "example index", [&] { return pg.trace(n, t); });
      expect_rejected(pg, "examples", [&] { return pg.trace_step(n, st); });
      expect_rejected(pg, "example index", [&] { return pg.trace_step_on(n, st); });
      expect_rejected(pg, "layer", [&] { return pg.set_weight(n, 0, 0, 1); });
      expect_rejected(pg, "unit", [&] { return pg.set_weight(0, n, 0, 1); });
      expect_rejected(pg, "unit", [&] { return pg.set_bias(0, n, 1); });
    }
    expect_rejected(pg, "epochs", [&] { return pg.train_epochs(std::int64_t(1) << 32); });
    expect_rejected(pg, "batches", [&] { return pg.train_batches(std::int64_t(1) << 32); });
    std::vector<int> batch;
    REQUIRE(pg.next_batch(4, batch).empty());
    CHECK(batch.size() == 4u);
  }
  SECTION("the trainer's own preview never builds a reversed range") {
    CHECK(pg.trainer().next_batch(-1).empty());
    CHECK(pg.trainer().next_batch(std::numeric_limits<Index>::min()).empty());
  }
}

TEST_CASE("layer statistics: equal activations have a std of exactly 0", "[playground][stats][precision]") {
  // Zero weights and equal biases: every unit of layer 0 outputs tanh(0.3) on every example, and
  // every later unit tanh(0.3 * 0 + b). The one-pass E[a^2] - E[a]^2 gave 6.4e-4 here.
  Playground pg;
  Settings s = pg.settings();
  s.hidden = {8, 3};
  s.init = Init::Zeros;
  s.bias_init = Scalar(0.3);
  s.data.points = 1000;  // several chunks of the evaluation workspace
  REQUIRE(pg.configure(s).empty());
  for (const LayerStats& st : pg.layer_stats()) {
    CHECK(st.activation_std == 0.0);
    CHECK(st.activation_mean == Approx(std::tanh(0.3)).margin(1e-6));
  }
  // And a spread one against the two-pass mean of squares in long double.
  Playground spread;
  const auto stats = spread.layer_stats();
  const auto& train = spread.split().train;
  Workspace ws;
  ws.reserve(spread.network(), Index(train.size()));
  ws.batch = Index(train.size());
  for (std::size_t j = 0; j < train.size(); ++j) ws.input.col(Index(j)) = spread.training_data().inputs.col(train[j]);
  forward(spread.network(), ws);
  const Matrix a0 = ws.a[0].leftCols(ws.batch);
  long double mean = 0, sq = 0;
  for (Index i = 0; i < a0.size(); ++i) mean += a0.data()[i];
  mean /= a0.size();
  for (Index i = 0; i < a0.size(); ++i) sq += (a0.data()[i] - mean) * (a0.data()[i] - mean);
  CHECK(stats[0].activation_std == Approx(double(std::sqrt(sq / a0.size()))).epsilon(1e-12));
}
