// Number formatting for the core's error messages: shortest readable form ("0.5", "1e+09"), so
// messages quote the learner's value as they typed it rather than as "0.500000".
#pragma once
#include <cstdio>
#include <string>

namespace bp {

inline std::string format_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace bp
