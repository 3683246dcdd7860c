// Tests for the command-line tool's code (core/cli/): numbers written as the page's JavaScript
// writes them (expected texts from Node: String(v) and model-file.js float32Text), run files read
// through the settings schema with its messages, model files that read back to the same model and
// the same bytes, the page's heatmap colours, the output grid, and the PNG encoder (CRC-32 and
// Adler-32 check values, a stored-deflate stream decoded back). Float only: the tool ships in float.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "backprop/playground.hpp"
#include "backprop/settings_schema.hpp"
#include "cli/commands.hpp"
#include "cli/heatmap.hpp"
#include "cli/model_file.hpp"
#include "cli/number_text.hpp"
#include "cli/output_grid.hpp"
#include "cli/png.hpp"

using namespace bp;
using namespace bp::cli;

namespace {

std::uint32_t be32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | std::uint8_t(s[at + i]);
  return v;
}

// The raw data of a zlib stream of stored deflate blocks (what png_rgb writes); fails the test on
// anything else.
std::string inflate_stored(const std::string& z) {
  REQUIRE(z.size() >= 6);
  CHECK(std::uint8_t(z[0]) == 0x78);
  CHECK((std::uint8_t(z[0]) * 256 + std::uint8_t(z[1])) % 31 == 0);
  std::string raw;
  std::size_t at = 2;
  bool last = false;
  while (!last) {
    REQUIRE(at + 5 <= z.size());
    last = z[at] & 1;
    REQUIRE((std::uint8_t(z[at]) >> 1) == 0);  // BTYPE 00: stored
    const unsigned n = std::uint8_t(z[at + 1]) | std::uint8_t(z[at + 2]) << 8;
    const unsigned complement = std::uint8_t(z[at + 3]) | std::uint8_t(z[at + 4]) << 8;
    REQUIRE((n ^ complement) == 0xFFFF);
    raw += z.substr(at + 5, n);
    at += 5 + n;
  }
  REQUIRE(at + 4 == z.size());
  CHECK(be32(z, at) == adler32(reinterpret_cast<const std::uint8_t*>(raw.data()), raw.size()));
  return raw;
}

std::string settings_error(const std::string& json) {
  RunFile run;
  return read_run_file(json, run);
}

Playground trained_circles() {
  Playground pg;
  RunFile run;
  REQUIRE(read_run_file(R"({"dataset": "circles", "points": 80, "hidden": [3], "seed": 4})", run).empty());
  REQUIRE(apply_run_file(run, pg).empty());
  REQUIRE(pg.train_epochs(3).empty());
  return pg;
}

}  // namespace

TEST_CASE("numbers are written as JavaScript's String() writes them", "[cli]") {
  CHECK(js_number_text(0.1) == "0.1");
  CHECK(js_number_text(123) == "123");
  CHECK(js_number_text(-2.25) == "-2.25");
  CHECK(js_number_text(1e-7) == "1e-7");
  CHECK(js_number_text(0.000001) == "0.000001");
  CHECK(js_number_text(1e21) == "1e+21");
  CHECK(js_number_text(1.5e21) == "1.5e+21");
  CHECK(js_number_text(1.0 / 3) == "0.3333333333333333");
  CHECK(js_number_text(-0.0) == "0");
  CHECK(js_number_text(std::nan("")) == "NaN");
}

TEST_CASE("float32 values are written as model-file.js float32Text writes them", "[cli]") {
  CHECK(float32_text(0.1f) == "0.1");
  CHECK(float32_text(0.03f) == "0.03");
  CHECK(float32_text(1.0f / 3) == "0.33333334");
  CHECK(float32_text(-2.5e-7f) == "-2.5e-7");
  CHECK(float32_text(16777216.0f) == "16777216");
  CHECK(float32_text(123456789.0f) == "123456790");
  CHECK(float32_text(std::numeric_limits<float>::max()) == "3.4028235e+38");
  CHECK(float32_text(std::numeric_limits<float>::denorm_min()) == "1e-45");
  CHECK(float32_text(-0.0f) == "-0");
  // toPrecision(8) rounds the tie 1234.03125 up (printf would round it to even, 1234.0312).
  CHECK(float32_text(1234.03125f) == "1234.0313");
  // Every text reads back to its float.
  for (float v : {0.1f, 1e-30f, 7.0e-39f, 3.14159265f, -123.456f, 6.0e7f})
    CHECK(std::strtof(float32_text(v).c_str(), nullptr) == v);
}

TEST_CASE("a settings file is read through the schema, with its messages", "[cli]") {
  RunFile run;
  REQUIRE(
      read_run_file(
          R"({"dataset": "circles", "hidden": [6, 3], "learningRate": 0.01, "features": ["x1", "x2", "x1^2"]})", run)
          .empty());
  CHECK_FALSE(run.is_model);
  CHECK(run.settings.data.kind == DatasetKind::Circles);
  CHECK(run.settings.hidden == std::vector<int>{6, 3});
  CHECK(run.settings.train.learning_rate == Scalar(0.01));
  CHECK(run.settings.features.size() == 3);
  CHECK(run.settings.seed == Settings{}.seed);  // keys left out keep Settings{}'s values

  CHECK(settings_error(R"({"dataset": "circles", "speed": 3})") == "unknown setting 'speed'");
  CHECK(settings_error(R"({"points": 10.5})") == "setting 'points' must be a whole number");
  CHECK(settings_error(R"({"noise": "high"})") == "setting 'noise' must be a number");
  CHECK(settings_error(R"({"dataset": 3})") == "setting 'dataset' must be a name (string)");
  CHECK(settings_error(R"({"hidden": [4, "2"]})") == "setting 'hidden' must be an array of whole numbers");
  // Out of range: the schema's own message.
  SettingValue noise;
  noise.number = 9;
  CHECK(settings_error(R"({"noise": 9})") == check_setting(*find_setting("noise"), noise));
  SettingValue dataset;
  dataset.name = "spiral3d";
  CHECK(settings_error(R"({"dataset": "spiral3d"})") == check_setting(*find_setting("dataset"), dataset));
  CHECK(settings_error("{\"dataset\": ").rfind("not valid JSON", 0) == 0);
  CHECK(settings_error("[1, 2]") == "expected a JSON object (settings, or a model file)");
  // Settings that do not fit together are the core's to refuse (apply_run_file, configure).
  REQUIRE(read_run_file(R"({"dataset": "xor", "outputActivation": "softmax", "loss": "softmax_ce"})", run).empty());
  Playground pg;
  CHECK(apply_run_file(run, pg) == Playground().configure(run.settings));
  CHECK_FALSE(apply_run_file(run, pg).empty());
}

TEST_CASE("a model file reads back to the same model and is written byte for byte again", "[cli]") {
  Playground pg = trained_circles();
  std::string text;
  REQUIRE(model_to_json(pg, text).empty());
  CHECK(text.rfind(
            "{\n  \"format\": \"backprop-playground-model\",\n  \"version\": 1,\n  \"settings\": {\n    \"dataset\": "
            "\"circles\",\n    \"points\": 80,\n",
            0) == 0);
  CHECK(text.find("\n  \"layerSizes\": [2,3,1],\n  \"params\": [\n    ") != std::string::npos);
  CHECK(text.find("\n  ],\n  \"epoch\": 3\n}\n") != std::string::npos);
  // 13 parameters: 8 on the first line, 5 on the second.
  const std::size_t params_at = text.find("\"params\": [\n") + 12;
  const std::string first_line = text.substr(params_at, text.find('\n', params_at) - params_at);
  CHECK(std::count(first_line.begin(), first_line.end(), ',') == 8);  // 7 between, 1 at the end

  RunFile run;
  REQUIRE(read_run_file(text, run).empty());
  CHECK(run.is_model);
  CHECK(run.epoch == 3);
  CHECK(run.layer_sizes == std::vector<int>{2, 3, 1});
  Playground loaded;
  REQUIRE(apply_run_file(run, loaded).empty());
  CHECK(same_run(loaded.settings(), pg.settings()));
  CHECK(loaded.network().params() == pg.network().params());  // bit for bit
  CHECK(loaded.metrics(Subset::Test).loss == pg.metrics(Subset::Test).loss);
  // Loaded, it counts from epoch 0 as the page does; otherwise the same text.
  std::string again;
  REQUIRE(model_to_json(loaded, again).empty());
  CHECK(again.substr(0, again.find("\"epoch\"")) == text.substr(0, text.find("\"epoch\"")));
}

TEST_CASE("a model file that does not fit is refused with a message", "[cli]") {
  Playground pg = trained_circles();
  std::string text;
  REQUIRE(model_to_json(pg, text).empty());
  const auto with = [&](const std::string& from, const std::string& to) {
    std::string t = text;
    t.replace(t.find(from), from.size(), to);
    return t;
  };
  const auto load = [](const std::string& t) {
    RunFile run;
    std::string e = read_run_file(t, run);
    Playground target;
    return e.empty() ? apply_run_file(run, target) : e;
  };
  CHECK(load(with("backprop-playground-model", "other")) ==
        "not a Backprop Playground model file (format is \"other\", expected 'backprop-playground-model')");
  CHECK(load(with("\"version\": 1", "\"version\": 2")) ==
        "model file version 2 is not supported (this tool reads version 1)");
  CHECK(load(with("\"points\": 80", "\"points\": 80, \"speed\": 3")) == "model settings: unknown setting 'speed'");
  CHECK(load(with("[2,3,1]", "[2,4,1]")) == "the model's layer sizes 2,4,1 do not match its settings (2,3,1)");
  CHECK(load(with("\"params\": [\n    ", "\"params\": [\n    1, ")) ==
        "model params has 14 numbers but layer sizes 2,3,1 need 13");
  CHECK(load(with("\"params\": [\n    ", "\"params\": [\n    1e39, ")).rfind("model params[0] is not a finite", 0) ==
        0);
  CHECK(load(with("\"epoch\": 3", "\"epoch\": -1")) == "model epoch must be a whole number >= 0 (got -1)");
  // Weights that are not finite are not written (the page refuses such a file). set_params refuses
  // NaN, so the weights get there as a learner's would: training that diverges.
  Playground diverged;
  RunFile steep;
  REQUIRE(read_run_file(R"({"dataset": "plane", "hidden": [4], "activation": "linear", "outputActivation": "linear",
                            "learningRate": 100})",
                        steep)
              .empty());
  REQUIRE(apply_run_file(steep, diverged).empty());
  REQUIRE_FALSE(diverged.train_epochs(100).empty());
  REQUIRE_FALSE(diverged.network().params().allFinite());
  std::string unwritten = "untouched";
  CHECK(model_to_json(diverged, unwritten) == "the weights are not finite (training diverged): no model file written");
  CHECK(unwritten == "untouched");
}

TEST_CASE("heatmap colours are the page's", "[cli]") {
  CHECK(diverging_rgb(-1) == Rgb{0xE6, 0x9F, 0x00});
  CHECK(diverging_rgb(0) == Rgb{255, 255, 255});
  CHECK(diverging_rgb(1) == Rgb{0x00, 0x72, 0xB2});
  CHECK(diverging_rgb(0.5) == Rgb{128, 185, 217});  // colors.js divergingRgb(0.5), Math.round up
  CHECK(diverging_rgb(-0.25) == Rgb{249, 231, 191});
  CHECK(diverging_rgb(7) == diverging_rgb(1));
  CHECK(diverging_rgb(std::nan("")) == Rgb{0x9E, 0x9E, 0x9E});

  OutputGrid g;
  g.g = 2;
  g.outputs = 1;
  g.output_activation = Activation::Sigmoid;  // range [0, 1]: 0.5 is white
  g.values = {0, 0.5, 1, std::numeric_limits<Scalar>::quiet_NaN()};
  std::vector<std::uint8_t> px = heatmap_pixels(g);
  CHECK(px == std::vector<std::uint8_t>{0xE6, 0x9F, 0x00, 255, 255, 255, 0x00, 0x72, 0xB2, 0x9E, 0x9E, 0x9E});
  g.output_activation = Activation::Tanh;  // range [-1, 1]: 0 is white
  g.values = {-1, 0, 0.5, 2};
  px = heatmap_pixels(g);
  // heatmap.js's 511-entry table: 0.5 picks entry round(1.5 * 255) = 383, t = 0.502 (not 0.5).
  const Rgb half = diverging_rgb(-1 + 2.0 * 383 / 510);
  CHECK(half == Rgb{127, 184, 216});
  CHECK(px == std::vector<std::uint8_t>{0xE6, 0x9F, 0x00, 255, 255, 255, 127, 184, 216, 0x00, 0x72, 0xB2});

  // Classes: the winner's colour, paler by how close the runner-up is (softmax range [0, 1]).
  g.g = 1;
  g.outputs = 3;
  g.problem = Problem::Multiclass;
  g.output_activation = Activation::Softmax;
  g.values = {Scalar(0.1), Scalar(0.1), Scalar(0.8)};
  const Rgb pale = class_rgb(2, 1 - 179.0 / 255);  // margin 0.7: level round(0.7 * 255) = 179 of 255
  CHECK(heatmap_pixels(g) == std::vector<std::uint8_t>(pale.begin(), pale.end()));
  CHECK(class_rgb(2, 0) == Rgb{0x00, 0x9E, 0x73});
  CHECK(class_rgb(1, 1) == Rgb{255, 255, 255});
}

TEST_CASE("the output grid is the page's plot grid, as CSV", "[cli]") {
  Playground pg = trained_circles();
  OutputGrid grid;
  REQUIRE(evaluate_outputs(pg, 4, grid).empty());
  CHECK(grid.outputs == 1);
  REQUIRE(grid.values.size() == 16);
  std::vector<Scalar> all(std::size_t(pg.grid_size(4)));
  REQUIRE(pg.evaluate_grid(4, -6, 6, all.data()).empty());
  CHECK(std::vector<Scalar>(all.end() - 16, all.end()) == grid.values);  // the output node's block
  const std::string csv = grid_csv(grid);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 17);
  CHECK(csv.rfind("x1,x2,output\n-4.5,4.5," + float32_text(grid.values[0]) + "\n-1.5,4.5,", 0) == 0);
  CHECK(evaluate_outputs(pg, 0, grid) == pg.check_grid(0));
  CHECK_FALSE(pg.check_grid(0).empty());
}

TEST_CASE("the PNG encoder writes a valid file that decodes to its pixels", "[cli]") {
  const std::string check = "123456789";
  CHECK(crc32(reinterpret_cast<const std::uint8_t*>(check.data()), check.size()) == 0xCBF43926u);
  const std::string wiki = "Wikipedia";
  CHECK(adler32(reinterpret_cast<const std::uint8_t*>(wiki.data()), wiki.size()) == 0x11E60398u);

  for (int side : {2, 200}) {  // 200 x 200: 120,200 bytes of scanlines, two stored blocks
    std::vector<std::uint8_t> rgb(std::size_t(3 * side * side));
    for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = std::uint8_t(i * 7 + i / 3);
    const std::string png = png_rgb(side, side, rgb);
    REQUIRE(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    // Chunks: IHDR, IDAT, IEND, each with a CRC over type and data.
    std::size_t at = 8;
    std::vector<std::string> types;
    std::string idat;
    while (at < png.size()) {
      const std::uint32_t n = be32(png, at);
      const std::string type = png.substr(at + 4, 4);
      types.push_back(type);
      CHECK(be32(png, at + 8 + n) == crc32(reinterpret_cast<const std::uint8_t*>(png.data() + at + 4), n + 4));
      if (type == "IHDR") {
        CHECK(be32(png, at + 8) == std::uint32_t(side));
        CHECK(be32(png, at + 12) == std::uint32_t(side));
        CHECK(png.substr(at + 16, 5) == std::string("\x08\x02\x00\x00\x00", 5));
      }
      if (type == "IDAT") idat = png.substr(at + 8, n);
      at += 12 + n;
    }
    CHECK(types == std::vector<std::string>{"IHDR", "IDAT", "IEND"});
    const std::string raw = inflate_stored(idat);
    REQUIRE(raw.size() == std::size_t(side) * (1 + 3 * side));
    for (int y = 0; y < side; ++y) {
      CHECK(raw[std::size_t(y) * (1 + 3 * side)] == 0);  // filter: none
      CHECK(raw.compare(std::size_t(y) * (1 + 3 * side) + 1, 3 * side,
                        std::string(rgb.begin() + 3 * side * y, rgb.begin() + 3 * side * (y + 1))) == 0);
    }
  }
}

TEST_CASE("bad command lines are refused with exit code 2 and a message", "[cli]") {
  const auto run = [](std::vector<std::string> args, std::string& err) {
    std::ostringstream out, e;
    const int code = run_cli(args, out, e);
    err = e.str();
    return code;
  };
  std::string err;
  CHECK(run({}, err) == kExitBadInput);
  CHECK(run({"fit"}, err) == kExitBadInput);
  CHECK(err == "backprop: unknown command 'fit' (train, grid or slice; backprop --help)\n");
  CHECK(run({"train"}, err) == kExitBadInput);
  CHECK(err.rfind("backprop train: --config is required\n", 0) == 0);
  CHECK(run({"train", "--config", "x.json", "--epochs", "-3"}, err) == kExitBadInput);
  CHECK(err.rfind("backprop train: --epochs must be a whole number from 0 to 1000000 (got '-3')", 0) == 0);
  CHECK(run({"train", "--config"}, err) == kExitBadInput);
  CHECK(err.rfind("backprop train: option '--config' needs a value", 0) == 0);
  CHECK(run({"grid", "--model=m.json", "--colour", "red"}, err) == kExitBadInput);
  CHECK(err.rfind("backprop grid: unknown option '--colour'", 0) == 0);
  CHECK(run({"grid", "--model", "/nonexistent/m.json"}, err) == kExitBadInput);
  CHECK(err.rfind("backprop grid: cannot read /nonexistent/m.json", 0) == 0);
  CHECK(run({"grid", "--help"}, err) == kExitOk);
  CHECK(run({"--help"}, err) == kExitOk);
}
