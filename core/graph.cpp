#include "backprop/graph.hpp"

#include <cmath>

namespace bp {

int Graph::push(GraphNode node) {
  nodes_.push_back(std::move(node));
  return static_cast<int>(nodes_.size()) - 1;
}

int Graph::input(const std::string& name, double value) {
  GraphNode n;
  n.name = name;
  n.value = value;
  return push(n);
}

int Graph::add(const std::string& name, int a, int b) { return operation(name, GraphOp::Add, {a, b}); }

int Graph::multiply(const std::string& name, int a, int b) { return operation(name, GraphOp::Multiply, {a, b}); }

int Graph::unary(const std::string& name, GraphOp op, int a) { return operation(name, op, {a}); }

int Graph::operation(const std::string& name, GraphOp op, std::vector<int> inputs) {
  GraphNode n;
  n.name = name;
  n.op = op;
  n.inputs = std::move(inputs);
  return push(n);
}

void Graph::forward() {
  for (auto& n : nodes_) {
    if (n.op == GraphOp::Input) continue;
    const double a = nodes_[n.inputs[0]].value;
    const double b = n.inputs.size() > 1 ? nodes_[n.inputs[1]].value : 0;
    switch (n.op) {
      case GraphOp::Add:
        n.value = a + b;
        n.local = {1, 1};
        break;  // d(a+b)/da = d(a+b)/db = 1
      case GraphOp::Multiply:
        n.value = a * b;
        n.local = {b, a};
        break;  // d(ab)/da = b, d(ab)/db = a
      case GraphOp::Sigmoid:
        n.value = 1 / (1 + std::exp(-a));
        n.local = {n.value * (1 - n.value)};  // s' = s (1 - s)
        break;
      case GraphOp::Tanh:
        n.value = std::tanh(a);
        n.local = {1 - n.value * n.value};
        break;
      case GraphOp::Relu:
        n.value = a > 0 ? a : 0;
        n.local = {a > 0 ? 1.0 : 0.0};
        break;
      case GraphOp::Input: break;
    }
  }
}

void Graph::backward(int output) {
  for (auto& n : nodes_) n.grad = 0;
  nodes_[output].grad = 1;             // d output / d output
  for (int i = output; i >= 0; --i) {  // inputs always come before their users
    const GraphNode& n = nodes_[i];
    for (std::size_t k = 0; k < n.inputs.size(); ++k)
      nodes_[n.inputs[k]].grad += n.grad * n.local[k];  // chain rule; sums over every path
  }
}

Graph sum_times_graph(double x, double y, double z) {
  Graph g;
  const int nx = g.input("x", x), ny = g.input("y", y), nz = g.input("z", z);
  const int q = g.add("q", nx, ny);
  const int f = g.multiply("f", q, nz);
  g.forward();
  g.backward(f);
  return g;
}

}  // namespace bp
