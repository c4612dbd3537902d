// The entry panel's only script, loaded by nonce. It turns clicks into typed messages for the extension host
// (src/panel/messages.ts) and keeps the panel's state for the serializer. It never navigates the webview itself and
// never inserts markup: every change of content is a new render by the host.
// @ts-check
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const body = document.body;

  /** The state the host embedded for this render; the serializer receives it after a window reload. */
  const stateText = body.dataset.state;
  if (stateText) {
    try {
      vscode.setState(JSON.parse(stateText));
    } catch {
      // A malformed state only means that a reload cannot restore the panel; the page still works.
    }
  }

  /** @param {unknown} message */
  function post(message) {
    vscode.postMessage(message);
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const anchor = target.closest('a');
    if (anchor) {
      // Links never navigate the webview: the host decides what a click does. The webview's own wrapper also listens
      // for link clicks on the window and would open http(s) links itself, bypassing the host's checks and opening
      // each link twice, so the click stops here.
      event.preventDefault();
      event.stopPropagation();
      const term = anchor.getAttribute('data-term');
      if (term) {
        post({ type: 'navigate', termId: term });
      } else if (anchor.getAttribute('data-external') === 'true') {
        post({ type: 'openExternal', url: anchor.getAttribute('href') || '' });
      }
      return;
    }
    const button = target.closest('button');
    if (!button || button.disabled) return;
    const action = button.getAttribute('data-action');
    if (action === 'back' || action === 'forward') {
      post({ type: action });
      return;
    }
    const locale = button.getAttribute('data-locale');
    if (locale) post({ type: 'switchLocale', locale });
  });

  // Alt+Left and Alt+Right go back and forward, as in a browser.
  document.addEventListener('keydown', (event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      post({ type: 'back' });
    } else if (event.key === 'ArrowRight') {
      event.preventDefault();
      post({ type: 'forward' });
    }
  });

  // Tells the host which render is now live, so that it (and the tests) know the page's script runs.
  post({ type: 'ready', render: Number(body.dataset.render) });
})();
