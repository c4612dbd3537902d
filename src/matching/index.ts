/**
 * The term matcher, the pure core's second half: built once from a term map, then asked for the term under a position
 * (hover) or for every term in a document (scan, "In This File", decorations). The rules are described in
 * docs/matching.md. Code outside this folder imports it through this file only.
 */
import type { TermMap } from '../glossary';
import type { MatchContext, TermMatch, TermMatcher, TermMatcherOptions } from './types';
import { GLOSSARY, findLinks, type LinkSpan } from './links';
import { Scanner } from './scanner';
import { FIND_TERM_AT_REACH, hasGlossaryWordIn, syncPointAtOrBefore } from './window';
import { buildTermIndex } from './termIndex';
import { markdownContextRanges } from './markdownContext';
import {
  clusterStartAtOrBefore,
  foldText,
  foldedIndexAfter,
  foldedIndexOf,
  needsFolding,
  originalRangeEnd,
  originalRangeStart,
  type FoldedText,
} from './fold';
import type { TermIndex } from './termIndex';

export type { MatchContext, TermMatch, TermMatcher, TermMatcherOptions } from './types';
export { foldKey, splitWords } from './words';
export {
  closesFence,
  contextAt,
  contextForFileName,
  contextForLanguage,
  fenceOpenedBy,
  markdownContextRanges,
} from './markdownContext';
export type { MatchContextRange } from './markdownContext';
export { rescanDocument, scanDocument } from './incremental';
export type { DocumentScan } from './incremental';

/**
 * How far before findTermAt's scan start a folded window reaches, so that the checks that look back from a word (a
 * marked position skips up to 256 spaces, a path or compound looks two units back) read the same text as in findAll.
 */
const FOLD_CONTEXT_BEFORE = 320;

/** The links of a window without a `glossary` word, shared because the scanner only reads them. */
const NO_LINKS: readonly LinkSpan[] = [];

export function createTermMatcher(termMap: TermMap, options: TermMatcherOptions = {}): TermMatcher {
  const index = buildTermIndex(termMap, options);
  const scanner = new Scanner(index);

  /** findAll on text that needs no folding (or was folded already): offsets are those of `text`. */
  const findAllIn = (text: string, context: MatchContext): TermMatch[] => {
    const links = findLinks(text, 0, text.length, index.anchors);
    const found: TermMatch[] = [];
    if (context === 'code') {
      scanner.scan(text, 0, text.length, 'code', links, found);
    } else {
      for (const range of markdownContextRanges(text)) {
        scanner.scan(text, range.start, range.end, range.context, links, found);
      }
    }
    return found;
  };

  return {
    findTermAt(lineText: string, offset: number, context: MatchContext): TermMatch | undefined {
      if (!(offset >= 0 && offset < lineText.length)) return undefined;
      const from = syncPointAtOrBefore(lineText, offset, index.continuedWords);
      const to = Math.min(lineText.length, offset + FIND_TERM_AT_REACH);
      const base = clusterStartAtOrBefore(lineText, from - FOLD_CONTEXT_BEFORE);
      if (needsFolding(lineText, base, to)) {
        return findTermAtFolded(scanner, index, lineText, offset, context, foldText(lineText, base, to), from);
      }
      // Code seldom links to the glossary: without a `glossary` word in the window there is no link to look for.
      const links = hasGlossaryWordIn(lineText, from, to - GLOSSARY.length)
        ? findLinks(lineText, from, to, index.anchors)
        : NO_LINKS;
      scanner.scan(lineText, from, to, context, links, undefined, offset);
      // The scan stops once it passes the offset, and matches do not overlap: only the last one can contain it.
      return scanner.output.lastMatchAt(lineText, offset);
    },

    findAll(text: string, context: MatchContext): TermMatch[] {
      try {
        // Latin text almost never needs folding, and then it is scanned as it is, at full speed.
        if (!needsFolding(text)) return findAllIn(text, context);
        const folded = foldText(text);
        return findAllIn(folded.text, context).map((match) => unfold(match, folded, text, scanner));
      } finally {
        scanner.output.forgetSpellings();
      }
    },
  };
}

/** A match in folded text, as the span of the original text it came from (its text shared by findAll's scanner). */
function unfold(match: TermMatch, folded: FoldedText, original: string, scanner?: Scanner): TermMatch {
  // Two numbers, not a pair: a document in Arabic unfolds every match, and the arrays were a fifth of its garbage.
  const start = originalRangeStart(folded, match.start);
  const end = originalRangeEnd(folded, match.end);
  const text = scanner !== undefined ? scanner.output.spellingOf(original, start, end) : original.slice(start, end);
  return { termId: match.termId, start, end, text, via: match.via };
}

/** findTermAt on a folded window of the line ([base, to) folded, the scan starting at the folded `from`). */
function findTermAtFolded(
  scanner: Scanner,
  index: TermIndex,
  lineText: string,
  offset: number,
  context: MatchContext,
  folded: FoldedText,
  from: number,
): TermMatch | undefined {
  const text = folded.text;
  const foldedFrom = foldedIndexOf(folded, from);
  // Every folded unit of the cluster holding `offset` maps back onto it: a match may start at any of them (a mark
  // after a space starts a word of its own), so the scan may only stop after the last one.
  const foldedOffset = Math.max(foldedIndexOf(folded, offset), foldedIndexAfter(folded, offset) - 1);
  const links = findLinks(text, foldedFrom, text.length, index.anchors);
  const found: TermMatch[] = [];
  scanner.scan(text, foldedFrom, text.length, context, links, found, foldedOffset);
  for (const match of found) {
    const unfolded = unfold(match, folded, lineText);
    if (unfolded.start <= offset && offset < unfolded.end) return unfolded;
  }
  return undefined;
}
