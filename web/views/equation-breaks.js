// Line breaks for the step panel's MathML equations, which the browser will not wrap by itself.
// A chain of equalities wider than its room goes on one row per "=", as in a textbook
// (z = Σ w·a + b, then = 0.81 × (−2.1) + …, then = −1.69); a row still too wide (a long sum)
// continues on the next row before a + or −. Only moves nodes: the numbers and their order stay.

const MATHML = 'http://www.w3.org/1998/Math/MathML';

// Moves `start` and the siblings after it, up to `stop` (excluded), into a new indented row
// placed after `row`; returns the new row.
function continueOn(row, start, stop, indent) {
  const next = document.createElementNS(MATHML, 'mtr');
  const cell = document.createElementNS(MATHML, 'mtd');
  cell.setAttribute('class', 'eq-left');  // a class, not a style attribute: the strict CSP
  const space = document.createElementNS(MATHML, 'mspace');
  space.setAttribute('width', indent);
  cell.append(space);
  while (start.nextSibling && start.nextSibling !== stop) cell.append(start.nextSibling);
  cell.insertBefore(start, space.nextSibling);
  next.append(cell);
  row.after(next);
  return next;
}

/**
 * Breaks the rows of a <math><mtable> (one <mtd> per row, as views/equations.js builds them)
 * to fit `room` CSS pixels. Reads layout, so call it once the math is in the page.
 */
export function breakLongLines(math, room) {
  if (math.getBoundingClientRect().width <= room) return;
  const rowsOf = () => [...math.querySelectorAll(':scope > mtable > mtr')];
  for (const row of rowsOf()) {
    const equals = [...row.firstElementChild.children].filter((c) => c.localName === 'mo' && c.textContent === '=');
    let after = row;
    equals.slice(1).forEach((eq, k) => {  // the first "=" stays beside the left-hand side
      after = continueOn(after, eq, equals[k + 2], '1.5em');
    });
  }
  const left = math.getBoundingClientRect().left;
  const rows = rowsOf();
  for (let i = 0; i < rows.length && i < 200; ++i) {
    const cell = rows[i].firstElementChild;
    if (cell.getBoundingClientRect().right - left <= room) continue;
    const signs = [...cell.children].filter((c) => c.localName === 'mo' && (c.textContent === '+' || c.textContent === '−'));
    const fits = signs.filter((c, k) => k > 0 && c.getBoundingClientRect().right - left <= room);
    const at = fits[fits.length - 1] ?? signs[1];
    if (at) rows.splice(i + 1, 0, continueOn(rows[i], at, null, '3em'));
  }
}
