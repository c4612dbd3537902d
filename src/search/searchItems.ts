/**
 * The items of Glossary: Search, built without VS Code so that their content is unit-tested. VS Code's quick pick
 * filters on label, description and detail (case-insensitively, on contiguous text), so everything a user may
 * type must stand in one of them: the title in the display locale (label), the identifiers, abbreviations and the
 * titles in the other locales (description), and the summary (detail). A quick pick lays its rows out left to right, so
 * an Arabic label and detail carry the isolates of `directionalTextFor`, as the hover and the trees do; the label is
 * the trees' row label (`rowLabel`: an English gloss after the isolated title, where a narrow row cuts it first).
 */
import { directionalTextFor, stripBidiControls, type ChosenEntry, type Term } from '../glossary';
import { foldKey } from '../matching';
import type { GlossarySnapshot } from '../service/snapshot';
import { rowLabel } from '../tree/rowLabel';

export interface SearchItemData {
  readonly termId: string;
  /** The title in the display locale, as shown (right-to-left text isolated). */
  readonly label: string;
  /** The title as the glossary writes it, for sorting. */
  readonly title: string;
  readonly description: string;
  readonly detail: string;
  /** Every name of the term (titles in every locale, identifiers, abbreviations, aliases), for ranking. */
  readonly names: readonly string[];
}

const separator = ' · ';

/** True when one name is the other plus a short ending (`attention mask` / `attention masks`, `model` / `models`). */
function isInflection(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer.startsWith(shorter) && longer.length - shorter.length <= 2;
}

/** Titles and aliases in the other locales, without repeating what the label already says. */
function otherNames(term: Term, label: string): string[] {
  const seen = new Set<string>([label.toLocaleLowerCase()]);
  const names: string[] = [];
  for (const name of [...Object.values(term.titles), ...term.aliases]) {
    const key = name.toLocaleLowerCase();
    // A plural or a casing variant of a name already listed is left out: it would only lengthen the line.
    if ([...seen].some((known) => isInflection(known, key))) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

function buildSearchItem(term: Term, chosen: ChosenEntry): SearchItemData {
  const label = chosen.entry.title;
  const forms = [...term.identifiers, ...term.abbreviations];
  const description = [...new Set([...forms, ...otherNames(term, label).filter((name) => !forms.includes(name))])].join(
    separator,
  );
  const names = [
    ...new Set([...Object.values(term.titles), ...term.identifiers, ...term.abbreviations, ...term.aliases]),
  ];
  return {
    termId: term.id,
    label: rowLabel(label, chosen.locale),
    title: label,
    description,
    detail: directionalTextFor(chosen.entry.summary, chosen.locale),
    names,
  };
}

/** One item per term, sorted by label for the display locale. */
export function buildSearchItems(glossary: GlossarySnapshot): SearchItemData[] {
  const collator = new Intl.Collator(glossary.displayLocale, { sensitivity: 'base', numeric: true });
  return glossary.termMap.terms
    .map((term) => buildSearchItem(term, glossary.entryFor(term)))
    .sort((a, b) => collator.compare(a.title, b.title));
}

/**
 * How names match a query: 3 when one is the query, 2 when one starts with it, 0 otherwise. Names are compared by
 * the matcher's foldKey (lower case, Latin diacritics folded), so that `mascara` ranks `máscara` as a name match.
 */
function nameMatchScore(item: SearchItemData, query: string): number {
  // A query pre-filled from a label (see termTitleAtCursor) holds its isolates; names hold none.
  const needle = foldKey(stripBidiControls(query).trim());
  if (needle === '') return 0;
  let score = 0;
  for (const name of item.names) {
    const folded = foldKey(name);
    if (folded === needle) return 3;
    if (folded.startsWith(needle)) score = 2;
  }
  return score;
}

/**
 * The item a query names, when one does: an exact name (title in any locale, identifier, abbreviation, alias) beats
 * a name prefix; among equals the first item (in label order) wins. VS Code's own filter ranks items by their label
 * only, which puts `large language models (LLM)` before `masked language modeling (MLM)` for the query `MLM`; the
 * quick pick makes this item the active one instead, so that Enter opens the term the user named.
 */
export function bestNameMatch(items: readonly SearchItemData[], query: string): SearchItemData | undefined {
  let best: SearchItemData | undefined;
  let bestScore = 0;
  for (const item of items) {
    const score = nameMatchScore(item, query);
    if (score > bestScore) {
      best = item;
      bestScore = score;
      if (score === 3) break;
    }
  }
  return best;
}
