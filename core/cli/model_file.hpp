// The page's files on the command line: a run file (a plain settings object under the page's keys,
// or a model file the page saved) read into bp::Settings through the settings schema, and a trained
// model written as the page's model file, byte for byte what web/model-file.js modelToJson writes
// (key order, settings in schema order, 8 parameters a line, shortest float32 decimals), so the
// page's Load model reads it. Not here: training, the grid, or the command-line options.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/playground.hpp"

namespace bp::cli {

constexpr const char* kModelFormat = "backprop-playground-model";
constexpr int kModelVersion = 1;
constexpr int kParamsPerLine = 8;

struct RunFile {
  Settings settings;             // the keys the file leaves out keep Settings{}'s values
  bool is_model = false;         // a page model file, with the fields below
  std::vector<int> layer_sizes;  // inputs, hidden..., outputs
  std::vector<float> params;     // in Network::params() order
  std::int64_t epoch = 0;
};

// Reads JSON text: a model file when it has a "format" key, else a settings object. "" or a
// message: not JSON, not a model file, unsupported version, an unknown setting ("unknown setting
// 'foo'"), a value of the wrong JSON type ("setting 'points' must be a whole number"), or the
// schema's own message for a value out of range ("noise must be in [0, 5] (got 9)").
std::string read_run_file(const std::string& text, RunFile& out);

// Configures `pg` with the file's settings and, for a model file, checks its layer sizes against
// the network those settings build and loads its parameters. "" or the first problem; the core's
// messages for settings that do not fit together (an output activation the data cannot use).
std::string apply_run_file(const RunFile& run, Playground& pg);

// The page's model file of `pg` as it stands (settings, layer sizes, parameters, completed
// epochs), into `out`; "" or why not (weights that are not finite, which the page refuses too).
std::string model_to_json(const Playground& pg, std::string& out);

}  // namespace bp::cli
