// Shared by the embedding tests (embed-*.e2e.mjs): the
// Share / embed dialog's snippet for chosen parts, a host page (same origin) holding it, and what a
// frame shows (its parts, page chrome, overflow, the plot's and play's boxes).
// Not here: any assertion (the test files).
import { frames } from './browser.mjs';

export const T = { timeout: 60000 };

// What the embedded page shows: which parts are visible, whether page chrome shows, overflow.
export function shown() {
  const visible = (sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  return {
    data: visible('#data-panel'), network: visible('#network-panel'), output: visible('#output-panel'),
    controls: visible('#play'), backprop: visible('#step-panel'), brand: visible('.brand'), learningRate: visible('select[data-key="learningRate"]'),
    hints: [...document.querySelectorAll('.hint')].some((el) => el.getBoundingClientRect().height > 0),
    share: visible('#share'), openFull: visible('#open-full'),
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  };
}

// Waits until the dialog has measured the embed and previewed it at the chosen size.
export const settled = (page) => page.waitForSelector('#share-dialog[data-state="ready"]', { timeout: 45000 });

export async function snippetFor(page, parts, hide = []) {
  if (!await page.isVisible('#share-dialog')) await page.click('#share');
  for (const key of hide) await page.check(`#hide-options input[value="${key}"]`);
  for (const box of await page.$$('#embed-options input')) {
    const want = parts.includes(await box.getAttribute('value'));
    if (await box.isChecked() !== want) await box.click();
  }
  await settled(page);
  return page.inputValue('#embed-code');
}

// Puts `snippet` in a host page at /`name` (served by b's server, same origin), opens it in `page`
// and returns the iframe's frame once the playground inside is ready.
export async function host(b, page, snippet, name = 'embed-host.html') {
  await page.goto(b.hostPage(name, `<!doctype html><html lang="en"><head><title>A course page</title><link rel="icon" href="data:,"></head>` +
    `<body style="margin:20px"><h1>Lesson 3</h1><p>Press play.</p>${snippet}</body></html>`));
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 15000 });
  await frame.waitForSelector('[aria-busy="true"]', { state: 'detached', timeout: 15000 });  // a lab's first numbers
  await frames(page);
  return { frame, handle };
}

// What a frame shows inside its own viewport: overflow both ways, and the boxes of the plot and play.
export function fit() {
  const box = (sel) => {
    const el = document.querySelector(sel);
    if (!el || !el.getClientRects().length) return null;
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width };
  };
  const root = document.documentElement;
  return {
    scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, scrollHeight: root.scrollHeight, clientHeight: root.clientHeight,
    innerWidth, innerHeight, plot: box('#plot canvas'), play: box('#play'),
  };
}
export const inside = (r, s) => r && r.left >= -0.5 && r.top >= -0.5 && r.right <= s.innerWidth + 0.5 && r.bottom <= s.innerHeight + 0.5;
