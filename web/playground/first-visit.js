// First-visit callouts: three short notes pointing at play, at a neuron's picture and at the links,
// each closed on its own and remembered in localStorage (so a learner sees each once). Storage may
// be refused (file://, a sandboxed iframe): then they show on every visit and close for this one.
// Never in an embed: there the instructor's own page does the explaining.
export const STORAGE_KEY = 'backprop-playground.tips-seen';

export const TIPS = Object.freeze([
  { id: 'play', target: '#play', text: 'Press play to train the network (or Space). Step trains one epoch at a time.' },
  { id: 'neuron', target: '#network [aria-label="hidden layer 1 neuron 1"]',
    text: 'Each neuron’s picture is its output over the input plane (x1 across, x2 up): blue where it is positive, orange where negative.' },
  { id: 'links', target: '#network path.link:last-of-type',
    text: 'Links are the weights: blue positive, orange negative, grey zero, thicker for a larger |w|. Hover one to read it, click to edit.' },
]);

// What a tip may point at that takes the keyboard's focus (play, a weight).
const FOCUSABLE = 'button, a[href], input, select, [tabindex]:not([tabindex="-1"])';

/** The ids of the tips closed before, or [] when there are none or storage is refused. */
export function seenTips() {
  try {
    const seen = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');  // the getter itself may throw
    return Array.isArray(seen) ? seen : [];
  } catch {
    return [];
  }
}

function remember(id) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...new Set([...seenTips(), id])]));
  } catch {
    // Storage refused: the tip stays closed for this visit only.
  }
}

/**
 * Shows the tips not yet seen. Returns place(): call it after the page's layout may have changed,
 * to keep each tip under its target (a tip whose target is not on show waits, hidden).
 */
export function showFirstVisitTips(root = document) {
  const seen = new Set(seenTips());
  const open = [];
  for (const tip of TIPS.filter((t) => !seen.has(t.id))) {
    const box = root.createElement('div');
    box.className = 'tip';
    box.dataset.tip = tip.id;
    box.setAttribute('role', 'note');
    box.setAttribute('aria-label', 'Tip');
    const text = root.createElement('p');
    text.textContent = tip.text;
    const close = root.createElement('button');
    close.type = 'button';
    close.textContent = 'Got it';
    close.setAttribute('aria-label', `Got it: close the tip “${tip.text.split(/[.:(]/)[0]}”`);
    const dismiss = () => {
      const hadFocus = box.contains(root.activeElement);
      remember(tip.id);
      box.remove();
      open.splice(open.indexOf(entry), 1);
      place();  // a tip that waited for this one may show now
      // Closed from the keyboard: the focus goes on to the next tip on show, or to what this one points
      // at when it can take the focus, rather than back to the top of the page.
      if (hadFocus) {
        const next = open.find((o) => !o.box.hidden)?.box.querySelector('button');
        const target = root.querySelector(tip.target);
        /** @type {HTMLElement|SVGElement|undefined} */ (next ?? (target?.matches(FOCUSABLE) ? target : undefined))?.focus();
      }
    };
    close.addEventListener('click', dismiss);
    box.addEventListener('keydown', (e) => { if (e.key === 'Escape') dismiss(); });
    box.append(text, close);
    root.body.append(box);
    const entry = { tip, box };
    open.push(entry);
    // Doing what the tip says (pressing play, clicking a link) closes it too.
    root.addEventListener('click', (e) => { if (box.isConnected && /** @type {Element} */ (e.target).closest?.(tip.target)) dismiss(); }, true);
  }
  // Below its target, left-aligned with it and kept inside the page's width. A tip that would
  // overlap one before it waits until that one is closed (narrow screens show them one by one).
  function place() {
    const placed = [];
    for (const { tip, box } of open) {
      const target = root.querySelector(tip.target);
      const r = target?.getBoundingClientRect();
      const shown = r && r.width > 0 && r.height > 0 && !target.closest('[hidden]');
      box.hidden = !shown;
      if (!shown) continue;
      const width = Math.min(260, root.documentElement.clientWidth - 16);
      const left = Math.max(8, Math.min(r.left, root.documentElement.clientWidth - width - 8));
      box.style.width = `${width}px`;
      box.style.left = `${left + window.scrollX}px`;
      box.style.top = `${r.bottom + window.scrollY + 10}px`;
      box.style.setProperty('--arrow-x', `${Math.max(10, Math.min(width - 20, r.left + Math.min(r.width, 40) / 2 - left - 6))}px`);
      const mine = box.getBoundingClientRect();
      const overlaps = placed.some((o) => mine.left < o.right && o.left < mine.right && mine.top < o.bottom && o.top < mine.bottom);
      box.hidden = overlaps;
      if (!overlaps) placed.push(mine);
    }
  }
  // A target may move without the layout changing: the phone's run bar sticks to the top as the page
  // scrolls, so the play tip follows it (once per frame at most).
  let pending = 0;
  window.addEventListener('scroll', () => {
    if (open.length === 0 || pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      place();
    });
  }, { passive: true });
  place();
  return place;
}
