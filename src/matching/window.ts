/**
 * The limits that make findTermAt (one line, a bounded window) and findAll (the whole text) agree, all derived from
 * the surface form limit of the term map (MAX_SURFACE_FORM_LENGTH), so that the window and the matches cannot disagree.
 */
import { MAX_SURFACE_FORM_LENGTH } from '../glossary';
import { ASCII_CLASSES, CLASS_NONE, CLASS_SPACED, classAt, isHyphen, isSpace } from './chars';
import { unitNeedsFolding } from './fold';
import { GLOSSARY, MAX_LINK_LENGTH } from './links';
import { foldKey } from './words';

/**
 * The longest text a word or phrase match covers. An ASCII phrase matches text of its own length except that each
 * one-space gap may widen to three spaces: twice the form limit covers that. Folded non-ASCII words may be longer than
 * their key (decomposed accents); the scanner matches no phrase longer than this, so the bound holds for every term map.
 */
export const MAX_MATCH_LENGTH = 2 * MAX_SURFACE_FORM_LENGTH;

/**
 * Whether no word or phrase match can cover the code unit at `index`: it is no word character, no space a phrase
 * may span, no hyphen, not half of a surrogate pair (the scanner steps over pairs whole), and no character that
 * folding changes into another.
 */
function isMatchBoundary(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  // ASCII, nearly every unit a hover walks over: no word unit, no space a phrase may span, no hyphen.
  if (c < 0x80) return ASCII_CLASSES[c] === CLASS_NONE && c !== 0x20 && c !== 0x09 && c !== 0x2d;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  // Full-width and presentation forms fold to other characters (`＿` to `_`, fold.ts): never a boundary, to be safe.
  if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe) || (c >= 0xff00 && c <= 0xffef)) return false;
  return !isSpace(c) && !isHyphen(c) && classAt(text, index) === CLASS_NONE;
}

/**
 * How far past the offset findTermAt reads: a match containing the offset starts at or before it and covers at
 * most MAX_MATCH_LENGTH units, and the links after it that could end a phrase early cover at most MAX_LINK_LENGTH.
 * Both limits derive from the surface form limit of the term map, so the window and the matches cannot disagree.
 */
export const FIND_TERM_AT_REACH = MAX_MATCH_LENGTH + MAX_LINK_LENGTH + 1;

/**
 * How many word units in a row certify a sync point inside them: more than any match can cover (MAX_MATCH_LENGTH),
 * plus one for the unit folding may merge with a mark after the run.
 */
export const LONG_WORD_RUN = MAX_MATCH_LENGTH + 2;

/**
 * Whether the unit at `index` is a letter, digit or `_` of a script written with spaces (a Latin, Arabic or Hangul
 * letter: never Han or kana, never a mark, never half of a surrogate pair) that folding leaves as it is.
 */
function isLongWordUnit(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c < 0x80) return ASCII_CLASSES[c] === CLASS_SPACED;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return !unitNeedsFolding(c) && classAt(text, index) === CLASS_SPACED;
}

/** Whether a `glossary` word starts anywhere in [from, to] of `text` (clamped), reading no more than that range. */
export function hasGlossaryWordIn(text: string, from: number, to: number): boolean {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to + GLOSSARY.length);
  if (end - start < GLOSSARY.length) return false;
  // On a short line one search of the line is cheapest; on a long one a search of a slice (a view, not a copy)
  // keeps the work bounded by the range instead of the line.
  if (text.length - start <= 4 * MAX_LINK_LENGTH) {
    const found = text.indexOf(GLOSSARY, start);
    return found !== -1 && found <= to;
  }
  return text.slice(start, end).indexOf(GLOSSARY) !== -1;
}

/** What an ASCII unit is to syncPointAtOrBefore, read from one table in its loop (isMatchBoundary, isLongWordUnit). */
const BOUNDARY = 0;
const LONG_WORD = 1;
const OTHER = 2;
const ASCII_SYNC_KINDS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++) {
  const probe = String.fromCharCode(c);
  ASCII_SYNC_KINDS[c] = isMatchBoundary(probe, 0) ? BOUNDARY : isLongWordUnit(probe, 0) ? LONG_WORD : OTHER;
}

/** The widest run of spaces and tabs between w1 and w2 that followsEndingWord reads (prose has one or two). */
const MAX_SYNC_GAP = 16;

function isSpaceOrTab(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** Whether `c` is an ASCII letter or digit (not `_`, which joins identifier segments). */
function isAsciiAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Whether `at` starts a word that follows a word no match can continue past (the third kind of sync point of
 * syncPointAtOrBefore): the unit at `at` is an ASCII letter or digit, and before it come ASCII spaces or tabs, then a
 * word w1 of ASCII letters and digits after an ASCII unit that is no word unit (or the line start), with w1's key not
 * in `continuedWords`. Anything else answers false, and the older rules decide.
 */
function followsEndingWord(text: string, at: number, continuedWords: ReadonlySet<string>): boolean {
  if (!isAsciiAlphanumeric(text.charCodeAt(at))) return false;
  let j = at - 1;
  while (j >= 0 && isSpaceOrTab(text.charCodeAt(j))) j--;
  const end = j + 1;
  // A short gap keeps w1 within MAX_LINK_LENGTH of `at`, so that the caller's search for `glossary` words also finds
  // any link that could end inside w1 (findAll would go on from there, not from w1's start).
  if (end === at || at - end > MAX_SYNC_GAP) return false;
  // A word longer than any form is no key either, but reading it whole would make this step as long as the word.
  while (j >= 0 && isAsciiAlphanumeric(text.charCodeAt(j))) {
    if (end - j > MAX_SURFACE_FORM_LENGTH) return false;
    j--;
  }
  if (j + 1 === end) return false;
  if (j >= 0) {
    const before = text.charCodeAt(j);
    if (before >= 0x80 || ASCII_CLASSES[before] !== CLASS_NONE) return false;
  }
  return !continuedWords.has(foldKey(text.slice(j + 1, end)));
}

/**
 * Where findTermAt starts scanning: a position at or before `offset` where findAll's scan of the same line is known
 * to pass with nothing carried over, no nearer than MAX_LINK_LENGTH to any `glossary` word (so no link covers it and
 * every link after it is read in full). Three kinds of position qualify:
 *
 * - the line start, or the position after a unit no match can cover (isMatchBoundary): findAll's scan steps onto it;
 * - a position inside a run of LONG_WORD_RUN word units of a spaced script (isLongWordUnit), after its first unit.
 *   Such a run belongs to one word longer than any match (a phrase's words are whole words, a CJK form ends where a
 *   Latin word ends, a word longer than MAX_WORD_LENGTH is never looked up), so no match covers any of its units;
 *   findAll walks the whole word and goes on at its end, and a scan started inside it skips to the same end;
 * - with `continuedWords` (the index's, see TermIndex), the start of a word w2 after up to MAX_SYNC_GAP ASCII spaces
 *   or tabs and a word w1 of ASCII letters and digits that follows an ASCII unit of no word (or the line start), where
 *   w1's fold key is not in the set (followsEndingWord). Only a phrase or a CJK form can cover the spaces before w2
 *   (links are kept away by the rule above; every other match ends with its word). A phrase reads whole words after
 *   single gaps, so one covering w2's start has w1 as a word before its last, matched by its ASCII-lowercased key; a
 *   CJK form holds w1 as a run of letters and digits. The set holds both, so findAll's scan passes w1, then each space,
 *   onto w2.
 *
 * Greedy left-to-right matching can carry a decision arbitrarily far (a chain of overlapping phrases), which is why a
 * fixed window before the offset would not do. In prose the nearest boundary is a few words back; on a line of one
 * long word (minified or encoded data) the second kind is found within LONG_WORD_RUN units; on a line of short
 * words with spaces and no punctuation the third kind is a word or two back. Only a line whose words all may continue
 * a match, or are not plain ASCII, is walked back to its start.
 */
export function syncPointAtOrBefore(text: string, offset: number, continuedWords?: ReadonlySet<string>): number {
  // Most lines have no `glossary` word near the nearest sync point: then it is found in a few steps back from the
  // offset (the loop below reads forward of the offset first, for the links after it).
  let run = 0;
  for (let j = Math.min(text.length, offset) - 1; j >= 0; j--) {
    const c = text.charCodeAt(j);
    const kind = c < 0x80 ? ASCII_SYNC_KINDS[c]! : isMatchBoundary(text, j) ? BOUNDARY : OTHER;
    if (kind === BOUNDARY) {
      if (!hasGlossaryWordIn(text, j - MAX_LINK_LENGTH, j + MAX_LINK_LENGTH)) return j + 1;
      break;
    }
    run = kind === LONG_WORD || (c >= 0x80 && isLongWordUnit(text, j)) ? run + 1 : 0;
    if (run === LONG_WORD_RUN) {
      if (!hasGlossaryWordIn(text, j - MAX_LINK_LENGTH, j + MAX_LINK_LENGTH)) return j + 1;
      break;
    }
    if (isSpaceOrTab(c) && continuedWords !== undefined && followsEndingWord(text, j + 1, continuedWords)) {
      if (!hasGlossaryWordIn(text, j - MAX_LINK_LENGTH, j + MAX_LINK_LENGTH)) return j + 1;
      break;
    }
    if (j === 0) return 0;
  }
  if (offset <= 0) return 0;
  let candidate = -1;
  let nearestLink = Infinity;
  run = 0;
  for (let j = Math.min(text.length - 1, offset + MAX_LINK_LENGTH); j >= 0; j--) {
    if (text.charCodeAt(j) === 0x67 /* g */ && text.startsWith(GLOSSARY, j)) {
      nearestLink = j;
      if (candidate !== -1 && candidate - 1 - j <= MAX_LINK_LENGTH) candidate = -1;
    }
    if (candidate !== -1 && candidate - 1 - j > MAX_LINK_LENGTH) return candidate;
    // A run counts only the units before the offset: the sync point must be at or before it.
    run = j < offset && isLongWordUnit(text, j) ? run + 1 : 0;
    if (
      candidate === -1 &&
      j < offset &&
      nearestLink - j > MAX_LINK_LENGTH &&
      (isMatchBoundary(text, j) ||
        run >= LONG_WORD_RUN ||
        (continuedWords !== undefined &&
          isSpaceOrTab(text.charCodeAt(j)) &&
          followsEndingWord(text, j + 1, continuedWords)))
    ) {
      candidate = j + 1;
    }
  }
  return candidate === -1 ? 0 : candidate;
}
