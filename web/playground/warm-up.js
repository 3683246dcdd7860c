// Warms the engine's code up while the page is idle after loading. V8 first runs WebAssembly on its
// baseline compiler and optimises the functions that run often, so without this the first second of
// Play trains at about a third of the speed of the next. A scratch engine of the same module trains a
// few small networks, in short slices at idle time; the learner's engine is never touched.
import { Engine } from '../engine.js';

// Small networks whose kernels are the playground's hot ones: tanh and ReLU, narrow (the core's
// examples-in-lanes path, core/lane_batch.cpp) and 8 wide (its general path).
/** @type {Partial<import('../engine.js').Settings>[]} */
const SET_UPS = [{ hidden: [4, 2], activation: 'tanh' }, { hidden: [8, 8, 8], activation: 'relu' }];

/**
 * Trains a scratch engine for about `totalMs` in slices of `sliceMs`, each run when `later` calls
 * back (the browser's idle callback), then disposes it. Returns a function that stops it early.
 * @param {object} module the wasm module (createBackpropCore())
 */
export function warmUp(module, {
  totalMs = 100, sliceMs = 8,
  later = globalThis.requestIdleCallback ?? ((fn) => setTimeout(fn, 50)),
} = {}) {
  const engine = new Engine(module);
  const share = totalMs / SET_UPS.length;
  let setUp = -1;
  let spent = share;  // on the current set-up: none yet, so the first slice configures one
  let stopped = false;
  const stop = () => {
    if (!stopped) engine.dispose();
    stopped = true;
  };
  const slice = () => {
    if (stopped) return;
    const end = performance.now() + sliceMs;
    while (performance.now() < end) {
      if (spent >= share) {
        if (++setUp === SET_UPS.length) { stop(); return; }
        engine.configure({ ...engine.settings(), dataset: 'xor', points: 100, ...SET_UPS[setUp] });
        spent = 0;
      }
      const t0 = performance.now();
      engine.trainEpochs(1);
      engine.metrics();
      engine.evaluateGrid(16, -6, 6, { copy: false });
      spent += performance.now() - t0;
    }
    later(slice);
  };
  later(slice);
  return stop;
}
