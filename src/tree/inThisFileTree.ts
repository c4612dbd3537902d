import * as vscode from 'vscode';
import { Commands } from '../ids';
import { contextForLanguage, rescanDocument, scanDocument, type DocumentScan, type TermMatcher } from '../matching';
import type { Locale } from '../glossary';
import type { GlossaryService } from '../service/glossaryService';
import { debounce } from '../util/debounce';
import { Disposable } from '../util/dispose';
import { termTooltip } from './termsTree';
import { groupOccurrences, type TermOccurrences } from './occurrences';
import { rowLabel } from './rowLabel';

/** Editors fire change events per keystroke; the view follows once typing pauses. */
const IN_THIS_FILE_DEBOUNCE_MS = 300;

/** Documents longer than this are not scanned: a generated file of megabytes would make the view sluggish. */
const MAX_SCANNED_LENGTH = 2_000_000;

export interface OccurrenceNode {
  readonly termId: string;
  readonly title: string;
  readonly summary: string;
  /** The locale of the entry shown, for its reading direction. */
  readonly locale: Locale;
  readonly count: number;
  readonly uri: vscode.Uri;
}

/** The arguments of transformersGlossary.revealNextOccurrence. */
export interface RevealNextOccurrenceArgs {
  readonly termId: string;
  /** The document, as a URI string; the active editor's document when absent. */
  readonly uri?: string;
}

interface ScanResult {
  readonly version: number;
  readonly languageId: string;
  readonly matcher: TermMatcher;
  /** The scan itself, which the next version's rescan starts from. */
  readonly scan: DocumentScan;
  readonly occurrences: readonly TermOccurrences[];
}

/**
 * The "In This File" view: the terms that occur in the active editor, with their counts, in order of first
 * appearance. The document is scanned once per version (and per matcher, which changes with the glossary and the
 * ignored terms); the result is reused by the reveal command. After an edit only the changed lines are scanned again
 * (rescanDocument), with the same result as a full scan.
 */
export class InThisFileTreeProvider extends Disposable implements vscode.TreeDataProvider<OccurrenceNode> {
  private readonly scans = new WeakMap<vscode.TextDocument, ScanResult>();
  private readonly scheduleRefresh = debounce(() => this.refresh(), IN_THIS_FILE_DEBOUNCE_MS);

  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<OccurrenceNode | undefined>());
  public readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  /** The document last shown, kept while a webview such as the entry panel has the focus. */
  private lastDocument: vscode.TextDocument | undefined;

  /** The view, so that the provider can show a message instead of an empty list. */
  public readonly view: vscode.TreeView<OccurrenceNode>;

  public constructor(
    private readonly glossary: GlossaryService,
    viewId: string,
  ) {
    super();
    this.view = this._register(vscode.window.createTreeView(viewId, { treeDataProvider: this }));
    this._register(
      this.view.onDidChangeVisibility((event) => {
        if (event.visible) this.refresh();
      }),
    );
    this._register({ dispose: () => this.scheduleRefresh.cancel() });
    this._register(glossary.onDidChange(() => this.scheduleRefresh()));
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh()));
    this._register(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && event.document === this.currentDocument()) this.scheduleRefresh();
      }),
    );
  }

  /** Refreshes now, skipping the debounce (tests, and the view becoming visible). */
  public refresh(): void {
    this.scheduleRefresh.cancel();
    this._onDidChangeTreeData.fire(undefined);
  }

  /**
   * The document whose terms the view lists: the active editor's, or, while a webview (the entry panel opened from a
   * hover, say) has the focus, the one still visible beside it.
   */
  private currentDocument(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active) {
      this.lastDocument = active;
      return active;
    }
    const last = this.lastDocument;
    return last && vscode.window.visibleTextEditors.some((editor) => editor.document === last) ? last : undefined;
  }

  public getChildren(element?: OccurrenceNode): OccurrenceNode[] {
    if (element) return [];
    const document = this.currentDocument();
    if (!document) {
      this.setMessage(vscode.l10n.t('Open a file to see the glossary terms it uses.'));
      return [];
    }
    if (document.getText().length > MAX_SCANNED_LENGTH) {
      this.setMessage(vscode.l10n.t('This file is too large to scan for glossary terms.'));
      return [];
    }
    const glossary = this.glossary.snapshot();
    const nodes = this.occurrencesIn(document).flatMap((group): OccurrenceNode[] => {
      const term = glossary.term(group.termId);
      if (!term) return [];
      const { entry, locale } = glossary.entryFor(term);
      return [
        {
          termId: term.id,
          title: entry.title,
          summary: entry.summary,
          locale,
          count: group.matches.length,
          uri: document.uri,
        },
      ];
    });
    this.setMessage(nodes.length === 0 ? vscode.l10n.t('No glossary terms in this file.') : undefined);
    return nodes;
  }

  public getTreeItem(node: OccurrenceNode): vscode.TreeItem {
    const item = new vscode.TreeItem(rowLabel(node.title, node.locale), vscode.TreeItemCollapsibleState.None);
    item.id = `occurrence:${node.termId}`;
    item.contextValue = 'occurrence';
    item.description = node.count === 1 ? vscode.l10n.t('1 occurrence') : vscode.l10n.t('{0} occurrences', node.count);
    item.tooltip = termTooltip(node.title, node.summary, node.locale);
    const args: RevealNextOccurrenceArgs = { termId: node.termId, uri: node.uri.toString() };
    item.command = {
      command: Commands.revealNextOccurrence,
      title: vscode.l10n.t('Reveal Next Occurrence'),
      arguments: [args],
    };
    return item;
  }

  /** The terms of `document`, scanned at most once per document version and matcher. */
  public occurrencesIn(document: vscode.TextDocument): readonly TermOccurrences[] {
    const matcher = this.glossary.snapshot().matcher;
    const cached = this.scans.get(document);
    if (
      cached &&
      cached.version === document.version &&
      cached.matcher === matcher &&
      cached.languageId === document.languageId
    ) {
      return cached.occurrences;
    }
    const text = document.getText();
    const scan =
      cached && cached.matcher === matcher && cached.languageId === document.languageId
        ? rescanDocument(matcher, cached.scan, text)
        : scanDocument(matcher, text, contextForLanguage(document.languageId));
    const occurrences = groupOccurrences(scan.matches);
    this.scans.set(document, {
      version: document.version,
      languageId: document.languageId,
      matcher,
      scan,
      occurrences,
    });
    return occurrences;
  }

  private setMessage(message: string | undefined): void {
    // TreeView.message takes no undefined in its type; VS Code removes the message for '' as for undefined (both
    // reach the workbench as '').
    this.view.message = message ?? '';
  }
}
