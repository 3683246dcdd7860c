// Chromium, one of three parts that run side by side (tests/e2e/chromium-*.test.mjs): the course:
// its shell, sizes, tasks and lessons, the graph lesson, the approximation lab; dark mode; the
// harness, the built dist/ and the <backprop-playground> element.
// One process runs these files in turn with one server, browser and spare page (browser.mjs); the
// parts are balanced by the files' CPU time, measured one by one (about 180 CPU-seconds each).
// Every *.e2e.mjs file is in exactly one part (tests/scripts/chromium-parts.test.mjs).
import './approx-lab.e2e.mjs';
import './course-shell.e2e.mjs';
import './course-sizes.e2e.mjs';
import './course-tasks.e2e.mjs';
import './screen-reader.e2e.mjs';
import './dark-mode.e2e.mjs';
import './dist.e2e.mjs';
import './element.e2e.mjs';
import './graph-lesson.e2e.mjs';
import './harness.e2e.mjs';
import './lessons.e2e.mjs';
