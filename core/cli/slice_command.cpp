// backprop slice: the loss landscape through a model's weights (landscape.hpp), as CSV: the slice
// the page's landscape view draws with random directions.
#include <ostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "number_text.hpp"

namespace bp::cli {
namespace {

const char* const kSliceHelp =
    "usage: backprop slice --model model.json [--seed S] [--grid G] [--range R] [--out slice.csv]\n"
    "\n"
    "The mean training loss (no L1/L2) at theta + alpha d1 + beta d2 around the model's weights\n"
    "theta, for two filter-normalised random directions d1, d2 drawn from a seed (Li et al. 2018),\n"
    "as the page's loss-landscape view computes it.\n"
    "\n"
    "  --model FILE  a model file (backprop train --model, or the page's Save model)\n"
    "  --seed S      of the random directions, 0 to 4294967295 (default 1)\n"
    "  --grid G      points a side, alpha and beta both from -R to R, ends included (default 21)\n"
    "  --range R     (default 1)\n"
    "  --out FILE    write the CSV there instead of to standard output\n"
    "\n"
    "CSV: alpha,beta,loss, one row per point, beta = +R first (the top row), alpha from -R.\n";

}  // namespace

int run_slice(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options o;
  std::string e = parse_options(args, {"model", "seed", "grid", "range", "out"}, o);
  if (o.help && e.empty()) {
    out << kSliceHelp;
    return kExitOk;
  }
  if (e.empty() && !o.values.count("model")) e = "--model is required";
  SliceSpec spec;
  long long seed = spec.seed, grid = spec.grid;
  if (e.empty() && o.values.count("seed")) e = parse_whole("seed", o.values["seed"], 0, 4294967295LL, seed);
  if (e.empty() && o.values.count("grid")) e = parse_whole("grid", o.values["grid"], 0, 1000000, grid);
  if (e.empty() && o.values.count("range")) e = parse_number("range", o.values["range"], spec.range);
  spec.seed = static_cast<std::uint32_t>(seed);
  spec.grid = grid;
  Playground pg;
  bool is_model = false;
  if (e.empty()) e = load_run(o.values["model"], pg, is_model);
  LossSlice slice;
  if (e.empty()) e = pg.loss_slice(spec, slice);  // the core checks the grid and range
  if (!e.empty()) {
    err << "backprop slice: " << e << "\n(backprop slice --help for usage)\n";
    return kExitBadInput;
  }
  std::string csv = "alpha,beta,loss\n";
  const int g = slice.grid;
  for (int r = 0; r < g; ++r)
    for (int c = 0; c < g; ++c) {
      const double alpha = slice.range * (2 * c - (g - 1)) / (g - 1);
      const double beta = slice.range * ((g - 1) - 2 * r) / (g - 1);
      csv += js_number_text(alpha) + "," + js_number_text(beta) + "," +
             js_number_text(slice.loss[std::size_t(r) * std::size_t(g) + std::size_t(c)]) + "\n";
    }
  const std::string path = o.values.count("out") ? o.values["out"] : "-";
  if (path == "-") {
    out << csv;
    return kExitOk;
  }
  if (const std::string w = write_file(path, csv); !w.empty()) {
    err << "backprop slice: " << w << "\n";
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace bp::cli
