// The minimal page of the core-engine milestone: trains XOR and plots the test loss as it falls.
// The full playground replaces this page.
import { createEngine } from './engine.js';

const status = document.getElementById('status');
const canvas = /** @type {HTMLCanvasElement} */ (document.getElementById('loss'));
const trainButton = /** @type {HTMLButtonElement} */ (document.getElementById('train'));
const resetButton = /** @type {HTMLButtonElement} */ (document.getElementById('reset'));
const EPOCHS_PER_FRAME = 5;
const MAX_EPOCHS = 500;

let engine;
let history = [];
let running = false;

function draw() {
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (history.length < 2) return;
  const top = Math.max(...history);
  ctx.strokeStyle = getComputedStyle(canvas).color;  // minimal.html's, per light or dark
  ctx.lineWidth = 2;
  ctx.beginPath();
  history.forEach((loss, i) => {
    const x = (i / (MAX_EPOCHS / EPOCHS_PER_FRAME)) * canvas.width;
    const y = canvas.height - (loss / top) * (canvas.height - 10);
    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
  });
  ctx.stroke();
}

function report() {
  const m = engine.metrics();
  const { epoch } = engine.progress();
  // The status is a live region: quiet while training runs (a new line every frame), read out once it stops.
  status.setAttribute('aria-live', running ? 'off' : 'polite');
  status.textContent = `epoch ${epoch} · test loss ${m.test.loss.toFixed(4)} · test accuracy ${(100 * m.test.accuracy).toFixed(1)}%`;
  status.dataset.epoch = String(epoch);
  status.dataset.loss = String(m.test.loss);
}

function frame() {
  if (!running) return;
  try {
    engine.trainEpochs(EPOCHS_PER_FRAME);
  } catch (e) {
    running = false;
    status.setAttribute('aria-live', 'polite');
    status.textContent = e.message;
    status.className = 'error';
    return;
  }
  history.push(engine.metrics().test.loss);
  if (engine.progress().epoch >= MAX_EPOCHS) {
    running = false;
    // A disabled button drops the keyboard's focus to the page: it goes on to Reset instead.
    const hadFocus = document.activeElement === trainButton;
    trainButton.disabled = true;  // the chart ends at MAX_EPOCHS: Reset to train again
    if (hadFocus) resetButton.focus();
  } else requestAnimationFrame(frame);
  report();
  draw();
}

trainButton.addEventListener('click', () => {
  if (running) return;
  running = true;
  requestAnimationFrame(frame);
});
resetButton.addEventListener('click', () => {
  running = false;
  trainButton.disabled = false;
  engine.reset();
  history = [engine.metrics().test.loss];
  report();
  draw();
});

try {
  engine = await createEngine(window.createBackpropCore);
  engine.configure({ dataset: 'xor', points: 200, hidden: [4], activation: 'tanh', learningRate: 0.03, batchSize: 10, seed: 1 });
  history = [engine.metrics().test.loss];
  report();
  trainButton.disabled = resetButton.disabled = false;
} catch (e) {
  status.textContent = `The engine could not start: ${e.message}`;
  status.className = 'error';
}
