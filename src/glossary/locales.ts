/**
 * Locale decisions shared by every face (hover, panel, search, tree, command line): which locale entries are shown
 * in, which entry stands in when a term has none in that locale, how a locale is named and which way it is written.
 * Pure TypeScript, no `vscode` import.
 */
import { SOURCE_LOCALE, type Locale, type Term, type TermEntry } from './types';

/** The `transformersGlossary.language` value that follows VS Code's display language. */
export const AUTO_LANGUAGE = 'auto';

/** The primary language subtag of a BCP-47 tag, lowercased: `es-419` → `es`, `zh-CN` → `zh`. */
export function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The locale to show entries in. An explicit setting wins even when the term map lacks it, so that entries fall back
 * visibly (with a note) instead of silently switching language. `auto` follows VS Code's display language when the
 * term map has entries in it, and the source locale otherwise.
 */
export function resolveDisplayLocale(setting: string, uiLanguage: string, available: readonly Locale[]): Locale {
  const explicit = primaryLanguage(setting);
  if (explicit !== '' && explicit !== AUTO_LANGUAGE) return explicit;
  const ui = primaryLanguage(uiLanguage);
  return available.includes(ui) ? ui : SOURCE_LOCALE;
}

export interface ChosenEntry {
  readonly locale: Locale;
  readonly entry: TermEntry;
  /** True when the entry is not in the requested locale. */
  readonly isFallback: boolean;
}

/**
 * The entry of `term` in `locale`, else in the source locale, else in the first locale the term has. This is the one
 * fallback rule: the hover, the panel, search, the trees and the command line all show what it chooses.
 */
export function chooseEntry(term: Term, locale: Locale): ChosenEntry {
  const own = term.entries[locale];
  if (own) return { locale, entry: own, isFallback: false };
  const source = term.entries[SOURCE_LOCALE];
  if (source) return { locale: SOURCE_LOCALE, entry: source, isFallback: true };
  for (const [other, entry] of Object.entries(term.entries)) return { locale: other, entry, isFallback: true };
  // The term map contract guarantees one entry per term (parseTermMapJson checks it); a term without any is corrupt.
  throw new Error(`The term ${term.id} has no entry in any locale.`);
}

/**
 * How a language name is cased:
 * - `mid-sentence`: as the language writes it inside a sentence (`…no tiene entrada en japonés`);
 * - `label`: with a capital first letter, as a label in a list or a menu starts (`Japonés`, `Español`).
 * The two differ only in languages that write language names in lower case (Spanish, French, Italian, ...).
 */
export type NameCasing = 'mid-sentence' | 'label';

/**
 * The name of `locale` written in the language `inLanguage` (`es` in `en` → `Spanish`, in `es` → `español`), cased
 * as `casing` says, or the tag itself when the runtime has no name for it.
 */
export function languageName(locale: Locale, inLanguage: string, casing: NameCasing): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([inLanguage, SOURCE_LOCALE], { type: 'language', fallback: 'none' }).of(locale);
  } catch {
    // A locale string Intl rejects is shown as it is written.
    name = undefined;
  }
  if (name === undefined || name === '' || name === locale) return locale;
  if (casing === 'mid-sentence') return name;
  try {
    return name.charAt(0).toLocaleUpperCase(inLanguage) + name.slice(1);
  } catch {
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
}

/** The name of `locale` in its own language, as a language picker lists it: `es` → `Español`, `ja` → `日本語`. */
export function languageEndonym(locale: Locale): string {
  return languageName(locale, locale, 'label');
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);

/** `rtl` for scripts written right to left (the Arabic glossary), so that its entries lay out correctly. */
export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(primaryLanguage(locale)) ? 'rtl' : 'ltr';
}
