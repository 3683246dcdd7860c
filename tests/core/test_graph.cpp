// Tests for graph.hpp: the chain-rule lesson's graph f = (x + y) z with the textbook numbers, a
// node feeding two others (gradients summed over paths), and every op against finite differences.
#include "backprop/graph.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace bp;

TEST_CASE("(x + y) z at x = -2, y = 5, z = -4: q = 3, f = -12, df/dx = df/dy = -4, df/dz = 3", "[graph]") {
  const Graph g = sum_times_graph(-2, 5, -4);
  const auto& n = g.nodes();
  REQUIRE(n.size() == 5);
  CHECK(n[3].name == "q");
  CHECK(n[3].value == 3);
  CHECK(n[4].value == -12);
  CHECK(n[0].grad == -4);
  CHECK(n[1].grad == -4);
  CHECK(n[2].grad == 3);
  CHECK(n[3].grad == -4);  // df/dq = z
  // Edges: upstream x local. Into f: from q, -4 = 1 x z; from z, 3 = 1 x q.
  CHECK(g.edge_gradient(4, 0) == -4);
  CHECK(g.edge_gradient(4, 1) == 3);
  // Into q from x and y: -4 = df/dq x 1.
  CHECK(g.edge_gradient(3, 0) == -4);
  CHECK(g.edge_gradient(3, 1) == -4);
}

TEST_CASE("a node used twice gets the sum of the gradients of both paths", "[graph]") {
  Graph g;
  const int x = g.input("x", 3);
  const int s = g.multiply("x*x", x, x);  // d(x^2)/dx = 2x
  g.forward();
  g.backward(s);
  CHECK(g.nodes()[x].grad == 6);
}

TEST_CASE("every op's gradient matches central differences", "[graph]") {
  auto build = [](double a, double b) {
    Graph g;
    const int x = g.input("x", a), y = g.input("y", b);
    const int p = g.multiply("p", x, y);
    const int s = g.unary("s", GraphOp::Sigmoid, p);
    const int t = g.unary("t", GraphOp::Tanh, x);
    const int r = g.unary("r", GraphOp::Relu, y);
    const int u = g.add("u", s, t);
    const int out = g.add("out", u, r);
    g.forward();
    g.backward(out);
    return g;
  };
  const double a = 0.7, b = -0.3 + 1.1, h = 1e-6;
  const Graph g = build(a, b);
  const double out = g.nodes().back().value;
  const double dx = (build(a + h, b).nodes().back().value - build(a - h, b).nodes().back().value) / (2 * h);
  const double dy = (build(a, b + h).nodes().back().value - build(a, b - h).nodes().back().value) / (2 * h);
  CHECK(std::isfinite(out));
  CHECK(g.nodes()[0].grad == Approx(dx).epsilon(1e-7));
  CHECK(g.nodes()[1].grad == Approx(dy).epsilon(1e-7));
}
