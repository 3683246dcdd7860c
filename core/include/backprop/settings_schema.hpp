// The settings schema: every setting Playground::configure accepts, described once (its JS key,
// type, range, default, whether changing it keeps the trained weights, and its learner-facing
// label), and the output activation / loss pairings that fit each problem. The façade validates
// with it, the bindings read, write and export settings through it, and the web page and README
// are generated from or tested against it. Not the validation of one module's own inputs (the
// dataset, network and trainer keep their preconditions) and no browser code.
#pragma once
#include <string>
#include <vector>

#include "backprop/playground.hpp"

namespace bp {

enum class SettingType {
  Number,       // a finite real in [min, max] (either end may be open)
  Integer,      // a whole number in min..max
  Enum,         // one of `values`
  IntegerList,  // min_items..max_items whole numbers, each in min..max
  EnumList,     // min_items..max_items distinct names, each one of `values`
};
const char* setting_type_name(SettingType t);  // "number", "integer", "enum", "integer list", "enum list"

// One setting's value in a type-neutral form: the field its type uses.
struct SettingValue {
  double number = 0;               // Number, Integer
  std::string name;                // Enum
  std::vector<double> numbers;     // IntegerList
  std::vector<std::string> names;  // EnumList
};
bool operator==(const SettingValue& a, const SettingValue& b);

struct SettingSpec {
  const char* key;    // exactly as the JS API and links spell it: "trainRatio"
  const char* label;  // as the page names it to the learner: "training ratio"
  SettingType type;
  double min = 0, max = 0;  // Number and Integer, and each item of an IntegerList
  bool min_open = false, max_open = false;
  int min_items = 0, max_items = 0;  // lists
  std::vector<std::string> values;   // Enum and EnumList, in the core's order
  bool keeps_weights = false;        // changing only such settings keeps the trained weights
  void (*get)(const Settings&, SettingValue&);
  // Stores a value that passed check_setting (an unchecked one may not fit the field's type).
  void (*set)(Settings&, const SettingValue&);
};

// Every setting, in the order the README and links list them.
const std::vector<SettingSpec>& settings_schema();
const SettingSpec* find_setting(const std::string& key);  // nullptr if unknown
SettingValue default_value(const SettingSpec& spec);      // the value in Settings{}

// "" if `v` is valid for `spec`, else a message naming the setting by its key:
// "trainRatio must be in (0, 1] (got 0)", "hidden[1] must be between 1 and 256 (got 300)".
std::string check_setting(const SettingSpec& spec, const SettingValue& v);
// Every setting of `s` against the schema, in schema order; the first message or "".
std::string check_settings(const Settings& s);
// True when a and b differ only in settings that keep the weights.
bool same_run(const Settings& a, const Settings& b);
// The shortest decimal that reads back as the same float: 0.03f -> 0.03, not 0.0299999993.
double shortest_decimal(double float_value);

// ---- output activation and loss pairings ----
// The output activations that suit a problem, best first ('step' is valid but learns nothing:
// its slope is 0, so it is not offered). Softmax only for multi-class data.
std::vector<Activation> output_activations_for(Problem p);
// The losses valid after `output` on problem `p`, the preferred first; empty when `output` itself
// does not fit `p` (softmax on binary or regression data).
std::vector<Loss> losses_for(Problem p, Activation output);
struct Pairing {
  Activation output;
  Loss loss;
};
// Where a problem starts: tanh + mse (binary), softmax + softmax_ce (multi-class), linear + mse.
Pairing default_pairing(Problem p);
// "" when losses_for(p, output) holds loss, else why not, naming outputActivation or loss.
std::string check_pairing(Problem p, Activation output, Loss loss);
const char* problem_name(Problem p);  // "binary", "multiclass", "regression"

}  // namespace bp
