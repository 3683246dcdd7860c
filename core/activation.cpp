#include "activation.hpp"

namespace bp {
namespace {
struct NamedActivation {
  Activation value;
  const char* name;
};
constexpr NamedActivation kActivations[] = {
    {Activation::Linear, "linear"},       {Activation::Step, "step"},
    {Activation::Sigmoid, "sigmoid"},     {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},           {Activation::LeakyRelu, "leaky_relu"},
    {Activation::Elu, "elu"},             {Activation::Softplus, "softplus"},
    {Activation::Softmax, "softmax"},
};
}  // namespace

const char* activation_name(Activation f) {
  for (const auto& a : kActivations)
    if (a.value == f) return a.name;
  return "?";
}

bool parse_activation(const std::string& name, Activation& out) {
  for (const auto& a : kActivations)
    if (name == a.name) {
      out = a.value;
      return true;
    }
  return false;
}

Scalar activation_low_target(Activation f) { return f == Activation::Tanh ? Scalar(-1) : Scalar(0); }

}  // namespace bp
