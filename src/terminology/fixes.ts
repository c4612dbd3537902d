/**
 * The replacement a fix writes, and applying fixes to a text. A replacement is a preferred form of the term in the
 * document's locale, in the number of the flagged text (where the locale's rules in src/glossary/inflection.ts can
 * say it) and with its first letter capitalised when the flagged text's is (the start of a sentence or a heading).
 */
import type { Locale } from '../glossary';
import { isPluralPhrase, pluralPhrase, singularPhrase } from '../glossary';
import type { TextFix } from './types';

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

/**
 * The form that replaces `flagged` (read by the rules of `flaggedLocale`: English for an untranslated English term,
 * the document's locale for an avoided form) from `preferred`, the term's preferred forms in `locale`, most preferred
 * first. Undefined when there is no preferred form.
 */
export function replacementFor(
  flagged: string,
  flaggedLocale: Locale,
  preferred: readonly string[],
  locale: Locale,
): string | undefined {
  const first = closestPreferred(flagged, preferred);
  if (first === undefined) return undefined;
  const wantPlural = isPluralPhrase(flagged, flaggedLocale);
  let chosen = first;
  if (wantPlural !== isPluralPhrase(first, locale)) {
    const lower = (form: string | undefined): string | undefined => form?.toLowerCase();
    // A declared form of the wanted number wins over one built by rule: `preferred: cabecera, cabeceras`.
    const inflected = wantPlural ? pluralPhrase(first, locale) : singularPhrase(first, locale);
    const declared = preferred.find((form) => lower(form) === lower(inflected) && form !== first);
    chosen = declared ?? inflected ?? first;
  }
  return startsUpper(flagged) && !startsUpper(chosen) ? capitalised(chosen) : chosen;
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
 * (`pre-entrenado` → `preentrenado`), else the one sharing the most words with it (`modelo fine-tuned` → `modelo
 * ajustado` rather than `preentrenado`), else the first, which is the most preferred.
 */
function closestPreferred(flagged: string, preferred: readonly string[]): string | undefined {
  const words = wordsOf(flagged);
  const joined = words.join('');
  let best = preferred[0];
  let bestShared = 0;
  for (const form of preferred) {
    const formWords = wordsOf(form);
    if (formWords.join('') === joined) return form;
    const shared = formWords.filter((word) => words.includes(word)).length;
    if (shared > bestShared) {
      best = form;
      bestShared = shared;
    }
  }
  return best;
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
