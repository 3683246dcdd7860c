// The chapters as a classic script for the bundled page (dist/chapters.js, built from this): it
// registers them where web/course/chapter-loader.js finds them. The modules it shares with the page
// (i18n, the state, the course's links) are the page's own, not copies (build-dist.mjs).
import * as chapters from './chapters.js';

globalThis.BackpropChapters = chapters;
