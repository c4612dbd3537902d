/**
 * The limits that make findTermAt (one line, a bounded window) and findAll (the whole text) agree, all derived from
 * the surface form limit of the term map (MAX_SURFACE_FORM_LENGTH), so that the window and the matches cannot disagree.
 */
import { MAX_SURFACE_FORM_LENGTH } from '../glossary';
import { ASCII_CLASSES, CLASS_NONE, classAt, isHyphen, isSpace } from './chars';
import { GLOSSARY, MAX_LINK_LENGTH } from './links';

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
export function isMatchBoundary(text: string, index: number): boolean {
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
 * Where findTermAt starts scanning: the nearest position at or before `offset` where findAll's scan of the same
 * line is known to pass with nothing carried over. That is the line start, or the position after a unit no match can
 * cover (isMatchBoundary) that is no nearer than MAX_LINK_LENGTH to any `glossary` word (so no link covers it and
 * every link after it is read in full). Greedy left-to-right matching can carry a decision arbitrarily far (a
 * chain of overlapping phrases), which is why a fixed window before the offset would not do. In prose the nearest
 * such position is a few words back; on a line without punctuation this walks back to the line start, which costs
 * time linear in the line, never more.
 */
export function syncPointAtOrBefore(text: string, offset: number): number {
  // Most lines have no `glossary` word in reach: then no link can cover anything, and the sync point is right after
  // the nearest boundary before the offset, found in a few steps (the loop below would read the whole reach first).
  if (text.lastIndexOf(GLOSSARY, offset + MAX_LINK_LENGTH) === -1) {
    for (let j = Math.min(text.length, offset) - 1; j >= 0; j--) if (isMatchBoundary(text, j)) return j + 1;
    return 0;
  }
  let candidate = -1;
  let nearestLink = Infinity;
  for (let j = Math.min(text.length - 1, offset + MAX_LINK_LENGTH); j >= 0; j--) {
    if (text.charCodeAt(j) === 0x67 /* g */ && text.startsWith(GLOSSARY, j)) {
      nearestLink = j;
      if (candidate !== -1 && candidate - 1 - j <= MAX_LINK_LENGTH) candidate = -1;
    }
    if (candidate !== -1 && candidate - 1 - j > MAX_LINK_LENGTH) return candidate;
    if (candidate === -1 && j < offset && nearestLink - j > MAX_LINK_LENGTH && isMatchBoundary(text, j)) {
      candidate = j + 1;
    }
  }
  return candidate === -1 ? 0 : candidate;
}
