/**
 * How the server reads an open document, the way the VS Code extension reads one (src/editor/matchContext.ts): Python
 * is code; Markdown is prose except fenced Python blocks, whose layout is computed once per document version. Clients
 * name languages differently (Emacs sends `gfm` for GitHub Markdown, jupyter-lsp the kernel's language), so the file
 * name decides when the language id is not one of ours.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  contextAt,
  contextForFileName,
  contextForLanguage,
  markdownContextRanges,
  type MatchContext,
  type MatchContextRange,
} from '../matching';

/** What kind of text a document is, for matching: Python code, Markdown (prose with fences), or plain prose. */
export type DocumentKind = 'code' | 'markdown' | 'prose';

const MARKDOWN_LANGUAGE_IDS = new Set(['markdown', 'gfm', 'mdx']);

export function documentKind(document: Pick<TextDocument, 'languageId' | 'uri'>): DocumentKind {
  const languageId = document.languageId.toLowerCase();
  if (contextForLanguage(languageId) === 'code') return 'code';
  if (MARKDOWN_LANGUAGE_IDS.has(languageId)) return 'markdown';
  const pathname = uriPath(document.uri);
  if (contextForFileName(pathname) === 'code') return 'code';
  return /\.(?:md|markdown|mdx)$/i.test(pathname) ? 'markdown' : 'prose';
}

/** The path part of a URI without its query or fragment (notebook cell URIs carry the cell in the fragment). */
function uriPath(uri: string): string {
  return uri.replace(/[?#].*$/s, '');
}

/** Layouts of Markdown documents by URI, each for one version. */
export class MatchContexts {
  private readonly layouts = new Map<string, { version: number; ranges: MatchContextRange[] }>();

  /** The context of one line of `document`. */
  public at(document: TextDocument, line: number): MatchContext {
    const kind = documentKind(document);
    if (kind !== 'markdown') return kind === 'code' ? 'code' : 'prose';
    let layout = this.layouts.get(document.uri);
    if (layout?.version !== document.version) {
      layout = { version: document.version, ranges: markdownContextRanges(document.getText()) };
      this.layouts.set(document.uri, layout);
    }
    return contextAt(layout.ranges, document.offsetAt({ line, character: 0 }));
  }

  public forget(uri: string): void {
    this.layouts.delete(uri);
  }
}

/** The text of one line, without its line break; empty past the end of the document. */
export function lineText(document: TextDocument, line: number): string {
  if (line < 0 || line >= document.lineCount) return '';
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}
