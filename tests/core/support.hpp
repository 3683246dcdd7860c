// Helpers shared by the Catch2 suites: the scalar type in use and small builders.
#pragma once
#include <type_traits>
#include <utility>
#include <vector>

#include "network.hpp"

namespace bp::test {

// The suites run twice, in float and in double; tolerances follow the type.
constexpr bool kFloat = std::is_same<Scalar, float>::value;

inline Architecture arch_of(int inputs, std::vector<int> hidden, int outputs, Activation h, Activation o) {
  Architecture a;
  a.inputs = inputs;
  a.hidden = std::move(hidden);
  a.outputs = outputs;
  a.hidden_activation = h;
  a.output_activation = o;
  return a;
}

}  // namespace bp::test
