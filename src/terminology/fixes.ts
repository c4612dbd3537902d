/**
 * The replacement a fix writes, and applying fixes to a text. A replacement is a preferred form of the term in the
 * document's locale, in the number of the flagged text (where the locale's rules in src/glossary/inflection.ts can
 * say it) and with its first letter capitalised when the flagged text's is (the start of a sentence or a heading).
 */
import type { Locale } from '../glossary';
import { isPluralPhrase, pluralPhrase, singularPhrase, spanishGender } from '../glossary';
import type { NoFixReason, TextFix } from './types';

/** `text` with its first letter upper-cased, for a flagged text that starts with a capital. */
function capitalised(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const letter = String.fromCodePoint(first);
  return letter.toUpperCase() + text.slice(letter.length);
}

/** Whether `text` starts with a capital letter (a letter whose lower case differs). */
function startsUpper(text: string): boolean {
  const first = text.codePointAt(0);
  if (first === undefined) return false;
  const letter = String.fromCodePoint(first);
  return letter !== letter.toLowerCase() && letter === letter.toUpperCase();
}

/** What a fix would write for a flagged text: the form to suggest, and the fix itself unless it is unsafe (why). */
export interface Replacement {
  /** The preferred form the message names, in the flagged text's number and capital where that could be kept. */
  readonly suggestion: string;
  /** The replacement a fix writes; undefined when no automatic fix is safe, and then `why` says why. */
  readonly fix: string | undefined;
  readonly why?: NoFixReason;
}

/**
 * The replacement of `flagged` (read by the rules of `flaggedLocale`: English for an untranslated English term or an
 * avoided English form, the document's locale otherwise) from `preferred`, the term's preferred forms in `locale`,
 * most preferred first. `languageOf` says which language's number rules a preferred form follows (English for
 * `deep learning` in a Spanish entry): applying Spanish rules to English words wrote `decoderes models`. When the
 * number cannot be kept by a known rule, the preferred form is suggested as written and no fix is offered. Undefined
 * when there is no preferred form.
 */
export function resolveReplacement(
  flagged: string,
  flaggedLocale: Locale,
  preferred: readonly string[],
  locale: Locale,
  languageOf: (form: string) => Locale = () => locale,
): Replacement | undefined {
  // Shared words say which form is meant only between forms of one language: `attention implementation` shares
  // `attention` with the alias `scaled dot-product attention`, a different thing, and none with its translation.
  const first = closestPreferred(flagged, preferred, flaggedLocale === locale);
  if (first === undefined) return undefined;
  const wantPlural = isPluralPhrase(flagged, flaggedLocale);
  const language = languageOf(first);
  let chosen: string | undefined = first;
  if (wantPlural !== isPluralPhrase(first, language)) {
    const lower = (form: string | undefined): string | undefined => form?.toLowerCase();
    // A declared form of the wanted number wins over one built by rule: `preferred: cabecera, cabeceras`.
    const inflected = wantPlural ? pluralPhrase(first, language) : singularPhrase(first, language);
    const declared = preferred.find((form) => lower(form) === lower(inflected) && form !== first);
    chosen = declared ?? inflected;
  }
  const capital = (form: string): string => (startsUpper(flagged) && !startsUpper(form) ? capitalised(form) : form);
  if (chosen === undefined) {
    return {
      suggestion: capital(first),
      fix: undefined,
      why: { kind: 'number-unknown', number: wantPlural ? 'plural' : 'singular', form: first },
    };
  }
  return { suggestion: capital(chosen), fix: capital(chosen) };
}

/** The text of resolveReplacement's fix, or undefined when it offers none. */
export function replacementFor(
  flagged: string,
  flaggedLocale: Locale,
  preferred: readonly string[],
  locale: Locale,
  languageOf?: (form: string) => Locale,
): string | undefined {
  return resolveReplacement(flagged, flaggedLocale, preferred, locale, languageOf)?.fix;
}

/** A form's words, lowercased, with hyphens read as word breaks. */
function wordsOf(form: string): string[] {
  return form
    .toLowerCase()
    .split(/[\s\-\u2010\u2011]+/)
    .filter((word) => word !== '');
}

/**
 * The preferred form a flagged text is closest to: the one spelled the same but for spaces and hyphens
 * (`pre-entrenado` → `preentrenado`), else, when both are in one language (`byWords`), the one sharing the most words
 * with it (`modelo fine-tuned` → `modelo ajustado` rather than `preentrenado`), else the first, the most preferred.
 */
function closestPreferred(flagged: string, preferred: readonly string[], byWords: boolean): string | undefined {
  const words = wordsOf(flagged);
  const joined = words.join('');
  let best = preferred[0];
  let bestShared = 0;
  for (const form of preferred) {
    const formWords = wordsOf(form);
    if (formWords.join('') === joined) return form;
    const shared = formWords.filter((word) => words.includes(word)).length;
    if (byWords && shared > bestShared) {
      best = form;
      bestShared = shared;
    }
  }
  return best;
}

/** Spanish articles by their gender and number, and the contractions `del` and `al` (de el, a el). */
const SPANISH_ARTICLES: Readonly<Record<string, { gender: 'feminine' | 'masculine'; other: string }>> = {
  el: { gender: 'masculine', other: 'la' },
  la: { gender: 'feminine', other: 'el' },
  los: { gender: 'masculine', other: 'las' },
  las: { gender: 'feminine', other: 'los' },
  un: { gender: 'masculine', other: 'una' },
  una: { gender: 'feminine', other: 'un' },
  unos: { gender: 'masculine', other: 'unas' },
  unas: { gender: 'feminine', other: 'unos' },
  del: { gender: 'masculine', other: 'de la' },
  al: { gender: 'masculine', other: 'a la' },
};

type SpanishGender = 'feminine' | 'masculine';

/**
 * The gender the glossary's own Spanish prose gives each word it puts after an article (`El ajuste fino…`,
 * `los canales…`): where a noun's ending does not tell its gender (`ajuste`, `canal`), the way our translators wrote it
 * does. A word seen with articles of both genders gets none. The returned lookup reads a phrase's head noun, in the
 * number it is written in or the other.
 */
export function spanishGenderInProse(prose: Iterable<string>): (phrase: string) => SpanishGender | undefined {
  const seen = new Map<string, SpanishGender | null>();
  for (const text of prose) {
    for (const match of text.matchAll(/(?:^|[^\p{L}])(el|la|los|las|un|una|unos|unas|del|al)\s+(\p{L}+)/giu)) {
      const gender = SPANISH_ARTICLES[match[1]!.toLowerCase()]!.gender;
      const word = match[2]!.toLowerCase();
      const before = seen.get(word);
      seen.set(word, before === undefined || before === gender ? gender : null);
    }
  }
  return (phrase) => {
    const head = phrase.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    const other = singularPhrase(head, 'es') ?? pluralPhrase(head, 'es');
    // A head written with both genders decides nothing, not even through its other number.
    const own = seen.get(head);
    if (own !== undefined) return own ?? undefined;
    return (other === undefined ? undefined : seen.get(other)) ?? undefined;
  };
}

/** The article's case carried over to its replacement (`El` → `La`, `DEL` → `DE LA`). */
function sameCase(original: string, replacement: string): string {
  if (original === original.toUpperCase() && original.length > 1) return replacement.toUpperCase();
  return startsUpper(original) ? capitalised(replacement) : replacement;
}

/**
 * The fix of a Spanish flagged range [start, end) of `text` that an article directly precedes, so that article and
 * noun agree: `el pooling` → `la agrupación` (the fix then starts at the article, and so does the finding, so that a
 * fix still replaces exactly its finding's range), `el padding` → `el relleno` (the range alone). The article says the gender the sentence uses; the replacement's comes from its head noun
 * (`spanishGender`). When that is unknown (`ajuste fino`), no automatic fix is offered, and `why` says so: a fix must
 * not leave `el agrupación` behind. Other locales, and ranges no article precedes, keep the plain fix.
 */
export function agreeingFix(
  text: string,
  start: number,
  end: number,
  replacement: string,
  locale: Locale,
  usedGender: (phrase: string) => SpanishGender | undefined = () => undefined,
): { readonly fix?: TextFix; readonly why?: NoFixReason } {
  const plain = { fix: { start, end, newText: replacement } };
  if (locale.split('-')[0] !== 'es') return plain;
  const before = /(?:^|[^\p{L}\p{N}_])(\p{L}+)[ \u00a0]$/u.exec(text.slice(Math.max(0, start - 12), start));
  const article = before?.[1];
  const known = article === undefined ? undefined : SPANISH_ARTICLES[article.toLowerCase()];
  if (article === undefined || known === undefined) return plain;
  const gender = spanishGender(replacement) ?? usedGender(replacement);
  if (gender === undefined) {
    return { why: { kind: 'gender-unknown', form: replacement, article } };
  }
  if (gender === known.gender) return plain;
  const articleStart = start - 1 - article.length;
  // `de la agrupación` → `del relleno` would need the preposition too; rare enough to leave to the writer.
  if (
    known.other === 'el' &&
    /(?:^|[^\p{L}])(?:de|a)[ \u00a0]$/iu.test(text.slice(Math.max(0, articleStart - 4), articleStart))
  ) {
    return { why: { kind: 'article-contracts', article } };
  }
  return {
    fix: {
      start: articleStart,
      end,
      newText: `${sameCase(article, known.other)}${text.slice(start - 1, start)}${replacement}`,
    },
  };
}

/**
 * `text` with `fixes` applied. Fixes are applied from the end so that earlier offsets stay valid; a fix overlapping
 * one already applied is skipped (findings never overlap, so only a caller mixing two checks meets this).
 */
export function applyFixes(text: string, fixes: readonly TextFix[]): string {
  const ordered = [...fixes].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Infinity;
  for (const fix of ordered) {
    if (fix.end > limit || fix.start < 0 || fix.end > text.length || fix.start > fix.end) continue;
    result = result.slice(0, fix.start) + fix.newText + result.slice(fix.end);
    limit = fix.start;
  }
  return result;
}
