// Tests for trace.hpp: an ExampleTrace obeys the backprop equations layer by layer (z = W a + b =
// row sums of the contributions + b, a = f(z), delta_L = a - y, dL/da = W^T delta, delta_l =
// dL/da * f'(z), dW = delta a_prev^T), matches finite differences and the hand-computed 1-1-1
// network; a StepTrace from Playground::trace_step / trace_step_on records a consistent SGD,
// momentum or Adam step (trace_step_on: that one example, epoch order untouched).
// Not tested here: the page's animation of these numbers.
#include "backprop/trace.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>

#include "backprop/playground.hpp"
#include "backprop/rng.hpp"

using namespace bp;
using namespace bp::test;

namespace {

constexpr double kTraceTol = kFloat ? 2e-6 : 1e-12;
// The finite-difference scheme of test_network.cpp (support.hpp's kStep, kGradFloor): 4-point
// stencil, loss taken in double.
constexpr double kTraceGradTol = kFloat ? 1e-3 : 1e-6;

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
    if (c.loss == Loss::SoftmaxCrossEntropy)
      y(1) = 1;
    else if (c.loss == Loss::BinaryCrossEntropy)
      y(0) = 1;
    else
      y << Scalar(0.5), Scalar(-0.25);

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
      CHECK(max_abs(lt.z - (net.W(l) * lt.a_prev + net.b(l))) < kTraceTol);  // z = W a_prev + b
      Vector fz(lt.z.size()), g(lt.z.size());
      activate(net.activation(l), net.arch().activation_params, lt.z, fz);
      activate_grad(net.activation(l), net.arch().activation_params, lt.z, fz, g);
      CHECK(max_abs(lt.a - fz) < kTraceTol);        // a = f(z)
      CHECK(max_abs(lt.grad_act - g) < kTraceTol);  // f'(z)
      if (l == L - 1) {
        if (c.loss == Loss::SquaredError)  // delta_L = (a - y) f'(z)
          CHECK(max_abs(lt.delta - Vector((lt.a - y).cwiseProduct(lt.grad_act))) < kTraceTol);
        else  // delta_L = a - y for sigmoid + BCE and softmax + CE
          CHECK(max_abs(lt.delta - (lt.a - y)) < kTraceTol);
      } else {  // delta_l = (W_{l+1}^T delta_{l+1}) * f'(z_l)
        const Vector back = net.W(l + 1).transpose() * t.layers[l + 1].delta;
        CHECK(max_abs(lt.delta - Vector(back.cwiseProduct(lt.grad_act))) < kTraceTol);
      }
      CHECK(max_abs(lt.dW - lt.delta * lt.a_prev.transpose()) < kTraceTol);  // dW = delta a_prev^T
      CHECK(max_abs(lt.db - lt.delta) < kTraceTol);

      // contribution(j, i) = W(j, i) a_prev(i), one product each; its row sums + b are z.
      REQUIRE(lt.contribution.rows() == net.size(l + 1));
      REQUIRE(lt.contribution.cols() == net.size(l));
      for (Index j = 0; j < lt.contribution.rows(); ++j)
        for (Index i = 0; i < lt.contribution.cols(); ++i)
          CHECK(lt.contribution(j, i) == net.W(l)(j, i) * lt.a_prev(i));
      CHECK(max_abs(lt.contribution.rowwise().sum() + net.b(l) - lt.z) < kTraceTol);
      // dL/da: the loss's own at the output, W_{l+1}^T delta_{l+1} below; no dropout in a trace,
      // so delta = dL/da * f'(z) for hidden layers (the output's delta folds in the loss pairing).
      REQUIRE(lt.dloss_da.size() == net.size(l + 1));
      if (l == L - 1) {
        CHECK(lt.dloss_da == t.dloss_doutput);
      } else {
        CHECK(max_abs(lt.dloss_da - net.W(l + 1).transpose() * t.layers[l + 1].delta) < kTraceTol);
        CHECK(max_abs(lt.delta - Vector(lt.dloss_da.cwiseProduct(lt.grad_act))) < kTraceTol);
      }
    }
    if (c.loss == Loss::SquaredError) CHECK(max_abs(t.dloss_doutput - (t.output - y)) < kTraceTol);
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
        const double err = relative_error(analytic, numeric);
        INFO("layer " << l << " parameter " << k << ": analytic " << analytic << ", numeric " << numeric);
        CHECK(err < kTraceGradTol);
        ++checked;
      }
    }
    CHECK(checked == int(net.parameter_count()));
  }
}

// The worked example of test_network.cpp (x = 3.14, y = 1, w1 = 0.6394..., w2 = 0.0250..., zero
// biases, sigmoid hidden and output, BCE), traced: every number by hand, in double.
TEST_CASE("the hand-computed 1-1-1 sigmoid network traced", "[trace]") {
  const double x = 3.14, y = 1, w1 = 0.6394267984578837, w2 = 0.025010755222666936;
  Network net(arch_of(1, {1}, 1, Activation::Sigmoid, Activation::Sigmoid));
  net.params().setZero();
  net.W(0)(0, 0) = Scalar(w1);
  net.W(1)(0, 0) = Scalar(w2);
  Vector in(1), target(1);
  in << Scalar(x);
  target << Scalar(y);
  const ExampleTrace t = trace_example(net, Loss::BinaryCrossEntropy, in, target);
  REQUIRE(t.layers.size() == 2);
  const LayerTrace &hidden = t.layers[0], &out = t.layers[1];

  const double h = 1 / (1 + std::exp(-w1 * x)), yhat = 1 / (1 + std::exp(-w2 * h));
  const double dl_dyhat = -y / yhat + (1 - y) / (1 - yhat);  // BCE: -1 / yhat for y = 1
  const double delta2 = yhat - y, dl_dh = w2 * delta2, delta1 = dl_dh * h * (1 - h);
  // Python, in double: 2.0078001..., 0.0220498..., -1.9781915..., -0.0123675..., -0.0012908...
  CHECK(w1 * x == Approx(2.007800147157755).epsilon(1e-12));
  CHECK(w2 * h == Approx(0.022049822298718876).epsilon(1e-12));
  CHECK(dl_dyhat == Approx(-1.9781914980881041).epsilon(1e-12));
  CHECK(dl_dh == Approx(-0.012367512520006703).epsilon(1e-12));
  CHECK(delta1 == Approx(-0.0012908102635332103).epsilon(1e-12));

  const double tol = kFloat ? 1e-6 : 1e-12;
  CHECK(double(hidden.contribution(0, 0)) == Approx(w1 * x).margin(tol));  // the one link into h
  CHECK(double(hidden.z(0)) == Approx(w1 * x).margin(tol));
  CHECK(double(hidden.a(0)) == Approx(h).margin(tol));
  CHECK(double(out.contribution(0, 0)) == Approx(w2 * h).margin(tol));  // the one link into yhat
  CHECK(double(out.a(0)) == Approx(yhat).margin(tol));
  CHECK(double(out.dloss_da(0)) == Approx(dl_dyhat).margin(tol));
  CHECK(double(out.delta(0)) == Approx(delta2).margin(tol));
  CHECK(double(hidden.dloss_da(0)) == Approx(dl_dh).margin(tol));
  CHECK(double(hidden.grad_act(0)) == Approx(h * (1 - h)).margin(tol));
  CHECK(double(hidden.delta(0)) == Approx(delta1).margin(kFloat ? 1e-8 : 1e-14));
  CHECK(double(hidden.dW(0, 0)) == Approx(delta1 * x).margin(kFloat ? 1e-7 : 1e-14));
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
  CHECK(st.update == st.params_after - st.params_before);
  CHECK(st.optimizer == Optimizer::Sgd);
  CHECK(st.velocity_before.size() == 0);
  CHECK(st.velocity_after.size() == 0);
  CHECK(st.moment1.size() + st.moment2.size() + st.moment1_hat.size() + st.moment2_hat.size() == 0);
  CHECK(st.adam_step == 0);
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
  CHECK(st.loss_before == Approx(mean_loss).margin(kTraceTol));

  // Regularisation: l2 W + l1 sign(W) on weights, nothing on biases, at the weights before.
  Network at_before = net;
  at_before.params() = st.params_before;
  Vector reg = Vector::Zero(n);
  add_regularization_gradient(at_before, s.train.l1, s.train.l2, reg);
  CHECK(max_abs(st.regularization_gradient - reg) == 0);
  for (int l = 0; l < net.layer_count(); ++l)
    CHECK(st.regularization_gradient.segment(net.bias_offset(l), net.size(l + 1)).isZero(0));
  CHECK(max_abs(st.regularization_gradient) > 0);

  // A small step downhill lowers the batch loss.
  CHECK(st.loss_after < st.loss_before);
  Workspace ws;
  const Metrics m = evaluate(net, s.loss, pg.task(), pg.training_data(), st.batch, ws);
  CHECK(st.loss_after == Approx(m.loss).margin(kTraceTol));
}

TEST_CASE("a traced step with dropout traces the examples with the masks the update drew", "[trace]") {
  Playground pg;
  Settings s = pg.settings();
  s.hidden = {8, 6};
  s.train.dropout = Scalar(0.5);
  s.train.batch_size = 5;
  REQUIRE(pg.configure(s).empty());
  StepTrace st;
  REQUIRE(pg.trace_step(5, st).empty());
  // The per-example traces are those of the update: their mean is the gradient it applied.
  CHECK(max_abs(st.applied_gradient - (st.data_gradient + st.regularization_gradient)) < 1e-6);
  CHECK(st.applied_gradient == pg.trainer().last_gradient());
  CHECK(st.batch == pg.trainer().last_batch());
  int dropped = 0, kept = 0;
  for (const ExampleTrace& ex : st.examples) {
    REQUIRE(ex.layers.size() == 3);
    CHECK(ex.layers[2].mask.size() == 0);  // never the output
    for (int l = 0; l < 2; ++l) {
      const LayerTrace& lt = ex.layers[std::size_t(l)];
      REQUIRE(lt.mask.size() == lt.z.size());
      for (Index j = 0; j < lt.z.size(); ++j) {
        const double m = double(lt.mask(j));
        CHECK((m == 0.0 || m == Approx(2.0)));  // dropped, or kept and scaled by 1/(1-p)
        (m == 0.0 ? dropped : kept) += 1;
        CHECK(double(lt.a(j)) == Approx(std::tanh(double(lt.z(j))) * m).margin(kTraceTol));
        CHECK(double(lt.delta(j)) == Approx(double(lt.dloss_da(j) * lt.grad_act(j)) * m).margin(kTraceTol));
        if (m == 0.0)
          CHECK(ex.layers[std::size_t(l + 1)].contribution.col(j).isZero());  // a dropped unit sends nothing
      }
    }
  }
  CHECK(dropped > 0);
  CHECK(kept > 0);
  const Vector expected_after = st.params_before - st.learning_rate * st.applied_gradient;
  CHECK(max_abs(st.params_after - expected_after) < 1e-6);
  CHECK(st.dropout_applied);
  CHECK(st.settings == pg.trainer().settings());
  // The losses before and after are those of the thinned network the step trained: "before" is the
  // mean of the examples' traced losses, "after" the same examples with the same masks at the new weights.
  double before = 0, after = 0;
  for (std::size_t j = 0; j < st.batch.size(); ++j) {
    const ExampleTrace& ex = st.examples[j];
    const std::vector<Vector> masks{ex.layers[0].mask, ex.layers[1].mask};
    before += ex.loss / double(st.batch.size());
    after += trace_example(pg.network(), s.loss, ex.input, ex.target, &masks).loss / double(st.batch.size());
  }
  CHECK(st.loss_before == Approx(before).margin(kTraceTol));
  CHECK(st.loss_after == Approx(after).margin(kTraceTol));

  SECTION("with no hidden layer there is nothing to drop, and the trace says so") {
    s.hidden = {};
    REQUIRE(pg.configure(s).empty());
    REQUIRE(pg.trace_step(5, st).empty());
    CHECK_FALSE(st.dropout_applied);
    CHECK(st.settings.dropout == Scalar(0.5));
    CHECK(max_abs(st.applied_gradient - (st.data_gradient + st.regularization_gradient)) < 1e-6);
  }
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
  CHECK(double(t.dloss_doutput(0)) == Approx(-1).margin(kTraceTol));
  CHECK(t.layers[0].delta.allFinite());
}

namespace {

// A playground on XOR with a validation split, trained into its second epoch.
Playground step_playground(Optimizer o) {
  Playground pg;
  Settings s = pg.settings();
  s.validation_ratio = Scalar(0.2);
  s.train.optimizer = o;
  s.train.learning_rate = Scalar(o == Optimizer::Adam ? 0.01 : 0.05);
  s.train.momentum = Scalar(0.8);
  s.train.l1 = Scalar(0.001);
  s.train.l2 = Scalar(0.01);
  REQUIRE(pg.configure(s).empty());
  return pg;
}

// |a - b| within a few roundings of one add to the parameters (update = fl(w + step) - w).
double update_tolerance(const Vector& params) {
  return 4 * double(std::numeric_limits<Scalar>::epsilon()) * (1 + max_abs(params));
}

}  // namespace

TEST_CASE("trace_step_on: one SGD update on exactly that training example, epoch order untouched", "[trace]") {
  Playground pg = step_playground(Optimizer::Sgd);
  REQUIRE(pg.train_epochs(2).empty());
  REQUIRE(pg.train_examples(7).empty());
  const int index = pg.split().train[3];
  const auto epoch = pg.trainer().epoch(), updates = pg.trainer().updates();
  const Index position = pg.trainer().epoch_position();
  const std::vector<int> next = pg.trainer().next_batch(10);
  const Vector before = pg.network().params();

  StepTrace st;
  REQUIRE(pg.trace_step_on(index, st).empty());
  CHECK(st.batch == std::vector<int>{index});
  CHECK(pg.trainer().last_batch() == st.batch);
  REQUIRE(st.examples.size() == 1);
  CHECK(st.examples[0].input == Vector(pg.training_data().inputs.col(index)));
  CHECK(st.examples[0].target == Vector(pg.training_data().targets.col(index)));
  CHECK(st.params_before == before);
  CHECK(st.params_after == pg.network().params());
  CHECK(st.update == st.params_after - st.params_before);
  CHECK(st.optimizer == Optimizer::Sgd);
  CHECK(st.velocity_before.size() + st.velocity_after.size() + st.moment1.size() + st.moment1_hat.size() == 0);
  // The epoch order is untouched: same epoch, same position, same next batch; one more update.
  CHECK(pg.trainer().epoch() == epoch);
  CHECK(pg.trainer().epoch_position() == position);
  CHECK(pg.trainer().next_batch(10) == next);
  CHECK(pg.trainer().updates() == updates + 1);

  // One example: the data gradient is its dW/db; applied = data + L1/L2 (no dropout).
  const Network& net = pg.network();
  for (int l = 0; l < net.layer_count(); ++l) {
    CHECK(st.data_gradient.segment(net.weight_offset(l), st.examples[0].layers[l].dW.size()) ==
          ConstVectorMap(st.examples[0].layers[l].dW.data(), st.examples[0].layers[l].dW.size()));
    CHECK(st.data_gradient.segment(net.bias_offset(l), net.size(l + 1)) == st.examples[0].layers[l].db);
  }
  const double eps = std::numeric_limits<Scalar>::epsilon();
  CHECK(max_abs(st.applied_gradient - (st.data_gradient + st.regularization_gradient)) <
        1e2 * eps * (1 + max_abs(st.applied_gradient)));
  // Plain SGD, bit for bit: w = fl(w - fl(lr g)).
  for (Index i = 0; i < net.parameter_count(); ++i)
    CHECK(st.params_after(i) == Scalar(st.params_before(i) - Scalar(st.learning_rate * st.applied_gradient(i))));
  CHECK(st.loss_before == Approx(st.examples[0].loss).margin(kTraceTol));
  CHECK(st.loss_after < st.loss_before);
}

TEST_CASE("traced momentum steps: v = mu v - lr g, and the update is v", "[trace]") {
  Playground pg = step_playground(Optimizer::Momentum);
  const Index P = pg.network().parameter_count();
  const Scalar mu = pg.settings().train.momentum;
  auto check_step = [&](const StepTrace& st) {
    CHECK(st.optimizer == Optimizer::Momentum);
    REQUIRE(st.velocity_before.size() == P);
    REQUIRE(st.velocity_after.size() == P);
    CHECK(st.velocity_after == pg.trainer().velocity());
    const Vector expected = mu * st.velocity_before - st.learning_rate * st.applied_gradient;
    CHECK(max_abs(st.velocity_after - expected) < 4 * std::numeric_limits<Scalar>::epsilon() * (1 + max_abs(expected)));
    CHECK(max_abs(st.update - st.velocity_after) < update_tolerance(st.params_before));
    CHECK(st.moment1.size() + st.moment2.size() + st.moment1_hat.size() + st.moment2_hat.size() == 0);
  };
  StepTrace first;  // the first update after a reset starts from v = 0
  REQUIRE(pg.trace_step_on(pg.split().train[0], first).empty());
  CHECK(first.velocity_before == Vector::Zero(P));
  check_step(first);
  REQUIRE(pg.train_batches(3).empty());
  const Vector v = pg.trainer().velocity();
  REQUIRE(max_abs(v) > 0);
  SECTION("trace_step_on") {
    StepTrace st;
    REQUIRE(pg.trace_step_on(pg.split().train[5], st).empty());
    CHECK(st.velocity_before == v);
    check_step(st);
  }
  SECTION("trace_step") {
    StepTrace st;
    REQUIRE(pg.trace_step(10, st).empty());
    CHECK(st.velocity_before == v);
    check_step(st);
  }
}

TEST_CASE("traced Adam steps: moments, bias-corrected hats and t reproduce the update", "[trace]") {
  Playground pg = step_playground(Optimizer::Adam);
  const TrainSettings& ts = pg.settings().train;
  REQUIRE(pg.train_batches(4).empty());
  REQUIRE(pg.trainer().adam_steps() == 4);
  auto check_step = [&](const StepTrace& st, int t) {
    CHECK(st.optimizer == Optimizer::Adam);
    // m = b1 m_before + (1 - b1) g and v likewise, from the moments the trace reports before.
    CHECK(max_abs(st.moment1 - (ts.beta1 * st.moment1_before + (1 - ts.beta1) * st.applied_gradient)) < 1e-6);
    CHECK(max_abs(st.moment2 - (ts.beta2 * st.moment2_before + (1 - ts.beta2) * st.applied_gradient.cwiseAbs2())) <
          1e-6);
    CHECK(max_abs(st.moment1_before) > 0);
    CHECK(st.adam_step == t);
    CHECK(pg.trainer().adam_steps() == t);
    CHECK(st.moment1 == pg.trainer().moment1());
    CHECK(st.moment2 == pg.trainer().moment2());
    CHECK(st.moment1_hat == st.moment1 * adam_bias_correction(ts.beta1, t));  // exactly the update's
    CHECK(st.moment2_hat == st.moment2 * adam_bias_correction(ts.beta2, t));
    const Vector step = -st.learning_rate * st.moment1_hat.array() / (st.moment2_hat.array().sqrt() + ts.epsilon);
    CHECK(max_abs(st.update - step) < update_tolerance(st.params_before));
    CHECK(max_abs(step) > 0);
    CHECK(st.velocity_before.size() + st.velocity_after.size() == 0);
  };
  SECTION("trace_step_on") {
    StepTrace st;
    REQUIRE(pg.trace_step_on(pg.split().train[2], st).empty());
    check_step(st, 5);
    REQUIRE(pg.trace_step_on(pg.split().train[2], st).empty());
    check_step(st, 6);
  }
  SECTION("trace_step") {
    StepTrace st;
    REQUIRE(pg.trace_step(10, st).empty());
    check_step(st, 5);
  }
}

TEST_CASE("a PReLU trace shows each unit's slope and its gradient, the step's mean of them", "[trace][prelu]") {
  Network net(arch_of(2, {3}, 1, Activation::Prelu, Activation::Sigmoid));
  net.initialize(Init::HeNormal, Scalar(-0.2), 11);
  net.slopes(0) << Scalar(0.25), Scalar(-0.1), Scalar(0.6);
  Vector x(2), y(1);
  x << Scalar(0.7), Scalar(-1.2);
  y << Scalar(1);
  const ExampleTrace t = trace_example(net, Loss::BinaryCrossEntropy, x, y);
  const LayerTrace& h = t.layers[0];
  REQUIRE(h.slopes.size() == 3);
  CHECK(h.slopes == net.slopes(0));
  for (Index i = 0; i < 3; ++i) {
    INFO("unit " << i);
    const double z = double(h.z(i));
    CHECK(double(h.a(i)) == Approx(z > 0 ? z : double(h.slopes(i)) * z).margin(1e-6));
    CHECK(double(h.grad_act(i)) == (z > 0 ? 1.0 : double(h.slopes(i))));
    CHECK(double(h.dslope(i)) == Approx(double(h.dloss_da(i)) * std::min(z, 0.0)).margin(1e-6));
  }
  CHECK(t.layers[1].slopes.size() == 0);  // the output has none
  CHECK(t.layers[1].dslope.size() == 0);
}

TEST_CASE("a maxout trace shows each unit's pieces and winner; delta reaches the winner only", "[trace][maxout]") {
  Architecture arch = arch_of(2, {3, 2}, 1, Activation::Maxout, Activation::Sigmoid);
  arch.activation_params.maxout_pieces = 3;
  Network net(arch);
  net.initialize(Init::HeNormal, Scalar(0.1), 12);
  Vector x(2), y(1);
  x << Scalar(0.7), Scalar(-1.2);
  y << Scalar(1);
  const ExampleTrace t = trace_example(net, Loss::BinaryCrossEntropy, x, y);
  for (int l = 0; l < 2; ++l) {
    const LayerTrace& h = t.layers[std::size_t(l)];
    REQUIRE(h.pieces.rows() == net.size(l + 1));
    REQUIRE(h.pieces.cols() == 3);
    REQUIRE(h.winner.size() == std::size_t(net.size(l + 1)));
    for (Index j = 0; j < h.pieces.rows(); ++j) {
      INFO("layer " << l << " unit " << j);
      const int w = h.winner[std::size_t(j)];
      for (int p = 0; p < 3; ++p) {  // each piece's z by hand, and the winner the first largest
        const double zp = double((net.W(l, p).row(j) * h.a_prev)(0, 0)) + double(net.b(l, p)(j));
        CHECK(double(h.pieces(j, p)) == Approx(zp).margin(1e-6));
        if (p < w) CHECK(h.pieces(j, p) < h.pieces(j, w));
        if (p > w) CHECK(h.pieces(j, p) <= h.pieces(j, w));
      }
      CHECK(h.z(j) == h.pieces(j, w));
      CHECK(h.a(j) == h.z(j));
      CHECK(h.grad_act(j) == 1);
      // z = row sums of the winner's contributions + its bias; dW and db are the winner's.
      CHECK(double(h.contribution.row(j).sum() + net.b(l, w)(j)) == Approx(double(h.z(j))).margin(1e-6));
      for (Index i = 0; i < h.a_prev.size(); ++i)
        CHECK(double(h.dW(j, i)) == Approx(double(h.delta(j)) * double(h.a_prev(i))).margin(1e-7));
      CHECK(h.db(j) == h.delta(j));
    }
  }
  // The first layer's dL/da comes back through each piece of the second: sum_p W_{1,p}^T delta_{1,p}.
  Vector back = Vector::Zero(3);
  for (int p = 0; p < 3; ++p)
    for (Index j = 0; j < 2; ++j)
      if (t.layers[1].winner[std::size_t(j)] == p) back += net.W(1, p).row(j).transpose() * t.layers[1].delta(j);
  CHECK(max_abs(t.layers[0].dloss_da - back) < 1e-6);
  CHECK(t.layers[2].pieces.size() == 0);
  CHECK(t.layers[2].winner.empty());
}

TEST_CASE("a traced step's data gradient covers maxout pieces and PReLU slopes: the trainer's own",
          "[trace][maxout][prelu]") {
  for (Activation f : {Activation::Maxout, Activation::Prelu}) {
    INFO(activation_name(f));
    Playground pg;
    Settings s = pg.settings();
    s.data.kind = DatasetKind::Xor;
    s.data.points = 100;
    s.hidden = {4, 3};
    s.hidden_activation = f;
    s.activation_params.maxout_pieces = 3;
    s.train.optimizer = Optimizer::Sgd;
    s.train.batch_size = 10;
    REQUIRE(pg.configure(s).empty());
    REQUIRE(pg.train_epochs(1).empty());
    StepTrace st;
    REQUIRE(pg.trace_step(10, st).empty());
    // No regularisation or dropout: what the optimiser received is the mean of the traced examples.
    const double eps = std::numeric_limits<Scalar>::epsilon();
    CHECK(max_abs(st.applied_gradient - st.data_gradient) < 1e2 * eps * (1 + max_abs(st.applied_gradient)));
    const Network& net = pg.network();
    if (f == Activation::Maxout) {
      CHECK_FALSE(st.data_gradient.segment(net.weight_offset(0, 2), 8).isZero());
    } else {
      CHECK_FALSE(st.data_gradient.segment(net.slope_offset(0), 4).isZero());
      // The slope moved by -lr * its gradient.
      CHECK(double(st.update(net.slope_offset(0))) ==
            Approx(-double(st.learning_rate) * double(st.data_gradient(net.slope_offset(0)))).margin(1e-7));
    }
  }
}
