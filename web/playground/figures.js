// "Save figure ▾ PNG / SVG" beside each of the playground's five figures: the output plot, the
// network diagram, the loss chart, the layer view and the step panel's diagram. Each figure is
// described by its name and its element; views/figure-export.js reads and writes it, the caption
// comes from the page's settings (figure-caption.js), and download.js saves the file.
import { page, $ } from './page.js';
import { download } from './download.js';
import { captionParts, figureFileName } from './figure-caption.js';
import { readFigure, figureSvg, figurePng } from '../views/figure-export.js';
import { themeColors } from '../theme.js';
import { t, onLanguageChange } from '../i18n/i18n.js';

/** name (in the file's name), what it is (in the button's name), its element, where the control goes. */
export const FIGURES = Object.freeze([
  { name: 'decision-boundary', title: 'output plot (decision boundary)', root: () => $('plot').querySelector('.data-plot'), after: () => $('plot') },
  { name: 'network', title: 'network diagram', root: () => $('network'), after: () => $('weight-legend') },
  { name: 'loss-chart', title: 'loss chart', root: () => $('chart'), after: () => $('chart') },
  { name: 'layer-view', title: 'layer view', root: () => $('layer-stats'), after: () => $('layer-stats') },
  { name: 'step-diagram', title: 'step diagram', root: () => $('step-network'), after: () => $('step-network').parentElement },
]);

function theme() {
  const { panel, ink, muted, line } = themeColors();
  return { panel, ink, muted, line, family: getComputedStyle(document.body).fontFamily };
}

/** Writes one figure as a file of `format` ('png' or 'svg') and saves it. */
export async function saveFigure(figure, format) {
  const epoch = page.engine.progress().epoch;
  const caption = captionParts(page.state, { epoch, testLoss: page.metrics?.test.loss ?? NaN });
  const drawn = readFigure(figure.root());
  const name = figureFileName(figure.name, epoch, format);
  const title = t('Backprop Playground: {figure}, epoch {epoch}', { figure: t(figure.title), epoch });
  if (format === 'svg') download(name, figureSvg(drawn, caption, theme(), title), 'image/svg+xml');
  else download(name, await figurePng(drawn, caption, theme()), 'image/png');
}

function control(figure) {
  const box = document.createElement('div');
  box.className = 'figure-export';
  box.dataset.figure = figure.name;
  const toggle = Object.assign(document.createElement('button'), { type: 'button', className: 'figure-export-toggle', textContent: 'Save figure ▾' });
  // Composed: named again in each language.
  const name = () => {
    toggle.setAttribute('aria-label', t('Save figure: {figure}', { figure: t(figure.title) }));
    menu.setAttribute('aria-label', t('Save the {figure} as', { figure: t(figure.title) }));
  };
  toggle.setAttribute('aria-expanded', 'false');
  const menu = document.createElement('span');
  menu.className = 'figure-export-menu';
  menu.id = `figure-export-${figure.name}`;
  menu.setAttribute('role', 'group');
  name();
  onLanguageChange(name);
  menu.hidden = true;
  toggle.setAttribute('aria-controls', menu.id);
  const open = (on) => { menu.hidden = !on; toggle.setAttribute('aria-expanded', String(on)); };
  for (const [format, label] of [['png', 'PNG'], ['svg', 'SVG']]) {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: label });
    b.dataset.format = format;
    b.title = format === 'png' ? 'A picture at twice the screen size, with the settings under it' : 'A vector file (shapes and text), with the settings under it';
    b.addEventListener('click', async () => {
      open(false);
      toggle.focus();
      await saveFigure(figure, format);
    });
    menu.append(b);
  }
  toggle.addEventListener('click', () => {
    open(menu.hidden);
    if (!menu.hidden) menu.querySelector('button').focus();
  });
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !menu.hidden) { open(false); toggle.focus(); }
  });
  box.addEventListener('focusout', (e) => { if (!box.contains(/** @type {Node|null} */ (e.relatedTarget))) open(false); });
  box.append(toggle, menu);
  return box;
}

/** Puts a Save figure control after each figure. */
export function wireFigureExport() {
  for (const figure of FIGURES) figure.after().after(control(figure));
}
