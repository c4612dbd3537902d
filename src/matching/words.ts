/**
 * Words, defined once for the matcher's index, its scanner and every face that compares names: where a word starts
 * and ends (the tokenizer), how far one character reaches in UTF-16, the key a word is compared by regardless of case
 * and accents, and whether a form is shaped like an identifier. The scanner's inner loop walks words inline for
 * speed, with the same classes and the same rules as wordEnd.
 */
import { CLASS_MARK, CLASS_NONE, CLASS_SPACED, classAt, isAscii } from './chars';
import { arabicArticleless } from './affixes';
import { foldString } from './fold';

/** The number of UTF-16 code units of the character at `index`: 2 for a surrogate pair, 1 otherwise. */
export function unitLength(text: string, index: number): number {
  const c = text.charCodeAt(index);
  return c >= 0xd800 && c <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

/** Whether a word continues from `index - 1` into `index` (both are word characters of the same run). */
export function isInsideWord(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const here = classAt(text, index);
  if (here === CLASS_NONE) return false;
  const before = classAt(text, index - 1);
  if (before === CLASS_NONE) return false;
  return here === CLASS_MARK || before === CLASS_MARK || here === before;
}

/** The end of the word starting at `start` (a word character), never past `to`. */
export function wordEnd(text: string, start: number, to: number): number {
  const first = classAt(text, start);
  const runClass = first === CLASS_MARK ? CLASS_SPACED : first;
  let i = start + unitLength(text, start);
  while (i < to) {
    const cls = classAt(text, i);
    if (cls === CLASS_NONE || (cls !== CLASS_MARK && cls !== runClass)) break;
    i += unitLength(text, i);
  }
  return Math.min(i, to);
}

/**
 * One word of a text, found by the tokenizer the scanner uses, so that a glossary form and a document agree on where
 * words start and end. `gapBefore` is the text between this word and the previous one.
 */
export interface Word {
  readonly text: string;
  readonly gapBefore: string;
}

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  let previousEnd = 0;
  while (i < text.length) {
    if (classAt(text, i) === CLASS_NONE) {
      i++;
      continue;
    }
    const start = i;
    i = wordEnd(text, start, text.length);
    words.push({ text: text.slice(start, i), gapBefore: text.slice(previousEnd, start) });
    previousEnd = i;
  }
  return words;
}

const latinWithDiacritics = /[\u00c0-\u024f\u1e00-\u1eff]/;
const combiningDiacritics = /[\u0300-\u036f]/g;

/**
 * The key a word is looked up by in case-insensitive indexes: lowercased, folded (fold.ts: NFC/NFD, full and half
 * width, Arabic tashkeel and tatweel), for Latin letters with diacritics folded to the base letter, so that `atencion`
 * finds `atención`, and for Arabic words without the article, so that `انتباه` finds `الانتباه`. Latin diacritics are
 * the only marks removed, because decomposing Hangul or kana would change what a reader sees as one letter. Search
 * ranking and the command line's lookup compare names with it too.
 */
export function foldKey(word: string): string {
  let lower = word.toLowerCase();
  if (isAscii(lower)) return lower;
  lower = foldString(lower);
  if (arabicLetter.test(lower)) {
    lower = lower.includes(' ') ? lower.split(' ').map(arabicArticleless).join(' ') : arabicArticleless(lower);
  }
  if (!latinWithDiacritics.test(lower)) return lower;
  return lower.normalize('NFD').replace(combiningDiacritics, '').normalize('NFC');
}

const arabicLetter = /[\u0621-\u064a]/;

/**
 * Whether `word` is shaped like a Python identifier (ASCII letters, digits and `_`, not starting with a digit), which
 * decides how the index treats a form. Keywords pass: this is about shape, unlike the compiler's isPythonName, which
 * asks whether a name can be a variable. (The Transformers API never uses other letters in names.)
 */
export function isIdentifierWord(word: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(word);
}
