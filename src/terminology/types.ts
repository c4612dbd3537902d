/**
 * The contract of the terminology check, shared by its faces: the command line's `lint`, the VS Code diagnostics and
 * quick fixes, and a language server. Offsets are UTF-16 code units into the checked text, as VS Code's
 * `document.positionAt` and the LSP's default position encoding count them. Pure TypeScript: no `vscode` import.
 */
import type { Locale } from '../glossary';

/** What a finding is about; stable, for filtering, severity settings and tests. */
export type FindingCode =
  /** A form the locale's termbase lists under `avoid:` for a term. */
  | 'avoided-term'
  /** The English form of a term the locale translates (and does not `keep: english`). */
  | 'english-term'
  /** A `[[anchor]]` marker, a `glossary#anchor` link or (in a glossary file) a `#anchor` link that names no term or heading. */
  | 'unknown-anchor';

export type FindingSeverity = 'error' | 'warning' | 'information';

/** The severity of each code unless options say otherwise: the defaults. */
export const DEFAULT_SEVERITIES: Readonly<Record<FindingCode, FindingSeverity>> = {
  'avoided-term': 'warning',
  'english-term': 'information',
  'unknown-anchor': 'error',
};

/** One edit: replace [start, end) of the checked text with `newText`. */
export interface TextFix {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * Where an unknown anchor is written: a link to the glossary (`glossary#anchor`, which must name a term), an in-page
 * link of a glossary file (`(#anchor)`, a term or a heading of that file) or a heading's `[[anchor]]` marker (a term).
 */
type AnchorSource = 'glossary-link' | 'page-link' | 'heading-marker';

/**
 * Why no automatic fix is offered for a form the glossary has a suggestion for. Faces word it with the finding's
 * message (src/terminology/messages.ts); the fields are what the sentence names.
 */
export type NoFixReason =
  /** The suggestion cannot be put in the flagged text's number: no rule of its language gives that number of `form`. */
  | { readonly kind: 'number-unknown'; readonly number: 'plural' | 'singular'; readonly form: string }
  /** The flagged form is an English alias rather than the English title, so it may name something else. */
  | { readonly kind: 'other-english-name'; readonly form: string }
  /** A Spanish article precedes the range and the suggestion's gender, which it must agree with, is not known. */
  | { readonly kind: 'gender-unknown'; readonly form: string; readonly article: string }
  /** The article must become `el`, which would contract with the preposition before it (`de la` → `del`). */
  | { readonly kind: 'article-contracts'; readonly article: string };

export interface Finding {
  /** UTF-16 offset of the first code unit flagged. */
  readonly start: number;
  /** UTF-16 offset one past the last code unit flagged. */
  readonly end: number;
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  /** The term the finding is about; for `unknown-anchor`, the anchor as written. */
  readonly termId: string;
  /** The flagged text exactly as it stands in the document. */
  readonly text: string;
  /** The reason the termbase gives for an avoided form, when it gives one. */
  readonly reason?: string;
  /**
   * For an avoided form or an English term: the glossary's form to write instead, when it has one. It is the first
   * fix's text when there is a fix (`la agrupación` for `el pooling`, article included); otherwise the preferred form
   * that no fix writes, and `noFix` says why.
   */
  readonly suggestion?: string;
  /** Why a finding that names a `suggestion` offers no automatic fix. */
  readonly noFix?: NoFixReason;
  /** For `unknown-anchor`: where the anchor is written, since each place asks something different of it. */
  readonly anchorSource?: AnchorSource;
  /**
   * The fixes, best first; each replaces exactly [start, end) of the finding with a preferred form. Empty when the
   * check knows no replacement (a broken anchor). Applying the first fix of every finding is what "fix all" does.
   */
  readonly fixes: readonly TextFix[];
}

export interface CheckOptions {
  /** The locale of the document (see `documentLocaleFromPath`); the termbase of that locale is applied. */
  readonly locale: Locale;
  /**
   * Whether the document is a glossary (`docs/source/<lang>/glossary.md`, or a custom glossary): then its `[[anchor]]`
   * heading markers must name terms, and its in-page `(#anchor)` links must name a term or one of its headings.
   */
  readonly isGlossary?: boolean;
  /** Term ids or surface forms (compared case- and accent-insensitively) never reported, e.g. from a user setting. */
  readonly ignoredTerms?: readonly string[];
  /** Severity per code; `off` silences a code. */
  readonly severities?: Partial<Readonly<Record<FindingCode, FindingSeverity | 'off'>>>;
  /**
   * Check only the lines that intersect [start, end) (UTF-16 offsets): what an editor re-checks after an edit. The
   * result of a line depends on that line, the fence, comment and front-matter state it starts in, and whether the
   * line before it is a `<!-- glossary-ignore-next-line -->` comment, never on other lines (heading anchors of a
   * glossary file aside, which the whole text gives).
   */
  readonly range?: { readonly start: number; readonly end: number };
}
