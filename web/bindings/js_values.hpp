// What every Embind source needs to pass values across: whole numbers and array lengths from JS,
// checked before anything is copied into wasm memory, and copies of the core's numbers out to JS
// (typed arrays that own their data, so JS never holds a view into wasm memory that may move).
#pragma once
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "backprop/scalar.hpp"
#include "backprop/text.hpp"

namespace bp::js {

using emscripten::val;

// Counts and indices from JS arrive as double: an int parameter would wrap them modulo 2^32
// (2**32 -> 0, 2**31 -> -2**31). A whole number within +-2^53 passes to the core as int64, whose
// range checks then see the caller's own value; anything else is refused here, naming it.
inline std::string whole(const char* name, double d, std::int64_t& out) {
  if (!(std::abs(d) <= 9007199254740992.0) || d != std::floor(d))
    return std::string(name) + " must be a whole number (got " + format_number(d) + ")";
  out = static_cast<std::int64_t>(d);
  return "";
}

// A seed: a whole number from 0 to 2^32 - 1, the core's std::uint32_t.
inline std::string seed_from(double d, std::uint32_t& out) {
  std::int64_t k = 0;
  std::string e = whole("seed", d, k);
  if (e.empty() && (k < 0 || k > 4294967295LL))
    e = "seed must be between 0 and 4294967295 (got " + std::to_string(k) + ")";
  if (e.empty()) out = static_cast<std::uint32_t>(k);
  return e;
}

// An array length as the whole number it is (format_number would print 1e+07).
inline std::string length_text(double n) {
  return n >= 0 && n <= 9007199254740992.0 ? std::to_string(static_cast<std::int64_t>(n)) : format_number(n);
}

// The length of an array-like JS value, checked before anything is copied out of it.
inline bool array_length(const val& v, double& n) {
  if (v.isNull() || v.isUndefined() || v.typeOf().as<std::string>() != "object") return false;
  const val length = v["length"];
  if (length.typeOf().as<std::string>() != "number") return false;
  n = length.as<double>();
  return n >= 0 && n <= 9007199254740992.0 && n == std::floor(n);
}

template <class T>
val typed_array(const char* type, const T* data, std::size_t n) {
  return val::global(type).new_(emscripten::typed_memory_view(n, data));
}
template <class Derived>
val floats(const Eigen::DenseBase<Derived>& m) {
  const Matrix copy = m;  // contiguous, column-major
  return typed_array("Float32Array", copy.data(), std::size_t(copy.size()));
}
inline val ints(const std::vector<int>& v) { return typed_array("Int32Array", v.data(), v.size()); }

inline val names_to_js(const std::vector<std::string>& names) {
  val a = val::array();
  for (const auto& n : names) a.call<void>("push", n);
  return a;
}

}  // namespace bp::js
