#include "output_grid.hpp"

#include <string>
#include <vector>

#include "backprop/dataset.hpp"
#include "number_text.hpp"

namespace bp::cli {

std::string evaluate_outputs(Playground& pg, std::int64_t g, OutputGrid& out) {
  std::string e = pg.check_grid(g);
  if (!e.empty()) return e;
  std::vector<Scalar> all(static_cast<std::size_t>(pg.grid_size(g)));
  e = pg.evaluate_grid(g, Scalar(kPlotLo), Scalar(kPlotHi), all.data());
  if (!e.empty()) return e;
  const Network& net = pg.network();
  out.g = static_cast<int>(g);
  out.outputs = net.size(net.layer_count());
  out.problem = pg.dataset().problem;
  out.output_activation = pg.settings().output_activation;
  // The output nodes are the last of the node-major grid.
  const std::size_t cells = std::size_t(g) * std::size_t(g);
  out.values.assign(all.end() - std::ptrdiff_t(cells * std::size_t(out.outputs)), all.end());
  return "";
}

std::string grid_csv(const OutputGrid& grid) {
  std::string csv = "x1,x2";
  if (grid.outputs == 1)
    csv += ",output";
  else
    for (int k = 0; k < grid.outputs; ++k) csv += ",class_" + std::to_string(k);
  csv += "\n";
  const auto centres = grid_centres(grid.g, Scalar(kPlotLo), Scalar(kPlotHi));
  const std::size_t cells = std::size_t(grid.g) * std::size_t(grid.g);
  for (std::size_t i = 0; i < cells; ++i) {
    csv += float32_text(float(centres(0, Index(i)))) + "," + float32_text(float(centres(1, Index(i))));
    for (int k = 0; k < grid.outputs; ++k) csv += "," + float32_text(float(grid.values[std::size_t(k) * cells + i]));
    csv += "\n";
  }
  return csv;
}

}  // namespace bp::cli
