// The text-contrast walk the theme and lecture-hall tests share: run in a page with
// page.evaluate(textContrasts). Each visible text's colour against the background it sits on, as
// WCAG's contrast ratio, with whether it counts as large text.

// Every visible element with its own text (HTML text nodes and SVG <text>): its colour, composited
// over the background it sits on (ancestors' background colours, translucent ones blended, down to
// the page's), at its opacity. Disabled controls, and those marked aria-disabled, are left out (WCAG 1.4.3 exempts inactive ones).
export function textContrasts() {
  const parse = (css) => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const [r, g, bl, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, bl, a];
  };
  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const lum = ([r, g, bl]) => {
    const lin = (c) => { const s = c / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const ratio = (p, q) => { const [a, c] = [lum(p), lum(q)]; return (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05); };
  const root = parse(getComputedStyle(document.documentElement).backgroundColor);
  const pageBg = root && root[3] > 0 ? root : [255, 255, 255, 1];
  function background(el) {
    const layers = [];
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = layers.length && layers[layers.length - 1][3] >= 1 ? layers.pop() : pageBg;
    while (layers.length) bg = over(layers.pop(), bg);
    return bg;
  }
  const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
  const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  const results = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const text = t.textContent.trim();
    const el = t.parentElement;
    if (!text || !el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('script, style, option, [hidden], :disabled, [aria-disabled="true"], .tip')) continue;
    if (el.closest('label')?.control?.disabled) continue;  // a disabled control's label and value
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || el.getClientRects().length === 0) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) continue;
    const svgText = el instanceof SVGElement;
    const color = parse(svgText ? style.fill : style.color);
    if (!color) continue;
    const o = opacity(el);
    if (o < 0.05) continue;
    const bg = background(el);
    const fg = over([color[0], color[1], color[2], color[3] * o], bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    results.push({ what: `${name(el)} "${text.slice(0, 40)}"`, ratio: ratio(fg, bg), large,
      fg: fg.slice(0, 3).map(Math.round).join(','), bg: bg.slice(0, 3).map(Math.round).join(',') });
  }
  return results;
}
