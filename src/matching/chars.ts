/**
 * Character classes, word keys and hashes shared by the index builder and the scanner.
 *
 * The scanner walks text one UTF-16 code unit at a time and must not allocate for the vast majority of words,
 * so everything here works on code units and small integer tables rather than on regular expressions.
 */

/** Not part of a word: spaces, punctuation, symbols, emoji. */
export const CLASS_NONE = 0;
/** Letters, digits and `_` of scripts that separate words with spaces (Latin, Greek, Cyrillic, Hangul, Arabic, ...). */
export const CLASS_SPACED = 1;
/** Han ideographs. Japanese and Chinese write words without spaces, so a change of script ends a word. */
export const CLASS_HAN = 2;
const CLASS_HIRAGANA = 3;
export const CLASS_KATAKANA = 4;
/** Combining marks continue whatever word they follow. */
export const CLASS_MARK = 5;

const classTable = new Uint8Array(0x10000);
/** The class table itself, for the scanner's inner loop, which reads ASCII classes without a function call. */
export const ASCII_CLASSES: Readonly<Uint8Array> = classTable;
const blockReady = new Uint8Array(0x100);

const wordPattern = /[\p{L}\p{N}]/u;
const markPattern = /\p{M}/u;
const hanPattern = /\p{Script=Han}/u;
const hiraganaPattern = /\p{Script=Hiragana}/u;
const katakanaPattern = /\p{Script=Katakana}/u;

function classifyCodePoint(codePoint: number): number {
  // The prolonged sound mark and the middle dot belong to no single script but only ever continue katakana words.
  if (codePoint === 0x30fc || codePoint === 0x30fb) return CLASS_KATAKANA;
  const ch = String.fromCodePoint(codePoint);
  if (markPattern.test(ch)) return CLASS_MARK;
  if (!wordPattern.test(ch)) return CLASS_NONE;
  if (hanPattern.test(ch)) return CLASS_HAN;
  if (hiraganaPattern.test(ch)) return CLASS_HIRAGANA;
  if (katakanaPattern.test(ch)) return CLASS_KATAKANA;
  return CLASS_SPACED;
}

// ASCII is filled eagerly because it is by far the most frequent; other blocks of 256 code points are classified
// the first time a character of that block is seen, which keeps start-up cost near zero.
for (let c = 0; c < 0x80; c++) {
  const isWord = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
  classTable[c] = isWord ? CLASS_SPACED : CLASS_NONE;
}

function fillBlock(block: number): void {
  const base = block << 8;
  // ASCII was filled eagerly with `_` as a word character, which the Unicode classes alone would not say.
  for (let c = Math.max(base, 0x80); c < base + 0x100; c++) {
    // Surrogates are classified per pair by classAt, never through the table.
    classTable[c] = c >= 0xd800 && c <= 0xdfff ? CLASS_NONE : classifyCodePoint(c);
  }
  blockReady[block] = 1;
}

/** The class of the BMP code unit `c` (surrogates report CLASS_NONE; use classAt for text). */
function classOfUnit(c: number): number {
  if (c < 0x80) return classTable[c]!;
  const block = c >> 8;
  if (blockReady[block] === 0) fillBlock(block);
  return classTable[c]!;
}

/**
 * The class of the character whose code unit stands at `index`. A surrogate pair is classified by its code point,
 * and both of its halves report the same class so that a word never ends between them.
 */
export function classAt(text: string, index: number): number {
  const c = text.charCodeAt(index);
  if (c < 0x80) return classTable[c]!;
  if (c >= 0xd800 && c <= 0xdfff) {
    const isHigh = c <= 0xdbff;
    const pairIndex = isHigh ? index : index - 1;
    const high = text.charCodeAt(pairIndex);
    const low = text.charCodeAt(pairIndex + 1);
    if (high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
      return classifyCodePoint(((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
    }
    return CLASS_NONE;
  }
  return classOfUnit(c);
}

/** Hyphens that join the words of a phrase (`self-attention`). */
export function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/** FNV-1a over UTF-16 code units: cheap to compute incrementally while the scanner walks a word. */
export const HASH_SEED = 0x811c9dc5 | 0;

export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** ASCII lowercasing of one code unit; other units are left alone (words containing them take the slow path). */
function asciiLower(unit: number): number {
  return unit >= 0x41 && unit <= 0x5a ? unit | 0x20 : unit;
}

export function hashOf(text: string, lower: boolean): number {
  let hash = HASH_SEED;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    hash = hashStep(hash, lower ? asciiLower(unit) : unit);
  }
  return hash;
}

export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** A space inside a line: space, tab or no-break space (what may separate the words of a phrase or indent a line). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0;
}
