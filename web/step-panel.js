// The "watch one training step" panel: traces a step in the core (the next example, the next
// mini-batch, or a training point the learner clicks), then plays it phase by phase on the step
// view with next / previous / play / pause / speed, and typesets the chain rule for the unit,
// link or bias the learner clicks. Every number is the core's trace; this file only wires.
import { EngineError } from './engine.js';
import {
  buildPhases, phaseIndex, phaseText, unitName, unitReveals, linkQuantity, stepParamIndex, winningPiece, slopeIndex,
} from './step-phases.js';
import { createStepView } from './views/step-view.js';
import { formatNumber } from './views/format.js';
import { t, language, onLanguageChange } from './i18n/i18n.js';
import { createDataPlot, nearestPoint } from './views/data-plot.js';
import { batchGradientsSvg } from './views/batch-gradients.js';
import { breakLongLines } from './views/equation-breaks.js';
import { textScale, onTextScaleChange } from './views/text-scale.js';
import * as player from './step-player.js';
import {
  forwardEquation, lossEquation, deltaEquation, weightGradientEquation, batchAverageEquation, updateEquation,
  maxoutEquation, preluSlopeEquation,
} from './views/equations.js';
import { onThemeChange } from './theme.js';

const PICK_RADIUS = 0.6;  // plane units: how close a click must be to a point to pick it

/**
 * @param {object} deps { engine(): Engine, state(): page state, onTrained(), showMessage(text, kind, { until }),
 *   requestRender(), requestFrame(): the page's animation loop, which calls frame() while it returns true }
 */
export function createStepPanel(deps) {
  /**
   * The element with this id: an HTMLElement, or the type the caller declares.
   * @template {HTMLElement} [T=HTMLElement]
   * @param {string} id
   * @returns {T}
   */
  const $ = (id) => /** @type {T} */ (document.getElementById(id));
  const root = $('step-panel');
  const panel = {
    step: null, traced: 0, phases: [], clock: player.createPlayer(1), example: 0, selected: null,
    featureNames: [], points: /** @type {number[][]|null} */ (null), sizes: [], activations: [], loss: /** @type {import('./engine.js').LossName} */ ('mse'), last: 0, visible: false,
  };
  const view = createStepView($('step-network'), { onSelect: (item) => {
    panel.selected = item;
    draw();
    if (item) $('step-equation').scrollIntoView({ block: 'nearest' });  // under the diagram: bring it into view
  } });
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && panel.selected) { panel.selected = null; draw(); }
  });
  const picker = createDataPlot($('step-picker'), { size: 220, onPick: pick });
  new IntersectionObserver(([entry]) => {
    panel.visible = entry.isIntersecting;
    if (panel.visible) deps.requestRender();  // the picker is only drawn while it can be seen
  }).observe(root);

  function trace(run) {
    const refused = deps.refuse?.();  // e.g. no points to step on: say why instead of tracing
    if (refused) { deps.showMessage(refused, 'info', { until: () => !deps.refuse?.() }); return; }
    const engine = deps.engine();
    let step;
    try {
      step = run(engine);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      deps.onTrained();  // a step that diverged still changed the weights: show where they are
      deps.showMessage(e.message);
      return;
    }
    const s = deps.state();
    const sizes = engine.layerSizes();
    panel.step = step;
    panel.traced += 1;
    panel.sizes = sizes;
    panel.featureNames = s.features;
    // Standardised inputs are not the points' coordinates: the text gives both.
    const { xy, inputs } = engine.dataset();
    panel.points = s.inputScaling === 'standardise' ? Array.from(step.batch, (i) => Array.from(xy.subarray(2 * i, 2 * i + inputs))) : null;
    panel.activations = ['feature', ...sizes.slice(1, -1).map(() => s.activation), s.outputActivation];
    panel.loss = s.loss;
    panel.phases = buildPhases(sizes, step.examples.length);
    panel.example = 0;
    panel.selected = null;
    panel.clock = player.createPlayer(panel.phases.length, Number(/** @type {HTMLInputElement} */ ($('step-speed')).value));
    panel.clock.progress = 0;  // play from the example itself
    player.play(panel.clock);
    fillExampleChoice();
    buildTimeline();
    deps.onTrained();
    root.classList.add('has-step');
    draw();
  }

  // The picker draws the training points only, so only they can be picked.
  function pick(x1, x2) {
    const data = deps.engine().dataset();
    const best = nearestPoint(data.xy, x1, x2, PICK_RADIUS, data.train);
    if (best < 0) {
      const traced = panel.traced;  // said until the next step is traced
      deps.showMessage('Click on a training point to trace a step on it.', 'info', { until: () => panel.traced > traced });
      return;
    }
    trace((engine) => engine.traceStepOn(best));
  }

  function fillExampleChoice() {
    const select = /** @type {HTMLSelectElement} */ ($('step-example'));
    select.replaceChildren(...Array.from(panel.step.batch, (point, i) => new Option(t('example {n} (point {point})', { n: i + 1, point }), String(i))));
    select.value = String(panel.example);
    $('step-example-field').hidden = panel.step.batch.length < 2;
  }

  function buildTimeline() {
    $('step-timeline').replaceChildren(...panel.phases.map((p, i) => {
      const b = document.createElement('button');
      b.type = 'button';
      // Arrows show which way the numbers flow between the two columns: x→h1 forward, h1←h2 backward.
      const column = (c) => (c === 0 ? 'x' : c === panel.sizes.length - 1 ? t('out') : `h${c}`);
      const words = { example: t('example'), loss: t('loss'), average: t('average'), update: t('update') };
      b.textContent = p.kind === 'forward' ? `${column(p.layer)}→${column(p.layer + 1)}`
        : p.kind === 'backward' ? `${column(p.layer)}←${column(p.layer + 1)}` : words[p.kind];
      b.title = p.title;
      b.setAttribute('aria-label', p.title);
      b.addEventListener('click', () => { player.seek(panel.clock, i); draw(); });
      return b;
    }));
  }

  // ---- equations for the selected item: every stage it has reached, in order ----

  function context() {
    const { step } = panel;
    return { step, example: panel.example, sizes: panel.sizes, featureNames: panel.featureNames,
      activations: panel.activations, loss: panel.loss, optimizer: step.optimizer, l1: step.settings.l1, l2: step.settings.l2,
      points: panel.points };
  }

  const name = (column, unit) => unitName(panel.featureNames, panel.sizes, column, unit);
  // The dropout mask the step drew for a unit of the shown example (undefined without dropout).
  const maskOf = (column, unit) => {
    const mask = panel.step.examples[panel.example].layers[column - 1]?.mask;
    return mask && mask.length > 0 ? mask[unit] : undefined;
  };

  // Where a parameter of the step lives (a maxout unit's: the piece that won for the shown example).
  const indexOf = (layer, to, from) => stepParamIndex(panel.step, panel.sizes, panel.example, layer, to, from);

  function forwardOf(column, unit) {
    const { step, sizes } = panel;
    const layer = step.examples[panel.example].layers[column - 1];
    const rows = sizes[column];
    return forwardEquation({
      unit: name(column, unit), activation: panel.activations[column],
      terms: Array.from(layer.aPrev, (a, i) => ({ from: name(column - 1, i), w: step.paramsBefore[indexOf(column - 1, unit, i)],
        a, contribution: layer.contribution[unit + i * rows] })),
      bias: step.paramsBefore[indexOf(column - 1, unit, 'bias')], z: layer.z[unit], out: layer.a[unit],
      mask: maskOf(column, unit),
    });
  }

  // A maxout unit: each piece's z and the winner (the forward equation above is the winner's).
  function piecesOf(column, unit) {
    const layer = panel.step.examples[panel.example].layers[column - 1];
    const rows = panel.sizes[column], k = layer.pieces.length / rows;
    const pieces = Array.from({ length: k }, (_, p) => layer.pieces[unit + p * rows]);
    const winner = layer.winner[unit];
    return maxoutEquation({ unit: name(column, unit), pieces, winner, z: layer.z[unit] }) +
      `<p class="maxout-pieces" data-winner="${winner}" data-pieces="${pieces.join(' ')}" data-z="${layer.z[unit]}">` +
      `${t('Piece {n} wins. The forward equation above is its sum; the others\' are computed the same way with their own weights.', { n: winner + 1 })}</p>`;
  }

  // A PReLU unit: its slope's gradient for the shown example.
  function slopeGradientOf(column, unit) {
    const layer = panel.step.examples[panel.example].layers[column - 1];
    return preluSlopeEquation({ unit: name(column, unit), dLda: layer.dLossDA[unit], z: layer.z[unit],
      mask: maskOf(column, unit), grad: layer.dSlope[unit] }) +
      `<p class="hint prelu-slope" data-grad="${layer.dSlope[unit]}" data-slope="${layer.slopes[unit]}">` +
      `This example's ∂L/∂slope; the update uses the mean over the batch.</p>`;
  }

  function slopeUpdateOf(column, unit) {
    const { step } = panel;
    const s = step.settings;
    const k = slopeIndex(panel.sizes, column - 1, unit);
    const at = (values) => (values && values.length > k ? values[k] : undefined);
    return updateEquation({
      param: { slope: name(column, unit) }, optimizer: step.optimizer, lr: step.learningRate,
      w: step.paramsBefore[k], wAfter: step.paramsAfter[k], update: step.update[k],
      gData: step.dataGradient[k], gReg: step.regularizationGradient[k], g: step.appliedGradient[k],
      momentum: s.momentum, beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon,
      vBefore: at(step.velocityBefore), vAfter: at(step.velocityAfter),
      adamMBefore: at(step.moment1Before), adamVBefore: at(step.moment2Before), t: step.adamStep || undefined,
      m: at(step.moment1), v: at(step.moment2), mHat: at(step.moment1Hat), vHat: at(step.moment2Hat),
    }) + `<p class="hint prelu-slope-update" data-before="${step.paramsBefore[k]}" data-after="${step.paramsAfter[k]}" ` +
      `data-gradient="${step.dataGradient[k]}">${t('The batch\'s mean ∂J/∂slope = {value}; slopes are never penalised.', { value: formatNumber(step.dataGradient[k]) })}</p>`;
  }

  function deltaOf(column, unit) {
    const { step, sizes } = panel;
    const ex = step.examples[panel.example];
    const layer = ex.layers[column - 1];
    const isOutput = column === sizes.length - 1;
    const next = ex.layers[column];
    return deltaEquation({
      unit: name(column, unit), isOutput, loss: panel.loss, activation: panel.activations[column],
      dLda: layer.dLossDA[unit], gradAct: layer.gradAct[unit], delta: layer.delta[unit], a: layer.a[unit], y: isOutput ? ex.target[unit] : undefined,
      paths: isOutput ? [] : Array.from(next.delta, (delta, k) => ({ to: name(column + 1, k), w: step.paramsBefore[indexOf(column, k, unit)], delta })),
      mask: maskOf(column, unit),
    });
  }

  function gradientOf(layer, to, from) {
    const ex = panel.step.examples[panel.example];
    const tr = ex.layers[layer];
    const rows = panel.sizes[layer + 1];
    const isBias = from === 'bias';
    return weightGradientEquation({
      from: isBias ? undefined : name(layer, from), to: name(layer + 1, to), isBias,
      dLda: tr.dLossDA[to], gradAct: tr.gradAct[to], aPrev: isBias ? 1 : tr.aPrev[from], delta: tr.delta[to],
      grad: isBias ? tr.db[to] : tr.dW[to + from * rows],
      cancels: layer + 1 === panel.sizes.length - 1 && panel.loss !== 'mse',
      mask: maskOf(layer + 1, to),
    });
  }

  function paramName(layer, to, from) {
    const layerTrace = panel.step.examples[panel.example].layers[layer];
    const piece = layerTrace.winner?.length > 0 ? ` ${t('(maxout piece {n}, the winner for this example)', { n: layerTrace.winner[to] + 1 })}` : '';
    return (from === 'bias' ? `b ${name(layer + 1, to)}` : `w ${name(layer, from)}→${name(layer + 1, to)}`) + piece;
  }
  const param = (layer, to, from) => (from === 'bias' ? { bias: name(layer + 1, to) } : { from: name(layer, from), to: name(layer + 1, to) });

  function averageOf(layer, to, from) {
    const rows = panel.sizes[layer + 1];
    const k = indexOf(layer, to, from);
    // A maxout piece gets nothing from an example where another piece won.
    const piece = winningPiece(panel.step, panel.example, layer, to);
    const perExample = panel.step.examples.map((ex, i) => (winningPiece(panel.step, i, layer, to) !== piece ? 0
      : from === 'bias' ? ex.layers[layer].db[to] : ex.layers[layer].dW[to + from * rows]));
    const mean = panel.step.dataGradient[k];
    const name = paramName(layer, to, from);
    return batchAverageEquation({ param: param(layer, to, from), perExample, mean }) +
      batchGradientsSvg({ name, values: perExample, mean, current: panel.example, points: panel.step.batch }) +
      '<p class="hint">Each example\'s gradient, and their mean; click a bar to follow that example.</p>';
  }

  function updateOf(layer, to, from) {
    const { step } = panel;
    const s = step.settings;  // the constants the core's update used
    const k = indexOf(layer, to, from);
    const at = (values) => (values && values.length > k ? values[k] : undefined);
    const weight = from !== 'bias';  // L1/L2 apply to weights only
    return updateEquation({
      param: param(layer, to, from), optimizer: step.optimizer, lr: step.learningRate,
      w: step.paramsBefore[k], wAfter: step.paramsAfter[k], update: step.update[k],
      gData: step.dataGradient[k], gReg: step.regularizationGradient[k], g: step.appliedGradient[k],
      l1: weight ? s.l1 : 0, l2: weight ? s.l2 : 0, momentum: s.momentum, beta1: s.beta1, beta2: s.beta2, epsilon: s.epsilon,
      vBefore: at(step.velocityBefore), vAfter: at(step.velocityAfter),
      adamMBefore: at(step.moment1Before), adamVBefore: at(step.moment2Before), t: step.adamStep || undefined,
      m: at(step.moment1), v: at(step.moment2), mHat: at(step.moment1Hat), vHat: at(step.moment2Hat),
    });
  }

  function equations(item, at) {
    const { phases } = panel;
    const blocks = [];
    const add = (title, math) => blocks.push({ title, math });
    if (item.type === 'unit') {
      const shown = unitReveals(phases, at, item.column);
      const trace = panel.step.examples[panel.example].layers[item.column - 1] ?? {};  // column 0: an input
      if (shown.forward) add('Forward', forwardOf(item.column, item.unit));
      if (shown.forward && trace.winner?.length > 0) add('Maxout: its pieces', piecesOf(item.column, item.unit));
      if (shown.loss) {
        const ex = panel.step.examples[panel.example];
        add('Loss', lossEquation({ loss: panel.loss, value: ex.loss,
          outputs: Array.from(ex.output, (a, j) => ({ name: name(panel.sizes.length - 1, j), a, y: ex.target[j], dLda: ex.dLossDOutput[j] })) }));
      }
      if (shown.backward) add('Backward: its δ', deltaOf(item.column, item.unit));
      if (shown.backward && trace.dSlope?.length > 0) add('Backward: its slope', slopeGradientOf(item.column, item.unit));
      if (trace.dSlope?.length > 0 && phaseIndex(phases, 'update') <= at) add('Update: its slope', slopeUpdateOf(item.column, item.unit));
      return blocks;
    }
    const { layer, to } = item;
    const from = item.type === 'bias' ? 'bias' : item.from;
    const q = linkQuantity(phases, at, layer);
    if (q === 'weight') return blocks;
    add('Forward', forwardOf(layer + 1, to));
    if (q === 'contribution') return blocks;
    add('Backward: its gradient', gradientOf(layer, to, from));
    if (phaseIndex(phases, 'average') >= 0 && q !== 'gradient') add('Batch average', averageOf(layer, to, from));
    if (q === 'update') add('Update', updateOf(layer, to, from));
    return blocks;
  }

  function drawEquations(at) {
    const box = $('step-equation');
    const item = panel.selected;
    // MathML is rebuilt only when what it shows changes: the step, the item, the phase, the example
    // (or the room it has, for the line breaks, or the language, or the text size its bars follow).
    const key = `${panel.traced}|${JSON.stringify(item)}|${at}|${panel.example}|${box.clientWidth}|${language()}|${textScale()}`;
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    if (!item) {
      box.innerHTML = '<p class="hint">Click a unit, a link or a bias square to see its equation with these numbers.</p>';
      return;
    }
    const title = item.type === 'unit' ? name(item.column, item.unit) : paramName(item.layer, item.to, item.type === 'bias' ? 'bias' : item.from);
    const blocks = equations(item, at);
    box.innerHTML = `<h3>${title.replace(/</g, '&lt;')}</h3>` + (blocks.length === 0
      ? `<p class="hint">${t('Not reached yet at this phase: press Next.')}</p>`
      : blocks.map((b) => `<section data-stage="${b.title}"><h4>${b.title}</h4>${b.math}</section>`).join(''));
    for (const math of box.querySelectorAll('math')) breakLongLines(math, box.clientWidth - 16);
  }

  // A learner who asked for less motion sees each phase finished from its first frame (its numbers,
  // the weights at their new values) with no pulses running along the links; Play still dwells on
  // each phase as long, so every phase is there to read.
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  function draw() {
    if (!panel.step) return;
    const { clock, phases } = panel;
    const progress = reducedMotion.matches ? 1 : clock.progress;
    const at = player.revealed({ ...clock, progress });
    view.update({ featureNames: panel.featureNames, standardised: Boolean(panel.points), sizes: panel.sizes, step: panel.step, phases,
      phase: clock.phase, progress, revealed: at, example: panel.example, selected: panel.selected });
    const phase = phases[clock.phase];
    const text = (id, value) => { if ($(id).textContent !== value) $(id).textContent = value; };
    text('step-phase', `${clock.phase + 1} / ${phases.length} · ${phase.title}`);
    text('step-text', phaseText(phase, context()));
    [...$('step-timeline').children].forEach((b, i) => {
      if (i === clock.phase) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
    });
    // aria-disabled, not disabled: Next pressed into the last phase (Previous into the first) would
    // otherwise drop the keyboard's focus to the top of the page. A press there does nothing.
    const ends = { 'step-prev': clock.phase === 0, 'step-next': clock.phase === phases.length - 1 };
    for (const [id, none] of Object.entries(ends)) {
      /** @type {HTMLButtonElement} */ ($(id)).disabled = false;
      $(id).setAttribute('aria-disabled', String(none));
    }
    const playing = clock.playing;
    text('step-play', playing ? t('Pause') : t('Play'));
    $('step-play').setAttribute('aria-pressed', String(playing));
    drawEquations(Math.max(0, at));
  }

  onThemeChange(() => draw());  // the diagram's fills are the theme's diverging scale
  document.addEventListener('lecturechange', () => draw());  // the diagram's room changes with its zoom
  onTextScaleChange(() => draw());  // and with the default font size, which draws it larger
  // The phases' titles, the timeline's and the example picker's words were composed at the trace.
  onLanguageChange(() => {
    if (!panel.step) return;
    panel.phases = buildPhases(panel.sizes, panel.step.examples.length);
    fillExampleChoice();
    buildTimeline();
    draw();
  });

  $('step-trace-example').addEventListener('click', () => trace((engine) => engine.traceStep(1)));
  $('step-trace-batch').addEventListener('click', () => trace((engine) => {
    const train = engine.dataset().train.length;
    return engine.traceStep(Math.max(1, Math.min(deps.state().batchSize, train)));
  }));
  $('step-prev').addEventListener('click', () => { player.previous(panel.clock); draw(); });
  $('step-next').addEventListener('click', () => { player.next(panel.clock); draw(); deps.requestFrame(); });
  $('step-play').addEventListener('click', () => {
    if (panel.clock.playing) player.pause(panel.clock);
    else player.play(panel.clock);
    draw();
    deps.requestFrame();
  });
  $('step-speed').addEventListener('input', (e) => {
    panel.clock.speed = Number(/** @type {HTMLInputElement} */ (e.target).value);
    $('step-speed-value').textContent = `${panel.clock.speed}×`;
  });
  function follow(example) {
    panel.example = example;
    /** @type {HTMLSelectElement} */ ($('step-example')).value = String(example);
    draw();
    deps.requestRender();  // the picker rings the example shown
  }
  $('step-example').addEventListener('change', (e) => follow(Number(/** @type {HTMLSelectElement} */ (e.target).value)));
  // A bar of the per-example gradients makes the diagram follow its example.
  const followBar = (target) => {
    const bar = target.closest?.('[data-example]');
    if (!bar) return;
    follow(Number(bar.dataset.example));
    /** @type {SVGElement} */ ($('step-equation').querySelector(`[data-example="${bar.dataset.example}"]`))?.focus();  // rebuilt: keep the place
  };
  $('step-equation').addEventListener('click', (e) => followBar(e.target));
  $('step-equation').addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && /** @type {HTMLElement} */ (e.target).dataset?.example !== undefined) {
      e.preventDefault();
      followBar(e.target);
    }
  });

  return {
    /** Advances the animation; called from the page's animation frame. True while it runs. */
    frame(now) {
      const dt = panel.last ? Math.min(100, now - panel.last) : 0;
      panel.last = now;
      if (panel.step && player.tick(panel.clock, dt)) draw();
      const running = Boolean(panel.step) && (panel.clock.playing || panel.clock.stepping);
      if (!running) panel.last = 0;  // the next animation starts from its first frame, not from the pause
      return running;
    },
    /** The picker plot, with the output heatmap and the traced example ringed. */
    drawPicker(plot) {
      if (!panel.visible) return;
      picker.update({ ...plot, highlight: panel.step ? panel.step.batch[panel.example] : null });
    },
    /** Forgets the traced step: a new network or new data makes it a different story. */
    clear() {
      panel.step = null;
      root.classList.remove('has-step');
      $('step-equation').replaceChildren();
      delete $('step-equation').dataset.key;
    },
  };
}
