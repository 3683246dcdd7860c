// Chromium, one of three parts that run side by side (tests/e2e/chromium-*.test.mjs): the free
// playground: controls, data, layout, links, training, health, the lecture hall, a model from the
// command line, figure export and printing, its composed texts in other languages; the minimal
// page and the CSP.
// One process runs these files in turn with one server, browser and spare page (browser.mjs); the
// parts are balanced by the files' CPU time, measured one by one (about 180 CPU-seconds each).
// Every *.e2e.mjs file is in exactly one part (tests/scripts/chromium-parts.test.mjs).
import './cli-model.e2e.mjs';
import './csp.e2e.mjs';
import './lecture.e2e.mjs';
import './figure-export.e2e.mjs';
import './i18n-playground.e2e.mjs';
import './minimal-page.e2e.mjs';
import './playground-controls.e2e.mjs';
import './playground-data.e2e.mjs';
import './playground-health.e2e.mjs';
import './playground-layout.e2e.mjs';
import './playground-links.e2e.mjs';
import './playground-training.e2e.mjs';
