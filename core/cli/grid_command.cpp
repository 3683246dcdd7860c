// backprop grid: a model's output over the page's plot, as CSV or as a PNG in the page's colours.
#include <ostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "heatmap.hpp"
#include "output_grid.hpp"
#include "png.hpp"

namespace bp::cli {
namespace {

const char* const kGridHelp =
    "usage: backprop grid --model model.json [--size N] [--out grid.csv|grid.png]\n"
    "\n"
    "The network's output over the page's output plot: an N x N grid of cells over [-6, 6]^2,\n"
    "evaluated at the cell centres, with the model's settings (its data set gives the input\n"
    "scaling) and weights. A settings file gives the untrained network.\n"
    "\n"
    "  --model FILE  a model file (backprop train --model, or the page's Save model)\n"
    "  --size N      cells a side, 1 to 1024 (default 64, the page's)\n"
    "  --out FILE    FILE.png: an N x N image, one pixel a cell, in the page's colours (one output:\n"
    "                orange -1 (0 for a sigmoid on two classes), white at the middle, blue +1;\n"
    "                classes: the predicted class's colour, paler where the runner-up is close).\n"
    "                Otherwise CSV (to standard output without --out): a header, then one row per\n"
    "                cell, the top row first (x2 = 6 - 6/N), left to right: x1,x2,output, or\n"
    "                x1,x2,class_0,...,class_K-1.\n"
    "\n"
    "For 1-D data (x -> y) every row is the same: the network does not see x2.\n";

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

int run_grid(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options o;
  std::string e = parse_options(args, {"model", "size", "out"}, o);
  if (o.help && e.empty()) {
    out << kGridHelp;
    return kExitOk;
  }
  if (e.empty() && !o.values.count("model")) e = "--model is required";
  long long size = kPlotGrid;
  if (e.empty() && o.values.count("size")) e = parse_whole("size", o.values["size"], 1, kMaxGridSide, size);
  Playground pg;
  bool is_model = false;
  if (e.empty()) e = load_run(o.values["model"], pg, is_model);
  OutputGrid grid;
  if (e.empty()) e = evaluate_outputs(pg, size, grid);
  if (!e.empty()) {
    err << "backprop grid: " << e << "\n(backprop grid --help for usage)\n";
    return kExitBadInput;
  }
  const std::string path = o.values.count("out") ? o.values["out"] : "-";
  const bool png = ends_with(path, ".png") || ends_with(path, ".PNG");
  const std::string bytes = png ? png_rgb(grid.g, grid.g, heatmap_pixels(grid)) : grid_csv(grid);
  if (path == "-") {
    out << bytes;
    return kExitOk;
  }
  e = write_file(path, bytes);
  if (!e.empty()) {
    err << "backprop grid: " << e << "\n";
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace bp::cli
