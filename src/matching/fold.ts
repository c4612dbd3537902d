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
import { CLASS_MARK, classAt } from './chars';

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

/**
 * Whether the code unit at `index` continues the cluster before it: a combining mark, a low surrogate, a medial or
 * final Hangul jamo of a decomposed syllable, or a half-width voiced sound mark (`ｶﾞ` is one letter).
 */
function continuesCluster(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  if (c < 0x300) return false;
  if (c >= 0xdc00 && c <= 0xdfff) return true;
  if ((c >= 0x1160 && c <= 0x11ff) || (c >= 0xd7b0 && c <= 0xd7ff) || c === 0xff9e || c === 0xff9f) return true;
  return classAt(text, index) === CLASS_MARK;
}

/** Whether the unit `c` at `index` makes the text need folding (see the module comment). */
function unitNeedsFolding(text: string, index: number, c: number): boolean {
  if (c <= 0x36f) return true; // callers have already skipped everything below U+0300: this is a Latin combining mark
  if (isArabicIgnorable(c) || isWidthOrPresentationForm(c)) return true;
  // Decomposed Hangul (conjoining jamo) and CJK compatibility ideographs, which NFC maps to the unified ones.
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0xa960 && c <= 0xa97f) || (c >= 0xd7b0 && c <= 0xd7ff)) return true;
  if (c >= 0xf900 && c <= 0xfaff) return true;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return classAt(text, index) === CLASS_MARK;
}

/** Whether [from, to) of `text` contains anything folding would change. One pass; nothing below U+0300 is looked at twice. */
export function needsFolding(text: string, from = 0, to = text.length): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && unitNeedsFolding(text, i, c)) return true;
  }
  return false;
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
 * A folded copy of part of a text. `starts[k]` and `ends[k]` are the original span of the cluster that folded code
 * unit `k` came from (absolute offsets in the original text); a match [s, e) of the folded text is the original span
 * [starts[s], ends[e - 1]).
 */
export interface FoldedText {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** Folds [from, to) of `text`; `from` should be the start of a cluster (see clusterStartAtOrBefore). */
export function foldText(text: string, from = 0, to = text.length): FoldedText {
  const parts: string[] = [];
  // Folding never lengthens a cluster by more than NFKC's widest expansion of a presentation form (18 units for
  // U+FDFA); the arrays are sized for the common case and grown when needed.
  let starts = new Int32Array(to - from + 16);
  let ends = new Int32Array(to - from + 16);
  let length = 0;
  const ensure = (extra: number): void => {
    if (length + extra <= starts.length) return;
    const size = Math.max(starts.length * 2, length + extra);
    const grownStarts = new Int32Array(size);
    const grownEnds = new Int32Array(size);
    grownStarts.set(starts);
    grownEnds.set(ends);
    starts = grownStarts;
    ends = grownEnds;
  };
  let runStart = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    let clusterEnd = i + 1;
    while (clusterEnd < to && continuesCluster(text, clusterEnd)) clusterEnd++;
    let needs = false;
    for (let k = i; k < clusterEnd && !needs; k++) {
      const unit = k === i ? c : text.charCodeAt(k);
      if (unit >= 0x300 && unitNeedsFolding(text, k, unit)) needs = true;
    }
    if (!needs) {
      // Unchanged text maps unit to unit.
      ensure(clusterEnd - i);
      for (let k = i; k < clusterEnd; k++) {
        starts[length] = k;
        ends[length] = k + 1;
        length++;
      }
      i = clusterEnd;
      continue;
    }
    if (runStart < i) parts.push(text.slice(runStart, i));
    const folded = foldCluster(text.slice(i, clusterEnd));
    parts.push(folded);
    ensure(folded.length);
    for (let k = 0; k < folded.length; k++) {
      starts[length] = i;
      ends[length] = clusterEnd;
      length++;
    }
    i = clusterEnd;
    runStart = i;
  }
  if (runStart < to) parts.push(text.slice(runStart, to));
  return { text: parts.join(''), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** The folded spelling of a whole string (a glossary form, a search query): the same rule, without the offset map. */
export function foldString(text: string): string {
  return needsFolding(text) ? foldText(text).text : text;
}

/** The index of the first folded unit whose original span ends after `offset` (the unit covering it, or the next). */
export function foldedIndexOf(folded: FoldedText, offset: number): number {
  let low = 0;
  let high = folded.ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (folded.ends[middle]! <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The nearest cluster start at or before `index`, so that a window folds the same clusters as the whole text. */
export function clusterStartAtOrBefore(text: string, index: number): number {
  let at = Math.max(0, Math.min(index, text.length));
  while (at > 0 && at < text.length && continuesCluster(text, at)) at--;
  return at;
}
