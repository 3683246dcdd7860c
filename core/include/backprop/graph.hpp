// A small computational graph of scalars for the chain-rule lesson: inputs, sums, products and a
// few unary functions; a forward pass, then reverse-mode gradients that keep each edge's local
// derivative, so the page can show "upstream gradient x local gradient" on every edge with the
// core's numbers. In double: the lesson's numbers (-12, -4, 3) must come out exact.
#pragma once
#include <string>
#include <vector>

namespace bp {

enum class GraphOp { Input, Add, Multiply, Sigmoid, Tanh, Relu };

struct GraphNode {
  std::string name;
  GraphOp op = GraphOp::Input;
  std::vector<int> inputs;    // indices of earlier nodes
  double value = 0;           // forward value
  double grad = 0;            // d output / d this node (after backward)
  std::vector<double> local;  // d this node / d inputs[k] (after forward)
};

class Graph {
 public:
  int input(const std::string& name, double value);
  int add(const std::string& name, int a, int b);
  int multiply(const std::string& name, int a, int b);
  int unary(const std::string& name, GraphOp op, int a);  // Sigmoid, Tanh or Relu

  void forward();             // values and local derivatives, in node order
  void backward(int output);  // grads: d output / d node, by the chain rule in reverse order
  const std::vector<GraphNode>& nodes() const { return nodes_; }
  // Gradient flowing along the edge inputs[k] -> node: upstream grad x local derivative.
  double edge_gradient(int node, int k) const { return nodes_[node].grad * nodes_[node].local[k]; }

 private:
  int push(GraphNode node);
  int operation(const std::string& name, GraphOp op, std::vector<int> inputs);
  std::vector<GraphNode> nodes_;
};

// The lesson's graph f(x, y, z) = (x + y) z, as nodes x, y, z, q = x + y, f = q z; forward and
// backward already run.
Graph sum_times_graph(double x, double y, double z);

}  // namespace bp
