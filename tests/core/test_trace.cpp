// Tests for trace.hpp: an ExampleTrace obeys the backprop equations layer by layer (z = W a + b,
// a = f(z), delta_L = a - y, delta_l = (W^T delta) * f'(z), dW = delta a_prev^T) and its gradient
// matches finite differences; a StepTrace from Playground::trace_step records a consistent SGD step.
// Not tested here: the page's animation of these numbers.
#include "trace.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <cmath>
#include <limits>
#include <type_traits>

#include "playground.hpp"
#include "rng.hpp"

using namespace bp;
using namespace bp::test;

namespace {

constexpr double kValueTol = kFloat ? 2e-6 : 1e-12;
// Same finite-difference scheme as test_network.cpp: 4-point stencil, loss taken in double.
constexpr double kStep = kFloat ? 2e-2 : 1e-4;
constexpr double kGradTol = kFloat ? 1e-3 : 1e-6;
constexpr double kGradFloor = kFloat ? 1e-2 : 1e-4;

double max_abs(const Matrix& m) { return m.size() ? double(m.cwiseAbs().maxCoeff()) : 0.0; }

// Data loss of one example from its trace, in double.
double trace_loss_double(Loss loss, const ExampleTrace& t) {
  const Vector& z = t.layers.back().z;
  double total = 0;
  if (loss == Loss::SquaredError) {
    for (Index k = 0; k < z.size(); ++k) {
      const double d = double(t.output(k)) - double(t.target(k));
      total += 0.5 * d * d;
    }
  } else if (loss == Loss::BinaryCrossEntropy) {
    for (Index k = 0; k < z.size(); ++k) {
      const double zk = z(k), y = t.target(k);
      total += std::max(zk, 0.0) - zk * y + std::log1p(std::exp(-std::abs(zk)));
    }
  } else {
    const double m = double(z.maxCoeff());
    double s = 0, yz = 0;
    for (Index k = 0; k < z.size(); ++k) {
      s += std::exp(double(z(k)) - m);
      yz += double(t.target(k)) * double(z(k));
    }
    total = m + std::log(s) - yz;  // one-hot target
  }
  return total;
}

struct TraceCase {
  Loss loss;
  Activation hidden, output;
  int outputs;
};

}  // namespace

TEST_CASE("an example trace obeys the backprop equations and matches finite differences", "[trace]") {
  const TraceCase cases[] = {
      {Loss::BinaryCrossEntropy, Activation::Tanh, Activation::Sigmoid, 1},
      {Loss::SoftmaxCrossEntropy, Activation::Tanh, Activation::Softmax, 3},
      {Loss::SquaredError, Activation::Softplus, Activation::Tanh, 2},
  };
  std::uint32_t seed = 40;
  for (const TraceCase& c : cases) {
    INFO(loss_name(c.loss) << ", " << activation_name(c.hidden) << " hidden");
    Architecture arch;
    arch.inputs = 3;
    arch.hidden = {4, 3};
    arch.outputs = c.outputs;
    arch.hidden_activation = c.hidden;
    arch.output_activation = c.output;
    Network net(arch);
    net.initialize(Init::XavierNormal, Scalar(0.1), ++seed);
    Rng rng(seed);
    Vector x(3), y = Vector::Zero(c.outputs);
    for (Index k = 0; k < 3; ++k) x(k) = Scalar(rng.uniform(-1.5, 1.5));
    if (c.loss == Loss::SoftmaxCrossEntropy) y(1) = 1;
    else if (c.loss == Loss::BinaryCrossEntropy) y(0) = 1;
    else y << Scalar(0.5), Scalar(-0.25);

    const ExampleTrace t = trace_example(net, c.loss, x, y);
    const int L = net.layer_count();
    REQUIRE(int(t.layers.size()) == L);
    CHECK(t.input == x);
    CHECK(t.target == y);
    CHECK(t.output == t.layers.back().a);
    CHECK(t.loss == Approx(trace_loss_double(c.loss, t)).margin(kFloat ? 1e-6 : 1e-12));
    for (int l = 0; l < L; ++l) {
      INFO("layer " << l);
      const LayerTrace& lt = t.layers[l];
      CHECK(lt.a_prev == (l == 0 ? x : t.layers[l - 1].a));
      CHECK(max_abs(lt.z - (net.W(l) * lt.a_prev + net.b(l))) < kValueTol);  // z = W a_prev + b
      Vector fz(lt.z.size()), g(lt.z.size());
      activate(net.activation(l), net.arch().activation_params, lt.z, fz);
      activate_grad(net.activation(l), net.arch().activation_params, lt.z, fz, g);
      CHECK(max_abs(lt.a - fz) < kValueTol);        // a = f(z)
      CHECK(max_abs(lt.grad_act - g) < kValueTol);  // f'(z)
      if (l == L - 1) {
        if (c.loss == Loss::SquaredError)  // delta_L = (a - y) f'(z)
          CHECK(max_abs(lt.delta - Vector((lt.a - y).cwiseProduct(lt.grad_act))) < kValueTol);
        else  // delta_L = a - y for sigmoid + BCE and softmax + CE
          CHECK(max_abs(lt.delta - (lt.a - y)) < kValueTol);
      } else {  // delta_l = (W_{l+1}^T delta_{l+1}) * f'(z_l)
        const Vector back = net.W(l + 1).transpose() * t.layers[l + 1].delta;
        CHECK(max_abs(lt.delta - Vector(back.cwiseProduct(lt.grad_act))) < kValueTol);
      }
      CHECK(max_abs(lt.dW - lt.delta * lt.a_prev.transpose()) < kValueTol);  // dW = delta a_prev^T
      CHECK(max_abs(lt.db - lt.delta) < kValueTol);
    }
    if (c.loss == Loss::SquaredError) CHECK(max_abs(t.dloss_doutput - (t.output - y)) < kValueTol);
    if (c.loss == Loss::SoftmaxCrossEntropy)
      CHECK(double(t.dloss_doutput(1)) == Approx(-1 / double(t.output(1))).epsilon(1e-5));

    // dW and db against finite differences of this example's loss.
    int checked = 0;
    for (int l = 0; l < L; ++l) {
      for (Index k = 0; k < net.W(l).size() + net.b(l).size(); ++k) {
        const bool is_w = k < net.W(l).size();
        Scalar& p = is_w ? net.W(l).data()[k] : net.b(l)(k - net.W(l).size());
        const double analytic = is_w ? double(t.layers[l].dW.data()[k]) : double(t.layers[l].db(k - net.W(l).size()));
        const Scalar saved = p;
        double f[4];
        const double offsets[4] = {-2, -1, 1, 2};
        for (int j = 0; j < 4; ++j) {
          p = Scalar(double(saved) + offsets[j] * kStep);
          f[j] = trace_loss_double(c.loss, trace_example(net, c.loss, x, y));
        }
        p = saved;
        const double numeric = (f[0] - 8 * f[1] + 8 * f[2] - f[3]) / (12 * kStep);
        const double err = std::abs(analytic - numeric) / std::max(kGradFloor, std::abs(analytic) + std::abs(numeric));
        INFO("layer " << l << " parameter " << k << ": analytic " << analytic << ", numeric " << numeric);
        CHECK(err < kGradTol);
        ++checked;
      }
    }
    CHECK(checked == int(net.parameter_count()));
  }
}

TEST_CASE("Playground::trace changes nothing", "[trace]") {
  Playground pg;
  REQUIRE(pg.train_epochs(3).empty());
  const Vector params = pg.network().params();
  const auto epoch = pg.trainer().epoch();
  const auto position = pg.trainer().epoch_position();
  ExampleTrace t;
  REQUIRE(pg.trace(5, t).empty());
  CHECK(pg.network().params() == params);
  CHECK(pg.trainer().epoch() == epoch);
  CHECK(pg.trainer().epoch_position() == position);
  // The trace is of that dataset point, in the network's input space.
  CHECK(t.input == Vector(pg.training_data().inputs.col(5)));
  CHECK(t.target == Vector(pg.training_data().targets.col(5)));
}

TEST_CASE("a traced SGD step is consistent with itself", "[trace]") {
  Playground pg;
  Settings s = pg.settings();
  s.data.kind = DatasetKind::Xor;
  s.data.points = 100;
  s.hidden = {4};
  s.train.optimizer = Optimizer::Sgd;
  s.train.learning_rate = Scalar(0.01);
  s.train.batch_size = 10;
  s.train.l1 = Scalar(0.001);
  s.train.l2 = Scalar(0.01);
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(2).empty());

  const Vector before = pg.network().params();
  StepTrace st;
  REQUIRE(pg.trace_step(10, st).empty());
  const Network& net = pg.network();
  const Index n = net.parameter_count();

  CHECK(st.batch.size() == 10);
  CHECK(st.batch == pg.trainer().last_batch());
  CHECK(st.examples.size() == 10);
  CHECK(st.params_before == before);
  CHECK(st.params_after == net.params());
  CHECK(st.learning_rate == s.train.learning_rate);
  REQUIRE(st.data_gradient.size() == n);
  REQUIRE(st.regularization_gradient.size() == n);
  REQUIRE(st.applied_gradient.size() == n);

  // params_after = params_before - lr * applied_gradient, to rounding of one multiply-subtract.
  const Vector expected_after = st.params_before - st.learning_rate * st.applied_gradient;
  const double eps = std::numeric_limits<Scalar>::epsilon();
  for (Index i = 0; i < n; ++i)
    CHECK(double(st.params_after(i)) ==
          Approx(double(expected_after(i))).margin(2 * eps * (1 + std::abs(double(st.params_before(i))))));

  // applied = data + regularisation (no dropout); data = mean of the per-example gradients.
  const double gscale = 1 + max_abs(st.applied_gradient);
  CHECK(max_abs(st.applied_gradient - (st.data_gradient + st.regularization_gradient)) < 1e2 * eps * gscale);
  Vector mean = Vector::Zero(n);
  double mean_loss = 0;
  for (const ExampleTrace& ex : st.examples) {
    for (int l = 0; l < net.layer_count(); ++l) {
      mean.segment(net.weight_offset(l), ex.layers[l].dW.size()) +=
          ConstVectorMap(ex.layers[l].dW.data(), ex.layers[l].dW.size()) / Scalar(10);
      mean.segment(net.bias_offset(l), ex.layers[l].db.size()) += ex.layers[l].db / Scalar(10);
    }
    mean_loss += ex.loss / 10;
  }
  CHECK(max_abs(st.data_gradient - mean) < 1e2 * eps * gscale);
  CHECK(st.loss_before == Approx(mean_loss).margin(kValueTol));

  // Regularisation: l2 W + l1 sign(W) on weights, nothing on biases, at the weights before.
  Network at_before = net;
  at_before.params() = st.params_before;
  Vector reg = Vector::Zero(n);
  add_regularization_gradient(at_before, s.train.l1, s.train.l2, reg);
  CHECK(max_abs(st.regularization_gradient - reg) == 0);
  for (int l = 0; l < net.layer_count(); ++l) CHECK(st.regularization_gradient.segment(net.bias_offset(l), net.size(l + 1)).isZero(0));
  CHECK(max_abs(st.regularization_gradient) > 0);

  // A small step downhill lowers the batch loss.
  CHECK(st.loss_after < st.loss_before);
  Workspace ws;
  const Metrics m = evaluate(net, s.loss, pg.task(), pg.training_data(), st.batch, ws);
  CHECK(st.loss_after == Approx(m.loss).margin(kValueTol));
}

TEST_CASE("a traced step with dropout reports the gradient the optimiser really used", "[trace]") {
  Playground pg;
  Settings s = pg.settings();
  s.hidden = {8};
  s.train.dropout = Scalar(0.5);
  s.train.batch_size = 5;
  REQUIRE(pg.configure(s).empty());
  StepTrace st;
  REQUIRE(pg.trace_step(5, st).empty());
  // The examples are traced without dropout; the applied gradient had units dropped.
  CHECK(max_abs(st.applied_gradient - (st.data_gradient + st.regularization_gradient)) > 1e-4);
  CHECK(st.applied_gradient == pg.trainer().last_gradient());
  const Vector expected_after = st.params_before - st.learning_rate * st.applied_gradient;
  CHECK(max_abs(st.params_after - expected_after) < 1e-6);
}

TEST_CASE("a trace of a saturated, correct BCE output has finite numbers", "[trace]") {
  Architecture arch;
  arch.inputs = 1;
  arch.hidden = {};
  arch.outputs = 1;
  arch.output_activation = Activation::Sigmoid;
  Network net(arch);
  net.W(0)(0, 0) = 50;  // z = 50: sigmoid rounds to exactly 1 in float and double
  net.b(0)(0) = 0;
  Vector x(1), y(1);
  x << 1;
  y << 1;
  const ExampleTrace t = trace_example(net, Loss::BinaryCrossEntropy, x, y);
  CHECK(t.output(0) == Scalar(1));
  CHECK(std::isfinite(t.loss));
  CHECK(t.loss == Approx(0).margin(1e-20));
  CHECK(t.dloss_doutput.allFinite());
  CHECK(double(t.dloss_doutput(0)) == Approx(-1).margin(kValueTol));
  CHECK(t.layers[0].delta.allFinite());
}
