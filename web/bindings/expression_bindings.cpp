// Embind bindings for the computational-graphs lab (core/include/backprop/expression.hpp): the presets, a typed
// expression's graph, and its evaluation (values, gradients, edges, both modes' order, paths).
// Free functions, no state. Type translation only: a bad expression is data here (the page shows
// it with its position), { ok: false, error, position }, not an exception.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "backprop/expression.hpp"
#include "js_values.hpp"

using emscripten::val;
using namespace bp::js;

namespace {

val doubles(const std::vector<double>& v) { return typed_array("Float64Array", v.data(), v.size()); }

val failure(const bp::ExprError& e, const char* stage) {
  val o = val::object();
  o.set("ok", false);
  o.set("stage", std::string(stage));
  o.set("error", e.reason);
  o.set("position", e.position);
  return o;
}

// { ok: true, text (printed back), variables: [names], output, nodes: [{ op, symbol, name,
// constant, inputs, position, isConstant }] }
val graph_to_js(const bp::ExprGraph& g) {
  val o = val::object();
  o.set("ok", true);
  o.set("text", bp::print_expression(g));
  val variables = val::array();
  for (int k : g.variables) variables.call<void>("push", g.nodes[static_cast<std::size_t>(k)].name);
  o.set("variables", variables);
  o.set("variableNodes", ints(g.variables));
  o.set("output", g.output);
  val nodes = val::array();
  for (const auto& n : g.nodes) {
    val x = val::object();
    x.set("op", std::string(bp::expr_op_name(n.op)));
    x.set("symbol", std::string(bp::expr_op_symbol(n.op)));
    x.set("name", n.name);
    x.set("constant", n.constant);
    val inputs = val::array();
    for (int k : n.inputs) inputs.call<void>("push", k);
    x.set("inputs", inputs);
    x.set("position", n.position);
    x.set("isConstant", n.is_constant);
    nodes.call<void>("push", x);
  }
  o.set("nodes", nodes);
  return o;
}

val parse_expression_js(const std::string& text) {
  bp::ExprGraph g;
  const bp::ExprError e = bp::parse_expression(text, g);
  return e.ok() ? graph_to_js(g) : failure(e, "parse");
}

// The graph as above, plus per node value and grad, edges [{ from, to, slot, local, upstream,
// gradient }], reverse { nodes, edges } (the order), forward { tangents: [Float64Array per input],
// grad }, paths [{ count, listed: [{ nodes, edges, product }] }] per input.
val evaluate_expression_js(const std::string& text, const val& values) {
  bp::ExprGraph g;
  bp::ExprError e = bp::parse_expression(text, g);
  if (!e.ok()) return failure(e, "parse");
  double n = 0;
  if (!array_length(values, n) || n != static_cast<double>(g.variables.size()))
    return val("values must be an array of " + std::to_string(g.variables.size()) + " numbers");
  const std::vector<double> x = emscripten::convertJSArrayToNumberVector<double>(values);
  bp::ExprEvaluation ev;
  e = bp::evaluate_expression(g, x, ev);
  if (!e.ok()) {
    val o = failure(e, "evaluate");
    o.set("graph", graph_to_js(g));
    return o;
  }
  val o = graph_to_js(g);
  val nodes = o["nodes"];
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    nodes[i].set("value", ev.value[i]);
    nodes[i].set("grad", ev.grad[i]);
  }
  val edges = val::array();
  for (const auto& d : ev.edges) {
    val x = val::object();
    x.set("from", d.from);
    x.set("to", d.to);
    x.set("slot", d.slot);
    x.set("local", d.local);
    x.set("upstream", d.upstream);
    x.set("gradient", d.gradient);
    edges.call<void>("push", x);
  }
  o.set("edges", edges);
  val reverse = val::object();
  reverse.set("nodes", ints(ev.reverse_nodes));
  reverse.set("edges", ints(ev.reverse_edges));
  o.set("reverse", reverse);
  val tangents = val::array();
  for (const auto& t : ev.tangents) tangents.call<void>("push", doubles(t));
  val forward = val::object();
  forward.set("tangents", tangents);
  forward.set("grad", doubles(ev.forward_grad));
  o.set("forward", forward);
  val paths = val::array();
  for (std::size_t k = 0; k < ev.paths.size(); ++k) {
    val listed = val::array();
    for (const auto& p : ev.paths[k]) {
      val x = val::object();
      x.set("nodes", ints(p.nodes));
      x.set("edges", ints(p.edges));
      x.set("product", p.product);
      listed.call<void>("push", x);
    }
    val x = val::object();
    x.set("count", ev.path_count[k]);
    x.set("listed", listed);
    paths.call<void>("push", x);
  }
  o.set("paths", paths);
  return o;
}

// [{ id, title, text, values: [{ name, value }] }]
val expression_presets_js() {
  val out = val::array();
  for (const auto& p : bp::expression_presets()) {
    val o = val::object();
    o.set("id", std::string(p.id));
    o.set("title", std::string(p.title));
    o.set("text", std::string(p.text));
    val values = val::array();
    for (const auto& [name, v] : p.values) {
      val x = val::object();
      x.set("name", name);
      x.set("value", v);
      values.call<void>("push", x);
    }
    o.set("values", values);
    out.call<void>("push", o);
  }
  return out;
}

}  // namespace

EMSCRIPTEN_BINDINGS(backprop_expression) {
  emscripten::function("expressionPresets", &expression_presets_js);
  emscripten::function("parseExpression", &parse_expression_js);
  emscripten::function("evaluateExpression", &evaluate_expression_js);
  emscripten::constant("maxExpressionLength", bp::kMaxExpressionLength);
}
