// Training and grid-evaluation throughput of the core, one figure per run. The same source is built
// natively and to wasm (run under Node), so the two builds are compared on identical work.
//   backprop_bench FIGURE WARMUP_SECONDS SECONDS
// warms up (V8 runs the first thousand-odd epochs on its baseline compiler), then times the figure
// and prints "value unit flops" on one line: epochs/s or ms/call, and the floating-point operations
// one epoch or call does (the multiply-adds of the weight layers, two flops each). Figure "peak" is
// the ceiling the others are measured against: what this core issues of 4-lane multiplies and adds.
// Figures, not pass/fail: timing belongs here, never in unit tests. tests/bench/compare.mjs runs
// the figures interleaved, native and wasm, and prints medians and ratios.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "backprop/playground.hpp"

namespace {
using Clock = std::chrono::steady_clock;
using namespace bp;

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Runs `work(n)` in growing rounds until a round lasts at least `min_seconds`; returns calls per
// second of that round.
template <class F>
double rate(F work, double min_seconds) {
  long calls = 1;
  for (;;) {
    const auto t0 = Clock::now();
    work(calls);
    const double s = seconds_since(t0);
    if (s >= min_seconds) return double(calls) / s;
    calls = s > 0.01 ? long(double(calls) * min_seconds / s * 1.1) + 1 : calls * 10;
  }
}

void fail_if(const std::string& error) {
  if (!error.empty()) {
    std::fprintf(stderr, "bench setup failed: %s\n", error.c_str());
    std::exit(1);
  }
}

const std::vector<Feature> kAllFeatures{Feature::X1,   Feature::X2,    Feature::X1Squared, Feature::X2Squared,
                                        Feature::X1X2, Feature::SinX1, Feature::SinX2};

// (a) circles, 500 points, 50% train, x1 x2, [4, 2] tanh, batch 10, lr 0.03: the page's default net.
Settings circles_small() {
  Settings s;
  s.data.kind = DatasetKind::Circles;
  s.data.points = 500;
  s.train_ratio = Scalar(0.5);
  s.hidden = {4, 2};
  s.train.batch_size = 10;
  s.train.learning_rate = Scalar(0.03);
  return s;
}

// (b) spiral, 500 points, all 7 features, 6 hidden layers of 8 ReLU, batch 10.
Settings spiral_deep() {
  Settings s;
  s.data.kind = DatasetKind::Spiral;
  s.data.points = 500;
  s.train_ratio = Scalar(0.5);
  s.features = kAllFeatures;
  s.hidden = std::vector<int>(6, 8);
  s.hidden_activation = Activation::Relu;
  s.init = Init::HeUniform;
  s.train.batch_size = 10;
  s.train.learning_rate = Scalar(0.01);
  return s;
}

// (d) circles, x1 x2, [64, 64] tanh, batch 10: wide layers.
Settings circles_wide() {
  Settings s = circles_small();
  s.hidden = {64, 64};
  s.train.learning_rate = Scalar(0.01);
  return s;
}

// The single-core SIMD ceiling, measured rather than assumed from a clock and a port count: cores
// differ in both (this machine's measures 2.6 times what one multiply and one add a cycle at the
// clock /proc/cpuinfo reports would give: more ports, and a turbo clock). Independent chains
// p = p * m + c, in 128-bit vectors as both builds have them, no FMA (neither build has it);
// m = 1/2 and c = 1 keep p near 2, clear of overflow and denormals. The best of 12 and 14 chains:
// enough to hide the latencies, and 14 spills under V8 (x86's sixteen vector registers) while g++
// keeps them all.
using Float4 = float __attribute__((vector_size(16)));

template <int Chains>
__attribute__((noinline)) void multiply_add_chains(Float4* state, long steps) {
  Float4 p[Chains];
  for (int i = 0; i < Chains; ++i) p[i] = state[i];
  const Float4 m = state[Chains], c = state[Chains + 1];
  for (long s = 0; s < steps; ++s)
    for (int i = 0; i < Chains; ++i) p[i] = p[i] * m + c;
  for (int i = 0; i < Chains; ++i) state[i] = p[i];
}

template <int Chains>
double multiply_add_gflops(double warmup, double seconds) {
  Float4 state[Chains + 2];
  for (int i = 0; i < Chains; ++i) state[i] = Float4{float(i), 1, 2, 3};
  state[Chains] = Float4{0.5f, 0.5f, 0.5f, 0.5f};
  state[Chains + 1] = Float4{1, 1, 1, 1};
  // Called through a pointer the optimisers cannot see through: the kernel stays a function of its
  // own, which V8 recompiles with its optimising tier after a few calls (a loop inside one long
  // call would stay on the baseline tier: V8 does not replace a wasm function mid-call).
  void (*volatile kernel)(Float4*, long) = multiply_add_chains<Chains>;
  constexpr long kStepsPerCall = 1000;
  auto work = [&](long n) {
    for (long i = 0; i < n; ++i) kernel(state, kStepsPerCall);
  };
  rate(work, warmup);
  const double calls_per_second = rate(work, seconds);
  if (!(state[0][0] > 0)) std::exit(1);  // reads the result, so the work cannot be dropped
  return calls_per_second * kStepsPerCall * Chains * 4 * 2 / 1e9;
}

// Multiply-adds of one example's pass through the weight layers.
double macs_per_example(const Settings& s) {
  double macs = 0;
  int fan_in = int(s.features.size());
  std::vector<int> widths = s.hidden;
  widths.push_back(1);
  for (int w : widths) {
    macs += double(fan_in) * w;
    fan_in = w;
  }
  return macs;
}

// One training epoch: per training example, the forward pass, the deltas back through every layer
// but the first, and the weight gradients: about three passes of multiply-adds, two flops each.
double flops_per_epoch(const Settings& s, const Playground& p) {
  return 6.0 * macs_per_example(s) * double(p.split().train.size());
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: backprop_bench a|b|c|d|peak WARMUP_SECONDS SECONDS\n");
    return 2;
  }
  const std::string figure = argv[1];
  const double warmup = std::atof(argv[2]), seconds = std::atof(argv[3]);

  if (figure == "peak") {
    const double twelve = multiply_add_gflops<12>(warmup / 2, seconds / 2);
    const double fourteen = multiply_add_gflops<14>(warmup / 2, seconds / 2);
    std::printf("%.2f GFLOP/s 0\n", std::max(twelve, fourteen));
    return 0;
  }
  Playground p;
  if (figure == "c") {
    // Every node of net (b) on a 100 x 100 grid: one forward pass per cell, two flops a multiply-add.
    const Settings s = spiral_deep();
    fail_if(p.configure(s));
    std::vector<Scalar> grid(std::size_t(p.grid_size(100)));
    auto work = [&](long n) {
      for (long i = 0; i < n; ++i) fail_if(p.evaluate_grid(100, -kDomain, kDomain, grid.data()));
    };
    rate(work, warmup);
    std::printf("%.4f ms/call %.0f\n", 1000.0 / rate(work, seconds), 2.0 * macs_per_example(s) * 100 * 100);
    return 0;
  }
  const Settings s = figure == "a"   ? circles_small()
                     : figure == "b" ? spiral_deep()
                     : figure == "d" ? circles_wide()
                                     : Settings{};
  if (figure != "a" && figure != "b" && figure != "d") {
    std::fprintf(stderr, "unknown figure '%s'\n", figure.c_str());
    return 2;
  }
  fail_if(p.configure(s));
  auto work = [&](long n) { fail_if(p.train_epochs(n)); };
  rate(work, warmup);
  std::printf("%.1f epochs/s %.0f\n", rate(work, seconds), flops_per_epoch(s, p));
  return 0;
}
