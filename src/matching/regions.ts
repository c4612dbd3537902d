/**
 * The scanner's comparisons and steps over regions of text, kept apart from its loop: whether a region is a key (as
 * written or folded), where the next word of a phrase starts, where a Korean particle begins, whether a word continues
 * a path or a compound, and which link comes next.
 */
import { CLASS_NONE, classAt, isHyphen, isSpace } from './chars';
import { arabicKeyStart, endsWithParticle, koreanParticleCandidates } from './affixes';
import { foldKey } from './words';

/** At most this many spaces may separate two words of a phrase. */
const MAX_PHRASE_SPACES = 3;

/**
 * Whether the text in [start, end) equals `key`; with `folded`, compared as foldKey would (ASCII letters
 * lowercased in place, other text through foldKey, which allocates but is rare).
 */
export function regionEquals(text: string, start: number, end: number, key: string, folded: boolean): boolean {
  if (!folded) {
    if (end - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (text.charCodeAt(start + i) !== key.charCodeAt(i)) return false;
    return true;
  }
  // Folding keeps the length of Latin text (`ó` and `o` are one unit each), so a length mismatch settles it; only an
  // Arabic word may differ in length from its key, by the article foldKey drops (the scanner folds marks beforehand).
  if (end - start !== key.length) {
    const first = text.charCodeAt(start);
    return first >= 0x0621 && first <= 0x064a && foldsTo(text, start, end, key);
  }
  for (let i = 0; i < key.length; i++) {
    let unit = text.charCodeAt(start + i);
    if (unit >= 0x80) return foldsTo(text, start, end, key);
    if (unit >= 0x41 && unit <= 0x5a) unit |= 0x20;
    if (unit !== key.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Whether [start, end) folds to `key` (foldKey), settled without making a string when the region is a word of Arabic
 * letters (tatweel aside) or of Hangul syllables: scripts without case, with nothing to fold, whose key is the word
 * itself or, for Arabic, the word without its article (arabicArticleless). Undefined for any other region, which is
 * left to foldKey. Phrases of these scripts compare every word this way, and the strings foldKey made for them were
 * most of what scanning Arabic and Korean allocated.
 */
function caselessFoldsTo(text: string, start: number, end: number, key: string): boolean | undefined {
  const first = text.charCodeAt(start);
  const arabic = first >= 0x0621 && first <= 0x064a;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (arabic ? c < 0x0621 || c > 0x064a || c === 0x0640 : c < 0xac00 || c > 0xd7a3) return undefined;
  }
  const keyStart = arabic ? arabicKeyStart(text, start, end) : start;
  if (end - keyStart !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (text.charCodeAt(keyStart + i) !== key.charCodeAt(i)) return false;
  return true;
}

/** Whether [start, end) folds to `key`, as foldKey says. */
function foldsTo(text: string, start: number, end: number, key: string): boolean {
  return caselessFoldsTo(text, start, end, key) ?? foldKey(text.slice(start, end)) === key;
}

/**
 * Whether the word at `start` continues a URL fragment, a path or a hyphenated compound (`glossary#input-ids`,
 * `docs/attention-mask`, `cross-attention mask`): a phrase never starts there, because the words before it change
 * what it names.
 */
export function continuesPathOrCompound(text: string, start: number): boolean {
  if (start === 0) return false;
  const before = text.charCodeAt(start - 1);
  if (before === 0x23 /* # */ || before === 0x2f /* / */) return true;
  return isHyphen(before) && start >= 2 && classAt(text, start - 2) !== CLASS_NONE;
}

/**
 * The index of the first span starting at or after `from` in spans sorted by start: a binary search, because findAll
 * looks up links for many ranges and an incremental rescan looks up the matches it keeps.
 */
export function firstStartingFrom(spans: readonly { readonly start: number }[], from: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle]!.start < from) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where the word [start, end) ends if it is `key` plus a Korean particle, the end of `key`; otherwise undefined. */
export function particleStemEnd(text: string, start: number, end: number, key: string): number | undefined {
  const particles = koreanParticleCandidates(text, end);
  for (let p = 0; p < particles.length; p++) {
    const particle = particles[p]!;
    const stemEnd = end - particle.length;
    if (endsWithParticle(text, start, end, particle) && regionEquals(text, start, stemEnd, key, true)) return stemEnd;
  }
  return undefined;
}

/** Where the next word of a phrase starts after a word ending at `at`, if the gap is one a phrase allows. */
export function skipPhraseGap(text: string, at: number, to: number): number | undefined {
  if (at >= to) return undefined;
  const c = text.charCodeAt(at);
  let next: number;
  if (isHyphen(c)) {
    next = at + 1;
  } else {
    next = at;
    while (next < to && next - at <= MAX_PHRASE_SPACES && isSpace(text.charCodeAt(next))) next++;
    if (next === at || next - at > MAX_PHRASE_SPACES) return undefined;
  }
  if (next >= to || classAt(text, next) === CLASS_NONE) return undefined;
  return next;
}
