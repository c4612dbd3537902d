/**
 * The entry panel feature: the `openEntry` command, the single reusable webview panel and its serializer.
 */
import * as vscode from 'vscode';
import { Commands, ENTRY_PANEL_VIEW_TYPE } from '../ids';
import type { GlossaryService } from '../service/glossaryService';
import { EntryPanel } from './entryPanel';
import type { EntryPanelSnapshot, PanelLogger } from './entryPanel';
import { parseOpenEntryArgs } from './messages';

export type { EntryPanelSnapshot, PanelLogger } from './entryPanel';

/** The registration, which the integration tests reach through the extension's test API (ExtensionMode.Test only). */
export interface EntryPanelRegistration extends vscode.Disposable {
  /** What the panel shows, or undefined when it is closed. */
  currentState(): EntryPanelSnapshot | undefined;
  /** Handles a message exactly as if the webview had posted it (tests simulate clicks with it). */
  handleMessage(message: unknown): Promise<void>;
  /** Fires after each render of the panel, so that a test can tell that a message caused none. */
  readonly onDidRender: vscode.Event<void>;
  /** What the serializer does with a panel VS Code restored after a reload (tests call it with a panel of theirs). */
  deserialize(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

export function registerEntryPanel(
  context: vscode.ExtensionContext,
  glossary: GlossaryService,
  logger: PanelLogger,
  /** Cryptographically random bytes, for the CSP nonce of each render (the platform seam: Node or Web Crypto). */
  randomBytes: (length: number) => Uint8Array,
): EntryPanelRegistration {
  const panel = new EntryPanel(context.extensionUri, glossary, logger, randomBytes);

  const openEntry = async (arg?: unknown, options?: unknown): Promise<boolean> => {
    // The bundled term map is read on first use: a link clicked before it has been read waits for it.
    await glossary.whenReady();
    if (arg === undefined) {
      // Without a term (a keybinding, say), the search quick pick is the way to choose one.
      void vscode.commands.executeCommand(Commands.search);
      return false;
    }
    const entry = parseOpenEntryArgs(arg);
    if (entry === undefined) {
      logger.warn(`entry panel: ignoring ${Commands.openEntry} with malformed arguments`);
      return false;
    }
    const preserveFocus =
      typeof options === 'object' &&
      options !== null &&
      (options as { preserveFocus?: unknown }).preserveFocus === true;
    if (!panel.open(entry, preserveFocus)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The glossary has no term "{0}".', entry.termId));
      return false;
    }
    return true;
  };

  const deserialize = async (webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> => {
    // VS Code restores the panel when its tab is first shown, and the reader may close that tab while the glossary
    // is read. A closed panel has nothing to restore, and restoring it would close the panel open now for nothing.
    let closed = false;
    const listener = webviewPanel.onDidDispose(() => {
      closed = true;
    });
    try {
      await glossary.whenReady();
    } finally {
      listener.dispose();
    }
    if (!closed) panel.restore(webviewPanel, state);
  };

  const disposable = vscode.Disposable.from(
    panel,
    vscode.commands.registerCommand(Commands.openEntry, openEntry),
    vscode.window.registerWebviewPanelSerializer(ENTRY_PANEL_VIEW_TYPE, { deserializeWebviewPanel: deserialize }),
  );
  return {
    dispose: () => {
      disposable.dispose();
    },
    currentState: () => panel.snapshot(),
    handleMessage: (message) => panel.handleMessage(message),
    onDidRender: panel.onDidRender,
    deserialize,
  };
}
