/**
 * The term map: the public contract between the glossary compiler and everything that reads its output
 * (the extension, the command-line tool, and anyone who consumes the JSON file).
 *
 * Changing the shape of anything exported here is a breaking change of the JSON format: bump
 * TERM_MAP_SCHEMA_VERSION and describe the change in the README's "Term map format" section and in CHANGELOG.md.
 */

export const TERM_MAP_SCHEMA_VERSION = 1;

/** A BCP-47 primary language subtag as used by the Transformers docs folders: `en`, `es`, `ja`, `ko`, `ar`. */
export type Locale = string;

/** The locale whose anchors give every term its identity. */
export const SOURCE_LOCALE: Locale = 'en';

/**
 * The longest surface form (title, alias, abbreviation, identifier) and term id a term map holds, in UTF-16 code
 * units. No term is named in 200 characters, and the bound is what keeps matching linear: the compiler cuts longer
 * titles and drops longer aliases, abbreviations and identifiers with a warning, and the matcher ignores longer
 * forms in any term map it is handed (term maps also come from JSON files).
 */
export const MAX_SURFACE_FORM_LENGTH = 200;

export interface TermMap {
  readonly schemaVersion: typeof TERM_MAP_SCHEMA_VERSION;
  /** Every locale that has at least one entry, source locale first, then alphabetical. */
  readonly locales: readonly Locale[];
  /** Terms sorted by id. */
  readonly terms: readonly Term[];
}

export interface Term {
  /** The English anchor, e.g. `attention-mask` or `masked-language-modeling-mlm`. Stable across releases. */
  readonly id: string;
  /** The heading of the entry in each locale that has one, without the `[[anchor]]` suffix or trailing spaces. */
  readonly titles: Readonly<Record<Locale, string>>;
  /** Abbreviations, matched case-sensitively: `MLM`, `CTC`, `ZeRO`, `seq2seq`. */
  readonly abbreviations: readonly string[];
  /** Python identifiers the term stands for: `attention_mask`, `input_ids`. Matched exactly in code. */
  readonly identifiers: readonly string[];
  /** Other surface forms in any locale (plurals, localized names), matched case-insensitively in prose. */
  readonly aliases: readonly string[];
  /** The entry of each locale that has one. At least one entry exists for every term. */
  readonly entries: Readonly<Record<Locale, TermEntry>>;
  /**
   * Transformers documentation pages declared for the term (`docs:` metadata, every locale, most relevant first),
   * each `path` or `path#anchor`: where "Open on huggingface.co" goes when the upstream glossary has no anchor for
   * the term. Absent when none is declared (added in the Unreleased version; optional, so older readers are unaffected).
   */
  readonly docs?: readonly string[];
}

export interface TermEntry {
  readonly title: string;
  /** The `## X` letter section the entry stands in, as written in that locale's file. */
  readonly section: string;
  /** Surface forms declared for this locale only (already merged into Term.aliases too). */
  readonly aliases: readonly string[];
  /** The first paragraph of the body as plain text, whitespace collapsed: what a hover shows. */
  readonly summary: string;
  /**
   * The body as CommonMark with the doc-builder dialect normalized away: `<Youtube id=…/>` became a link,
   * `<Tip>` blocks became block quotes starting with a bold label, API auto-links and relative doc links
   * became absolute huggingface.co links, and in-page links keep the `#term-id` form so that a reader
   * can navigate between terms. Safe to feed to any CommonMark renderer; it is still untrusted text.
   */
  readonly markdown: string;
  /** Every link in the body, resolved. */
  readonly links: readonly ResolvedLink[];
  /** Where the entry came from, for diagnostics and "reveal source". `line` is 1-based. */
  readonly source: SourceLocation;
  /**
   * The termbase of this locale (`preferred:`, `avoid:`, `keep:` metadata; see the README's "Terminology"). Absent
   * when the entry declares none. Added in the Unreleased version as optional fields of schema version 1: a reader
   * that ignores them loses nothing it had, so the version stays 1 and older term maps stay readable.
   */
  readonly terminology?: EntryTerminology;
}

/** A form a translation must not use for a term, with the reason the glossary gives. */
export interface AvoidedForm {
  readonly form: string;
  readonly reason?: string;
}

/** What a locale's entry declares about the words a translation uses for its term. */
export interface EntryTerminology {
  /** The forms a fix writes, most preferred first. Absent: the title (without a parenthesized gloss) and the aliases. */
  readonly preferred?: readonly string[];
  /** Forms flagged in this locale's documents, even when they are also aliases (aliases keep hovers working). */
  readonly avoid?: readonly AvoidedForm[];
  /** `keep: english`: the locale's documents use the English term untranslated, so English forms are never flagged. */
  readonly keepEnglish?: boolean;
}

export type ResolvedLink =
  /** An in-page reference to another term (`[encoder models](#encoder-models)`). */
  | { readonly kind: 'term'; readonly text: string; readonly termId: string }
  /** A relative documentation page or an API auto-link, now an absolute huggingface.co URL. */
  | { readonly kind: 'docs'; readonly text: string; readonly url: string }
  /** A `<Youtube id=…/>` component. */
  | { readonly kind: 'video'; readonly text: string; readonly url: string }
  /** Any other absolute http(s) link. */
  | { readonly kind: 'external'; readonly text: string; readonly url: string };

interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type Severity = 'error' | 'warning';

/** A problem found while compiling. Printed as `file:line:column: severity: message`. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly location: SourceLocation;
  /** A short stable code for tests and filtering, e.g. `duplicate-term`, `broken-reference`, `mojibake-repaired`. */
  readonly code: string;
}

/** The result of compiling: the term map is present even when there are errors, but must not be published then. */
export interface CompileResult {
  readonly termMap: TermMap;
  readonly diagnostics: readonly Diagnostic[];
}

/** One glossary file handed to the compiler. The compiler never touches the file system itself. */
export interface GlossarySource {
  /** Used in diagnostics and SourceLocation; usually a path. */
  readonly file: string;
  /** Raw bytes, so that the compiler can detect encodings; a string is taken as already-decoded text. */
  readonly content: Uint8Array | string;
  /** When absent, the locale is inferred from the file name (`es.md`, `es-glossary.md`, `docs/source/es/glossary.md`) or the H1. */
  readonly locale?: Locale;
}
