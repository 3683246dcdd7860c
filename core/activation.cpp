#include "activation.hpp"

#include "names.hpp"

namespace bp {
namespace {
constexpr Named<Activation> kActivations[] = {
    {Activation::Linear, "linear"},       {Activation::Step, "step"},
    {Activation::Sigmoid, "sigmoid"},     {Activation::Tanh, "tanh"},
    {Activation::Relu, "relu"},           {Activation::LeakyRelu, "leaky_relu"},
    {Activation::Elu, "elu"},             {Activation::Softplus, "softplus"},
    {Activation::Softmax, "softmax"},
};
}  // namespace

const char* activation_name(Activation f) { return name_of(kActivations, f); }
std::vector<std::string> activation_names() { return names_of(kActivations); }

bool parse_activation(const std::string& name, Activation& out) { return parse_name(kActivations, name, out); }

Scalar activation_low_target(Activation f) { return f == Activation::Tanh ? Scalar(-1) : Scalar(0); }

}  // namespace bp
