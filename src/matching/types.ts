/**
 * The contract of the term matcher, the one piece of logic that hover, "In This File", search pre-fill,
 * the command-line `scan` and the benchmarks share. Pure TypeScript: no `vscode` import.
 */

/**
 * What kind of text is being matched.
 * - `code`: Python source. Identifiers match exactly (also inside strings), abbreviations case-sensitively;
 *   comments and docstrings are matched as prose.
 * - `prose`: Markdown or plain text. Phrases match case-insensitively with word boundaries and plurals,
 *   inline code spans match identifiers, and `glossary#anchor` links match their term.
 */
export type MatchContext = 'code' | 'prose';

export interface TermMatch {
  readonly termId: string;
  /** UTF-16 offset of the first code unit of the match in the text that was searched. */
  readonly start: number;
  /** UTF-16 offset one past the last code unit. */
  readonly end: number;
  /** The matched text exactly as it stands in the document. */
  readonly text: string;
  /** How it matched: which surface form kind won. */
  readonly via: 'identifier' | 'abbreviation' | 'phrase' | 'link';
}

export interface TermMatcher {
  /**
   * The term at `offset` (UTF-16) in `lineText`, or undefined. Work is bounded by the line (callers pass one
   * line, never the whole document) and by a fixed window around the offset on very long lines.
   */
  findTermAt(lineText: string, offset: number, context: MatchContext): TermMatch | undefined;
  /** Every match in `text`, in document order, non-overlapping (longest match wins). Offsets are UTF-16. */
  findAll(text: string, context: MatchContext): TermMatch[];
}

export interface TermMatcherOptions {
  /** Term ids or surface forms (compared case-insensitively) that must never match, e.g. from a user setting. */
  readonly ignoredTerms?: readonly string[];
  /**
   * Match single dictionary words (`cabeza`, `batch`) everywhere in prose instead of only in marked positions. The
   * terminology check wants this: a translator writes a forbidden word in passing, not only in backticks or emphasis.
   * The hover keeps the default, where a single common word in passing is noise.
   */
  readonly singleWordsAnywhere?: boolean;
}
