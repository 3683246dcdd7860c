// The output grid as RGB pixels in the page's colours (web/views/colors.js and heatmap.js): one
// output on the diverging orange-white-blue scale over its range (sigmoid and step [0, 1], else
// [-1, 1], as render.js outputPlot), K outputs as the argmax class's colour mixed with white by
// the margin over the runner-up. Full strength (the page pales its plot under the data points);
// NaN cells grey. Not here: evaluating the network (output_grid.hpp) or PNG bytes (png.hpp).
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "output_grid.hpp"

namespace bp::cli {

using Rgb = std::array<std::uint8_t, 3>;

// colors.js divergingRgb(t): -1 orange #E69F00, 0 white, +1 blue #0072B2, linear in sRGB between;
// t clamped to [-1, 1]; NaN grey #9E9E9E.
Rgb diverging_rgb(double t);
// colors.js classRgb(k) mixed with white by `amount` (0 keeps the colour, 1 is white).
Rgb class_rgb(int k, double amount);

// g x g RGB pixels, row-major from the top row, 3 bytes each.
std::vector<std::uint8_t> heatmap_pixels(const OutputGrid& grid);

}  // namespace bp::cli
