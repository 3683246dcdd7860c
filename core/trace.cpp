#include "backprop/trace.hpp"

namespace bp {

ExampleTrace trace_example(const Network& net, Loss loss, const Vector& input, const Vector& target,
                           const std::vector<Vector>* masks) {
  Workspace ws;
  ws.reserve(net, 1);
  ws.batch = 1;
  ws.input.col(0) = input;
  ws.target.col(0) = target;
  ws.use_dropout = masks != nullptr;
  if (masks)
    for (int l = 0; l + 1 < net.layer_count(); ++l) ws.dropout_mask[l].col(0) = (*masks)[std::size_t(l)];
  forward(net, ws);
  Vector grad;
  backward(net, loss, ws, grad);  // fills ws.delta, ws.grad_act (hidden layers) and grad

  const int L = net.layer_count();
  ExampleTrace t;
  t.input = input;
  t.target = target;
  t.output = ws.a[L - 1].col(0);
  t.loss = batch_loss_sum(net, loss, ws);
  t.dloss_doutput.resize(t.output.size());
  loss_grad_output(loss, ws.z[L - 1].col(0), t.output, target, t.dloss_doutput);
  for (int l = 0; l < L; ++l) {
    LayerTrace lt;
    lt.a_prev = l == 0 ? Vector(ws.input.col(0)) : Vector(ws.a[l - 1].col(0));
    const int P = net.pieces(l);
    if (P > 1) {
      lt.pieces.resize(net.size(l + 1), P);
      for (int p = 0; p < P; ++p) lt.pieces.col(p) = ws.piece_z[l][std::size_t(p)].col(0);
      lt.winner.assign(ws.winner[l].data(), ws.winner[l].data() + net.size(l + 1));
    }
    // W of each unit's winning piece (piece 0 but for maxout), and its gradient below.
    const auto won = [&](const Vector& flat, bool bias) {
      Matrix m(net.size(l + 1), bias ? 1 : net.size(l));
      for (int p = 0; p < P; ++p) {
        const Index at = bias ? net.bias_offset(l, p) : net.weight_offset(l, p);
        const ConstMatrixMap piece(flat.data() + at, m.rows(), m.cols());
        for (Index j = 0; j < m.rows(); ++j)
          if (P == 1 || lt.winner[std::size_t(j)] == p) m.row(j) = piece.row(j);
      }
      return m;
    };
    lt.contribution = won(net.params(), false) * lt.a_prev.asDiagonal();  // column i scaled by a_prev(i)
    lt.z = ws.z[l].col(0);
    lt.a = ws.a[l].col(0);
    lt.grad_act.resize(lt.z.size());
    // f'(z) from the unmasked f(z) (sigmoid' = f(1 - f) reads it). Softmax has no per-unit
    // derivative (its Jacobian is folded into delta = a - y): ones.
    Vector f(lt.z.size());
    activate_layer(net, l, lt.z, f);
    activate_layer_grad(net, l, lt.z, f, lt.grad_act);
    if (masks && l + 1 < L) lt.mask = (*masks)[std::size_t(l)];
    // What reaches a from above: the loss itself at the output, else the next layer's deltas sent
    // back through its weights (delta = dloss_da * grad_act (* mask) up to rounding).
    // (A maxout layer above: sum_p W_{l+1,p}^T delta_{l+1,p}, each piece's share of its delta.)
    if (l == L - 1) {
      lt.dloss_da = t.dloss_doutput;
    } else {
      lt.dloss_da = Vector::Zero(net.size(l + 1));
      const int above = net.pieces(l + 1);
      for (int p = 0; p < above; ++p)
        lt.dloss_da += net.W(l + 1, p).transpose() *
                       (above == 1 ? ws.delta[l + 1].col(0) : ws.piece_delta[l + 1][std::size_t(p)].col(0));
    }
    lt.delta = ws.delta[l].col(0);
    lt.dW = won(grad, false);
    lt.db = won(grad, true).col(0);
    if (net.has_slopes(l)) {
      lt.slopes = net.slopes(l);
      lt.dslope = ConstVectorMap(grad.data() + net.slope_offset(l), net.size(l + 1));
    }
    t.layers.push_back(std::move(lt));
  }
  return t;
}

}  // namespace bp
