// The network's outputs over the page's output plot: the G x G grid of [-6, 6]^2 the page draws
// (Playground::evaluate_grid, the call behind engine.evaluateGrid), and that grid as CSV text.
// Not here: colours (heatmap.hpp) or file formats other than CSV.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/playground.hpp"

namespace bp::cli {

constexpr double kPlotLo = -6, kPlotHi = 6;  // the page's plot domain (render.js)
constexpr int kPlotGrid = 64;                // the page's cells a side (playground/page.js GRID)

struct OutputGrid {
  int g = 0;
  int outputs = 0;  // 1 for binary and regression, K for multi-class
  Problem problem = Problem::Binary;
  Activation output_activation = Activation::Tanh;
  // Output k at cell i: values[k g^2 + i], i row-major with row 0 at the top (x2 = 6) and cell
  // centres x1 = -6 + (ix + 0.5) 12 / g, as the page's plot.
  std::vector<Scalar> values;
};

// "" or the core's message (a grid size out of range).
std::string evaluate_outputs(Playground& pg, std::int64_t g, OutputGrid& out);

// One row per cell in the grid's order (top row first, left to right): "x1,x2,output" for one
// output, "x1,x2,class_0,...,class_{K-1}" for K; cell centres and values as shortest float32
// decimals.
std::string grid_csv(const OutputGrid& grid);

}  // namespace bp::cli
