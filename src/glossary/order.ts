/**
 * The orders the term map contract promises, defined once: terms sorted by id, locales with the source locale first
 * and the others alphabetical. The compiler, the merge of custom glossaries and the matcher's index (whose earlier
 * registrations win) all sort with these, so that the same input gives the same result everywhere. Pure TypeScript.
 */
import { SOURCE_LOCALE, type Locale } from './types';

/** Term ids in code-unit order (not locale-aware: ids are ASCII anchors, and the order must not depend on a locale). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Source locale first, then alphabetical, as the term map contract orders them; duplicates are dropped. */
export function sortLocales(locales: Iterable<Locale>): Locale[] {
  const unique = [...new Set(locales)];
  return unique.sort((a, b) => (a === SOURCE_LOCALE ? -1 : b === SOURCE_LOCALE ? 1 : compareIds(a, b)));
}
