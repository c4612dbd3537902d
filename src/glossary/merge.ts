/**
 * Merging custom glossaries into the bundled term map. Pure TypeScript.
 */
import type { Term, TermMap } from './types';
import { compareIds, sortLocales } from './order';

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

function mergeTerm(base: Term, overlay: Term): Term {
  return {
    id: base.id,
    titles: { ...base.titles, ...overlay.titles },
    abbreviations: union(base.abbreviations, overlay.abbreviations),
    identifiers: union(base.identifiers, overlay.identifiers),
    aliases: union(base.aliases, overlay.aliases),
    entries: { ...base.entries, ...overlay.entries },
    // The docs pages a term declares are kept through an overlay: a custom entry adds its pages after the bundled ones.
    ...(base.docs || overlay.docs ? { docs: union(base.docs ?? [], overlay.docs ?? []) } : {}),
  };
}

/**
 * The bundled term map with custom glossaries laid over it. A custom entry replaces the bundled entry of the same
 * term and locale (that is what a team-specific glossary is for), keeps the bundled entries of the other locales,
 * and adds its surface forms to the bundled ones. Terms only the custom glossary has are added.
 */
export function mergeTermMaps(base: TermMap, overlays: readonly TermMap[]): TermMap {
  if (overlays.length === 0) return base;
  const terms = new Map<string, Term>(base.terms.map((term) => [term.id, term]));
  const locales = [...base.locales];
  for (const overlay of overlays) {
    for (const locale of overlay.locales) locales.push(locale);
    for (const term of overlay.terms) {
      const existing = terms.get(term.id);
      terms.set(term.id, existing ? mergeTerm(existing, term) : term);
    }
  }
  return {
    schemaVersion: base.schemaVersion,
    locales: sortLocales(locales),
    terms: [...terms.values()].sort((a, b) => compareIds(a.id, b.id)),
  };
}
