import * as vscode from 'vscode';
import { ENTRY_PANEL_VIEW_TYPE } from '../ids';
import { ownEntry } from '../glossary';
import type { GlossaryService } from '../service/glossaryService';
import { Disposable, disposeAll } from '../util/dispose';
import { NavigationHistory, parsePanelState } from './history';
import type { HistoryEntry, SerializedHistory } from './history';
import { buildPanelViewSafely } from './panelView';
import { loadMarkdownLibrary, loadedMarkdownLibrary } from '../markdownLibrary';
import { describeRejectedMessage, parseWebviewMessage } from './messages';
import type { WebviewMessage } from './messages';
import { entryPanelHtml } from './panelHtml';
import type { PanelStrings } from './panelHtml';

/** Where the panel reports what it ignored (malformed messages, unknown terms). */
export interface PanelLogger {
  warn(message: string): void;
}

/**
 * What the panel shows right now, in the terms the reader sees (the entry, its locale, the history). The integration
 * tests read it through the extension's test API, which exists only in ExtensionMode.Test; what the page looks like
 * is checked by the unit tests of panelHtml.ts and by the UI tests in Chromium.
 */
export interface EntryPanelSnapshot {
  readonly termId: string;
  /** The locale the reader asked for, when they picked one (absent: the display locale). */
  readonly requestedLocale: string | undefined;
  /** The locale of the entry actually shown (differs from the requested one on a fallback). */
  readonly locale: string | undefined;
  readonly isFallback: boolean;
  readonly title: string;
  readonly history: SerializedHistory;
  readonly visible: boolean;
}

/**
 * A fresh CSP nonce: 18 random bytes in base64. The bytes come from the composition root (`randomBytes`), because
 * Node's crypto module is not there in a web extension host and Web Crypto is not global in every Node host.
 */
function nonce(randomBytes: (length: number) => Uint8Array): string {
  return btoa(String.fromCharCode(...randomBytes(18)));
}

function localizedStrings(): PanelStrings {
  return {
    back: vscode.l10n.t('Back'),
    forward: vscode.l10n.t('Forward'),
    identifiers: vscode.l10n.t('In code'),
    abbreviations: vscode.l10n.t('Abbreviations'),
    languages: vscode.l10n.t('Languages'),
    openOnHub: vscode.l10n.t('Open on huggingface.co'),
    videos: vscode.l10n.t('Videos'),
    links: vscode.l10n.t('Links'),
  };
}

/**
 * The single, reusable entry panel. It owns its navigation history; the webview only reports clicks, and every
 * change of content is a fresh render with a fresh nonce.
 */
export class EntryPanel extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelListeners: vscode.Disposable[] = [];
  private history = new NavigationHistory();
  /** The http(s) URLs the current render links to: the only ones an `openExternal` message may open. */
  private openableUrls = new Set<string>();
  private shown: { locale: string; isFallback: boolean; title: string } | undefined;
  private readonly mediaRoot: vscode.Uri;
  private readonly didRender = this._register(new vscode.EventEmitter<void>());
  /** Fires after each render has given the webview new HTML. */
  readonly onDidRender: vscode.Event<void> = this.didRender.event;

  constructor(
    extensionUri: vscode.Uri,
    private readonly glossary: GlossaryService,
    private readonly logger: PanelLogger,
    private readonly randomBytes: (length: number) => Uint8Array,
  ) {
    super();
    this.mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
    this._register(glossary.onDidChange(() => this.render()));
    this._register({
      dispose: () => {
        this.panel?.dispose();
      },
    });
  }

  /**
   * Shows `entry` in the panel, creating the panel or revealing it. Returns false (and shows nothing) when the
   * glossary has no such term.
   */
  open(entry: HistoryEntry, preserveFocus = false): boolean {
    if (this.glossary.snapshot().term(entry.termId) === undefined) return false;
    this.history.push(entry);
    if (this.panel === undefined) {
      const panel = vscode.window.createWebviewPanel(
        ENTRY_PANEL_VIEW_TYPE,
        entry.termId,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
        this.webviewOptions(),
      );
      this.attach(panel);
    } else {
      this.panel.reveal(this.panel.viewColumn, preserveFocus);
    }
    this.render();
    return true;
  }

  /** Adopts a panel VS Code restored after a reload, with the state its webview saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    // VS Code calls this while it restores the window: an exception here would leave a broken panel behind, so
    // anything that fails is logged and the panel closed instead.
    try {
      this.restoreState(panel, state);
    } catch (error) {
      this.logger.warn(
        `entry panel: could not restore the panel: ${error instanceof Error ? error.message : String(error)}`,
      );
      if (this.panel === panel) this.panel = undefined;
      panel.dispose();
    }
  }

  private restoreState(panel: vscode.WebviewPanel, state: unknown): void {
    const history = parsePanelState(state);
    if (history === undefined) {
      this.logger.warn(`entry panel: discarding unreadable saved state ${describeRejectedMessage(state)}`);
      panel.dispose();
      return;
    }
    // Only one entry panel exists. VS Code restores a panel when its tab is first shown, so a reader who opened an
    // entry after the reload and then turned to the restored tab gets that tab's entry, and the other panel closes.
    this.panel?.dispose();
    this.history = history;
    panel.webview.options = this.webviewOptions();
    this.attach(panel);
    this.render();
  }

  snapshot(): EntryPanelSnapshot | undefined {
    const current = this.history.current;
    if (this.panel === undefined || current === undefined) return undefined;
    return {
      termId: current.termId,
      requestedLocale: current.locale,
      locale: this.shown?.locale,
      isFallback: this.shown?.isFallback ?? false,
      title: this.shown?.title ?? '',
      history: this.history.toJSON(),
      visible: this.panel.visible,
    };
  }

  /** Handles one message from the webview. Anything that is not a valid WebviewMessage is logged and ignored. */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parseWebviewMessage(raw);
    if (message === undefined) {
      this.logger.warn(`entry panel: ignoring malformed message ${describeRejectedMessage(raw)}`);
      return;
    }
    await this.dispatch(message);
  }

  private async dispatch(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'navigate': {
        if (this.glossary.snapshot().term(message.termId) === undefined) {
          this.logger.warn(`entry panel: ignoring navigation to unknown term ${message.termId}`);
          return;
        }
        // The reader's locale choice carries over; without one, the entry has no `locale`, like one the command opened.
        const locale = this.history.current?.locale;
        this.history.push({ termId: message.termId, ...(locale !== undefined ? { locale } : {}) });
        this.render();
        return;
      }
      case 'switchLocale': {
        const current = this.history.current;
        const term = current && this.glossary.snapshot().term(current.termId);
        if (current === undefined || term === undefined || ownEntry(term, message.locale) === undefined) {
          this.logger.warn(`entry panel: ignoring switch to locale ${message.locale}, which the term has no entry in`);
          return;
        }
        this.history.replaceCurrent({ termId: current.termId, locale: message.locale });
        this.render();
        return;
      }
      case 'back':
        if (this.history.back() !== undefined) this.render();
        return;
      case 'forward':
        if (this.history.forward() !== undefined) this.render();
        return;
      case 'openExternal':
        if (!this.openableUrls.has(message.url)) {
          this.logger.warn(`entry panel: refusing to open ${message.url}, which the entry shown does not link to`);
          return;
        }
        await vscode.env.openExternal(vscode.Uri.parse(message.url, true));
        return;
    }
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      // Scripts run only for the nonce-carrying media/panel.js (built from src/panel/webview/): the CSP blocks
      // everything else.
      enableScripts: true,
      enableForms: false,
      enableCommandUris: false,
      localResourceRoots: [this.mediaRoot],
      enableFindWidget: true,
    };
  }

  private attach(panel: vscode.WebviewPanel): void {
    disposeAll(this.panelListeners.splice(0));
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.mediaRoot, 'glossary.svg');
    this.panelListeners.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        this.handleMessage(raw).catch((error: unknown) => {
          this.logger.warn(
            `entry panel: handling a message failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        });
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        disposeAll(this.panelListeners.splice(0));
        this.panel = undefined;
        this.shown = undefined;
        this.history = new NavigationHistory();
      }),
    );
  }

  private render(): void {
    const panel = this.panel;
    if (panel === undefined || this.history.current === undefined) return;
    // The renderer is loaded on the panel's first render; the render runs again once it is there.
    const markdown = loadedMarkdownLibrary();
    if (markdown === undefined) {
      loadMarkdownLibrary().then(
        () => this.render(),
        (error: unknown) =>
          this.logger.warn(
            `entry panel: loading the renderer failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
      );
      return;
    }
    const built = buildPanelViewSafely(this.glossary.snapshot(), this.history, {
      renderEntry: markdown.renderEntry,
      uiLanguage: vscode.env.language,
      notFound: (termId) => vscode.l10n.t('The glossary no longer has the term "{0}".', termId),
      fallbackNote: (requested, shown) =>
        vscode.l10n.t('This term has no entry in {0}; the {1} entry is shown.', requested, shown),
      renderFailed: (title, reason) => vscode.l10n.t('The entry "{0}" cannot be shown ({1}).', title, reason),
    });
    this.openableUrls = built.openableUrls;
    this.shown = built.shown;
    const view = built.view;
    panel.title = view.title;
    const webview = panel.webview;
    const asset = (name: string): string => webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, name)).toString();
    webview.html = entryPanelHtml(
      view,
      {
        cspSource: webview.cspSource,
        nonce: nonce(this.randomBytes),
        scriptUri: asset('panel.js'),
        styleUri: asset('panel.css'),
        uiLanguage: vscode.env.language,
      },
      localizedStrings(),
    );
    this.didRender.fire();
  }
}
