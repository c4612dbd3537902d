/**
 * Reading a term's per-locale records. `Term.titles` and `Term.entries` are plain objects (they are the JSON format),
 * and the locale used to read them comes from settings, messages or files: `term.entries['constructor']` would find
 * `Object.prototype.constructor`. Every read by locale goes through these two functions, which look at own
 * properties only.
 */
import type { Locale, Term, TermEntry } from './types';

/** The entry of `term` written in `locale`, if the term has one (never an inherited property). */
export function ownEntry(term: Pick<Term, 'entries'>, locale: Locale): TermEntry | undefined {
  return Object.hasOwn(term.entries, locale) ? term.entries[locale] : undefined;
}

/** The title of `term` in `locale`, if the term has one (never an inherited property). */
export function ownTitle(term: Pick<Term, 'titles'>, locale: Locale): string | undefined {
  return Object.hasOwn(term.titles, locale) ? term.titles[locale] : undefined;
}
