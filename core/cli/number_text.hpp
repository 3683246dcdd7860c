// Numbers as text the way the page's JavaScript writes them, so that a file the command line writes
// is byte for byte the file the page would write: JavaScript's String(number) for a double, and
// web/model-file.js's float32Text (the fewest digits that read back to the same float32).
// Not here: JSON structure (model_file.hpp) or any reading of numbers.
#pragma once
#include <string>

namespace bp::cli {

// String(v) in JavaScript: the shortest decimal that reads back to the same double, laid out as
// ECMAScript's Number::toString does ("0.1", "1e-7", "123", "1.5e+21"); -0 gives "0".
std::string js_number_text(double v);

// model-file.js float32Text(v): the first of v.toPrecision(1..8) (round half up on the exact
// value, as toPrecision does) that reads back to the same float32, else toPrecision(9), written
// by String(Number(...)); "-0" for negative zero. Non-finite values give JavaScript's names.
std::string float32_text(float v);

}  // namespace bp::cli
