// The MLP's loss landscape, in a plane: the playground's mean training loss at θ + α·d1 + β·d2
// around its current weights θ (the centre), computed by the core (Engine.lossSlice), along two
// filter-normalised random directions or the two principal directions of the weights recorded
// while the playground trained, drawn as contours with the recorded path projected onto the plane.
// The lab records the weights after every update the playground makes while it is mounted.
import { EngineError } from '../../engine.js';
import { translateMessage } from '../../message-templates.js';
import { renderTasks } from '../../course/tasks.js';
import { bindLabState } from '../../course/lab-state.js';
import { labListeners, showingRefusals } from '../../course/lab-wiring.js';
import { slicedRunner, wireSlicedLab } from '../../course/sliced.js';
import { formatNumber, formatTuple, withPercentSign } from '../../views/format.js';
import { t, tn } from '../../i18n/i18n.js';
import { svgEl as el } from '../../views/dom.js';
import { drawContours } from '../../views/contours.js';
import { onThemeChange } from '../../theme.js';

export const LANDSCAPE_GRID = 41;
const SIZE = 260;
// Past the path's farthest point, so the whole path and some of the slopes around it show.
const FIT_MARGIN = 1.25;
export const PATH_EPOCHS = 100;

export const landscapeTasks = [
  { id: 'landscape-path', title: 'Training moves in a plane',
    setup: { dataset: 'xor' },
    get statement() {
      return t('Train the playground below for at least {n} epochs while this lab records the weights, then draw the slice along the path\'s principal directions. Do the two explain at least 90% of how the weights moved? The path runs downhill to the centre, the weights you have now.', { n: PATH_EPOCHS });
    },
    // slice: the one on show, or null once the weights have moved on from it.
    check: ({ slice, epoch }) => {
      const share = slice?.directions === 'trajectory' ? slice.explained[0] + slice.explained[1] : null;
      const snapshots = slice ? slice.path.length / 2 : 0;
      return {
        met: epoch >= PATH_EPOCHS && share !== null && snapshots > PATH_EPOCHS && share >= 0.9,
        missing: [epoch < PATH_EPOCHS ? t('train at least {n} epochs (now {epoch})', { n: PATH_EPOCHS, epoch })
          : share === null ? t('draw the slice along the path\'s principal directions, at the weights you have now')
            : snapshots <= PATH_EPOCHS ? t('a path recorded over at least {n} epochs (this one has {snapshots} snapshots: forget it and train again)', { n: PATH_EPOCHS, snapshots })
              : t('the two directions explain {share}: train on (or reset and try another set-up)', { share: withPercentSign(formatNumber(100 * share)) })],
      };
    } },
];

// The core's refusal of a slice over its work limit, which it words for a caller that chooses the grid.
const OVER_LIMIT = /needs about .* operations, more than the limit/;

/**
 * Why the slice is refused, in what the learner can change: the lab's grid is fixed, so the cost
 * falls with the playground's network (its weights), its training points and the recorded path.
 */
function overLimitText(engine, directions) {
  const cost = t('This slice would hold the page for more than half a second: it measures the loss at {grid} × {grid} points of the plane, each over {examples} with {parameters} (weights and biases).', {
    grid: LANDSCAPE_GRID, examples: tn('{n} training example', '{n} training examples', engine.trainSize()),
    parameters: tn('{n} parameter', '{n} parameters', engine.params().length) });
  const lower = directions === 'trajectory'
    ? t('To draw it, make the playground\'s network smaller (fewer hidden layers or neurons) or lower its Points or Training data slider; or forget the path.')
    : t('To draw it, make the playground\'s network smaller (fewer hidden layers or neurons) or lower its Points or Training data slider.');
  return `${cost} ${lower}`;
}

/** The range that shows the whole projected path (path: α, β pairs) with a margin, at least `least`. */
export function fitRange(path, least = 0.5) {
  let far = 0;
  for (const v of path) if (Number.isFinite(v)) far = Math.max(far, Math.abs(v));
  return Math.max(least, Number((far * FIT_MARGIN).toPrecision(2)));
}


// The projected path (start ringed), the centre (the current weights) and the axes' names.
function drawPath(svg, slice) {
  const px = (a) => ((a + slice.range) / (2 * slice.range)) * SIZE;
  const py = (b) => SIZE - ((b + slice.range) / (2 * slice.range)) * SIZE;
  svg.replaceChildren();
  const points = [];
  for (let i = 0; i + 1 < slice.path.length; i += 2) points.push(`${px(slice.path[i]).toFixed(1)},${py(slice.path[i + 1]).toFixed(1)}`);
  if (points.length > 1) svg.append(el('polyline', { points: points.join(' '), class: 'landscape-path' }));
  if (points.length > 0) {
    const [x, y] = points[0].split(',');
    svg.append(el('circle', { cx: x, cy: y, r: 4, class: 'landscape-start' }));
  }
  const c = SIZE / 2;
  svg.append(el('path', { d: `M${c - 6},${c}h12M${c},${c - 6}v12`, class: 'landscape-centre' }),
    Object.assign(el('text', { x: SIZE / 2, y: SIZE - 4, class: 'descent-axis' }), { textContent: 'α (along d1)' }),
    Object.assign(el('text', { x: 12, y: SIZE / 2, class: 'descent-axis', transform: `rotate(-90 12 ${SIZE / 2})` }), { textContent: 'β (along d2)' }));
}

/** @returns {() => void} clean-up */
export function createLandscapeLab(container, { playground, route, lab }, tasks = landscapeTasks) {
  const section = document.createElement('section');
  section.id = 'landscape-lab';
  section.className = 'widget landscape-lab';
  section.innerHTML = `
  <h3>The network's loss landscape, in a plane</h3>
  <p class="hint">The playground's network below has far more than two weights, so its J can only be drawn
    along two directions at a time: the slice is J(θ + α·d1 + β·d2) around the current weights θ, at the
    centre (+). Random directions are scaled neuron by neuron to the size of its weights (Li et al., 2018);
    the path's principal directions are the two along which the weights moved most, recorded after each
    step the playground takes (each epoch while it plays).
    J is the mean training loss, without L1/L2.</p>
  <div class="row">
    <label class="compact">Directions <select id="landscape-directions"><option value="random">random, filter-normalised</option><option value="trajectory">the path's principal directions</option></select></label>
    <label class="compact">Range <select id="landscape-range"><option value="fit">fit the path</option><option value="0.5">±${formatNumber(0.5)}</option><option value="1">±1</option><option value="2">±2</option><option value="5">±5</option></select></label>
  </div>
  <div class="row">
    <button id="landscape-draw" type="button">Draw the slice</button>
    <button id="landscape-new" type="button">New random directions</button>
    <input id="landscape-seed" type="hidden" min="1" max="4294967295" value="1">
    <button id="landscape-forget" type="button">Forget the path</button>
  </div>
  <div class="descent-contours">
    <canvas id="landscape-canvas" width="${LANDSCAPE_GRID}" height="${LANDSCAPE_GRID}" aria-hidden="true"></canvas>
    <svg id="landscape-paths" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="Contours of the training loss in the plane, with the path of the weights"></svg>
  </div>
  <p id="landscape-numbers"></p>
  <p id="landscape-status" class="landscape-status" role="status"></p>`;
  container.append(section);
  const list = renderTasks(section, tasks, { active: route.task });
  /** @type {<T extends Element = HTMLElement>(id: string) => T} */  // the type a use declares, else HTMLElement
  const $ = (id) => section.querySelector(`#${id}`);
  // The random directions' seed travels too, so a shared link draws the same plane.
  /** @type {{ directions: HTMLSelectElement, range: HTMLSelectElement, seed: HTMLInputElement }} */
  const fields = { directions: $('landscape-directions'), range: $('landscape-range'), seed: $('landscape-seed') };
  const linked = bindLabState(lab, 'landscape', fields);
  let slice = null;   // the last slice drawn, or null
  let stale = false;  // the weights have moved since it was drawn
  let drawnAt = null; // the weights it was drawn at
  let refusal = null; // why the core refused the last draw, or null

  const check = () => list.update({ slice: stale ? null : slice, epoch: playground.engine().progress().epoch });
  let countShown = false;  // the refusal is followed by the path's count of snapshots now
  const outdated = () => {
    // A refusal's count of snapshots is out of date at once: say how many there are now. Read out
    // when it first follows the refusal; after that it keeps up with training without a word at
    // each epoch.
    if (refusal !== null) {
      const snapshots = tn('{n} snapshot of the weights', '{n} snapshots of the weights', playground.engine().trajectoryLength());
      say(t('{status} The path has {snapshots} now: draw the slice again.', { status: refusal, snapshots }), 'warning', { quietly: countShown });
      countShown = true;
    }
    if (!slice || stale) return;
    stale = true;
    say(t('{status} The weights have changed since: draw the slice again.', { status: $('landscape-status').textContent }));
  };
  /** @param {string} text @param {string} [kind] @param {{ quietly?: boolean }} [how] quietly: not read out (a live region muted) */
  const say = (text, kind = 'info', { quietly = false } = {}) => {
    $('landscape-status').setAttribute('aria-live', quietly ? 'off' : 'polite');
    $('landscape-status').textContent = text;
    $('landscape-status').dataset.kind = kind;
  };
  // A snapshot after every update; a new run (new weights or another network: the core clears the
  // path) starts from its initial weights.
  const record = () => {
    const engine = playground.engine();
    if (!engine.progress().diverged) showingRefusals(playground, () => engine.recordTrajectory());
    outdated();
  };
  // A refused draw leaves no picture or numbers of the slice before it, which the menus no longer describe.
  const clearSlice = () => {
    /** @type {HTMLCanvasElement} */
    const canvas = $('landscape-canvas');
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    $('landscape-paths').replaceChildren();
    $('landscape-numbers').textContent = '';
  };
  const startPath = () => { if (playground.engine().trajectoryLength() === 0) record(); };

  // The slice a row at a time over frames (at the lab's limits the whole grid held the page for
  // about 0.17 s): everything the slice is drawn with is read as it begins, so a step the playground
  // takes meanwhile leaves it as the slice of the weights it began at, out of date once shown.
  function* sliceSteps(engine, { directions, seed, chosen }) {
    // "fit": the path's extent does not depend on the range, so a 2 x 2 slice finds it cheaply.
    const least = directions === 'random' ? 1 : 0.5;  // random directions are as long as θ: ±1 is their natural scale
    const range = chosen === 'fit' ? fitRange(engine.lossSlice({ directions, seed, grid: 2, range: 1 }).path, least) : Number(chosen);
    const begun = engine.beginLossSlice({ directions, seed, grid: LANDSCAPE_GRID, range });
    const at = { params: engine.params(), epoch: engine.progress().epoch, seed };
    for (let row = 0; row < LANDSCAPE_GRID; ++row) {
      yield row / LANDSCAPE_GRID;
      begun.loss.set(engine.lossSliceRows(row, 1), row * LANDSCAPE_GRID);
    }
    return { slice: begun, at };
  }

  const refused = (e) => {
    if (!(e instanceof EngineError)) throw e;
    slice = null;
    const said = translateMessage(e.message);  // the core's English, in the page's language
    refusal = OVER_LIMIT.test(e.message) ? overLimitText(playground.engine(), fields.directions.value)
      : /[.!?]$/.test(said) ? said : `${said}.`;
    countShown = false;
    clearSlice();
    say(refusal, 'warning');
    check();
  };
  const show = ({ slice: drawn, at }) => {
    slice = drawn;
    drawnAt = at.params;
    stale = false;
    refusal = null;
    drawContours($('landscape-canvas'), slice.loss, LANDSCAPE_GRID);
    drawPath($('landscape-paths'), slice);
    let low = 0;
    slice.loss.forEach((v, i) => { if (v < slice.loss[low]) low = i; });
    const step = (2 * slice.range) / (LANDSCAPE_GRID - 1);
    const [lowA, lowB] = [-slice.range + (low % LANDSCAPE_GRID) * step, slice.range - Math.floor(low / LANDSCAPE_GRID) * step];
    $('landscape-numbers').textContent = t('J at the centre = {centre}, the training loss after {epochs}; lowest on this slice {low} at (α, β) = {at}; ±{range} shown.', {
      centre: formatNumber(slice.centerLoss, { digits: 4 }), epochs: tn('{n} epoch', '{n} epochs', at.epoch), low: formatNumber(slice.loss[low], { digits: 4 }),
      at: formatTuple([lowA, lowB]), range: formatNumber(slice.range) });
    const snapshots = tn('{n} snapshot of the weights', '{n} snapshots of the weights', slice.path.length / 2);
    say(slice.directions === 'trajectory'
      ? t('d1 and d2 explain {d1} and {d2} of how the {snapshots} moved; the path starts at the ring.',
        { d1: withPercentSign(formatNumber(100 * slice.explained[0])), d2: withPercentSign(formatNumber(100 * slice.explained[1])), snapshots })
      : t('The {snapshots} projected onto two random directions (seed {seed}): random planes catch little of a path.', { snapshots, seed: at.seed }));
    // Weights moved while it was computed: out of date at once.
    if (moved()) outdated();
    check();
  };
  const settings = () => ({ directions: fields.directions.value, seed: Number(fields.seed.value), chosen: fields.range.value });
  const runner = slicedRunner(section, $('landscape-draw').parentElement);
  const steps = (s) => sliceSteps(playground.engine(), s);
  const draw = () => {
    linked.save();
    runner.start(steps(settings()), show, refused);
  };

  const listening = labListeners();
  const on = (id, type, f) => listening.on($(id), type, f);
  on('landscape-draw', 'click', draw);
  on('landscape-new', 'click', () => {
    fields.seed.value = String(Number(fields.seed.value) + 1);
    fields.directions.value = 'random';
    draw();
  });
  on('landscape-forget', 'click', () => {
    playground.engine().clearTrajectory();
    record();
    draw();
  });
  const offTrainStep = playground.onTrainStep(record);
  // Not only updates move the weights: an edited weight, a reset or a loaded model do too.
  const moved = () => {
    const now = playground.engine().params();
    return now.length !== drawnAt.length || now.some((v, i) => v !== drawnAt[i]);
  };
  const offRender = playground.onRender(() => {
    startPath();
    if (slice && !stale && moved()) outdated();
    check();
  });
  startPath();
  // The menus, and the first drawing, through the sliced runner (a link can open the lab at its limits).
  const unwire = wireSlicedLab({ fields: { directions: fields.directions, range: fields.range }, runner, valid: settings,
    save: () => linked.save(), steps, show, refused });
  // The contours' bands are per theme: repaint them (same numbers) in a new one.
  const offTheme = onThemeChange(() => { if (slice) drawContours($('landscape-canvas'), slice.loss, LANDSCAPE_GRID); });
  return () => {
    offTheme();
    unwire();
    listening.off();
    offTrainStep();
    offRender();
    section.remove();
  };
}
