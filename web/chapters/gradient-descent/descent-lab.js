// The gradient-descent chapter's lab: a loss of two parameters drawn as contours (J on a grid from
// the core), the path of the updates on it, and for linear regression the points with the fitted
// line. The learner picks the surface, the learning rate, the optimiser (or races all three from the
// same start), the batch and decay, then steps; every number is the core's (engine.js Descent).
// Divergence is explained from the path, not just reported.
import { Descent, activationCurve } from '../../engine.js';
import { renderTasks, allOf } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { labListeners, showingRefusals, labChanged } from '../../course/lab-wiring.js';
import { formatNumber, formatTuple } from '../../views/format.js';
import { t, tn } from '../../i18n/i18n.js';
import { svgEl as el } from '../../views/dom.js';
import { CLASS_COLORS } from '../../views/colors.js';
import { drawContours } from '../../views/contours.js';
import { onThemeChange } from '../../theme.js';

const SIZE = 260;
const GRID = 64;

// Points for the data models: a noisy line t ≈ 1 + 2x, and two overlapping classes on a line.
const LINE = { x: [-1, 0, 0.5, 1.5, 2, 3], t: [-2.1, 0.9, 1.2, 3.8, 4.1, 7.2] };
const CLASSES = { x: [-2.5, -1.8, -1.1, -0.4, 0.3, 0.2, 1, 1.6, 2.3, -0.2], t: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1] };

// Per surface: its title, its points (none for the test functions), the window [w0, w1] drawn, and the start.
/** @type {Record<import('../../engine.js').SurfaceName, { title: string, points: { x: number[], t: number[] } | null,
 *   range: [[number, number], [number, number]], start: [number, number] }>} */
export const SURFACES = {
  linear_regression: { title: 'Linear regression', points: LINE, range: [[-3, 5], [-2, 6]], start: [-2.5, -1.5] },
  sigmoid_squared: { title: 'Sigmoid neuron, squared error', points: CLASSES, range: [[-6, 6], [-6, 6]], start: [4, -5] },
  sigmoid_cross_entropy: { title: 'Sigmoid neuron, cross-entropy', points: CLASSES, range: [[-6, 6], [-6, 6]], start: [4, -5] },
  saddle: { title: 'Saddle: w0² − w1²', points: null, range: [[-2, 2], [-2, 2]], start: [-1.8, 0.05] },
  two_minima: { title: 'Two minima', points: null, range: [[-2, 2], [-2, 2]], start: [1.8, 1.6] },
  bowl: { title: 'Elongated bowl: ½(w0² + 20 w1²)', points: null, range: [[-5, 5], [-2.5, 2.5]], start: [-4.5, 1.5] },
};
const RATES = [0.01, 0.03, 0.1, 0.3, 0.55, 0.7, 1];
const RACE = ['sgd', 'momentum', 'adam'];
// Plain SGD in the theme's ink (a CSS variable, so it follows the theme without a redraw).
const RACE_COLORS = { sgd: 'var(--ink)', momentum: CLASS_COLORS[2] ?? '#009E73', adam: '#CC79A7' };

/**
 * In words, what a path did: converging, oscillating (J fell but the steps flip sign), or
 * diverging (J grew for the last steps: each overshoots the minimum by more than it corrects).
 */
export function describePath(loss, steps, rate) {
  const n = loss.length;
  if (n < 2) return { kind: 'info', text: t('Press Step: each step moves w by −η ∂J/∂w.') };
  const last = loss[n - 1];
  if (!Number.isFinite(last)) {
    return { kind: 'error', text: tn('Diverged: after {n} step J is no longer a number. At η = {rate} each step overshoots the minimum by more than it corrects, so every step lands higher up the other side. Lower the learning rate and reset.',
      'Diverged: after {n} steps J is no longer a number. At η = {rate} each step overshoots the minimum by more than it corrects, so every step lands higher up the other side. Lower the learning rate and reset.',
      steps, { rate: formatNumber(rate) }) };
  }
  const k = Math.min(5, n - 1);
  const growing = loss.slice(n - k - 1).every((v, i, a) => i === 0 || v > a[i - 1]);
  if (growing && last > loss[0]) {
    return { kind: 'warning', text: tn('Diverging: J has grown for {n} step (now {now}, from {from}). At η = {rate} the steps overshoot the minimum more each time. Lower the learning rate.',
      'Diverging: J has grown for {n} steps (now {now}, from {from}). At η = {rate} the steps overshoot the minimum more each time. Lower the learning rate.',
      k, { now: formatNumber(last), from: formatNumber(loss[0]), rate: formatNumber(rate) }) };
  }
  return { kind: 'info', text: t('Step {steps}: J = {now} (from {from}).', { steps, now: formatNumber(last), from: formatNumber(loss[0]) }) };
}

export const descentTasks = [
  { id: 'regression-50', title: 'Fit the line in 50 steps',
    statement: 'On linear regression, full batch and plain gradient descent, find a learning rate that brings J below 0.2 within 50 steps.',
    check: ({ settings, states, loss }) => {
      const s = states[0];
      // J after each step from the start (loss[k]): once below 0.2 within 50 steps, further steps keep it met.
      const reached = loss.findIndex((J) => J < 0.2);
      const inTime = reached >= 0 && reached <= 50;
      // Full batch and a fixed η: a smaller batch or a decaying η also get below 0.2, but that is not this task.
      const setUp = allOf([
        [settings.surface === 'linear_regression' && settings.optimizer === 'sgd' && !settings.race,
          t('choose linear regression and plain gradient descent (sgd), without the race')],
        [settings.batchSize >= LINE.x.length, t('full batch: set Batch to "all points"')],
        [!settings.decay, t('a fixed learning rate: untick the decay')],
      ]);
      return { met: setUp.met && inTime,
        missing: !setUp.met ? setUp.missing
          : [s.steps > 50 ? t('within 50 steps (now {steps}: reset)', { steps: s.steps }) : t('J below 0.2 (now {loss})', { loss: formatNumber(s.loss) })] };
    } },
  { id: 'bowl-diverge', title: 'Too large a step',
    statement: 'On the elongated bowl, find the smallest learning rate in the list at which plain gradient descent diverges. Why that one? (Its curvature along w1 is 20.)',
    check: ({ settings, states }) => {
      const s = states[0];
      const ok = settings.surface === 'bowl' && settings.optimizer === 'sgd' && !settings.race;
      return { met: ok && settings.learningRate === 0.3 && s.steps >= 10 && (s.diverged || s.loss > 1e3),
        missing: [!ok ? t('choose the bowl and plain gradient descent (sgd), without the race')
          : settings.learningRate !== 0.3 ? t('not this rate ({rate}): the smallest above 2/20 = 0.1 is the one', { rate: formatNumber(settings.learningRate) })
            : t('take at least 10 steps')] };
    } },
];


// How far from the plot's centre a path's point may be drawn, in px. A diverging path's points go
// past the float range SVG parses (3.4×10³⁸), and one such number drops the whole polyline: the
// path vanished just as it diverged. A point beyond is pulled in along its direction from the
// centre, so its segments still leave the plot the way they go (within 0.1°).
const FAR = 1e5;
function withinReach(x, y) {
  const dx = x - SIZE / 2, dy = y - SIZE / 2;
  const r = Math.max(Math.abs(dx), Math.abs(dy));
  return r <= FAR ? [x, y] : [SIZE / 2 + (dx / r) * FAR, SIZE / 2 + (dy / r) * FAR];
}

// The paths on the contours (one per racer), each ending at its current point.
function drawPaths(svg, runs, range) {
  const [[lo0, hi0], [lo1, hi1]] = range;
  const px = (w0) => ((w0 - lo0) / (hi0 - lo0)) * SIZE;
  const py = (w1) => SIZE - ((w1 - lo1) / (hi1 - lo1)) * SIZE;
  svg.replaceChildren();
  for (const { name, path } of runs) {
    const w = path.weights;
    const points = [];
    for (let i = 0; i + 1 < w.length; i += 2) {
      const [x, y] = [px(w[i]), py(w[i + 1])];
      if (!Number.isFinite(x) || !Number.isFinite(y)) break;
      const [nearX, nearY] = withinReach(x, y);
      points.push(`${nearX.toFixed(1)},${nearY.toFixed(1)}`);
    }
    svg.append(el('polyline', { points: points.join(' '), class: 'descent-path', stroke: RACE_COLORS[name], 'data-optimizer': name }));
    const [x, y] = (points.at(-1) ?? '0,0').split(',');
    svg.append(el('circle', { cx: x, cy: y, r: 4, fill: RACE_COLORS[name], class: 'descent-now' }));
  }
  svg.append(Object.assign(el('text', { x: SIZE / 2, y: SIZE - 4, class: 'descent-axis' }), { textContent: 'w0' }),
    Object.assign(el('text', { x: 10, y: SIZE / 2, class: 'descent-axis' }), { textContent: 'w1' }));
}

// The data models' points with the model's curve at the current weights (the sigmoid's values from the core).
function drawData(module, svg, surface, points, weights) {
  svg.replaceChildren();
  if (!points) return;
  const xs = points.x, ts = points.t;
  const [lox, hix] = [Math.min(...xs) - 0.5, Math.max(...xs) + 0.5];
  const [lot, hit] = surface === 'linear_regression' ? [Math.min(...ts) - 1, Math.max(...ts) + 1] : [-0.2, 1.2];
  const px = (x) => ((x - lox) / (hix - lox)) * SIZE;
  const py = (t) => SIZE - ((t - lot) / (hit - lot)) * SIZE;
  const [w0, w1] = weights;
  const xsDrawn = Array.from({ length: 61 }, (_, i) => lox + (i / 60) * (hix - lox));
  const zs = xsDrawn.map((x) => w0 + w1 * x);
  const ys = surface === 'linear_regression' || !zs.every(Number.isFinite) ? zs : activationCurve(module, 'sigmoid', zs).f;
  const curve = [];
  xsDrawn.forEach((x, i) => {
    const y = Math.max(lot - 10, Math.min(hit + 10, ys[i]));
    if (Number.isFinite(y)) curve.push(`${px(x).toFixed(1)},${py(y).toFixed(1)}`);
  });
  svg.append(el('rect', { x: 0, y: 0, width: SIZE, height: SIZE, class: 'descent-frame' }),
    el('polyline', { points: curve.join(' '), class: 'descent-model' }));
  xs.forEach((x, i) => svg.append(el('circle', { cx: px(x), cy: py(ts[i]), r: 4.5, class: 'descent-point', 'data-t': ts[i] })));
}

/** @returns {() => void} clean-up */
export function createDescentLab(container, { module, playground, route, lab }, tasks = descentTasks) {
  const section = document.createElement('section');
  section.id = 'descent-lab';
  section.className = 'widget descent-lab';
  section.innerHTML = `
  <h3>Gradient descent on a loss you can see</h3>
  <p class="hint">Two parameters, so J(w0, w1) is a landscape: darker is lower. Each step moves w by
    −η times the gradient; the line is the path so far.</p>
  <div class="row">
    <label class="compact">Loss <select id="descent-surface">${Object.entries(SURFACES).map(([k, s]) => `<option value="${k}">${s.title}</option>`).join('')}</select></label>
    <label class="compact">η <select id="descent-rate">${RATES.map((r) => `<option value="${r}"${r === 0.01 ? ' selected' : ''}>${formatNumber(r)}</option>`).join('')}</select></label>
    <label class="compact">Update <select id="descent-optimizer"><option value="sgd">plain (sgd)</option><option value="momentum">momentum 0.9</option><option value="adam">Adam</option></select></label>
  </div>
  <div class="row">
    <label class="compact">Batch <select id="descent-batch"><option value="1000">all points</option><option value="2">2 points</option><option value="1">1 point</option></select></label>
    <label class="compact"><input id="descent-decay" type="checkbox"> decay η/(1 + epoch/20)</label>
    <label class="compact"><input id="descent-race" type="checkbox"> race sgd, momentum, Adam</label>
  </div>
  <div class="row">
    <button id="descent-play" type="button">Play</button>
    <button id="descent-step" type="button">Step</button>
    <button id="descent-run" type="button">10 steps</button>
    <button id="descent-run-100" type="button">100 steps</button>
    <button id="descent-reset" type="button">Reset</button>
  </div>
  <div class="descent-views">
    <div class="descent-contours">
      <canvas id="descent-canvas" width="${GRID}" height="${GRID}" aria-hidden="true"></canvas>
      <svg id="descent-paths" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="Contours of J with the path of the updates"></svg>
    </div>
    <svg id="descent-data" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="The points and the model at the current weights"></svg>
  </div>
  <p id="descent-numbers"></p>
  <p id="descent-status" class="descent-status" role="status"></p>
  <ul id="descent-legend" class="descent-legend"></ul>`;
  container.append(section);
  const list = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  let runs = [];  // [{ name, descent }]
  let contours = null;  // J on the grid the contours show
  /** @type {{ surface: HTMLSelectElement, rate: HTMLSelectElement, optimizer: HTMLSelectElement, batch: HTMLSelectElement,
   *   decay: HTMLInputElement, race: HTMLInputElement }} */
  const fields = { surface: $('descent-surface'), rate: $('descent-rate'), optimizer: $('descent-optimizer'),
    batch: $('descent-batch'), decay: $('descent-decay'), race: $('descent-race') };
  const linked = bindLabState(lab, 'descent', fields);

  const settings = () => ({
    surface: /** @type {import('../../engine.js').SurfaceName} */ (fields.surface.value), learningRate: Number(fields.rate.value), optimizer: fields.optimizer.value,
    batchSize: Number(fields.batch.value), decay: fields.decay.checked, race: fields.race.checked,
  });
  /** @returns {Partial<import('../../engine.js').TrainingSettings>} */
  const trainSettings = (s, optimizer) => ({ learningRate: s.learningRate, batchSize: s.batchSize, optimizer,
    momentum: 0.9, decay: s.decay ? 'inverse_time' : 'none', decaySteps: 20 });

  const render = () => {
    const s = settings();
    const surface = SURFACES[s.surface];
    const states = runs.map((r) => r.descent.state());
    drawPaths($('descent-paths'), runs.map((r) => ({ name: r.name, path: r.descent.path() })), surface.range);
    drawData(module, $('descent-data'), s.surface, surface.points, states[0].weights);
    $('descent-data').style.display = surface.points ? '' : 'none';
    fields.batch.disabled = !surface.points;
    const first = states[0];
    // η decays per epoch: with a smaller batch an epoch is several steps, so both are said.
    const numbers = { w: formatTuple(first.weights.slice(0, 2)), loss: formatNumber(first.loss), steps: tn('{n} step', '{n} steps', first.steps),
      epochs: tn('{n} epoch', '{n} epochs', first.epoch), rate: formatNumber(first.learningRate) };
    $('descent-numbers').textContent = first.steps === first.epoch ? t('w = {w}, J = {loss} after {steps}, η now {rate}', numbers)
      : t('w = {w}, J = {loss} after {steps} ({epochs}), η now {rate}', numbers);
    const loss = [...runs[0].descent.path().loss];
    const status = describePath(loss, first.steps, s.learningRate);
    $('descent-status').textContent = status.text;
    $('descent-status').dataset.kind = status.kind;
    // The optimisers' names as the settings write them: code, the same in every language.
    $('descent-legend').innerHTML = s.race ? runs.map((r, i) => `<li data-optimizer="${r.name}"><span style="background:${RACE_COLORS[r.name]}"></span>` +
      `<code>${r.name}</code>: J = ${formatNumber(states[i].loss)}</li>`).join('') : '';
    list.update({ settings: s, states, loss });
  };

  // Play: one step of each run per animation frame, until paused, reset or every run diverged.
  let frame = 0;
  const pause = () => {
    cancelAnimationFrame(frame);
    frame = 0;
    $('descent-play').textContent = t('Play');
    $('descent-status').setAttribute('aria-live', 'polite');
  };
  const tick = () => {
    steps(1)();
    if (runs.every((r) => r.descent.state().diverged)) pause();
    else frame = requestAnimationFrame(tick);
  };

  const reset = () => {
    pause();
    linked.save();
    const s = settings();
    const surface = SURFACES[s.surface];
    for (const r of runs) r.descent.dispose();
    runs = (s.race ? RACE : [s.optimizer]).map((name) => ({ name, descent: new Descent(module) }));
    for (const r of runs) r.descent.reset(s.surface, trainSettings(s, r.name), surface.points, surface.start);
    const [[lo0, hi0], [lo1, hi1]] = surface.range;
    contours = runs[0].descent.grid(lo0, hi0, lo1, hi1, GRID);
    drawContours($('descent-canvas'), contours, GRID);
    render();
    labChanged(playground);  // a refusal of the runs replaced goes with them
  };
  // A diverged run refuses further steps: the page says so, until a reset replaces the runs, and keeps going.
  const steps = (n) => () => {
    const refused = runs;
    showingRefusals(playground, () => { for (const r of runs) if (!r.descent.state().diverged) r.descent.run(n); }, '', () => runs !== refused);
    render();
  };
  const listening = labListeners();
  const on = (id, type, f) => listening.on($(id), type, f);
  on('descent-play', 'click', () => {
    if (frame) return pause();
    $('descent-play').textContent = t('Pause');
    $('descent-status').setAttribute('aria-live', 'off');  // no announcement per frame while it plays
    frame = requestAnimationFrame(tick);
  });
  for (const [id, n] of [['descent-step', 1], ['descent-run', 10], ['descent-run-100', 100]]) {
    on(id, 'click', () => { pause(); steps(n)(); });
  }
  on('descent-reset', 'click', reset);
  for (const id of ['descent-surface', 'descent-rate', 'descent-optimizer', 'descent-batch', 'descent-decay', 'descent-race']) {
    on(id, 'change', reset);
  }
  reset();
  // The contours' bands are per theme: repaint them (same numbers) in a new one.
  const offTheme = onThemeChange(() => drawContours($('descent-canvas'), contours, GRID));
  return () => {
    offTheme();
    pause();
    listening.off();
    for (const r of runs) r.descent.dispose();
    runs = [];
    section.remove();
  };
}
