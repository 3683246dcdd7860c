// The core's error messages: numbers in their shortest readable form ("0.5", "1e+09"), so messages
// quote the learner's value as they typed it rather than as "0.500000", and the one wording for a
// setting out of its range.
#pragma once
#include <cmath>
#include <cstdio>
#include <string>

namespace bp {

inline std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

// "name must be in [lo, hi] (got v)" for a value outside the interval or not finite; "" if fine.
inline std::string check_range(const char* name, double v, double lo, double hi, bool lo_open = false,
                               bool hi_open = false) {
  const bool ok = std::isfinite(v) && (lo_open ? v > lo : v >= lo) && (hi_open ? v < hi : v <= hi);
  if (ok) return "";
  return std::string(name) + " must be in " + (lo_open ? "(" : "[") + format_number(lo) + ", " + format_number(hi) +
         (hi_open ? ")" : "]") + " (got " + format_number(v) + ")";
}

}  // namespace bp
