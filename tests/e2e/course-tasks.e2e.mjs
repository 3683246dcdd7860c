// End-to-end: every chapter's "Try this" tasks, not met at their set-up and met after acting as a
// learner would (buttons, fields, a fixed number of epochs), with the labs' numbers read against
// the core's. One browser page: routes change through the hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { frames, choose, slide, readState, stepEpochs, screenshot, clickPlane, engineReference, followToLab, commitToLab, RESULTS } from './browser.mjs';
import { useCoursePage, SIZES, T, assertNoOverflow } from './course-page.mjs';
import { CHAPTERS } from '../../web/course/chapters.js';

const course = useCoursePage();
const { go, openTask, expectStatus, expectDisposedOnLeave } = course;
const page = () => course.session().page;

// The landscape lab computes its slice a few rows per frame (web/course/sliced.js): its numbers are
// there once it is no longer aria-busy.
const landscapeDrawn = () => page().waitForSelector('#landscape-lab:not([aria-busy])');

test('task: the neuron computes NAND, then OR, from the weights typed in', T, async () => {
  await openTask('neuron', 'nand');
  await expectStatus('nand', false, /NAND needs 1/);
  for (const [k, v] of [['w1', -1], ['w2', -1], ['b', 1.5]]) await page().fill(`#neuron-${k}`, String(v));
  await expectStatus('nand', true, /Done/);
  assert.deepEqual(await page().$$eval('.neuron-table td[data-output]', (tds) => tds.map((t) => t.dataset.output)), ['1', '1', '1', '0']);
  await expectStatus('or', false, /OR needs 0/);
  for (const [k, v] of [['w1', 1], ['w2', 1], ['b', -0.5]]) await page().fill(`#neuron-${k}`, String(v));
  await expectStatus('or', true);
});

test('the threshold unit says when rounding, not the weights, puts z off 0 and decides an output (0.3, 0.6, −0.9 at (1, 1))', T, async () => {
  await openTask('neuron', 'nand');
  const type = async (values) => { for (const [k, v] of Object.entries(values)) await page().fill(`#neuron-${k}`, String(v)); };
  const shown = async () => ({
    z: await page().$$eval('.neuron-table tbody tr', (rows) => rows.map((r) => r.children[2].textContent)),
    outputs: await page().$$eval('.neuron-table td[data-output]', (tds) => tds.map((td) => td.dataset.output).join('')),
    note: await page().$eval('#neuron-rounding', (p) => (p.hidden ? null : p.textContent)),
  });
  // On paper z = 0.3 + 0.6 − 0.9 = 0 at (1, 1), output 0; in float32 the core's z is 2⁻²⁴, output 1.
  await type({ w1: 0.3, w2: 0.6, b: -0.9 });
  let s = await shown();
  assert.equal(s.z[3], '5.96×10⁻⁸');
  assert.equal(s.outputs, '0001');
  assert.match(s.note ?? '', /^For x = \(1, 1\), z is 5\.96×10⁻⁸ rather than 0: the core computes in single precision \(float32\).*rounding decides the output \(1\)\./);
  // A boundary clearly off the inputs, or one exactly on an input (AND's z = 0 at b = −2): nothing to say.
  for (const values of [{ b: -0.95 }, { w1: 1, w2: 1, b: -2 }, { w1: 1, w2: 1, b: -1.5 }]) {
    await type(values);
    s = await shown();
    assert.equal(s.note, null, `${JSON.stringify(values)}: z ${s.z}`);
  }
  assert.equal((await shown()).outputs, '0001');
});

test('task: McCulloch-Pitts presets light up their truth tables; NOR by hand; XOR needs two layers', T, async () => {
  await openTask('neuron', 'mp-nor');
  const fires = () => page().$$eval('#mp-unit .mp-table:not(.mp-xor-table) tbody tr', (rows) => rows.map((r) => r.dataset.fires).join(''));
  assert.equal(await fires(), '0001', 'it opens as AND (θ = 2)');
  await page().click('#mp-unit [data-preset="or"]');
  assert.equal(await fires(), '0111');
  assert.equal(await page().textContent('#mp-theta'), '1');
  await page().click('#mp-unit [data-preset="not"]');
  assert.equal(await fires(), '1010', 'NOT x2');
  await expectStatus('mp-nor', false, /x = \(1, 0\) gives the wrong output/);
  await page().selectOption('#mp-kind-1', 'inhibitory');
  assert.equal(await fires(), '1000');
  await expectStatus('mp-nor', true);
  await page().click('#mp-xor');
  assert.match(await page().textContent('#mp-xor-verdict'), /all 12 settings of one unit .* none gives 0, 1, 1, 0/s);
  assert.equal(await page().$$eval('.mp-xor-table tbody tr', (rows) => rows.map((r) => r.dataset.fires).join('')), '0110');
});

test('task: a single unit on two clusters, after removing the hidden layers', T, async () => {
  await openTask('perceptron', 'single-unit');
  await stepEpochs(page(), 50);
  await expectStatus('single-unit', false, /remove the hidden layers/);
  for (let i = 0; i < 2; ++i) await page().click('#network button[aria-label="remove the last hidden layer"]');
  await stepEpochs(page(), 50);
  await expectStatus('single-unit', true);
});

test('task: the perceptron lab, both rules step by step on AND with the core\'s numbers; OR learned, XOR never while Adaline settles; the playground\'s points; play', T, async () => {
  await openTask('perceptron', 'perceptron-or');
  const cell = (rule, row) => page().$eval(`#rules-${rule} .rules-step-body tr:nth-child(${row}) td`, (td) => td.textContent);
  const text = (rule, cls) => page().textContent(`#rules-${rule} .${cls}`);
  await expectStatus('perceptron-or', false, /choose OR/);
  // AND from w = 0 at η = 0.5: z = 0 gives 0, right for the first three inputs, wrong for (1, 1).
  for (let i = 0; i < 3; ++i) await page().click('#rules-step');
  assert.equal(await cell('perceptron', 6), '0', 't − y on (1, 0)');
  await page().click('#rules-step');
  assert.deepEqual([await cell('perceptron', 1), await cell('perceptron', 3), await cell('perceptron', 4), await cell('perceptron', 6), await cell('perceptron', 7)],
    ['(1, 1, 1)', '0', '0', '1', '(0.5, 0.5, 0.5)']);
  assert.equal(await text('perceptron', 'rules-weights'), '(0.5, 0.5, 0.5)');
  // Adaline at η = 0.1 on the same examples: only (1, 1) has an error, so w = 0.1·(1, 1, 1) (Catch2 works it by hand).
  assert.equal(await text('adaline', 'rules-weights'), '(0.1, 0.1, 0.1)');
  assert.deepEqual([await cell('adaline', 4), await cell('adaline', 7)], ['0', '(0.1, 0.1, 0.1)'], 'y = z = 0, Δw = η (t − y) x');
  assert.equal(await page().textContent('#rules-epochs'), '1 epoch of 4 examples');
  assert.equal(await page().$$eval('#rules-perceptron .rules-chart rect', (r) => r.map((x) => x.dataset.mistakes).join()), '1');
  assert.ok(await page().$('#rules-plot circle.current[data-example="3"]'), 'the example of the step is ringed');
  assert.ok(await page().$('#rules-plot .rule-plot-line[data-rule="perceptron"]'), 'the perceptron\'s line is drawn');
  // Adaline's boundary z = 0.5 (halfway between 0 and 1) lies outside the plot at w = 0.1·(1, 1, 1): no line yet.
  assert.equal(await page().$('#rules-plot .rule-plot-line[data-rule="adaline"]'), null);
  // OR: learned within the 100 epochs, and said.
  await page().selectOption('#rules-data', 'or');
  assert.equal(await page().textContent('#rules-epochs'), '0 epochs of 4 examples', 'new data starts over');
  // Epoch by epoch to the first without a mistake; 100 more epochs then still name that one, not the last.
  let firstClean = 0;
  while (!/^Converged/.test(await text('perceptron', 'rules-status')) && firstClean < 10) {
    await page().click('#rules-epoch');
    firstClean += 1;
  }
  const converged = `Converged: epoch ${firstClean} was the first without a mistake, so the weights no longer change.`;
  assert.equal(await text('perceptron', 'rules-status'), converged);
  await page().click('#rules-train');
  assert.match(await page().textContent('#rules-epochs'), /^10\d epochs/);
  assert.equal(await text('perceptron', 'rules-status'), converged);
  await expectStatus('perceptron-or', true);
  assert.ok(await page().$('#rules-plot .rule-plot-line[data-rule="adaline"]'), 'Adaline\'s line is drawn once it crosses the plot');
  // XOR: a mistake in each of the 100 epochs, and the reason; Adaline has settled.
  await page().selectOption('#rules-data', 'xor');
  await expectStatus('perceptron-xor', false, /train for 100 epochs \(0 so far\)/);
  await page().click('#rules-train');
  assert.match(await text('perceptron', 'rules-status'), /^100 epochs and still a mistake in every one: XOR is not linearly separable/);
  assert.match(await text('adaline', 'rules-status'), /^Settled: epoch 100 changed J = 0\.127/);
  await expectStatus('perceptron-xor', true);
  await expectStatus('adaline-xor', true);
  assert.equal(await page().$$eval('#rules-perceptron .rules-chart rect', (r) => r.every((x) => Number(x.dataset.mistakes) >= 1)), true);
  assert.ok(await page().$('#rules-adaline .rules-cost-line'), 'Adaline\'s J per epoch is charted');
  await screenshot(page(), 'course-perceptron-lab.png');
  // Adaline at η = 5 diverges: the lab says so, a further step is refused with a message, the perceptron goes on.
  await page().fill('#rules-rate-adaline', '5');
  await page().dispatchEvent('#rules-rate-adaline', 'change');
  await page().click('#rules-train');
  assert.match(await text('adaline', 'rules-status'), /no longer numbers: the learning rate is too large/);
  await expectStatus('adaline-xor', false, /lower Adaline's η/);
  await page().click('#rules-step');
  assert.match((await page().textContent('#message')).trim(), /^Adaline: .*no longer finite/);
  await page().click('#message-close');
  await page().fill('#rules-rate-adaline', '0.1');
  await page().dispatchEvent('#rules-rate-adaline', 'change');

  // The playground's points: its default two clusters (noise 0), scaled into the lab; the perceptron separates them.
  await openTask('perceptron', 'perceptron-clusters');
  await page().selectOption('#rules-data', 'playground');
  const examples = await page().$$eval('#rules-plot circle', (c) => c.length);
  assert.equal(examples, 100, 'the training half of the 200 points');
  await page().click('#rules-train');
  await expectStatus('perceptron-clusters', true);
  // Another data set below starts the lab over on its points.
  await page().click('#rules-step');
  await slide(page(), 'noise', 0.5);
  await frames(page());
  assert.match(await page().textContent('#rules-epochs'), /^0 epochs of \d+ examples/, 'new points start over');
  // The statement's next step, in the slider's own figures: at 50% the perceptron never stops, and the task stays done.
  assert.match(await page().textContent('#task-perceptron-clusters'), /noise 25% or less .* raise the noise to 50%/);
  assert.equal(await page().textContent('output[data-for="noise"]'), '50%');
  await page().click('#rules-train');
  assert.match(await page().textContent('#rules-perceptron .rules-status'), /^100 epochs and still a mistake in every one/);
  await expectStatus('perceptron-clusters', true);
  // Drawn again in another language, or reloaded, the chapter still knows the task was done.
  await page().selectOption('#language', 'fr');
  await frames(page());
  await page().waitForSelector('html[lang="fr"]');
  await frames(page());
  assert.equal(await page().textContent('#rules-epochs'), '0 époque de 100 exemples', 'the lab drawn again, its run started over');
  await expectStatus('perceptron-clusters', true);
  await page().selectOption('#language', 'en');
  await page().reload();
  await page().waitForSelector('body[data-ready="true"]');
  await frames(page());
  await expectStatus('perceptron-clusters', true);
  // Points drawn on the playground's plot below are the lab's points too (drawn data all train).
  await page().click('#draw-toggle');
  await frames(page());
  await page().selectOption('#draw-class', '1');
  await clickPlane(page(), 3, 3);
  assert.match(await page().textContent('#rules-epochs'), /^0 epochs of 201 examples$/);
  assert.ok(await page().$('#rules-plot circle[data-example="200"][fill]'), 'the drawn point, at (0.5, 0.5) once scaled');
  await page().click('#draw-toggle');
  // Three classes below: no run for either rule (nothing steps on the old points), and the page says why.
  await page().click('#datasets [data-dataset="blobs"]');
  await frames(page());
  assert.match(await page().textContent('#rules-perceptron .rules-status'), /The rules learn two classes/);
  assert.equal(await page().textContent('#rules-adaline .rules-weights'), '–');
  await page().click('#message-close');
  await page().click('#rules-step');
  assert.match((await page().textContent('#message')).trim(), /The rules learn two classes/);
  await page().click('#message-close');
  await page().click('#datasets [data-dataset="gaussians"]');
  await frames(page());
  assert.match(await page().textContent('#rules-epochs'), /^0 epochs of 100 examples$/);
  // Play steps one example at a time until paused; the numbers shown are the units' own.
  await page().click('#rules-play');
  await page().waitForFunction(() => /and [3-9] examples/.test(document.querySelector('#rules-epochs').textContent));
  await page().click('#rules-play');
  assert.equal(await page().textContent('#rules-play'), 'Play');
  const paused = await page().textContent('#rules-epochs');
  await frames(page(), 30);  // half a second: three steps' worth of the player's clock
  assert.equal(await page().textContent('#rules-epochs'), paused, 'paused: no more steps');
  // Leaving the chapter disposes the lab's units: a late "change" from a field it left (a blur) does nothing.
  await expectDisposedOnLeave('#rules-rate-perceptron');
});

test('the perceptron lab on the playground\'s 5,000 points: a step moves the ring, not the 2,500 points', T, async () => {
  await go('#chapter=perceptron&dataset=gaussians&points=5000&rules.data=playground');
  // Drawing the 2,500 training points again took 80 ms and more at every step, and at every tick of Play.
  assert.equal(await page().evaluate(() => { window.rulesDots = [...document.querySelectorAll('#rules-plot circle')]; return window.rulesDots.length; }), 2500);
  await page().click('#rules-step');
  await page().click('#rules-step');
  const seen = await page().evaluate(() => {
    const dots = [...document.querySelectorAll('#rules-plot circle')];
    return { same: dots.length === window.rulesDots.length && dots.every((d, i) => d === window.rulesDots[i]),
      ringed: dots.filter((d) => d.classList.contains('current')).map((d) => d.querySelector('title').textContent),
      example: document.querySelector('#rules-perceptron .rules-step-body td').textContent };
  });
  assert.ok(seen.same, 'the points stay drawn');
  // The step's x is (1, x1, x2), its bias input first.
  assert.equal(seen.ringed.length, 1, 'one example ringed');
  assert.ok(seen.ringed[0].startsWith(`${seen.example.replace(/^\(1, /, '(')}, target`), `the second step's example ringed: ${seen.ringed[0]} for ${seen.example}`);
  assert.equal(await page().locator('#rules-plot .rule-plot-frame').count(), 1, 'the plot\'s frame drawn once, under the points');
  // Other points are drawn afresh: XOR's four.
  await page().selectOption('#rules-data', 'xor');
  assert.equal(await page().$$eval('#rules-plot circle', (dots) => dots.filter((d) => window.rulesDots.includes(d)).length), 0);
  assert.equal(await page().locator('#rules-plot circle').count(), 4);
  await go('#chapter=perceptron');
});

test('a task met in a lab is still met once the language changes, though the lab draws its run afresh, until the learner acts in the lab', T, async () => {
  await go('#chapter=perceptron&rules.data=xor');
  await page().click('#rules-train');
  await expectStatus('perceptron-xor', true);
  await expectStatus('adaline-xor', true);
  await expectStatus('perceptron-or', false, /choose OR/);
  await page().selectOption('#language', 'fr');
  await page().waitForSelector('html[lang="fr"]');
  await frames(page());
  assert.equal(await page().textContent('#rules-epochs'), '0 époque de 4 exemples', 'the lab drawn again, its run started over');
  await expectStatus('perceptron-xor', true, /^Fait/);
  await expectStatus('adaline-xor', true, /^Fait/);
  await expectStatus('perceptron-or', false, /choisissez OR/);
  // A step in the lab: its tasks read the run the learner now has.
  await page().click('#rules-step');
  await expectStatus('perceptron-xor', false, /entraînez 100 époques \(0 pour l’instant\)/);
  await page().click('#rules-train');
  await expectStatus('perceptron-xor', true);
  // The descent lab the same way, back in English.
  await go('#chapter=gradient-descent&descent.rate=0.3&lang=fr');
  for (let i = 0; i < 5; ++i) await page().click('#descent-run');
  await expectStatus('regression-50', true);
  await page().selectOption('#language', 'en');
  await page().waitForSelector('html[lang="en"]');
  await frames(page());
  assert.match(await page().textContent('#descent-numbers'), /after 0 steps/, 'the lab drawn again, its run started over');
  await expectStatus('regression-50', true, /^Done/);
  await page().selectOption('#descent-batch', '1');
  await expectStatus('regression-50', false, /full batch/);
  await go('#chapter=perceptron');
});

test('the perceptron lab\'s messages go with their cause: a refused η once it is valid, a diverged run once reset, any of them on leaving the chapter', T, async () => {
  const message = () => page().evaluate(() => (document.querySelector('#message').hidden ? '' : document.querySelector('#message-text').textContent));
  const rate = async (rule, value) => {
    await page().fill(`#rules-rate-${rule}`, value);
    await page().dispatchEvent(`#rules-rate-${rule}`, 'change');
  };
  await go('#chapter=perceptron');
  await rate('perceptron', '');
  assert.equal(await message(), 'Perceptron: η must be between 0.01 and 100 (got nothing)');
  await rate('perceptron', '0.5');
  assert.equal(await message(), '', 'a valid η again: the message goes');
  // A step on a refused η says it again; Reset with the η still refused keeps it; leaving the chapter takes it away.
  await rate('perceptron', '');
  await page().click('#message-close');
  await page().click('#rules-step');
  assert.match(await message(), /^Perceptron: η must be between/);
  await page().click('#rules-reset');
  assert.match(await message(), /^Perceptron: η must be between/, 'the η is still refused');
  await go('#chapter=neuron');
  assert.equal(await message(), '', 'not on another chapter');
  await go('#chapter=mlp');
  assert.equal(await message(), '');
  // Adaline diverged: the core refuses the next 100 epochs until a reset.
  await go('#chapter=perceptron');
  await rate('adaline', '100');
  await page().click('#rules-train');
  await page().click('#rules-train');
  assert.match(await message(), /^Adaline: .*reset to start again/);
  await page().click('#rules-step');
  assert.match(await message(), /^Adaline: .*reset to start again/, 'a perceptron step does not take away Adaline\'s refusal');
  await rate('adaline', '0.1');
  assert.equal(await message(), '', 'a new run: the refusal of the old one goes');
  await rate('adaline', '100');
  await page().click('#rules-train');
  await page().click('#rules-train');
  await page().click('#rules-reset');
  assert.equal(await message(), '', 'Reset');
  await page().click('#rules-train');
  await page().click('#rules-train');
  await go('#chapter=neuron');
  assert.equal(await message(), '', 'not on another chapter');
});

test('task: the descent lab, a rate that fits the line, the bowl diverging with its reason, and a race out of a local minimum', T, async () => {
  await openTask('gradient-descent', 'regression-50');
  const numbers = () => page().textContent('#descent-numbers');
  for (let i = 0; i < 5; ++i) await page().click('#descent-run');
  await expectStatus('regression-50', false, /J below 0\.2/);
  await page().selectOption('#descent-rate', '0.3');
  assert.match(await numbers(), /after 0 steps/, 'a new rate starts over');
  // One full-batch step at 0.3 from (−2.5, −1.5): ∂J/∂w0 = −39.1/6, so w0 = −2.5 + 0.3 · 39.1/6 = −0.545.
  await page().click('#descent-step');
  assert.match(await numbers(), /^w = \(−0\.545, /);
  for (let i = 0; i < 4; ++i) await page().click('#descent-run');
  await expectStatus('regression-50', true);
  await page().click('#descent-run-100');
  assert.match(await numbers(), /after 141 steps/);
  await expectStatus('regression-50', true, /Done/);  // J fell below 0.2 within 50 steps: more steps do not undo it
  // The statement says full batch and plain steps: one point per batch, or a decaying η, also gets J
  // below 0.2 in 50 steps, but is not the task.
  await page().selectOption('#descent-rate', '0.1');
  await page().selectOption('#descent-batch', '1');
  for (let i = 0; i < 5; ++i) await page().click('#descent-run');
  assert.match(await numbers(), /J = 0\.0\d+ after 50 steps/);
  await expectStatus('regression-50', false, /full batch: set Batch to "all points"/);
  assert.match(await numbers(), /after 50 steps \(8 epochs\), η now 0\.1$/, 'one point a step: 6 steps an epoch');
  // η decays per epoch, and says so: after 20 steps of one point, 3 epochs, 0.1/(1 + 3/20).
  assert.match(await page().textContent('label:has(#descent-decay)'), /decay η\/\(1 \+ epoch\/20\)/);
  await page().check('#descent-decay');
  for (let i = 0; i < 2; ++i) await page().click('#descent-run');
  assert.match(await numbers(), /after 20 steps \(3 epochs\), η now 0\.087$/);
  await page().uncheck('#descent-decay');
  await page().selectOption('#descent-batch', '1000');
  await page().selectOption('#descent-rate', '0.3');
  await page().check('#descent-decay');
  for (let i = 0; i < 5; ++i) await page().click('#descent-run');
  await expectStatus('regression-50', false, /a fixed learning rate: untick the decay/);
  await page().uncheck('#descent-decay');
  assert.equal(await page().$$eval('#descent-data .descent-point', (c) => c.length), 6, 'the points beside the contours');
  // The bowl at 0.3: the steep direction overshoots more each step.
  await page().selectOption('#descent-surface', 'bowl');
  await page().click('#descent-run');
  assert.match(await page().textContent('#descent-status'), /^Diverging: J has grown for 5 steps .*overshoot/);
  await expectStatus('bowl-diverge', true);
  assert.equal(await page().isHidden('#descent-data'), true, 'no data for a test function');
  // On until J is no longer a number: the path stays drawn, every step of it (its last points were
  // beyond the float range SVG parses, which dropped the whole line).
  await page().click('#descent-run-100');
  assert.match(await numbers(), /J = ∞ after 55 steps/);
  assert.equal(await page().$eval('#descent-paths polyline', (p) => p.points.numberOfItems), 55, 'the path up to the last finite step');
  // Two minima, all three updates from the same start: momentum rolls on into the global minimum.
  await page().selectOption('#descent-rate', '0.1');
  await page().selectOption('#descent-surface', 'two_minima');
  await page().check('#descent-race');
  await page().click('#descent-run-100');
  const legend = await page().$$eval('#descent-legend li', (items) => Object.fromEntries(items.map((li) =>
    [li.dataset.optimizer, Number(li.textContent.split('J = ')[1].replace('−', '-'))])));
  assert.deepEqual(Object.keys(legend), ['sgd', 'momentum', 'adam']);
  assert.ok(legend.momentum < -0.3 && legend.sgd > -0.2, `J: ${JSON.stringify(legend)}`);
  assert.equal(await page().$$eval('#descent-paths polyline', (p) => p.length), 3);
  await screenshot(page(), 'course-descent-lab.png');
  // Play: a step of each run per frame until paused; the race's three paths grow together.
  await page().click('#descent-reset');
  await page().click('#descent-play');
  assert.equal(await page().textContent('#descent-play'), 'Pause');
  await page().waitForFunction(() => /after ([5-9]|\d\d+) steps/.test(document.querySelector('#descent-numbers').textContent));
  await page().click('#descent-play');
  const paused = await numbers();
  await frames(page(), 5);
  assert.equal(await numbers(), paused, 'paused: no more steps');
  const lengths = await page().$$eval('#descent-paths polyline', (p) => p.map((l) => l.getAttribute('points').split(' ').length));
  assert.ok(lengths.every((n) => n === lengths[0] && n >= 6), `paths ${lengths}`);
  await expectDisposedOnLeave('#descent-surface');
});

test('task: training one neuron, cross-entropy out of saturation in 8 steps, squared error in 242, the tables reading the core', T, async () => {
  await openTask('gradient-descent', 'neuron-ce-saturated');
  const cell = (loss, what) => page().textContent(`#neuron-${loss} [data-value="${what}"]`);
  // At w = (0, −4): z = −4x, so the first point (x = −2.5) has z = 10 and h = σ(10) with t = 0.
  const first = await page().$$eval('#neuron-se tbody tr:first-child td', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(first.slice(0, 4), ['−2.5', '0', '10', '1']);
  assert.equal(first[5], '4.54×10⁻⁵', 'its slope h(1 − h) = σ(10)σ(−10)');
  assert.equal(await cell('se', 'wrong'), '6');
  await expectStatus('neuron-ce-saturated', false, /cross-entropy has every point right \(6 wrong after 0 steps\)/);
  for (let i = 0; i < 7; ++i) await page().click('#neuron-step');
  await expectStatus('neuron-ce-saturated', false, /\(2 wrong after 7 steps\)/);
  await page().click('#neuron-step');
  await expectStatus('neuron-ce-saturated', true);
  assert.equal(await cell('ce', 'wrong'), '0');
  assert.equal(await cell('se', 'wrong'), '6');
  assert.match(await page().textContent('#neuron-status'), /^Cross-entropy had every point right after 8 steps; .* 1\.9×10⁴ times larger\.$/);
  for (let i = 0; i < 2; ++i) await page().click('#neuron-run-100');
  await expectStatus('neuron-se-saturated', false, /\d wrong after 208 steps/);
  for (let i = 0; i < 4; ++i) await page().click('#neuron-run');
  await expectStatus('neuron-se-saturated', true);
  assert.equal(await page().textContent('#neuron-status'), 'Every point right: cross-entropy after 8 steps, squared error after 242 (30 times as many).');
  assert.equal(await page().$$eval('#neuron-curves .neuron-curve', (c) => c.length), 2);
  await screenshot(page(), 'course-neuron-lab.png');
  await page().selectOption('#neuron-rate', '1');
  assert.equal(await cell('se', 'wrong'), '6', 'a new rate starts over');
  await expectStatus('neuron-se-saturated', false, /choose the saturated start and η = 0\.5/);
});

test('counts of one read in the singular: a step in the neuron lab, a weight and a bias in the MLP\'s numbers', T, async () => {
  // From the small start at η = 1, cross-entropy has every point right after its first step.
  await go('#chapter=gradient-descent&widget=neuron-lab&neuron.start=small&neuron.rate=1');
  await page().click('#neuron-run-100');
  assert.match(await page().textContent('#neuron-status'), /^Every point right: cross-entropy after 1 step, squared error after \d+ /);
  await openTask('gradient-descent', 'neuron-ce-saturated');
  await page().click('#neuron-step');
  await expectStatus('neuron-ce-saturated', false, /\(\d wrong after 1 step\)/);
  await expectStatus('neuron-se-saturated', false, /\(\d wrong after 1 step\)/);
  // One input and no hidden layer: a single weight and bias.
  await go('#chapter=mlp&hidden=&features=x1');
  assert.equal(await page().textContent('#chapter .shapes-summary'), 'Layer sizes [1, 1]: 1 weight + 1 bias = 2 parameters.');
  await go('#chapter=mlp&hidden=1&activation=prelu');
  assert.match(await page().textContent('#chapter .shapes-summary'), /: 3 weights \+ 2 biases \+ 1 PReLU slope = 6 parameters\.$/);
  await go('#');
});

test('task: the loss landscape, 100 epochs recorded one by one, the path in the plane of its principal directions', T, async () => {
  await openTask('gradient-descent', 'landscape-path');
  const numbers = () => page().textContent('#landscape-numbers');
  const status = () => page().textContent('#landscape-status');
  await landscapeDrawn();
  // Drawn at once along random directions: the centre is the training loss the playground shows.
  assert.match(await numbers(), /^J at the centre = [\d.]+, the training loss after 0 epochs/);
  const centre = (await numbers()).match(/centre = ([\d.]+)/)[1];
  assert.equal(Number(centre).toPrecision(3), Number(await page().textContent('#train-loss')).toPrecision(3));
  await expectStatus('landscape-path', false, /train at least 100 epochs \(now 0\)/);
  await page().selectOption('#landscape-directions', 'trajectory');
  await landscapeDrawn();
  assert.match(await status(), /at least 3 recorded snapshots .*train a few epochs/, 'one snapshot is no path');
  // A refused draw takes the random slice's numbers and picture away: the menu no longer describes them.
  const blank = () => page().evaluate(() => {
    const canvas = /** @type {HTMLCanvasElement} */ (document.querySelector('#landscape-canvas'));
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return { numbers: document.querySelector('#landscape-numbers').textContent, svg: document.querySelector('#landscape-paths').childElementCount,
      painted: data.some((v, i) => i % 4 === 3 && v !== 0) };
  });
  assert.deepEqual(await blank(), { numbers: '', svg: 0, painted: false });
  await stepEpochs(page(), 1);
  await page().click('#landscape-draw');
  await landscapeDrawn();
  assert.match(await status(), /\(there are 2 snapshots\)/);
  assert.deepEqual(await blank(), { numbers: '', svg: 0, painted: false });
  // The lab records the weights after each of the 100 steps; the refusal's count follows them.
  await stepEpochs(page(), 99);
  assert.match(await status(), /\(there are 2 snapshots\).* The path has 101 snapshots of the weights now: draw the slice again\.$/);
  await expectStatus('landscape-path', false, /draw the slice along the path's principal directions/);
  await page().click('#landscape-draw');
  await landscapeDrawn();
  assert.match(await status(), /^d1 and d2 explain [\d.]+% and [\d.]+% of how the 101 snapshots of the weights moved/);
  await expectStatus('landscape-path', true);
  assert.match(await numbers(), /the training loss after 100 epochs/);
  assert.ok(await page().$('#landscape-paths polyline.landscape-path'), 'the path is drawn');
  await screenshot(page(), 'course-landscape-lab.png');
  // One more step: the slice no longer shows where the weights are, and the task waits for a new one.
  await stepEpochs(page(), 1);
  assert.match(await status(), /The weights have changed since: draw the slice again\.$/);
  await expectStatus('landscape-path', false, /at the weights you have now/);
  // Random directions catch little of the path; forgetting it starts a new one from here.
  await page().click('#landscape-new');
  await landscapeDrawn();
  assert.equal(await page().inputValue('#landscape-directions'), 'random');
  assert.match(await status(), /^The 102 snapshots of the weights projected onto two random directions \(seed 2\)/);
  assert.match(await page().evaluate(() => location.hash), /landscape\.seed=2/, 'the plane travels in the link');
  await page().click('#landscape-forget');
  await landscapeDrawn();
  assert.match(await status(), /^The 1 snapshot of the weights projected/);
  await expectStatus('landscape-path', false, /draw the slice along the path's principal directions/);
  // A weight typed in the network moves the weights as a step does: the slice is out of date.
  await page().focus('#network path[data-param="0:0:0"]');
  await page().keyboard.press('Enter');
  await page().locator('#network input.param-editor').waitFor();
  await page().keyboard.type('3');
  await page().keyboard.press('Enter');
  await frames(page());
  assert.match(await status(), /The weights have changed since: draw the slice again\.$/);
  await page().click('#landscape-draw');
  await landscapeDrawn();
  const edited = (await numbers()).match(/centre = ([\d.]+)/)[1];
  assert.equal(Number(edited).toPrecision(3), Number(await page().textContent('#train-loss')).toPrecision(3));
  // So does a reset, back to the seed's initial weights.
  await page().click('#reset');
  await frames(page());
  assert.match(await status(), /The weights have changed since: draw the slice again\.$/);
});

test('the loss landscape at its limits is computed over frames, busy meanwhile, with the same numbers as in one go', T, async () => {
  // 1000 training points and 321 parameters: about 0.17 s of work, which held the page in one task.
  const limits = 'chapter=gradient-descent&hidden=8,8,8,8,8&points=1000&trainRatio=1';
  await go('#chapter=neuron');
  const seen = await followToLab(page(), { hash: `#${limits}`, lab: '#landscape-lab', results: '#landscape-paths' });
  assert.deepEqual(seen.atOnce, { busy: true, empty: true }, 'busy as the chapter mounts, nothing drawn yet');
  assert.ok(seen.frames > 2, `computed over several frames (${seen.frames})`);
  assert.equal(await page().isVisible('#landscape-lab > .lab-progress'), false, 'the progress bar is gone once done');
  const random = 'The 1 snapshot of the weights projected onto two random directions (seed 1): random planes catch little of a path.';
  assert.equal(await page().textContent('#landscape-numbers'),
    'J at the centre = 0.5922, the training loss after 0 epochs; lowest on this slice 0.4994 at (α, β) = (−0.35, −0.15); ±1 shown.');
  assert.equal(await page().textContent('#landscape-status'), random);
  // A change: the last numbers stay, marked busy, until the new ones come.
  const changed = await commitToLab(page(), { lab: '#landscape-lab', results: '#landscape-paths', changes: [['#landscape-range', '2']] });
  assert.deepEqual(changed.atOnce, [{ busy: true, unchanged: true }]);
  assert.ok(changed.frames > 2, `computed over several frames (${changed.frames})`);
  assert.equal(await page().textContent('#landscape-numbers'),
    'J at the centre = 0.5922, the training loss after 0 epochs; lowest on this slice 0.4999 at (α, β) = (−0.3, −0.2); ±2 shown.');
  assert.equal(await page().textContent('#landscape-status'), random);
  await go('#');
});

test('the loss landscape over the core\'s work limit says what to change in the playground (the lab has no grid to shrink), in English and French', T, async () => {
  const big = 'chapter=gradient-descent&hidden=16,16,16,16,16,16,16,16&points=1000&trainRatio=1';
  const status = () => page().textContent('#landscape-status');
  await go(`#${big}`);
  await landscapeDrawn();
  assert.equal(await status(), 'This slice would hold the page for more than half a second: it measures the loss at 41 × 41 points of the plane, '
    + 'each over 1000 training examples with 1969 parameters (weights and biases). To draw it, make the playground\'s network smaller '
    + '(fewer hidden layers or neurons) or lower its Points or Training data slider.');
  // The path's snapshots cost too along its directions: forgetting it lowers the cost.
  await stepEpochs(page(), 2);
  await page().selectOption('#landscape-directions', 'trajectory');
  await landscapeDrawn();
  assert.match(await status(), /Training data slider; or forget the path\.$/);
  assert.doesNotMatch(await status(), /grid/, 'nothing about a grid the lab does not let the learner choose');
  await go(`#${big}&landscape.directions=trajectory&lang=fr`);
  await page().waitForSelector('html[lang="fr"]');  // the French catalogue loads on first use
  await landscapeDrawn();
  assert.match(await status(), /^Cette coupe bloquerait la page plus d’une demi-seconde : .* 1000 exemples d’entraînement avec 1969 paramètres .* baissez son curseur Points ou Données d’entraînement ; ou oubliez le chemin\.$/);
  // A smaller network fits: the slice is drawn.
  await go('#chapter=gradient-descent&hidden=4,2&points=200&trainRatio=0.5&lang=en');
  await landscapeDrawn();
  assert.doesNotMatch(await status(), /half a second/);
  await go('#');
});

test('task: the activation lab, the sigmoid steepest at 0 with slope 0.25, its chain below 10⁻³ at 5 layers, logits for [0.7, 0.2, 0.1]; a link sets it up', T, async () => {
  await openTask('activations', 'sigmoid-steepest');
  const value = (name, what) => page().textContent(`.act-plot[data-activation="${name}"] [data-value="${what}"]`);
  const cells = (selector) => page().$$eval(selector, (tds) => tds.map((td) => td.textContent));
  // At z = 1: σ(1) = 0.731, σ'(1) = 0.197; tanh(1) = 0.762, tanh'(1) = 0.42.
  assert.deepEqual([await value('sigmoid', 'f'), await value('sigmoid', 'df')], ['0.731', '0.197']);
  assert.deepEqual([await value('tanh', 'f'), await value('tanh', 'df')], ['0.762', '0.42']);
  assert.equal(await page().$$eval('.act-plot', (p) => p.length), 12, 'every elementwise activation');
  assert.equal(await page().$$eval('.act-plot .act-marker circle', (c) => c.length), 24, 'z marked on f and f′ of each');
  await expectStatus('sigmoid-steepest', false, /now f′\(1\) = 0\.197/);
  // Down the slider with the keyboard, 0.05 a press: z = 0.5, then 0.
  await page().focus('#act-z-slider');
  for (let i = 0; i < 10; ++i) await page().keyboard.press('ArrowLeft');
  assert.equal(await page().inputValue('#act-z'), '0.5');
  await expectStatus('sigmoid-steepest', false, /now f′\(0\.5\) = 0\.235/);
  for (let i = 0; i < 10; ++i) await page().keyboard.press('ArrowLeft');
  assert.deepEqual([await value('sigmoid', 'f'), await value('sigmoid', 'df'), await value('tanh', 'df')], ['0.5', '0.25', '1']);
  await expectStatus('sigmoid-steepest', true);
  // z past the plots' window: its values blank, with the reason by the field and in the task.
  await page().fill('#act-z', '7');
  await page().press('#act-z', 'Enter');
  assert.deepEqual([await value('sigmoid', 'f'), await value('sigmoid', 'df')], ['–', '–']);
  assert.equal(await page().textContent('#act-params-error'), 'z must be a number from −6 to 6, the plots\' window');
  await expectStatus('sigmoid-steepest', false, /z must be a number from −6 to 6/);
  await page().fill('#act-z', '0');
  await page().press('#act-z', 'Enter');
  assert.equal(await page().textContent('#act-params-error'), '');
  await expectStatus('sigmoid-steepest', true);
  // The properties table, measured by the core.
  const property = (name, what) => page().textContent(`.act-table tr[data-activation="${name}"] [data-value="${what}"]`);
  assert.deepEqual([await property('sigmoid', 'max-slope'), await property('tanh', 'max-slope'), await property('relu', 'max-slope')], ['0.25', '1', '1']);
  assert.deepEqual([await property('sigmoid', 'range'), await property('tanh', 'range'), await property('relu', 'range'), await property('step', 'range')],
    ['(0, 1)', '(−1, 1)', '[0, ∞)', '{0, 1}']);
  // Softmax of the lecture's logits, and the slide's numbers named for what they are.
  assert.deepEqual(await cells('.act-softmax-table [data-value="p"]'), ['0.53', '0.185', '0.285']);
  assert.match(await page().textContent('#act-softmax-note'), /the slide prints \[0\.51, 0\.18, 0\.31\], which is each logit divided by their sum, not softmax; softmax gives \[0\.53, 0\.185, 0\.285\]/);
  assert.match(await page().textContent('#act-lecture'), /0\.3 × 0\.9 = 0\.0706, while one in the last layer gets 0\.4 × 0\.5 = 0\.2:/);
  await screenshot(page(), 'course-activation-lab.png', { fullPage: true });

  await openTask('activations', 'sigmoid-depth');
  await expectStatus('sigmoid-depth', false, /after 3 layers the product is 0\.0156, still above 10⁻³: add layers/);
  await page().fill('#act-depth', '4');
  await expectStatus('sigmoid-depth', false, /after 4 layers the product is 0\.00391/);
  await page().fill('#act-depth', '5');
  await expectStatus('sigmoid-depth', true);
  assert.deepEqual(await cells('#act-chain-rows [data-value="product"]'), ['0.25', '0.0625', '0.0156', '0.00391', '9.77×10⁻⁴']);
  assert.equal(await page().$$eval('#act-chain-plot .act-bar-vanished', (b) => b.length), 1, 'the fifth layer below 10⁻³');
  assert.match(await page().textContent('#act-chain-summary'), /multiplied by 9\.77×10⁻⁴\. At their best over 5 layers: Sigmoid 9\.77×10⁻⁴, Tanh 1, ReLU 1\.$/);
  await page().selectOption('#act-chain', 'tanh');
  await expectStatus('sigmoid-depth', false, /choose the sigmoid for the chain \(now tanh\)/);
  // Typed z: 2 in every layer, where tanh' = 0.0707.
  await page().selectOption('#act-chain-z', 'typed');
  await page().fill('#act-chain-zs', '2');
  assert.deepEqual((await cells('#act-chain-rows tr:first-child td')).slice(1, 3), ['2', '0.0707']);

  await openTask('activations', 'softmax-target');
  await expectStatus('softmax-target', false, /p1 = 0\.53 should be 0\.7 ± 0\.01/);
  await page().fill('#act-logits', '2, 0.75, 0.05');
  assert.deepEqual(await cells('.act-softmax-table [data-value="p"]'), ['0.7', '0.201', '0.0996']);
  await expectStatus('softmax-target', true);
  await page().fill('#act-logits', '12, 10.75, 10.05');
  await expectStatus('softmax-target', true);
  await page().fill('#act-logits', '2, 0.75');
  await expectStatus('softmax-target', false, /three logits \(now 2\)/);
  // A z out of range does not stop the tasks that do not read it.
  await page().fill('#act-z', '7');
  await page().press('#act-z', 'Enter');
  await page().fill('#act-logits', '2, 0.75, 0.05');
  await expectStatus('softmax-target', true);

  // A link with the lab's keys opens it set up; changes go back into the link.
  await go('#chapter=activations&widget=activation-lab&act.z=0&act.a=0.2&act.chain=tanh&act.depth=7&act.logits=2_0.75_0.05');
  assert.equal(await page().inputValue('#act-z'), '0');
  assert.equal(await page().inputValue('#act-chain'), 'tanh');
  assert.equal(await page().inputValue('#act-logits'), '2, 0.75, 0.05');
  assert.equal(await value('sigmoid', 'df'), '0.25');
  assert.equal(await page().$$eval('#act-chain-rows tr', (r) => r.length), 7);
  assert.equal(await value('leaky_relu', 'df'), '0.2', 'at z = 0 the core takes the left slope, a = 0.2 from the link');
  await page().fill('#act-z', '-1');
  await page().press('#act-z', 'Enter');
  assert.deepEqual([await value('leaky_relu', 'f'), await value('relu', 'f')], ['−0.2', '0']);
  await expectStatus('softmax-target', true);
  await page().fill('#act-depth', '8');
  await page().press('#act-depth', 'Enter');
  const hash = await page().evaluate(() => decodeURIComponent(location.hash));
  assert.match(hash, /act\.z=-1&act\.a=0\.2&act\.logits=2_0\.75_0\.05&act\.chain=tanh&act\.depth=8/);
  await go('#chapter=activations&act.chain=mish');
  assert.match((await readState(page())).message, /act\.chain 'mish' is not one of linear, step, sigmoid/);
  await page().click('#message-close');
  for (const size of SIZES) {
    await page().setViewportSize(size);
    await go('#chapter=activations&widget=activation-lab&act.depth=8');
    await assertNoOverflow(page(), `the activation lab at ${size.width}×${size.height}`);
    await page().locator('#activation-lab').screenshot({ path: `${RESULTS}/course-activation-lab-${size.width}.png` });
  }
  await page().setViewportSize(SIZES[0]);
  await go('#');
});

test('the activation lab: logits beyond the core\'s float range, or more than it takes, are refused by their field alone, kept out of the link, and a link with them says so', T, async () => {
  const hash = () => page().evaluate(() => decodeURIComponent(location.hash));
  const plotsShown = () => page().$$eval('.act-plot polyline', (p) => p.length);
  await go('#chapter=activations&widget=activation-lab&act.logits=2_0.75_0.05');
  // 1e39 is a finite number to JS but infinite in float: the core would refuse it.
  await page().fill('#act-logits', '1e39, 0, 0');
  await page().press('#act-logits', 'Enter');
  assert.equal(await page().getAttribute('#act-logits', 'aria-invalid'), 'true');
  assert.equal(await page().textContent('#act-logits-error'), 'logits z: each number must be from −3.4×10³⁸ to 3.4×10³⁸, the core\'s float range');
  assert.equal(await page().textContent('#act-params-error'), '', 'not said by a and α');
  assert.equal(await plotsShown(), 24, 'the rest of the lab still shows');
  assert.equal(await page().$$eval('#act-chain-rows tr', (r) => r.length), 3);
  assert.match(await hash(), /act\.logits=2_0\.75_0\.05/, 'the link keeps the last logits the lab took');
  // More logits than the core takes: its refusal, by the field too.
  await page().fill('#act-logits', Array.from({ length: 101 }, () => '0').join(', '));
  await page().press('#act-logits', 'Enter');
  assert.equal(await page().getAttribute('#act-logits', 'aria-invalid'), 'true');
  assert.equal(await page().textContent('#act-logits-error'), 'logits has 101 numbers (at most 100)');
  assert.equal(await plotsShown(), 24);
  assert.match(await hash(), /act\.logits=2_0\.75_0\.05/);
  // The chain's typed z, the same.
  await page().selectOption('#act-chain-z', 'typed');
  await page().fill('#act-chain-zs', '1, -1e39');
  await page().press('#act-chain-zs', 'Enter');
  assert.equal(await page().getAttribute('#act-chain-zs', 'aria-invalid'), 'true');
  assert.equal(await page().textContent('#act-chain-error'), 'typed z: each number must be from −3.4×10³⁸ to 3.4×10³⁸, the core\'s float range');
  assert.equal(await plotsShown(), 24);
  // A link with such logits opens the lab whole, with the lecture's logits, and says what it refused.
  await go('#chapter=activations&act.logits=1e39_0_0&act.chain-z=typed&act.chain-zs=1e39');
  assert.match((await readState(page())).message, /act\.logits '1e39_0_0' has a number beyond the core's float range \(±3\.4×10³⁸\).*act\.chain-zs '1e39' has a number beyond/);
  assert.equal(await page().inputValue('#act-logits'), '1.60, 0.55, 0.98');
  assert.equal(await page().inputValue('#act-chain-zs'), '1');
  assert.deepEqual(await page().$$eval('.act-softmax-table [data-value="p"]', (tds) => tds.map((td) => td.textContent)), ['0.53', '0.185', '0.285']);
  assert.equal(await plotsShown(), 24);
  await expectStatus('softmax-target', false, /p1 = 0\.53 should be 0\.7 ± 0\.01/);
  await page().click('#message-close');
  assert.deepEqual(course.session().problems, [], 'no page error');
  await go('#');
});

test('the activation lab: logits the link cannot carry as typed go in a spelling it can; those it cannot carry at all are said, the link keeping the last that fitted', T, async () => {
  const hash = () => page().evaluate(() => decodeURIComponent(location.hash));
  const logits = async (text) => {
    await page().fill('#act-logits', text);
    await page().press('#act-logits', 'Enter');
    await frames(page());
  };
  const note = '#act-logits-link-note';
  await go('#chapter=activations&widget=activation-lab');
  await logits('2, 1, 0.5');
  assert.match(await hash(), /act\.logits=2_1_0\.5(&|$)/);
  await logits('1e+1, 0, 0');  // "+" is no part of a link's lab values
  assert.match(await hash(), /act\.logits=10_0_0(&|$)/);
  // 0.10, 0.20, …, 1.70: 84 characters as typed, over the 80 a link's value may have.
  await logits(Array.from({ length: 17 }, (_, i) => ((i + 1) / 10).toFixed(2)).join(', '));
  assert.match(await hash(), /act\.logits=0\.1_0\.2_0\.3_0\.4_0\.5_0\.6_0\.7_0\.8_0\.9_1_1\.1_1\.2_1\.3_1\.4_1\.5_1\.6_1\.7(&|$)/);
  assert.equal(await page().$(note), null, 'nothing to say');
  // 30 logits: too long however written.
  await logits(Array.from({ length: 30 }, (_, i) => String(i + 0.25)).join(', '));
  assert.equal(await page().$$eval('.act-softmax-table [data-value="p"]', (tds) => tds.length), 30, 'the lab takes them');
  assert.match(await hash(), /act\.logits=0\.1_0\.2_.*_1\.7(&|$)/, 'the link keeps the last logits that fitted');
  assert.ok(await page().isVisible(note));
  assert.equal(await page().textContent(note), 'This value is too long for the link, or holds a character it cannot carry: the link keeps the last one that fitted.');
  await logits('2, 1, 0.5');
  assert.ok(await page().isHidden(note), 'said no longer');
  assert.match(await hash(), /act\.logits=2_1_0\.5(&|$)/);
  await go('#');
});

test('task: gradient descent, a learning rate that gets there and one step per epoch', T, async () => {
  await openTask('gradient-descent', 'learning-rate');
  await stepEpochs(page(), 20);
  await expectStatus('learning-rate', false, /training loss below 0\.1/);
  await page().click('#reset');
  await choose(page(), 'learningRate', 0.1);
  await stepEpochs(page(), 150);
  await expectStatus('learning-rate', true);
  await stepEpochs(page(), 60);  // the loss fell below 0.1 within 200 epochs: training on keeps it met
  await expectStatus('learning-rate', true);
  // Only the learning rate: a batch of 1 with momentum gets there at 0.001, but that is not the task.
  await openTask('gradient-descent', 'learning-rate');
  await slide(page(), 'batchSize', 1);
  await choose(page(), 'optimizer', 'momentum');
  await stepEpochs(page(), 160);
  await expectStatus('learning-rate', false, /change only the learning rate \(now also batch size, optimizer\)/);
  // Trained on the way there with Adam, then set back: the goal is Adam's, not the learning rate's.
  await openTask('gradient-descent', 'learning-rate');
  await choose(page(), 'optimizer', 'adam');
  await choose(page(), 'learningRate', 0.03);
  await stepEpochs(page(), 150);
  await expectStatus('learning-rate', false, /change only the learning rate \(now also optimizer\)/);
  await choose(page(), 'optimizer', 'sgd');
  await choose(page(), 'learningRate', 0.001);
  await expectStatus('learning-rate', false, /only the learning rate changed all the way \(this run also trained with optimizer changed: reset and try again\).*a learning rate other than 0\.001/);
  await choose(page(), 'learningRate', 0.1);
  await stepEpochs(page(), 10);
  await expectStatus('learning-rate', false, /only the learning rate changed all the way/);
  await page().click('#reset');
  await stepEpochs(page(), 150);
  await expectStatus('learning-rate', true);
  await openTask('gradient-descent', 'full-batch');
  await stepEpochs(page(), 1);
  await expectStatus('full-batch', false, /a batch size of at least 100/);
  await page().click('#reset');
  await slide(page(), 'batchSize', 100);
  await stepEpochs(page(), 2);
  await expectStatus('full-batch', true);
});

test('task: the MLP, XOR with one small hidden layer and a network of 37 parameters', T, async () => {
  await openTask('mlp', 'xor-hidden-layer');
  await stepEpochs(page(), 50);
  await expectStatus('xor-hidden-layer', false, /use one hidden layer of at most 4 neurons \(now none\)/);
  await page().click('#network button[aria-label="add a hidden layer"]');
  for (let i = 0; i < 2; ++i) await page().click('#network button[aria-label="add a neuron to hidden layer 1"]');
  await stepEpochs(page(), 200);
  await expectStatus('xor-hidden-layer', true);
  await go('#chapter=mlp&task=parameters-37');
  // The task's link has no set-up: the default network [2, 4, 2, 1].
  await expectStatus('parameters-37', false, /now 25/);
  assert.match(await page().textContent('#chapter .shapes-summary'), /18 weights \+ 7 biases = 25 parameters/);
  for (let i = 0; i < 2; ++i) await page().click('#network button[aria-label="add a neuron to hidden layer 2"]');
  await frames(page());
  assert.match(await page().textContent('#chapter .shapes-summary'), /Layer sizes \[2, 4, 4, 1\]: 28 weights \+ 9 biases = 37 parameters/);
  assert.deepEqual(await page().$$eval('#chapter .shapes-table [data-shape]', (t) => t.map((x) => x.textContent)), ['4×2', '4×4', '1×4']);
  await expectStatus('parameters-37', true);
  // Five classes, one softmax output each: [2, 4, 5] counts 37 too, but is not the one-output network asked for.
  await go('#chapter=mlp&task=parameters-37&dataset=blobs&classes=5&hidden=4');
  assert.match(await page().textContent('#chapter .shapes-summary'), /Layer sizes \[2, 4, 5\]: 28 weights \+ 9 biases = 37 parameters/);
  await expectStatus('parameters-37', false, /one output: choose a two-class dataset \(now 5 outputs, one per class\)/);
});

test('the MLP\'s network in numbers follows the activation: maxout\'s pieces and PReLU\'s slopes counted, the parts adding up to the task\'s count', T, async () => {
  const summary = () => page().textContent('#chapter .shapes-summary');
  const cells = (column) => page().$$eval(`#chapter .shapes-table tbody td:nth-child(${column})`, (tds) => tds.map((td) => td.textContent));
  await go('#chapter=mlp&task=parameters-37');
  assert.match(await summary(), /18 weights \+ 7 biases = 25 parameters/);
  // Maxout's two pieces per hidden unit: [2, 4, 2, 1] has 8 + 8 weights and 4 + 2 biases more.
  await choose(page(), 'activation', 'maxout');
  await frames(page());
  assert.match(await summary(), /^Layer sizes \[2, 4, 2, 1\]: 34 weights \+ 13 biases = 47 parameters\.$/);
  assert.deepEqual(await cells(3), ['16', '16', '2']);
  assert.deepEqual(await cells(4), ['8', '4', '1']);
  assert.deepEqual(await cells(1), ['W1 (hidden 1, 2 pieces)', 'W2 (hidden 2, 2 pieces)', 'W3 (output)']);
  await expectStatus('parameters-37', false, /now 47/);
  // PReLU: a slope per hidden unit, their own term.
  await choose(page(), 'activation', 'prelu');
  await frames(page());
  assert.match(await summary(), /^Layer sizes \[2, 4, 2, 1\]: 18 weights \+ 7 biases \+ 6 PReLU slopes = 31 parameters\.$/);
  await expectStatus('parameters-37', false, /now 31/);
  // Opened from a link, the same.
  await go('#chapter=mlp&activation=maxout');
  assert.match(await summary(), /: 34 weights \+ 13 biases = 47 parameters\.$/);
  await go('#');
});

test('task: backpropagation, steer the graph\'s gradient', T, async () => {
  await openTask('backprop', 'graph-gradient');
  await expectStatus('graph-gradient', false, /∂f\/∂x = 3 \(now −4\)/);
  for (const [k, v] of [['x', 0], ['y', 2], ['z', 3]]) await page().fill(`#graph-${k}`, String(v));
  await expectStatus('graph-gradient', true);
  // −2.9 + 4.9 is 2.0000000000000004 in floating point: f shows as 6, and is 6 for the task.
  for (const [k, v] of [['x', -2.9], ['y', 4.9]]) await page().fill(`#graph-${k}`, String(v));
  await expectStatus('graph-gradient', true);
});

test('task: backpropagation, the lecture\'s circles experiment stops at epoch 150 and reports both accuracies', T, async () => {
  await openTask('backprop', 'lecture-circles');
  assert.equal(await page().inputValue('select[data-key="inputScaling"]'), 'standardise');
  assert.match(await page().textContent('#scaling-note'), /of the 140 training points/);
  await stepEpochs(page(), 149);
  await expectStatus('lecture-circles', false, /stop at epoch 150 \(now 149\)/);
  await stepEpochs(page(), 1);
  await expectStatus('lecture-circles', true, /Done: the task is met\. Training accuracy \d+\.\d%, test \d+\.\d% at epoch 150\./);
  const shown = await readState(page());
  const status = await page().textContent('#task-lecture-circles .task-status');
  assert.ok(status.includes(`test ${shown.testAccuracy.toFixed(1)}%`), `${status} against the page's ${shown.testAccuracy}%`);
});

test('task: activations, six layers learn with ReLU', T, async () => {
  await openTask('activations', 'deep-network-learns');
  await stepEpochs(page(), 30);
  await expectStatus('deep-network-learns', false, /test accuracy of at least 95%/);
  await choose(page(), 'activation', 'relu');
  await stepEpochs(page(), 100);
  await expectStatus('deep-network-learns', true);
});

test('task: regularisation, the same network generalises with L2', T, async () => {
  await openTask('regularisation', 'beat-overfitting');
  await stepEpochs(page(), 200);
  await expectStatus('beat-overfitting', false, /test loss below 0\.5/);
  await page().click('#reset');
  await choose(page(), 'l2', 0.03);
  await stepEpochs(page(), 200);
  await expectStatus('beat-overfitting', true);
});

test('regularisation: L1 with plain gradient steps leaves unneeded weights jittering near zero, not at it', T, async () => {
  await openTask('regularisation', 'beat-overfitting');
  const text = (await page().textContent('#chapter')).replace(/\s+/g, ' ');
  assert.match(text, /whose minimum often has weights at exactly zero \(a sparse network\)\. Plain gradient steps, as here/);
  assert.match(text, /then jitters within about ηλ of it instead of landing on it/);
  await page().click('details.more summary');
  await choose(page(), 'l1', 0.01);
  await stepEpochs(page(), 400);
  const shown = await readState(page());
  // The same run in the core: how many weights sit exactly at 0, and how many within 2ηλ of it.
  const core = await engineReference(page(), (engine) => {
    engine.trainEpochs(400);
    const { learningRate, l1 } = engine.settings();
    const weights = engine.layers().flatMap((l) => Array.from(l.W));
    return { weights: weights.length, zero: weights.filter((w) => w === 0).length, testLoss: engine.metrics().test.loss,
      near: weights.filter((w) => Math.abs(w) <= 2 * learningRate * l1).length };
  });
  assert.ok(Math.abs(core.testLoss - shown.testLoss) < 1e-3, `the page's run: ${shown.testLoss} vs ${core.testLoss}`);
  assert.equal(core.zero, 0, 'no weight lands on exactly 0');
  assert.ok(core.near > core.weights / 2, `${core.near} of ${core.weights} weights within 2ηλ of 0`);
  await page().click('details.more summary');  // closed again, as the next tests expect
});

test('task: initialisation, random weights break the symmetry', T, async () => {
  await openTask('initialisation', 'break-symmetry');
  await stepEpochs(page(), 100);
  await expectStatus('break-symmetry', false, /test accuracy of at least 95%/);
  await page().click('details.more summary');
  await choose(page(), 'init', 'xavier_uniform');
  await stepEpochs(page(), 100);
  await expectStatus('break-symmetry', true);
});

test('every task a chapter shows is one its links can open: highlighted, kept in the link, with no message', T, async () => {
  for (const chapter of CHAPTERS) {
    await go(`#chapter=${chapter.id}`);
    const shown = await page().$$eval('.task-list > li', (items) => items.map((li) => li.dataset.task));
    assert.deepEqual([...shown].sort(), chapter.tasks.map((x) => x.id).sort(), `${chapter.id}: the tasks drawn are the tasks listed`);
  }
  // The labs' own tasks (initialisation, regularisation) have no set-up: their link is the chapter and the task.
  for (const [chapter, id] of [['initialisation', 'vanishing-normal'], ['initialisation', 'match-tanh'], ['initialisation', 'match-relu'],
    ['regularisation', 'sparse-l1'], ['regularisation', 'l2-beats-overfitting'], ['regularisation', 'patience']]) {
    await go(`#chapter=${chapter}&task=${id}`);
    assert.ok(await page().isVisible(`#task-${id}.active`), `${id} is highlighted`);
    assert.match(await page().evaluate(() => location.hash), new RegExp(`task=${id}`), `${id} stays in the link`);
    assert.equal(await page().evaluate(() => document.querySelector('#message').hidden), true,
      `no message: ${await page().textContent('#message')}`);
  }
});
