// End-to-end: the course in other languages. In the pseudo-locale, where every message is shown
// bracketed and accented, each chapter shows no text that is not a message (its text between the
// formulas, its labs, their readings and its tasks' statuses, after the learner has used them); in
// French it reads French, numbers with a decimal comma; a change of language re-draws the chapter
// and keeps its labs' settings.
// Not here: the shell's languages (i18n.e2e.mjs), the catalogue's coverage of t() (tests/web/i18n.test.mjs).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

import { useCoursePage, T } from './course-page.mjs';
import { frames } from './browser.mjs';
import { untranslated } from './pseudo-locale.mjs';
import { CHAPTERS } from '../../web/course/chapters.js';
import { loadModule } from '../wasm/load-engine.mjs';
import { fitNumbers, planeNumbers } from '../../web/chapters/mlp/approx-lab.js';
import { formatNumber } from '../../web/views/format.js';

const { session, go } = useCoursePage();
let module;
before(async () => { module = await loadModule(); });

// Words that are notation in every language: names of gates, functions and methods, kept as they are.
const NOTATION = ['AND', 'OR', 'NAND', 'NOR', 'XOR', 'NOT', 'ReLU', 'tanh', 'ELU', 'GELU', 'PReLU', 'SELU',
  'MSE', 'SGD', 'Adam', 'Adaline', 'Perceptron', 'perceptron', 'exp', 'log', 'max', 'min', 'sin', 'cos', 'sgn', 'ln', 'erf',
  'softmax'];

// What each chapter's learner does before its texts are read, so that the readings and statuses a
// lab composes are on show too (each returns once they are drawn).
const USE = {
  neuron: async (page) => {
    await page.fill('#neuron-w1', '-1');
    await page.dispatchEvent('#neuron-w1', 'input');
    await page.click('#mp-unit [data-preset="not"]');  // its note
    await page.click('#mp-xor');
  },
  // The curves at z = 0, a deeper chain of typed z, logits the lab cannot read (its message).
  activations: async (page) => {
    const type = async (selector, value) => { await page.fill(selector, value); await page.dispatchEvent(selector, 'change'); };
    await type('#act-z', '0');
    await type('#act-depth', '5');
    await page.selectOption('#act-chain-z', 'typed');
    await type('#act-chain-zs', '0, 2');
    await type('#act-logits', 'x');
  },
  // A lesson in the banner (its link, in the same language); the lab's early stopping that does not
  // stop within 10 epochs, and a value it refuses.
  regularisation: async (page) => {
    await page.evaluate(() => { location.hash = `${document.querySelector('#chapter a[href*="lesson=l2"]').getAttribute('href')}&lang=pseudo`; });
    await frames(page, 3);
    await page.waitForSelector('#active-lesson:not([hidden])');
    await page.fill('#reg-epochs', '10');
    await page.dispatchEvent('#reg-epochs', 'change');
    await page.fill('#reg-patience', '0');
    await page.dispatchEvent('#reg-patience', 'change');
  },
  // ReLU units from zeros for 20 epochs: no gradient reaches the hidden layers, the units stay copies.
  initialisation: async (page) => {
    await page.fill('#init-epochs', '20');
    await page.dispatchEvent('#init-epochs', 'change');
    await page.selectOption('#init-act', 'relu');
    await page.selectOption('#init-scheme', 'zeros');
  },
  perceptron: async (page) => {
    await page.selectOption('#rules-data', 'xor');
    await page.click('#rules-train');  // the perceptron stuck, Adaline settled, the tasks' statuses
    await page.click('#rules-step');   // the step's table, an epoch under way
  },
  'gradient-descent': async (page) => {
    await page.check('#descent-race');  // the race's legend
    await page.click('#descent-run');   // the numbers and the path's status
    for (let i = 0; i < 8; ++i) await page.click('#neuron-step');  // cross-entropy right, squared error not
    await page.click('#landscape-draw');
  },
  mlp: async (page) => {
    await page.click('#step');  // an epoch: the playground's tasks report
    // The lab: two units (plural captions), the step, three units on the plane, the OR region.
    await page.$eval('#approx-n', (el) => {
      el.value = '2';
      el.dispatchEvent(new Event('input'));
      el.dispatchEvent(new Event('change'));
    });
    await page.selectOption('#approx-data', 'step');
    await page.fill('#approx-n2', '3');
    await page.dispatchEvent('#approx-n2', 'change');
    await page.selectOption('#approx-combine', 'or');
  },
  backprop: async (page) => {
    await page.click('#step');
    await page.fill('#graph-x', '1');
    await page.dispatchEvent('#graph-x', 'input');
    // The fork preset (forks, paths), reverse mode to x's step: used three times, an input.
    await page.click('#expression-lab [data-preset="fork"]');
    for (let i = 0; i < 4; ++i) await page.click('#expr-next');
    await page.waitForFunction(() => document.querySelector('#expr-step').dataset.step === '4');
  },
};


for (const chapter of CHAPTERS) {
  test(`chapter '${chapter.id}' in the pseudo-locale: every text it shows is a message`, T, async () => {
    const page = session().page;
    await go(`#chapter=${chapter.id}&lang=pseudo`);
    await USE[chapter.id]?.(page);
    await page.waitForSelector('#chapter [aria-busy="true"]', { state: 'detached' });  // a lab training in slices has its numbers
    await frames(page, 2);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.deepEqual(await page.evaluate(untranslated, { roots: ['#chapter', '#active-lesson'], notation: NOTATION }), []);
  });
}

test('chapter \'neuron\' in French, and back to English keeping the lab\'s weights', T, async () => {
  const page = session().page;
  await go('#chapter=neuron&lang=fr');
  assert.equal(await page.textContent('#chapter-title'), '1. Le neurone');
  assert.match(await page.textContent('#chapter .chapter-text'), /Un neurone artificiel pondère ses entrées/);
  assert.match(await page.textContent('#task-nand .task-status'), /^Pas encore : /);
  await page.fill('#neuron-w1', '0.5');
  await page.dispatchEvent('#neuron-w1', 'input');
  await frames(page);
  assert.match(await page.textContent('#neuron-unit tbody'), /−0,5/, 'z with a decimal comma');
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  assert.equal(await page.textContent('#chapter-title'), '1. The neuron');
  assert.match(await page.textContent('#task-nand .task-status'), /^Not yet: /);
  assert.equal(await page.inputValue('#neuron-w1'), '0.5', 'the lab keeps its weights');
  // A lab's value the link spells wrong: the message and its reasons in French.
  await go('#chapter=neuron&lang=fr&unit.w1=abc&unit.x=1');
  assert.equal(await page.textContent('#message-text'), 'Une partie du lien n’a pas été comprise : ' +
    'unit.w1 : « abc » n’est pas un nombre ; unit.x : « 1 » n’est pas un réglage de ce labo.');
  // A number beyond the core's float range, from the link and typed.
  await go('#chapter=neuron&lang=fr&unit.w1=1e39');
  assert.equal(await page.textContent('#message-text'), 'Une partie du lien n’a pas été comprise : ' +
    'unit.w1 : « 1e39 » dépasse la plage des flottants du cœur (±3,4×10³⁸).');
  await page.fill('#neuron-w2', '-1e39');
  await frames(page);
  assert.equal(await page.textContent('#neuron-error'), 'w2 doit être un nombre de −3,4×10³⁸ à 3,4×10³⁸, la plage des flottants du cœur');
});

test('chapter \'gradient-descent\' in French: the landscape lab\'s refusal, which the core words in English, in French', T, async () => {
  const page = session().page;
  await go('#chapter=gradient-descent&lang=fr');
  await page.selectOption('#landscape-directions', 'trajectory');  // no path recorded yet: no principal directions
  await page.waitForSelector('#chapter [aria-busy="true"]', { state: 'detached' });
  assert.match(await page.textContent('#landscape-status'),
    /^les directions principales demandent au moins 3 instantanés enregistrés des poids \(il y en a \d+\) : entraînez d’abord quelques époques en enregistrant les poids\.$/);
});

test('chapter \'activations\' in French: its lab\'s readings with a decimal comma, and back to English keeping z', T, async () => {
  const page = session().page;
  await go('#chapter=activations&lang=fr');
  assert.equal(await page.textContent('#chapter-title'), '6. Fonctions d’activation');
  assert.match(await page.textContent('#chapter .chapter-text'), /L’activation rend le réseau non linéaire/);
  assert.equal(await page.textContent('#activation-lab tr[data-activation="sigmoid"] [data-value="range"]'), ']0 ; 1[', 'an open interval, French style');
  await page.fill('#act-z', '0.5');
  await page.dispatchEvent('#act-z', 'change');
  await frames(page);
  assert.equal(await page.textContent('#act-plots [data-activation="sigmoid"] [data-value="f"]'), '0,622', 'σ(0.5) with a decimal comma');
  assert.equal(await page.textContent('#act-chain-summary'),
    'Après 3 couches, le gradient est multiplié par 0,0156. Au mieux sur 3 couches : Sigmoïde 0,0156 ; Tanh 1 ; ReLU 1.');
  assert.match(await page.textContent('#task-sigmoid-steepest .task-status'), /^Pas encore : placez z .* f′\(0,5\) = 0,235 /);
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  assert.equal(await page.textContent('#chapter-title'), '6. Activation functions');
  assert.equal(await page.inputValue('#act-z'), '0.5', 'the lab keeps its z');
  assert.equal(await page.textContent('#act-chain-summary'),
    'After 3 layers the gradient is multiplied by 0.0156. At their best over 3 layers: Sigmoid 0.0156, Tanh 1, ReLU 1.');
  assert.match(await page.textContent('#task-sigmoid-steepest .task-status'), /^Not yet: move z .* f′\(0\.5\) = 0\.235:/);
});

test('chapter \'backprop\': the graph\'s x, y and z, and its task met, stay through a change of language, in the link and a reload', T, async () => {
  const page = session().page;
  await go('#chapter=backprop&task=graph-gradient');
  for (const [k, v] of [['x', 0], ['y', 2], ['z', 3]]) await page.fill(`#graph-${k}`, String(v));
  assert.match(await page.textContent('#task-graph-gradient .task-status'), /^Done: /);
  await page.selectOption('#language', 'fr');
  await page.waitForFunction(() => document.querySelector('#chapter-title')?.textContent.startsWith('5. Rétropropagation'));
  await frames(page, 2);
  const inputs = () => Promise.all(['x', 'y', 'z'].map((k) => page.inputValue(`#graph-${k}`)));
  assert.deepEqual(await inputs(), ['0', '2', '3'], 'the graph keeps its inputs');
  assert.match(await page.textContent('#task-graph-gradient .task-status'), /^Fait : /);
  assert.match(await page.evaluate(() => location.hash), /chain\.x=0&chain\.y=2&chain\.z=3/);
  await page.reload();
  await page.waitForSelector('#task-graph-gradient .task-status[data-met]');
  assert.deepEqual(await inputs(), ['0', '2', '3'], 'and after a reload');
  assert.match(await page.textContent('#task-graph-gradient .task-status'), /^Fait : /);
  await page.selectOption('#language', 'en');
  await frames(page, 2);
});

test('a change of language keeps logits typed beyond what the link holds, and says so again', T, async () => {
  const page = session().page;
  await go('#chapter=activations&widget=activation-lab');
  // 30 logits: too long for the link however written; the link keeps the lab's default.
  const typed = Array.from({ length: 30 }, (_, i) => String(i + 0.25)).join(', ');
  await page.fill('#act-logits', typed);
  await page.press('#act-logits', 'Enter');
  await frames(page);
  assert.ok(await page.isVisible('#act-logits-link-note'));
  await page.selectOption('#language', 'fr');
  await page.waitForSelector('html[lang="fr"]');  // the French catalogue loads on first use
  await frames(page, 2);
  assert.equal(await page.textContent('#chapter-title'), '6. Fonctions d’activation');
  assert.equal(await page.inputValue('#act-logits'), typed, 'the logits as typed');
  assert.equal(await page.$$eval('.act-softmax-table [data-value="p"]', (tds) => tds.length), 30, 'the lab shows them');
  assert.ok(await page.isVisible('#act-logits-link-note'), 'and says again that the link does not hold them');
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  assert.equal(await page.inputValue('#act-logits'), typed);
  // Another chapter and back: the link's logits, as the note said.
  await go('#chapter=neuron');
  await go('#chapter=activations');
  assert.notEqual(await page.inputValue('#act-logits'), typed);
});

test('chapter \'perceptron\' in French: the rules lab\'s readings with decimal commas, and back to English keeping its η', T, async () => {
  const page = session().page;
  await go('#chapter=perceptron&lang=fr');
  assert.equal(await page.textContent('#chapter-title'), '2. Perceptron et Adaline');
  assert.match(await page.textContent('#chapter .chapter-text'), /Le perceptron de Rosenblatt \(1958\) apprend une unité à seuil/);
  assert.equal(await page.textContent('#task-perceptron-or .task-status'), 'Pas encore : choisissez OR.');
  assert.equal(await page.textContent('#rules-train'), 'Entraîner 100 époques');
  // AND from w = 0 at η = 0.25: only (1, 1) is wrong in the first epoch, so w = 0.25·(1, 1, 1).
  await page.fill('#rules-rate-perceptron', '0.25');
  await page.dispatchEvent('#rules-rate-perceptron', 'change');
  for (let i = 0; i < 4; ++i) await page.click('#rules-step');
  assert.equal(await page.textContent('#rules-perceptron .rules-weights'), '(0,25 ; 0,25 ; 0,25)', 'a tuple with decimal commas');
  assert.equal(await page.textContent('#rules-epochs'), '1 époque de 4 exemples');
  assert.equal(await page.textContent('#rules-perceptron .rules-status'), 'Époque 1 : 1 erreur.');
  assert.match(await page.textContent('#rules-adaline .rules-status'), /^Époque 1 : J = \d+,\d+ ; exemples mal classés dans l’époque : \d\./);
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  assert.equal(await page.textContent('#chapter-title'), '2. Perceptron and Adaline');
  assert.equal(await page.textContent('#task-perceptron-or .task-status'), 'Not yet: choose OR.');
  assert.equal(await page.inputValue('#rules-rate-perceptron'), '0.25', 'the lab keeps its η');
  assert.equal(await page.textContent('#rules-epochs'), '0 epochs of 4 examples');
});

test('chapter \'gradient-descent\' in French: the one-neuron lab\'s task counts its wrong points without a plural to agree with', T, async () => {
  const page = session().page;
  await go('#chapter=gradient-descent&widget=neuron-lab&lang=fr');
  for (let i = 0; i < 21; ++i) await page.click('#neuron-run');
  await frames(page);
  assert.equal(await page.textContent('#task-neuron-se-saturated .task-status'),
    'Pas encore : avancez jusqu’à ce que l’erreur quadratique classe bien tous les points (mal classés après 210 pas : 1).');
  await go('#chapter=gradient-descent&lang=en');
});

test('chapter \'mlp\' in French: its text, the lab\'s readings with decimal commas, and back to English keeping the lab', T, async () => {
  const page = session().page;
  await go('#chapter=mlp&lang=fr');
  assert.equal(await page.textContent('#chapter-title'), '4. Le PMC et sa propagation avant');
  assert.match(await page.textContent('#chapter .chapter-text'), /Un perceptron multicouche empile des couches d’unités/);
  // As a learner would: the step, two units; three units on the moons, the OR region.
  await page.selectOption('#approx-data', 'step');
  await page.$eval('#approx-n', (el) => { el.value = '2'; el.dispatchEvent(new Event('change')); });
  await page.selectOption('#approx-plane', 'moons');
  await page.fill('#approx-n2', '3');
  await page.dispatchEvent('#approx-n2', 'change');
  await page.selectOption('#approx-combine', 'or');
  await frames(page);
  // The engine's numbers (Node formats them in English), written with a decimal comma.
  const comma = (v) => formatNumber(v).replace('.', ',');
  const fit = fitNumbers(module, { data: 'step', act: 'sigmoid', n: 2 });
  assert.equal(await page.textContent('#approx-caption'), `2 unités à activation sigmoïde après 400 époques : perte d’entraînement ${comma(fit.metrics.train.loss)}, ` +
    `perte de test ${comma(fit.metrics.test.loss)} (½ de l’erreur quadratique moyenne). Biais de sortie b = ${comma(fit.bias)}.`);
  assert.match(comma(fit.metrics.test.loss), /^0,\d+$/, 'a loss below 1 shows its decimal comma');
  const plane = planeNumbers(module, { plane: 'moons', act: 'sigmoid', n2: 3 });
  assert.match(await page.textContent('#approx-plane-caption'), new RegExp(`^3 unités à activation sigmoïde sur « lunes » : exactitude de test ` +
    `${(100 * plane.metrics.test.accuracy).toFixed(1).replace('.', ',')}\u00a0%\\. La région OR \\(au moins une unité de ce côté\\) couvre \\d+,\\d\u00a0%`),
  'a no-break space before the percent sign, as the statements write "95 %"');
  // The tasks' statuses write their percentages the same way as their statements.
  assert.match(await page.textContent('#task-xor-hidden-layer'), /au-dessus de 95\u00a0% avec une couche/);
  assert.match(await page.textContent('#task-xor-hidden-layer .task-status'), /une exactitude de test supérieure à 95\u00a0% \(actuellement \d+,\d\u00a0%\)/);
  assert.match(await page.textContent('#task-circles-and'), /exactitude de test d’au moins 95\u00a0%/);
  // One convention on the page: the playground's own readout writes its percentage as the course does.
  const beforeSign = (text) => text.match(/\d(\s?)%/)[1];
  assert.equal(beforeSign(await page.textContent('#test-accuracy')), beforeSign(await page.textContent('#task-circles-and')),
    'the test accuracy readout and a task\'s statement put the same space before %');
  assert.equal(await page.textContent('#approx-data option[value="step"]'), 'échelon');
  // On the step only the choice is missing: the step's loss is not the bump's to quote.
  assert.match(await page.textContent('#task-bump-few-units .task-status'), /^Pas encore : choisissez la bosse\.?$/);
  assert.match(await page.textContent('#shapes-summary'), /^Tailles des couches \[[\d, ]+\] : \d+ poids \+ \d+ biais = \d+ paramètres\.$/);
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  assert.equal(await page.textContent('#chapter-title'), '4. The MLP and its forward pass');
  assert.equal(await page.inputValue('#approx-data'), 'step', 'the lab keeps its settings');
  assert.equal(await page.inputValue('#approx-n'), '2');
  assert.match(await page.textContent('#approx-caption'), new RegExp(`^2 sigmoid units after 400 epochs: training loss ${formatNumber(fit.metrics.train.loss).replace('.', '\\.')}, `));
  assert.match(await page.textContent('#approx-plane-caption'), /^3 sigmoid units on moons: test accuracy \d+\.\d%\. The OR region/);
});

test('no text the page shows names its code (a function, a module, a file), in either language', T, async () => {
  const page = session().page;
  for (const lang of ['en', 'fr']) {
    for (const route of ['', ...CHAPTERS.map((c) => `chapter=${c.id}&`)]) {
      await go(`#${route}lang=${lang}`);
      await page.waitForSelector('#chapter [aria-busy="true"]', { state: 'detached' });
      const words = await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;  // what the learner opens too
        const text = [document.body.innerText, ...[...document.querySelectorAll('[title], [aria-label]')]
          .map((e) => `${e.getAttribute('title') ?? ''} ${e.getAttribute('aria-label') ?? ''}`)].join(' ');
        return [...new Set(text.match(/\b(?:engine|module|playground|state)\.[a-zA-Z_]+|\b[a-z][a-zA-Z]+\(\)|\b[\w-]+\.m?js\b|\bundefined\b|\[object \w+\]/g) ?? [])];
      });
      assert.deepEqual(words, [], `#${route}lang=${lang}`);
    }
  }
});

// α where a chapter shows it but not as a learning rate: the landscape plane's coordinates, ELU's
// parameter, the output weights αᵢ, and chapter 2 saying once that the lecture's slides write η so.
const ALPHA_NOT_A_RATE = [/θ \+ α·d1 \+ β·d2/g, /\(α, β\)/g, /α \((?:along|selon) d1\)/g, /ELU α/g, /α\(e\^z − 1\)/g, /αᵢ/g,
  /\((?:the lecture's slides write it|les diapositives du cours l’écrivent) α\)/g];

test('the learning rate is η in every chapter, in either language: the rate fields, the rules, the statements and the messages', T, async () => {
  const page = session().page;
  for (const lang of ['en', 'fr']) {
    for (const { id } of CHAPTERS) {
      await go(`#chapter=${id}&lang=${lang}`);
      await page.waitForSelector('#chapter [aria-busy="true"]', { state: 'detached' });
      if (id === 'perceptron' || id === 'gradient-descent') await USE[id](page);
      if (id === 'perceptron') {  // a refused rate: its message
        await page.fill('#rules-rate-adaline', '');
        await page.dispatchEvent('#rules-rate-adaline', 'change');
        await page.click('#rules-step');
      }
      await page.waitForSelector('#chapter [aria-busy="true"]', { state: 'detached' });
      const { labels, left } = await page.evaluate((patterns) => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        const rates = [...document.querySelectorAll('#chapter input[id*="rate"], #chapter select[id*="rate"]')];
        let text = document.querySelector('#chapter').innerText.replace(/\s+/g, ' ');
        for (const p of patterns) text = text.replace(new RegExp(p, 'g'), '');
        return { labels: rates.map((el) => el.closest('label').textContent.replace(/\s+/g, ' ').trim().slice(0, 20)),
          left: text.match(/.{0,30}α.{0,30}/g) ?? [] };
      }, ALPHA_NOT_A_RATE.map((p) => p.source));
      for (const label of labels) assert.match(label, /^η /, `#chapter=${id}&lang=${lang}: a rate field's label`);
      assert.deepEqual(left, [], `#chapter=${id}&lang=${lang}`);
    }
  }
});

test('an activation named in a task\'s status reads as a word of its sentence, lower-case as the statements write it, in either language', T, async () => {
  const page = session().page;
  for (const [lang, now, units] of [['en', 'now', 'choose sigmoid units'], ['fr', 'actuellement', 'choisissez des unités sigmoïdes']]) {
    // Chapter 8 opens on tanh units: the tasks for other units say so.
    await go(`#chapter=initialisation&lang=${lang}`);
    await page.waitForSelector('#chapter [aria-busy="true"]', { state: 'detached' });
    // (a status once the lab has measured its layers: it trains them in slices)
    const says = (text) => page.waitForFunction((x) => [...document.querySelectorAll('#chapter .task-status')]
      .some((p) => p.textContent.includes(x)), text, { timeout: 10000 }).then(() => true, () => false);
    const statuses = () => page.$$eval('#chapter .task-status', (ps) => ps.map((p) => p.textContent).join(' | '));
    assert.ok(await says(`${units} (${now} tanh)`), `${lang}: ${await statuses()}`);
    await page.selectOption('#init-act', 'relu');
    await frames(page);
    assert.ok(await says(`${units} (${now} ReLU)`), `${lang}: ${await statuses()}`);
    // Chapter 6's chain on softplus, then on the identity.
    await go(`#chapter=activations&lang=${lang}`);
    await page.selectOption('#act-chain', 'softplus');
    await page.dispatchEvent('#act-chain', 'change');
    await frames(page);
    assert.match(await page.textContent('#task-sigmoid-depth .task-status'), new RegExp(`\\(${now} softplus\\)`), lang);
    await page.selectOption('#act-chain', 'linear');
    await page.dispatchEvent('#act-chain', 'change');
    await frames(page);
    assert.match(await page.textContent('#task-sigmoid-depth .task-status'), new RegExp(`\\(${now} ${lang === 'fr' ? 'linéaire' : 'linear'}\\)`), lang);
  }
});

test('chapter 6\'s logits field shows its numbers in the page\'s format, which its link and a change of language read back', T, async () => {
  const page = session().page;
  const logits = () => page.evaluate(() => ({ value: /** @type {HTMLInputElement} */ (document.querySelector('#act-logits')).value,
    invalid: document.querySelector('#act-logits').getAttribute('aria-invalid'),
    p: [...document.querySelectorAll('.act-softmax-table [data-value="p"]')].map((td) => td.textContent),
    link: decodeURIComponent(location.hash).match(/act\.logits=[^&]*/)?.[0] ?? null }));
  await go('#chapter=activations&widget=activation-lab&lang=fr');
  // The lecture's logits, the default: in French, decimal commas between semicolons; the link stays plain.
  assert.deepEqual(await logits(), { value: '1,60 ; 0,55 ; 0,98', invalid: 'false', p: ['0,53', '0,185', '0,285'], link: null });
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  assert.deepEqual(await logits(), { value: '1.60, 0.55, 0.98', invalid: 'false', p: ['0.53', '0.185', '0.285'], link: null });
  await page.selectOption('#language', 'fr');
  await frames(page, 2);
  assert.deepEqual(await logits(), { value: '1,60 ; 0,55 ; 0,98', invalid: 'false', p: ['0,53', '0,185', '0,285'], link: null });
  // A link's logits, in the French page: its numbers in French too, the link as it came.
  await go('#chapter=activations&widget=activation-lab&lang=fr&act.logits=0.7_0.2_0.1');
  const linked = await logits();
  assert.deepEqual([linked.value, linked.invalid, linked.link], ['0,7 ; 0,2 ; 0,1', 'false', 'act.logits=0.7_0.2_0.1']);
  await page.selectOption('#language', 'en');
  await frames(page, 2);
  const back = await logits();
  assert.deepEqual([back.value, back.invalid, back.link], ['0.7, 0.2, 0.1', 'false', 'act.logits=0.7_0.2_0.1']);
  // One number alone keeps its point in French: 0,5 with no semicolon would read as two numbers.
  await go('#chapter=activations&widget=activation-lab&lang=fr&act.chain-z=typed&act.chain-zs=0.5');
  assert.deepEqual([await page.inputValue('#act-chain-zs'), await page.getAttribute('#act-chain-zs', 'aria-invalid')], ['0.5', 'false']);
  assert.equal(await page.$$eval('.act-chain-table tbody tr', (rows) => rows.length), 3, 'a layer each at z = 0.5');
});

test('chapter 1 keeps the XOR answer and the NOT preset\'s note through a change of language, as its unit\'s settings', T, async () => {
  const page = session().page;
  await go('#chapter=neuron&widget=mp-unit');
  const shown = () => page.evaluate(() => ({ note: document.querySelector('#mp-note').textContent,
    answer: !document.querySelector('#mp-xor-answer').hidden && document.querySelector('#mp-xor-verdict')?.textContent.slice(0, 4),
    kinds: [...document.querySelectorAll('#mp-unit select')].map((s) => /** @type {HTMLSelectElement} */ (s).value),
    theta: /** @type {HTMLInputElement} */ (document.querySelector('#mp-threshold')).value }));
  const switchTo = async (lang) => {
    await page.selectOption('#language', lang);
    await page.waitForSelector(`html[lang="${lang}"]`);
    await frames(page, 2);
  };
  await page.click('#mp-unit [data-preset="not"]');
  await page.click('#mp-xor');
  const kinds = ['excitatory', 'inhibitory'];
  assert.deepEqual(await shown(), { note: 'With θ = 0, x1 does not matter: the unit fires unless x2, inhibitory, is active.', answer: 'No: ', kinds, theta: '0' });
  await switchTo('fr');
  assert.deepEqual(await shown(), { note: 'Avec θ = 0, x1 ne compte pas : l’unité s’active sauf si x2, inhibitrice, est active.', answer: 'Non ', kinds, theta: '0' });
  await switchTo('en');
  assert.deepEqual(await shown(), { note: 'With θ = 0, x1 does not matter: the unit fires unless x2, inhibitory, is active.', answer: 'No: ', kinds, theta: '0' });
  // θ moved: the preset's note goes, and stays gone in the other language; the answer stays.
  await page.fill('#mp-threshold', '1');
  await page.dispatchEvent('#mp-threshold', 'input');
  await switchTo('fr');
  assert.deepEqual(await shown(), { note: '', answer: 'Non ', kinds, theta: '1' });
  await switchTo('en');
  // Another chapter and back: the chapter starts over but for its link, as the other labs do.
  await go('#chapter=perceptron');
  await go('#chapter=neuron&widget=mp-unit');
  assert.deepEqual((await shown()).answer, false);
});
