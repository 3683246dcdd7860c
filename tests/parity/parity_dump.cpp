// Prints, as JSON, the numbers a few fixed training runs produce in the native build (and a
// loss-landscape slice through where each ends), so the Node tests can check that the wasm build
// computes the same from the same seeds. The scenarios here and in tests/wasm/parity.test.mjs must
// match (the JSON carries their names and epoch counts).
#include <cstdio>
#include <string>
#include <vector>

#include "backprop/playground.hpp"

namespace {
void print_array(const char* key, const bp::Vector& v) {
  std::printf("\"%s\":[", key);
  for (bp::Index i = 0; i < v.size(); ++i) std::printf("%s%.9g", i ? "," : "", double(v[i]));
  std::printf("]");
}

struct Scenario {
  const char* name;
  bp::Settings settings;
  int epochs;
};
}  // namespace

int main() {
  using namespace bp;
  std::vector<Scenario> scenarios;
  {
    Settings s;  // the default: XOR, [4, 2] tanh, SGD
    scenarios.push_back({"xor_tanh_sgd", s, 50});
  }
  {
    Settings s;
    s.data.kind = DatasetKind::Circles;
    s.data.points = 300;
    s.data.noise = Scalar(0.2);
    s.hidden = {6, 3};
    s.hidden_activation = Activation::Relu;
    s.output_activation = Activation::Sigmoid;
    s.loss = Loss::BinaryCrossEntropy;
    s.init = Init::HeNormal;
    s.train.optimizer = Optimizer::Adam;
    s.train.learning_rate = Scalar(0.01);
    s.train.l2 = Scalar(0.001);
    scenarios.push_back({"circles_relu_adam_bce", s, 30});
  }
  {
    Settings s;
    s.data.kind = DatasetKind::Blobs;
    s.data.classes = 4;
    s.features = {Feature::X1, Feature::X2, Feature::SinX1, Feature::X1X2};
    s.hidden = {5};
    s.hidden_activation = Activation::Elu;
    s.output_activation = Activation::Softmax;
    s.loss = Loss::SoftmaxCrossEntropy;
    s.train.optimizer = Optimizer::Momentum;
    s.train.dropout = Scalar(0.2);
    s.train.decay = Decay::Exponential;
    s.train.decay_rate = Scalar(0.95);
    scenarios.push_back({"blobs_elu_softmax_momentum_dropout", s, 20});
  }
  {
    Settings s;
    s.data.kind = DatasetKind::Moons;
    s.hidden = {5, 3};
    s.hidden_activation = Activation::Maxout;
    s.activation_params.maxout_pieces = 3;
    s.init = Init::HeUniform;
    s.train.optimizer = Optimizer::Adam;
    s.train.learning_rate = Scalar(0.01);
    s.train.l1 = Scalar(0.001);
    scenarios.push_back({"moons_maxout3_adam", s, 20});
  }
  std::printf("{");
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    Playground pg;
    const std::string error = pg.configure(scenarios[k].settings);
    if (!error.empty()) {
      std::fprintf(stderr, "%s: %s\n", scenarios[k].name, error.c_str());
      return 1;
    }
    std::printf("%s\"%s\":{", k ? "," : "", scenarios[k].name);
    print_array("initial", pg.network().params());
    pg.train_epochs(scenarios[k].epochs);
    std::printf(",\"epochs\":%d,", scenarios[k].epochs);
    print_array("final", pg.network().params());
    const Metrics m = pg.metrics(Subset::Test);
    std::printf(",\"testLoss\":%.9g,\"testAccuracy\":%.9g", m.loss, m.accuracy);
    // A loss-landscape slice through the final weights: random directions of seed 3, 5 x 5 over [-1, 1]².
    SliceSpec spec;
    spec.seed = 3;
    spec.grid = 5;
    LossSlice slice;
    const std::string slice_error = pg.loss_slice(spec, slice);
    if (!slice_error.empty()) {
      std::fprintf(stderr, "%s: %s\n", scenarios[k].name, slice_error.c_str());
      return 1;
    }
    std::printf(",\"slice\":[");
    for (std::size_t i = 0; i < slice.loss.size(); ++i) std::printf("%s%.9g", i ? "," : "", slice.loss[i]);
    std::printf("]}");
  }
  std::printf("}\n");
  return 0;
}
