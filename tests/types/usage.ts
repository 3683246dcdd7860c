// A course author's typed use of the npm package: load the engine, train, read results, catch a
// refused setting. tests/scripts/types.test.mjs type-checks it with tsc against the package's
// types (strict), then runs the compiled file in Node and compares its numbers with the page's
// module. The @ts-expect-error lines are mistakes the types must catch: if a type were too loose,
// tsc would report the directive as unused and the test would fail.
import {
  loadEngine, loadModule, Engine, EngineError, ClassicUnit, activationCurve, settingsSchema,
  type Settings, type Metrics, type SettingSpec, type StepTrace,
} from 'backprop-playground';

declare const console: { log(...values: unknown[]): void };

const engine: Engine = await loadEngine();
const setUp: Partial<Settings> = { dataset: 'circles', noise: 0.1, hidden: [4, 2], activation: 'relu', seed: 2 };
engine.configure(setUp).trainEpochs(20);
const metrics: Metrics = engine.metrics();
const step: StepTrace = engine.traceStep(1);
const grid = engine.evaluateGrid(8, -6, 6, { copy: true });
const layers = engine.layers();
const firstWeight: number = layers[0].W[0];

// A refused setting is an EngineError that names it, and changes nothing.
let refused = '';
try {
  engine.configure({ learningRate: -1 });
} catch (e) {
  if (e instanceof EngineError) refused = e.message;
}

// The free functions take a module: the engine's, or a fresh one.
const module = await loadModule();
const schema: readonly SettingSpec[] = settingsSchema(module);
const curve = activationCurve(engine.module, 'tanh', [0, 1]);
const unit = new ClassicUnit(module);
unit.reset({ rule: 'perceptron', coding: 'binary', learningRate: 1 }, [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1], [0, 0, 0]);
unit.trainEpochs(10);

console.log(JSON.stringify({
  epoch: engine.progress().epoch,
  trainLoss: metrics.train.loss,
  testAccuracy: metrics.test.accuracy,
  stepLoss: step.lossBefore,
  gridValues: grid.values.length,
  firstWeight,
  refused,
  settings: schema.length,
  tanhSlopeAt0: curve.df[0],
  andLearned: unit.state().converged,
}));
engine.dispose();

// Mistakes the types catch (compiled, never called).
export function mistakes(engine: Engine, metrics: Metrics, unit: ClassicUnit) {
  // @ts-expect-error 'relu6' is not an activation
  engine.configure({ activation: 'relu6' });
  // @ts-expect-error settings are spelt as the page spells them (learningRate)
  engine.configure({ learningrate: 0.1 });
  // @ts-expect-error a learning rate is a number, not text
  engine.configure({ learningRate: '0.1' });
  // @ts-expect-error features are names from a fixed list
  engine.configure({ features: ['x3'] });
  // @ts-expect-error the splits are train, validation and test
  console.log(metrics.training.loss);
  // @ts-expect-error progress() has no loss: metrics() does
  console.log(engine.progress().loss);
  // @ts-expect-error evaluateGrid's options are { copy }
  engine.evaluateGrid(8, -6, 6, { copy: 'no' });
  // @ts-expect-error a perceptron's rule is 'perceptron' or 'adaline'
  unit.reset({ rule: 'hebb', coding: 'binary', learningRate: 1 }, [[0]], [0], [0, 0]);
}
