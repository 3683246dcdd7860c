// Decimal digits are taken from printf's %e, which glibc prints exactly (every binary fraction has
// a finite decimal expansion), then laid out by ECMAScript's Number::toString rules.
#include "number_text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace bp::cli {
namespace {

// v != 0, finite: its decimal digits (no leading zero) and exponent e with v = 0.d1d2... x 10^e.
// `precision` significant digits, rounded by printf (to nearest, ties to even on the exact value).
void decimal(double v, int precision, std::string& digits, int& exponent) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.*e", precision - 1, std::fabs(v));
  const std::string s = buf;
  const std::size_t e = s.find('e');
  digits.clear();
  for (std::size_t i = 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
  exponent = std::atoi(s.c_str() + e + 1) + 1;
}

void strip_trailing_zeros(std::string& digits) {
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
}

// ECMAScript Number::toString(10) for 0.d1..dk x 10^n (k = digits.size(), no trailing zeros).
std::string js_layout(bool negative, const std::string& digits, int n) {
  const int k = static_cast<int>(digits.size());
  std::string out = negative ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(n - k, '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, n) + "." + digits.substr(n);
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(-n, '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += (n - 1 < 0 ? "e-" : "e+") + std::to_string(std::abs(n - 1));
  }
  return out;
}

std::string non_finite(double v) { return std::isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity"; }

}  // namespace

std::string js_number_text(double v) {
  if (!std::isfinite(v)) return non_finite(v);
  if (v == 0) return "0";
  std::string digits;
  int n = 0;
  for (int p = 1; p <= 17; ++p) {
    decimal(v, p, digits, n);
    const std::string text = "0." + digits + "e" + std::to_string(n);
    if (std::strtod(text.c_str(), nullptr) == std::fabs(v)) break;
  }
  strip_trailing_zeros(digits);
  return js_layout(v < 0, digits, n);
}

std::string float32_text(float f) {
  const double v = f;
  if (!std::isfinite(v)) return non_finite(v);
  if (v == 0) return std::signbit(v) ? "-0" : "0";
  // The exact expansion (a float's has at most 112 significant digits), rounded half up by hand.
  std::string exact;
  int n = 0;
  decimal(v, 120, exact, n);
  for (int p = 1; p <= 9; ++p) {
    std::string digits = exact.substr(0, p);
    int e = n;
    if (exact[p] >= '5') {
      int i = p - 1;
      while (i >= 0 && digits[i] == '9') digits[i--] = '0';
      if (i >= 0) {
        ++digits[i];
      } else {
        digits.insert(digits.begin(), '1');
        digits.pop_back();
        ++e;
      }
    }
    const std::string text = "0." + digits + "e" + std::to_string(e);
    if (p == 9 || static_cast<float>(std::strtod(text.c_str(), nullptr)) == std::fabs(f)) {
      strip_trailing_zeros(digits);
      return js_layout(v < 0, digits, e);
    }
  }
  return "";  // not reached: p == 9 returns
}

}  // namespace bp::cli
