import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { GlossaryService } from '../service/glossaryService';
import { directionalTextFor, escapeMarkdown, type Locale } from '../glossary';
import { Disposable } from '../util/dispose';
import { rowLabel } from './rowLabel';
import { groupTermsBySection, type SectionTerm } from './sections';

export interface SectionNode {
  readonly kind: 'section';
  readonly letter: string;
  readonly terms: readonly TermNode[];
}

export interface TermNode {
  readonly kind: 'term';
  readonly term: SectionTerm;
  readonly section: SectionNode;
}

export type TermsTreeNode = SectionNode | TermNode;

/**
 * The Terms view: every term of the glossary, grouped by letter and sorted for the display locale. Nodes are built
 * once per glossary change and keep their identity, so that `getParent` works and TreeView.reveal can find a term.
 */
export class TermsTreeProvider extends Disposable implements vscode.TreeDataProvider<TermsTreeNode> {
  private sections: SectionNode[] | undefined;
  private nodesByTermId = new Map<string, TermNode>();

  private readonly _onDidChangeTreeData = this._register(new vscode.EventEmitter<TermsTreeNode | undefined>());
  public readonly onDidChangeTreeData = this._onDidChangeTreeData.event;

  public constructor(private readonly glossary: GlossaryService) {
    super();
    this._register(glossary.onDidChange(() => this.refresh()));
  }

  public refresh(): void {
    this.sections = undefined;
    this.nodesByTermId = new Map();
    this._onDidChangeTreeData.fire(undefined);
  }

  public getChildren(element?: TermsTreeNode): TermsTreeNode[] {
    if (!element) return this.rootSections();
    return element.kind === 'section' ? [...element.terms] : [];
  }

  public getParent(element: TermsTreeNode): TermsTreeNode | undefined {
    return element.kind === 'term' ? element.section : undefined;
  }

  public getTreeItem(element: TermsTreeNode): vscode.TreeItem {
    if (element.kind === 'section') {
      // An Arabic letter is isolated like the titles, so that the count after it stays after it.
      const letter = directionalTextFor(element.letter, this.glossary.snapshot().displayLocale);
      const item = new vscode.TreeItem(letter, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `section:${element.letter}`;
      item.contextValue = 'section';
      item.description = String(element.terms.length);
      return item;
    }
    const { term } = element;
    const item = new vscode.TreeItem(rowLabel(term.title, term.locale), vscode.TreeItemCollapsibleState.None);
    item.id = `term:${term.termId}`;
    item.contextValue = 'term';
    item.tooltip = termTooltip(term.title, term.summary, term.locale);
    item.command = {
      command: Commands.openEntry,
      title: vscode.l10n.t('Open entry'),
      arguments: [{ termId: term.termId }],
    };
    return item;
  }

  /** The node of a term, for TreeView.reveal. */
  public nodeFor(termId: string): TermNode | undefined {
    this.rootSections();
    return this.nodesByTermId.get(termId);
  }

  private rootSections(): SectionNode[] {
    if (!this.sections) {
      const grouped = groupTermsBySection(this.glossary.snapshot());
      this.sections = grouped.map((group) => {
        const terms: TermNode[] = [];
        const section: SectionNode = { kind: 'section', letter: group.letter, terms };
        for (const term of group.terms) {
          const node: TermNode = { kind: 'term', term, section };
          terms.push(node);
          this.nodesByTermId.set(term.termId, node);
        }
        return section;
      });
    }
    return this.sections;
  }
}

/**
 * The tooltip of a term in either tree: its title in bold and its summary, both escaped (glossary text is data, never
 * markup), with HTML and command links off. Right-to-left text is isolated as in the hover (directionalTextFor).
 */
export function termTooltip(title: string, summary: string, locale: Locale): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(
    `**${escapeMarkdown(directionalTextFor(title, locale))}**\n\n${escapeMarkdown(directionalTextFor(summary, locale))}`,
  );
  tooltip.supportHtml = false;
  tooltip.isTrusted = false;
  return tooltip;
}
