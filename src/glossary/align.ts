/**
 * Alignment of entries across locales: every entry gets the id of the English entry it translates.
 *
 * Three heading styles occur upstream. es and ja keep the English heading, so their anchor is the id. ko writes
 * `한국어 (english term)`, sometimes with only the abbreviation or with `(english term, ABBR)`. ar translates the
 * heading and keeps at most a Latin name or abbreviation, so what cannot be matched by name is matched by position
 * within its letter section, between the neighbours that were matched.
 */
import type { Diagnostic, Locale } from './types';
import type { ParsedEntry } from './parse';
import { diagnosticAt } from './diagnostics';
import { abbreviationOf, englishAnchor, isLatinScript, looksLikeAbbreviation, trailingParenthetical } from './anchors';
import { alignmentNameKey, type AlignmentReference } from './alignReference';

export interface AlignableGlossary {
  readonly file: string;
  readonly locale: Locale;
  readonly entries: readonly ParsedEntry[];
}

export interface Alignment {
  /** The term id of each entry, parallel to `entries`; undefined only for entries that could not be given one. */
  readonly ids: (string | undefined)[];
  /** The English name each entry was matched by (its own heading for English-style headings). */
  readonly englishNames: (string | undefined)[];
}

interface ReferenceIndex {
  readonly byAnchor: Map<string, string>;
  /** Anchor of the title without its parenthetical (`masked-language-modeling`); null when ambiguous. */
  readonly byBase: Map<string, string | null>;
  readonly byAbbreviation: Map<string, string | null>;
  /** Every other name of a reference term (localized titles, aliases) by `alignmentNameKey`; null when ambiguous. */
  readonly byName: Map<string, string | null>;
  readonly sections: Map<string, string[]>;
  readonly titles: Map<string, string>;
  /** Whether alignment by position needs a gap that leaves no choice (true when sections come from the bundled glossary). */
  readonly exactGaps: boolean;
}

function setUnique(map: Map<string, string | null>, key: string, id: string): void {
  if (!key) return;
  const existing = map.get(key);
  if (existing === undefined) map.set(key, id);
  else if (existing !== id) map.set(key, null);
}

/** The id an English-style heading gives its entry. */
function directId(entry: ParsedEntry): string {
  return entry.customAnchor ?? englishAnchor(entry.title);
}

/** Indexes one reference name under its id: its anchor, the anchor of its base, and its abbreviation. */
function addEnglishName(index: ReferenceIndex, id: string, title: string): void {
  index.byAnchor.set(id, id);
  const derived = englishAnchor(title);
  if (derived && !index.byAnchor.has(derived)) index.byAnchor.set(derived, id);
  if (!index.titles.has(id)) index.titles.set(id, title);
  setUnique(index.byBase, englishAnchor(trailingParenthetical(title)?.base ?? title), id);
  const abbreviation = abbreviationOf(title);
  if (abbreviation) setUnique(index.byAbbreviation, abbreviation, id);
}

function placeInSection(index: ReferenceIndex, placed: Set<string>, sectionName: string, id: string): void {
  let section = index.sections.get(sectionName);
  if (!section) index.sections.set(sectionName, (section = []));
  if (!placed.has(id)) {
    placed.add(id);
    section.push(id);
  }
}

/**
 * The index every translated heading is looked up in: the reference glossaries compiled now and, when given, the
 * external reference (the bundled term map). Letter sections, for alignment by position, come from the external
 * reference when there is one, since it is the complete English glossary; otherwise from the compiled glossaries.
 */
function buildReference(glossaries: readonly AlignableGlossary[], external: AlignmentReference | undefined): ReferenceIndex {
  const index: ReferenceIndex = { byAnchor: new Map(), byBase: new Map(), byAbbreviation: new Map(), byName: new Map(),
    sections: new Map(),
    titles: new Map(),
    exactGaps: external !== undefined,
  };
  const placed = new Set<string>();
  for (const glossary of glossaries) {
    for (const entry of glossary.entries) {
      const id = directId(entry);
      if (!id) continue;
      addEnglishName(index, id, entry.title);
      if (!external) placeInSection(index, placed, entry.section, id);
    }
  }
  for (const term of external?.terms ?? []) {
    if (term.title !== undefined) addEnglishName(index, term.id, term.title);
    else index.byAnchor.set(term.id, term.id);
    for (const abbreviation of term.abbreviations) setUnique(index.byAbbreviation, abbreviation, term.id);
    for (const name of term.names) setUnique(index.byName, alignmentNameKey(name), term.id);
    if (term.section !== undefined) placeInSection(index, placed, term.section, term.id);
  }
  return index;
}

/** The anchor of a name, or '' when nothing of it survives (a heading without Latin letters or digits). */
function meaningfulAnchor(name: string): string {
  const anchor = englishAnchor(name);
  return /[a-z0-9]/.test(anchor) ? anchor : '';
}

/** Rewrites `name, ABBR` and `Name - ABBR` as `name (ABBR)`, the form English headings use. */
function canonicalName(parts: readonly string[]): string {
  if (parts.length >= 2) return `${parts[0]} (${parts[parts.length - 1]})`;
  return parts[0] ?? '';
}

const NAME_SEPARATOR = /\s*(?:,|،| - | – | — )\s*/;

/**
 * The Latin-script names a translated heading keeps, best first: the trailing Latin run (`… masked language
 * modeling (MLM)`), `name (ABBR)` rebuilt from `(name, ABBR)` or `(name - ABBR)`, each parenthetical and its
 * parts, and finally every Latin word together.
 */
function latinCandidates(title: string): string[] {
  const out: string[] = [];
  const trailing = /[A-Za-z0-9][A-Za-z0-9 ()\-,.'/]*$/.exec(title);
  if (trailing && /[A-Za-z]{2}/.test(trailing[0])) {
    let run = trailing[0].trim();
    // A run that starts inside a parenthetical (`…(attention mask)`) carries its closing parenthesis: drop it.
    while (run.endsWith(')') && (run.match(/\(/g)?.length ?? 0) < (run.match(/\)/g)?.length ?? 0)) run = run.slice(0, -1).trim();
    const paren = trailingParenthetical(run);
    if (!paren) {
      out.push(canonicalName(run.split(NAME_SEPARATOR)));
    } else {
      const parts = paren.inner.split(NAME_SEPARATOR);
      // `… masked language modeling (MLM)` names the term before the abbreviation; `입력 ID (input IDs)` and
      // `샤디드 DDP (Sharded DDP)` name it inside the parentheses, after a Latin fragment of the translation.
      if (parts.length === 1 && looksLikeAbbreviation(paren.inner)) out.push(`${paren.base} (${paren.inner})`);
      else out.push(canonicalName(parts), `${paren.base} (${paren.inner})`);
    }
  }
  const groups = Array.from(title.matchAll(/\(([^()]*)\)/g), (m) => m[1]!.trim()).reverse();
  for (const inner of groups) {
    if (!/[A-Za-z]/.test(inner)) continue;
    const parts = inner.split(NAME_SEPARATOR).filter((p) => p.length > 0);
    out.push(canonicalName(parts), inner);
    for (const part of parts) out.push(part);
  }
  const words = title.match(/[A-Za-z0-9][A-Za-z0-9-]*/g);
  if (words) out.push(words.join(' '));
  return [...new Set(out.filter((c) => meaningfulAnchor(c)))];
}

function lookup(candidate: string, reference: ReferenceIndex): string | undefined {
  const anchor = englishAnchor(candidate);
  if (!anchor) return undefined;
  const direct = reference.byAnchor.get(anchor);
  if (direct) return direct;
  const base = reference.byBase.get(anchor) ?? reference.byBase.get(englishAnchor(trailingParenthetical(candidate)?.base ?? candidate));
  if (base) return base;
  const abbreviation = reference.byAbbreviation.get(candidate.trim());
  if (abbreviation) return abbreviation;
  return reference.byName.get(alignmentNameKey(candidate)) ?? undefined;
}

/**
 * The reference term a translated heading names exactly, written in its own language: a localized title or alias of
 * the reference (`التعلم الخاضع للإشراف` when the bundled Arabic glossary has that entry), whole or without its
 * Latin-script parts.
 */
function lookupLocalizedName(title: string, reference: ReferenceIndex): string | undefined {
  const withoutLatin = title.replace(/\([^()]*\)/g, ' ').replace(/[A-Za-z0-9][A-Za-z0-9 \-,.'/]*/g, ' ');
  for (const name of [title, withoutLatin]) {
    const key = alignmentNameKey(name);
    const id = key.length >= 2 ? reference.byName.get(key) : undefined;
    if (id) return id;
  }
  return undefined;
}

/** Whether the glossary is written with English-style (Latin) headings, so that its anchors are ids. */
function hasLatinHeadings(glossary: AlignableGlossary): boolean {
  if (glossary.entries.length === 0) return true;
  const latin = glossary.entries.filter((e) => isLatinScript(e.title)).length;
  return latin * 5 >= glossary.entries.length * 4;
}

/**
 * Aligns every glossary. The reference is the English glossaries, or, when none is compiled, those with
 * English-style headings (their entries are ids by themselves) together with the `external` reference, the term map
 * the face already has (the bundled glossary). Every other entry is matched to the reference.
 */
export function alignGlossaries(glossaries: readonly AlignableGlossary[], diagnostics: Diagnostic[], external?: AlignmentReference): Alignment[] {
  const hasEnglish = glossaries.some((g) => g.locale === 'en');
  const isReference = (g: AlignableGlossary): boolean => (hasEnglish ? g.locale === 'en' : hasLatinHeadings(g));
  // An English source compiled now is the reference; the external one stands in only when none is given.
  const reference = buildReference(glossaries.filter(isReference), hasEnglish ? undefined : external);
  return glossaries.map((glossary) => {
    if (isReference(glossary)) {
      return {
        ids: glossary.entries.map((e) => directId(e) || undefined),
        englishNames: glossary.entries.map((e) => (isLatinScript(e.title) ? e.title : undefined)),
      };
    }
    return alignToReference(glossary, reference, diagnostics);
  });
}

function alignToReference(glossary: AlignableGlossary, reference: ReferenceIndex, diagnostics: Diagnostic[]): Alignment {
  const entries = glossary.entries;
  const ids: (string | undefined)[] = new Array<string | undefined>(entries.length).fill(undefined);
  const names: (string | undefined)[] = new Array<string | undefined>(entries.length).fill(undefined);
  const claimed = new Set<string>();
  const hasReference = reference.byAnchor.size > 0;
  // Entries whose heading keeps an English name: when the name matches nothing, position is no evidence against it,
  // so they become their own terms (with a warning) instead of taking a neighbour's place.
  const named = new Set<number>();

  entries.forEach((entry, i) => {
    if (entry.customAnchor) {
      ids[i] = entry.customAnchor;
      names[i] = reference.titles.get(entry.customAnchor);
      claimed.add(entry.customAnchor);
      return;
    }
    const own = meaningfulAnchor(entry.title);
    if (own && (reference.byAnchor.has(own) || (!hasReference && isLatinScript(entry.title)))) {
      ids[i] = reference.byAnchor.get(own) ?? own;
      names[i] = isLatinScript(entry.title) ? entry.title : reference.titles.get(ids[i]);
      claimed.add(ids[i]);
      return;
    }
    const candidates = latinCandidates(entry.title);
    if (candidates.length > 0) named.add(i);
    if (!hasReference) {
      // Nothing to check the English name against: the id is derived from it, and the warning says so, because the
      // English glossary may anchor the term differently (`deep learning (DL)` is `deep-learning-dl`).
      const derived = candidates.map(meaningfulAnchor).find((anchor) => anchor);
      if (!derived) return;
      ids[i] = derived;
      names[i] = candidates[0];
      claimed.add(derived);
      diagnostics.push(
        diagnosticAt(
          'warning',
          'unverified-term-id',
          `"${entry.title}" is compiled without an English glossary to align with; its id "${derived}" comes from the English name in the heading and may not be the English anchor (compile it with the English glossary, or add [[english-anchor]] to the heading)`,
          entry.file,
          entry.line,
          entry.column,
        ),
      );
      return;
    }
    for (const candidate of candidates) {
      const id = lookup(candidate, reference);
      if (id) {
        ids[i] = id;
        names[i] = reference.titles.get(id) ?? candidate;
        claimed.add(id);
        return;
      }
    }
    const localized = lookupLocalizedName(entry.title, reference);
    if (localized) {
      ids[i] = localized;
      names[i] = reference.titles.get(localized);
      claimed.add(localized);
    }
  });

  // Entries still without an id are matched by position: within their letter section, between the reference
  // positions of the nearest matched neighbours, to the first reference entry nobody in this locale claimed.
  // Before that, a name match that breaks the order of its section (a translator who kept the wrong English name
  // in parentheses) is set aside, so that it does not pull its neighbours out of place.
  if (hasReference) {
    const setAside = new Map<number, string>();
    let sectionStart = 0;
    for (let i = 0; i <= entries.length; i++) {
      if (i < entries.length && (i === 0 || entries[i]!.section === entries[i - 1]!.section)) continue;
      for (const index of outOfOrderMatches(entries, ids, named, sectionStart, i, reference)) {
        setAside.set(index, ids[index]!);
        claimed.delete(ids[index]!);
        ids[index] = undefined;
      }
      alignSectionByPosition(entries, ids, names, claimed, named, sectionStart, i, reference, glossary.file, diagnostics, setAside);
      sectionStart = i;
    }
    // A set-aside match that found no place by position keeps its name match, unless that is now taken.
    for (const [index, id] of setAside) {
      if (ids[index] || claimed.has(id)) continue;
      ids[index] = id;
      claimed.add(id);
    }
  }

  entries.forEach((entry, i) => {
    if (ids[i]) return;
    const latinName = latinCandidates(entry.title).map(meaningfulAnchor).find((anchor) => anchor);
    const fallback = latinName || meaningfulAnchor(entry.title) || `${glossary.locale}-${meaningfulAnchor(entry.section) || 'entry'}-${entry.indexInSection + 1}`;
    ids[i] = fallback;
    diagnostics.push(
      diagnosticAt(
        'warning',
        'unmatched-term',
        hasReference
          ? `"${entry.title}" matches no English entry by name or position; it becomes its own term "${fallback}" (add [[english-anchor]] to the heading to align it)`
          : `"${entry.title}" has no Latin-script name to derive an id from; it becomes "${fallback}" (add [[english-anchor]] to the heading)`,
        entry.file,
        entry.line,
        entry.column,
      ),
    );
  });
  return { ids, englishNames: names };
}

/**
 * Name matches (not custom anchors) of entries [from, to) whose reference positions do not rise with the entries'
 * order — everything outside one longest increasing run of positions, found in O(n log n) — and whose place an
 * unnamed entry of the section could take.
 */
function outOfOrderMatches(
  entries: readonly ParsedEntry[],
  ids: readonly (string | undefined)[],
  named: ReadonlySet<number>,
  from: number,
  to: number,
  reference: ReferenceIndex,
): number[] {
  const order = reference.sections.get(entries[from]?.section ?? '');
  if (!order) return [];
  const positionOf = new Map(order.map((id, index) => [id, index]));
  const indices: number[] = [];
  const positions: number[] = [];
  for (let i = from; i < to; i++) {
    const position = ids[i] ? positionOf.get(ids[i]!) : undefined;
    if (position === undefined) continue;
    indices.push(i);
    positions.push(position);
  }
  // Patience sorting: tails[k] is the index (into positions) ending the best increasing run of length k + 1.
  const tails: number[] = [];
  const previous = new Array<number>(positions.length).fill(-1);
  positions.forEach((position, k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (positions[tails[mid]!]! < position) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const kept = new Set<number>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) kept.add(k);
  const outOfOrder = indices.filter((index, k) => !kept.has(k) && !entries[index]!.customAnchor);
  if (outOfOrder.length === 0) return [];

  // Setting a match aside only helps when an entry without a name would take its place by position; otherwise
  // (two entries merely swapped) the name match is the better evidence and stays.
  const aside = new Set(outOfOrder);
  const keptPosition = (i: number): number | undefined => (ids[i] && !aside.has(i) ? positionOf.get(ids[i]) : undefined);
  const uppers = new Array<number>(to - from);
  let upper = order.length;
  for (let i = to - 1; i >= from; i--) {
    uppers[i - from] = upper;
    upper = keptPosition(i) ?? upper;
  }
  const windows: [number, number][] = [];
  let lower = -1;
  for (let i = from; i < to; i++) {
    const position = keptPosition(i);
    if (position !== undefined) lower = position;
    else if (!ids[i] && !named.has(i)) windows.push([lower, uppers[i - from]!]);
  }
  return outOfOrder.filter((index) => {
    const position = positionOf.get(ids[index]!)!;
    return windows.some(([low, high]) => low < position && position < high);
  });
}

function alignSectionByPosition(
  entries: readonly ParsedEntry[],
  ids: (string | undefined)[],
  names: (string | undefined)[],
  claimed: Set<string>,
  named: ReadonlySet<number>,
  from: number,
  to: number,
  reference: ReferenceIndex,
  file: string,
  diagnostics: Diagnostic[],
  setAside: ReadonlyMap<number, string>,
): void {
  const section = entries[from]?.section;
  const order = section !== undefined ? reference.sections.get(section) : undefined;
  if (!order) return;
  const positionOf = new Map(order.map((id, index) => [id, index]));
  // The reference position of the next entry matched by name, for every entry: one backward pass.
  const upperBounds = new Array<number>(to - from);
  let nextPosition = order.length;
  for (let i = to - 1; i >= from; i--) {
    upperBounds[i - from] = nextPosition;
    const id = ids[i];
    const position = id ? positionOf.get(id) : undefined;
    if (position !== undefined) nextPosition = position;
  }
  const eligible = (i: number): boolean => !ids[i] && (!named.has(i) || setAside.has(i));
  let lowerBound = -1;
  let skipUntil = from;
  for (let i = from; i < to; i++) {
    const id = ids[i];
    if (id) {
      const position = positionOf.get(id);
      if (position !== undefined) lowerBound = position;
      continue;
    }
    if (!eligible(i) || i < skipUntil) continue;
    const upperBound = upperBounds[i - from]!;
    if (reference.exactGaps) {
      // Against the bundled glossary, which has terms a translation may never have had, a gap between two matched
      // neighbours says which entry stands there only when it leaves no choice: as many free reference entries as
      // entries without a name. Otherwise the run of entries stays unaligned and is reported.
      let end = i;
      let unnamed = 0;
      while (end < to && !ids[end]) if (eligible(end++)) unnamed++;
      let free = 0;
      for (let p = lowerBound + 1; p < upperBound; p++) if (!claimed.has(order[p]!)) free++;
      if (free !== unnamed) {
        skipUntil = end;
        continue;
      }
    }
    for (let p = lowerBound + 1; p < upperBound; p++) {
      const candidate = order[p]!;
      if (claimed.has(candidate)) continue;
      ids[i] = candidate;
      names[i] = reference.titles.get(candidate);
      claimed.add(candidate);
      lowerBound = p;
      const entry = entries[i]!;
      const namedId = setAside.get(i);
      diagnostics.push(
        diagnosticAt(
          'warning',
          'aligned-by-position',
          namedId
            ? `"${entry.title}" names "${namedId}" but stands where "${candidate}" belongs in section ${section}; matched to "${candidate}" by position (write [[${candidate}]] or [[${namedId}]] after the heading to decide)`
            : `"${entry.title}" keeps no English name; matched by its position in section ${section} to "${candidate}" (write [[${candidate}]] after the heading to make this explicit)`,
          file,
          entry.line,
          entry.column,
        ),
      );
      break;
    }
  }
}
