// The light and dark themes: style.css's colour variables per theme (the dark set written the same
// in its prefers-color-scheme block and its data-theme block, every variable in both themes), the
// WCAG contrast of every text colour on the backgrounds it is used on (4.5:1) and of graphics and
// large text (3:1), views/colors.js's THEMES equal to the stylesheet's data colours, the diverging
// scale and the class palette per theme, and web/theme-init.js (the saved choice before the first
// paint, storage that throws, embeds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import vm from 'node:vm';

import {
  THEMES, NEGATIVE_FILL, POSITIVE_FILL, contrastRatio, hexToRgb, divergingRgb, rampLut, setColorTheme,
  colorTheme, CLASS_COLORS, MIDPOINT, NEGATIVE, POSITIVE, signColor,
} from '../../web/views/colors.js';
import { layerColor } from '../../web/views/layer-stats.js';

const CSS = fs.readFileSync(new URL('../../web/style.css', import.meta.url), 'utf8');
const THEME_INIT = fs.readFileSync(new URL('../../web/theme-init.js', import.meta.url), 'utf8');

// The declarations `--name: value;` of the first block that follows `selector {`.
function variables(selector, from = 0) {
  const at = CSS.indexOf(`${selector} {`, from);
  assert.ok(at >= 0, `style.css has a ${selector} block`);
  const body = CSS.slice(at + selector.length + 2, CSS.indexOf('}', at));
  const vars = {};
  for (const m of body.matchAll(/--([\w-]+):\s*([^;]+);/g)) vars[m[1]] = m[2].trim().toLowerCase();
  vars['color-scheme'] = /color-scheme:\s*(\w+)/.exec(body)?.[1];
  return vars;
}
const light = variables(':root');
const mediaAt = CSS.indexOf('@media screen and (prefers-color-scheme: dark)');
const darkByMedia = variables(':root:not([data-theme="light"])', mediaAt);
const dark = variables(':root[data-theme="dark"]');
const themes = { light, dark };

test('style.css: the dark set is the same in the prefers-color-scheme and the data-theme block', () => {
  assert.ok(mediaAt >= 0, 'a prefers-color-scheme: dark query');
  assert.ok(CSS.indexOf(':root:not([data-theme="light"])', mediaAt) > mediaAt, 'the query skips a page set to light');
  assert.deepEqual(darkByMedia, dark);
  assert.equal(light['color-scheme'], 'light');
  assert.equal(dark['color-scheme'], 'dark');
});

test('style.css: every colour variable has a value in both themes, all of them #rrggbb', () => {
  const names = Object.keys(light).filter((k) => k !== 'color-scheme');
  assert.ok(names.length >= 25, `${names.length} variables`);
  assert.deepEqual(Object.keys(dark).filter((k) => k !== 'color-scheme').sort(), names.sort());
  for (const [theme, vars] of Object.entries(themes)) {
    for (const n of names) assert.match(vars[n], /^#[0-9a-f]{6}$/, `${theme} --${n}`);
  }
  // Nothing in the rules after the variables hard-codes white or near-black any more (the tip
  // bubble's fixed dark-on-light button and the neuron tooltip excepted).
  const rules = CSS.slice(CSS.indexOf('* { box-sizing'));
  const stray = rules.split('\n').filter((l) => /#fff\b|#ffffff|#1d1d1f|#000\b/i.test(l) && !/\.tip button|\.tooltip|rgba\(29/.test(l));
  assert.deepEqual(stray, []);
});

// [text, background] pairs as the page uses them: body text needs 4.5:1 (WCAG 1.4.3).
const TEXT_PAIRS = [
  ['ink', 'panel'], ['ink', 'page'], ['ink', 'control'], ['ink', 'subtle'], ['ink', 'mark'], ['ink', 'info-bg'],
  ['muted', 'panel'], ['muted', 'page'], ['muted', 'control'], ['muted', 'subtle'],
  ['accent', 'panel'], ['accent', 'page'], ['on-accent', 'accent'], ['on-accent', 'info-ink'],
  ['warn', 'warn-bg'], ['warn', 'panel'], ['error', 'error-bg'], ['error', 'panel'], ['info-ink', 'info-bg'],
  ['ok', 'panel'], ['differs', 'panel'], ['tangent', 'panel'], ['tangent', 'info-bg'],
];
// Graphics and large text need 3:1 (1.4.11, 1.4.3): the sign colours (lines, weights, large
// numbers), the focus ring and the accent play button against what is around them.
const GRAPHIC_PAIRS = [
  ['negative', 'panel'], ['positive', 'panel'], ['accent', 'panel'], ['accent', 'page'], ['error', 'control'],
  ['accent-strong', 'panel'],
];

for (const name of ['light', 'dark']) {
  test(`${name} theme: text 4.5:1 and graphics 3:1 on their backgrounds`, () => {
    const vars = themes[name];
    const failures = [];
    for (const [fg, bg] of TEXT_PAIRS) {
      const r = contrastRatio(vars[fg], vars[bg]);
      if (r < 4.5) failures.push(`--${fg} on --${bg}: ${r.toFixed(2)}:1 < 4.5`);
    }
    for (const [fg, bg] of GRAPHIC_PAIRS) {
      const r = contrastRatio(vars[fg], vars[bg]);
      if (r < 3) failures.push(`--${fg} on --${bg}: ${r.toFixed(2)}:1 < 3`);
    }
    assert.deepEqual(failures, []);
  });
}

test('the dark sign colours pass even body text (4.5:1) on the dark panel and page', () => {
  for (const c of [dark.negative, dark.positive]) {
    assert.ok(contrastRatio(c, dark.panel) >= 4.5, `${c} on the panel: ${contrastRatio(c, dark.panel)}`);
    assert.ok(contrastRatio(c, dark.page) >= 4.5, `${c} on the page: ${contrastRatio(c, dark.page)}`);
  }
  // The documented numbers (colors.js's THEMES comment).
  assert.equal(contrastRatio(dark.negative, dark.panel).toFixed(1), '7.2');
  assert.equal(contrastRatio(dark.positive, dark.panel).toFixed(1), '7.0');
  assert.equal(contrastRatio(light.negative, light.panel).toFixed(1), '3.3');
  assert.equal(contrastRatio(light.positive, light.panel).toFixed(1), '5.2');
});

test('colors.js THEMES hold the stylesheet\'s data colours (negative, positive, midpoint = panel)', () => {
  for (const name of ['light', 'dark']) {
    const t = THEMES[name], vars = themes[name];
    assert.equal(t.negative.toLowerCase(), vars.negative, `${name} negative`);
    assert.equal(t.positive.toLowerCase(), vars.positive, `${name} positive`);
    assert.equal(t.midpoint.toLowerCase(), vars.midpoint, `${name} midpoint`);
    assert.equal(vars.midpoint, vars.panel, `${name}: zero in the diverging scale is the panel colour`);
  }
});

test('setColorTheme switches the live colours and the diverging scale, and back', () => {
  try {
    setColorTheme('dark');
    assert.equal(colorTheme(), 'dark');
    assert.equal(MIDPOINT, THEMES.dark.midpoint);
    assert.equal(NEGATIVE, THEMES.dark.negative);
    assert.equal(POSITIVE, THEMES.dark.positive);
    assert.equal(signColor(1), THEMES.dark.positive);
    assert.equal(CLASS_COLORS, THEMES.dark.classColors);
    assert.deepEqual(divergingRgb(0), hexToRgb(THEMES.dark.midpoint));
    assert.deepEqual(divergingRgb(-1), hexToRgb(NEGATIVE_FILL));
    assert.deepEqual(divergingRgb(1), hexToRgb(POSITIVE_FILL));
    // Both ends stand out from zero (3:1), in lightness as well as hue, and from each other in hue.
    assert.ok(contrastRatio(NEGATIVE_FILL, THEMES.dark.midpoint) >= 3);
    assert.ok(contrastRatio(POSITIVE_FILL, THEMES.dark.midpoint) >= 3);
    const ramp = rampLut('#009E73', 3);
    assert.deepEqual([...ramp.slice(0, 3)], hexToRgb(THEMES.dark.midpoint));
    setColorTheme('anything else');
    assert.equal(colorTheme(), 'light');
    assert.deepEqual(divergingRgb(0), [255, 255, 255]);
  } finally {
    setColorTheme('light');
  }
});

// CIE L*a*b* distance of two sRGB hex colours (D65).
function deltaE(p, q) {
  const lab = (hex) => {
    const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    const [r, g, b] = hexToRgb(hex).map(lin);
    const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const [X, Y, Z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
      (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883].map(f);
    return [116 * Y - 16, 500 * (X - Y), 200 * (Y - Z)];
  };
  const [a, b] = [lab(p), lab(q)];
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

test('dark class palette: eight distinct colours, all visible on the dark panel, 0 and 1 the binary pair', () => {
  const colors = THEMES.dark.classColors;
  assert.equal(colors.length, 8);
  assert.equal(colors[0], NEGATIVE_FILL);
  assert.equal(colors[1], POSITIVE_FILL);
  for (let i = 0; i < 8; ++i) {
    for (let j = i + 1; j < 8; ++j) assert.ok(deltaE(colors[i], colors[j]) > 20, `classes ${i} and ${j}`);
    assert.ok(contrastRatio(colors[i], THEMES.dark.midpoint) >= 3, `${colors[i]} on the dark panel`);
  }
});

test('layer colours: every line 3:1 on its panel, fainter to stronger towards the output, per theme', () => {
  for (const theme of ['light', 'dark']) {
    const panel = themes[theme].panel;
    const ratios = [0, 1, 2, 3, 4].map((l) => contrastRatio(layerColor(l, 5, theme), panel));
    if (theme === 'dark') for (const r of ratios) assert.ok(r >= 3, `${theme}: ${ratios}`);
    for (let l = 1; l < 5; ++l) assert.ok(ratios[l] > ratios[l - 1], `${theme}: ${ratios}`);
  }
});

// Runs web/theme-init.js as the browser would, against a stand-in <html> and storage.
function runThemeInit({ saved = null, hash = '', throws = false } = {}) {
  const attrs = {};
  const storage = { getItem: (k) => { if (throws) throw new Error('SecurityError'); return k === 'backprop-theme' ? saved : null; } };
  const context = {
    window: { localStorage: storage },
    location: { hash },
    document: { documentElement: { setAttribute: (k, v) => { attrs[k] = v; } } },
  };
  vm.runInNewContext(THEME_INIT, context);
  return attrs['data-theme'] ?? null;
}

test('theme-init.js: the saved choice before the first paint; auto, junk, embeds and blocked storage leave it to the system', () => {
  assert.equal(runThemeInit({ saved: 'dark' }), 'dark');
  assert.equal(runThemeInit({ saved: 'light' }), 'light');
  assert.equal(runThemeInit({ saved: null }), null);
  assert.equal(runThemeInit({ saved: 'auto' }), null);
  assert.equal(runThemeInit({ saved: 'purple' }), null);
  assert.equal(runThemeInit({ saved: 'dark', throws: true }), null);
  assert.equal(runThemeInit({ saved: 'dark', hash: '#embed=output' }), null, 'an embed follows its reader\'s system');
  assert.equal(runThemeInit({ saved: 'dark', hash: '#chapter=mlp&embed=lab' }), null);
  assert.equal(runThemeInit({ saved: 'dark', hash: '#embed=' }), 'dark', 'an empty embed= is no embed');
  assert.equal(runThemeInit({ saved: 'dark', hash: '#dataset=xor' }), 'dark');
});
