// End-to-end: the learner's own data on the playground page in headless Chromium: drawing points
// on the output plot (and keeping them across other changes), CSV import (good files and files
// with a faulty line) and CSV export that reads back.
// Not here: the CSV and link formats in detail (tests/web/csv.test.mjs, state.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';

import {
  useBrowser, withPage, frames, choose, slide, readState, hashParams, screenshot, clickPlane, stepEpochs, planePoint, touchGesture,
} from './browser.mjs';
import { decodePoints } from '../../web/state.js';
import { parseCsv } from '../../web/csv.js';

const b = useBrowser();
const T = { timeout: 30000 };

/** Whether the points layer has paint at plane point (x1, x2). */
async function pointShown(page, x1, x2) {
  return page.$eval('#plot canvas.data-plot-points', (c, [a, b]) => {
    const r = c.getBoundingClientRect();
    const x = Math.round(((a + 6) / 12) * r.width * (c.width / r.width));
    const y = Math.round(((6 - b) / 12) * r.height * (c.height / r.height));
    return c.getContext('2d').getImageData(x, y, 1, 1).data[3] > 0;
  }, [x1, x2]);
}
/** Whether the points layer has any paint at all. */
async function anyPointShown(page) {
  return page.$eval('#plot canvas.data-plot-points', (c) => {
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 3; i < px.length; i += 4) if (px[i] > 0) return true;
    return false;
  });
}
async function customPoints(page) {
  const { data } = await hashParams(page);
  assert.ok(data, 'the URL carries the drawn points');
  return decodePoints(data);
}
const hasPoint = (d, x1, x2, label) => {
  for (let i = 0; i < d.labels.length; ++i) {
    if (Math.abs(d.xy[2 * i] - x1) < 0.15 && Math.abs(d.xy[2 * i + 1] - x2) < 0.15 && d.labels[i] === label) return true;
  }
  return false;
};

test('draw points: add with a click, remove with shift-click, kept across other changes, Clear', T, async () => {
  let link;
  await withPage(b, '#points=40', async (page) => {
    // "your data" starts from the points on show, and the link carries them.
    await page.click('#datasets [data-dataset="custom"]');
    await frames(page);
    assert.equal(await page.getAttribute('#datasets [data-dataset="custom"]', 'aria-checked'), 'true');
    assert.equal((await customPoints(page)).labels.length, 40);
    await page.click('#datasets [data-dataset="xor"]');
    await frames(page);
    assert.equal((await hashParams(page)).dataset, undefined);
    await page.click('#draw-toggle');
    await frames(page);  // the plot's label changes at the next render
    assert.equal(await page.getAttribute('#draw-toggle', 'aria-pressed'), 'true');
    assert.match(await page.getAttribute('#plot [role="img"]', 'aria-label'), /Drawing mode/);
    // Clicking before anything was drawn keeps the dataset's 40 points and adds one.
    await page.selectOption('#draw-class', '0');
    await clickPlane(page, 3, 3);
    assert.equal(await page.getAttribute('#datasets [data-dataset="custom"]', 'aria-checked'), 'true');
    assert.equal(await page.getAttribute('#datasets [data-dataset="xor"]', 'aria-checked'), 'false');
    assert.equal((await hashParams(page)).dataset, 'custom');
    let d = await customPoints(page);
    assert.equal(d.labels.length, 41);
    assert.ok(hasPoint(d, 3, 3, 0), 'the point is where the learner clicked, with class 0');
    // Drawn data trains on every point by default, and the caption says where they went.
    assert.equal((await hashParams(page)).trainRatio, '1');
    assert.match(await page.textContent('#plot-caption'), /41 points, all for training\./);
    await page.selectOption('#draw-class', '1');
    await clickPlane(page, -2.5, 4);
    await clickPlane(page, 4.5, -4.5);
    d = await customPoints(page);
    assert.equal(d.labels.length, 43);
    assert.ok(hasPoint(d, -2.5, 4, 1) && hasPoint(d, 4.5, -4.5, 1));
    // Every drawn point shows, whether it fell in the training or the test split.
    for (const [x1, x2] of [[3, 3], [-2.5, 4], [4.5, -4.5]]) assert.ok(await pointShown(page, x1, x2), `point at ${x1}, ${x2} shows`);
    // Shift-click removes the point under the pointer.
    await clickPlane(page, -2.5, 4, { shift: true });
    d = await customPoints(page);
    assert.equal(d.labels.length, 42);
    assert.ok(!hasPoint(d, -2.5, 4, 1), 'the shift-clicked point is gone');
    assert.ok(!(await pointShown(page, -2.5, 4)), 'and no longer drawn');
    await screenshot(page, 'playground-drawing.png');
    const drawn = (await hashParams(page)).data;

    // Other settings keep the drawn points.
    await choose(page, 'learningRate', '0.1');
    await page.click('#step');
    await frames(page);
    assert.equal((await hashParams(page)).data, drawn);
    assert.equal((await readState(page)).epoch, 1);
    // Off to another dataset, change its noise, and back to "your data".
    await page.click('#datasets [data-dataset="circles"]');
    await slide(page, 'noise', 0.3);
    assert.equal((await hashParams(page)).dataset, 'circles');
    assert.equal((await hashParams(page)).trainRatio, undefined, 'a generated set gets its test split back');
    await page.click('#datasets [data-dataset="custom"]');
    await frames(page);
    const back = await hashParams(page);
    assert.equal(back.dataset, 'custom', (await readState(page)).message);
    assert.equal(back.data, drawn, 'the drawn points come back');
    assert.equal(back.trainRatio, '1', 'and all train again');

    // Clear: no point the learner did not draw, still drawing, and no number made up for no data.
    await page.click('#draw-clear');
    await frames(page);
    assert.equal((await hashParams(page)).data, undefined, 'no points in the link');
    assert.ok(!(await anyPointShown(page)), 'the plot shows no point');
    assert.match(await page.textContent('#plot-caption'), /No points yet/);
    let st = await readState(page);
    assert.ok(Number.isNaN(st.testAccuracy) && Number.isNaN(st.testLoss) && Number.isNaN(st.trainLoss), 'no 0.0%, no loss');
    assert.equal(st.epoch, 0);
    assert.match(st.message, /no points yet/);
    assert.equal(await page.getAttribute('#draw-toggle', 'aria-pressed'), 'true');
    // Export gives what is shown: no points (not the data from before Clear).
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export')]);
    assert.equal(fs.readFileSync(await csv.path(), 'utf8'), 'x1,x2,label\n');
    // Training waits for points: Step and Play say why and change nothing.
    await page.click('#step');
    await page.click('#play');
    await frames(page);
    st = await readState(page);
    assert.equal(st.epoch, 0);
    assert.equal(st.playing, false);
    assert.match(st.message, /no points yet/);
    // The first point is the data, and every drawn point trains (none hidden in a test split).
    await page.selectOption('#draw-class', '0');
    await clickPlane(page, -1, 1);
    await page.selectOption('#draw-class', '1');
    await clickPlane(page, 1, 1);
    d = await customPoints(page);
    assert.equal(d.labels.length, 2);
    assert.deepEqual(Array.from(d.labels), [0, 1]);
    assert.match(await page.textContent('#plot-caption'), /2 points, all for training\./);
    st = await readState(page);
    assert.equal(st.message, '', 'drawing clears the note');
    assert.ok(Number.isFinite(st.trainLoss));
    assert.ok(Number.isNaN(st.testAccuracy), 'no test points: no test accuracy');
    // Removing every point is the empty state again, not an error.
    await clickPlane(page, -1, 1, { shift: true });
    await clickPlane(page, 1, 1, { shift: true });
    assert.ok(!(await anyPointShown(page)));
    assert.match(await page.textContent('#plot-caption'), /No points yet/);
    await clickPlane(page, -1, 1);
    await page.selectOption('#draw-class', '0');
    await clickPlane(page, 1, -1);
    await page.selectOption('#draw-class', '1');
    await clickPlane(page, 1, 1);
    assert.equal((await customPoints(page)).labels.length, 3);
    // Stop drawing: clicks on the plot do nothing.
    await page.click('#draw-toggle');
    assert.equal(await page.getAttribute('#draw-toggle', 'aria-pressed'), 'false');
    await clickPlane(page, -1, -1);
    assert.equal((await customPoints(page)).labels.length, 3);
    // The drawn data trains.
    await page.click('#step');
    await frames(page);
    const s = await readState(page);
    assert.equal(s.epoch, 1);
    assert.equal(s.message, '');
    link = await page.evaluate(() => location.hash);
  });
  // The link brings the drawn points back in a fresh page.
  await withPage(b, link, async (page) => {
    const s = await readState(page);
    assert.equal(s.message, '');
    assert.equal(await page.getAttribute('#datasets [data-dataset="custom"]', 'aria-checked'), 'true');
    assert.equal((await customPoints(page)).labels.length, 3);
    await page.click('#draw-toggle');  // shows every point, whichever split it is in
    await frames(page);
    assert.ok(await pointShown(page, 1, 1), 'the last drawn point is back');
  });
});

const PHONE = { viewport: { width: 390, height: 844 }, touch: true };
const plotInView = (page) => page.$eval('#plot canvas.data-plot-points', (c) => c.scrollIntoView({ block: 'center' }));

test('touch: a tap adds a point, even right beside another; touch and hold removes the one under the finger', T, async () => {
  await withPage(b, '', async (page) => {
    // The drawing hint tells a finger how, not only a mouse.
    const hints = await page.$$eval('fieldset.draw p.hint', (ps) => ps.filter((p) => getComputedStyle(p).display !== 'none').map((p) => p.textContent));
    assert.ok(hints.includes('Tap the output plot to add a point; touch and hold a point to remove it.'), `hints on show: ${hints}`);
    await page.locator('#draw-clear').tap();  // no points, drawing on
    await plotInView(page);
    await frames(page);
    const tapPlane = async (x1, x2) => {
      const p = await planePoint(page, x1, x2);
      await page.touchscreen.tap(p.x, p.y);
      await frames(page);
    };
    await tapPlane(-3, 2);
    await tapPlane(1, 1);
    await tapPlane(1.4, 1);  // a fingertip beside the last one: another point
    let d = await customPoints(page);
    const label = d.labels[0];
    assert.equal(d.labels.length, 3);
    assert.ok(hasPoint(d, -3, 2, label) && hasPoint(d, 1, 1, label) && hasPoint(d, 1.4, 1, label));
    // Held where a finger lands, a little off the point at (1, 1): that point goes, and no point comes.
    const at = await planePoint(page, 0.9, 0.85);
    await touchGesture(page, at, at, { steps: 0,
      whileDown: () => page.waitForFunction(() => /\b2 points\b/.test(document.getElementById('plot-caption').textContent), null, { timeout: 10000 }) });
    d = await customPoints(page);
    assert.equal(d.labels.length, 2);
    assert.ok(hasPoint(d, -3, 2, label) && hasPoint(d, 1.4, 1, label) && !hasPoint(d, 1, 1, label), 'the held point is gone, its neighbour kept');
  }, PHONE);
});

test('touch: a swipe on the output plot scrolls the page, except while drawing', T, async () => {
  await withPage(b, '', async (page) => {
    const swipeUp = async () => {
      await plotInView(page);
      await frames(page);
      const box = await page.locator('#plot canvas.data-plot-points').boundingBox();
      const x = box.x + box.width / 2;
      const before = await page.evaluate(() => scrollY);
      await touchGesture(page, { x, y: box.y + box.height * 0.8 }, { x, y: box.y + box.height * 0.2 });
      return (await page.evaluate(() => scrollY)) - before;
    };
    const scrolled = await swipeUp();
    assert.ok(scrolled > 50, `the page scrolled ${scrolled} px`);
    await page.locator('#draw-toggle').tap();
    assert.equal(await page.getAttribute('#draw-toggle', 'aria-pressed'), 'true');
    assert.equal(await swipeUp(), 0, 'drawing: the plot keeps the finger');
    assert.equal((await hashParams(page)).data, undefined, 'and a swipe is no tap: no point drawn');
  }, PHONE);
});

test('with a validation share, "your data" and Draw train on the rest; a generated set gets test data back', T, async () => {
  const split = async (page) => {
    const { trainRatio = '0.5', validationRatio = '0' } = await hashParams(page);
    return [trainRatio, validationRatio];
  };
  const refused = async (page) => {
    const s = await readState(page);
    return s.messageKind === 'error' ? s.message : '';
  };
  await withPage(b, '#dataset=circles&validationRatio=0.2', async (page) => {
    await page.click('#datasets [data-dataset="custom"]');
    await frames(page);
    assert.equal(await refused(page), '', 'not refused');
    assert.equal((await hashParams(page)).dataset, 'custom');
    assert.deepEqual(await split(page), ['0.8', '0.2'], 'validation keeps its share, training takes the rest');
    await page.click('#datasets [data-dataset="circles"]');
    await frames(page);
    assert.deepEqual(await split(page), ['0.5', '0.2'], 'the default training share back, beside the validation share');
  });
  await withPage(b, '#dataset=circles&validationRatio=0.2&points=40', async (page) => {
    await page.click('#draw-toggle');
    await clickPlane(page, 2, 2);
    assert.equal(await refused(page), '', 'not refused');
    assert.equal((await customPoints(page)).labels.length, 41, 'the point is drawn');
    assert.deepEqual(await split(page), ['0.8', '0.2']);
  });
  // Validation raised on the learner's points: the generated set still gets its test data.
  await withPage(b, '#dataset=circles', async (page) => {
    await page.click('#datasets [data-dataset="custom"]');
    await frames(page);
    assert.deepEqual(await split(page), ['1', '0']);
    await slide(page, 'validationRatio', 0.2);
    assert.deepEqual(await split(page), ['0.8', '0.2']);
    await page.click('#datasets [data-dataset="circles"]');
    await frames(page);
    assert.deepEqual(await split(page), ['0.5', '0.2']);
    await stepEpochs(page, 1);
    assert.ok(Number.isFinite((await readState(page)).testAccuracy), 'the test accuracy is measured');
  });
});

test('drawn 2-D points and a drawn curve keep each other: a visit to "your curve" loses no drawn point', T, async () => {
  await withPage(b, '', async (page) => {
    await page.click('#draw-clear');
    await clickPlane(page, -2, 2);
    await clickPlane(page, 2, -2);
    await clickPlane(page, 3, 3);
    const drawn = (await hashParams(page)).data;
    assert.equal(decodePoints(drawn).labels.length, 3);
    await page.click('#datasets [data-dataset="sine"]');
    await page.click('#datasets [data-dataset="curve"]');
    await frames(page);
    await clickPlane(page, 1, 0.5);  // the sine's points, and one drawn
    const curve = (await hashParams(page)).data;
    assert.equal((await hashParams(page)).dataset, 'curve');
    // Back to "your data": the three points, in the page and the link; and back to the curve.
    await page.click('#datasets [data-dataset="custom"]');
    await frames(page);
    assert.equal((await hashParams(page)).dataset, 'custom');
    assert.equal((await hashParams(page)).data, drawn, 'the drawn points come back');
    assert.match(await page.textContent('#plot-caption'), /3 points, all for training\./);
    assert.equal((await readState(page)).message, '');
    await page.click('#datasets [data-dataset="curve"]');
    await frames(page);
    assert.equal((await hashParams(page)).data, curve, 'and so does the curve');
  });
});

function csvFile(name, text) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text) };
}
async function importCsv(page, name, text) {
  await page.setInputFiles('#csv-import', csvFile(name, text));
  await page.waitForFunction(() => !document.getElementById('message').hidden);
  await frames(page);
  return readState(page);
}

test('CSV import: good binary and multi-class files replace the data; bad files name the line', T, async () => {
  await withPage(b, '#points=40', async (page) => {
    const binary = 'x1,x2,label\n1,1,1\n-1,-1,1\n1,-1,0\n-1,1,0\n2.5,2.5,1\n-2.5,2.5,0\n';
    let s = await importCsv(page, 'four.csv', binary);
    assert.equal(s.messageKind, 'info');
    assert.match(s.message, /Imported 6 points \(binary\)/);
    assert.equal(await page.textContent('#problem'), 'classification');
    assert.equal(await page.getAttribute('#datasets [data-dataset="custom"]', 'aria-checked'), 'true');
    let d = await customPoints(page);
    assert.equal(d.labels.length, 6);
    assert.ok(hasPoint(d, -2.5, 2.5, 0));

    const rows = ['x1;x2;label'];  // semicolons and decimal commas, as a spreadsheet writes them
    for (let k = 0; k < 3; ++k) for (let i = 0; i < 4; ++i) rows.push(`${k * 3 - 3},${i};${i - 2};${k}`);
    s = await importCsv(page, 'three.csv', rows.join('\r\n'));
    assert.match(s.message, /Imported 12 points \(multiclass\)/);
    assert.equal(await page.textContent('#problem'), '3-class classification');
    assert.equal(await page.inputValue('select[data-key="outputActivation"]'), 'softmax');
    assert.equal(await page.inputValue('select[data-key="loss"]'), 'softmax_ce');
    d = await customPoints(page);
    assert.equal(d.classes, 3);
    assert.equal(d.labels.length, 12);
    assert.deepEqual(await page.$$eval('#draw-class option', (os) => os.map((o) => o.value)), ['0', '1', '2']);
    const before = await hashParams(page);

    // A bad number on line 3: an error naming it; the data stays.
    s = await importCsv(page, 'bad.csv', 'x1,x2,label\n1,2,0\n1,abc,1\n');
    assert.equal(s.messageKind, 'error');
    assert.match(s.message, /bad\.csv/);
    assert.match(s.message, /line 3/);
    assert.match(s.message, /'abc' is not a number/);
    assert.deepEqual(await hashParams(page), before);
    assert.equal(await page.textContent('#problem'), '3-class classification');
    await page.click('#message-close');
    // A wrong column count.
    s = await importCsv(page, 'columns.csv', '1,2,0\n3,4\n');
    assert.match(s.message, /line 2: expected 3 columns \(x1,x2,label\), got 2/);
    assert.deepEqual(await hashParams(page), before);
    // One row: one point, in the singular.
    s = await importCsv(page, 'one.csv', 'x1,x2,label\n1,1,1\n');
    assert.equal(s.message, 'Imported 1 point (binary).');
    // The same file again after an error still imports (the input was emptied).
    s = await importCsv(page, 'four.csv', binary);
    assert.match(s.message, /Imported 6 points/);
    assert.equal(await page.textContent('#problem'), 'classification');
    assert.equal(await page.inputValue('select[data-key="outputActivation"]'), 'tanh');
  });
});

test('the class to draw lists the classes on show: a generated set\'s own count after the learner\'s points of another', T, async () => {
  await withPage(b, '', async (page) => {
    const options = () => page.$$eval('#draw-class option', (os) => os.map((o) => o.value));
    const three = 'x1,x2,label\n1,1,0\n-1,1,1\n-1,-1,2\n1,-1,0\n';
    // The learner's 3 classes, then the blobs with 6: every class of the blobs can be drawn.
    const s = await importCsv(page, 'three.csv', three);
    assert.match(s.message, /Imported 4 points \(multiclass\)/);
    assert.deepEqual(await options(), ['0', '1', '2']);
    await page.click('#datasets [data-dataset="blobs"]');
    await slide(page, 'classes', 6);
    assert.equal(await page.textContent('#problem'), '6-class classification');
    assert.deepEqual(await options(), ['0', '1', '2', '3', '4', '5']);
    await page.click('#draw-toggle');
    await page.selectOption('#draw-class', '5');
    await clickPlane(page, 5.5, -5.5);
    const d = await customPoints(page);
    assert.equal(d.classes, 6);
    assert.ok(hasPoint(d, 5.5, -5.5, 5), 'the point drawn in class 5');
    // The 3 classes again, then Clear on the blobs: an empty plane to draw the blobs' 6 classes on.
    await importCsv(page, 'three.csv', three);
    await page.click('#datasets [data-dataset="blobs"]');
    await page.click('#draw-clear');
    await frames(page);
    assert.deepEqual(await options(), ['0', '1', '2', '3', '4', '5']);
  });
});

test('CSV export downloads the current data, which reads back', T, async () => {
  await withPage(b, '#dataset=moons&points=50&noise=0.1', async (page) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export')]);
    assert.equal(download.suggestedFilename(), 'backprop-data.csv');
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.match(text, /^x1,x2,label\n/);
    const parsed = parseCsv(text);
    assert.equal(parsed.labels.length, 50);
    assert.equal(parsed.problem, 'binary');
    // Imported back, it is the same data: the same 50 points as the learner's own.
    const s = await importCsv(page, 'backprop-data.csv', text);
    assert.match(s.message, /Imported 50 points \(binary\)/);
    const d = await customPoints(page);
    for (let i = 0; i < 50; ++i) {
      assert.ok(Math.abs(d.xy[2 * i] - parsed.xy[2 * i]) <= 0.005 && d.labels[i] === parsed.labels[i], `point ${i}`);
    }
  });
});

test('CSV export of a 1-D dataset reads back as a curve, the same points as the page\'s own curve', T, async () => {
  await withPage(b, '#dataset=sine&seed=4', async (page) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-export')]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.match(text, /^x,y\n-?\d/, 'x -> y rows, no x2');
    // The same points as the page's curve ("your curve" adopts the sine on show): the loss to match.
    await page.click('#datasets [data-dataset="curve"]');
    await frames(page);
    assert.equal((await hashParams(page)).dataset, 'curve');
    await stepEpochs(page, 5);
    const viaCurve = await readState(page);
    assert.equal(viaCurve.epoch, 5);

    const s = await importCsv(page, 'backprop-data.csv', text);
    assert.match(s.message, /Imported \d+ points \(regression\)/);
    const hash = await hashParams(page);
    assert.equal(hash.dataset, 'curve', 'a curve, not 2-D points');
    assert.equal(hash.features, undefined, 'the 1-D default: x1 alone');
    assert.equal(await page.getAttribute('#datasets [data-dataset="curve"]', 'aria-checked'), 'true');
    assert.match(await page.textContent('#plot-caption'), /^Network output over x \(line\) and the targets \(points\)\./);
    assert.equal(s.epoch, 0, 'new points: a new run');
    await stepEpochs(page, 5);
    const viaCsv = await readState(page);
    assert.equal(viaCsv.epoch, 5);
    assert.ok(Number.isFinite(viaCsv.trainLoss));
    assert.equal(viaCsv.trainLoss, viaCurve.trainLoss, 'the same points train the same');
  });
});

test('2-D points after 1-D data train on x1 and x2, as a generated 2-D set does, imported or picked', T, async () => {
  await withPage(b, '#dataset=sine', async (page) => {
    // The x2 card (absent on 1-D data) checked: an input of the network.
    const x2Wired = () => page.$$eval('#network [data-feature="x2"]', (cards) => cards[0]?.getAttribute('aria-checked') ?? 'absent');
    const s = await importCsv(page, 'twod.csv', 'x1,x2,label\n1,2,0\n-1,-2,1\n3,-3,1\n-4,4,0\n');
    assert.match(s.message, /Imported 4 points \(binary\)/);
    let hash = await hashParams(page);
    assert.equal(hash.dataset, 'custom');
    assert.equal(hash.features, undefined, '2-D data\'s default, x1 and x2, not the curve\'s x1 alone');
    assert.equal(await x2Wired(), 'true');
    // Back to the sine (x1 alone), then the "your data" thumbnail: x1 and x2 again.
    await page.click('#datasets [data-dataset="sine"]');
    await frames(page);
    assert.equal(await x2Wired(), 'absent');
    await page.click('#datasets [data-dataset="custom"]');
    await frames(page);
    hash = await hashParams(page);
    assert.equal(hash.dataset, 'custom');
    assert.equal(hash.features, undefined);
    assert.equal(await x2Wired(), 'true');
  });
});

test('input scaling: standardising fits the training points only, says so with the core\'s numbers, and trains', T, async () => {
  await withPage(b, '#dataset=circles&noise=0.2&trainRatio=0.7&features=x1,x2,x1%5E2&seed=3', async (page) => {
    assert.equal(await page.isHidden('#scaling-note'), true, 'no note without scaling');
    await choose(page, 'inputScaling', 'standardise');
    assert.equal((await hashParams(page)).inputScaling, 'standardise', 'the choice travels in the link');
    assert.equal((await readState(page)).epoch, 0, 'a new run: the network sees other inputs');
    const note = await page.textContent('#scaling-note');
    // The statistics, recomputed here from the dataset's training points alone (population sd).
    const expected = await page.evaluate(async () => {
      const { Engine } = await import('./engine.js');
      const { parseHash, engineSettings } = await import('./state.js');
      const { formatNumber } = await import('./views/format.js');
      const engine = new Engine(await window.createBackpropCore());
      try {
        engine.configure(engineSettings(parseHash(location.hash).state));
        const d = engine.dataset();
        const feature = [(x) => x[0], (x) => x[1], (x) => x[0] * x[0]];
        const fitted = engine.featureScaling();
        return feature.map((f, k) => {
          const values = Array.from(d.train, (i) => f([d.xy[2 * i], d.xy[2 * i + 1]]));
          const mean = values.reduce((a, v) => a + v, 0) / values.length;
          const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
          return { mean, sd, shownMean: formatNumber(fitted.mean[k]), shownAbsMean: formatNumber(Math.abs(fitted.mean[k])), shownSd: formatNumber(fitted.sd[k]),
            fittedMean: fitted.mean[k], fittedSd: fitted.sd[k], train: d.train.length };
        });
      } finally {
        engine.dispose();
      }
    });
    for (const [k, name] of ['x1', 'x2', 'x1^2'].entries()) {
      const e = expected[k];
      assert.ok(Math.abs(e.fittedMean - e.mean) <= 1e-4 * (1 + Math.abs(e.mean)), `${name}: mean ${e.fittedMean} vs ${e.mean}`);
      assert.ok(Math.abs(e.fittedSd - e.sd) <= 1e-4 * e.sd, `${name}: sd ${e.fittedSd} vs ${e.sd}`);
      // A negative mean is added: x1 + 0.212, not x1 − −0.212.
      const shift = e.fittedMean < 0 ? `+ ${e.shownAbsMean}` : `− ${e.shownMean}`;
      assert.ok(note.includes(`${name} → (${name} ${shift}) / ${e.shownSd}`), `${name} in: ${note}`);
    }
    assert.match(note, new RegExp(`of the ${expected[0].train} training points`));
    await stepEpochs(page, 20);
    const state = await readState(page);
    assert.equal(state.epoch, 20);
    assert.ok(state.testLoss < 0.5, `trains on standardised inputs (test loss ${state.testLoss})`);
    await choose(page, 'inputScaling', 'none');
    assert.equal(await page.isHidden('#scaling-note'), true, 'the note goes with the scaling');
  });
});
