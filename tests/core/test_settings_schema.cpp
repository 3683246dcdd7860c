// Tests for settings_schema.hpp: every setting's default passes its own check; values outside a
// setting's range or type are refused with a message that starts with its JS key and change
// nothing; the keeps-weights flags match what Playground::configure does (each setting changed on
// a trained model); and Playground accepts exactly the output/loss pairings losses_for() lists.
// Every loop runs over the schema, so a new setting is covered without touching this file.
#include "backprop/settings_schema.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "support.hpp"

using namespace bp;
using namespace bp::test;

namespace {

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
// Eigen's == asserts equal sizes (and reads past the shorter one without assertions): a setting
// that reshapes the network changes the parameter count, so compare sizes first.
bool same_params(const Vector& a, const Vector& b) { return a.size() == b.size() && a == b; }

// A playground that has trained a little, so "kept" and "redrawn" weights differ. Its sigmoid
// output lets the loss change too (bce or mse).
Playground trained() {
  Playground pg;
  Settings s = pg.settings();
  s.output_activation = Activation::Sigmoid;
  REQUIRE(pg.configure(s).empty());
  REQUIRE(pg.train_epochs(3).empty());
  return pg;
}

// Valid values of `spec` other than `current`, in the order to try them.
std::vector<SettingValue> other_values(const SettingSpec& spec, const SettingValue& current) {
  std::vector<SettingValue> out;
  const auto add = [&](SettingValue v) {
    if (!(v == current) && check_setting(spec, v).empty()) out.push_back(v);
  };
  SettingValue v;
  switch (spec.type) {
    case SettingType::Number:
    case SettingType::Integer:
      for (double t : {0.5, 0.25, 0.75, 1.0}) {
        v.number = spec.min + t * (spec.max - spec.min);
        if (spec.type == SettingType::Integer) v.number = std::floor(v.number);
        add(v);
      }
      break;
    case SettingType::Enum:
      for (const auto& name : spec.values) {
        v.name = name;
        add(v);
      }
      break;
    case SettingType::IntegerList:
      v.numbers = current.numbers;
      v.numbers.push_back(spec.min);
      add(v);
      v.numbers = {spec.min};
      add(v);
      break;
    case SettingType::EnumList:
      for (const auto& name : spec.values) {
        v.names = {name};
        add(v);
      }
      break;
  }
  return out;
}

}  // namespace

TEST_CASE("the schema: unique keys, labels, and every default passes its own check", "[schema]") {
  std::set<std::string> keys;
  for (const auto& spec : settings_schema()) {
    INFO(spec.key);
    CHECK(keys.insert(spec.key).second);
    CHECK(std::string(spec.label).size() > 0);
    CHECK(find_setting(spec.key) == &spec);
    CHECK(check_setting(spec, default_value(spec)) == "");
    if (spec.type == SettingType::Enum || spec.type == SettingType::EnumList) CHECK_FALSE(spec.values.empty());
  }
  CHECK(find_setting("train_ratio") == nullptr);  // JS keys only
  CHECK(check_settings(Settings{}) == "");
  // The default of a float setting reads as typed: 0.03, not 0.0299999993.
  CHECK(shortest_decimal(double(0.03f)) == 0.03);
  CHECK(shortest_decimal(double(1e-8f)) == 1e-8);
  CHECK(shortest_decimal(0.5) == 0.5);
}

TEST_CASE("values outside a setting's range or type are refused, naming its JS key", "[schema][validation]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const auto& spec : settings_schema()) {
    INFO(spec.key);
    std::vector<SettingValue> bad;
    SettingValue v;
    switch (spec.type) {
      case SettingType::Number:
      case SettingType::Integer:
        for (double x : {spec.min_open ? spec.min : spec.min - 1, spec.max_open ? spec.max : spec.max + 1, nan}) {
          v.number = x;
          bad.push_back(v);
        }
        if (spec.type == SettingType::Integer) {
          v.number = spec.min + 0.5;
          bad.push_back(v);
        }
        break;
      case SettingType::Enum:
        v.name = "no such name";
        bad.push_back(v);
        break;
      case SettingType::IntegerList:
        v.numbers.assign(std::size_t(spec.max_items) + 1, spec.min);
        bad.push_back(v);
        v.numbers = {spec.min - 1};
        bad.push_back(v);
        v.numbers = {spec.max + 1};
        bad.push_back(v);
        break;
      case SettingType::EnumList:
        v.names = {};
        if (spec.min_items > 0) bad.push_back(v);
        v.names = {spec.values[0], spec.values[0]};
        bad.push_back(v);
        v.names = {"no such name"};
        bad.push_back(v);
        break;
    }
    for (const auto& b : bad) {
      const std::string e = check_setting(spec, b);
      INFO(e);
      CHECK(starts_with(e, spec.key));
    }
  }
  SettingValue zero;
  CHECK(check_setting(*find_setting("trainRatio"), zero) == "trainRatio must be in (0, 1] (got 0)");
  SettingValue layers;
  layers.numbers = {4, 300};
  CHECK(check_setting(*find_setting("hidden"), layers) == "hidden[1] must be between 1 and 256 (got 300)");
  SettingValue seed;
  seed.number = 4294967296.0;
  CHECK(check_setting(*find_setting("seed"), seed) == "seed must be between 0 and 4294967295 (got 4294967296)");
}

TEST_CASE("Playground refuses each out-of-range setting by its key and changes nothing", "[schema][validation]") {
  for (const auto& spec : settings_schema()) {
    if (spec.type != SettingType::Number) continue;  // other types cannot hold a bad value in Settings safely
    INFO(spec.key);
    Playground pg = trained();
    const Vector before = pg.network().params();
    Settings s = pg.settings();
    SettingValue v;
    v.number = spec.max_open ? spec.max : spec.max + 1 + std::abs(spec.max);  // past float rounding too
    spec.set(s, v);
    const std::string e = pg.configure(s);
    INFO(e);
    CHECK(starts_with(e, spec.key));
    CHECK(same_params(pg.network().params(), before));
    CHECK(pg.trainer().epoch() == 3);
  }
  Playground pg = trained();
  Settings s = pg.settings();
  s.hidden_activation = Activation::Softmax;  // only an output activation
  CHECK(starts_with(pg.configure(s), "activation must be one of"));
}

// The flag's ground truth, independent of the schema: a setting can keep the weights exactly when
// it lives in the trainer's settings (Playground hands those to the trainer and rebuilds nothing;
// any other field shapes the data, the network or its initial weights).
TEST_CASE("keeps-weights flags match Playground: each setting changed on a trained model", "[schema][playground]") {
  for (const auto& spec : settings_schema()) {
    INFO(spec.key);
    Playground pg = trained();
    const Vector trained_params = pg.network().params();
    const Settings original = pg.settings();
    SettingValue current;
    spec.get(original, current);
    bool changed = false;
    for (const SettingValue& v : other_values(spec, current)) {
      Settings s = original;
      spec.set(s, v);
      if (!pg.configure(s).empty()) continue;  // e.g. a loss that does not fit the output: try the next
      changed = true;
      CHECK(spec.keeps_weights == (same_but_training(original, s) && !(original.train == s.train)));
      if (spec.keeps_weights) {
        CHECK(same_params(pg.network().params(), trained_params));
        CHECK(pg.trainer().epoch() == 3);
        CHECK(pg.trainer().settings() == s.train);  // in effect from the next update
      } else {
        // Redrawn: the initial weights of the new settings, and a new run.
        Playground fresh;
        REQUIRE(fresh.configure(s).empty());
        CHECK(pg.trainer().epoch() == 0);
        CHECK(same_params(pg.network().params(), fresh.network().params()));
        CHECK_FALSE(same_params(pg.network().params(), trained_params));
      }
      break;
    }
    CHECK(changed);  // some other valid value exists for every setting
  }
}

TEST_CASE("Playground accepts exactly the output/loss pairings losses_for lists", "[schema][loss]") {
  const std::vector<std::pair<Problem, DatasetKind>> problems{{Problem::Binary, DatasetKind::Xor},
                                                              {Problem::Multiclass, DatasetKind::Blobs},
                                                              {Problem::Regression, DatasetKind::Plane}};
  for (const auto& [problem, kind] : problems) {
    for (const auto& output_name : find_setting("outputActivation")->values) {
      for (const auto& loss_name_ : find_setting("loss")->values) {
        Activation output;
        Loss loss;
        REQUIRE(parse_activation(output_name, output));
        REQUIRE(parse_loss(loss_name_, loss));
        INFO(problem_name(problem) << " " << output_name << " " << loss_name_);
        Playground pg;
        Settings s = pg.settings();
        s.data.kind = kind;
        s.output_activation = output;
        s.loss = loss;
        const auto valid = losses_for(problem, output);
        const bool listed = std::find(valid.begin(), valid.end(), loss) != valid.end();
        const std::string e = pg.configure(s);
        INFO(e);
        CHECK(e.empty() == listed);
        CHECK(check_pairing(problem, output, loss).empty() == listed);
        if (!listed) CHECK((e.find("loss") != std::string::npos || e.find("outputActivation") != std::string::npos));
      }
    }
    // Every offered output has a loss, and the problem's default pair is offered and preferred.
    for (Activation a : output_activations_for(problem)) CHECK_FALSE(losses_for(problem, a).empty());
    const bp::Pairing d = default_pairing(problem);
    const auto offered = output_activations_for(problem);
    CHECK(std::find(offered.begin(), offered.end(), d.output) != offered.end());
    CHECK(losses_for(problem, d.output).front() == d.loss);
  }
}
