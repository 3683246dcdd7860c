// The dispatch to a command, the top-level help, and what both commands share: options, files,
// loading a run file into a Playground.
#include "commands.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model_file.hpp"

namespace bp::cli {
namespace {

const char* const kUsage =
    "usage: backprop <command> [options]\n"
    "\n"
    "The Backprop Playground's core on the command line, with the page's files.\n"
    "\n"
    "commands:\n"
    "  train   train from a settings or model file; per-epoch metrics as CSV, the model as JSON\n"
    "  grid    the trained network's output over the page's plot, as CSV or PNG\n"
    "  slice   the loss landscape around the trained weights, as CSV\n"
    "\n"
    "backprop <command> --help describes a command's options.\n";

}  // namespace

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kUsage;
    return kExitBadInput;
  }
  const std::string& command = args[0];
  if (command == "--help" || command == "-h" || command == "help") {
    out << kUsage;
    return kExitOk;
  }
  if (command == "train") return run_train(args, out, err);
  if (command == "grid") return run_grid(args, out, err);
  if (command == "slice") return run_slice(args, out, err);
  err << "backprop: unknown command '" << command << "' (train, grid or slice; backprop --help)\n";
  return kExitBadInput;
}

std::string parse_options(const std::vector<std::string>& args, const std::vector<std::string>& names, Options& out) {
  out = Options{};
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      out.help = true;
      continue;
    }
    if (a.rfind("--", 0) != 0) return "unexpected argument '" + a + "'";
    const std::size_t eq = a.find('=');
    const std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    if (std::find(names.begin(), names.end(), name) == names.end()) return "unknown option '--" + name + "'";
    if (out.values.count(name)) return "option '--" + name + "' is given twice";
    if (eq != std::string::npos) {
      out.values[name] = a.substr(eq + 1);
    } else {
      if (i + 1 >= args.size()) return "option '--" + name + "' needs a value";
      out.values[name] = args[++i];
    }
  }
  return "";
}

std::string parse_whole(const std::string& name, const std::string& text, long long lo, long long hi, long long& out) {
  const std::string range = "--" + name + " must be a whole number from " + std::to_string(lo) + " to " +
                            std::to_string(hi) + " (got '" + text.substr(0, 40) + "')";
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) return range;
  out = std::stoll(text);
  return out < lo || out > hi ? range : "";
}

std::string parse_number(const std::string& name, const std::string& text, double& out) {
  const char* begin = text.c_str();
  char* end = nullptr;
  out = std::strtod(begin, &end);
  if (text.empty() || end != begin + text.size() || !std::isfinite(out))
    return "--" + name + " must be a number (got '" + text.substr(0, 40) + "')";
  return "";
}

std::string read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read " + path;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return "";
}

std::string write_file(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();
  return file ? "" : "cannot write " + path;
}

std::string load_run(const std::string& path, Playground& pg, bool& is_model) {
  std::string text;
  std::string e = read_file(path, text);
  if (!e.empty()) return e;
  RunFile run;
  if ((e = read_run_file(text, run)).empty()) e = apply_run_file(run, pg);
  is_model = run.is_model;
  return e.empty() ? "" : path + ": " + e;
}

}  // namespace bp::cli
