// libFuzzer target over the Playground façade, built with AddressSanitizer and UBSan
// (build-scripts/build-asan.sh, run by fuzz.sh): settings validation (any numbers, sizes and enum names the
// bindings can produce), custom data, and the batch / trace / grid / parameter entry points with
// counts and indices from small to beyond 32 bits. Besides memory errors and undefined behaviour
// it checks the façade's promises: a call past a limit is refused, and a refused call changes
// nothing. Sizes that would only make the fuzzer slow (long training, big grids) are skipped, not
// explored: the limits themselves are checked through check_grid and the range checks.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "backprop/playground.hpp"

namespace {

using namespace bp;

[[noreturn]] void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_playground: %s: %s\n", what, detail.c_str());
  std::abort();
}

// A count or index: mostly small, sometimes at the edges of int32, uint32 and JS's 2^53.
std::int64_t count(FuzzedDataProvider& in) {
  static const std::int64_t kEdges[] = {-1,
                                        0,
                                        std::numeric_limits<std::int32_t>::max(),
                                        std::int64_t(1) << 31,
                                        (std::int64_t(1) << 32) - 1,
                                        std::int64_t(1) << 32,
                                        (std::int64_t(1) << 32) + 1,
                                        std::int64_t(1) << 53,
                                        -(std::int64_t(1) << 53),
                                        std::numeric_limits<std::int32_t>::min(),
                                        1025,
                                        5001,
                                        100000001};
  if (in.ConsumeBool()) return in.PickValueInArray(kEdges);
  return in.ConsumeIntegralInRange<std::int64_t>(-2, 12);
}

// Any float, including NaN, infinities and huge values; or a modest one.
Scalar number(FuzzedDataProvider& in) {
  if (in.ConsumeBool()) return static_cast<Scalar>(in.ConsumeFloatingPointInRange<double>(-8, 8));
  switch (in.ConsumeIntegralInRange<int>(0, 4)) {
    case 0: return std::numeric_limits<Scalar>::quiet_NaN();
    case 1: return std::numeric_limits<Scalar>::infinity();
    case 2: return -std::numeric_limits<Scalar>::max();
    case 3: return Scalar(in.ConsumeIntegralInRange<int>(-2, 3));
    default: return in.ConsumeFloatingPoint<Scalar>();
  }
}

template <class E>
E pick(FuzzedDataProvider& in, int last) {
  return static_cast<E>(in.ConsumeIntegralInRange<int>(0, last));
}

Settings settings(FuzzedDataProvider& in, const Settings& base) {
  Settings s = base;
  if (in.ConsumeBool()) s.data.kind = pick<DatasetKind>(in, int(DatasetKind::Curve));
  if (in.ConsumeBool())
    s.data.points = in.ConsumeBool() ? in.ConsumeIntegralInRange<int>(-1, 300) : in.ConsumeIntegral<int>();
  if (in.ConsumeBool()) s.data.noise = number(in);
  if (in.ConsumeBool()) s.data.seed = in.ConsumeIntegral<std::uint32_t>();
  if (in.ConsumeBool()) s.data.classes = in.ConsumeIntegralInRange<int>(-1, 10);
  if (in.ConsumeBool()) s.train_ratio = number(in);
  if (in.ConsumeBool()) s.validation_ratio = number(in);
  if (in.ConsumeBool()) {
    s.features.clear();
    const int n = in.ConsumeIntegralInRange<int>(0, kFeatureCount + 1);
    for (int i = 0; i < n; ++i) s.features.push_back(pick<Feature>(in, kFeatureCount - 1));
  }
  if (in.ConsumeBool()) {
    s.hidden.clear();
    const int layers = in.ConsumeIntegralInRange<int>(0, kMaxHiddenLayers + 1);
    for (int l = 0; l < layers; ++l)  // wide layers now and then, not in every layer
      s.hidden.push_back(in.ConsumeIntegralInRange<int>(0, 10) == 0
                             ? in.ConsumeIntegralInRange<int>(-1, kMaxNeurons + 1)
                             : in.ConsumeIntegralInRange<int>(0, 12));
  }
  if (in.ConsumeBool()) s.hidden_activation = pick<Activation>(in, int(Activation::Softmax));
  if (in.ConsumeBool()) s.output_activation = pick<Activation>(in, int(Activation::Softmax));
  if (in.ConsumeBool()) s.activation_params.leaky_slope = number(in);
  if (in.ConsumeBool()) s.activation_params.elu_alpha = number(in);
  if (in.ConsumeBool()) s.loss = pick<Loss>(in, int(Loss::SoftmaxCrossEntropy));
  if (in.ConsumeBool()) s.init = pick<Init>(in, int(Init::UniformScale));
  if (in.ConsumeBool()) s.init_scale = number(in);
  if (in.ConsumeBool()) s.bias_init = number(in);
  if (in.ConsumeBool()) s.seed = in.ConsumeIntegral<std::uint32_t>();
  TrainSettings& t = s.train;
  if (in.ConsumeBool()) t.learning_rate = number(in);
  if (in.ConsumeBool())
    t.batch_size = in.ConsumeBool() ? in.ConsumeIntegralInRange<int>(-1, 40) : in.ConsumeIntegral<int>();
  if (in.ConsumeBool()) t.l1 = number(in);
  if (in.ConsumeBool()) t.l2 = number(in);
  if (in.ConsumeBool()) t.decay = pick<Decay>(in, int(Decay::Exponential));
  if (in.ConsumeBool()) t.decay_rate = number(in);
  if (in.ConsumeBool()) t.decay_steps = number(in);
  if (in.ConsumeBool()) t.optimizer = pick<Optimizer>(in, int(Optimizer::Adam));
  if (in.ConsumeBool()) t.momentum = number(in);
  if (in.ConsumeBool()) t.beta1 = number(in);
  if (in.ConsumeBool()) t.beta2 = number(in);
  if (in.ConsumeBool()) t.epsilon = number(in);
  if (in.ConsumeBool()) t.dropout = number(in);
  return s;
}

Dataset custom_data(FuzzedDataProvider& in) {
  Dataset d;
  d.problem = pick<Problem>(in, int(Problem::Regression));
  d.classes = in.ConsumeIntegralInRange<int>(-1, kMaxClasses + 1);
  const int n = in.ConsumeIntegralInRange<int>(0, 64);
  d.xy.resize(2, n);
  d.label.resize(n);
  for (int i = 0; i < n; ++i) {
    d.xy(0, i) = number(in);
    d.xy(1, i) = number(in);
    d.label(i) = in.ConsumeBool() ? Scalar(in.ConsumeIntegralInRange<int>(-1, kMaxClasses)) : number(in);
  }
  if (n > 0 && in.ConsumeBool()) d.label.conservativeResize(n - 1);       // a count mismatch
  if (in.ConsumeBool()) d.inputs = in.ConsumeIntegralInRange<int>(0, 3);  // 1: a drawn curve (x2 must be 0)
  return d;
}

// Training work in examples x network size: bigger calls are skipped so that every input runs fast.
bool cheap(const Playground& pg, std::int64_t updates_or_epochs, bool epochs) {
  const std::int64_t examples = epochs ? std::int64_t(pg.split().train.size()) : pg.settings().train.batch_size;
  return updates_or_epochs * examples * pg.network().parameter_count() <= 2000000;
}

struct Before {  // what a refused call must leave alone
  Vector params;
  std::int64_t updates;
  Index position;
  explicit Before(const Playground& pg)
      : params(pg.network().params()), updates(pg.trainer().updates()), position(pg.trainer().epoch_position()) {}
  void check(const Playground& pg, const std::string& call, const std::string& error) const {
    // A run that diverges trains, then reports it: that message is not a refusal.
    if (error.empty() || error.rfind("training diverged", 0) == 0) return;
    // NaN parameters (a diverged run) compare unequal to themselves: compare the bits.
    const bool same_params = pg.network().params().size() == params.size() &&
                             std::equal(params.data(), params.data() + params.size(), pg.network().params().data(),
                                        [](Scalar a, Scalar b) { return a == b || (a != a && b != b); });
    if (!same_params || pg.trainer().updates() != updates || pg.trainer().epoch_position() != position)
      fail("a refused call changed the state", call + ": " + error);
  }
};

void expect_refused(const std::string& call, const std::string& error) {
  if (error.empty()) fail("a call past its limit was accepted", call);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  Playground pg;
  for (int op = 0; op < 24 && in.remaining_bytes() > 0; ++op) {
    const Before before(pg);
    const std::int64_t n = count(in);
    const std::string arg = std::to_string(n);
    std::string e;
    switch (in.ConsumeIntegralInRange<int>(0, 17)) {
      case 0:
      case 1: {
        const Settings s = settings(in, pg.settings());
        e = pg.configure(s);
        if (e.empty()) continue;  // accepted: a new state, nothing to compare
        before.check(pg, "configure", e);
        break;
      }
      case 2: {
        e = pg.set_custom_data(custom_data(in));
        if (e.empty()) continue;
        before.check(pg, "set_custom_data", e);
        break;
      }
      case 3:
        if (n > 1000000 || n < 0)
          expect_refused("train_epochs " + arg, e = pg.train_epochs(n));
        else if (cheap(pg, n, true))
          e = pg.train_epochs(n);
        break;
      case 4:
        if (n > 100000000 || n < 0)
          expect_refused("train_batches " + arg, e = pg.train_batches(n));
        else if (cheap(pg, n, false))
          e = pg.train_batches(n);
        break;
      case 5: e = pg.train_examples(n); break;
      case 6: {
        std::vector<int> batch;
        e = pg.next_batch(n, batch);
        if (n < 1 || n > std::int64_t(pg.split().train.size())) expect_refused("next_batch " + arg, e);
        for (int i : batch)
          if (i < 0 || Index(i) >= pg.dataset().size())
            fail("next_batch gave an index outside the data", std::to_string(i));
        break;
      }
      case 7: {
        ExampleTrace t;
        e = pg.trace(n, t);
        break;
      }
      case 8: {
        StepTrace t;
        if (n > 0 && n * pg.trace_values_per_example() > 4000000 && n <= std::int64_t(pg.split().train.size()))
          break;  // legal but slow
        e = pg.trace_step(n, t);
        break;
      }
      case 9: {
        StepTrace t;
        e = pg.trace_step_on(n, t);
        break;
      }
      case 10: {
        e = pg.check_grid(n);
        if (n < 1 || n > kMaxGridSide) expect_refused("check_grid " + arg, e);
        if (e.empty()) {
          if (pg.grid_size(n) > kMaxGridValues) fail("a grid over the cap was accepted", arg);
          if (n > 8) break;  // small grids only: big ones just allocate
          std::vector<Scalar> out(std::size_t(pg.grid_size(n)));
          e = pg.evaluate_grid(n, number(in), number(in), out.data());
        }
        break;
      }
      case 11:
        if (cheap(pg, 1, true)) pg.layer_stats();
        break;
      case 12:
        if (!cheap(pg, 1, true)) break;
        pg.metrics(pick<Subset>(in, int(Subset::Test)));
        pg.gradient();
        break;
      case 13: {
        const Index n_params = pg.network().parameter_count() + in.ConsumeIntegralInRange<int>(-1, 1);
        std::vector<Scalar> values(static_cast<std::size_t>(n_params));
        for (auto& v : values) v = in.ConsumeBool() ? Scalar(in.ConsumeIntegralInRange<int>(-3, 3)) : number(in);
        e = pg.set_params(values.data(), n_params);
        if (e.empty()) continue;
        break;
      }
      case 14: {
        const std::int64_t to = count(in), from = count(in);
        e = pg.set_weight(n, to, from, number(in));
        if (e.empty()) continue;
        break;
      }
      case 15: {
        e = pg.set_bias(n, count(in), number(in));
        if (e.empty()) continue;
        break;
      }
      case 16: {  // the sum of units along x (1-D data) and the half-plane counts: they change nothing
        UnitSum u;
        std::vector<int> counts;
        const Scalar lo = number(in), hi = number(in);
        e = pg.unit_sum(n, lo, hi, u);
        if (n < 2 || n > kMaxLineSamples) expect_refused("unit_sum " + arg, e);
        if (n <= 64) e = pg.positive_sides(n, lo, hi, counts, in.ConsumeBool());
        break;
      }
      default: pg.reset(); continue;
    }
    before.check(pg, "call with " + arg, e);
  }
  return 0;
}
