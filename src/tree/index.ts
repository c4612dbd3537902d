/**
 * The sidebar feature (a VS Code adapter): the Terms and In This File views, their providers, and the command behind
 * "In This File" clicks; the grouping and counting they show is pure (./sections.ts, ./occurrences.ts).
 */
import * as vscode from 'vscode';
import { Commands, Views } from '../ids';
import type { GlossaryService } from '../service/glossaryService';
import { InThisFileTreeProvider, type OccurrenceNode, type RevealNextOccurrenceArgs } from './inThisFileTree';
import { nextOccurrence } from './occurrences';
import { TermsTreeProvider, type TermsTreeNode } from './termsTree';

export { InThisFileTreeProvider } from './inThisFileTree';
export { TermsTreeProvider } from './termsTree';

export interface GlossaryTrees extends vscode.Disposable {
  readonly termsTree: TermsTreeProvider;
  readonly termsView: vscode.TreeView<TermsTreeNode>;
  readonly inThisFileTree: InThisFileTreeProvider;
  readonly inThisFileView: vscode.TreeView<OccurrenceNode>;
}

/** Registers the sidebar's two views and the command behind "In This File" clicks. */
export function registerTreeViews(glossary: GlossaryService): GlossaryTrees {
  const termsTree = new TermsTreeProvider(glossary);
  const termsView = vscode.window.createTreeView(Views.terms, { treeDataProvider: termsTree, showCollapseAll: true });
  const inThisFileTree = new InThisFileTreeProvider(glossary, Views.inThisFile);
  const inThisFileView = inThisFileTree.view;
  const disposable = vscode.Disposable.from(
    termsTree,
    termsView,
    inThisFileTree,
    vscode.commands.registerCommand(Commands.revealNextOccurrence, (args?: RevealNextOccurrenceArgs) =>
      revealNextOccurrence(inThisFileTree, args),
    ),
  );
  return {
    termsTree,
    termsView,
    inThisFileTree,
    inThisFileView,
    dispose: () => {
      disposable.dispose();
    },
  };
}

/**
 * Selects and reveals the next occurrence of a term in its document, cycling through the occurrences on repeated
 * calls. Returns the range it selected, or undefined when the term does not occur.
 */
async function revealNextOccurrence(
  tree: InThisFileTreeProvider,
  args: RevealNextOccurrenceArgs | undefined,
): Promise<vscode.Range | undefined> {
  if (!args || typeof args.termId !== 'string') return undefined;
  const wanted = args.uri ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!wanted) return undefined;
  let editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === wanted);
  if (!editor) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(wanted));
    editor = await vscode.window.showTextDocument(document);
  }
  const { document } = editor;
  const group = tree.occurrencesIn(document).find((g) => g.termId === args.termId);
  const next =
    group &&
    nextOccurrence(group.matches, document.offsetAt(editor.selection.start), document.offsetAt(editor.selection.end));
  if (!next) return undefined;
  const range = new vscode.Range(document.positionAt(next.start), document.positionAt(next.end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return range;
}
