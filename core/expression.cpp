#include "backprop/expression.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <utility>

#include "backprop/text.hpp"

namespace bp {

const char* expr_op_name(ExprOp op) {
  switch (op) {
    case ExprOp::Constant: return "constant";
    case ExprOp::Variable: return "variable";
    case ExprOp::Add: return "add";
    case ExprOp::Subtract: return "subtract";
    case ExprOp::Multiply: return "multiply";
    case ExprOp::Divide: return "divide";
    case ExprOp::Power: return "power";
    case ExprOp::Negate: return "negate";
    case ExprOp::Exp: return "exp";
    case ExprOp::Log: return "log";
    case ExprOp::Sigmoid: return "sigmoid";
    case ExprOp::Tanh: return "tanh";
    case ExprOp::Relu: return "relu";
  }
  return "";
}

const char* expr_op_symbol(ExprOp op) {
  switch (op) {
    case ExprOp::Add: return "+";
    case ExprOp::Subtract: return "\u2212";
    case ExprOp::Multiply: return "\u00d7";
    case ExprOp::Divide: return "\u00f7";
    case ExprOp::Power: return "^";
    case ExprOp::Negate: return "\u2212";
    case ExprOp::Sigmoid: return "\u03c3";
    default: return expr_op_name(op);
  }
}

std::string ExprError::message() const {
  return ok() ? "" : reason + " (at character " + std::to_string(position + 1) + ")";
}

namespace {

const std::pair<const char*, ExprOp> kFunctions[] = {{"exp", ExprOp::Exp},
                                                     {"log", ExprOp::Log},
                                                     {"sigmoid", ExprOp::Sigmoid},
                                                     {"tanh", ExprOp::Tanh},
                                                     {"relu", ExprOp::Relu}};

bool function_of(const std::string& name, ExprOp& op) {
  for (const auto& f : kFunctions)
    if (name == f.first) {
      op = f.second;
      return true;
    }
  return false;
}

// ---- one operation: its value and local derivatives, or why it has none ----

// v = op(a, b); da = dv/da, db = dv/db (db only for binary ops; NaN when the exponent is a constant,
// whose slope nobody needs and which a negative base would not have). "" or the reason.
std::string apply(ExprOp op, double a, double b, bool exponent_constant, double& v, double& da, double& db) {
  da = db = std::numeric_limits<double>::quiet_NaN();
  const std::string A = format_number(a), B = format_number(b);
  // A table: one operation a line, its derivatives beside it.
  // clang-format off
  switch (op) {
    case ExprOp::Add: v = a + b; da = 1; db = 1; break;
    case ExprOp::Subtract: v = a - b; da = 1; db = -1; break;
    case ExprOp::Multiply: v = a * b; da = b; db = a; break;                // d(ab)/da = b, d(ab)/db = a
    case ExprOp::Divide:
      if (b == 0) return "division by zero: " + A + " \u00f7 0";
      v = a / b; da = 1 / b; db = -a / (b * b);                             // d(a/b)/db = -a/b^2
      break;
    case ExprOp::Power:
      if (a < 0 && b != std::floor(b)) return "a negative base to a non-integer power has no real value: (" + A + ")^" + B;
      if (a == 0 && b < 0) return "0 to a negative power is infinite: 0^" + B;
      v = std::pow(a, b);
      da = b == 0 ? 0 : b * std::pow(a, b - 1);                             // d(a^b)/da = b a^(b-1)
      if (!std::isfinite(da) && std::isfinite(v)) return "a^" + B + " has an infinite slope at a = " + A;
      if (!exponent_constant) {
        if (!(a > 0)) return "the slope of a^b with respect to the exponent b needs a positive base (got " + A + ")";
        db = v * std::log(a);                                               // d(a^b)/db = a^b ln a
      }
      break;
    case ExprOp::Negate: v = -a; da = -1; break;
    case ExprOp::Exp: v = std::exp(a); da = v; break;                       // exp' = exp
    case ExprOp::Log:
      if (!(a > 0)) return "log needs a positive number (got " + A + ")";
      v = std::log(a); da = 1 / a;                                          // log' = 1/a
      break;
    case ExprOp::Sigmoid: {
      const double t = std::exp(-std::abs(a));                              // no overflow either side
      v = a >= 0 ? 1 / (1 + t) : t / (1 + t);
      da = t / ((1 + t) * (1 + t));                                         // s' = s (1 - s), from z
      break;
    }
    case ExprOp::Tanh: {
      v = std::tanh(a);
      const double t = std::exp(-2 * std::abs(a));
      da = 4 * t / ((1 + t) * (1 + t));                                     // tanh' = 1 - tanh^2, from z
      break;
    }
    case ExprOp::Relu: v = a > 0 ? a : 0; da = a > 0 ? 1 : 0; break;       // relu'(0) = 0, as the network
    case ExprOp::Constant:
    case ExprOp::Variable: return "not an operation";
  }
  // clang-format on
  if (!std::isfinite(v)) return std::string(expr_op_name(op)) + " overflows here (the result is not a finite number)";
  if (!std::isfinite(da) || (op >= ExprOp::Add && op <= ExprOp::Divide && !std::isfinite(db)))
    return std::string(expr_op_name(op)) + "'s slope overflows here";
  return "";
}

// ---- the lexer ----

enum class Tok { Number, Name, Plus, Minus, Times, Divide, Power, LParen, RParen, Assign, Separator, End };

struct Token {
  Tok kind = Tok::End;
  int position = 0;  // UTF-16 code units
  std::string text;  // the name or the number as typed
  double number = 0;
};

const char* describe(Tok k) {
  switch (k) {
    case Tok::Number: return "a number";
    case Tok::Name: return "a name";
    case Tok::Plus: return "'+'";
    case Tok::Minus: return "'-'";
    case Tok::Times: return "'*'";
    case Tok::Divide: return "'/'";
    case Tok::Power: return "'^'";
    case Tok::LParen: return "'('";
    case Tok::RParen: return "')'";
    case Tok::Assign: return "'='";
    case Tok::Separator: return "the end of the statement";
    case Tok::End: return "the end of the text";
  }
  return "";
}

std::string token_text(const Token& t) {
  if (t.kind == Tok::Name) return "'" + t.text + "'";
  if (t.kind == Tok::Number) return "the number " + t.text;
  return describe(t.kind);
}

bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// The length of the UTF-8 sequence starting with byte c (1 for a stray byte) and its UTF-16 length.
int utf8_length(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

ExprError lex(const std::string& s, std::vector<Token>& out) {
  std::size_t i = 0;
  int u16 = 0;
  auto push = [&](Tok k, std::size_t bytes, int units = 1) {
    Token t;
    t.kind = k;
    t.position = u16;
    out.push_back(t);
    i += bytes;
    u16 += units;
  };
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::string rest = s.substr(i, 3);
    // A table: one token a line.
    // clang-format off
    if (c == ' ' || c == '\t' || c == '\r') { ++i; ++u16; continue; }
    if (rest.compare(0, 2, "\xc2\xa0") == 0) { i += 2; ++u16; continue; }  // no-break space
    if (c == '\n' || c == ';') { push(Tok::Separator, 1); continue; }
    if (c == '+') { push(Tok::Plus, 1); continue; }
    if (c == '-') { push(Tok::Minus, 1); continue; }
    if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') { push(Tok::Power, 2, 2); continue; }
    if (c == '*') { push(Tok::Times, 1); continue; }
    if (c == '/') { push(Tok::Divide, 1); continue; }
    if (c == '^') { push(Tok::Power, 1); continue; }
    if (c == '(') { push(Tok::LParen, 1); continue; }
    if (c == ')') { push(Tok::RParen, 1); continue; }
    if (c == '=') { push(Tok::Assign, 1); continue; }
    // What learners paste: − (U+2212) and – (U+2013) minus, × · ⋅ times, ÷ divide.
    if (rest == "\xe2\x88\x92" || rest == "\xe2\x80\x93") { push(Tok::Minus, 3); continue; }
    if (rest == "\xe2\x8b\x85") { push(Tok::Times, 3); continue; }
    if (rest.compare(0, 2, "\xc3\x97") == 0 || rest.compare(0, 2, "\xc2\xb7") == 0) { push(Tok::Times, 2); continue; }
    if (rest.compare(0, 2, "\xc3\xb7") == 0) { push(Tok::Divide, 2); continue; }
    // clang-format on
    if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(static_cast<unsigned char>(s[i + 1])))) {
      std::size_t j = i;
      while (j < s.size() && is_digit(static_cast<unsigned char>(s[j]))) ++j;
      if (j < s.size() && s[j] == '.') {
        ++j;
        while (j < s.size() && is_digit(static_cast<unsigned char>(s[j]))) ++j;
      }
      // An exponent only when digits follow: "2e" is 2 then the name e.
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && is_digit(static_cast<unsigned char>(s[k]))) {
          while (k < s.size() && is_digit(static_cast<unsigned char>(s[k]))) ++k;
          j = k;
        }
      }
      Token t;
      t.kind = Tok::Number;
      t.position = u16;
      t.text = s.substr(i, j - i);
      t.number = std::strtod(t.text.c_str(), nullptr);
      if (!std::isfinite(t.number)) return {"the number " + t.text + " is too large", u16};
      out.push_back(t);
      u16 += static_cast<int>(j - i);
      i = j;
      continue;
    }
    if (is_alpha(c)) {
      std::size_t j = i;
      while (j < s.size() && (is_alpha(static_cast<unsigned char>(s[j])) || is_digit(static_cast<unsigned char>(s[j]))))
        ++j;
      if (j - i > static_cast<std::size_t>(kMaxExpressionName))
        return {"a name may have at most " + std::to_string(kMaxExpressionName) + " characters", u16};
      Token t;
      t.kind = Tok::Name;
      t.position = u16;
      t.text = s.substr(i, j - i);
      out.push_back(t);
      u16 += static_cast<int>(j - i);
      i = j;
      continue;
    }
    // Anything else: name the character as it was typed when it is printable.
    const int n = utf8_length(c);
    const std::string ch = s.substr(i, static_cast<std::size_t>(n));
    bool printable = c >= 0x21 && c < 0x7f;
    if (c >= 0xC0 && ch.size() == static_cast<std::size_t>(n)) {
      printable = true;
      for (std::size_t k = 1; k < ch.size(); ++k)
        if ((static_cast<unsigned char>(ch[k]) & 0xC0) != 0x80) printable = false;
    }
    char code[16];
    std::snprintf(code, sizeof code, "byte 0x%02X", c);
    return {std::string("unexpected character ") + (printable ? "'" + ch + "'" : std::string(code)), u16};
  }
  Token end;
  end.kind = Tok::End;
  end.position = u16;
  out.push_back(end);
  return {};
}

// ---- the parser: recursive descent, one node per operation, names shared ----

struct Parser {
  std::vector<Token> toks;
  std::size_t at = 0;
  ExprGraph g;
  std::map<std::string, int> names;     // every name bound so far -> its node
  std::map<std::string, int> assigned;  // assigned names -> the position of the assignment
  int depth = 0;
  ExprError error;

  const Token& peek(std::size_t ahead = 0) const { return toks[std::min(at + ahead, toks.size() - 1)]; }
  bool fail(const std::string& reason, int position) {
    if (error.ok()) error = {reason, position};
    return false;
  }
  bool deeper(int position) {
    if (++depth > kMaxExpressionDepth)
      return fail("nested more than " + std::to_string(kMaxExpressionDepth) + " levels deep", position);
    return true;
  }

  // A new node; number-only operations are folded into one number (their unnamed operands are the
  // last nodes, so they are popped).
  bool add(ExprOp op, std::vector<int> inputs, int position, int& out) {
    bool fold = op != ExprOp::Constant && op != ExprOp::Variable;
    bool constant = op == ExprOp::Constant;
    if (op != ExprOp::Constant && op != ExprOp::Variable) {
      constant = true;
      for (int k : inputs) {
        const ExprNode& n = g.nodes[static_cast<std::size_t>(k)];
        constant = constant && n.is_constant;
        fold = fold && n.op == ExprOp::Constant && n.name.empty();
      }
    }
    if (fold) {
      const double a = g.nodes[static_cast<std::size_t>(inputs[0])].constant;
      const double b = inputs.size() > 1 ? g.nodes[static_cast<std::size_t>(inputs[1])].constant : 0;
      double v = 0, da = 0, db = 0;
      const std::string why = apply(op, a, b, true, v, da, db);
      if (!why.empty()) return fail(why, position);
      g.nodes.resize(g.nodes.size() - inputs.size());
      ExprNode n;
      n.op = ExprOp::Constant;
      n.constant = v;
      n.position = position;
      n.is_constant = true;
      g.nodes.push_back(n);
      out = static_cast<int>(g.nodes.size()) - 1;
      return true;
    }
    if (static_cast<int>(g.nodes.size()) >= kMaxExpressionNodes)
      return fail("the graph would have more than " + std::to_string(kMaxExpressionNodes) + " nodes", position);
    ExprNode n;
    n.op = op;
    n.inputs = std::move(inputs);
    n.position = position;
    n.is_constant = constant;
    g.nodes.push_back(n);
    out = static_cast<int>(g.nodes.size()) - 1;
    return true;
  }

  bool expect_operand(const Token& t, const char* after) {
    if (t.kind == Tok::End || t.kind == Tok::Separator)
      return fail(std::string("the expression ends early: a value must follow ") + after, t.position);
    return fail(std::string("unexpected ") + token_text(t) + " where a value must follow " + after, t.position);
  }

  // expression := term (('+' | '-') term)*
  bool expression(int& out) {
    if (!term(out)) return false;
    while (peek().kind == Tok::Plus || peek().kind == Tok::Minus) {
      const Token op = toks[at++];
      int right = 0;
      if (!term(right)) return false;
      if (!add(op.kind == Tok::Plus ? ExprOp::Add : ExprOp::Subtract, {out, right}, op.position, out)) return false;
    }
    return true;
  }

  // term := unary (('*' | '/') unary)*
  bool term(int& out) {
    if (!unary(out)) return false;
    while (peek().kind == Tok::Times || peek().kind == Tok::Divide) {
      const Token op = toks[at++];
      int right = 0;
      if (!unary(right)) return false;
      if (!add(op.kind == Tok::Times ? ExprOp::Multiply : ExprOp::Divide, {out, right}, op.position, out)) return false;
    }
    return true;
  }

  // unary := ('-' | '+') unary | power      (so -x^2 = -(x^2), as in maths)
  bool unary(int& out) {
    const Token t = peek();
    if (t.kind == Tok::Minus || t.kind == Tok::Plus) {
      ++at;
      if (!deeper(t.position)) return false;
      int inner = 0;
      const bool ok = unary(inner);
      --depth;
      if (!ok) return false;
      if (t.kind == Tok::Plus) {
        out = inner;
        return true;
      }
      return add(ExprOp::Negate, {inner}, t.position, out);
    }
    return power(out);
  }

  // power := primary ('^' unary)?            (right-associative: 2^3^2 = 2^9; 2^-1 allowed)
  bool power(int& out) {
    if (!primary(out)) return false;
    if (peek().kind != Tok::Power) return true;
    const Token op = toks[at++];
    if (!deeper(op.position)) return false;
    int exponent = 0;
    const bool ok = unary(exponent);
    --depth;
    return ok && add(ExprOp::Power, {out, exponent}, op.position, out);
  }

  // primary := number | name | function '(' expression ')' | '(' expression ')'
  bool primary(int& out) {
    const Token t = peek();
    if (t.kind == Tok::Number) {
      ++at;
      if (!add(ExprOp::Constant, {}, t.position, out)) return false;
      g.nodes.back().constant = t.number;
      return true;
    }
    if (t.kind == Tok::LParen) {
      ++at;
      if (!deeper(t.position)) return false;
      if (peek().kind == Tok::RParen) return fail("empty parentheses: a value must go inside", peek().position);
      const bool ok = expression(out);
      --depth;
      if (!ok) return false;
      if (peek().kind != Tok::RParen)
        return fail("missing ')' to close the '(' at character " + std::to_string(t.position + 1) + " (found " +
                        token_text(peek()) + ")",
                    peek().position);
      ++at;
      return true;
    }
    if (t.kind == Tok::Name) {
      ++at;
      ExprOp f{};
      const bool is_function = function_of(t.text, f);
      if (peek().kind == Tok::LParen) {
        if (!is_function)
          return fail("unknown function '" + t.text + "' (exp, log, sigmoid, tanh, relu; write " + t.text +
                          "*(...) to multiply)",
                      t.position);
        const Token open = toks[at++];
        if (!deeper(open.position)) return false;
        if (peek().kind == Tok::RParen) return fail(t.text + "() needs a value inside", peek().position);
        int inner = 0;
        const bool ok = expression(inner);
        --depth;
        if (!ok) return false;
        if (peek().kind != Tok::RParen)
          return fail("missing ')' to close " + t.text + "( at character " + std::to_string(open.position + 1) +
                          " (found " + token_text(peek()) + ")",
                      peek().position);
        ++at;
        return add(f, {inner}, t.position, out);
      }
      if (is_function) return fail("'" + t.text + "' is a function: write " + t.text + "(...)", t.position);
      const auto bound = names.find(t.text);
      if (bound != names.end()) {
        out = bound->second;
        return true;
      }
      if (!add(ExprOp::Variable, {}, t.position, out)) return false;
      g.nodes.back().name = t.text;
      g.variables.push_back(out);
      names[t.text] = out;
      return true;
    }
    if (t.kind == Tok::End || t.kind == Tok::Separator)
      return fail("the expression ends where a value is expected", t.position);
    return fail("unexpected " + token_text(t) + " where a value is expected", t.position);
  }

  // After a complete value: say why the next token cannot follow it.
  bool after_value() {
    const Token t = peek();
    if (t.kind == Tok::Separator || t.kind == Tok::End) return true;
    if (t.kind == Tok::RParen) return fail("unexpected ')' without a matching '('", t.position);
    if (t.kind == Tok::Assign)
      return fail("unexpected '=': only a name can be assigned, at the start of a statement", t.position);
    if (t.kind == Tok::Name || t.kind == Tok::Number || t.kind == Tok::LParen)
      return fail(
          "unexpected " + token_text(t) + " after a complete value: an operator is missing (write * to multiply)",
          t.position);
    return fail("unexpected " + token_text(t), t.position);
  }

  bool statement(bool& last) {
    const Token first = peek();
    if (first.kind == Tok::Name && peek(1).kind == Tok::Assign) {
      at += 2;
      const std::string& name = first.text;
      ExprOp f{};
      if (function_of(name, f)) return fail("'" + name + "' is a function and cannot be assigned", first.position);
      if (assigned.count(name)) return fail("'" + name + "' is assigned twice", first.position);
      if (names.count(name))
        return fail("'" + name + "' is used as an input before this assignment: assign it before using it",
                    first.position);
      int node = 0;
      if (peek().kind == Tok::Separator || peek().kind == Tok::End)
        return fail("nothing after '" + name + " =': a value must follow", peek().position);
      if (!expression(node) || !after_value()) return false;
      ExprNode& n = g.nodes[static_cast<std::size_t>(node)];
      if (n.name.empty()) n.name = name;  // else an alias of a named node: the name refers to it
      names[name] = node;
      assigned[name] = first.position;
      g.output = node;
    } else {
      int node = 0;
      if (!expression(node) || !after_value()) return false;
      g.output = node;
    }
    while (peek().kind == Tok::Separator) ++at;
    last = peek().kind == Tok::End;
    return true;
  }
};

}  // namespace

ExprError parse_expression(const std::string& text, ExprGraph& out) {
  out = ExprGraph();
  // The limit counts characters (code points), as the learner's box shows them, not UTF-8 bytes:
  // "×" and "σ" are two bytes each. The error sits at the first character past it, as JS counts.
  int characters = 0, u16 = 0;
  for (const char byte : text) {
    const auto c = static_cast<unsigned char>(byte);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte
    if (++characters > kMaxExpressionLength)
      return {"the text is longer than " + std::to_string(kMaxExpressionLength) + " characters", u16};
    u16 += utf8_length(c) == 4 ? 2 : 1;
  }
  Parser p;
  ExprError e = lex(text, p.toks);
  if (!e.ok()) return e;
  while (p.peek().kind == Tok::Separator) ++p.at;
  if (p.peek().kind == Tok::End) return {"the expression is empty: type one, e.g. (x + y) * z", 0};
  bool last = false;
  while (!last) {
    const Token first = p.peek();
    const bool assignment = first.kind == Tok::Name && p.peek(1).kind == Tok::Assign;
    if (!p.statement(last)) return p.error;
    if (!last && !assignment)
      return {"only the last statement can be a bare expression: name this one (e.g. a = ...) and use it",
              first.position};
  }
  // Every assignment but the output's must feed the output (the output is the last node made).
  std::vector<int> users(p.g.nodes.size(), 0);
  for (const auto& n : p.g.nodes)
    for (int k : n.inputs) ++users[static_cast<std::size_t>(k)];
  for (const auto& [name, position] : p.assigned) {
    const int node = p.names[name];
    if (node != p.g.output && users[static_cast<std::size_t>(node)] == 0)
      return {"'" + name + "' is assigned but the output does not use it", position};
  }
  if (p.g.output != static_cast<int>(p.g.nodes.size()) - 1)
    return {"the last statement must use what the statements before it computed", p.peek().position};
  out = std::move(p.g);
  return {};
}

// ---- printing ----

namespace {

std::string exact_number_text(double v) {
  char buf[40];
  for (int digits = 15; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

// Precedence of a node as printed: 1 + -, 2 * /, 3 unary minus (and negative numbers), 4 ^, 5 atoms.
int precedence(const ExprGraph& g, int i, bool top) {
  const ExprNode& n = g.nodes[static_cast<std::size_t>(i)];
  if (!top && !n.name.empty()) return 5;
  switch (n.op) {
    case ExprOp::Constant: return n.constant < 0 || (n.constant == 0 && std::signbit(n.constant)) ? 3 : 5;
    case ExprOp::Add:
    case ExprOp::Subtract: return 1;
    case ExprOp::Multiply:
    case ExprOp::Divide: return 2;
    case ExprOp::Negate: return 3;
    case ExprOp::Power: return 4;
    default: return 5;
  }
}

std::string print_node(const ExprGraph& g, int i, bool top) {
  const ExprNode& n = g.nodes[static_cast<std::size_t>(i)];
  if (!n.name.empty() && (!top || n.op == ExprOp::Variable)) return n.name;
  auto wrap = [&](int k, int least) {
    const std::string s = print_node(g, k, false);
    return precedence(g, k, false) < least ? "(" + s + ")" : s;
  };
  switch (n.op) {
    case ExprOp::Constant: return exact_number_text(n.constant);
    case ExprOp::Variable: return n.name;
    case ExprOp::Add:
    case ExprOp::Subtract:
    case ExprOp::Multiply:
    case ExprOp::Divide: {
      const int p = precedence(g, i, true);
      const char* op = n.op == ExprOp::Add        ? " + "
                       : n.op == ExprOp::Subtract ? " - "
                       : n.op == ExprOp::Multiply ? "*"
                                                  : "/";
      return wrap(n.inputs[0], p) + op + wrap(n.inputs[1], p + 1);  // left-associative
    }
    case ExprOp::Power: return wrap(n.inputs[0], 5) + "^" + wrap(n.inputs[1], 3);
    case ExprOp::Negate: return "-" + wrap(n.inputs[0], 3);
    default: return std::string(expr_op_name(n.op)) + "(" + print_node(g, n.inputs[0], false) + ")";
  }
}

}  // namespace

std::string print_expression(const ExprGraph& g) {
  std::string out;
  for (std::size_t i = 0; i < g.nodes.size(); ++i) {
    const ExprNode& n = g.nodes[i];
    const bool is_output = static_cast<int>(i) == g.output;
    if (n.op == ExprOp::Variable && !is_output) continue;
    if (n.name.empty() && !is_output) continue;
    if (!out.empty()) out += "; ";
    if (!n.name.empty() && n.op != ExprOp::Variable) out += n.name + " = ";
    out += print_node(g, static_cast<int>(i), true);
  }
  return out;
}

bool same_graph(const ExprGraph& a, const ExprGraph& b) {
  if (a.nodes.size() != b.nodes.size() || a.variables != b.variables || a.output != b.output) return false;
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    const ExprNode &x = a.nodes[i], &y = b.nodes[i];
    if (x.op != y.op || x.name != y.name || x.inputs != y.inputs || x.is_constant != y.is_constant) return false;
    if (x.op == ExprOp::Constant && !(x.constant == y.constant && std::signbit(x.constant) == std::signbit(y.constant)))
      return false;
  }
  return true;
}

// ---- evaluation ----

namespace {

// The paths from `target` to the output, found walking down from the output: `stack` holds the
// nodes from the output to `node`, `product` the locals along them.
void list_paths(const ExprGraph& g, const ExprEvaluation& ev, const std::vector<std::vector<int>>& in_edges,
                const std::vector<char>& depends, int target, int node, std::vector<int>& stack,
                std::vector<int>& edge_stack, double product, std::vector<ExprPath>& out) {
  if (out.size() >= static_cast<std::size_t>(kMaxListedPaths)) return;
  stack.push_back(node);
  if (node == target) {
    ExprPath p;
    p.nodes.assign(stack.rbegin(), stack.rend());
    p.edges.assign(edge_stack.rbegin(), edge_stack.rend());
    p.product = product;
    out.push_back(std::move(p));
  } else {
    for (int e : in_edges[static_cast<std::size_t>(node)]) {
      const ExprEdge& edge = ev.edges[static_cast<std::size_t>(e)];
      if (!depends[static_cast<std::size_t>(edge.from)]) continue;
      edge_stack.push_back(e);
      list_paths(g, ev, in_edges, depends, target, edge.from, stack, edge_stack, product * edge.local, out);
      edge_stack.pop_back();
    }
  }
  stack.pop_back();
}

}  // namespace

ExprError evaluate_expression(const ExprGraph& g, const std::vector<double>& values, ExprEvaluation& out) {
  out = ExprEvaluation();
  const std::size_t n = g.nodes.size();
  if (n == 0 || g.output != static_cast<int>(n) - 1) return {"there is no expression to evaluate", 0};
  if (values.size() != g.variables.size())
    return {
        "expected " + std::to_string(g.variables.size()) + " input values (got " + std::to_string(values.size()) + ")",
        0};
  std::vector<double> value(n, 0);
  std::vector<std::vector<int>> in_edges(n);
  std::vector<ExprEdge> edges;
  for (std::size_t k = 0; k < g.variables.size(); ++k) {
    const ExprNode& v = g.nodes[static_cast<std::size_t>(g.variables[k])];
    if (!std::isfinite(values[k]))
      return {v.name + " must be a finite number (got " + format_number(values[k]) + ")", v.position};
    value[static_cast<std::size_t>(g.variables[k])] = values[k];
  }
  // Forward: values and each edge's local derivative, in node order.
  for (std::size_t i = 0; i < n; ++i) {
    const ExprNode& node = g.nodes[i];
    if (node.op == ExprOp::Constant) value[i] = node.constant;
    if (node.inputs.empty()) continue;
    const double a = value[static_cast<std::size_t>(node.inputs[0])];
    const bool binary = node.inputs.size() > 1;
    const double b = binary ? value[static_cast<std::size_t>(node.inputs[1])] : 0;
    const bool exponent_constant = binary && g.nodes[static_cast<std::size_t>(node.inputs[1])].is_constant;
    double da = 0, db = 0;
    const std::string why = apply(node.op, a, b, exponent_constant, value[i], da, db);
    if (!why.empty()) return {why, node.position};
    for (std::size_t k = 0; k < node.inputs.size(); ++k) {
      ExprEdge e;
      e.from = node.inputs[k];
      e.to = static_cast<int>(i);
      e.slot = static_cast<int>(k);
      // An edge from a constant part carries no gradient: its slope is not reported.
      e.local = g.nodes[static_cast<std::size_t>(e.from)].is_constant ? std::numeric_limits<double>::quiet_NaN()
                : k == 0                                              ? da
                                                                      : db;
      in_edges[i].push_back(static_cast<int>(edges.size()));
      edges.push_back(e);
    }
  }
  // Reverse: from the output down, each node's gradient is final once every user has added its
  // part; it is then used (memoised) for every edge below it: grad[input] += grad[node] * local.
  std::vector<double> grad(n, 0);
  const int output = g.output;
  if (!g.nodes[static_cast<std::size_t>(output)].is_constant) grad[static_cast<std::size_t>(output)] = 1;
  for (int i = output; i >= 0; --i) {
    const auto ui = static_cast<std::size_t>(i);
    if (g.nodes[ui].is_constant) continue;
    if (!std::isfinite(grad[ui])) return {"the gradient overflows here", g.nodes[ui].position};
    out.reverse_nodes.push_back(i);
    for (int e : in_edges[ui]) {
      ExprEdge& edge = edges[static_cast<std::size_t>(e)];
      edge.upstream = grad[ui];
      edge.gradient = edge.upstream * edge.local;
      if (g.nodes[static_cast<std::size_t>(edge.from)].is_constant) continue;
      grad[static_cast<std::size_t>(edge.from)] += edge.gradient;  // chain rule; sums over every path
      out.reverse_edges.push_back(e);
    }
  }
  // Forward mode: one pass per input, each node's tangent (its derivative along that input) the
  // sum over its in-edges of local x the tangent its input carries, as a dual number's derivative
  // part. The locals are the reverse pass's, from apply(): one table of slopes, so the two modes
  // differ only in the order they multiply and add, never in a slope (tanh' and sigmoid' at large |z|, where 1 - tanh^2
  // rounds to 0, included).
  for (int var : g.variables) {
    std::vector<double> tangent(n, 0);
    tangent[static_cast<std::size_t>(var)] = 1;
    for (std::size_t i = 0; i < n; ++i)
      for (int e : in_edges[i]) {
        const ExprEdge& edge = edges[static_cast<std::size_t>(e)];
        if (g.nodes[static_cast<std::size_t>(edge.from)].is_constant) continue;  // no local, tangent 0
        tangent[i] += edge.local * tangent[static_cast<std::size_t>(edge.from)];
      }
    out.forward_grad.push_back(tangent[static_cast<std::size_t>(output)]);
    out.tangents.push_back(std::move(tangent));
  }
  out.value = std::move(value);
  out.grad = std::move(grad);
  out.edges = std::move(edges);
  // Paths from each input to the output: counted by the same recursion as the gradient (with
  // every local replaced by 1), the first few listed with the product of their locals.
  std::vector<double> count(n, 0);
  count[static_cast<std::size_t>(output)] = 1;
  for (int i = output; i >= 0; --i)
    for (int e : in_edges[static_cast<std::size_t>(i)])
      count[static_cast<std::size_t>(out.edges[static_cast<std::size_t>(e)].from)] +=
          count[static_cast<std::size_t>(i)];
  for (int var : g.variables) {
    out.path_count.push_back(count[static_cast<std::size_t>(var)]);
    std::vector<char> depends(n, 0);  // depends[i]: node i is var or computed from it
    depends[static_cast<std::size_t>(var)] = 1;
    for (std::size_t i = 0; i < n; ++i)
      for (int k : g.nodes[i].inputs) depends[i] = depends[i] || depends[static_cast<std::size_t>(k)];
    std::vector<ExprPath> paths;
    std::vector<int> stack, edge_stack;
    if (depends[static_cast<std::size_t>(output)])
      list_paths(g, out, in_edges, depends, var, output, stack, edge_stack, 1, paths);
    out.paths.push_back(std::move(paths));
  }
  return {};
}

const std::vector<ExprPreset>& expression_presets() {
  static const std::vector<ExprPreset> presets = {
      {"sum-times", "f = (x + y)\u00b7z", "q = x + y; f = q*z", {{"x", -2}, {"y", 5}, {"z", -4}}},
      {"linear-regression",
       "Linear regression: L = (w0 + w1\u00b7x \u2212 y)\u00b2",
       "u = w1*x; yhat = w0 + u; z = yhat - y; L = z^2",
       {{"w1", 2}, {"x", 3}, {"w0", 1}, {"y", 4}}},
      {"composition",
       "f(g(x)) = 2g\u00b2 \u2212 3g + 1, g = x\u00b3 + 2x",
       "g = x^3 + 2*x; f = 2*g^2 - 3*g + 1",
       {{"x", 1}}},
      {"fork",
       "h(f(x), g(x)) = 2f\u00b2 \u2212 3fg + 1: x forks",
       "f = 3*x; g = x^2 + 2*x; h = 2*f^2 - 3*f*g + 1",
       {{"x", 1}}},
      {"sigmoid-neuron",
       "One sigmoid neuron, squared error",
       "z = w1*x1 + w2*x2 + b; a = sigmoid(z); L = 0.5*(a - t)^2",
       {{"w1", 0.5}, {"x1", 1}, {"w2", -0.25}, {"x2", 2}, {"b", 0}, {"t", 1}}},
  };
  return presets;
}

}  // namespace bp
