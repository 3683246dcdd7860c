// Runs in <head>, before the first paint, as a classic script (an inline one would need its own
// Content-Security-Policy hash): puts the learner's saved theme ('light' or 'dark') on <html> as
// data-theme, so the page never flashes the other theme. No saved choice, an embed (it follows its
// reader's system setting) or storage that throws: no attribute, and style.css's
// prefers-color-scheme query decides. web/theme.js owns the choice after this.
(function () {
  try {
    if (/(^#|&)embed=[^&]/.test(location.hash)) return;
    var saved = window.localStorage.getItem('backprop-theme');
    if (saved === 'light' || saved === 'dark') document.documentElement.setAttribute('data-theme', saved);
  } catch {
    // Storage blocked (a sandboxed frame, strict privacy settings): follow the system.
  }
})();
