#include "trace.hpp"

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
    lt.contribution = net.W(l) * lt.a_prev.asDiagonal();  // column i scaled by a_prev(i)
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
    lt.dloss_da = l == L - 1 ? t.dloss_doutput : Vector(net.W(l + 1).transpose() * ws.delta[l + 1].col(0));
    lt.delta = ws.delta[l].col(0);
    lt.dW = ConstMatrixMap(grad.data() + net.weight_offset(l), net.size(l + 1), net.size(l));
    lt.db = ConstVectorMap(grad.data() + net.bias_offset(l), net.size(l + 1));
    if (net.has_slopes(l)) {
      lt.slopes = net.slopes(l);
      lt.dslope = ConstVectorMap(grad.data() + net.slope_offset(l), net.size(l + 1));
    }
    t.layers.push_back(std::move(lt));
  }
  return t;
}

}  // namespace bp
