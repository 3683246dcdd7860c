// End-to-end: the playground's composed texts in other languages. In the pseudo-locale, where every
// message is shown bracketed and accented, what the page composes after a learner's actions is a
// message: the hover captions of a neuron, a link and the output plot, the step panel's phases,
// the layer table, the Share dialog, the warnings of a bad link, a malformed CSV and a diverging run,
// the comparison of two runs, the class or target to draw. In French: a warning and a hover caption read French, numbers with a
// decimal comma; a refused model file names its data as the page does.
// Not here: the course's chapters (i18n-chapters.e2e.mjs), the shell (i18n.e2e.mjs), the catalogue's
// coverage of t() (tests/web/i18n.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useBrowser, withPage, frames, readState, hoverSvg } from './browser.mjs';
import { settled } from './embed-page.mjs';
import { untranslated } from './pseudo-locale.mjs';
import { SETTINGS } from '../../web/state.js';

const b = useBrowser();
const T = { timeout: 90000 };

// Words that are notation in every language: names of functions and methods, and the link's own
// words (its keys and values are code: a link is written in them whatever the page's language).
const NOTATION = ['ReLU', 'tanh', 'MSE', 'SGD', 'Adam', 'dJ', 'dw', 'db', 'sin', 'softmax', 'PReLU',
  ...SETTINGS.flatMap((e) => [e.key, ...(Array.isArray(e.values) ? e.values : [])])];

// The page's texts outside the course's chapter; hidden parts left out (closed dialogs keep their
// last texts), and the languages' own names.
const SCOPE = { roots: ['body'], skip: '#chapter, [hidden], #language option' };
// Each untranslated text in full, as the catalogue's key must be written (a composed one: its template).
async function check(page, what) {
  const found = await page.evaluate(untranslated, { ...SCOPE, notation: NOTATION });
  assert.deepEqual(found, [], `${what}, untranslated:\n${found.join('\n')}`);
}

async function step(page, n = 1) {
  for (let i = 0; i < n; ++i) await page.click('#step');
  await frames(page);
}

// Moves the mouse onto a visible point of an element of the network diagram (a neuron, a link).
async function hover(page, selector) {
  await hoverSvg(page, selector);
  await frames(page, 2);
}

const message = (page) => page.textContent('#message-text');

// Moves the mouse over the loss chart: its box of exact values opens.
async function hoverChart(page) {
  await page.locator('#chart canvas').first().scrollIntoViewIfNeeded();
  const box = await page.locator('#chart canvas').first().boundingBox();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.3, { steps: 3 });
  await page.waitForSelector('#chart .chart-tooltip', { state: 'visible' });
}

test('pseudo-locale: hover captions of a neuron, a link and a bias, and the layer table, are messages', T, async () => {
  await withPage(b, '#lang=pseudo', async (page) => {
    await step(page, 2);
    await check(page, 'the page after two steps, its layer table open');
    await page.hover('#network [data-unit="1:0"]');
    await frames(page, 3);
    assert.match(await page.textContent('#plot-caption'), /^⟦/);
    await check(page, 'a hidden neuron hovered');
    await hover(page, 'path[data-param="0:1:0"]');
    await page.waitForSelector('#network .tooltip:not([hidden])');
    await check(page, 'a link hovered');
    await hover(page, 'rect[data-param$=":bias"]');
    await page.waitForSelector('#network .tooltip:not([hidden])');
    await check(page, 'a bias hovered');
    await hoverChart(page);
    await check(page, 'the chart hovered: its box of exact values');
  });
});

test('pseudo-locale: the step panel\'s phases are messages', T, async () => {
  await withPage(b, '#lang=pseudo', async (page) => {
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    await frames(page);
    if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
    const phases = await page.$$eval('#step-timeline button', (bs) => bs.length);
    assert.ok(phases >= 5, `${phases} phases`);
    for (let i = 0; i < phases; ++i) {
      await page.click(`#step-timeline button >> nth=${i}`);
      await frames(page);
      await check(page, `phase ${i + 1} of ${phases}`);
    }
    await page.click('#step-trace-batch');
    await frames(page);
    await check(page, 'a mini-batch step');
  });
});

// What the step panel composes in code: its phase heading, the timeline's labels, the example
// picker, the diagram's unit and link labels, the equation box's hint and the batch chart's labels.
const stepTexts = (page) => page.evaluate(() => {
  const all = (selector) => [...document.querySelectorAll(selector)];
  const attrs = (selector, name) => all(selector).map((e) => e.getAttribute(name));
  return {
    phase: document.getElementById('step-phase').textContent,
    timeline: attrs('#step-timeline button', 'aria-label'),
    examples: all('#step-example option').map((o) => o.textContent),
    units: attrs('#step-network .step-unit:not(.input)', 'aria-label'),
    links: attrs('#step-network .step-hit', 'aria-label'),
    hint: all('#step-equation .hint').map((p) => p.textContent),
    chart: [...attrs('#step-equation .batch-gradients', 'aria-label'), ...attrs('#step-equation .batch-bar', 'aria-label'),
      ...all('#step-equation .batch-bar title, #step-equation .mean-label').map((e) => e.textContent)],
  };
});
const ENGLISH = /\b(examples?|mini-batch|forward|backward|loss|average|update|link|weight|show|output|not reached|mean|follow|each of)\b/i;

function assertFrenchStep(texts, what) {
  const english = Object.values(texts).flat().filter((text) => ENGLISH.test(text));
  assert.deepEqual(english, [], `${what}: English left`);
  assert.match(texts.examples[0], /^exemple 1 \(point \d+\)$/);
  assert.ok(texts.links.length > 0 && texts.units.length > 0 && texts.timeline.length > 5, what);
}

// Pauses the step and goes to phase i (from the end when negative) of its timeline.
async function toPhase(page, i) {
  if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
  await page.click(`#step-timeline button >> nth=${i}`);
  await frames(page);
}

// Selects a unit, a link or a bias of the step diagram, as the keyboard does.
async function selectInStep(page, selector) {
  await page.focus(`#step-network ${selector}`);
  await page.keyboard.press('Enter');
  await frames(page);
}

test('in French: the step panel\'s phases, timeline, example picker, diagram labels, hint and batch chart, traced before or after the switch', T, async () => {
  await withPage(b, '#lang=fr&batchSize=4', async (page) => {
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-batch');
    await toPhase(page, 1);
    await selectInStep(page, '[data-unit="3:0"]');  // the output, which the forward pass has not reached
    const texts = await stepTexts(page);
    assert.match(texts.phase, /^2 \/ \d+ · Avant : entrées → h1$/);
    assert.deepEqual(texts.hint, ['Pas encore atteint à cette phase : appuyez sur Suivant.']);
    assertFrenchStep(texts, 'traced in French, phase 2');
    await toPhase(page, -2);
    await selectInStep(page, '.step-hit >> nth=0');
    const chart = await stepTexts(page);
    assert.match(chart.chart[0], /: le gradient de chacun des 4 exemples, et leur moyenne −?\d/);
    assert.match(chart.chart[1], /^exemple 1 \(point \d+\) : −?\d[^ ]* ; le suivre$/);
    assert.match(chart.chart.at(-1), /^moyenne −?\d/);
    assertFrenchStep(chart, 'traced in French, the batch average');
  });
  await withPage(b, '#batchSize=4', async (page) => {
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-batch');
    await toPhase(page, -2);
    await selectInStep(page, '.step-hit >> nth=0');
    const english = await stepTexts(page);
    assert.match(english.phase, /· Average over the 4 examples$/);
    assert.match(english.chart.at(-1), /^mean −?\d/);
    await page.selectOption('#language', 'fr');
    await frames(page);
    const texts = await stepTexts(page);
    assert.match(texts.phase, /· Moyenne sur les 4 exemples$/);
    assert.match(texts.chart.at(-1), /^moyenne −?\d/);
    assertFrenchStep(texts, 'traced in English, then French');
    await toPhase(page, 1);
    await selectInStep(page, '[data-unit="3:0"]');
    assert.deepEqual((await stepTexts(page)).hint, ['Pas encore atteint à cette phase : appuyez sur Suivant.']);
    // And back: English again.
    await page.selectOption('#language', 'en');
    await frames(page);
    const back = await stepTexts(page);
    assert.match(back.phase, /· Forward: inputs → h1$/);
    assert.deepEqual(back.hint, ['Not reached yet at this phase: press Next.']);
    assert.match(back.examples[0], /^example 1 \(point \d+\)$/);
  });
});

// The backward phases' texts, each with its matrix form ("In matrix form: … (a⁽¹⁾)ᵀ: 1×1 · 1×2 …").
async function matrixForms(page) {
  if (await page.getAttribute('#step-play', 'aria-pressed') === 'true') await page.click('#step-play');
  const texts = [];
  for (let i = 0, n = await page.$$eval('#step-timeline button', (bs) => bs.length); i < n; ++i) {
    await page.click(`#step-timeline button >> nth=${i}`);
    await frames(page);
    const text = await page.textContent('#step-text');
    if (text.includes('ᵀ')) texts.push(text);
  }
  return texts;
}

test('in French: the step panel\'s matrix forms put a space before every colon, a no-break one before the shapes\', traced before or after the switch', T, async () => {
  const french = (texts, what) => {
    assert.ok(texts.length >= 2, `${what}: every backward phase`);
    for (const text of texts) {
      assert.match(text, /Sous forme matricielle : /, what);
      assert.match(text, /\(a⁽[⁰¹²³⁴-⁹]⁾\)ᵀ\u00a0: \d+×1 · 1×\d+ = /, what);
      assert.doesNotMatch(text, /\S:/, `${what}: a colon with no space before it in ${text}`);
    }
  };
  await withPage(b, '#lang=fr', async (page) => {
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    french(await matrixForms(page), 'traced in French');
  });
  await withPage(b, '', async (page) => {
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    for (const text of await matrixForms(page)) assert.match(text, /\(a⁽[⁰¹²³⁴-⁹]⁾\)ᵀ: \d+×1 · 1×\d+ = /, 'English: no space');
    await page.selectOption('#language', 'fr');
    await frames(page);
    french(await matrixForms(page), 'traced in English, then French');
  });
});

test('pseudo-locale: the Share dialog and the comparison of two runs are messages', T, async () => {
  await withPage(b, '#lang=pseudo&compare=1&b.learningRate=0.3', async (page) => {
    await step(page, 2);
    await check(page, 'two runs compared');
    await page.click('#share');
    await settled(page);
    await check(page, 'the Share dialog');
  });
});

test('pseudo-locale: the target to draw on regression data and the Draw button while drawing are messages', T, async () => {
  await withPage(b, '#dataset=plane&outputActivation=linear&lang=pseudo', async (page) => {
    await page.click('#draw-toggle');
    await frames(page);
    await check(page, 'regression data, drawing');
  });
});

test('the classes to draw are named in the language switched to, the class chosen kept', T, async () => {
  await withPage(b, '#dataset=blobs&classes=4&outputActivation=softmax&loss=softmax_ce', async (page) => {
    const options = () => page.$$eval('#draw-class option', (os) => os.map((o) => o.textContent));
    await page.selectOption('#draw-class', '3');
    await page.selectOption('#language', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await frames(page);
    assert.deepEqual(await options(), ['classe 0', 'classe 1', 'classe 2', 'classe 3']);
    assert.equal(await page.inputValue('#draw-class'), '3');
    await page.selectOption('#language', 'en');
    await frames(page);
    assert.deepEqual(await options(), ['class 0', 'class 1', 'class 2', 'class 3']);
    assert.equal(await page.inputValue('#draw-class'), '3');
  });
});

test('output k is class k in both languages: the network, its tooltips and hover caption, the step diagram, the legend', T, async () => {
  await withPage(b, '#dataset=blobs&classes=3&outputActivation=softmax&loss=softmax_ce', async (page) => {
    const named = async (output, klass) => {
      const outputs = await page.$$eval('#network [data-unit^="3:"]', (els) => els.map((e) => e.getAttribute('aria-label')));
      assert.deepEqual(outputs, [0, 1, 2].map((k) => `${output} ${k}`));
      await page.locator('#network').scrollIntoViewIfNeeded();
      const legend = await page.textContent('#plot .data-plot-legend');
      for (let k = 0; k < 3; ++k) assert.ok(legend.includes(`${klass} ${k}`), legend);
      await hover(page, 'rect[data-param="2:0:bias"]');
      await page.waitForSelector('#network .tooltip:not([hidden])');
      assert.match(await page.innerText('#network .tooltip'), new RegExp(`^\\S+ \\S+ ${output} 0\\n`));
      await page.hover('#network [data-unit="3:2"]');
      await frames(page, 3);
      assert.match(await page.textContent('#plot-caption'), new RegExp(`^${output} 2 \\(softmax\\)`));
      await page.mouse.move(0, 0);
    };
    await named('output', 'class');
    await page.locator('#step-panel').scrollIntoViewIfNeeded();
    await page.click('#step-trace-example');
    await frames(page);
    const stepUnits = () => page.$$eval('#step-network [data-unit^="3:"]', (els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual(await stepUnits(), [0, 1, 2].map((k) => `output ${k}. Show its equation`));
    await page.selectOption('#language', 'fr');
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await frames(page);
    await named('sortie', 'classe');
    assert.deepEqual((await stepUnits()).map((s) => s.split('.')[0]), ['sortie 0', 'sortie 1', 'sortie 2']);
  });
});

test('pseudo-locale: the warnings of a bad link, a malformed CSV and a diverging run are messages', T, async () => {
  await withPage(b, '#lang=pseudo&learningRat=0.1&hidden=4,x&noise=2', async (page) => {
    assert.match(await message(page), /^⟦/);
    await check(page, 'a bad link');
    await page.click('#message-close');
    await page.setInputFiles('#csv-import', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n1,2,0\n1,abc,1\n') });
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    await check(page, 'a malformed CSV');
    await page.setInputFiles('#csv-import', { name: 'columns.csv', mimeType: 'text/csv', buffer: Buffer.from('1,2,0\n3,4\n') });
    await frames(page);
    await check(page, 'a CSV with a missing column');
  });
  await withPage(b, '#lang=pseudo&learningRate=100', async (page) => {
    await step(page, 5);
    assert.equal((await readState(page)).messageKind, 'warning');
    await check(page, 'a saturated output');
  });
  await withPage(b, '#lang=pseudo&activation=linear&outputActivation=linear&learningRate=100', async (page) => {
    await step(page);
    assert.equal((await readState(page)).messageKind, 'error');
    await check(page, 'a diverged run');
    await step(page);
    await check(page, 'a step after it diverged');
  });
});

test('in French: a warning and a hover caption read French, numbers with a decimal comma; the link\'s and the core\'s messages too', T, async () => {
  await withPage(b, '#lang=fr&learningRate=100', async (page) => {
    await step(page, 5);
    const s = await readState(page);
    assert.equal(s.messageKind, 'warning');
    assert.match(s.message, /^La sortie tanh est saturée : sa pente moyenne f′\(z\) vaut \d,\d+(e-\d+)? \(au plus 1\), si bien que presque aucun gradient ne repart en arrière alors que \d+\u00a0% des points d’entraînement sont mal classés\. Le taux d’apprentissage \(100\) est sans doute trop grand : baissez-le, puis réinitialisez\.$/);
    await page.hover('#network [data-unit="1:0"]');
    await frames(page, 3);
    assert.match(await page.textContent('#plot-caption'), /^h1\.1 \(tanh\), biais −?\d,\d+ : de −?\d+(,\d+)? à −?\d+(,\d+)? sur le plan des entrées\.$/);
    await hover(page, 'path[data-param="0:1:0"]');
    await page.waitForSelector('#network .tooltip:not([hidden])');
    assert.match(await page.innerText('#network .tooltip'), /^poids x1 → h1\.2\nvaleur −?\d,\d+\ngradient dJ\/dw = −?\d,\d+/);
    await hoverChart(page);
    const box = await page.innerText('#chart .chart-tooltip');
    assert.match(box, /^époque \d+\ntest\s+\d,\d+\nentraînement\s+\d,\d+\nexactitude \(test\)\s+\d+,\d\u00a0%\nexactitude \(entraînement\)\s+\d+,\d\u00a0%$/, box);
  });
  // Mini-batch steps: the layer table's numbers, the chart's fractional epochs and its axes, all with a decimal comma.
  await withPage(b, '#stepMode=batch&lang=fr', async (page) => {
    // The chart is drawn on a canvas: its axis labels are read as they are drawn.
    await page.evaluate(() => {
      const fillText = CanvasRenderingContext2D.prototype.fillText;
      window.drawnTexts = [];
      CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
        if (this.canvas.closest('#chart')) window.drawnTexts.push(String(text));
        return fillText.call(this, text, ...rest);
      };
    });
    await step(page, 3);
    const slopes = await page.$$eval('#layer-stats td.slope', (tds) => tds.map((td) => td.textContent));
    assert.ok(slopes.length > 0 && slopes.every((v) => /^\d,\d\d$/.test(v)), slopes.join(' '));
    const titles = await page.$$eval('#layer-stats tr[title]', (rows) => rows.map((r) => r.title));
    assert.ok(titles.length > 0 && titles.every((v) => /^activation moyenne −?\d,\d\d ± \d,\d\d$/.test(v)), titles.join(' | '));
    assert.ok(titles.some((v) => v.includes('−')), 'a negative mean has a real minus sign');
    const ticks = await page.evaluate(() => window.drawnTexts.filter((text) => /^[\d−]/.test(text)));
    assert.ok(ticks.some((v) => /^0,\d+$/.test(v)) && !ticks.some((v) => /\d\.\d/.test(v)), ticks.join(' '));
    await hoverChart(page);
    assert.match(await page.innerText('#chart .chart-tooltip'), /^époque 0,\d+\n/);
  });
  await withPage(b, '#lang=fr&learningRat=0.1&noise=2&hidden=4,x', async (page) => {
    assert.equal(await message(page), 'Certains réglages du lien n’ont pas été compris et gardent leur valeur par défaut : ' +
      'réglage inconnu « learningRat » ignoré ; noise : « 2 » est hors de l’intervalle [0, 1] ; on garde 0 ; ' +
      'hidden : « 4,x » contient \'x\', qui n’est pas un nombre ; on garde 4,2.');
    await page.click('#message-close');
    await page.setInputFiles('#csv-import', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n1,2,0\n1,abc,1\n') });
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    assert.equal(await message(page), 'Impossible d’importer bad.csv : ligne 3 : « abc » n’est pas un nombre');
    // The problem a message names, in French too.
    await page.click('#message-close');
    await page.setInputFiles('#csv-import', { name: 'four.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n1,2,0\n-1,-2,1\n3,-3,1\n-4,4,0\n') });
    await page.waitForFunction(() => !document.getElementById('message').hidden);
    assert.equal(await message(page), '4 points importés (binaire).');
  });
  for (const [hash, problem] of [['dataset=xor&loss=bce', 'binaire'], ['dataset=plane&outputActivation=softmax', 'régression'],
    ['dataset=blobs&loss=bce', 'multi-classe']]) {
    await withPage(b, `#lang=fr&${hash}`, async (page) => {
      assert.match(await message(page), new RegExp(`^Certains réglages du lien ne conviennent pas aux données de ce problème \\(${problem}\\)`));
    });
  }
  // The problem the data set poses, in the header.
  for (const [dataset, problem] of [['sine', 'régression'], ['blobs', 'classification à 3 classes'], ['xor', 'classification']]) {
    await withPage(b, `#lang=fr&dataset=${dataset}`, async (page) => {
      assert.equal(await page.textContent('#problem'), problem);
    });
  }
  await withPage(b, '#lang=fr&activation=linear&outputActivation=linear&learningRate=100', async (page) => {
    await step(page);
    assert.match(await message(page), /^l’entraînement a divergé à l’époque \d+ : les poids sont devenus NaN ou infinis\. Baissez le taux d’apprentissage, puis réinitialisez\.$/);
  });
});

// Records on each canvas the texts drawn on it (canvas text is not in the page's DOM).
function recordCanvasTexts() {
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...at) {
    (this.canvas.drawnTexts ??= new Set()).add(String(text));
    return fillText.call(this, text, ...at);
  };
}

// A model file as the page saves one: `settings` over the page's, zeros for weights.
const modelFile = (name, settings, layerSizes) => {
  let count = 0;
  for (let l = 0; l + 1 < layerSizes.length; ++l) count += (layerSizes[l] + 1) * layerSizes[l + 1];
  const model = { format: 'backprop-playground-model', version: 1, settings, layerSizes, params: new Array(count).fill(0), epoch: 0 };
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(model)) };
};

test('in French: a model file for other data is refused in French, the data named as the page names it', T, async () => {
  await withPage(b, '#lang=fr&dataset=circles', async (page) => {
    const refused = async (file) => {
      await page.setInputFiles('#model-load', file);
      await page.waitForFunction(() => !document.getElementById('message').hidden);
      const s = await readState(page);
      assert.equal(s.messageKind, 'error');
      await page.click('#message-close');
      return s.message;
    };
    // Three outputs where the circles (one class against the other) need one.
    assert.equal(await refused(modelFile('trois.json', { dataset: 'circles', hidden: [4] }, [2, 4, 3])),
      'Impossible de charger trois.json : le modèle a 3 sorties mais les données « cercles » (binaire) en demandent 1');
    // x1 and x2 as inputs where the sine, 1-D data, has only x1.
    assert.equal(await refused(modelFile('sinus.json', { dataset: 'sine', features: ['x1', 'x2'], hidden: [4] }, [2, 4, 1])),
      'Impossible de charger sinus.json : les entrées du modèle x1, x2 demandent x2, que « sinus » (données 1-D) n’a pas');
  });
});

test('in French: every chart\'s x axis reads époque: the loss, the layers\' gradients, the comparison', T, async () => {
  await withPage(b, '#lang=fr&compare=1&b.activation=relu', async (page) => {
    await step(page, 3);
    const drawn = await page.$$eval('#chart canvas, #layer-stats canvas, #compare-chart canvas',
      (canvases) => canvases.map((c) => [c.closest('[id]').id, [...(c.drawnTexts ?? [])]]));
    for (const id of ['chart', 'layer-stats', 'compare-chart']) {
      const texts = drawn.filter(([where]) => where === id).flatMap(([, t]) => t);
      assert.ok(texts.includes('époque') && !texts.includes('epoch'), `#${id}: ${texts.join(' | ')}`);
    }
  }, { init: recordCanvasTexts });
});

test('the Share dialog\'s controls to hide are all named in the language: icon buttons, a chapter\'s lessons, the noise', T, async () => {
  // The links' keys are no notation here: each control is offered by its name (points and classes
  // are the same words in French, so not in the catalogue).
  const label = (key) => page.$eval(`#hide-options input[value="${key}"]`, (box) => box.parentElement.textContent.trim());
  let page;
  await withPage(b, '#lang=pseudo', async (p) => {
    page = p;
    await page.click('#share');
    await settled(page);
    const found = await page.evaluate(untranslated, { roots: ['#hide-options'], notation: ['ReLU', 'ELU', 'CSV', 'points', 'classes'] });
    assert.deepEqual(found, [], `untranslated:\n${found.join('\n')}`);
  });
  await withPage(b, '#lang=fr', async (p) => {
    page = p;
    await page.click('#share');
    await settled(page);
    assert.deepEqual(await Promise.all(['play', 'step', 'noise', 'lessons'].map(label)),
      ['boutons de lancement', 'un pas et mode de pas', 'bruit', 'leçons du chapitre']);
  });
});

test('in French: the Save figure menu\'s PNG and SVG buttons explain themselves in French; the caption\'s settings are lower-case', T, async () => {
  await withPage(b, '#lang=fr&l1=0.001&l2=0.003', async (page) => {
    const caption = await page.evaluate(async () => {
      const { captionParts } = await import('./playground/figure-caption.js');
      const { parseHash } = await import('./state.js');
      return captionParts(parseHash(location.hash).state, { epoch: 3, testLoss: 0.5 });
    });
    assert.ok(caption.includes('taux d’apprentissage 0,03') && caption.includes('taux L1 0,001') && caption.includes('taux L2 0,003'), caption.join(' · '));
    const titles = await page.$$eval('.figure-export-menu button', (buttons) => buttons.map((el) => [el.dataset.format, el.title]));
    assert.ok(titles.length >= 6, `${titles.length} buttons`);
    for (const [format, title] of titles) {
      assert.equal(title, format === 'png' ? 'Une image au double de la taille à l’écran, avec les réglages dessous'
        : 'Un fichier vectoriel (formes et texte), avec les réglages dessous');
    }
  });
});
