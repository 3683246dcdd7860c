#include "backprop/settings_schema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "backprop/text.hpp"

namespace bp {
namespace {

// Accessors for one field of Settings, by kind: a number, a name (enum), a list.
#define BP_NUMBER(field)                                                  \
  [](const Settings& s, SettingValue& v) { v.number = double(s.field); }, \
      [](Settings& s, const SettingValue& v) { s.field = static_cast<decltype(s.field)>(v.number); }
#define BP_NAME(field, name_of_value, parse)                                   \
  [](const Settings& s, SettingValue& v) { v.name = name_of_value(s.field); }, \
      [](Settings& s, const SettingValue& v) { parse(v.name, s.field); }

std::vector<std::string> without_softmax(std::vector<std::string> names) {
  names.erase(std::remove(names.begin(), names.end(), "softmax"), names.end());
  return names;
}

constexpr double kUint32Max = 4294967295.0;

std::vector<SettingSpec> make_schema() {
  using T = SettingType;
  // {key, label, type, min, max, min_open, max_open, min_items, max_items, values, keeps_weights, get, set}
  return {
      {"dataset", "dataset", T::Enum, 0, 0, false, false, 0, 0, dataset_names(), false,
       BP_NAME(data.kind, dataset_name, parse_dataset)},
      {"points", "points", T::Integer, 1, kMaxPoints, false, false, 0, 0, {}, false, BP_NUMBER(data.points)},
      {"noise", "noise", T::Number, 0, 1, false, false, 0, 0, {}, false, BP_NUMBER(data.noise)},
      {"dataSeed", "data seed", T::Integer, 0, kUint32Max, false, false, 0, 0, {}, false, BP_NUMBER(data.seed)},
      {"classes", "classes", T::Integer, 3, kMaxClasses, false, false, 0, 0, {}, false, BP_NUMBER(data.classes)},
      {"trainRatio", "training ratio", T::Number, 0, 1, true, false, 0, 0, {}, false, BP_NUMBER(train_ratio)},
      {"validationRatio",
       "validation ratio",
       T::Number,
       0,
       1,
       false,
       false,
       0,
       0,
       {},
       false,
       BP_NUMBER(validation_ratio)},
      {"features", "features", T::EnumList, 0, 0, false, false, 1, kFeatureCount, feature_names(), false,
       [](const Settings& s, SettingValue& v) {
         v.names.clear();
         for (Feature f : s.features) v.names.push_back(feature_name(f));
       },
       [](Settings& s, const SettingValue& v) {
         s.features.clear();
         for (const auto& n : v.names) {
           Feature f;
           if (parse_feature(n, f)) s.features.push_back(f);
         }
       }},
      {"inputScaling", "input scaling", T::Enum, 0, 0, false, false, 0, 0, input_scaling_names(), false,
       BP_NAME(input_scaling, input_scaling_name, parse_input_scaling)},
      {"hidden",
       "hidden layers",
       T::IntegerList,
       1,
       kMaxNeurons,
       false,
       false,
       0,
       kMaxHiddenLayers,
       {},
       false,
       [](const Settings& s, SettingValue& v) { v.numbers.assign(s.hidden.begin(), s.hidden.end()); },
       [](Settings& s, const SettingValue& v) {
         s.hidden.clear();
         for (double n : v.numbers) s.hidden.push_back(static_cast<int>(n));
       }},
      {"activation", "activation", T::Enum, 0, 0, false, false, 0, 0, without_softmax(activation_names()), false,
       BP_NAME(hidden_activation, activation_name, parse_activation)},
      {"outputActivation", "output activation", T::Enum, 0, 0, false, false, 0, 0, output_activation_names(), false,
       BP_NAME(output_activation, activation_name, parse_activation)},
      {"leakySlope",
       "leaky ReLU slope",
       T::Number,
       0,
       1,
       false,
       true,
       0,
       0,
       {},
       false,
       BP_NUMBER(activation_params.leaky_slope)},
      {"eluAlpha", "ELU alpha", T::Number, 0, 10, true, false, 0, 0, {}, false, BP_NUMBER(activation_params.elu_alpha)},
      {"maxoutPieces",
       "maxout pieces",
       T::Integer,
       kMinMaxoutPieces,
       kMaxMaxoutPieces,
       false,
       false,
       0,
       0,
       {},
       false,
       BP_NUMBER(activation_params.maxout_pieces)},
      {"loss", "loss", T::Enum, 0, 0, false, false, 0, 0, loss_names(), false, BP_NAME(loss, loss_name, parse_loss)},
      {"init", "weight init", T::Enum, 0, 0, false, false, 0, 0, init_names(), false,
       BP_NAME(init, init_name, parse_init)},
      // sigma of normal_scale, a of uniform_scale: up to 10, where tanh and sigmoid units saturate.
      {"initScale", "initial weight scale", T::Number, 0, 10, true, false, 0, 0, {}, false, BP_NUMBER(init_scale)},
      {"biasInit", "bias init", T::Number, -10, 10, false, false, 0, 0, {}, false, BP_NUMBER(bias_init)},
      {"seed", "seed", T::Integer, 0, kUint32Max, false, false, 0, 0, {}, false, BP_NUMBER(seed)},
      // Training settings: the trainer reads them at each update, so changing them keeps the weights.
      {"learningRate", "learning rate", T::Number, 0, 100, true, false, 0, 0, {}, true, BP_NUMBER(train.learning_rate)},
      {"batchSize", "batch size", T::Integer, 1, 100000, false, false, 0, 0, {}, true, BP_NUMBER(train.batch_size)},
      {"l1", "L1 rate", T::Number, 0, 10, false, false, 0, 0, {}, true, BP_NUMBER(train.l1)},
      {"l2", "L2 rate", T::Number, 0, 10, false, false, 0, 0, {}, true, BP_NUMBER(train.l2)},
      {"decay", "learning-rate decay", T::Enum, 0, 0, false, false, 0, 0, decay_names(), true,
       BP_NAME(train.decay, decay_name, parse_decay)},
      {"decayRate", "decay rate", T::Number, 0, 1, true, false, 0, 0, {}, true, BP_NUMBER(train.decay_rate)},
      {"decaySteps", "decay steps", T::Number, 0, 1e9, true, false, 0, 0, {}, true, BP_NUMBER(train.decay_steps)},
      {"optimizer", "optimizer", T::Enum, 0, 0, false, false, 0, 0, optimizer_names(), true,
       BP_NAME(train.optimizer, optimizer_name, parse_optimizer)},
      {"momentum", "momentum", T::Number, 0, 1, false, true, 0, 0, {}, true, BP_NUMBER(train.momentum)},
      {"beta1", "Adam beta1", T::Number, 0, 1, false, true, 0, 0, {}, true, BP_NUMBER(train.beta1)},
      {"beta2", "Adam beta2", T::Number, 0, 1, false, true, 0, 0, {}, true, BP_NUMBER(train.beta2)},
      {"epsilon", "Adam epsilon", T::Number, 0, 1, true, false, 0, 0, {}, true, BP_NUMBER(train.epsilon)},
      {"dropout", "dropout", T::Number, 0, 0.95, false, false, 0, 0, {}, true, BP_NUMBER(train.dropout)},
  };
}
#undef BP_NUMBER
#undef BP_NAME

// A whole number as digits (4294967295, not 4.29497e+09); anything else as format_number.
std::string number_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<std::int64_t>(v));
  return format_number(v);
}

std::string range_text(const SettingSpec& s) {
  if (s.type == SettingType::Integer || s.type == SettingType::IntegerList)
    return "between " + number_text(s.min) + " and " + number_text(s.max);
  return std::string("in ") + (s.min_open ? "(" : "[") + number_text(s.min) + ", " + number_text(s.max) +
         (s.max_open ? ")" : "]");
}

// "" if n is a valid scalar of spec (or of one item of its list), else what it must be.
std::string scalar_problem(const SettingSpec& s, double n) {
  const bool whole = s.type == SettingType::Integer || s.type == SettingType::IntegerList;
  const bool in_range = std::isfinite(n) && (s.min_open ? n > s.min : n >= s.min) &&
                        (s.max_open ? n < s.max : n <= s.max) && (!whole || n == std::floor(n));
  if (in_range) return "";
  return " must be " + std::string(whole && std::isfinite(n) && n != std::floor(n) ? "a whole number " : "") +
         range_text(s) + " (got " + number_text(n) + ")";
}

std::string one_of(const SettingSpec& s, const std::string& name) {
  std::string list;
  for (const auto& v : s.values) list += (list.empty() ? "" : ", ") + v;
  // A hostile name of megabytes is quoted in part.
  const std::string shown = name.size() > 40 ? name.substr(0, 40) + "\u2026" : name;
  return " must be one of " + list + " (got '" + shown + "')";
}

bool allowed(const SettingSpec& s, const std::string& name) {
  return std::find(s.values.begin(), s.values.end(), name) != s.values.end();
}

std::string count_problem(const SettingSpec& s, std::size_t n) {
  if (n < std::size_t(s.min_items))
    return std::string(s.key) + " must have at least " + std::to_string(s.min_items) + " item" +
           (s.min_items == 1 ? "" : "s") + " (got " + std::to_string(n) + ")";
  if (n > std::size_t(s.max_items))
    return std::string(s.key) + " must have at most " + std::to_string(s.max_items) + " items (got " +
           std::to_string(n) + ")";
  return "";
}

}  // namespace

const char* setting_type_name(SettingType t) {
  switch (t) {
    case SettingType::Number: return "number";
    case SettingType::Integer: return "integer";
    case SettingType::Enum: return "enum";
    case SettingType::IntegerList: return "integer list";
    case SettingType::EnumList: return "enum list";
  }
  return "?";
}

bool operator==(const SettingValue& a, const SettingValue& b) {
  return a.number == b.number && a.name == b.name && a.numbers == b.numbers && a.names == b.names;
}

const std::vector<SettingSpec>& settings_schema() {
  static const std::vector<SettingSpec> schema = make_schema();
  return schema;
}

const SettingSpec* find_setting(const std::string& key) {
  for (const auto& s : settings_schema())
    if (key == s.key) return &s;
  return nullptr;
}

SettingValue default_value(const SettingSpec& spec) {
  SettingValue v;
  spec.get(Settings{}, v);
  return v;
}

std::string check_setting(const SettingSpec& s, const SettingValue& v) {
  std::string p;
  switch (s.type) {
    case SettingType::Number:
    case SettingType::Integer: p = scalar_problem(s, v.number); return p.empty() ? "" : s.key + p;
    case SettingType::Enum: return allowed(s, v.name) ? "" : s.key + one_of(s, v.name);
    case SettingType::IntegerList:
      if (!(p = count_problem(s, v.numbers.size())).empty()) return p;
      for (std::size_t i = 0; i < v.numbers.size(); ++i)
        if (!(p = scalar_problem(s, v.numbers[i])).empty()) return s.key + ("[" + std::to_string(i) + "]") + p;
      return "";
    case SettingType::EnumList:
      if (!(p = count_problem(s, v.names.size())).empty()) return p;
      for (std::size_t i = 0; i < v.names.size(); ++i) {
        if (!allowed(s, v.names[i])) return s.key + ("[" + std::to_string(i) + "]") + one_of(s, v.names[i]);
        for (std::size_t j = 0; j < i; ++j)
          if (v.names[j] == v.names[i]) return std::string(s.key) + " has '" + v.names[i] + "' twice";
      }
      return "";
  }
  return std::string(s.key) + " has an unknown type";
}

std::string check_settings(const Settings& settings) {
  for (const auto& s : settings_schema()) {
    SettingValue v;
    s.get(settings, v);
    std::string e = check_setting(s, v);
    if (!e.empty()) return e;
  }
  return "";
}

bool same_run(const Settings& a, const Settings& b) {
  for (const auto& s : settings_schema()) {
    if (s.keeps_weights) continue;
    SettingValue va, vb;
    s.get(a, va);
    s.get(b, vb);
    if (!(va == vb)) return false;
  }
  return true;
}

double shortest_decimal(double value) {
  char buf[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, value);
    const double back = std::strtod(buf, nullptr);
    if (static_cast<float>(back) == static_cast<float>(value)) return back;
  }
  return value;
}

std::vector<Activation> output_activations_for(Problem p) {
  std::vector<Activation> out{Activation::Linear,    Activation::Sigmoid, Activation::Tanh,    Activation::Relu,
                              Activation::LeakyRelu, Activation::Elu,     Activation::Softplus};
  if (p == Problem::Multiclass) out.insert(out.begin(), Activation::Softmax);
  return out;
}

std::vector<Loss> losses_for(Problem p, Activation output) {
  if (output == Activation::Softmax)
    return p == Problem::Multiclass ? std::vector<Loss>{Loss::SoftmaxCrossEntropy} : std::vector<Loss>{};
  if (p == Problem::Regression) return {Loss::SquaredError};
  if (output == Activation::Sigmoid) return {Loss::BinaryCrossEntropy, Loss::SquaredError};
  return {Loss::SquaredError};
}

Pairing default_pairing(Problem p) {
  switch (p) {
    case Problem::Multiclass: return {Activation::Softmax, Loss::SoftmaxCrossEntropy};
    case Problem::Regression: return {Activation::Linear, Loss::SquaredError};
    case Problem::Binary: break;
  }
  return {Activation::Tanh, Loss::SquaredError};
}

const char* problem_name(Problem p) {
  switch (p) {
    case Problem::Binary: return "binary";
    case Problem::Multiclass: return "multiclass";
    case Problem::Regression: return "regression";
  }
  return "?";
}

std::string check_pairing(Problem p, Activation output, Loss loss) {
  const std::vector<Loss> valid = losses_for(p, output);
  if (std::find(valid.begin(), valid.end(), loss) != valid.end()) return "";
  if (valid.empty())
    return std::string("outputActivation '") + activation_name(output) + "' needs a multi-class dataset (this one is " +
           problem_name(p) + ")";
  if (p == Problem::Regression) return std::string("regression needs loss 'mse', not '") + loss_name(loss) + "'";
  if (loss == Loss::BinaryCrossEntropy)
    return std::string("loss 'bce' needs a sigmoid outputActivation, not '") + activation_name(output) + "'";
  if (loss == Loss::SoftmaxCrossEntropy)
    return std::string("loss 'softmax_ce' needs a softmax outputActivation, not '") + activation_name(output) + "'";
  return std::string("loss '") + loss_name(loss) + "' cannot follow outputActivation '" + activation_name(output) +
         "'; use loss '" + loss_name(valid.front()) + "'";
}

}  // namespace bp
