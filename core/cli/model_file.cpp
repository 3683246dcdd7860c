// JSON through nlohmann/json (Debian's nlohmann-json3-dev, header-only); every setting through the
// core's schema (find_setting, check_setting, spec.set/get), so there is no second settings table.
#include "model_file.hpp"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "backprop/settings_schema.hpp"
#include "number_text.hpp"

namespace bp::cli {
namespace {

using nlohmann::json;

// A value from the file, for a message, cut short as model-file.js's quoted() does.
std::string quoted(const json& v) {
  const std::string text = v.dump();
  return text.size() > 40 ? text.substr(0, 40) + "..." : text;
}

bool whole(const json& v) {
  return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() == std::floor(v.get<double>());
}

// One setting's JSON value as the schema's SettingValue, with the bindings' type messages
// (web/bindings/settings_js.hpp read_value); the range is the schema's check after.
std::string read_value(const SettingSpec& spec, const json& v, SettingValue& out) {
  const std::string key = spec.key;
  const auto fail = [&](const char* expected) { return "setting '" + key + "' must be " + expected; };
  switch (spec.type) {
    case SettingType::Number:
      if (!v.is_number()) return fail("a number");
      out.number = v.get<double>();
      return "";
    case SettingType::Integer:
      if (!v.is_number()) return fail("a number");
      if (!whole(v)) return fail("a whole number");
      out.number = v.get<double>();
      return "";
    case SettingType::Enum:
      if (!v.is_string()) return fail("a name (string)");
      out.name = v.get<std::string>();
      return "";
    case SettingType::IntegerList:
    case SettingType::EnumList: {
      const bool integers = spec.type == SettingType::IntegerList;
      const char* expected = integers ? "an array of whole numbers" : "an array of names";
      if (!v.is_array()) return fail(expected);
      if (v.size() > std::size_t(spec.max_items))
        return key + " must have at most " + std::to_string(spec.max_items) + " items (got " +
               std::to_string(v.size()) + ")";
      for (const json& item : v) {
        if (integers ? !whole(item) : !item.is_string()) return fail(expected);
        if (integers)
          out.numbers.push_back(item.get<double>());
        else
          out.names.push_back(item.get<std::string>());
      }
      return "";
    }
  }
  return "setting '" + key + "' has an unknown type";
}

// A settings object onto Settings{}: unknown keys refused first (as engine.js does), then the
// schema's keys in its order, each type-checked and range-checked before it is stored.
std::string read_settings(const json& o, Settings& s) {
  if (!o.is_object()) return "settings must be a JSON object";
  for (const auto& item : o.items())
    if (!find_setting(item.key())) return "unknown setting '" + item.key().substr(0, 40) + "'";
  s = Settings{};
  for (const SettingSpec& spec : settings_schema()) {
    const auto it = o.find(spec.key);
    if (it == o.end()) continue;
    SettingValue value;
    std::string e = read_value(spec, *it, value);
    if (e.empty()) e = check_setting(spec, value);
    if (!e.empty()) return e;
    spec.set(s, value);
  }
  return "";
}

// root[key], or null when it is missing (const json's operator[] must not be given a missing key).
json field(const json& root, const char* key) { return root.contains(key) ? root.at(key) : json(); }

std::string read_model(const json& root, RunFile& out) {
  const json format = field(root, "format"), version = field(root, "version"), settings = field(root, "settings");
  if (format != kModelFormat)
    return "not a Backprop Playground model file (format is " + quoted(format) + ", expected '" + kModelFormat + "')";
  if (version != kModelVersion)
    return "model file version " + (version.is_null() ? "missing" : quoted(version)) +
           " is not supported (this tool reads version " + std::to_string(kModelVersion) + ")";
  if (!settings.is_object()) return "model file has no settings";
  std::string e = read_settings(settings, out.settings);
  if (!e.empty()) return "model settings: " + e;
  const json sizes = root.value("layerSizes", json());
  bool sizes_ok = sizes.is_array() && sizes.size() >= 2;
  if (sizes_ok)
    for (const json& n : sizes) sizes_ok = sizes_ok && whole(n) && n.get<double>() >= 1 && n.get<double>() <= 100000;
  if (!sizes_ok) return "model layerSizes must be a list of at least 2 whole numbers (inputs, ..., outputs)";
  for (const json& n : sizes) out.layer_sizes.push_back(n.get<int>());
  const json params = root.value("params", json());
  if (!params.is_array()) return "model file has no params";
  for (std::size_t i = 0; i < params.size(); ++i) {
    const float v = params[i].is_number() ? static_cast<float>(params[i].get<double>()) : NAN;
    if (!std::isfinite(v))
      return "model params[" + std::to_string(i) + "] is not a finite float32 number (got " + quoted(params[i]) + ")";
    out.params.push_back(v);
  }
  const json epoch = root.value("epoch", json(0));
  if (!whole(epoch) || epoch.get<double>() < 0 || epoch.get<double>() > 9007199254740991.0)
    return "model epoch must be a whole number >= 0 (got " + quoted(epoch) + ")";
  out.epoch = epoch.get<std::int64_t>();
  out.is_model = true;
  return "";
}

std::string sizes_text(const std::vector<int>& sizes) {
  std::string s;
  for (std::size_t i = 0; i < sizes.size(); ++i) s += (i ? "," : "") + std::to_string(sizes[i]);
  return s;
}

std::vector<int> layer_sizes(const Network& net) {
  std::vector<int> sizes;
  for (int l = 0; l <= net.layer_count(); ++l) sizes.push_back(net.size(l));
  return sizes;
}

// A setting's value as JSON.stringify(value, settingsReplacer) writes it in model-file.js:
// fractions as their shortest float32 text, whole numbers as they are, lists without spaces.
std::string setting_text(const SettingSpec& spec, const SettingValue& v) {
  const auto number = [](double x) {
    return std::isfinite(x) && x != std::floor(x) ? float32_text(static_cast<float>(x)) : js_number_text(x);
  };
  std::string s;
  switch (spec.type) {
    case SettingType::Number:
    case SettingType::Integer: return number(v.number);
    case SettingType::Enum: return json(v.name).dump();
    case SettingType::IntegerList:
      for (double x : v.numbers) s += (s.empty() ? "" : ",") + number(x);
      return "[" + s + "]";
    case SettingType::EnumList:
      for (const auto& name : v.names) s += (s.empty() ? "" : ",") + json(name).dump();
      return "[" + s + "]";
  }
  return "null";
}

}  // namespace

std::string read_run_file(const std::string& text, RunFile& out) {
  out = RunFile{};
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& err) { return std::string("not valid JSON (") + err.what() + ")"; }
  if (!root.is_object()) return "expected a JSON object (settings, or a model file)";
  return root.contains("format") ? read_model(root, out) : read_settings(root, out.settings);
}

std::string apply_run_file(const RunFile& run, Playground& pg) {
  std::string e = pg.configure(run.settings);
  if (!e.empty() || !run.is_model) return e;
  const std::vector<int> built = layer_sizes(pg.network());
  if (run.layer_sizes != built)
    return "the model's layer sizes " + sizes_text(run.layer_sizes) + " do not match its settings (" +
           sizes_text(built) + ")";
  if (Index(run.params.size()) != pg.network().parameter_count())
    return "model params has " + std::to_string(run.params.size()) + " numbers but layer sizes " +
           sizes_text(run.layer_sizes) + " need " + std::to_string(pg.network().parameter_count());
  const Vector params = Eigen::Map<const Eigen::VectorXf>(run.params.data(), Index(run.params.size())).cast<Scalar>();
  return pg.set_params(params.data(), params.size());
}

std::string model_to_json(const Playground& pg, std::string& out) {
  const Vector& params = pg.network().params();
  if (!params.allFinite()) return "the weights are not finite (training diverged): no model file written";
  std::string settings;
  for (const SettingSpec& spec : settings_schema()) {
    SettingValue v;
    spec.get(pg.settings(), v);
    settings += std::string(settings.empty() ? "" : ",\n") + "    \"" + spec.key + "\": " + setting_text(spec, v);
  }
  std::string sizes;
  for (int n : layer_sizes(pg.network())) sizes += (sizes.empty() ? "" : ",") + std::to_string(n);
  std::string lines;
  for (Index i = 0; i < params.size(); ++i) {
    if (i % kParamsPerLine == 0)
      lines += i ? ",\n    " : "    ";
    else
      lines += ", ";
    lines += float32_text(static_cast<float>(params[i]));
  }
  out = std::string("{\n") + "  \"format\": \"" + kModelFormat + "\",\n" +
        "  \"version\": " + std::to_string(kModelVersion) + ",\n" + "  \"settings\": {\n" + settings + "\n  },\n" +
        "  \"layerSizes\": [" + sizes + "],\n" + "  \"params\": [\n" + lines + "\n  ],\n" +
        "  \"epoch\": " + std::to_string(pg.trainer().epoch()) + "\n}\n";
  return "";
}

}  // namespace bp::cli
