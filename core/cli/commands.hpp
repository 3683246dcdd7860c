// The command line: `backprop train`, `backprop grid` and `backprop slice`, their options and help, with the text
// they print going to `out` (results) and `err` (messages) and an exit code back: 0 done, 1 a run
// that could not finish (training diverged, a file that could not be written), 2 bad input (an
// unknown option, a bad number, a run file the schema refuses). Not here: JSON, pixels or PNG.
#pragma once
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "backprop/playground.hpp"

namespace bp::cli {

constexpr int kExitOk = 0, kExitFailed = 1, kExitBadInput = 2;

// args: what follows the program name ("train", "--config", "run.json", ...).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// ---- shared by the commands ----

// --name value or --name=value pairs from args[1...] (args[0] is the command), each name one of
// `names`; "" or a message. --help and -h set help.
struct Options {
  std::map<std::string, std::string> values;
  bool help = false;
};
std::string parse_options(const std::vector<std::string>& args, const std::vector<std::string>& names, Options& out);
// A whole number in [lo, hi] from an option's text; "" or "--name must be ...".
std::string parse_whole(const std::string& name, const std::string& text, long long lo, long long hi, long long& out);
// A finite real number from an option's text; "" or "--name must be a number ...".
std::string parse_number(const std::string& name, const std::string& text, double& out);
std::string read_file(const std::string& path, std::string& out);
std::string write_file(const std::string& path, const std::string& text);
// Reads a run file (model_file.hpp) and configures `pg` from it; "" or a message naming the file.
std::string load_run(const std::string& path, Playground& pg, bool& is_model);

int run_train(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_grid(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_slice(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace bp::cli
