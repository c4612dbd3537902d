/**
 * The entry panel's page script: the only script the panel's CSP lets run (it carries the render's nonce). esbuild
 * bundles it for the browser into media/panel.js, which the host loads from the panel's one resource root, media/.
 * It turns clicks and keys into WebviewMessages for the extension host and keeps the panel's state for the
 * serializer. It never navigates the webview itself and never inserts markup: every change of content is a new
 * render by the host. It imports only types from the host code (ESLint enforces this), so that no host module,
 * and nothing that needs Node, ends up in the page.
 */
import type { WebviewMessage } from '../messages';

const vscode = acquireVsCodeApi();

/** Sends one message; the parameter type keeps the page's literals in step with the host's validator. */
function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

// The state the host embedded for this render; the serializer receives it after a window reload.
const stateText = document.body.dataset['state'];
if (stateText) {
  try {
    vscode.setState(JSON.parse(stateText) as unknown);
  } catch {
    // A malformed state only means that a reload cannot restore the panel; the page still works.
  }
}

/** The message a click on `target` stands for, if any. */
function messageForClick(target: Element): WebviewMessage | undefined {
  const anchor = target.closest('a');
  if (anchor) {
    const term = anchor.getAttribute('data-term');
    if (term) return { type: 'navigate', termId: term };
    if (anchor.getAttribute('data-external') === 'true') {
      return { type: 'openExternal', url: anchor.getAttribute('href') ?? '' };
    }
    return undefined;
  }
  const button = target.closest('button');
  if (!button || button.disabled) return undefined;
  const action = button.getAttribute('data-action');
  if (action === 'back' || action === 'forward') return { type: action };
  const locale = button.getAttribute('data-locale');
  return locale ? { type: 'switchLocale', locale } : undefined;
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  if (target.closest('a')) {
    // Links never navigate the webview: the host decides what a click does. The webview's own wrapper also listens
    // for link clicks on the window and would open http(s) links itself, bypassing the host's checks and opening
    // each link twice, so the click stops here.
    event.preventDefault();
    event.stopPropagation();
  }
  const message = messageForClick(target);
  if (message) post(message);
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
