/**
 * A text account of what the workbench window shows, printed beside the screenshot of a failed UI test. A CI log is
 * often all that is left of a failure (the screenshot and code-server's logs go with the machine's checkout), so
 * the report says in words what a reader of the screenshot would look for: the editor tabs and which is active,
 * the notifications, an open quick input, every frame with an entry panel's page in it, and the window's last console
 * errors and warnings.
 */
import type { Page } from 'playwright-core';

/** The window's last console errors and warnings, by page (recordConsole). */
const consoleLines = new WeakMap<Page, string[]>();
/** How many console lines a report keeps: the last ones, nearest the failure. */
const CONSOLE_LINES = 15;

/**
 * Keeps the page's last console errors and warnings (the workbench's, its extension host's, a webview's) for the
 * report: an error VS Code logs there may be all that says why an action did nothing.
 */
export function recordConsole(page: Page): void {
  const lines: string[] = [];
  consoleLines.set(page, lines);
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    lines.push(`${new Date().toISOString().slice(11, 23)} ${message.type()}: ${message.text()}`);
    if (lines.length > CONSOLE_LINES) lines.shift();
  });
}

/** At most this many characters of one item, so that a long notification cannot flood the log. */
const ITEM_CHARS = 200;

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > ITEM_CHARS ? `${flat.slice(0, ITEM_CHARS)}…` : flat;
}

/** The report, one line per item; a part that cannot be read says so rather than failing the report. */
export async function describeWindow(page: Page): Promise<string> {
  const lines: string[] = [];
  const add = async (label: string, read: () => Promise<string[]>): Promise<void> => {
    try {
      const items = await read();
      lines.push(`${label}: ${items.length === 0 ? '(none)' : items.map(clip).join(' | ')}`);
    } catch (error) {
      lines.push(`${label}: could not be read (${error instanceof Error ? error.message.split('\n')[0] : 'error'})`);
    }
  };
  await add('editor tabs', () =>
    page
      .locator('.tabs-container .tab')
      .evaluateAll((tabs) =>
        tabs.map(
          (tab) => `${tab.getAttribute('aria-label') ?? '?'}${tab.classList.contains('active') ? ' (active)' : ''}`,
        ),
      ),
  );
  await add('notifications', () => page.locator('.notifications-toasts .notification-list-item').allInnerTexts());
  await add('quick input', async () => {
    const widget = page.locator('.quick-input-widget');
    if (!(await widget.isVisible())) return [];
    const value = await widget.locator('input').first().inputValue();
    const rows = await widget.locator('.quick-input-list .monaco-list-row').allInnerTexts();
    return [`input "${value}"`, ...rows.slice(0, 5).map((row) => `row ${row}`)];
  });
  await add('webview frames', () =>
    page
      .locator('iframe.webview')
      .evaluateAll((frames) =>
        frames.map(
          (frame) =>
            `${frame.classList.contains('ready') ? 'ready' : 'not ready'}, ${frame.getBoundingClientRect().width > 0 ? 'shown' : 'hidden'}`,
        ),
      ),
  );
  await add('entry panel pages', async () => {
    const pages: string[] = [];
    for (const frame of page.frames()) {
      const body = await frame
        .evaluate(() => {
          const element = document.querySelector('body[data-term-id]');
          return element
            ? `term ${element.getAttribute('data-term-id') ?? '?'}, heading "${document.querySelector('main h1')?.textContent ?? ''}"`
            : undefined;
        })
        .catch(() => undefined);
      if (body !== undefined) pages.push(body);
    }
    return pages;
  });
  await add('last console errors and warnings', () => Promise.resolve([...(consoleLines.get(page) ?? [])]));
  return lines.map((line) => `        ${line}`).join('\n');
}
