// The playground's page state: every field the page keeps between events is declared here, with
// what it holds. The other playground modules read and write these fields; none keeps its own.
import { SETTINGS, defaults } from '../state.js';
import { createHistory } from '../history.js';

export const GRID = 64;             // cells per side of every heatmap (one evaluateGrid per frame)
export const ALL_FEATURES = SETTINGS.find((e) => e.key === 'features').values;
// Generated sets only: 'custom' and 'curve' hold the learner's points.
export const DATASETS = SETTINGS.find((e) => e.key === 'dataset').values.filter((d) => d !== 'custom' && d !== 'curve');

/**
 * The element with this id: an HTMLElement, or the type the caller declares (an input, a dialog).
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @returns {T}
 */
export const $ = (id) => /** @type {T} */ (document.getElementById(id));

/** True while "your data" has no points (after Clear): the engine keeps no data then and nothing trains. */
export const noPoints = () => isUserData(page.state.dataset) && page.custom?.labels.length === 0;
/** 'custom' (2-D points) and 'curve' (1-D points, x -> y): the learner's own data in page.custom. */
export const isUserData = (dataset) => dataset === 'custom' || dataset === 'curve';
export const NO_POINTS_MESSAGE = 'Your data has no points yet: click the output plot to draw some, then train.';

let dirty = true;

export const page = {
  engine: null,
  module: null,
  state: defaults(),
  custom: null,          // the learner's own points { xy, labels, problem, classes, inputs (1: a drawn curve), version }
  customApplied: null,   // the custom.version last sent to the engine
  otherCustom: null,     // the learner's points of the other kind, kept while page.custom holds a curve (then 2-D points) or 2-D points (then a curve)
  embedded: false,       // opened as an embed (embed= in its opening link): its points are its link's alone, never the tab's kept ones
  history: createHistory(),
  metrics: null,         // engine.metrics() of the last record
  trainSize: 0,          // training points, for the fractional epoch of a partial step
  playing: false,
  drawing: false,
  hover: null,           // node shown large in the output plot
  gradientOnHover: false, // a link or bias is under the pointer: render asks the engine for gradients
  stopMarker: null,      // { x, label } early-stopping point on the chart
  // The weights as the last edit in the diagram or model load left them (null: the run's weights
  // came from its seed). A link carries no weights: the Share / embed dialog says so while set.
  editedWeights: null,
  stoppedEarly: false,   // the last step ended in an early stop: the next one (Play or Step) goes on from it
  healthWarned: false,   // this run's training-health warning was said (once per run; it stays until closed)
  healthTick: 0,         // training slices played: health every tenth, layer statistics every fourth
  // Something to redraw. Setting it wakes the animation loop, which runs only while something
  // changes or trains: an idle page draws no frames (no CPU, no battery).
  get dirty() { return dirty; },
  set dirty(value) { dirty = value; if (value) page.wake(); },
  wake: () => {},        // asks for an animation frame (training.js's requestFrame)
  stopWarmUp: () => {},  // ends the engine's warm-up at idle time (warm-up.js), as Play starts
  renderMs: 0,           // how long the last render took ("as fast as possible" trains in the rest of a frame)
  trainCost: { batchMs: 0, recordMs: 0, batchesPerEpoch: 1 },  // the last steps' cost (frame-budget.js's sliceBatches)
  layerStats: null,      // engine.layerStats() sampled while playing, for the next render to draw
  frame: 0,              // frames rendered (while playing, the links are redrawn every fourth)
  featureGrid: null,     // every feature over the plane (drawn once)
  plotSize: 0,           // side of the output plot, fitted to its panel
  embedParts: () => [],  // the parts ticked in the Share / embed box (set by buildEmbedOptions)
  /** @type {() => import('../course/route.js').Route} */
  routeHash: () => ({}), // the course's route (#chapter=...&), which leads every URL the page writes
  onRender: [],          // called after each render (the course's task checks)
  onTrainStep: [],       // called after each update the page makes (a lab recording the weights)
  controls: null,        // controls.js binding of the form
  view: null,            // { network, plot, chart, layerStats }
  stepPanel: null,       // step-panel.js
  compare: null,         // run B while two runs are compared (compare.js), else null
};
