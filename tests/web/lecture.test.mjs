// The lecture hall's zoom (web/lecture.js): the page fills a screen as it fills a 1,280 × 800
// window, never shrinks, and stops at twice the size.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { lectureZoom } from '../../web/lecture.js';

test('the zoom fills the screen by its tighter side, from 1 to 2', () => {
  assert.equal(lectureZoom(1920, 1080), 1.35);   // a 1080p projector: the height decides
  assert.equal(lectureZoom(1280, 800), 1);
  assert.equal(lectureZoom(1024, 768), 1);       // never smaller than the page
  assert.equal(lectureZoom(2560, 1600), 2);
  assert.equal(lectureZoom(3840, 2160), 2);      // 4K: capped
  assert.equal(lectureZoom(1600, 1200), 1.25);   // 4:3: the width decides
});
