/**
 * Locale decisions shared by every view: which locale entries are shown in, which entry stands in when a term has
 * none in that locale, and how a locale is named. Pure TypeScript, no `vscode` import.
 */
import { SOURCE_LOCALE, type Locale, type Term, type TermEntry } from '../glossary/types';
import { ownEntry } from '../glossary/termAccess';

/** The `transformersGlossary.language` value that follows VS Code's display language. */
export const AUTO = 'auto';

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
  if (explicit !== '' && explicit !== AUTO) return explicit;
  const ui = primaryLanguage(uiLanguage);
  return available.includes(ui) ? ui : SOURCE_LOCALE;
}

export interface ChosenEntry {
  readonly locale: Locale;
  readonly entry: TermEntry;
  /** True when the entry is not in the requested locale. */
  readonly isFallback: boolean;
}

/** The entry of `term` in `locale`, else in the source locale, else in the first locale the term has. */
export function chooseEntry(term: Term, locale: Locale): ChosenEntry {
  const own = ownEntry(term, locale);
  if (own) return { locale, entry: own, isFallback: false };
  const source = ownEntry(term, SOURCE_LOCALE);
  if (source) return { locale: SOURCE_LOCALE, entry: source, isFallback: true };
  for (const [other, entry] of Object.entries(term.entries)) return { locale: other, entry, isFallback: true };
  // The term map contract guarantees one entry per term; a term without any is a corrupt term map.
  throw new Error(`The term ${term.id} has no entry in any locale.`);
}

/** Names of the Transformers docs languages in their own language, as a language picker shows them. */
const endonyms: Readonly<Record<string, string>> = { en: 'English', es: 'Español', ja: '日本語', ko: '한국어', ar: 'العربية' };

/** The name of `locale` in its own language: `es` → `Español`. Falls back to the code when nothing knows it. */
export function languageEndonym(locale: Locale): string {
  const known = Object.hasOwn(endonyms, locale) ? endonyms[locale] : undefined;
  if (known) return known;
  return languageName(locale, locale);
}

/**
 * The name of `locale` in the language `inLanguage` (`es` in `en` → `Spanish`, in `es` → `español`), cased as it is
 * written mid-sentence in that language, or the code when unknown.
 */
export function languageName(locale: Locale, inLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([inLanguage, SOURCE_LOCALE], { type: 'language' }).of(locale);
    if (name && name !== locale) return name;
  } catch {
    // A locale string Intl rejects is shown as it is written.
  }
  return locale;
}
