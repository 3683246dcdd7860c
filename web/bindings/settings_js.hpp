// The playground's settings across the Embind boundary, key by key from the core's schema: a JS
// object read into bp::Settings (each value's JS type checked here, its range by the schema) and
// bp::Settings written out under the same keys. Shared by the bindings that take settings.
#pragma once
#include <emscripten/val.h>

#include <cmath>
#include <string>

#include "js_values.hpp"
#include "backprop/playground.hpp"
#include "backprop/settings_schema.hpp"

namespace bp::js {

using emscripten::val;

// ---- JS -> C++ ----

// One setting's JS value into `out`, checking its JS type ("setting 'x' must be a number"); the
// schema checks the range after.
inline std::string read_value(const SettingSpec& spec, const val& v, SettingValue& out) {
  const std::string key = spec.key;
  const auto fail = [&](const char* expected) { return "setting '" + key + "' must be " + expected; };
  const bool is_number = v.typeOf().as<std::string>() == "number";
  switch (spec.type) {
    case SettingType::Number:
      if (!is_number) return fail("a number");
      out.number = v.as<double>();
      return "";
    case SettingType::Integer:
      if (!is_number) return fail("a number");
      out.number = v.as<double>();
      if (!std::isfinite(out.number) || out.number != std::floor(out.number)) return fail("a whole number");
      return "";
    case SettingType::Enum:
      if (!v.isString()) return fail("a name (string)");
      out.name = v.as<std::string>();
      return "";
    case SettingType::IntegerList:
    case SettingType::EnumList: {
      const bool integers = spec.type == SettingType::IntegerList;
      const char* expected = integers ? "an array of whole numbers" : "an array of names";
      if (!val::global("Array").call<bool>("isArray", v)) return fail(expected);
      // The length before any item: a million-item array is refused at once.
      const double n = v["length"].as<double>();
      if (n > spec.max_items)
        return key + " must have at most " + std::to_string(spec.max_items) + " items (got " + length_text(n) + ")";
      out.numbers.clear();
      out.names.clear();
      for (int i = 0; i < int(n); ++i) {
        const val item = v[i];
        if (integers) {
          if (item.typeOf().as<std::string>() != "number" || !val::global("Number").call<bool>("isInteger", item))
            return fail(expected);
          out.numbers.push_back(item.as<double>());
        } else {
          if (!item.isString()) return fail(expected);
          out.names.push_back(item.as<std::string>());
        }
      }
      return "";
    }
  }
  return "setting '" + key + "' has an unknown type";
}

// Starts from `base`, so a partial object changes only the fields it names. Every key of the
// schema is read, type-checked and range-checked before it is stored.
inline std::string read_settings(const val& o, const Settings& base, Settings& s) {
  if (o.isNull() || o.typeOf().as<std::string>() != "object") return "settings must be an object";
  s = base;
  for (const auto& spec : settings_schema()) {
    const val v = o[spec.key];
    if (v.isUndefined()) continue;
    SettingValue value;
    std::string e = read_value(spec, v, value);
    if (e.empty()) e = check_setting(spec, value);
    if (!e.empty()) return e;
    spec.set(s, value);
  }
  return "";
}

// ---- C++ -> JS ----

inline val value_to_js(const SettingSpec& spec, const SettingValue& v) {
  switch (spec.type) {
    case SettingType::Number:
    case SettingType::Integer: return val(v.number);
    case SettingType::Enum: return val(v.name);
    case SettingType::IntegerList: {
      val a = val::array();
      for (double n : v.numbers) a.call<void>("push", n);
      return a;
    }
    case SettingType::EnumList: {
      val a = val::array();
      for (const auto& n : v.names) a.call<void>("push", n);
      return a;
    }
  }
  return val::undefined();
}

// Settings under their JS keys; only those that keep the weights (the training settings) when
// `training_only`, as a step's record gives them.
inline val settings_to_js(const Settings& s, bool training_only = false) {
  val o = val::object();
  for (const auto& spec : settings_schema()) {
    if (training_only && !spec.keeps_weights) continue;
    SettingValue v;
    spec.get(s, v);
    o.set(spec.key, value_to_js(spec, v));
  }
  return o;
}

}  // namespace bp::js
