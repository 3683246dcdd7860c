// The page's entry: starts the core, the playground and the lesson gallery, and follows pasted
// links (hashchange). The playground's jobs live in web/playground/.
import { EngineError, sumTimesGraph } from './engine.js';
import { serializeHash } from './state.js';
import { createGraphLesson } from './views/graph-lesson.js';
import { renderLessons } from './lessons.js';
import { createPlayground } from './playground/playground.js';
import { splitHash } from './course/route.js';

const $ = (id) => document.getElementById(id);

function showError(text) {
  $('message-text').textContent = text;
  $('message').className = 'message error';
  $('message').hidden = false;
}

// The chain-rule lesson: the core computes the graph each time an input changes.
function wireGraphLesson(module, showMessage) {
  const view = createGraphLesson($('graph-svg'));
  const inputs = ['graph-x', 'graph-y', 'graph-z'].map($);
  const redraw = () => {
    // A cleared or half-typed field is not 0: it is marked, and the graph keeps its last numbers.
    const values = inputs.map((el) => (el.value.trim() === '' ? NaN : Number(el.value)));
    inputs.forEach((el, i) => el.setAttribute('aria-invalid', String(!Number.isFinite(values[i]))));
    if (!values.every(Number.isFinite)) return;
    const [x, y, z] = values;
    try {
      view.update(sumTimesGraph(module, x, y, z));
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      showMessage(e.message);
    }
  };
  for (const el of inputs) el.addEventListener('input', redraw);
  redraw();
}


async function main() {
  let module;
  try {
    module = await window.createBackpropCore();
  } catch (e) {
    showError(`The engine could not start: ${e.message ?? e}`);
    return;
  }
  const playground = createPlayground(module);
  renderLessons($('lesson-list'));
  wireGraphLesson(module, playground.showMessage);
  window.addEventListener('hashchange', () => {  // a pasted link: load it like a fresh page
    if (splitHash(location.hash).settings !== serializeHash(playground.state())) playground.loadFromHash();
  });
  document.body.dataset.ready = 'true';
}

main();
