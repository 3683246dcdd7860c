// Trains the playground's default network on XOR for 300 epochs and prints the test loss and
// accuracy: a course exercise checking a learner's numbers would start like this.
#include <cstdio>

#include <backprop/playground.hpp>

int main() {
  bp::Playground playground;
  bp::Settings settings = playground.settings();
  settings.data.seed = 7;
  std::string error = playground.configure(settings);
  if (error.empty()) error = playground.train_epochs(300);
  if (!error.empty()) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  const bp::Metrics test = playground.metrics(bp::Subset::Test);
  std::printf("epochs 300, test loss %.6f, test accuracy %.4f, parameters %d\n", test.loss, test.accuracy,
              static_cast<int>(playground.network().parameter_count()));
  return 0;
}
