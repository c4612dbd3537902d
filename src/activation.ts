import * as vscode from 'vscode';
import { registerTerminologyDiagnostics } from './diagnostics/index';
import { registerHover, type HoverRegistration } from './hover/index';
import { registerGlossaryCommands } from './language/index';
import { registerEntryPanel, type EntryPanelRegistration } from './panel/index';
import { showGlossarySearch, registerSearch, type SearchQuickPickItem } from './search/index';
import { GlossaryService } from './service/glossaryService';
import type { ExtensionPlatform } from './platform';
import { registerTreeViews, type InThisFileTreeProvider, type TermsTreeProvider } from './tree/index';

/**
 * What activate() returns when the extension host runs the integration tests (`ExtensionMode.Test`), and only then:
 * it lets them reach what VS Code's API does not expose (a tree's data provider, the panel's state, the service).
 * In a user's editor activate() returns nothing, so that no other extension can depend on these internals.
 */
export interface GlossaryTestApi {
  readonly glossary: GlossaryService;
  readonly termsTree: TermsTreeProvider;
  readonly termsView: vscode.TreeView<unknown>;
  readonly inThisFileTree: InThisFileTreeProvider;
  readonly entryPanel: EntryPanelRegistration;
  /** The hover's registration: whether it has prepared the glossary for a first hover (issue #17's bench). */
  readonly hover: HoverRegistration;
  /** The time spent inside activate(), in milliseconds (`npm run bench` reports it from the integration run). */
  readonly activationTime: number;
  /** When activate() started (`performance.now()` of the extension host), the origin of the load's steps. */
  readonly activatedAt: number;
  /** Opens Glossary: Search (pre-filled like the command when `initialValue` is undefined) and returns its quick pick. */
  openSearch(initialValue?: string): vscode.QuickPick<SearchQuickPickItem>;
}

/**
 * The composition shared by both extension hosts: it constructs the features and registers them, and does nothing
 * else. Any work that can wait (reading the term map, compiling custom glossaries, building the matcher index)
 * happens on first use. What differs between Node and the browser comes in as `platform`, from the host's own entry
 * point (src/extension.ts, src/extensionWeb.ts).
 */
export function activateExtension(
  context: vscode.ExtensionContext,
  platform: ExtensionPlatform,
): GlossaryTestApi | undefined {
  const started = performance.now();
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Transformers Glossary'), { log: true });
  const compiler = platform.createCompilerHost(context.extensionUri);
  const glossary = new GlossaryService(
    context.extensionUri,
    output,
    compiler,
    platform.homeDirectory,
    platform.fileSystem ?? vscode.workspace.fs,
  );
  const trees = registerTreeViews(glossary);
  const entryPanel = registerEntryPanel(context, glossary, { warn: (message) => output.warn(message) }, (length) =>
    platform.randomBytes(length),
  );
  const hover = registerHover(glossary);
  context.subscriptions.push(
    output,
    glossary,
    hover,
    registerSearch(glossary),
    registerGlossaryCommands(glossary),
    trees,
    entryPanel,
    registerTerminologyDiagnostics(glossary, { warn: (message) => output.warn(message) }),
  );
  const activationTime = performance.now() - started;
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    glossary,
    termsTree: trees.termsTree,
    termsView: trees.termsView,
    inThisFileTree: trees.inThisFileTree,
    entryPanel,
    hover,
    activationTime,
    activatedAt: started,
    openSearch: (initialValue) => showGlossarySearch(glossary, initialValue),
  };
}
