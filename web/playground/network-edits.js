// Edits of the network from its diagram: layers and neurons (+/−), features, hovering a unit,
// editing a weight or bias.
import { EngineError } from '../engine.js';
import { page, $, ALL_FEATURES } from './page.js';
import { showMessage } from './messages.js';
import { apply, change } from './settings.js';
import { recordNow } from './training.js';

export function setHidden(hidden) {
  apply({ ...page.state, hidden });
}

export function networkHandlers() {
  return {
    onAddLayer: () => { if (page.state.hidden.length < 8) setHidden([...page.state.hidden, 2]); },
    onRemoveLayer: () => { if (page.state.hidden.length > 0) setHidden(page.state.hidden.slice(0, -1)); },
    onAddNeuron: (l) => { const h = [...page.state.hidden]; if (h[l] < 16) { h[l] += 1; setHidden(h); } },
    onRemoveNeuron: (l) => { const h = [...page.state.hidden]; if (h[l] > 1) { h[l] -= 1; setHidden(h); } },
    onToggleFeature: (name) => {
      const f = page.state.features;
      const features = f.includes(name) ? f.filter((x) => x !== name) : ALL_FEATURES.filter((x) => f.includes(x) || x === name);
      if (features.length === 0) {
        const only = f.join();
        showMessage('The network needs at least one input feature.', 'info', { until: () => page.state.features.join() !== only });
        return;
      }
      change('features', features);
    },
    onHoverNode: (info) => {
      page.hover = info;
      page.dirty = true;
    },
    onEditParam: (edit) => {
      const { layer, to, from, value, piece = 0 } = edit;
      try {
        if (from === 'bias') page.engine.setBias(layer, to, value, piece);
        else page.engine.setWeight(layer, to, from, value, piece);
        page.compare?.editParam(edit);  // compared runs keep learning from the same weights
        page.editedWeights = page.engine.params().slice();
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        showMessage(e.message);
      }
      recordNow();
      page.dirty = true;
    },
    onResize: () => { page.dirty = true; },  // the next frame lays the diagram out for its panel's width
  };
}

/**
 * Asks for gradients while a link or bias is under the pointer or has keyboard focus (its tooltip
 * and spoken label show them).
 */
export function wireGradientHover() {
  const want = (on) => {
    // Redraw when it turns on, even while paused: the open tooltip needs the gradient.
    if (on && !page.gradientOnHover) page.dirty = true;
    page.gradientOnHover = on;
  };
  const onParam = (el) => Boolean(el?.closest?.('[data-param], [data-hit]'));  // or its hit area
  $('network').addEventListener('pointerover', (e) => want(onParam(e.target)));
  $('network').addEventListener('pointerleave', () => want(onParam(document.activeElement)));
  $('network').addEventListener('focusin', (e) => want(onParam(e.target)));
  $('network').addEventListener('focusout', () => want(false));
}
