// End-to-end: the course shell. The chapter menu and back/forward; an unknown chapter; an embedded
// chapter or lab; a lab's settings in its link; every "Try this" link at every size, with one check
// read not met, then met. One browser page: routes change through the hash.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { frames, choose, check, readState, screenshot, stepEpochs } from './browser.mjs';
import { useCoursePage, SIZES, T, assertNoOverflow } from './course-page.mjs';
import { CHAPTERS } from '../../web/course/chapters.js';
import { taskHash } from '../../web/course/links.js';

const course = useCoursePage();
const { go, openTask, expectStatus } = course;
const page = () => course.session().page;

test('the chapter menu works at 390 px, and back and forward follow the chapters', T, async () => {
  const { page } = course.session();
  await page.setViewportSize(SIZES[2]);
  await go('#chapter=neuron');
  await page.click('.course-menu summary');
  const link = page.locator('.course-list a[data-chapter-link="mlp"]');
  const box = await link.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.height >= 24, `the menu fits and its links are large enough: ${JSON.stringify(box)}`);
  await link.click();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
  assert.equal(await page.getAttribute('.course-list a[data-chapter-link="mlp"]', 'aria-current'), 'page');
  await page.goBack();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'neuron');
  await page.goForward();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
  await assertNoOverflow(page, 'the open menu at 390 px');
  await page.setViewportSize(SIZES[0]);
});

test('the chapter menu by keyboard: Escape or focus leaving it closes it; a chapter chosen takes focus to its heading, the playground or the chapter shown leaves it on the summary', T, async () => {
  const { page } = course.session();
  await go('#chapter=neuron');
  const state = () => page.evaluate(() => ({
    open: document.querySelector('.course-menu').open,
    onSummary: document.activeElement === document.querySelector('.course-menu summary'),
  }));
  await page.focus('.course-menu summary');
  await page.keyboard.press('Enter');
  assert.deepEqual(await state(), { open: true, onSummary: true });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  assert.deepEqual(await state(), { open: false, onSummary: true }, 'Escape closes it, focus back on its summary');
  await page.keyboard.press('Enter');
  const links = await page.locator('.course-list a').count();
  for (let i = 0; i <= links; ++i) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('.course-menu').contains(document.activeElement)), false);
  assert.equal((await state()).open, false, 'tabbed past its last chapter, it closes');
  await page.focus('.course-menu summary');
  await page.keyboard.press('Enter');
  await page.focus('.course-list a[data-chapter-link="mlp"]');
  await page.keyboard.press('Enter');
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
  assert.equal((await state()).open, false);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'chapter-title', 'another chapter chosen: focus on its heading, as its next and previous links leave it');
  // The next Tab goes on into the chapter, not back through the header.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.getElementById('chapter').contains(document.activeElement)), 'Tab from the heading stays in the chapter');
  // The chapter shown chosen again, or the playground: nothing new to read; focus back on the summary.
  for (const id of ['mlp', 'playground']) {
    await page.focus('.course-menu summary');
    await page.keyboard.press('Enter');
    await page.focus(`.course-list a[data-chapter-link="${id}"]`);
    await page.keyboard.press('Enter');
    await frames(page, 3);
    assert.deepEqual(await state(), { open: false, onSummary: true }, `${id} chosen: focus back on the summary`);
  }
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'playground');
});

test('the previous and next chapter links keep the playground as it was and the language, as the menu does', T, async () => {
  const { page } = course.session();
  const rate = () => page.inputValue('select[data-key="learningRate"]');
  await go('#chapter=perceptron');
  await choose(page, 'learningRate', '0.3');
  await page.selectOption('#language', 'fr');
  await frames(page);
  const previous = page.locator('#chapter .chapter-nav a').first();
  await previous.hover();
  const href = await previous.getAttribute('href');
  assert.ok(href.startsWith('#chapter=neuron&') && href.includes('learningRate=0.3') && href.includes('lang=fr'), `the link, copied, carries them: ${href}`);
  await previous.click();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'neuron');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.locator('#chapter .chapter-nav a').last().click();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'perceptron');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await rate(), '0.3');
  await page.selectOption('#language', 'en');
  await choose(page, 'learningRate', '0.03');
});

// Back and Forward move through the course only: the playground stays as the learner left it.
const selected = (key) => page().inputValue(`select[data-key="${key}"]`);
async function travel(direction) {
  await (direction === 'back' ? page().goBack() : page().goForward());
  await frames(page(), 3);
}

test('Back and Forward to a lesson or task keep its run: its set-up does not start again', T, async () => {
  const { page } = course.session();
  await go('#chapter=mlp');
  await page.click('a[data-lesson="xor-hidden"]');
  await frames(page, 3);
  await stepEpochs(page, 5);
  await page.locator('#chapter .chapter-nav a').last().click();  // Backpropagation →
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'backprop');
  await travel('back');
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
  assert.equal(await page.isVisible('#active-lesson'), true, 'the lesson\'s banner is back');
  assert.equal((await readState(page)).epoch, 5, 'Back: the lesson\'s run goes on from where it was');
  await travel('forward');
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'backprop');
  await travel('back');
  assert.equal((await readState(page)).epoch, 5, 'Forward, then Back again: the same run');
  // The banner's Close, then Back.
  await page.click('#active-lesson .banner-close');
  await frames(page, 3);
  await travel('back');
  assert.equal((await readState(page)).epoch, 5);
  // A task's set-up, the Chapters menu, then Back.
  await page.click('a[data-task-link]');
  await frames(page, 3);
  await stepEpochs(page, 3);
  await page.click('.course-menu summary');
  await page.click('.course-list a[data-chapter-link="backprop"]');
  await frames(page, 3);
  await travel('back');
  assert.ok(await page.isVisible('#chapter .task-list > li.active'), 'the task is highlighted again');
  assert.equal((await readState(page)).epoch, 3, 'Back to the task: its run as it was');
  await go('#');
});

test('Back and Forward between chapters keep the playground\'s settings, language and run, and the URL says so', T, async () => {
  const { page } = course.session();
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  await go('#chapter=neuron');
  await page.click('.course-menu summary');
  await page.click('.course-list a[data-chapter-link="regularisation"]');
  await frames(page, 3);
  await choose(page, 'activation', 'relu');
  await page.selectOption('#language', 'fr');
  await frames(page);
  await stepEpochs(page, 4);
  await travel('back');
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'neuron');
  assert.equal(await selected('activation'), 'relu', 'Back: the activation as the learner set it');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'Back: the page stays in French');
  assert.equal((await readState(page)).epoch, 4, 'Back: the run goes on');
  const url = await hash();
  assert.ok(url.startsWith('#chapter=neuron&') && url.includes('activation=relu') && url.includes('lang=fr'), `the URL says what is shown: ${url}`);
  await travel('forward');
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'regularisation');
  assert.equal(await selected('activation'), 'relu');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal((await readState(page)).epoch, 4, 'Forward: the same run');
  await page.selectOption('#language', 'en');
  await go('#');
});

test('a hash typed with other settings or a lesson still applies them, between Back and Forward', T, async () => {
  const { page } = course.session();
  await go('#chapter=perceptron');
  await choose(page, 'activation', 'relu');
  await stepEpochs(page, 3);
  await go('#chapter=regularisation&activation=sigmoid');
  assert.equal(await selected('activation'), 'sigmoid', 'typed: its settings apply');
  await travel('back');
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'perceptron');
  assert.equal(await selected('activation'), 'sigmoid', 'Back keeps them');
  await stepEpochs(page, 2);
  await go('#chapter=mlp&lesson=xor-hidden');
  assert.equal((await readState(page)).epoch, 0, 'a lesson typed starts its set-up');
  await go('#');
});

test('the next and previous chapter links show the chapter from its top, focus on its heading; a lab\'s link still brings the lab into view', T, async () => {
  const { page } = course.session();
  const where = () => page.evaluate(() => ({
    y: scrollY,
    heading: Math.round(document.getElementById('chapter-title').getBoundingClientRect().top),
    focus: document.activeElement.id,
  }));
  await go('#chapter=mlp');
  const next = page.locator('#chapter .chapter-nav a').last();
  await next.scrollIntoViewIfNeeded();
  await next.click();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'backprop');
  let at = await where();
  assert.ok(at.y === 0 && at.heading > 0 && at.heading < 800, `from its top: ${JSON.stringify(at)}`);
  assert.equal(at.focus, 'chapter-title', 'focus on the heading, not lost with the link followed');
  // By keyboard: the next Tab goes on in the chapter shown.
  const previous = page.locator('#chapter .chapter-nav a').first();
  await previous.focus();
  await page.keyboard.press('Enter');
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
  at = await where();
  assert.ok(at.y === 0 && at.focus === 'chapter-title', JSON.stringify(at));
  await page.keyboard.press('Tab');
  // (the chapter's first control after its heading: chapter 4's text has no link or scroller, so its lab's)
  assert.ok(await page.evaluate(() => {
    const heading = document.getElementById('chapter-title'), focused = document.activeElement;
    return document.getElementById('chapter').contains(focused) && focused !== heading &&
      Boolean(heading.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
  }), 'Tab goes on into the chapter, after its heading');
  await go('#chapter=gradient-descent&widget=neuron-lab');
  const lab = await page.evaluate(() => Math.round(document.getElementById('neuron-lab').getBoundingClientRect().top));
  assert.ok(lab >= 0 && lab < 100, `the lab in view: ${lab}`);
  await go('#');
});

test('an unknown chapter says so and shows the playground', T, async () => {
  const { page } = course.session();
  await go('#chapter=nope');
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'playground');
  assert.match((await readState(page)).message, /there is no chapter 'nope'/);
  await page.click('#message-close');
});

test('a lab, lesson or task without its chapter, or an embed of a chapter that names none, is said, not a blank frame', T, async () => {
  // <backprop-playground widget="descent-lab" parts="lab"> without chapter="gradient-descent" was an
  // empty frame with no word; widget=, lesson= and task= alone were dropped unsaid.
  const { page } = course.session();
  const message = async () => (await readState(page)).message;
  await go('#widget=descent-lab&embed=lab');
  assert.match(await message(), /widget 'descent-lab' belongs to a chapter the link does not name \(chapter=…\); ignored/);
  assert.match(await message(), /embed=lab shows a chapter's part, but the link names no chapter \(chapter=…\)/);
  await go('#task=xor-hidden-layer&lesson=xor');
  assert.match(await message(), /lesson 'xor' belongs to a chapter .*; task 'xor-hidden-layer' belongs to a chapter/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /task=|lesson=/, 'they leave the link');
  await go('#embed=chapter,output,controls');
  assert.match(await message(), /embed=chapter,output,controls shows a chapter's part, but the link names no chapter/);
  await go('#chapter=mlp&embed=chapter,output,controls');
  assert.equal(await message(), '');
  await go('');
});

test('a new link clears the last one\'s warning though it changes only the route; a warning about the run stays', T, async () => {
  const { page } = course.session();
  const message = async () => (await readState(page)).message;
  const menu = async (id) => {
    await page.click('.course-menu summary');
    await page.click(`.course-list a[data-chapter-link="${id}"]`);
    await frames(page, 3);
  };
  await go('#chapter=nope');
  assert.match(await message(), /there is no chapter 'nope'; showing the playground/);
  await go('#chapter=mlp');
  assert.equal(await message(), '', 'on a chapter, nothing says it shows the playground');
  await go('#chapter=activations&act.z=abc');
  assert.match(await message(), /act\.z 'abc' is not a number/);
  await menu('neuron');
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'neuron');
  assert.equal(await message(), '', 'another chapter from the menu: the lab value\'s warning is gone');
  await go('#chapter=neuron&learningRate=abc');
  assert.match(await message(), /learningRate: 'abc' is not a number/);
  await menu('mlp');
  assert.equal(await message(), '', 'a bad setting\'s warning goes too');
  // Saturation at learning rate 100 is about the run, which another chapter keeps.
  await go('#chapter=mlp&learningRate=100');
  await stepEpochs(page, 5);
  assert.match(await message(), /^The output tanh is saturated/);
  await menu('activations');
  assert.match(await message(), /^The output tanh is saturated/, 'the run\'s warning stays');
  await page.click('#message-close');
  await go('#');
});

test('a link opened with a chapter, lesson or lab value the course cannot read says so on load', T, async () => {
  const { page } = course.session();
  // Opened anew (not a hashchange): the playground writes the URL before the course reads it.
  const open = async (hash) => {
    await page.evaluate((h) => history.replaceState(null, '', h), hash);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
    await frames(page, 3);
    return (await readState(page)).message;
  };
  assert.match(await open('#chapter=gradient_descent'), /chapter 'gradient_descent' is not a valid id/);
  assert.match(await open('#chapter=MLP'), /chapter 'MLP' is not a valid id/);
  assert.match(await open('#chapter=activations&act.logits=1,2,3'), /act\.logits '1,2,3' is not a valid value/);
  assert.match(await open('#chapter=mlp&lesson=XOR'), /lesson 'XOR' is not a valid id/);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp', 'the rest of the link applies');
  await page.click('#message-close');
  await go('#');
});

test('what a link got wrong in the course\'s keys leaves the URL and the Share link once said, as a bad setting does', T, async () => {
  const { page } = course.session();
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  const shared = async () => {
    await page.click('#share');
    const link = decodeURIComponent(await page.inputValue('#share-url'));
    await page.keyboard.press('Escape');
    return link;
  };
  await go('#chapter=mlp&widget=approx-lab&approx.n=0&approx.act=relu');
  assert.match((await readState(page)).message, /approx\.n '0' is outside 1…12/);
  assert.equal(await hash(), '#chapter=mlp&widget=approx-lab&approx.act=relu', 'the rest of the link stays');
  assert.doesNotMatch(await shared(), /approx\.n/);
  await page.click('#message-close');
  await go('#chapter=nope&learningRate=0.3');
  assert.match((await readState(page)).message, /there is no chapter 'nope'/);
  assert.equal(await hash(), '#learningRate=0.3');
  assert.doesNotMatch(await shared(), /nope/);
  await page.click('#message-close');
  await go('#chapter=mlp&lesson=nope&task=nope&widget=nope');
  const said = (await readState(page)).message;
  assert.match(said, /has no lesson 'nope'.*has no task 'nope'.*has no lab 'nope'/);
  assert.equal(await hash(), '#chapter=mlp');
  assert.doesNotMatch(await shared(), /nope/);
  await page.click('#message-close');
  await go('#');
});

test('a lab key a link got wrong, once said, is in none of the chapter\'s links: lessons, tasks, the menu', T, async () => {
  const { page } = course.session();
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  const links = () => page.$$eval('#chapter a[data-lesson], #chapter a[data-task-link]', (as) => as.map((a) => decodeURIComponent(a.getAttribute('href'))));
  // A key no lab reads, a value a lab refuses, a lesson the chapter does not have.
  await go('#chapter=mlp&lesson=nope&approx.n=0&mp.x=1');
  assert.match((await readState(page)).message, /approx\.n '0' is outside.*no lab in this chapter reads mp\.x/);
  assert.equal(await hash(), '#chapter=mlp');
  await page.click('#message-close');
  assert.ok((await links()).length > 0);
  for (const href of await links()) assert.doesNotMatch(href, /approx\.|mp\./, 'said once, the keys leave the lesson and task links');
  await page.click('a[data-lesson="xor-hidden"]');
  await frames(page, 3);
  assert.equal((await readState(page)).message, '', 'the lesson link does not say it again');
  await go('#chapter=initialisation&init.zzz=1');
  assert.match((await readState(page)).message, /init\.zzz '1' is not a setting of this lab/);
  await page.click('#message-close');
  for (const href of await links()) assert.doesNotMatch(href, /init\./);
  await go('#chapter=neuron');
  await page.click('.course-menu summary');
  const back = page.locator('.course-list a[data-chapter-link="mlp"]');
  await back.hover();
  assert.doesNotMatch(decodeURIComponent(await back.getAttribute('href')), /approx\.|mp\./, 'nor the menu\'s link back');
  await back.click();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
  assert.equal((await readState(page)).message, '', 'which does not say it again either');
  await go('#');
});

test('a lesson or task link keeps the page\'s language and how it shows the run, where its set-up does not set them', T, async () => {
  const { page } = course.session();
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  await go('#chapter=mlp&lang=fr&speed=max');
  await check(page, 'showTest', true);  // once the chapter is shown: its links follow the page
  await page.click('a[data-lesson="xor-hidden"]');
  await frames(page, 3);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'the page stays in French');
  for (const key of [/lesson=xor-hidden/, /hidden=&learningRate=0\.1/, /speed=max/, /showTest=1/, /lang=fr/]) assert.match(await hash(), key);
  // The sine lesson shows the test data itself.
  await check(page, 'showTest', false);
  await page.click('a[data-lesson="sine-fit"]');
  await frames(page, 3);
  assert.equal(await page.isChecked('input[data-key="showTest"]'), true);
  const task = page.locator('a[data-task-link]').first();
  await task.hover();
  assert.match(decodeURIComponent(await task.getAttribute('href')), /speed=max.*lang=fr/, 'a copied task link carries them too');
  await task.click();
  await frames(page, 3);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.selectOption('#language', 'en');
  await go('#');
});

test('embed=chapter shows just the chapter', T, async () => {
  const { page } = course.session();
  await go('#chapter=neuron&embed=chapter');
  assert.ok(await page.isVisible('#chapter-title'));
  assert.ok(await page.isHidden('.course-nav'));
  assert.ok(await page.isHidden('#data-panel'));
  await go('#chapter=mlp&embed=chapter,output,controls');
  assert.ok(await page.isVisible('#chapter .shapes'));
  assert.ok(await page.isVisible('#output-panel'));
  assert.ok(await page.isHidden('#network-panel'));
  await go('#');
});

test('embed=lab shows the chapter\'s labs alone, widget= just one, which works and fits a 390 px frame', T, async () => {
  const { page } = course.session();
  await go('#chapter=gradient-descent&embed=lab');
  assert.ok(await page.isVisible('#descent-lab') && await page.isVisible('#neuron-lab'), 'both labs');
  for (const hidden of ['#chapter-title', '.chapter-text', '#chapter > .tasks', '.course-nav', '#data-panel', '#play']) {
    assert.ok(await page.isHidden(hidden), `${hidden} hidden`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await go('#chapter=gradient-descent&widget=neuron-lab&embed=lab');
  assert.ok(await page.isHidden('#descent-lab'), 'only the lab widget= names');
  assert.ok(await page.isVisible('#neuron-lab .tasks'), 'with its own tasks');
  await page.click('#neuron-step');
  assert.equal(await page.textContent('#neuron-ce [data-value="wrong"]'), '6');
  assert.match(await page.textContent('#neuron-ce .neuron-sums'), /after 1 step$/);
  await assertNoOverflow(page, 'the neuron lab alone at 390 px');
  await screenshot(page, 'course-embed-lab-390.png');
  await page.setViewportSize(SIZES[0]);
  // Chapter 4's network in numbers is a widget of its own too, beside the playground it counts.
  await go('#chapter=mlp&widget=network-numbers&embed=lab,output,controls');
  assert.ok(await page.isVisible('#network-numbers .shapes-table'), 'widget= names the network in numbers');
  assert.ok(await page.isHidden('#approx-lab'), 'and only it');
  assert.equal((await readState(page)).message, '');
  await go('#chapter=gradient-descent&widget=nope');
  assert.match((await readState(page)).message, /chapter 'gradient-descent' has no lab 'nope'/);
  await page.click('#message-close');
  await go('#');
});

test('in an embed, Open in the full playground carries the labs as the learner set them and follows the route', T, async () => {
  const { page } = course.session();
  const full = async () => decodeURIComponent(await page.getAttribute('#open-full', 'href')).split('#')[1];
  await go('#chapter=activations&embed=lab');
  await page.fill('#act-z', '2.5');
  await page.press('#act-z', 'Tab');
  await frames(page);
  assert.equal(await page.evaluate(() => decodeURIComponent(location.hash)), '#chapter=activations&act.z=2.5&embed=lab');
  assert.equal(await full(), 'chapter=activations&act.z=2.5', 'the value typed goes with the learner');
  await go('#chapter=gradient-descent&widget=neuron-lab&embed=lab');
  assert.equal(await full(), 'chapter=gradient-descent&widget=neuron-lab', 'another chapter and lab');
  await go('#chapter=mlp&embed=lab');  // its labs write nothing as they are shown: the link followed alone
  assert.equal(await full(), 'chapter=mlp');
  await go('#chapter=mlp&widget=approx-lab&approx.n=0&approx.act=relu&embed=lab');
  assert.equal(await full(), 'chapter=mlp&widget=approx-lab&approx.act=relu', 'without the value the lab refused');
  await page.click('#message-close');
  await go('#');
});

test('a lab\'s settings travel in its link: opened set up, kept in the URL as they change, a bad value said', T, async () => {
  const { page } = course.session();
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  await go('#chapter=gradient-descent&widget=neuron-lab&neuron.start=small&neuron.rate=1&descent.surface=bowl&descent.race=1');
  assert.equal(await page.inputValue('#neuron-start'), 'small');
  assert.equal(await page.inputValue('#neuron-rate'), '1');
  assert.equal(await page.inputValue('#descent-surface'), 'bowl');
  assert.equal(await page.isChecked('#descent-race'), true);
  assert.equal(await page.$$eval('#descent-paths polyline', (p) => p.length), 3, 'the race is on');
  // w = (0, −0.5) at x = −2.5: z = 1.25, as the link set it up.
  assert.equal(await page.textContent('#neuron-se tbody tr:first-child td:nth-child(3)'), '1.25');
  await page.selectOption('#neuron-rate', '2');
  assert.match(await hash(), /neuron\.start=small&neuron\.rate=2/);
  assert.match(await hash(), /descent\.surface=bowl/);
  await page.selectOption('#neuron-start', 'saturated');
  assert.doesNotMatch(await hash(), /neuron\.start/, 'a default value leaves the link');
  // The playground's own changes keep the labs' keys.
  await choose(page, 'learningRate', 0.3);
  assert.match(await hash(), /descent\.surface=bowl.*learningRate=0\.3/);
  // Reloaded from its link, the page is as it was.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#neuron-rate'), '2');
  assert.equal(await page.inputValue('#descent-surface'), 'bowl');
  // Chapter 1's two widgets: McCulloch and Pitts' unit as NOT x1 (x1 inhibitory, θ = 0), the threshold unit as NAND.
  await go('#chapter=neuron&mp.kind1=inhibitory&mp.theta=0&unit.w1=-1&unit.w2=-1&unit.b=1.5');
  assert.deepEqual(await page.$$eval('.mp-table:not(.mp-xor-table) tbody tr', (rows) => rows.map((r) => r.dataset.fires)), ['1', '1', '0', '0']);
  assert.deepEqual(await page.$$eval('#neuron-unit tbody td[data-output]', (cells) => cells.map((c) => c.dataset.output)), ['1', '1', '1', '0']);
  await page.fill('#neuron-b', '0.5');
  assert.match(await hash(), /mp\.kind1=inhibitory&mp\.theta=0&unit\.w1=-1&unit\.w2=-1&unit\.b=0\.5/);
  // Every part of a link not understood is said at once: two labs' values, a key no lab reads, a value between a slider's steps.
  await go('#chapter=gradient-descent&descent.surface=x&neuron.rate=7&rule.data=xor');
  const said = (await readState(page)).message;
  assert.match(said, /descent\.surface 'x' is not one of/);
  assert.match(said, /neuron\.rate '7' is not one of 0\.1, 0\.5, 1, 2/);
  assert.match(said, /no lab in this chapter reads rule\.data/);
  assert.doesNotMatch(await hash(), /rule\.data/, 'a key no lab reads leaves the link');
  await page.click('#message-close');
  await go('#chapter=neuron&mp.theta=1.5');
  assert.match((await readState(page)).message, /mp\.theta '1\.5' is not one of the slider's steps of 1/);
  await page.click('#message-close');
  // A value the lab does not have is said; the rest of the link still applies.
  await go('#chapter=perceptron&rules.data=maybe&rules.rate-adaline=0.05');
  assert.match((await readState(page)).message, /rules\.data 'maybe' is not one of and, or, nand, xor, playground/);
  assert.equal(await page.inputValue('#rules-data'), 'and');
  assert.equal(await page.inputValue('#rules-rate-adaline'), '0.05');
  await page.click('#message-close');
  await go('#');
});

test('a lesson or task link, the banner\'s Close and the chapter links leave the labs as the learner has them', T, async () => {
  const { page } = course.session();
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  await go('#chapter=backprop&graph.expr=f_Ex_ty_A3_tx&graph.values=1_2');
  assert.equal(await page.inputValue('#expr-text'), 'f = x*y + 3*x');
  await page.click('a[data-task-link="lecture-circles"]');
  await frames(page, 3);
  assert.ok(await page.isVisible('#task-lecture-circles.active'), 'the task is highlighted');
  assert.equal(await page.inputValue('#expr-text'), 'f = x*y + 3*x', 'the task\'s set-up leaves the expression');
  assert.match(await hash(), /task=lecture-circles&graph\.expr=f_Ex_ty_A3_tx&graph\.values=1_2&dataset=circles/);
  await page.click('a[data-lesson="backprop-by-hand"]');
  await frames(page, 3);
  assert.equal(await page.inputValue('#expr-text'), 'f = x*y + 3*x', 'so does the lesson\'s');
  assert.ok(await page.isHidden('#task-lecture-circles.active'), 'the task is no longer highlighted');
  await page.click('.banner-close');
  await frames(page, 3);
  assert.equal(await page.inputValue('#expr-text'), 'f = x*y + 3*x', 'and closing the lesson');
  assert.match(await hash(), /graph\.values=1_2/);
  // The descent lab keeps its steps through a task's set-up, and its settings through next and previous.
  await go('#chapter=gradient-descent');
  await page.selectOption('#descent-surface', 'bowl');
  await page.selectOption('#descent-rate', '0.3');
  await page.click('#descent-run');
  const numbers = await page.textContent('#descent-numbers');
  assert.match(numbers, /after 10 steps/);
  await page.click('a[data-task-link="full-batch"]');
  await frames(page, 3);
  assert.equal(await page.textContent('#descent-numbers'), numbers, 'the lab did not start over');
  await page.locator('#chapter .chapter-nav a').last().click();
  await frames(page, 3);
  assert.equal(await page.getAttribute('body', 'data-chapter'), 'mlp');
  assert.doesNotMatch(await hash(), /descent\./, 'the next chapter\'s link carries only its own labs\' keys');
  await page.locator('#chapter .chapter-nav a').first().click();
  await frames(page, 3);
  assert.equal(await page.inputValue('#descent-surface'), 'bowl');
  assert.equal(await page.inputValue('#descent-rate'), '0.3');
  await page.click('.course-menu summary');
  await page.click('.course-list a[data-chapter-link="neuron"]');
  await frames(page, 3);
  await page.click('.course-menu summary');
  await page.click('.course-list a[data-chapter-link="gradient-descent"]');
  await frames(page, 3);
  assert.equal(await page.inputValue('#descent-surface'), 'bowl', 'the menu\'s link too');
  assert.equal((await readState(page)).message, '', 'no key left unread');
  await go('#');
});

test('the neuron\'s unit refuses a number beyond the core\'s float range: typed, it is marked and said; in a link, the default is used and it is said', T, async () => {
  const { page, problems } = course.session();
  const hash = () => page.evaluate(() => decodeURIComponent(location.hash));
  const outputs = () => page.$$eval('#neuron-unit tbody td[data-output]', (cells) => cells.map((c) => c.dataset.output));
  await go('#chapter=neuron&unit.w1=-1&unit.w2=-1&unit.b=1.5');
  await expectStatus('nand', true);
  // 1e39 is a finite number to JS but infinite in float: the core would refuse it.
  await page.fill('#neuron-w1', '1e39');
  await frames(page);
  assert.deepEqual(problems, [], 'no page error');
  assert.equal(await page.getAttribute('#neuron-w1', 'aria-invalid'), 'true');
  assert.match(await page.textContent('#neuron-error'), /^w1 must be a number from −3\.4×10³⁸ to 3\.4×10³⁸, the core's float range$/);
  assert.match(await hash(), /unit\.w1=-1&/, 'the link keeps the last number the unit took');
  assert.deepEqual(await outputs(), ['1', '1', '1', '0'], 'the table keeps the last numbers');
  await page.fill('#neuron-w1', '-2');
  await frames(page);
  assert.equal(await page.getAttribute('#neuron-w1', 'aria-invalid'), 'false');
  assert.equal(await page.textContent('#neuron-error'), '');
  assert.match(await hash(), /unit\.w1=-2&/);
  // Opened from a link that carries such a number, the page loads with the default in its place, and says so.
  await page.evaluate(() => history.replaceState(null, '', '#chapter=neuron&unit.w1=1e39&unit.w2=-1&unit.b=1.5'));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  await frames(page);
  assert.deepEqual(problems, [], 'no page error');
  assert.match((await readState(page)).message, /unit\.w1 '1e39' is beyond the core's float range \(±3\.4×10³⁸\)/);
  assert.equal(await page.inputValue('#neuron-w1'), '1');
  assert.equal(await page.inputValue('#neuron-b'), '1.5', 'the rest of the link applies');
  assert.deepEqual(await outputs(), ['1', '1', '1', '1'], 'w = (1, −1), b = 1.5');
  assert.doesNotMatch(await hash(), /1e39/);
  await page.click('#message-close');
  await go('#');
});

test('every task link shows its task in the window at every size; a check reads not met, then met', T, async () => {
  const inWindow = (id) => page().$eval(`#task-${id}`, (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });
  for (const size of SIZES) {
    await page().setViewportSize(size);
    for (const c of CHAPTERS) {
      for (const t of c.tasks) {
        await go(taskHash(c.id, t));
        assert.ok(await inWindow(t.id), `${c.id}/${t.id} at ${size.width}×${size.height}: the task box is in the window`);
      }
    }
    // One check each way, with no training: NAND from the weights typed in.
    await openTask('neuron', 'nand');
    await expectStatus('nand', false, /NAND needs 1/);
    for (const [k, v] of [['w1', -1], ['w2', -1], ['b', 1.5]]) await page().fill(`#neuron-${k}`, String(v));
    await expectStatus('nand', true, /Done/);
    assert.ok(await inWindow('nand'), `the met task at ${size.width}×${size.height} is still in the window`);
    await go('#');  // off the task, so its link opens it afresh next time
  }
  await page().setViewportSize(SIZES[0]);
});
