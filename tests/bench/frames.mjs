// Frame times of the playground page in headless Chromium while it trains a 6 x 8 ReLU network on
// all seven features, redrawing every per-neuron heatmap, the output plot and the chart each frame.
// Reports the frame rate, how long each animation-frame callback (the drawing) and each training
// slice (a task of its own after the frame) took; then the largest set-up the page allows (8 x 16
// tanh, then GELU, 5,000 points) and its long tasks (over 50 ms, by the browser's own Long Tasks API); then
// the same while the step panel animates one training step on that network; then the
// gradient-descent chapter's lab playing the race of three optimisers (a step of each and the
// contours' paths, the points and the numbers redrawn every frame), which must stay under 8 ms; then
// how fast the first half second of Play trains, against the second after (V8's warm-up). For the
// playground, the main thread's work frame by frame too, from a Chrome trace (median and p95).
// A figure, not a test: `npm run bench` prints it.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../build-scripts/serve.mjs';
import { TIPS, STORAGE_KEY as TIPS_KEY } from '../../web/playground/first-visit.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const seconds = Number(process.argv[2] || 5);
const SETUP = '#dataset=spiral&points=500&features=x1,x2,x1%5E2,x2%5E2,x1*x2,sin_x1,sin_x2' +
  '&hidden=8,8,8,8,8,8&activation=relu&init=he_uniform&learningRate=0.01';
// Tanh, and GELU, the dearest activation (an exp and a rational function per unit for f and f').
const largest = (activation) => '#dataset=spiral&points=5000&features=x1,x2,x1%5E2,x2%5E2,x1*x2,sin_x1,sin_x2' +
  `&hidden=16,16,16,16,16,16,16,16&activation=${activation}&learningRate=0.01`;

// The main thread's whole work frame by frame (Chrome's TaskDuration counter gives only a mean), from
// a trace of its top-level tasks: a frame's work is its own task (the one the compositor posts to
// begin a main frame: the animation-frame callbacks, style, layout, paint and the layer update) and
// every task until the next frame's (the training slice, timers, input).
async function reportFrameTrace(page, traceSeconds = 2) {
  const browser = page.context().browser();
  await browser.startTracing(page, { categories: ['toplevel'] });
  await page.waitForTimeout(traceSeconds * 1000);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const mainThreads = new Set(events.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  const frameWork = [];
  for (const task of tasks) {
    if (task.args?.src_func === 'ScheduledActionSendBeginMainFrame') frameWork.push(0);
    if (frameWork.length > 0) frameWork[frameWork.length - 1] += task.dur / 1000;
  }
  frameWork.pop();  // the last frame's tasks run past the trace's end
  if (frameWork.length === 0) {  // another Chromium may name the frame's task otherwise
    console.log('main-thread work per frame, traced     no frame tasks found in the trace');
    return;
  }
  const sorted = frameWork.sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = sorted.reduce((sum, ms) => sum + ms, 0) / sorted.length;
  console.log(`main-thread work per frame, traced     median ${pct(0.5).toFixed(2)} / p95 ${pct(0.95).toFixed(2)} / mean ${mean.toFixed(2)} ms over ${sorted.length} frames (target: median under 8 ms)`);
}

const server = await serve(path.join(root, 'web'), 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // A returning learner's page: the first-visit tips count as seen (open, they re-measure their
  // targets after every render).
  await page.addInitScript(([key, ids]) => localStorage.setItem(key, JSON.stringify(ids)), [TIPS_KEY, TIPS.map((t) => t.id)]);
  // Time every animation-frame callback the page runs (its whole per-frame work).
  await page.addInitScript(() => {
    const durations = [];
    const starts = [];
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => raf((t) => {
      const t0 = performance.now();
      callback(t);
      durations.push(performance.now() - t0);
      starts.push(t);
    });
    // The page trains in a task posted on a MessageChannel after each frame: each one timed too.
    const slices = [];
    const Channel = window.MessageChannel;
    const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
    window.MessageChannel = class extends Channel {
      constructor() {
        super();
        const port = this.port1;
        Object.defineProperty(port, 'onmessage', {
          get: () => onmessage.get.call(port),
          set: (fn) => { onmessage.set.call(port, (e) => { const t0 = performance.now(); fn(e); slices.push(performance.now() - t0); }); },
        });
      }
    };
    const long = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) long.push(e.duration); }).observe({ type: 'longtask' });
    window.__frameTimes = { durations, starts, slices, long };
  });
  await page.goto(`http://127.0.0.1:${server.address().port}/${SETUP}`);
  await page.waitForSelector('body[data-ready="true"]');
  // The main thread's whole task time (script, style, layout, paint), from Chrome's own counters.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  let task0 = 0;
  const reset = async () => {
    await page.evaluate(() => { for (const list of Object.values(window.__frameTimes)) list.length = 0; });
    task0 = await taskSeconds();
  };
  const report = async (title) => {
    const { durations, starts, slices, long } = await page.evaluate(() => window.__frameTimes);
    // Every callback of one frame gets the same timestamp: a frame's work is the sum of its callbacks
    // (the page's loop and a lab's own), and the frame rate counts distinct frames.
    const perFrame = new Map();
    starts.forEach((t, i) => perFrame.set(t, (perFrame.get(t) ?? 0) + durations[i]));
    const frameWork = [...perFrame.values()];
    const times = [...perFrame.keys()];
    const sorted = [...frameWork].sort((a, b) => a - b);
    const pct = (p, values = sorted) => values[Math.min(values.length - 1, Math.floor(p * values.length))];
    const slicesSorted = [...slices].sort((a, b) => a - b);
    const fps = (times.length - 1) / ((times[times.length - 1] - times[0]) / 1000);
    const mean = frameWork.reduce((s, d) => s + d, 0) / frameWork.length;
    const allTasks = (1000 * ((await taskSeconds()) - task0)) / frameWork.length;
    console.log(title);
    console.log(`frames per second (headless Chromium)  ${fps.toFixed(1)}`);
    console.log(`frame work, mean / median / p95 / max  ${mean.toFixed(2)} / ${pct(0.5).toFixed(2)} / ${pct(0.95).toFixed(2)} / ${sorted[sorted.length - 1].toFixed(2)} ms`);
    if (slices.length > 0) {
      const sliceMean = slices.reduce((s, d) => s + d, 0) / slices.length;
      console.log(`training tasks, mean / median / p95     ${sliceMean.toFixed(2)} / ${pct(0.5, slicesSorted).toFixed(2)} / ${pct(0.95, slicesSorted).toFixed(2)} ms (${slices.length}: a slice after each frame, the layer statistics every 4th)`);
    }
    console.log(`share of the 16.7 ms budget (mean)     ${(100 * mean / 16.67).toFixed(0)}%`);
    console.log(`long tasks (over 50 ms), longest       ${long.length}${long.length ? `, ${Math.max(...long).toFixed(0)} ms` : ''}`);
    console.log(`main-thread work per frame, all tasks  ${allTasks.toFixed(2)} ms (script, style, layout, paint: Chrome's TaskDuration)`);
  };

  await page.click('#play');
  await page.waitForTimeout(500);  // warm-up
  await reset();
  const epoch0 = Number(await page.getAttribute('#epoch', 'data-epoch'));
  await page.waitForTimeout(seconds * 1000);
  const epoch1 = Number(await page.getAttribute('#epoch', 'data-epoch'));
  await report('page: 6 x 8 ReLU, 7 features, 56 heatmaps + output plot + chart redrawn every frame, 1 epoch per frame');
  console.log(`epochs trained in ${seconds} s               ${epoch1 - epoch0}`);
  await reportFrameTrace(page);

  // Input latency while it trains: clicks on "Log scale" (which redraws the chart), each timed from
  // the input event's own time stamp to its handler, and to the next frame (the one that shows it).
  await page.evaluate(() => {
    window.__clicks = [];
    document.querySelector('input[data-key="logScale"]').addEventListener('click', (e) => {
      const handled = performance.now();
      requestAnimationFrame(() => window.__clicks.push({ handled: handled - e.timeStamp, shown: performance.now() - e.timeStamp }));
    }, { capture: true });
  });
  await page.locator('input[data-key="logScale"]').scrollIntoViewIfNeeded();
  const box = await page.locator('input[data-key="logScale"]').boundingBox();
  const CLICKS = 20;
  for (let i = 0; i < CLICKS; ++i) {
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(120);
  }
  const clicks = await page.evaluate(() => window.__clicks);
  const stats = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return `${s[Math.floor(s.length / 2)].toFixed(1)} / ${s[Math.min(s.length - 1, Math.floor(0.95 * s.length))].toFixed(1)}`;
  };
  console.log(`input latency while training, median / p95 of ${clicks.length} clicks on "Log scale" (target: median under 50 ms)`);
  console.log(`  from the input to its handler        ${stats(clicks.map((c) => c.handled))} ms`);
  console.log(`  from the input to the next frame     ${stats(clicks.map((c) => c.shown))} ms`);

  // The largest set-up the page allows: 8 hidden layers of 16 units, 5,000 points, every heatmap
  // (128) and the layer view, which samples a pass over the training set every 4th slice.
  for (const activation of ['tanh', 'gelu']) {
    await page.click('#play');  // pause training
    await page.goto('about:blank');  // a new document: a change of the hash alone would not load the set-up anew
    await page.goto(`http://127.0.0.1:${server.address().port}/${largest(activation)}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('#layer-stats').evaluate((el) => { el.closest('details').open = true; });
    await page.click('#play');
    await page.waitForTimeout(1000);
    await reset();
    const largest0 = Number(await page.getAttribute('#epoch', 'data-epoch'));
    await page.waitForTimeout(seconds * 1000);
    const largest1 = Number(await page.getAttribute('#epoch', 'data-epoch'));
    console.log();
    await report(`the largest set-up: 8 x 16 ${activation}, 5,000 points, 128 heatmaps and the layer view (target: no task over 50 ms)`);
    console.log(`epochs trained in ${seconds} s               ${largest1 - largest0}`);
  }

  // The step animation on the (b) network: pulses along 64 links per layer, values and labels.
  await page.click('#play');  // pause training
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${server.address().port}/${SETUP}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#step-panel').scrollIntoViewIfNeeded();
  await page.click('#step-trace-example');
  await page.click('#step-network [data-unit="3:2"] circle');  // a selection labels its links
  await page.click('#step-timeline button >> nth=0');
  await page.click('#step-play');
  await page.waitForTimeout(300);
  await reset();
  await page.waitForTimeout(seconds * 1000);
  console.log();
  await report(`step animation on that network: ${await page.locator('#step-timeline button').count()} phases, pulses on every link of the layer being animated`);

  // The gradient-descent chapter: the race on two minima, played (one step of each run per frame).
  await page.click('#step-play');
  await page.goto(`http://127.0.0.1:${server.address().port}/#chapter=gradient-descent`);
  await page.waitForSelector('#descent-play');
  await page.selectOption('#descent-surface', 'two_minima');
  await page.selectOption('#descent-rate', '0.03');
  await page.check('#descent-race');
  await page.locator('#descent-lab').scrollIntoViewIfNeeded();
  await page.click('#descent-play');
  await page.waitForTimeout(300);
  await reset();
  await page.waitForTimeout(seconds * 1000);
  console.log();
  await report('gradient-descent chapter: the race of sgd, momentum and Adam played, three paths, the numbers and legend redrawn every frame');
  console.log(`steps taken per run                    ${(await page.textContent('#descent-numbers')).match(/after (\d+) step/)[1]}`);

  // The first half second of Play, "as fast as possible", on a page opened a second before (the
  // engine warms up at idle time meanwhile), against the mean half second from 1 to 3 s.
  console.log();
  console.log('the first seconds of Play on (b), as fast as possible, a second after the page opened');
  for (let run = 0; run < 3; ++run) {
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${server.address().port}/${SETUP}&speed=max`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForTimeout(1000);
    await page.click('#play');
    const epochsAt = [];  // at 0.5, 1 and 3 s
    for (const wait of [500, 500, 2000]) {
      await page.waitForTimeout(wait);
      epochsAt.push(Number(await page.getAttribute('#epoch', 'data-epoch')));
    }
    const steady = (epochsAt[2] - epochsAt[1]) / 4;
    console.log(`  epochs in the first half second       ${epochsAt[0]} (${(100 * epochsAt[0] / steady).toFixed(0)}% of a half second's from 1 to 3 s: ${steady.toFixed(0)})`);
  }
} finally {
  await browser.close();
  server.close();
}
