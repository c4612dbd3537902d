/**
 * Locale decisions shared by every face (hover, panel, search, tree, command line): which locale entries are shown
 * in, which entry stands in when a term has none in that locale, how a locale is named and which way it is written.
 * Pure TypeScript, no `vscode` import.
 */
import { SOURCE_LOCALE, type Locale, type Term, type TermEntry } from './types';
import { ownEntry } from './termAccess';
import { directionalText } from './bidi';

/** The `transformersGlossary.language` value that follows VS Code's display language. */
export const AUTO_LANGUAGE = 'auto';

/**
 * The glossary locales the extension offers, in the order the setting and Glossary: Change Language list them: the
 * languages of the upstream Transformers glossaries, plus Simplified Chinese (`zh-hans`, the language of
 * `docs/source/zh/`). The manifest's `transformersGlossary.language` enum is `auto` followed by exactly this list (a
 * unit test checks it). A term map may hold other locales (a custom glossary in French): they are offered after these.
 */
export const GLOSSARY_LOCALES: readonly Locale[] = ['en', 'es', 'ja', 'ko', 'zh-hans', 'ar'];

/** A language tag in the one spelling the locale rules compare: trimmed, lower case, `-` between subtags. */
function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/_/g, '-');
}

/**
 * The locale of a documentation page from its path, by the layout of the Transformers docs and every doc-builder
 * project: `docs/source/<lang>/…` (any depth below, Windows separators too). `zh` is `zh-hans`, the glossary locale
 * of the Simplified Chinese that `docs/source/zh/` is written in. Undefined for any other path: such a page is checked
 * only when a setting or a command-line option names its language.
 */
export function documentLocaleFromPath(file: string): Locale | undefined {
  const match = /(?:^|\/)docs\/source\/([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\/./.exec(file.replace(/\\/g, '/'));
  if (!match) return undefined;
  const tag = normalizeTag(match[1]!);
  return tag === 'zh' ? 'zh-hans' : tag;
}

/**
 * Whether a page is a glossary (`glossary.md`, `glosario.md`, `.mdx`), whose `[[anchor]]` heading markers and in-page
 * `(#anchor)` links the terminology check holds to the glossary's terms and headings (`CheckOptions.isGlossary`).
 */
export function isGlossaryDocumentPath(file: string): boolean {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? '';
  return /^(?:glossary|glosario)\.(?:md|mdx|markdown)$/i.test(base);
}

/** The primary language subtag of a BCP-47 tag, lowercased: `es-419` → `es`, `zh-CN` → `zh`. */
export function primaryLanguage(tag: string): string {
  return normalizeTag(tag).split('-')[0] ?? '';
}

/** Chinese regions whose usual script is Traditional; every other Chinese tag is read as Simplified. */
const TRADITIONAL_CHINESE_REGIONS = new Set(['tw', 'hk', 'mo']);

/** `zh-hans` or `zh-hant` for a Chinese tag (explicit script subtag first, then region), undefined for other languages. */
function chineseScript(tag: string): 'zh-hans' | 'zh-hant' | undefined {
  const [language, ...rest] = normalizeTag(tag).split('-');
  if (language !== 'zh') return undefined;
  if (rest.includes('hant')) return 'zh-hant';
  if (rest.includes('hans')) return 'zh-hans';
  return rest.some((subtag) => TRADITIONAL_CHINESE_REGIONS.has(subtag)) ? 'zh-hant' : 'zh-hans';
}

/**
 * The one fallback chain from a language tag (VS Code's display language, or the setting) to glossary locales, most
 * specific first. `auto` shows the first of them the term map has; then `chooseEntry` falls back per term.
 *
 * 1. The tag itself (`es-419`, `pt-br`, `zh-cn`), for a glossary written for exactly that variety.
 * 2. For Chinese, the script: `zh-cn`, `zh-sg` and plain `zh` are Simplified (`zh-hans`); `zh-tw`, `zh-hk` and `zh-mo`
 *    are Traditional (`zh-hant`), followed by `zh-hans`. No Traditional Chinese glossary exists (upstream translates
 *    `docs/source/zh/` in Simplified characters), so a Traditional Chinese reader is served Simplified text, which
 *    most such readers follow more easily than English.
 * 3. The primary language: `es-mx` → `es`, `ar-eg` → `ar`, `pt-br` → `pt`, `zh-*` → `zh` (the tag the compiler
 *    gives a glossary found under `docs/source/zh/`).
 * 4. English, the source locale, which every term has.
 *
 * So `pt-br` ends in English (no Portuguese glossary), and so does any language the term map lacks.
 */
export function localeFallbackChain(tag: string): Locale[] {
  return [...new Set([...ownLocales(tag), SOURCE_LOCALE])];
}

/** Steps 1 to 3 of `localeFallbackChain`: the locales in the reader's own language, without the English fallback. */
function ownLocales(tag: string): Locale[] {
  const normalized = normalizeTag(tag);
  const script = chineseScript(normalized);
  const candidates = [normalized, script, script === 'zh-hant' ? 'zh-hans' : undefined, primaryLanguage(normalized)];
  // Only well-formed tags: a setting written by hand must not become a locale such as `not a locale!`.
  const wellFormed = candidates.filter((locale): locale is string => locale !== undefined && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(locale));
  return [...new Set(wellFormed)];
}

/**
 * The locale to show entries in.
 * - `auto` follows VS Code's display language `uiLanguage` down `localeFallbackChain` to the first locale the term
 *   map has (in the end English), quietly: the reader did not ask for a language the glossary lacks.
 * - An explicit setting is kept even when the term map lacks it, so that entries fall back visibly (with a note)
 *   instead of silently switching language. Only its spelling is settled, on a locale of its own language that the
 *   term map has (`es-419` → `es`), else on its glossary locale (`zh-CN` → `zh-hans`, `ja-JP` → `ja`), else on its
 *   primary language.
 */
export function resolveDisplayLocale(setting: string, uiLanguage: string, available: readonly Locale[]): Locale {
  const explicit = normalizeTag(setting);
  if (explicit !== '' && explicit !== AUTO_LANGUAGE) {
    const own = ownLocales(explicit);
    return own.find((locale) => available.includes(locale)) ?? own.find((locale) => GLOSSARY_LOCALES.includes(locale)) ?? own.at(-1) ?? SOURCE_LOCALE;
  }
  return localeFallbackChain(uiLanguage).find((locale) => available.includes(locale)) ?? SOURCE_LOCALE;
}

/**
 * The locales Glossary: Change Language offers: every glossary locale, then any other locale the term map has (from a
 * custom glossary), so that a reader can pick a language before its entries exist and see English meanwhile.
 */
export function offeredLocales(available: readonly Locale[]): Locale[] {
  return [...GLOSSARY_LOCALES, ...available.filter((locale) => !GLOSSARY_LOCALES.includes(locale))];
}

/**
 * The language folder of huggingface.co's Transformers docs for a glossary locale. The docs publish Simplified
 * Chinese under `zh`, where the term map says `zh-hans` to name the script; every other locale is its own folder.
 */
export function docsLanguage(locale: Locale): string {
  return normalizeTag(locale) === 'zh-hans' ? 'zh' : locale;
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
  // Own properties only: the locale comes from settings and messages, and `constructor` is no locale of any term.
  const own = ownEntry(term, locale);
  if (own) return { locale, entry: own, isFallback: false };
  const source = ownEntry(term, SOURCE_LOCALE);
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

/**
 * Glossary text written in `locale`, for a face that lays everything out left to right (a hover, a tree label or
 * tooltip, a quick pick item): right-to-left text in the isolates of `directionalText`, other text as it is. The
 * hover, both trees and Glossary: Search show titles and summaries through this one rule.
 */
export function directionalTextFor(text: string, locale: Locale): string {
  return directionalText(text, textDirection(locale));
}
