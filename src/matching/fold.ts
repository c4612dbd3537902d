/**
 * Folding, the one place where two spellings of the same text are made equal before matching: NFC and NFD spellings,
 * full-width and half-width forms (NFKC, limited to the width blocks and Arabic presentation forms), and Arabic
 * tashkeel and tatweel, which are dropped. The matcher folds a document into a new string and keeps, for every code
 * unit of that string, the span of the original text it came from, so that every range it reports is an exact UTF-16
 * span of the text as written. Folding works cluster by cluster (a character and the marks that follow it), so a
 * range never splits a surrogate pair or a combining sequence.
 *
 * Pure ASCII text and ordinary Latin text never need folding; needsFolding answers that in one cheap pass, and the
 * matcher skips all of this for them.
 */
import { CLASS_MARK, CLASS_NONE, classAt } from './chars';

/** Tashkeel (Arabic diacritics: harakat, tanween, shadda, sukun, superscript alef, Quranic marks) and tatweel. */
function isArabicIgnorable(c: number): boolean {
  return (
    c === 0x0640 ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    c === 0x06e7 ||
    c === 0x06e8 ||
    (c >= 0x06ea && c <= 0x06ed)
  );
}

/** Blocks whose characters NFKC maps to their ordinary form: full-width ASCII, half-width kana, Arabic presentation forms. */
function isWidthOrPresentationForm(c: number): boolean {
  return (c >= 0xff00 && c <= 0xffef) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe);
}

/** Bits of the per-unit table: the unit makes a text need folding; the unit continues the cluster before it. */
const NEEDS_FOLDING = 1;
const CONTINUES = 2;
const unitTable = new Uint8Array(0x10000);
const blockReady = new Uint8Array(0x100);

/** The table bits of a BMP code unit, computed once per block of 256 units the first time one of them is seen. */
function unitBits(c: number): number {
  const block = c >> 8;
  if (blockReady[block] === 0) {
    for (let u = block << 8; u < (block + 1) << 8; u++) unitTable[u] = classifyUnit(u);
    blockReady[block] = 1;
  }
  return unitTable[c]!;
}

function classifyUnit(c: number): number {
  // Surrogates: a low surrogate continues its pair; astral characters themselves are never folded.
  if (c >= 0xd800 && c <= 0xdfff) return c >= 0xdc00 ? CONTINUES : 0;
  if (c < 0x300) return 0;
  const isMark = classAt(String.fromCharCode(c), 0) === CLASS_MARK;
  let bits = 0;
  // Marks (combining accents, tashkeel), tatweel, the width blocks and Arabic presentation forms, decomposed Hangul
  // (conjoining jamo) and CJK compatibility ideographs, which NFC maps to the unified ones.
  if (
    isMark ||
    isArabicIgnorable(c) ||
    isWidthOrPresentationForm(c) ||
    (c >= 0x1100 && c <= 0x11ff) ||
    (c >= 0xa960 && c <= 0xa97f) ||
    (c >= 0xd7b0 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfaff)
  ) {
    bits |= NEEDS_FOLDING;
  }
  // A combining mark, a medial or final jamo of a decomposed syllable, a half-width voiced sound mark (`ｶﾞ` is one letter).
  if (isMark || (c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff) || c === 0xff9e || c === 0xff9f) {
    bits |= CONTINUES;
  }
  return bits;
}

/** Whether the code unit `c` (not a surrogate) makes a text need folding: a mark, a width form, tashkeel… */
export function unitNeedsFolding(c: number): boolean {
  return c >= 0x300 && (unitBits(c) & NEEDS_FOLDING) !== 0;
}

/** Whether the code unit at `index` continues the cluster before it. */
function continuesCluster(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 0x300 && (unitBits(c) & CONTINUES) !== 0;
}

/**
 * The end of the cluster starting at `start`: a surrogate pair stays whole, and the marks (and other continuing units)
 * after it join it only when it is a word character. Marks after a space, punctuation or a line break start a
 * cluster of their own, so that a range never reaches back over a line break or into the end of another match (a
 * link's closing parenthesis).
 */
function clusterEnd(text: string, start: number, to: number): number {
  const c = text.charCodeAt(start);
  let end = start + 1;
  if (c >= 0xd800 && c <= 0xdbff && end < to) {
    const low = text.charCodeAt(end);
    if (low >= 0xdc00 && low <= 0xdfff) end++;
  }
  if (end < to && continuesCluster(text, end) && classAt(text, start) !== CLASS_NONE) {
    while (end < to && continuesCluster(text, end)) end++;
  }
  return end;
}

/** The first unit at or above U+0300, found by V8's regex engine far faster than a loop of charCodeAt in JavaScript. */
const FOLDABLE_CANDIDATE = /[\u0300-\uffff]/g;

/**
 * How far past `from` the regex search may read to settle a window. On a one-byte string (all units below U+0100:
 * code and English docs) V8 answers at once without reading it; on another string it reads up to the first unit at or
 * above U+0300, which on a long line may lie far past the window.
 */
const REGEX_READ_LIMIT = 4096;

/** Whether [from, to) of `text` contains anything folding would change. One pass; nothing below U+0300 is looked up. */
export function needsFolding(text: string, from = 0, to = text.length): boolean {
  // Most text (code, English docs) has no unit at or above U+0300 at all: one regex search settles it (`test` with
  // the `g` flag says where it stopped in lastIndex and allocates nothing). It may read on to the end of the text,
  // so a window of a long line is read by the loop instead, which stops at its end.
  let first = from;
  if (to === text.length || text.length - from <= REGEX_READ_LIMIT) {
    FOLDABLE_CANDIDATE.lastIndex = from;
    if (!FOLDABLE_CANDIDATE.test(text)) return false;
    first = FOLDABLE_CANDIDATE.lastIndex - 1;
  }
  for (let i = first; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (unitBits(c) & NEEDS_FOLDING) !== 0) return true;
  }
  return false;
}

/**
 * Whether the cluster [start, end) folds to its first unit alone: an Arabic letter followed only by tashkeel that
 * composes with nothing (all of it but madda and hamza above and below, U+0653–U+0655). NFC leaves such a letter as it
 * is (its own decomposition recomposes across marks of a higher class) and the marks are dropped, so foldCluster
 * would return the letter; this settles the commonest cluster of Arabic text without normalizing strings.
 */
function foldsToFirstUnit(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x0621 || c > 0x064a || c === 0x0640 || end === start + 1) return false;
  for (let k = start + 1; k < end; k++) {
    const mark = text.charCodeAt(k);
    if (!isArabicIgnorable(mark) || (mark >= 0x0653 && mark <= 0x0655)) return false;
  }
  return true;
}

/** The folded spelling of one cluster. */
function foldCluster(cluster: string): string {
  const first = cluster.charCodeAt(0);
  let folded = isWidthOrPresentationForm(first) ? cluster.normalize('NFKC') : cluster.normalize('NFC');
  let kept = '';
  let changed = false;
  for (let k = 0; k < folded.length; k++) {
    if (isArabicIgnorable(folded.charCodeAt(k))) changed = true;
    else kept += folded[k];
  }
  if (changed) folded = kept;
  return folded;
}

/**
 * A folded copy of [from, to) of a text. Only the clusters folding changed are listed (most of a text is copied as it
 * is): changed cluster `n` came from the original [originalStarts[n], originalEnds[n]) and became the folded
 * [foldedStarts[n], foldedEnds[n]) (empty for a tatweel). Between them, folded and original units correspond one to one.
 */
export interface FoldedText {
  readonly text: string;
  readonly from: number;
  readonly foldedStarts: readonly number[];
  readonly foldedEnds: readonly number[];
  readonly originalStarts: readonly number[];
  readonly originalEnds: readonly number[];
}

/** Folds [from, to) of `text`; `from` should be the start of a cluster (see clusterStartAtOrBefore). */
export function foldText(text: string, from = 0, to = text.length): FoldedText {
  const parts: string[] = [];
  const foldedStarts: number[] = [];
  const foldedEnds: number[] = [];
  const originalStarts: number[] = [];
  const originalEnds: number[] = [];
  let foldedLength = 0;
  let runStart = from;
  let i = from;
  while (i < to) {
    const end = clusterEnd(text, i, to);
    let needs = false;
    for (let k = i; k < end && !needs; k++) {
      const unit = text.charCodeAt(k);
      if (unit >= 0x300 && (unitBits(unit) & NEEDS_FOLDING) !== 0) needs = true;
    }
    if (needs && foldsToFirstUnit(text, i, end)) {
      // The letter stays in the run copied as it is; only its marks go.
      foldedStarts.push(foldedLength + i - runStart);
      foldedEnds.push(foldedLength + i + 1 - runStart);
      originalStarts.push(i);
      originalEnds.push(end);
      parts.push(text.slice(runStart, i + 1));
      foldedLength += i + 1 - runStart;
      runStart = end;
    } else if (needs) {
      if (runStart < i) {
        parts.push(text.slice(runStart, i));
        foldedLength += i - runStart;
      }
      const folded = foldCluster(text.slice(i, end));
      parts.push(folded);
      foldedStarts.push(foldedLength);
      foldedLength += folded.length;
      foldedEnds.push(foldedLength);
      originalStarts.push(i);
      originalEnds.push(end);
      runStart = end;
    }
    i = end;
  }
  if (runStart < to) parts.push(text.slice(runStart, to));
  return { text: parts.join(''), from, foldedStarts, foldedEnds, originalStarts, originalEnds };
}

/** The last index n of the sorted `values` with values[n] <= `at`, or -1. */
function lastAtOrBefore(values: readonly number[], at: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! <= at) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** Where the original span of folded code unit `k` starts. */
function originalStartOf(folded: FoldedText, k: number): number {
  const n = lastAtOrBefore(folded.foldedStarts, k);
  if (n < 0) return folded.from + k;
  if (k < folded.foldedEnds[n]!) return folded.originalStarts[n]!;
  return folded.originalEnds[n]! + (k - folded.foldedEnds[n]!);
}

/** Where the original span of folded code unit `k` ends. */
function originalEndOf(folded: FoldedText, k: number): number {
  const n = lastAtOrBefore(folded.foldedStarts, k);
  if (n < 0) return folded.from + k + 1;
  if (k < folded.foldedEnds[n]!) return folded.originalEnds[n]!;
  return folded.originalEnds[n]! + (k - folded.foldedEnds[n]!) + 1;
}

/** Where the original span of the folded range [start, end) (not empty) starts: its first unit's start. */
export function originalRangeStart(folded: FoldedText, start: number): number {
  return originalStartOf(folded, start);
}

/** Where the original span of the folded range [start, end) (not empty) ends: its last unit's end. */
export function originalRangeEnd(folded: FoldedText, end: number): number {
  return originalEndOf(folded, end - 1);
}

/** The folded spelling of a whole string (a glossary form, a search query): the same rule, without the offset map. */
export function foldString(text: string): string {
  return needsFolding(text) ? foldText(text).text : text;
}

/** The index of the first folded unit whose original span ends after `offset` (the unit covering it, or the next). */
export function foldedIndexOf(folded: FoldedText, offset: number): number {
  const n = lastAtOrBefore(folded.originalStarts, offset);
  if (n < 0) return offset - folded.from;
  if (offset < folded.originalEnds[n]!) return folded.foldedStarts[n]!;
  return folded.foldedEnds[n]! + (offset - folded.originalEnds[n]!);
}

/** The index of the first folded unit whose original span starts after `offset` (past every unit covering it). */
export function foldedIndexAfter(folded: FoldedText, offset: number): number {
  const n = lastAtOrBefore(folded.originalStarts, offset);
  if (n < 0) return offset - folded.from + 1;
  if (offset < folded.originalEnds[n]!) return folded.foldedEnds[n]!;
  return folded.foldedEnds[n]! + (offset - folded.originalEnds[n]!) + 1;
}

/** The nearest cluster start at or before `index`, so that a window folds the same clusters as the whole text. */
export function clusterStartAtOrBefore(text: string, index: number): number {
  const at = Math.max(0, Math.min(index, text.length));
  let base = at;
  while (base > 0 && base < text.length && continuesCluster(text, base)) base--;
  // Walk forward again by clusters from the nearest unit that starts one, as foldText does, to the one holding `at`.
  let start = base;
  while (start < at) {
    const end = clusterEnd(text, start, text.length);
    if (end > at) break;
    start = end;
  }
  return start;
}
