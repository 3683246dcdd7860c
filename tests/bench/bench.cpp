// Training and grid-evaluation throughput of the core. The same source is built natively and to
// wasm (run under Node), so the two builds are compared on identical work. Prints one line per
// figure: "name value unit". Figures, not pass/fail: timing belongs here, never in unit tests.
#include <chrono>
#include <cstdio>
#include <vector>

#include "playground.hpp"

namespace {
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// Runs `work` in growing rounds until at least `min_seconds` have passed; returns calls per second.
template <class F>
double rate(F work, double min_seconds) {
  work(1);  // warm-up
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
}  // namespace

int main(int argc, char** argv) {
  const double min_seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
  using namespace bp;

  // (a) circles, 500 points, 50% train, x1 x2, [4, 2] tanh, batch 10, lr 0.03
  Playground a;
  Settings sa;
  sa.data.kind = DatasetKind::Circles;
  sa.data.points = 500;
  sa.train_ratio = 0.5;
  sa.hidden = {4, 2};
  sa.train.batch_size = 10;
  sa.train.learning_rate = Scalar(0.03);
  fail_if(a.configure(sa));
  const double epochs_a = rate([&](long n) { fail_if(a.train_epochs(int(n))); }, min_seconds);
  std::printf("a_circles_4x2_tanh_epochs_per_s %.0f\n", epochs_a);

  // (b) spiral, all 7 features, 6 hidden layers x 8 ReLU, batch 10
  Playground b;
  Settings sb;
  sb.data.kind = DatasetKind::Spiral;
  sb.data.points = 500;
  sb.train_ratio = 0.5;
  sb.features = {Feature::X1, Feature::X2, Feature::X1Squared, Feature::X2Squared,
                 Feature::X1X2, Feature::SinX1, Feature::SinX2};
  sb.hidden = std::vector<int>(6, 8);
  sb.hidden_activation = Activation::Relu;
  sb.init = Init::HeUniform;
  sb.train.batch_size = 10;
  sb.train.learning_rate = Scalar(0.01);
  fail_if(b.configure(sb));
  const double epochs_b = rate([&](long n) { fail_if(b.train_epochs(int(n))); }, min_seconds);
  std::printf("b_spiral_6x8_relu_epochs_per_s %.0f\n", epochs_b);

  // (c) every node of net (b) on a 100 x 100 grid
  std::vector<Scalar> grid(std::size_t(b.grid_size(100)));
  const double grids = rate(
      [&](long n) {
        for (long i = 0; i < n; ++i) fail_if(b.evaluate_grid(100, -kDomain, kDomain, grid.data()));
      },
      min_seconds);
  std::printf("c_grid_100x100_ms_per_call %.4f\n", 1000.0 / grids);
  return 0;
}
