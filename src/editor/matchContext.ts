import type * as vscode from 'vscode';
import {
  contextAt,
  contextForLanguage,
  markdownContextRanges,
  type MatchContext,
  type MatchContextRange,
} from '../matching';

/**
 * The fenced-block layout of each Markdown document, computed at most once per document version. Keyed by the
 * document object rather than its URI, because a document that is closed and reopened (or a new untitled one that
 * reuses a name) starts again at version 1 with other text.
 */
const markdownLayouts = new WeakMap<vscode.TextDocument, { version: number; ranges: MatchContextRange[] }>();

/**
 * How a line of a document is matched: Python as code, and in Markdown, lines inside a fenced Python block as code
 * and the rest as prose, so that a hover, the search pre-fill and "In This File" (which scans fences as code) agree.
 */
export function matchContextAt(document: vscode.TextDocument, line: number): MatchContext {
  const context = contextForLanguage(document.languageId);
  if (document.languageId !== 'markdown') return context;
  let layout = markdownLayouts.get(document);
  if (layout?.version !== document.version) {
    layout = { version: document.version, ranges: markdownContextRanges(document.getText()) };
    markdownLayouts.set(document, layout);
  }
  return contextAt(layout.ranges, document.offsetAt(document.lineAt(line).range.start));
}
