/* global window */
// Served from the test page's own origin ('self') by office-page.ts: whether the page's
// Content-Security-Policy lets a script evaluate a string (it must not: no 'unsafe-eval').
(() => {
  try {
    window.__evalProbe = String((0, eval)("'evaluated'"));
  } catch (e) {
    window.__evalProbe = `refused: ${e instanceof Error ? e.name : String(e)}`;
  }
})();
