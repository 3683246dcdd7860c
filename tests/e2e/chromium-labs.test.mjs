// Chromium, one of three parts that run side by side (tests/e2e/chromium-*.test.mjs): the labs
// (step-by-step backprop, two runs side by side, activations, expressions, initialisation, maxout)
// and embedding; the page's languages, the course's among them.
// One process runs these files in turn with one server, browser and spare page (browser.mjs); the
// parts are balanced by the files' CPU time, measured one by one (about 180 CPU-seconds each).
// Every *.e2e.mjs file is in exactly one part (tests/scripts/chromium-parts.test.mjs).
import './activations-more.e2e.mjs';
import './backprop-step.e2e.mjs';
import './compare.e2e.mjs';
import './embed-dialog.e2e.mjs';
import './embed-frames.e2e.mjs';
import './expression-lab.e2e.mjs';
import './i18n.e2e.mjs';
import './i18n-chapters.e2e.mjs';
import './init-lab.e2e.mjs';
import './reg-lab.e2e.mjs';
import './maxout.e2e.mjs';
