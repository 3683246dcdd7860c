// backprop train: configure from a run file, train epoch by epoch, print the page's chart numbers
// as CSV, write the trained model in the page's format.
#include <cmath>
#include <ostream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "model_file.hpp"
#include "number_text.hpp"

namespace bp::cli {
namespace {

const char* const kTrainHelp =
    "usage: backprop train --config run.json [--epochs N] [--model out.json] [--metrics out.csv]\n"
    "\n"
    "Trains as the page does and prints, as CSV, what the page's chart shows after each epoch.\n"
    "\n"
    "  --config FILE   a settings object with the page's keys, e.g.\n"
    "                    {\"dataset\": \"circles\", \"hidden\": [4, 2], \"learningRate\": 0.03}\n"
    "                  (keys left out keep the core's defaults: XOR, [4, 2] tanh, SGD, seed 1), or\n"
    "                  a model file the page saved (Save model). A model file's settings are used\n"
    "                  and its weights too: training continues from them as after the page's Load\n"
    "                  model, counting epochs from 0 with a fresh optimiser state and schedule.\n"
    "  --epochs N      epochs to train, 0 to 1000000 (default 100)\n"
    "  --model FILE    write the trained model there, in the page's format (Load model reads it)\n"
    "  --metrics FILE  write the CSV there instead of to standard output\n"
    "\n"
    "CSV columns: epoch, training_loss, validation_loss (with a validation split), test_loss,\n"
    "training_accuracy and test_accuracy (fractions 0 to 1; not for regression). One row per epoch\n"
    "from 0 (before training). Losses are the mean data loss without L1/L2, as on the page.\n"
    "Unknown keys and values out of range are refused with exit code 2.\n";

struct Columns {
  bool validation = false, accuracy = false;
};

std::string header(const Columns& c) {
  return std::string("epoch,training_loss") + (c.validation ? ",validation_loss" : "") + ",test_loss" +
         (c.accuracy ? ",training_accuracy,test_accuracy" : "") + "\n";
}

std::string row(Playground& pg, const Columns& c) {
  const Metrics train = pg.metrics(Subset::Train), test = pg.metrics(Subset::Test);
  std::string r = std::to_string(pg.trainer().epoch()) + "," + js_number_text(train.loss);
  if (c.validation) r += "," + js_number_text(pg.metrics(Subset::Validation).loss);
  r += "," + js_number_text(test.loss);
  if (c.accuracy) r += "," + js_number_text(train.accuracy) + "," + js_number_text(test.accuracy);
  return r + "\n";
}

}  // namespace

int run_train(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Options o;
  std::string e = parse_options(args, {"config", "epochs", "model", "metrics"}, o);
  if (o.help && e.empty()) {
    out << kTrainHelp;
    return kExitOk;
  }
  if (e.empty() && !o.values.count("config")) e = "--config is required";
  long long epochs = 100;
  if (e.empty() && o.values.count("epochs")) e = parse_whole("epochs", o.values["epochs"], 0, 1000000, epochs);
  Playground pg;
  bool is_model = false;
  if (e.empty()) e = load_run(o.values["config"], pg, is_model);
  if (!e.empty()) {
    err << "backprop train: " << e << "\n(backprop train --help for usage)\n";
    return kExitBadInput;
  }

  Columns columns;
  columns.validation = !pg.split().validation.empty();
  columns.accuracy = pg.dataset().problem != Problem::Regression;
  std::string csv = header(columns) + row(pg, columns);
  std::string failure;
  for (long long k = 0; k < epochs && failure.empty(); ++k) {
    failure = pg.train_epochs(1);
    csv += row(pg, columns);
  }
  const bool to_stdout = !o.values.count("metrics") || o.values["metrics"] == "-";
  if (to_stdout) {
    out << csv;
  } else if (const std::string w = write_file(o.values["metrics"], csv); !w.empty()) {
    err << "backprop train: " << w << "\n";
    return kExitFailed;
  }
  if (!failure.empty()) {
    err << "backprop train: " << failure << "\n";
    return kExitFailed;
  }
  if (o.values.count("model")) {
    std::string text;
    e = model_to_json(pg, text);
    if (e.empty()) e = write_file(o.values["model"], text);
    if (!e.empty()) {
      err << "backprop train: " << e << "\n";
      return kExitFailed;
    }
  }
  return kExitOk;
}

}  // namespace bp::cli
