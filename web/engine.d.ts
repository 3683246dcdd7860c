// The types of web/engine.js, written by hand: every class, method, setting and result the engine's
// JS API has, with what each number means. tests/scripts/types.test.mjs checks this file against
// the running engine (every export, method and setting, every setting's allowed names) and a typed
// usage file against it with tsc. Maths conventions (½ in squared error, l2/2·Σw², the momentum
// form) are the README's.

// ---- settings (the core's schema: core/include/backprop/settings_schema.hpp) ----

/** Binary: xor … moons; multi-class: blobs, multi_spiral; regression: plane, multi_gaussian; 1-D regression: sine … curve. */
export type DatasetName =
  | 'xor' | 'circles' | 'gaussians' | 'spiral' | 'moons' | 'blobs' | 'multi_spiral' | 'plane' | 'multi_gaussian'
  | 'custom' | 'sine' | 'step' | 'abs' | 'bump' | 'curve';
/** An input feature computed from the point (x1, x2). */
export type Feature = 'x1' | 'x2' | 'x1^2' | 'x2^2' | 'x1*x2' | 'sin_x1' | 'sin_x2';
export type InputScaling = 'none' | 'standardise';
/** The hidden layers' activation (prelu and maxout learn extra parameters). */
export type HiddenActivation =
  | 'linear' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'elu' | 'softplus' | 'abs' | 'gelu' | 'swish'
  | 'prelu' | 'maxout';
/** The output layer's activation; softmax needs multi-class data. */
export type OutputActivation = 'linear' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'elu' | 'softplus' | 'softmax';
/** mse is ½(y − ŷ)²; bce needs a sigmoid output, softmax_ce a softmax one. */
export type LossName = 'mse' | 'bce' | 'softmax_ce';
export type InitName =
  | 'zeros' | 'uniform' | 'xavier_uniform' | 'xavier_normal' | 'he_uniform' | 'he_normal' | 'normal_scale' | 'uniform_scale';
export type DecayName = 'none' | 'inverse_time' | 'exponential';
export type OptimizerName = 'sgd' | 'momentum' | 'adam';
export type Problem = 'binary' | 'multiclass' | 'regression';

/** Every setting configure() accepts (README, "Settings"); settings() returns all of them. */
export interface Settings {
  /** The data (default 'xor'); 'custom' and 'curve' need setCustomData / setCurveData first. */
  dataset: DatasetName;
  /** Points generated before the split, 1..5000 (default 200). */
  points: number;
  /** Label and position noise in [0, 1], scaled by each generator (default 0). */
  noise: number;
  /** Seed of the points and of the train/validation/test split, 0..4294967295 (default 1). */
  dataSeed: number;
  /** Classes of blobs and multi_spiral, 3..8 (default 3). */
  classes: number;
  /** Share of the points that trains, in (0, 1] (default 0.5). */
  trainRatio: number;
  /** Share for validation, in [0, 1]; test gets the rest (default 0). */
  validationRatio: number;
  /** The network's inputs, 1..7 distinct features (default ['x1', 'x2']; 1-D data: x1, x1^2, sin_x1). */
  features: Feature[];
  /** 'standardise': each feature becomes (x − mean) / sd of the training points (default 'none'). */
  inputScaling: InputScaling;
  /** Neurons per hidden layer, 0..16 layers of 1..256 (default [4, 2]). */
  hidden: number[];
  /** The hidden layers' activation (default 'tanh'). */
  activation: HiddenActivation;
  /** The output's activation (default 'tanh'). */
  outputActivation: OutputActivation;
  /** Leaky ReLU's slope for z < 0, in [0, 1) (default 0.01). */
  leakySlope: number;
  /** ELU's α, in (0, 10] (default 1). */
  eluAlpha: number;
  /** Maxout's pieces per hidden unit, 2..4 (default 2). */
  maxoutPieces: number;
  /** The loss (default 'mse', ½(y − ŷ)²). */
  loss: LossName;
  /** Initial weights (default 'xavier_uniform'; 'uniform' is ±1/√fan_in). */
  init: InitName;
  /** σ of normal_scale, a of uniform_scale, in (0, 10] (default 1). */
  initScale: number;
  /** Every bias's initial value, in [−10, 10] (default 0). */
  biasInit: number;
  /** Seed of the initial weights, the shuffling and dropout, 0..4294967295 (default 1). */
  seed: number;
  /** The step size, in (0, 100] (default 0.03). Keeps the weights. */
  learningRate: number;
  /** Examples per update, 1..100000; ≥ the training size is full batch (default 10). Keeps the weights. */
  batchSize: number;
  /** L1 rate on weights (not biases): L + l1·Σ|w|, in [0, 10] (default 0). Keeps the weights. */
  l1: number;
  /** L2 rate on weights: L + l2/2·Σw², in [0, 10] (default 0). Keeps the weights. */
  l2: number;
  /** Learning-rate decay: exponential lr·rate^epoch, inverse_time c1/(epoch + c2) (default 'none'). Keeps the weights. */
  decay: DecayName;
  /** The exponential decay's rate, in (0, 1] (default 0.99). Keeps the weights. */
  decayRate: number;
  /** The inverse-time decay's steps, in (0, 1e9] (default 100). Keeps the weights. */
  decaySteps: number;
  /** The update rule (default 'sgd'). Keeps the weights. */
  optimizer: OptimizerName;
  /** Momentum's μ, in [0, 1) (default 0.9). Keeps the weights. */
  momentum: number;
  /** Adam's β1, in [0, 1) (default 0.9). Keeps the weights. */
  beta1: number;
  /** Adam's β2, in [0, 1) (default 0.999). Keeps the weights. */
  beta2: number;
  /** Adam's ε, in (0, 1] (default 1e-8). Keeps the weights. */
  epsilon: number;
  /** Inverted dropout on hidden units while training, in [0, 0.95] (default 0). Keeps the weights. */
  dropout: number;
}
export type SettingKey = keyof Settings;

/** The training settings a Descent takes and a traced step reports. */
export type TrainingSettings = Pick<Settings,
  'learningRate' | 'batchSize' | 'optimizer' | 'momentum' | 'beta1' | 'beta2' | 'epsilon' | 'decay' | 'decayRate' | 'decaySteps'>;

/** One setting as the core's schema describes it (settingsSchema()). */
export interface SettingSpec {
  /** As configure() and links spell it. */
  readonly key: SettingKey;
  /** As the page names it to the learner. */
  readonly label: string;
  readonly type: 'number' | 'integer' | 'enum' | 'integer list' | 'enum list';
  readonly default: number | string | readonly number[] | readonly string[];
  /** Changing only such settings keeps the trained weights. */
  readonly keepsWeights: boolean;
  /** Numbers and integers, and each item of an integer list. */
  readonly min?: number;
  readonly max?: number;
  readonly minOpen?: boolean;
  readonly maxOpen?: boolean;
  /** Lists. */
  readonly minItems?: number;
  readonly maxItems?: number;
  /** Enums: the allowed names, in the core's order. */
  readonly values?: readonly string[];
}

/** Per problem: the output activations offered (best first), the losses valid with each (preferred first), the default pair. */
export type OutputPairings = {
  readonly [P in Problem]: {
    readonly outputActivations: readonly OutputActivation[];
    readonly losses: { readonly [activation: string]: readonly LossName[] };
    readonly default: { readonly outputActivation: OutputActivation; readonly loss: LossName };
  };
};

// ---- the module ----

/** The loaded Emscripten module (engine.module): pass it to the free functions below. Opaque. */
export interface BackpropModule {
  readonly [name: string]: unknown;
}
/** Options handed to the Emscripten factory, e.g. the wasm's bytes where it cannot be fetched. */
export interface ModuleOptions {
  /** The .wasm file's bytes (Node, file://). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where the .wasm file is, given its name and the loader's folder. */
  locateFile?: (path: string, scriptDirectory: string) => string;
}
/** The Emscripten factory: createBackpropCore (a global in the page, the default export of wasm/esm/backprop-core.mjs). */
export type BackpropCoreFactory = (options?: ModuleOptions) => Promise<BackpropModule>;

/** Raised for any setting or call the core rejects; `message` names the bad setting or argument. */
export class EngineError extends Error {
  constructor(message: string);
  readonly name: 'EngineError';
}

/** Loads the module through `createBackpropCore` and returns an Engine. */
export function createEngine(createBackpropCore: BackpropCoreFactory, moduleOptions?: ModuleOptions): Promise<Engine>;

// ---- the playground's results ----

export interface Progress {
  /** Completed epochs. */
  epoch: number;
  /** Weight updates so far. */
  updates: number;
  /** Training examples used so far in the current epoch. */
  epochPosition: number;
  /** The learning rate the next update uses (after decay). */
  learningRate: number;
  /** The weights became NaN or infinite; training stops until a reset or new settings. */
  diverged: boolean;
}
export interface SplitMetrics {
  /** Mean data loss (no L1/L2), NaN for an empty split. */
  loss: number;
  /** Fraction classified right (classification), NaN for regression or an empty split. */
  accuracy: number;
  /** Points in the split. */
  count: number;
}
export interface Metrics { train: SplitMetrics; validation: SplitMetrics; test: SplitMetrics }
export interface Dataset {
  problem: Problem;
  classes: number;
  /** 2, or 1 for 1-D data. */
  inputs: number;
  /** x1, x2 per point, interleaved (1-D data: x, y). */
  xy: Float32Array;
  /** Class index or regression target per point. */
  labels: Float32Array;
  /** Indices into the points. */
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}
export interface WeightsAndBiases {
  /** out × in, column-major: W[j + i·rows] is the weight from input i to unit j. */
  W: Float32Array;
  b: Float32Array;
}
/** One weight layer as views of params(). */
export interface LayerView extends WeightsAndBiases {
  rows: number;
  cols: number;
  /** Maxout's pieces (piece 0 is W and b themselves); [{ W, b }] for any other layer. */
  pieces: WeightsAndBiases[];
}
/** One weight layer's statistics over the training set. */
export interface LayerStats {
  gradientNorm: number;
  activationMean: number;
  activationStd: number;
  /** Mean f′(z). */
  slopeMean: number;
  /** Fraction of units whose f′ is 0 on every training example. */
  deadFraction: number;
  /** The fraction of activations in each equal bin over [histogramLow, histogramHigh]. */
  histogram: Float64Array;
  histogramLow: number;
  histogramHigh: number;
  deltaMean: number;
  deltaStd: number;
  deltaMaxAbs: number;
  /** 25 bins of the back-propagated δ = ∂L/∂z over [deltaLow, deltaHigh]. */
  deltaHistogram: Float64Array;
  deltaLow: number;
  deltaHigh: number;
  /** Units that are not copies of another (1 when symmetry was never broken). */
  distinctUnits: number;
}
export interface FeatureScaling {
  /** Per feature, in the order of `features`: the network sees (x − mean) / sd. */
  mean: Float32Array;
  sd: Float32Array;
}
/** One layer of a forward + backward record. */
export interface LayerTrace {
  /** The layer's input a_{l−1}. */
  aPrev: Float32Array;
  /** Each link's share W(j, i)·a_prev(i) of z, rows × cols (z = row sums + b). */
  contribution: Float32Array;
  z: Float32Array;
  a: Float32Array;
  /** f′(z). */
  gradAct: Float32Array;
  /** Dropout's mask (0 dropped, 1/(1 − p) kept); empty without dropout. */
  mask: Float32Array;
  dLossDA: Float32Array;
  /** δ = ∂L/∂z = (W_{l+1}ᵀ δ_{l+1}) ⊙ f′(z). */
  delta: Float32Array;
  dW: Float32Array;
  db: Float32Array;
  /** PReLU's slopes and their gradient; empty otherwise. */
  slopes: Float32Array;
  dSlope: Float32Array;
  /** Maxout: every piece's z, and the winning piece per unit; empty otherwise. */
  pieces: Float32Array;
  winner: Int32Array;
  rows: number;
  cols: number;
}
export interface ExampleTrace {
  input: Float32Array;
  target: Float32Array;
  output: Float32Array;
  dLossDOutput: Float32Array;
  loss: number;
  layers: LayerTrace[];
}
/** One traced update (params() layout for every gradient and parameter array). */
export interface StepTrace {
  batch: Int32Array;
  examples: ExampleTrace[];
  dataGradient: Float32Array;
  regularizationGradient: Float32Array;
  appliedGradient: Float32Array;
  paramsBefore: Float32Array;
  paramsAfter: Float32Array;
  /** paramsAfter − paramsBefore. */
  update: Float32Array;
  learningRate: number;
  /** The batch's mean data loss before and after the update; with dropout, with each example's masks. */
  lossBefore: number;
  lossAfter: number;
  optimizer: OptimizerName;
  settings: TrainingSettings & Pick<Settings, 'l1' | 'l2' | 'dropout'>;
  dropoutApplied: boolean;
  /** Momentum's velocity (empty for other optimisers). */
  velocityBefore: Float32Array;
  velocityAfter: Float32Array;
  /** Adam's moments and bias-corrected moments (empty for other optimisers). */
  moment1Before: Float32Array;
  moment2Before: Float32Array;
  moment1: Float32Array;
  moment2: Float32Array;
  moment1Hat: Float32Array;
  moment2Hat: Float32Array;
  adamStep: number;
}
export interface LossSliceOptions {
  /** 'random' (filter-normalised Gaussian directions from `seed`) or 'trajectory' (the recorded path's top two principal directions). */
  directions?: 'random' | 'trajectory';
  seed?: number;
  /** Points a side, 2..101 (default 21). */
  grid?: number;
  /** In (0, 1000] (default 1). */
  range?: number;
}
export interface LossSlice {
  directions: 'random' | 'trajectory';
  grid: number;
  range: number;
  /** grid² mean training losses, row-major, row 0 at β = +range, column 0 at α = −range. */
  loss: Float64Array;
  centerLoss: number;
  d1: Float32Array;
  d2: Float32Array;
  /** The trajectory's variance along d1 and d2 (0, 0 for random). */
  explained: number[];
  /** Each snapshot's (α, β), interleaved. */
  path: Float64Array;
  pathLoss: Float64Array;
  pathRecords: Float64Array;
}
export interface Grid {
  /** Points a side. */
  size: number;
  /** Features, hidden units and outputs. */
  nodes: number;
  /** nodes × size × size values, node-major, row 0 at x2 = hi. */
  values: Float32Array;
}
export interface UnitSum {
  x: Float32Array;
  /** a_i(x): unit i of the last hidden layer (the features with no hidden layer) at units.subarray(i·samples, (i + 1)·samples). */
  units: Float32Array;
  /** Unit i's scaled curve α_i·a_i(x) at terms.subarray(i·samples, (i + 1)·samples). */
  terms: Float32Array;
  alpha: Float32Array;
  bias: number;
  /** The output's pre-activation Σ α_i a_i(x) + bias. */
  z: Float32Array;
  output: Float32Array;
}

/** The playground: one network, its data and its trainer, in wasm. */
export class Engine {
  constructor(module: BackpropModule);
  /** The loaded Emscripten module, for the free functions. */
  readonly module: BackpropModule;
  /** The settings schema, by key. */
  readonly schema: ReadonlyMap<SettingKey, SettingSpec>;
  /** The settings schema, in the README's order. */
  settingsSchema(): SettingSpec[];
  /** True when changing only `key` keeps the trained weights. */
  keepsWeights(key: string): boolean;
  /** Points in the data. */
  dataSize(): number;
  /** Points in the training split. */
  trainSize(): number;
  /** Frees the wasm object; every later call throws EngineError. */
  dispose(): void;
  /** Changes the named settings; throws EngineError naming a bad one and changes nothing then. */
  configure(settings: Partial<Settings>): this;
  /** The full current settings. */
  settings(): Settings;
  /** The learner's own points: xy interleaved, labels class indices or targets. */
  setCustomData(xy: ArrayLike<number>, labels: ArrayLike<number>, problem?: Problem, classes?: number): this;
  /** A drawn curve as 1-D regression points (dataset 'curve'). */
  setCurveData(xs: ArrayLike<number>, ys: ArrayLike<number>): this;
  /** 1-D data: the network as a sum of its last hidden layer's scaled units at `samples` points of [lo, hi]. */
  unitSum(samples?: number, lo?: number, hi?: number): UnitSum;
  /** Over a g × g grid: how many first-layer units are on the positive side (or the side that raises the output). */
  positiveSides(g: number, lo?: number, hi?: number, options?: { towardOutput?: boolean }): Int32Array;
  /** Restarts from the same initial weights. */
  reset(): this;
  trainEpochs(n?: number): this;
  trainBatches(n?: number): this;
  /** One update on the next `n` examples of the epoch order. */
  trainExamples(n?: number): this;
  progress(): Progress;
  /** Dataset indices the next trainExamples(n) would use. */
  nextBatch(n: number): Int32Array;
  /** [inputs, ...hidden, outputs]. */
  layerSizes(): number[];
  /** Every parameter: per weight layer W (column-major) then b; then PReLU slopes or maxout's other pieces. */
  params(): Float32Array;
  /** PReLU's learned slopes per hidden layer; [] for other activations. */
  preluSlopes(): Float32Array[];
  /** dJ/dw at the current weights (training mean loss + L1/L2), params() layout. */
  gradient(): Float32Array;
  setParams(values: ArrayLike<number>): this;
  layers(): LayerView[];
  /** Maxout's k; 1 for every other activation. */
  maxoutPieces(): number;
  setWeight(layer: number, to: number, from: number, value: number, piece?: number): this;
  setBias(layer: number, unit: number, value: number, piece?: number): this;
  dataset(): Dataset;
  metrics(): Metrics;
  /** deltaRange > 0 bins every layer's δ over [−deltaRange, deltaRange]. */
  layerStats(options?: { deltaRange?: number }): LayerStats[];
  featureScaling(): FeatureScaling;
  /** Forward + backward record of point `index` (no change to the weights). */
  trace(index: number): ExampleTrace;
  /** One traced update on the next `n` examples. */
  traceStep(n?: number): StepTrace;
  /** One traced update on point `index` alone. */
  traceStepOn(index: number): StepTrace;
  /** Records a snapshot of the weights for lossSlice's trajectory. */
  recordTrajectory(): this;
  clearTrajectory(): this;
  trajectoryLength(): number;
  /** The mean training loss in a plane through the current weights. */
  lossSlice(options?: LossSliceOptions): LossSlice;
  /** The same slice with every loss NaN, its rows to compute with lossSliceRows (one slice at a time). */
  beginLossSlice(options?: LossSliceOptions): LossSlice;
  /** Rows first .. first + count − 1 of the slice begun: count × grid losses, row-major. */
  lossSliceRows(first: number, count: number): Float64Array;
  /** Every node over a g × g grid of [lo, hi]²; { copy: false } returns a view valid until the next call. */
  evaluateGrid(g: number, lo?: number, hi?: number, options?: { copy?: boolean }): Grid;
}

/** The settings schema from the core, checked and frozen. */
export function settingsSchema(module: BackpropModule): readonly SettingSpec[];
export function outputPairings(module: BackpropModule): OutputPairings;

/** The chain-rule lesson's f(x, y, z) = (x + y)·z: nodes x, y, z, q, f. */
export interface SumTimesNode {
  name: string;
  value: number;
  /** df/dnode. */
  grad: number;
  /** Indices of the node's inputs. */
  inputs: number[];
  /** dnode/dinput per input. */
  local: number[];
  /** grad × local per input. */
  edgeGradient: number[];
}
export function sumTimesGraph(module: BackpropModule, x: number, y: number, z: number): SumTimesNode[];

// ---- the classic single units ----

/** One 0/1 output per input pattern in binary counting order. */
export function mcCullochPittsTable(module: BackpropModule, inhibitory: boolean[], threshold: number): Int32Array;

export interface ClassicSettings {
  rule: 'perceptron' | 'adaline';
  coding: 'binary' | 'bipolar';
  learningRate: number;
  /** Sum the updates over each epoch (default false). */
  batch?: boolean;
  shuffle?: boolean;
  seed?: number;
}
export interface ClassicStep {
  epoch: number;
  example: number;
  /** (1, x1, …): the bias input first. */
  input: Float32Array;
  /** Before the update, bias first. */
  weights: Float32Array;
  sum: number;
  output: number;
  target: number;
  /** t − y. */
  error: number;
  /** α(t − y)x. */
  deltaW: Float32Array;
  update: Float32Array;
  mistake: boolean;
}
export interface ClassicState {
  weights: Float32Array;
  epoch: number;
  position: number;
  converged: boolean;
  diverged: boolean;
  /** J(w). */
  cost: number;
}
export interface ClassicHistory {
  first: number;
  mistakes: Int32Array;
  cost: Float64Array;
}
/** One unit taught by the perceptron rule or the Adaline rule. */
export class ClassicUnit {
  constructor(module: BackpropModule);
  reset(settings: ClassicSettings, examples: number[][], targets: number[], weights: number[]): void;
  step(): ClassicStep;
  trainEpochs(epochs: number): void;
  state(): ClassicState;
  history(since?: number): ClassicHistory;
  dispose(): void;
}

// ---- gradient descent on two-parameter losses ----

export type SurfaceName = 'linear_regression' | 'sigmoid_squared' | 'sigmoid_cross_entropy' | 'saddle' | 'two_minima' | 'bowl';
export function surfaceNames(module: BackpropModule): SurfaceName[];
export interface DescentStep {
  step: number;
  epoch: number;
  batch: Int32Array;
  /** (w0, w1) before. */
  weights: Float32Array;
  gradient: Float32Array;
  learningRate: number;
  update: Float32Array;
  lossBefore: number;
  lossAfter: number;
}
export interface DescentState {
  surface: SurfaceName;
  weights: Float32Array;
  steps: number;
  epoch: number;
  learningRate: number;
  loss: number;
  /** ∂J/∂w over all points. */
  gradient: Float64Array;
  diverged: boolean;
}
/** One point's part in J: ∂J/∂w0 is the mean of delta, ∂J/∂w1 the mean of delta·x. */
export interface DescentTerm {
  z: number;
  h: number;
  /** h − t. */
  error: number;
  /** dh/dz. */
  slope: number;
  delta: number;
  loss: number;
}
export class Descent {
  constructor(module: BackpropModule);
  reset(surface: SurfaceName, settings: Partial<TrainingSettings>, points: { x: number[]; t: number[] } | null,
    start: [number, number], seed?: number): void;
  setSettings(settings: Partial<TrainingSettings>): void;
  step(): DescentStep;
  run(n: number): void;
  state(): DescentState;
  terms(): DescentTerm[];
  path(): { weights: Float32Array; loss: Float64Array };
  /** J on an n × n grid, row 0 at w1 = hi1. */
  grid(lo0: number, hi0: number, lo1: number, hi1: number, n: number): Float64Array;
  dispose(): void;
}

// ---- the activation lab ----

export type ActivationName = HiddenActivation | 'softmax';
/** leakySlope in [0, 1), eluAlpha in (0, 10]. */
export interface ActivationParams { leakySlope?: number; eluAlpha?: number }
export interface ActivationProperties {
  name: ActivationName;
  formula: string;
  derivative: string;
  cost: 'none' | 'comparison' | 'exp' | 'exp + log';
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
  twoValued: boolean;
  zeroCentred: boolean;
  negativeOutputs: boolean;
  saturatesLow: boolean;
  saturatesHigh: boolean;
  maxSlope: number;
  maxSlopeAt: number;
  smooth: boolean;
}
export function activationNames(module: BackpropModule): ActivationName[];
export function activationProperties(module: BackpropModule, params?: ActivationParams): ActivationProperties[];
export function activationCurve(module: BackpropModule, name: ActivationName, zs: ArrayLike<number>,
  params?: ActivationParams): { f: Float64Array; df: Float64Array };
export function softmax(module: BackpropModule, logits: ArrayLike<number>): Float64Array;
export function chainProducts(module: BackpropModule, paths: ArrayLike<number>[]): { running: Float64Array[]; total: number };

// ---- the computational-graphs lab ----

export interface ExpressionPreset {
  id: string;
  title: string;
  text: string;
  values: { name: string; value: number }[];
}
export interface ExpressionNode {
  op: string;
  symbol: string;
  name: string;
  constant: number;
  inputs: number[];
  /** UTF-16 units into the text. */
  position: number;
  isConstant: boolean;
}
export interface ExpressionGraph {
  ok: true;
  text: string;
  variables: string[];
  variableNodes: Int32Array;
  output: number;
  nodes: ExpressionNode[];
}
export interface ExpressionError {
  ok: false;
  stage: 'parse' | 'evaluate';
  error: string;
  position: number;
  /** The graph, when the text parsed. */
  graph?: ExpressionGraph;
}
export interface ExpressionEvaluation extends Omit<ExpressionGraph, 'nodes'> {
  nodes: (ExpressionNode & { value: number; grad: number })[];
  edges: { from: number; to: number; slot: number; local: number; upstream: number; gradient: number }[];
  reverse: { nodes: Int32Array; edges: Int32Array };
  forward: { tangents: Float64Array[]; grad: Float64Array };
  paths: { count: number; listed: { nodes: Int32Array; edges: Int32Array; product: number }[] }[];
}
export function expressionPresets(module: BackpropModule): ExpressionPreset[];
export function parseExpression(module: BackpropModule, text: string): ExpressionGraph | ExpressionError;
export function evaluateExpression(module: BackpropModule, text: string,
  values: Record<string, number>): ExpressionEvaluation | ExpressionError;
