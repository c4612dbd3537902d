/**
 * Finding a term by any name a person might type: the one lookup rule of the command line's `lookup` and the
 * language server's `workspace/executeCommand` lookup, so that both faces answer a query with the same term.
 */
import { compareIds, trailingParenthetical, type Term, type TermMap } from '../glossary';
import { createTermMatcher, foldKey } from '../matching';

/**
 * How people write a name regardless of case, accents, and `-`/`_`/space: `Attention_Mask` ~ `attention-mask`. Case
 * and accents are folded by the matcher's foldKey; `masked language modeling (MLM)` is looked up as `masked language
 * modeling` (the abbreviation has its own key).
 */
function lookupKey(name: string): string {
  const base = trailingParenthetical(name)?.base || name;
  return foldKey(base)
    .replace(/[-_\s]+/g, ' ')
    .trim();
}

/** Every name a term is known by, in the order a lookup should trust them. */
function namesOf(term: Term): string[] {
  const names = [term.id, ...term.identifiers, ...term.abbreviations, ...Object.values(term.titles), ...term.aliases];
  for (const entry of Object.values(term.entries)) {
    names.push(entry.title);
    for (const alias of entry.aliases) names.push(alias);
  }
  return names;
}

/**
 * The term `query` names: first an exact id, identifier or abbreviation (case matters for `DP` vs `dp`), then any
 * name compared by lookupKey, then whatever the matcher finds in the query (`decoder_attention_mask` → attention
 * mask), so that anything a hover would explain can also be looked up.
 */
export function findTerm(termMap: TermMap, query: string): Term | undefined {
  const trimmed = query.trim();
  if (trimmed === '') return undefined;
  const exact = termMap.terms.find(
    (term) => term.id === trimmed || term.identifiers.includes(trimmed) || term.abbreviations.includes(trimmed),
  );
  if (exact) return exact;
  const key = lookupKey(trimmed);
  const byName = termMap.terms.find((term) => namesOf(term).some((name) => lookupKey(name) === key));
  if (byName) return byName;
  const matcher = createTermMatcher(termMap);
  for (const context of ['code', 'prose'] as const) {
    const [match] = matcher.findAll(trimmed, context);
    if (match) return termMap.terms.find((term) => term.id === match.termId);
  }
  return undefined;
}

function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Up to `limit` terms whose names are close to `query`: a few typos away, or containing it as a word. */
export function suggestTerms(termMap: TermMap, query: string, limit = 5): Term[] {
  const key = lookupKey(query);
  if (key === '') return [];
  const scored: { term: Term; score: number }[] = [];
  for (const term of termMap.terms) {
    let best = Infinity;
    for (const name of namesOf(term)) {
      const nameKey = lookupKey(name);
      const distance = editDistance(key, nameKey);
      if (distance <= Math.max(2, Math.floor(key.length / 3))) best = Math.min(best, distance);
      else if (key.length >= 3 && ` ${nameKey} `.includes(` ${key}`)) {
        best = Math.min(best, 3 + nameKey.length - key.length);
      }
    }
    if (best !== Infinity) scored.push({ term, score: best });
  }
  scored.sort((a, b) => a.score - b.score || compareIds(a.term.id, b.term.id));
  return scored.slice(0, limit).map((entry) => entry.term);
}
