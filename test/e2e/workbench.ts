/**
 * Helpers for the UI tests: each spec drives a real VS Code workbench (code-server, with the packaged extension
 * installed) in Chromium. scripts/e2e/run-ui.mjs starts code-server and the browser once per run and passes
 * their addresses in TG_UI_* environment variables.
 *
 * One workbench window serves the whole run. Loading a workbench is the most expensive thing a spec does (a cold
 * browser context parses and compiles the whole workbench, and code-server starts an extension host for each
 * window, which stays alive after the window closes); on a loaded 2-core machine one load took minutes, and a
 * window per `describe` made the tier take 11. Instead, every `describe` that calls `useWorkbench()` starts from a
 * reset window: its own user settings, no editors, no widgets (see Workbench.reset).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { environment, writeUserSettings, type UiEnvironment } from './environment';
import { describeWindow, recordConsole } from './windowReport';

export interface OpenOptions {
  /** User settings on top of the harness's quiet defaults, e.g. `{ 'transformersGlossary.language': 'es' }`. */
  settings?: Record<string, unknown>;
  /** Extra workbench URL parameters. */
  urlParameters?: Record<string, string>;
}

export interface HoverOptions {
  /** Which occurrence among the editor's rendered lines, counting from 0. */
  nth?: number;
  /** Only occurrences not preceded or followed by a letter, digit or underscore (default true). */
  wholeWord?: boolean;
}

/** Monaco renders spaces as no-break spaces; the matching below treats both the same. */
const NBSP = /\u00a0/g;

/**
 * How long any single condition may take before a test fails: an element to appear, a hover, a quick pick row. An
 * idle machine answers in well under a second; the margin is for a 2-core machine that runs builds and other test
 * tiers beside this one, where slowness is not a bug. The first workbench load gets longer still.
 */
export const WAIT_TIMEOUT_MS = 120_000;
const FIRST_LOAD_TIMEOUT_MS = 300_000;
/** How long a hover without the wanted text stays before waitForHover hovers the word again. */
const HOVER_RETRY_MS = 15_000;

/**
 * The run's one workbench, kept on globalThis because each spec file is bundled on its own (with its own copy of
 * this module) and all of them run in one mocha process.
 */
interface SharedState {
  /** Set to undefined once closed, so that a failed open leaves no closed workbench behind. */
  workbench?: Workbench | undefined;
  closeHookRegistered?: boolean;
}
function shared(): SharedState {
  const key = Symbol.for('transformers-glossary.ui.shared-workbench');
  const holder = globalThis as unknown as Record<symbol, SharedState | undefined>;
  return (holder[key] ??= {});
}

export class Workbench {
  /** The word and options of the last hoverWord call, so that waitForHover can hover it again. */
  private lastHover: { word: string; options: HoverOptions } | undefined;
  /** The user settings the window was loaded with (JSON), to know when a reset must reload it. */
  private loadedSettings = '';

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    private readonly browser: Browser,
    readonly env: UiEnvironment,
  ) {}

  /**
   * Connects to the runner's Chromium, opens the workbench on the fixture workspace and waits until the
   * Explorer lists the workspace files (the remote connection and the file service are then up).
   */
  static async open(options: OpenOptions = {}): Promise<Workbench> {
    const env = environment();
    const settings = writeUserSettings(env, { ...env.baseSettings, ...options.settings });
    const browser = await chromium.connect(env.browserEndpoint);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    recordConsole(page);
    const workbench = new Workbench(page, context, browser, env);
    try {
      page.setDefaultTimeout(FIRST_LOAD_TIMEOUT_MS);
      page.setDefaultNavigationTimeout(FIRST_LOAD_TIMEOUT_MS);
      const query = new URLSearchParams({ folder: env.workspace, ...options.urlParameters });
      await page.goto(`${env.url}/?${query.toString()}`);
      await page.locator('.monaco-workbench').waitFor();
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
      workbench.loadedSettings = settings;
      page.setDefaultTimeout(WAIT_TIMEOUT_MS);
      page.setDefaultNavigationTimeout(WAIT_TIMEOUT_MS);
      // Waits on the context (a new page opening) get the same limit.
      context.setDefaultTimeout(WAIT_TIMEOUT_MS);
      return workbench;
    } catch (error) {
      // A window that never loaded must not stay behind, loading the machine for the specs that follow.
      await workbench.close();
      throw error;
    }
  }

  /**
   * The run's workbench for a `describe` block: the first call opens it; later calls reset it to `options`.
   * Extra URL parameters need a window of their own, so they always open a new one (closing the shared one).
   */
  static async acquire(options: OpenOptions = {}): Promise<{ workbench: Workbench; reused: boolean }> {
    const state = shared();
    if (state.workbench && !state.workbench.page.isClosed() && !options.urlParameters) {
      await state.workbench.reset(options);
      return { workbench: state.workbench, reused: true };
    }
    await state.workbench?.close();
    state.workbench = undefined;
    state.workbench = await Workbench.open(options);
    return { workbench: state.workbench, reused: false };
  }

  /**
   * Brings the window back to what a fresh one shows: no widgets, no editors, no entry panel, and the given user
   * settings. When the settings differ from those the window was loaded with, the window is reloaded with them
   * (after its editors were closed, so that none is restored): VS Code does apply an edited settings file live, but
   * under load only after many seconds, and live setting changes are the integration tier's to test.
   */
  async reset(options: OpenOptions = {}): Promise<void> {
    this.lastHover = undefined;
    await this.closeEditors();
    const settings = writeUserSettings(this.env, { ...this.env.baseSettings, ...options.settings });
    if (settings !== this.loadedSettings) {
      await this.reload();
      // The window may restore the editors it had before they were closed (its saved state can lag behind them):
      // the entry panel of the previous block then takes the focus from the next block's quick pick.
      if ((await this.page.locator('.editor-group-container .tab').count()) > 0) await this.closeEditors();
    }
    this.loadedSettings = settings;
  }

  /** Closes every editor and the entry panel, and leaves one editor group. */
  private async closeEditors(): Promise<void> {
    await this.closeWidgets();
    await this.runCommand('View: Close All Editors');
    await this.page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
    // An entry panel opened beside the editor leaves an empty second group behind; the next block starts from one.
    const groups = this.page.locator('.editor-group-container');
    if ((await groups.count()) > 1) await this.runCommand('View: Close All Editor Groups');
    await groups.nth(1).waitFor({ state: 'detached' });
  }

  /**
   * Reloads the window and waits until the workspace is listed again (the remote connection is then up). Through
   * VS Code's own command rather than a browser reload: the command saves the window's state (its open editors among
   * it) before it reloads, and a browser reload may leave the state saved before the last editors were closed, which
   * the window then restores.
   */
  async reload(): Promise<void> {
    // Waiting for the new document's load event, so that nothing below can be found in the page before the reload.
    const reloaded = this.page.waitForEvent('load', { timeout: WAIT_TIMEOUT_MS });
    await this.runCommand('Developer: Reload Window');
    await reloaded;
    await this.page.locator('.monaco-workbench').waitFor();
    // The sidebar may show another view than the Explorer, as it did before the reload.
    await this.runCommand('View: Show Explorer');
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  }

  /**
   * Replaces the user settings (on top of the harness defaults). VS Code applies the change without a reload, but
   * only once it notices the file changed (many seconds under load): wait for the change's effect, not for a time.
   */
  setSettings(settings: Record<string, unknown>): void {
    writeUserSettings(this.env, { ...this.env.baseSettings, ...settings });
  }

  /** The quick input widget (Quick Open, Command Palette, the extension's quick picks). */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** The rows the quick input currently shows. */
  get quickPickRows(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  }

  /**
   * The visible editor: the Monaco editor of the active group for a text file, or the notebook editor (one Monaco
   * editor per cell, drawn as an overlay outside the group's DOM) for a notebook. The word helpers search all
   * the Monaco editors inside it.
   */
  get activeEditor(): Locator {
    return this.page
      .locator(
        '.editor-group-container.active .editor-instance .monaco-editor:visible, .notebookOverlay.notebook-editor:visible',
      )
      .first();
  }

  /** Opens a workspace file (text or notebook) through Quick Open (Ctrl+P) and waits until its first line is rendered. */
  async openFile(relativePath: string): Promise<Locator> {
    const name = path.basename(relativePath);
    // The active group's tab: with the entry panel beside the editor, a file open in both groups has two active tabs.
    const tab = this.page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`);
    // Quick Open filters its rows asynchronously: the row we waited for can be on screen while the focused row is
    // still a recently opened file, so Enter may open the wrong one. The row is clicked instead, and if the file's tab
    // still does not become active, Quick Open is opened again (the condition decides, not a delay).
    for (let attempt = 1; ; attempt++) {
      await this.closeWidgets();
      await this.page.keyboard.press('Control+P');
      const input = this.quickInput.locator('input');
      await input.waitFor();
      await input.fill(relativePath);
      // The row whose file name is exactly this one: `notes.md` must not pick `ja-notes.md`.
      const label = this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) });
      await this.quickPickRows.filter({ has: label }).first().click();
      try {
        await tab.waitFor({ timeout: attempt < 3 ? 30_000 : 120_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    // VS Code may restore the file scrolled to where a previous block left it (after a reload, with the caret on its
    // last line and Ctrl+Home not reaching it): Go to Line, a quick input like Quick Open, puts the cursor on the
    // first line and gives the editor the focus. It repeats until the status bar shows the cursor there (the
    // condition decides, not a delay).
    const cursor = this.page.locator('.statusbar-item', { hasText: /^Ln 1, Col 1$/ });
    for (let attempt = 1; ; attempt++) {
      await this.closeWidgets();
      await this.page.keyboard.press('Control+G');
      const input = this.quickInput.locator('input');
      await input.waitFor();
      await input.fill(':1');
      await this.page.keyboard.press('Enter');
      try {
        await cursor.waitFor({ timeout: attempt * 5_000 });
        break;
      } catch (error) {
        if (attempt >= 4) throw error;
      }
    }
    const editor = this.activeEditor;
    // A notebook's markdown cells keep hidden Monaco editors; wait for a line that is really on screen.
    await editor.locator('.view-line:visible').first().waitFor();
    return editor;
  }

  /**
   * Runs a command from the Command Palette by its title as the palette shows it, e.g. 'Glossary: Search'.
   * It waits for the row and presses Enter; what the command does is for the caller to wait for.
   */
  async runCommand(title: string): Promise<void> {
    // Some workbench commands are registered only once their contribution has loaded, which under load can be after
    // the palette first opens; reopening the palette picks them up. Enter is pressed only once the focused row is the
    // wanted command, so that a fuzzy match ranked above it can never run instead. (A mouse click would run it too,
    // but the click's focus change then closes any quick pick the command opens.)
    for (let attempt = 1; ; attempt++) {
      await this.closeWidgets();
      await this.focusWorkbench();
      await this.page.keyboard.press('F1');
      const input = this.quickInput.locator('input');
      const exactLabel = this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) });
      const row = this.quickPickRows.filter({ has: exactLabel }).first();
      // The palette can also close again as it opens (an editor or a notification taking the focus after a reload):
      // its input then never becomes fillable, and the attempt starts over like one whose command was not listed.
      const limit = attempt < 3 ? { timeout: 20_000 } : {};
      try {
        await input.waitFor(limit);
        await input.fill(`>${title}`, limit);
        await row.waitFor(limit);
      } catch (error) {
        if (attempt < 3) continue;
        throw error;
      }
      const focused = this.quickPickRows.and(this.page.locator('.focused')).filter({ has: exactLabel });
      for (let step = 0; step < 20 && (await focused.count()) === 0; step++) {
        await this.page.keyboard.press('ArrowDown');
      }
      await focused.first().waitFor();
      await this.page.keyboard.press('Enter');
      return;
    }
  }

  /**
   * The on-screen rectangle of a word in the active editor, found in the text of Monaco's rendered view lines
   * (so it works whatever spans the tokenizer split the line into). Scroll the word into view first if the file
   * is long: Monaco only renders the visible lines.
   */
  async wordBox(
    word: string,
    options: HoverOptions = {},
  ): Promise<{ x: number; y: number; width: number; height: number }> {
    const editor = this.activeEditor;
    await editor.locator('.view-line', { hasText: word }).first().waitFor();
    const handle = await editor.elementHandle();
    if (!handle) throw new Error('no active editor');
    const box = await handle.evaluate(
      (root, { word, nth, wholeWord }) => {
        const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
        const lines = Array.from(root.querySelectorAll<HTMLElement>('.view-lines .view-line'));
        // Monaco positions view lines absolutely; sorting by their top keeps "nth" in reading order.
        lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        let seen = 0;
        for (const line of lines) {
          const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
          const nodes: Text[] = [];
          for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
          const text = nodes
            .map((n) => n.data)
            .join('')
            .replace(/\u00a0/g, ' ');
          for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            if (wholeWord && (isWordChar(text[at - 1]) || isWordChar(text[at + word.length]))) continue;
            if (seen++ !== nth) continue;
            // Map the string offsets back to (text node, offset) pairs for a DOM Range.
            const locate = (offset: number): [Text, number] => {
              let rest = offset;
              for (const node of nodes) {
                if (rest <= node.data.length) return [node, rest];
                rest -= node.data.length;
              }
              const last = nodes[nodes.length - 1]!;
              return [last, last.data.length];
            };
            const range = document.createRange();
            range.setStart(...locate(at));
            range.setEnd(...locate(at + word.length));
            const rect = range.getBoundingClientRect();
            return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
          }
        }
        return null;
      },
      { word: word.replace(NBSP, ' '), nth: options.nth ?? 0, wholeWord: options.wholeWord ?? true },
    );
    if (!box) throw new Error(`"${word}" (occurrence ${options.nth ?? 0}) is not on the editor's rendered lines`);
    return box;
  }

  /** Moves the mouse onto a word of the active editor, the way a person does, so that the hover is requested. */
  async hoverWord(word: string, options: HoverOptions = {}): Promise<void> {
    await this.closeWidgets();
    const box = await this.wordBox(word, options);
    // Approaching from the word's left edge makes Monaco see a real mouse move onto the word.
    await this.page.mouse.move(box.x + 1, box.y + 1);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    this.lastHover = { word, options };
  }

  /**
   * Waits for the editor hover widget, optionally one that contains `text`, and returns it. A hover is computed
   * when it opens and never updates: when a setting written just before has not reached the extension yet, the
   * hover shows the old text for good. So while `text` has not shown, the last hovered word is hovered again every
   * HOVER_RETRY_MS, until the text shows or `timeout` ends.
   */
  async waitForHover(text?: string | RegExp, timeout = WAIT_TIMEOUT_MS): Promise<Locator> {
    const hovers = this.page.locator('.monaco-hover:visible');
    const hover = (text === undefined ? hovers : hovers.filter({ hasText: text })).first();
    const deadline = Date.now() + timeout;
    for (;;) {
      const left = Math.max(deadline - Date.now(), 1);
      // While the hover may still be loading its content, wait; hover again only after a long quiet spell.
      const rehover = text !== undefined && this.lastHover !== undefined && left > HOVER_RETRY_MS;
      try {
        await hover.waitFor({ timeout: rehover ? HOVER_RETRY_MS : left });
        return hover;
      } catch (error) {
        if (!rehover) {
          const shown = await hovers
            .first()
            .innerText({ timeout: 1_000 })
            .catch(() => 'no hover');
          throw new Error(
            `no hover ${text === undefined ? '' : `containing ${String(text)} `}within ${timeout / 1000} s; on screen: ${JSON.stringify(shown.slice(0, 300))}`,
            { cause: error },
          );
        }
        await this.hoverWord(this.lastHover!.word, this.lastHover!.options);
      }
    }
  }

  /** Waits for a notification toast containing `text`. */
  async waitForNotification(text: string | RegExp): Promise<Locator> {
    const toast = this.page.locator('.notifications-toasts .notification-list-item', { hasText: text }).first();
    await toast.waitFor();
    return toast;
  }

  /** Opens a view container from the activity bar by its title (its tooltip), e.g. 'Transformers Glossary'. */
  async openViewContainer(title: string): Promise<void> {
    const item = this.page.locator(`.activitybar .action-item a[aria-label^="${title.replace(/"/g, '\\"')}"]`).first();
    await item.waitFor();
    const checked = await item.locator('xpath=..').getAttribute('aria-selected');
    if (checked !== 'true') await item.click();
  }

  /** A view's pane in the sidebar, by the title shown in its header; expands it when collapsed. */
  async view(title: string): Promise<Locator> {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    return this.page.locator('.pane', { has: header }).first();
  }

  /** The rows of a tree view (by view title). */
  async treeRows(viewTitle: string): Promise<Locator> {
    return (await this.view(viewTitle)).locator('.monaco-list-row');
  }

  /**
   * The document inside the active webview panel. VS Code nests it twice: the outer iframe.webview hosts an
   * inner #active-frame with the extension's HTML.
   */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /**
   * Waits until the window's finite animations have ended: a hover hovered again or a quick pick fades in, and a
   * screenshot taken during the fade shows it half transparent. Endless animations (a progress bar) are not awaited.
   */
  async animationsSettled(): Promise<void> {
    await this.page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
  }

  /** Saves a screenshot of the whole window as test-results/screenshots/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(this.env.screenshotDir, { recursive: true });
    const file = path.join(this.env.screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Gives the keyboard to the workbench rather than to a webview: keys pressed while the entry panel has the focus
   * go to its frame first.
   */
  async focusWorkbench(): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  }

  /** Closes hovers, quick inputs and menus, so that the next action starts from a quiet workbench. */
  async closeWidgets(): Promise<void> {
    await this.page.mouse.move(1270, 790);
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    // Closing the connection leaves the runner's Chromium running for the next spec.
    await this.browser.close().catch(() => undefined);
  }
}

/**
 * Registers mocha hooks for a `describe` block: before its first test the run's workbench is opened (the first
 * time) or reset to `options` (see Workbench.acquire); a failed test leaves a screenshot named
 * `failed-<test title>.png`. Returns an accessor for the workbench, called inside tests (`ui().openFile(...)`); see
 * test/e2e/hover.spec.ts for a whole example.
 */
export function useWorkbench(options: OpenOptions = {}): () => Workbench {
  let workbench: Workbench | undefined;
  before(async function () {
    // Longer than any wait inside, so that a failure names what was awaited rather than the hook.
    this.timeout(FIRST_LOAD_TIMEOUT_MS + 2 * WAIT_TIMEOUT_MS);
    const started = Date.now();
    const acquired = await Workbench.acquire(options);
    workbench = acquired.workbench;
    console.log(
      `      (workbench ${acquired.reused ? 'reset' : 'loaded'} in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && workbench) {
      const file = await workbench.screenshot(`failed-${this.currentTest.fullTitle()}`).catch(() => undefined);
      if (file) console.log(`      screenshot of the failure: ${file}`);
      console.log(`      what the window showed:\n${await describeWindow(workbench.page)}`);
    }
  });
  after(() => {
    workbench = undefined;
  });
  return () => {
    if (!workbench) {
      throw new Error('the workbench is not open: call ui() inside a test, not while the describe block is defined');
    }
    return workbench;
  };
}

// The shared workbench closes once, after the last spec file (a root hook, registered by the first bundle that
// loads this module): an open connection to Chromium would keep mocha from exiting.
if (!shared().closeHookRegistered) {
  shared().closeHookRegistered = true;
  after(async () => {
    await shared().workbench?.close();
    shared().workbench = undefined;
  });
}

/** A string as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
