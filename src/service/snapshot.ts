/**
 * What every feature reads of the loaded glossary, as one immutable value: the term map, its matcher, the display
 * locale and docs version the settings chose, and the lookups built on them. The service publishes a new snapshot
 * whenever any of that changes; the hover, the panel, search and the trees take the snapshot of the moment as data.
 * Pure TypeScript (no `vscode` import), so that tests, benchmarks and a later language server build one directly.
 */
import {
  chooseEntry,
  resolveDisplayLocale,
  applyDocsVersion,
  termPageUrl,
  type ChosenEntry,
  type Locale,
  type Term,
  type TermMap,
} from '../glossary';
import { createTermMatcher, type MatchContext, type TermMatch, type TermMatcher } from '../matching';

export interface GlossarySnapshot {
  /** The bundled term map with the custom glossaries merged over it. */
  readonly termMap: TermMap;
  /** The matcher over termMap, honouring the ignored terms. Built on first read: activation never pays for it. */
  readonly matcher: TermMatcher;
  /** The locale entries are shown in: the setting, or VS Code's display language when `auto`, else English. */
  readonly displayLocale: Locale;
  /** The `transformersGlossary.docsVersion` setting: `main`, a release tag, or empty for the latest release. */
  readonly docsVersion: string;
  term(id: string): Term | undefined;
  /** The entry of `term` to show for `locale` (default: displayLocale), by the one fallback rule, chooseEntry. */
  entryFor(term: Term, locale?: Locale): ChosenEntry;
  /** The term at `offset` of one line of text, and where it matched; undefined when no term stands there. */
  termAt(
    lineText: string,
    offset: number,
    context: MatchContext,
  ): { readonly term: Term; readonly match: TermMatch } | undefined;
  /** A huggingface.co URL rewritten for the docs version. */
  docsUrl(url: string): string;
  /**
   * Where "Open on huggingface.co" goes for a term read in a locale, with the docs version applied: its glossary
   * anchor, else its documentation page (see termPageUrl); undefined when it has neither, and no link is shown.
   */
  glossaryUrl(termId: string, locale: Locale): string | undefined;
}

/** The settings a snapshot depends on, and VS Code's display language (for `auto`). */
export interface SnapshotSettings {
  readonly language: string;
  readonly uiLanguage: string;
  readonly docsVersion: string;
  readonly ignoredTerms: readonly string[];
}

/**
 * A snapshot of `termMap` under `settings`. `matcher` may be passed to reuse the matcher of an earlier snapshot of
 * the same term map and ignored terms (a language change does not rebuild the index).
 */
export function createSnapshot(termMap: TermMap, settings: SnapshotSettings, matcher?: TermMatcher): GlossarySnapshot {
  let builtMatcher = matcher;
  let termsById: Map<string, Term> | undefined;
  const displayLocale = resolveDisplayLocale(settings.language, settings.uiLanguage, termMap.locales);
  const docsVersion = settings.docsVersion;
  const snapshot: GlossarySnapshot = {
    termMap,
    get matcher(): TermMatcher {
      builtMatcher ??= createTermMatcher(termMap, { ignoredTerms: settings.ignoredTerms });
      return builtMatcher;
    },
    displayLocale,
    docsVersion,
    term(id) {
      termsById ??= new Map(termMap.terms.map((term) => [term.id, term]));
      return termsById.get(id);
    },
    entryFor: (term, locale = displayLocale) => chooseEntry(term, locale),
    termAt(lineText, offset, context) {
      const match = snapshot.matcher.findTermAt(lineText, offset, context);
      const term = match && snapshot.term(match.termId);
      return match && term ? { term, match } : undefined;
    },
    docsUrl: (url) => applyDocsVersion(url, docsVersion),
    glossaryUrl(termId, locale) {
      const term = snapshot.term(termId);
      const url = term && termPageUrl(term, locale);
      return url === undefined ? undefined : applyDocsVersion(url, docsVersion);
    },
  };
  return Object.freeze(snapshot);
}
