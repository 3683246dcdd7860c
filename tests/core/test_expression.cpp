// Tests for expression.hpp: every preset's values, edges and gradients by hand (the lecture's
// numbers), gradients against central differences and reverse mode against forward mode on the
// presets and on seeded random expressions, the printed graph parsing back to the same graph, the
// order each mode computes in, the paths through a fork, and errors: hand-picked ones with their
// position and reason, 1,000 seeded malformed expressions, random bytes, and the limits.
// Not tested here: the page's drawing of the graph (tests/e2e/expression-lab.test.mjs).
#include "backprop/expression.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "backprop/rng.hpp"

using namespace bp;

namespace {

struct Run {
  ExprGraph g;
  ExprEvaluation ev;
  std::map<std::string, int> node;  // by name
};

std::vector<double> values_of(const ExprGraph& g, const std::map<std::string, double>& by_name) {
  std::vector<double> v;
  for (int k : g.variables) v.push_back(by_name.at(g.nodes[static_cast<std::size_t>(k)].name));
  return v;
}

Run run(const std::string& text, const std::map<std::string, double>& by_name) {
  Run r;
  const ExprError p = parse_expression(text, r.g);
  INFO(text << ": " << p.message());
  REQUIRE(p.ok());
  const ExprError e = evaluate_expression(r.g, values_of(r.g, by_name), r.ev);
  INFO(e.message());
  REQUIRE(e.ok());
  for (std::size_t i = 0; i < r.g.nodes.size(); ++i)
    if (!r.g.nodes[i].name.empty()) r.node[r.g.nodes[i].name] = static_cast<int>(i);
  return r;
}

double value(const Run& r, const std::string& name) { return r.ev.value[static_cast<std::size_t>(r.node.at(name))]; }
double grad(const Run& r, const std::string& name) { return r.ev.grad[static_cast<std::size_t>(r.node.at(name))]; }

const ExprPreset& preset(const std::string& id) {
  for (const auto& p : expression_presets())
    if (id == p.id) return p;
  FAIL("no preset " << id);
  return expression_presets()[0];
}

Run run_preset(const std::string& id) {
  const ExprPreset& p = preset(id);
  std::map<std::string, double> v(p.values.begin(), p.values.end());
  return run(p.text, v);
}

// The error for `text` (parse, then evaluate at all inputs = 1).
ExprError error_of(const std::string& text, double at = 1) {
  ExprGraph g;
  ExprError e = parse_expression(text, g);
  if (!e.ok()) return e;
  ExprEvaluation ev;
  return evaluate_expression(g, std::vector<double>(g.variables.size(), at), ev);
}

// Central differences of the output with respect to each input.
std::vector<double> numeric_gradient(const ExprGraph& g, std::vector<double> x, double h = 1e-6) {
  std::vector<double> out;
  for (std::size_t k = 0; k < x.size(); ++k) {
    ExprEvaluation plus, minus;
    const double x0 = x[k];
    x[k] = x0 + h;
    REQUIRE(evaluate_expression(g, x, plus).ok());
    x[k] = x0 - h;
    REQUIRE(evaluate_expression(g, x, minus).ok());
    x[k] = x0;
    out.push_back((plus.value.back() - minus.value.back()) / (2 * h));
  }
  return out;
}

void check_gradients(const ExprGraph& g, const std::vector<double>& x, const ExprEvaluation& ev) {
  const std::vector<double> fd = numeric_gradient(g, x);
  for (std::size_t k = 0; k < x.size(); ++k) {
    const double reverse = ev.grad[static_cast<std::size_t>(g.variables[k])];
    INFO(print_expression(g) << " input " << k);
    CHECK(reverse == Approx(fd[k]).margin(1e-5).epsilon(1e-5));
    CHECK(ev.forward_grad[k] == Approx(reverse).margin(1e-12).epsilon(1e-9));
  }
}

}  // namespace

TEST_CASE("f = (x + y) z at (-2, 5, -4): q = 3, f = -12, df/dx = df/dy = -4, df/dz = 3", "[expression]") {
  const Run r = run_preset("sum-times");
  CHECK(value(r, "q") == 3);
  CHECK(value(r, "f") == -12);
  CHECK(grad(r, "x") == -4);
  CHECK(grad(r, "y") == -4);
  CHECK(grad(r, "z") == 3);
  CHECK(grad(r, "q") == -4);
  CHECK(grad(r, "f") == 1);
  // Edges: x -> q, y -> q (local 1, upstream -4), q -> f (local z = -4), z -> f (local q = 3).
  REQUIRE(r.ev.edges.size() == 4);
  std::map<std::string, ExprEdge> edge;
  for (const auto& e : r.ev.edges)
    edge[r.g.nodes[static_cast<std::size_t>(e.from)].name + "-" + r.g.nodes[static_cast<std::size_t>(e.to)].name] = e;
  CHECK(edge.at("x-q").local == 1);
  CHECK(edge.at("x-q").upstream == -4);
  CHECK(edge.at("x-q").gradient == -4);
  CHECK(edge.at("q-f").local == -4);
  CHECK(edge.at("q-f").gradient == -4);
  CHECK(edge.at("z-f").local == 3);
  CHECK(edge.at("z-f").upstream == 1);
  CHECK(edge.at("z-f").gradient == 3);
  CHECK(r.ev.forward_grad == std::vector<double>{-4, -4, 3});
  CHECK(r.ev.path_count == std::vector<double>{1, 1, 1});
  // Reverse mode: f, then q (its gradient final before x and y use it); forward mode: 3 passes.
  CHECK(r.ev.reverse_nodes == std::vector<int>{4, 3, 2, 1, 0});
  CHECK(r.ev.reverse_edges.size() == 4);
  CHECK(r.ev.tangents.size() == 3);
}

TEST_CASE("linear regression u = w1 x, yhat = w0 + u, z = yhat - y, L = z^2 at w1 = 2, x = 3, w0 = 1, y = 4",
          "[expression]") {
  const Run r = run_preset("linear-regression");
  CHECK(value(r, "u") == 6);
  CHECK(value(r, "yhat") == 7);
  CHECK(value(r, "z") == 3);
  CHECK(value(r, "L") == 9);
  CHECK(grad(r, "z") == 6);     // dL/dz = 2z
  CHECK(grad(r, "yhat") == 6);  // x 1
  CHECK(grad(r, "u") == 6);
  CHECK(grad(r, "w0") == 6);
  CHECK(grad(r, "w1") == 18);  // dL/du x du/dw1 = 6 x 3
  CHECK(grad(r, "x") == 12);   // 6 x w1
  CHECK(grad(r, "y") == -6);
}

TEST_CASE("f(g(x)) = 2g^2 - 3g + 1 with g = x^3 + 2x at x = 1: g = 3, f = 10, df/dg = 9, df/dx = 45", "[expression]") {
  const Run r = run_preset("composition");
  CHECK(value(r, "g") == 3);
  CHECK(value(r, "f") == 10);
  CHECK(grad(r, "g") == 9);   // 4g - 3
  CHECK(grad(r, "x") == 45);  // 9 x (3x^2 + 2)
  // g forks into g^2 and 3g, x into x^3 and 2x: 2 x 2 paths from x.
  CHECK(r.ev.path_count[0] == 4);
  REQUIRE(r.ev.paths[0].size() == 4);
  double sum = 0;
  for (const auto& p : r.ev.paths[0]) {
    CHECK(p.nodes.front() == r.node.at("x"));
    CHECK(p.nodes.back() == r.node.at("f"));
    REQUIRE(p.edges.size() + 1 == p.nodes.size());
    double product = 1;
    for (std::size_t k = 0; k < p.edges.size(); ++k) {
      const ExprEdge& e = r.ev.edges[static_cast<std::size_t>(p.edges[k])];
      CHECK(e.from == p.nodes[k]);
      CHECK(e.to == p.nodes[k + 1]);
      product *= e.local;
    }
    CHECK(p.product == product);
    sum += p.product;
  }
  CHECK(sum == Approx(45).epsilon(1e-14));
}

TEST_CASE("h(f(x), g(x)) = 2f^2 - 3fg + 1, f = 3x, g = x^2 + 2x at x = 1: the gradient sums over the fork",
          "[expression]") {
  const Run r = run_preset("fork");
  CHECK(value(r, "f") == 3);
  CHECK(value(r, "g") == 3);
  CHECK(value(r, "h") == -8);
  CHECK(grad(r, "f") == 3);   // 4f - 3g
  CHECK(grad(r, "g") == -9);  // -3f
  // dh/dx = dh/df df/dx + dh/dg dg/dx = 3 x 3 + (-9) x 4 = -27 (h = 1 - 9x^3 directly).
  CHECK(grad(r, "x") == -27);
  CHECK(r.ev.path_count[0] == 4);
  double through_f = 0, through_g = 0;
  for (const auto& p : r.ev.paths[0]) (p.nodes[1] == r.node.at("f") ? through_f : through_g) += p.product;
  CHECK(through_f == Approx(9).epsilon(1e-14));
  CHECK(through_g == Approx(-36).epsilon(1e-14));
  // x's gradient is the sum of what its three out-edges bring back.
  double into_x = 0;
  int out_edges = 0;
  for (const auto& e : r.ev.edges)
    if (e.from == r.node.at("x")) {
      into_x += e.gradient;
      ++out_edges;
    }
  CHECK(out_edges == 3);
  CHECK(into_x == -27);
}

TEST_CASE("one sigmoid neuron with squared error: z = 0, a = 0.5, L = 0.125 and every gradient", "[expression]") {
  const Run r = run_preset("sigmoid-neuron");
  CHECK(value(r, "z") == 0);
  CHECK(value(r, "a") == 0.5);
  CHECK(value(r, "L") == 0.125);
  CHECK(grad(r, "a") == -0.5);     // a - t
  CHECK(grad(r, "z") == -0.125);   // x s'(0) = 1/4
  CHECK(grad(r, "w1") == -0.125);  // x x1 = 1
  CHECK(grad(r, "w2") == -0.25);   // x x2 = 2
  CHECK(grad(r, "b") == -0.125);
  CHECK(grad(r, "x1") == -0.0625);
  CHECK(grad(r, "x2") == 0.03125);
  CHECK(grad(r, "t") == 0.5);
}

TEST_CASE("every preset: gradients match central differences, forward mode matches reverse, the text round-trips",
          "[expression]") {
  for (const auto& p : expression_presets()) {
    INFO(p.id);
    std::map<std::string, double> v(p.values.begin(), p.values.end());
    const Run r = run(p.text, v);
    CHECK(r.g.variables.size() == p.values.size());
    for (std::size_t k = 0; k < p.values.size(); ++k)  // values are listed in the order names appear
      CHECK(r.g.nodes[static_cast<std::size_t>(r.g.variables[k])].name == p.values[k].first);
    check_gradients(r.g, values_of(r.g, v), r.ev);
    const std::string printed = print_expression(r.g);
    ExprGraph again;
    REQUIRE(parse_expression(printed, again).ok());
    CHECK(same_graph(r.g, again));
    CHECK(print_expression(again) == printed);
    CHECK(r.g.output == static_cast<int>(r.g.nodes.size()) - 1);
  }
  CHECK(print_expression(run_preset("sum-times").g) == "q = x + y; f = q*z");
  CHECK(print_expression(run_preset("sigmoid-neuron").g) == "z = w1*x1 + w2*x2 + b; a = sigmoid(z); L = 0.5*(a - t)^2");
}

TEST_CASE("the order of computation: reverse mode finalises each gradient once, forward mode runs once per input",
          "[expression]") {
  const Run r = run_preset("fork");
  // Reverse: every non-constant node once, output first, each after all of its users.
  std::vector<int> when(r.g.nodes.size(), -1);
  for (std::size_t k = 0; k < r.ev.reverse_nodes.size(); ++k)
    when[static_cast<std::size_t>(r.ev.reverse_nodes[k])] = static_cast<int>(k);
  CHECK(r.ev.reverse_nodes.front() == r.g.output);
  for (const auto& e : r.ev.edges) {
    if (r.g.nodes[static_cast<std::size_t>(e.from)].is_constant) continue;
    CHECK(when[static_cast<std::size_t>(e.to)] < when[static_cast<std::size_t>(e.from)]);
  }
  // One product per edge in reverse mode; forward mode recomputes every tangent in each pass.
  std::size_t variable_edges = 0;
  for (const auto& e : r.ev.edges) variable_edges += r.g.nodes[static_cast<std::size_t>(e.from)].is_constant ? 0 : 1;
  CHECK(r.ev.reverse_edges.size() == variable_edges);
  REQUIRE(r.ev.tangents.size() == 1);
  CHECK(r.ev.tangents[0][static_cast<std::size_t>(r.node.at("f"))] == 3);  // df/dx
  CHECK(r.ev.tangents[0][static_cast<std::size_t>(r.node.at("g"))] == 4);  // dg/dx = 2x + 2
  // Two inputs: two forward passes, each with its own tangents.
  const Run s = run_preset("sum-times");
  CHECK(s.ev.tangents[0][static_cast<std::size_t>(s.node.at("q"))] == 1);
  CHECK(s.ev.tangents[2][static_cast<std::size_t>(s.node.at("q"))] == 0);
  CHECK(s.ev.tangents[2][static_cast<std::size_t>(s.node.at("f"))] == 3);
}

TEST_CASE("forward mode takes reverse mode's slopes: tanh, sigmoid and division far out agree, not 0 against tiny",
          "[expression]") {
  // 1 - tanh^2 and s(1 - s) round to exactly 0 here, while the slopes from exp(-|z|) do not.
  for (const char* text : {"tanh(x)", "sigmoid(x)", "x/y", "tanh(x)*y + sigmoid(y/x)"})
    for (double x : {30.0, -30.0, 40.0, -200.0}) {
      const Run r = run(text, {{"x", x}, {"y", 1e200}});
      for (std::size_t k = 0; k < r.g.variables.size(); ++k) {
        const double reverse = r.ev.grad[static_cast<std::size_t>(r.g.variables[k])];
        INFO(text << " at x = " << x << ", input " << k << ": reverse " << reverse << ", forward "
                  << r.ev.forward_grad[k]);
        CHECK(r.ev.forward_grad[k] == Approx(reverse).margin(0).epsilon(1e-12));
      }
    }
  CHECK(run("tanh(x)", {{"x", 30}}).ev.grad[0] == Approx(4 * std::exp(-60.0)).margin(0));
  CHECK(run("sigmoid(x)", {{"x", -40}}).ev.forward_grad[0] == Approx(std::exp(-40.0)).margin(0).epsilon(1e-9));
}

TEST_CASE("operators, functions and typographic forms", "[expression]") {
  const std::map<std::string, double> at{{"x", 0.7}, {"y", -1.3}, {"a", 2.5}};
  CHECK(run("x - y - 1", at).ev.value.back() == Approx(0.7 + 1.3 - 1));  // left-associative
  CHECK(run("2^3^2", at).ev.value.back() == 512);                        // right-associative
  CHECK(run("-x^2", at).ev.value.back() == Approx(-0.49));               // -(x^2)
  CHECK(run("x^-1", at).ev.value.back() == Approx(1 / 0.7));
  CHECK(run("a**0.5", at).ev.value.back() == Approx(std::sqrt(2.5)));  // real exponent
  CHECK(run("x \u2212 y \u00d7 a \u00f7 2 \u00b7 1", at).ev.value.back() == Approx(0.7 + 1.3 * 2.5 / 2));
  CHECK(run("exp(x) + log(a) + sigmoid(y) + tanh(x) + relu(y) + relu(x)", at).ev.value.back() ==
        Approx(std::exp(0.7) + std::log(2.5) + 1 / (1 + std::exp(1.3)) + std::tanh(0.7) + 0.7));
  CHECK(run("2.5e-1 * .5", at).ev.value.back() == 0.125);
  // x^y: both slopes, the exponent's a^b ln a.
  const Run p = run("a^x", at);
  CHECK(p.ev.grad[0] == Approx(0.7 * std::pow(2.5, -0.3)));
  CHECK(p.ev.grad[1] == Approx(std::pow(2.5, 0.7) * std::log(2.5)));
  // A name used twice is one node with two out-edges; number-only parts fold into one number.
  const Run f = run("x*x + 2*3", at);
  CHECK(f.g.nodes.size() == 4);  // x, x*x, 6, +
  CHECK(f.g.nodes[2].op == ExprOp::Constant);
  CHECK(f.g.nodes[2].constant == 6);
  CHECK(f.ev.grad[0] == Approx(1.4));
  CHECK(f.ev.edges[0].from == 0);
  CHECK(f.ev.edges[1].from == 0);
  // x*x: two edges from x to the same node, two paths told apart by their edges.
  CHECK(f.ev.path_count[0] == 2);
  REQUIRE(f.ev.paths[0].size() == 2);
  CHECK(f.ev.paths[0][0].edges != f.ev.paths[0][1].edges);
  const Run d = run("x - x", at);
  CHECK(d.ev.paths[0][0].product + d.ev.paths[0][1].product == 0);
  CHECK(d.ev.grad[0] == 0);
  // An edge from a number carries no gradient; the number has none.
  CHECK(f.ev.edges[3].from == 2);
  CHECK(std::isnan(f.ev.edges[3].local));
  CHECK(f.ev.grad[2] == 0);
  // relu'(0) = 0, as in the network.
  CHECK(run("relu(x)", {{"x", 0}}).ev.grad[0] == 0);
  // Statements on separate lines; an assigned number is a named constant.
  const Run c = run("c = 2\nf = c*x\n", at);
  CHECK(c.ev.value.back() == Approx(1.4));
  CHECK(c.g.variables.size() == 1);
}

TEST_CASE("seeded random expressions: gradients against central differences, forward = reverse, round trip",
          "[expression]") {
  Rng rng(12);
  const char* names[] = {"x", "y", "w"};
  // Smooth everywhere at the points drawn: no division by something that can vanish, no log of a
  // value that can be negative.
  std::function<std::string(int)> gen = [&](int depth) -> std::string {
    const std::uint32_t pick = depth <= 0 ? rng.below(2) : rng.below(11);
    switch (pick) {
      case 0: return names[rng.below(3)];
      case 1: {
        char b[16];
        std::snprintf(b, sizeof b, "%.2f", rng.uniform(-2, 2));
        return b;
      }
      case 2: return "(" + gen(depth - 1) + " + " + gen(depth - 1) + ")";
      case 3: return "(" + gen(depth - 1) + " - " + gen(depth - 1) + ")";
      case 4: return gen(depth - 1) + "*" + gen(depth - 1);
      case 5: return gen(depth - 1) + "/(1 + (" + gen(depth - 1) + ")^2)";
      case 6: return "tanh(" + gen(depth - 1) + ")";
      case 7: return "sigmoid(" + gen(depth - 1) + ")";
      case 8: return "log(1 + (" + gen(depth - 1) + ")^2)";
      case 9: return "(" + gen(depth - 1) + ")^" + std::to_string(rng.below(4));
      default: return "exp(0.1*" + gen(depth - 1) + ")";
    }
  };
  int checked = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const std::string text = "s = " + gen(3) + "; out = s*x + s";
    ExprGraph g;
    const ExprError p = parse_expression(text, g);
    INFO(text << " " << p.message());
    REQUIRE(p.ok());
    std::vector<double> x;
    for (std::size_t k = 0; k < g.variables.size(); ++k) x.push_back(rng.uniform(-1.5, 1.5));
    ExprEvaluation ev;
    REQUIRE(evaluate_expression(g, x, ev).ok());
    check_gradients(g, x, ev);
    ExprGraph again;
    REQUIRE(parse_expression(print_expression(g), again).ok());
    CHECK(same_graph(g, again));
    ++checked;
  }
  CHECK(checked == 300);
}

TEST_CASE("errors name the reason and the position", "[expression]") {
  struct Case {
    const char* text;
    int position;
    const char* reason;  // a part of the reason
    double at = 1;       // every input's value
  };
  const Case cases[] = {
      {"", 0, "empty"},
      {"  ;\n ", 0, "empty"},
      {"x +", 3, "ends"},
      {"(x + y", 6, "missing ')'"},
      {"x + y)", 5, "without a matching '('"},
      {"foo(x)", 0, "unknown function 'foo'"},
      {"exp x", 0, "is a function"},
      {"2x", 1, "operator is missing"},
      {"x @ y", 2, "unexpected character '@'"},
      {"x * * y", 4, "unexpected '*'"},
      {"()", 1, "empty parentheses"},
      {"exp()", 4, "needs a value"},
      {"x = 2 = 3", 6, "unexpected '='"},
      {"a = x; a = y; a", 7, "assigned twice"},
      {"f = q*z; q = x + y; f", 9, "before this assignment"},
      {"a = x*2; y", 0, "does not use it"},
      {"x + 1; y", 0, "only the last statement"},
      {"exp = 2; exp", 0, "is a function"},
      {"1/0", 1, "division by zero"},
      {"x/(y - y)", 1, "division by zero"},
      {"log(x - 1)", 0, "log needs a positive number"},
      {"(x - 2)^0.5", 7, "non-integer power"},
      {"(x - 1)^0.5", 7, "infinite slope"},
      {"x^y - 2^y", 1, "positive base", 0},
      {"exp(1000*x)", 0, "overflows"},
      {"x + 1e999", 4, "too large"},
      {"a\u2212\u2212", 3, "ends"},  // positions count U+2212 as one character, as JS does
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const ExprError e = error_of(c.text, c.at);
    REQUIRE(!e.ok());
    INFO(e.message());
    CHECK(e.position == c.position);
    CHECK(e.reason.find(c.reason) != std::string::npos);
  }
  // Evaluation refuses non-finite inputs and the wrong count, naming the input.
  ExprGraph g;
  REQUIRE(parse_expression("x + y", g).ok());
  ExprEvaluation ev;
  CHECK(evaluate_expression(g, {1, std::nan("")}, ev).reason.find("y must be a finite number") != std::string::npos);
  CHECK(!evaluate_expression(g, {1}, ev).ok());
}

TEST_CASE("limits: length, nodes and nesting depth are refused with a position, never a crash", "[expression]") {
  // 100,000 '(' would overflow a naive recursive parser's stack.
  const ExprError deep = error_of(std::string(100000, '(') + "x" + std::string(100000, ')'));
  CHECK(deep.reason.find("longer than") != std::string::npos);
  // The limit is in characters as the learner sees them: 1,999 of "×" (two bytes each) are not too
  // long, and the 2,001st character of any kind is refused where it starts, in UTF-16 units.
  std::string products = "x";
  for (int i = 0; i < 999; ++i) products += "\u00d7x";
  CHECK(error_of(products).reason.find("longer than") == std::string::npos);
  const ExprError wide = error_of(products + "\u00d7x" + "+x");
  CHECK(wide.reason == "the text is longer than 2000 characters");
  CHECK(wide.position == 2000);
  const ExprError astral = error_of(std::string(1999, 'x') + "\U0001d465" + "y");  // 𝑥: two UTF-16 units
  CHECK(astral.reason == "the text is longer than 2000 characters");
  CHECK(astral.position == 2001);
  const ExprError nested = error_of(std::string(500, '(') + "x" + std::string(500, ')'));
  CHECK(nested.reason.find("levels deep") != std::string::npos);
  CHECK(nested.position == kMaxExpressionDepth);
  CHECK(error_of(std::string(500, '-') + "x").reason.find("levels deep") != std::string::npos);
  std::string powers = "x";
  for (int i = 0; i < 300; ++i) powers += "^x";
  CHECK(error_of(powers).reason.find("levels deep") != std::string::npos);
  CHECK(error_of(std::string(64, '(') + "x" + std::string(64, ')')).ok());
  std::string sum = "x";
  for (int i = 0; i < 300; ++i) sum += "+x";
  const ExprError many = error_of(sum);
  CHECK(many.reason.find("more than 200 nodes") != std::string::npos);
  CHECK(error_of(std::string(40, 'a')).reason.find("at most 32") != std::string::npos);
}

TEST_CASE("1,000 seeded malformed expressions each give an error with a position inside the text", "[expression]") {
  Rng rng(2024);
  const char* valid[] = {"q = x + y; f = q*z", "u = w1*x; yhat = w0 + u; z = yhat - y; L = z^2",
                         "g = x^3 + 2*x; f = 2*g^2 - 3*g + 1", "exp(-x)*sigmoid(y)/(1 + z^2)", "-(a - b)^2 + tanh(c)"};
  // Each mutation breaks any text: an unmatched bracket, a character outside the language, an
  // operator with nothing after it, two operators in a row, empty brackets, an unknown function.
  const char* breaks[] = {")", "(", "@", "$", "^^", "* /", "()", "foo(", ",", "#"};
  for (int trial = 0; trial < 1000; ++trial) {
    std::string text = valid[rng.below(5)];
    const std::uint32_t kind = rng.below(4);
    if (kind == 0)
      text += " +";  // trailing operator
    else if (kind == 1)
      text.insert(rng.below(static_cast<std::uint32_t>(text.size() + 1)), breaks[rng.below(10)]);
    // Cut short, a text may have an open '(' that a ')' would close: every break but ')'.
    else if (kind == 2)
      text = text.substr(0, rng.below(static_cast<std::uint32_t>(text.size()))) + breaks[1 + rng.below(9)];
    else {
      std::string garbage;  // random characters, then one break to be sure
      const int n = 1 + static_cast<int>(rng.below(12));
      for (int k = 0; k < n; ++k) garbage += "xy12+-*/^(). =;e"[rng.below(16)];
      text = garbage + breaks[1 + rng.below(9)];
    }
    ExprGraph g;
    const ExprError e = parse_expression(text, g);
    INFO(text);
    REQUIRE(!e.ok());
    CHECK(e.position >= 0);
    CHECK(e.position <= static_cast<int>(text.size()));
    CHECK(!e.reason.empty());
  }
}

TEST_CASE("random bytes never crash: either a graph that evaluates or an error inside the text", "[expression]") {
  Rng rng(7);
  int parsed = 0;
  for (int trial = 0; trial < 5000; ++trial) {
    std::string text;
    const int n = static_cast<int>(rng.below(30));
    for (int k = 0; k < n; ++k)
      text += rng.below(4) == 0 ? static_cast<char>(rng.below(256)) : "xyab01.+-*/^()=;\n "[rng.below(19)];
    ExprGraph g;
    const ExprError e = parse_expression(text, g);
    if (e.ok()) {
      ++parsed;
      ExprEvaluation ev;
      const ExprError v = evaluate_expression(g, std::vector<double>(g.variables.size(), 0.5), ev);
      if (v.ok()) {
        ExprGraph again;
        CHECK(parse_expression(print_expression(g), again).ok());
        CHECK(same_graph(g, again));
      }
    } else {
      CHECK(e.position >= 0);
      CHECK(e.position <= static_cast<int>(text.size()));
    }
  }
  CHECK(parsed > 0);
}
