import * as vscode from 'vscode';
import { registerHover } from './hover/index';
import { Commands } from './ids';
import { registerEntryPanel, type EntryPanelRegistration } from './panel/index';
import { showGlossarySearch, registerSearch, type SearchQuickPickItem } from './search/index';
import { registerGlossaryCommands } from './language/index';
import { GlossaryService } from './service/glossaryService';
import { registerTreeViews, type InThisFileTreeProvider, type TermsTreeProvider } from './tree/index';

/**
 * What activate() returns. Only the integration tests use it: it lets them reach the providers VS Code's API does
 * not expose (a tree's data provider, the panel's state). It is not a public API and may change at any release.
 */
export interface GlossaryTestApi {
  readonly glossary: GlossaryService;
  readonly termsTree: TermsTreeProvider;
  readonly termsView: vscode.TreeView<unknown>;
  readonly inThisFileTree: InThisFileTreeProvider;
  readonly entryPanel: EntryPanelRegistration;
  /** Opens Glossary: Search (pre-filled like the command when `initialValue` is undefined) and returns its quick pick. */
  openSearch(initialValue?: string): vscode.QuickPick<SearchQuickPickItem>;
}

/**
 * The composition root: it constructs the features and registers them, and does nothing else. Any work that can
 * wait (reading the term map, compiling custom glossaries, building the matcher index) happens on first use.
 */
export function activate(context: vscode.ExtensionContext): GlossaryTestApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Transformers Glossary'), { log: true });
  const glossary = new GlossaryService(context.extensionUri, output);
  const trees = registerTreeViews(glossary);
  const entryPanel = registerEntryPanel(context, glossary, { warn: (message) => output.warn(message) });
  context.subscriptions.push(
    output,
    glossary,
    registerHover(glossary),
    registerSearch(glossary),
    registerGlossaryCommands(glossary),
    trees,
    entryPanel,
  );
  const activationTime = performance.now() - started;
  context.subscriptions.push(vscode.commands.registerCommand(Commands.activationTime, () => activationTime));
  return {
    glossary,
    termsTree: trees.termsTree,
    termsView: trees.termsView,
    inThisFileTree: trees.inThisFileTree,
    entryPanel,
    openSearch: (initialValue) => showGlossarySearch(glossary, initialValue),
  };
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
