/**
 * The alignment reference: what the compiler knows of a term map it was not given as source, so that a glossary
 * compiled alone (a translator's `ko.md`, a custom Arabic glossary) still gets the English anchor of every entry it
 * translates. The command line builds it from the bundled dist/termmap.json, the extension from its bundled snapshot;
 * the compiler reads only this small record, which travels to the compile worker as plain data.
 */
import { SOURCE_LOCALE, type TermMap } from './types';
import { isTermIdShape } from './anchors';

/** One term of the reference: its id and every name it is known by. */
interface ReferenceTerm {
  readonly id: string;
  /** The English title, when the term has an English entry. */
  readonly title?: string;
  /** The letter section of the English entry, for alignment by position. */
  readonly section?: string;
  readonly abbreviations: readonly string[];
  /** Titles in every other locale and every alias: the names a translated heading may repeat exactly. */
  readonly names: readonly string[];
}

/** Terms in the order of the English glossary (by source line), so that a letter section lists them as the file does. */
export interface AlignmentReference {
  readonly terms: readonly ReferenceTerm[];
}

/** The longest reference accepted from a message: far above any real glossary, low enough to bound the work. */
const MAX_REFERENCE_TERMS = 20_000;
const MAX_NAMES_PER_TERM = 500;

/** The alignment reference of a term map: ids, English titles and sections, abbreviations, and all other names. */
export function alignmentReference(termMap: TermMap): AlignmentReference {
  const terms = termMap.terms.map((term) => {
    const english = Object.prototype.hasOwnProperty.call(term.entries, SOURCE_LOCALE) ? term.entries[SOURCE_LOCALE] : undefined;
    const names = new Set<string>(term.aliases);
    for (const [locale, title] of Object.entries(term.titles)) if (locale !== SOURCE_LOCALE) names.add(title);
    return {
      term: {
        id: term.id,
        ...(english ? { title: english.title, section: english.section } : {}),
        abbreviations: [...term.abbreviations],
        names: [...names],
      },
      line: english?.source.line ?? Number.MAX_SAFE_INTEGER,
    };
  });
  // The term map lists terms by id; positions within a section follow the English file instead.
  terms.sort((a, b) => a.line - b.line);
  return { terms: terms.map((t) => t.term) };
}

function isStringList(value: unknown, max: number): value is string[] {
  return Array.isArray(value) && value.length <= max && value.every((item) => typeof item === 'string' && item.length <= 1000);
}

/**
 * Whether a value received from another thread is an alignment reference: a worker must not trust the shape of
 * what it is sent any more than the host trusts what comes back.
 */
export function isAlignmentReference(value: unknown): value is AlignmentReference {
  if (typeof value !== 'object' || value === null) return false;
  const terms = (value as { terms?: unknown }).terms;
  if (!Array.isArray(terms) || terms.length > MAX_REFERENCE_TERMS) return false;
  return terms.every((term: unknown) => {
    if (typeof term !== 'object' || term === null) return false;
    const t = term as Record<string, unknown>;
    return (
      typeof t.id === 'string' &&
      isTermIdShape(t.id) &&
      (t.title === undefined || typeof t.title === 'string') &&
      (t.section === undefined || typeof t.section === 'string') &&
      isStringList(t.abbreviations, MAX_NAMES_PER_TERM) &&
      isStringList(t.names, MAX_NAMES_PER_TERM)
    );
  });
}

/**
 * The key two whole names are compared by when a translated heading is looked up among the reference's names: Unicode
 * compatibility forms folded (full-width letters), case folded, Arabic diacritics (tashkeel, the same marks the
 * matcher's folding drops) and tatweel removed, and whitespace collapsed.
 *
 * It differs from the matcher's `foldKey` (src/matching/words.ts) on purpose: a heading's name must name one reference
 * term, and two names that share a key become ambiguous and align nothing, so Latin accents and the Arabic article
 * still tell names apart here, while `foldKey` drops them so that a reader's `atencion` finds `atención`. It also
 * compares names whole, with no offset map back to the text: matching inside text is the matcher's business.
 * test/unit/glossary/alignmentNameKey.test.ts checks that both drop the same Arabic marks.
 */
export function alignmentNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u06D6-\u06DC\u06DF-\u06E4\u06EA-\u06ED]|\u0670|\u0640|\u06E7|\u06E8/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
