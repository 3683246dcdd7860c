// A scalar computational graph built from text the learner types, for the computational-graphs lab
// (chapter 5): a short program of assignments ("u = w1*x; yhat = w0 + u; L = (yhat - y)^2", the last
// statement is the output) parsed into a DAG where a name used twice is one node with two out-edges
// (a fork); forward values, reverse-mode gradients summed over every path with each edge's local
// derivative and upstream x local, forward-mode derivatives by dual numbers (one pass per input) as
// an independent check, the order in which each mode computes what, and the paths from each input.
// Not a general CAS: scalars only, no symbolic simplification beyond folding number-only parts.
// In double whatever Scalar is: the lecture's numbers (-12, -4, 3) must come out exact.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace bp {

constexpr int kMaxExpressionLength = 2000;  // characters (code points) of text
constexpr int kMaxExpressionNodes = 200;    // nodes of the graph, numbers included
constexpr int kMaxExpressionDepth = 64;     // nesting of parentheses, unary minus and powers
constexpr int kMaxExpressionName = 32;      // characters of a name
constexpr int kMaxListedPaths = 16;         // paths listed per input (all are counted)

enum class ExprOp { Constant, Variable, Add, Subtract, Multiply, Divide, Power, Negate, Exp, Log, Sigmoid, Tanh, Relu };

const char* expr_op_name(ExprOp op);    // "constant", "variable", "add", ..., "relu"
const char* expr_op_symbol(ExprOp op);  // what the page draws in the node: "+", "−", "×", "÷", "^", "exp", ...

struct ExprNode {
  ExprOp op = ExprOp::Constant;
  std::string name;          // a variable's name, or the name an assignment gave this node ("" if none)
  double constant = 0;       // ExprOp::Constant's value
  std::vector<int> inputs;   // operands, earlier nodes (Power: base, exponent; Subtract/Divide: left, right)
  int position = 0;          // where its token starts in the text (UTF-16 code units, as JS counts)
  bool is_constant = false;  // no variable below it: it gets no gradient
};

struct ExprGraph {
  std::vector<ExprNode> nodes;  // topological: every input comes before its users
  std::vector<int> variables;   // variable nodes, in the order they first appear in the text
  int output = -1;              // the last statement's node (always the last node)
};

// What went wrong and where: position counts UTF-16 code units from 0 (the text's length for "at
// the end"); words for people (message(), a reason naming another place) count characters from 1.
struct ExprError {
  std::string reason;
  int position = -1;
  bool ok() const { return position < 0; }
  std::string message() const;  // "reason (at character position + 1)", "" when ok
};

// Parses `text`: statements separated by ';' or new lines, each `name = expression` or (the last
// only) a bare expression; + - * / ^ (also ** and the typographic − × · ÷), unary minus,
// parentheses, exp log sigmoid tanh relu, numbers (1, 0.5, 2e-3) and names. Number-only parts are
// folded into one number. Unused assignments, reassignments and names past the limits are errors.
ExprError parse_expression(const std::string& text, ExprGraph& out);

// The graph as a program that parses back to the same graph: one `name = ...` per named node, the
// output last, as few parentheses as precedence allows, numbers in their shortest exact form.
std::string print_expression(const ExprGraph& g);
bool same_graph(const ExprGraph& a, const ExprGraph& b);

// One edge input -> node: local = d node / d input, upstream = d output / d node,
// gradient = upstream x local (what this edge adds to d output / d input).
struct ExprEdge {
  int from = 0, to = 0, slot = 0;
  double local = 0, upstream = 0, gradient = 0;
};

// One path from an input to the output: its nodes and edges (input first; two edges may join the
// same two nodes, as in x*x) and the product of the edges' locals.
struct ExprPath {
  std::vector<int> nodes;
  std::vector<int> edges;
  double product = 0;
};

struct ExprEvaluation {
  std::vector<double> value;                  // [node] forward value, in node order
  std::vector<double> grad;                   // [node] d output / d node by reverse mode (0 for constants)
  std::vector<ExprEdge> edges;                // by node, then by operand; edges from constants have NaN local
  std::vector<int> reverse_nodes;             // reverse mode: the order in which each node's gradient is final
  std::vector<int> reverse_edges;             // reverse mode: the edges in the order their products are added
  std::vector<std::vector<double>> tangents;  // forward mode, [input k][node]: d node / d input k
  std::vector<double> forward_grad;           // [input k] d output / d input k by forward mode
  std::vector<double> path_count;             // [input k] number of paths from input k to the output
  std::vector<std::vector<ExprPath>> paths;   // [input k] the first kMaxListedPaths of them
};

// Evaluates `g` with variables[k] = values[k]. Value-domain errors (division by zero, log of a
// non-positive number, a negative base to a non-integer power, an infinite slope, overflow) name
// the operation and its position; `out` is only complete when the result is ok.
ExprError evaluate_expression(const ExprGraph& g, const std::vector<double>& values, ExprEvaluation& out);

// The lecture's examples, with the values the lab opens them at (by name, in the order the names
// first appear): f = (x + y) z at (-2, 5, -4); the linear-regression chain; f(g(x)) = 2g^2 - 3g + 1
// with g = x^3 + 2x; h(f(x), g(x)) = 2f^2 - 3fg + 1 with f = 3x, g = x^2 + 2x (x forks); one
// sigmoid neuron with squared error.
struct ExprPreset {
  const char* id;
  const char* title;
  const char* text;
  std::vector<std::pair<std::string, double>> values;
};
const std::vector<ExprPreset>& expression_presets();

}  // namespace bp
