#include "backprop/loss.hpp"

#include "backprop/names.hpp"

namespace bp {
namespace {
constexpr Named<Loss> kLosses[] = {
    {Loss::SquaredError, "mse"},
    {Loss::BinaryCrossEntropy, "bce"},
    {Loss::SoftmaxCrossEntropy, "softmax_ce"},
};
}  // namespace

const char* loss_name(Loss loss) { return name_of(kLosses, loss); }
std::vector<std::string> loss_names() { return names_of(kLosses); }

bool parse_loss(const std::string& name, Loss& out) { return parse_name(kLosses, name, out); }

std::string check_loss_pairing(Loss loss, Activation output, int outputs) {
  switch (loss) {
    case Loss::SquaredError:
      if (output == Activation::Softmax) return "loss 'mse' cannot follow a softmax output; use loss 'softmax_ce'";
      return "";
    case Loss::BinaryCrossEntropy:
      if (output != Activation::Sigmoid)
        return "loss 'bce' needs a sigmoid output activation, not '" + std::string(activation_name(output)) + "'";
      return "";
    case Loss::SoftmaxCrossEntropy:
      if (output != Activation::Softmax)
        return "loss 'softmax_ce' needs a softmax output activation, not '" + std::string(activation_name(output)) +
               "'";
      if (outputs < 2) return "a softmax output needs at least 2 classes";
      return "";
  }
  return "unknown loss";
}

}  // namespace bp
