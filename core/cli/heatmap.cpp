// The pixel rules are heatmap.js fillSigned and fillClasses with their lookup tables (511 signed
// steps, 256 levels per class), so the same value picks the same table entry as on the page.
#include "heatmap.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

namespace bp::cli {
namespace {

constexpr Rgb kNegative{0xE6, 0x9F, 0x00}, kPositive{0x00, 0x72, 0xB2}, kNeutral{0x9E, 0x9E, 0x9E};
constexpr Rgb kClasses[] = {{0xE6, 0x9F, 0x00}, {0x00, 0x72, 0xB2}, {0x00, 0x9E, 0x73}, {0xCC, 0x79, 0xA7},
                            {0x56, 0xB4, 0xE9}, {0xD5, 0x5E, 0x00}, {0xD9, 0xC9, 0x1A}, {0x5F, 0x5F, 0x5F}};
constexpr int kSignedSteps = 511;  // heatmap.js SIGNED_LUT: index 255 is t = 0
constexpr int kClassLevels = 256;  // heatmap.js CLASS_LEVELS

std::uint8_t js_round(double x) { return static_cast<std::uint8_t>(std::floor(x + 0.5)); }  // Math.round

}  // namespace

Rgb diverging_rgb(double t) {
  if (std::isnan(t)) return kNeutral;
  const double u = t > 1 ? 1 : t < -1 ? -1 : t;
  const Rgb& end = u < 0 ? kNegative : kPositive;
  const double a = std::fabs(u);
  Rgb out;
  for (int i = 0; i < 3; ++i) out[i] = js_round(255 + (end[i] - 255) * a);
  return out;
}

Rgb class_rgb(int k, double amount) {
  const Rgb& c = kClasses[k % 8];
  const double a = amount > 1 ? 1 : amount > 0 ? amount : 0;
  Rgb out;
  for (int i = 0; i < 3; ++i) out[i] = js_round(c[i] + (255 - c[i]) * a);
  return out;
}

std::vector<std::uint8_t> heatmap_pixels(const OutputGrid& grid) {
  const std::size_t cells = std::size_t(grid.g) * std::size_t(grid.g);
  std::vector<std::uint8_t> rgb(3 * cells);
  const Activation act = grid.output_activation;
  const auto put = [&](std::size_t i, const Rgb& c) {
    for (int j = 0; j < 3; ++j) rgb[3 * i + j] = c[j];
  };
  if (grid.problem == Problem::Multiclass) {
    const double lo = act == Activation::Tanh ? -1 : 0, hi = 1;
    const int top = kClassLevels - 1;
    const double scale = top / (hi - lo);
    for (std::size_t i = 0; i < cells; ++i) {
      double best = -std::numeric_limits<double>::infinity(), second = best;
      int arg = 0;
      bool nan = false;
      for (int k = 0; k < grid.outputs; ++k) {
        const double v = grid.values[std::size_t(k) * cells + i];
        if (std::isnan(v)) nan = true;
        if (v > best) {
          second = best, best = v, arg = k;
        } else if (v > second) {
          second = v;
        }
      }
      if (nan) {
        put(i, kNeutral);
        continue;
      }
      int j = top;
      if (grid.outputs > 1) {
        const double x = (best - second) * scale + 0.5;
        j = x >= top ? top : int(x);
      }
      put(i, class_rgb(arg, 1 - double(j) / top));
    }
    return rgb;
  }
  // Classes: white at the threshold, halfway through a sigmoid's range. Regression: on the targets'
  // scale, -1 to 1, as the page draws it.
  const bool zero_to_one =
      grid.problem != Problem::Regression && (act == Activation::Sigmoid || act == Activation::Step);
  const double lo = zero_to_one ? 0 : -1, hi = 1;
  const int last = kSignedSteps - 1;
  const double scale = last / (hi - lo);
  for (std::size_t i = 0; i < cells; ++i) {
    const double v = grid.values[i];
    if (std::isnan(v)) {
      put(i, kNeutral);
      continue;
    }
    const double x = (v - lo) * scale + 0.5;
    const int index = x <= 0 ? 0 : x >= last ? last : int(x);
    put(i, diverging_rgb(-1 + 2.0 * index / last));
  }
  return rgb;
}

}  // namespace bp::cli
