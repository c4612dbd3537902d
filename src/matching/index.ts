/**
 * The term matcher, the pure core's second half: built once from a term map, then asked for the term under a position
 * (hover) or for every term in a document (scan, "In This File", decorations). The rules are described in
 * docs/matching.md. Code outside this folder imports it through this file only.
 */
import type { TermMap } from '../glossary';
import type { MatchContext, TermMatch, TermMatcher, TermMatcherOptions } from './types';
import { findLinks } from './links';
import { Scanner } from './scanner';
import { FIND_TERM_AT_REACH, syncPointAtOrBefore } from './window';
import { buildTermIndex } from './termIndex';
import { markdownContextRanges } from './markdownContext';

export type { MatchContext, TermMatch, TermMatcher, TermMatcherOptions } from './types';
export { foldKey, isIdentifierWord, splitWords } from './words';
export { contextAt, contextForFileName, contextForLanguage, markdownContextRanges } from './markdownContext';
export type { MatchContextRange } from './markdownContext';
export type { Word } from './words';
export { rescanDocument, scanDocument } from './incremental';
export type { DocumentScan } from './incremental';

export function createTermMatcher(termMap: TermMap, options: TermMatcherOptions = {}): TermMatcher {
  const index = buildTermIndex(termMap, options);
  const scanner = new Scanner(index);

  return {
    findTermAt(lineText: string, offset: number, context: MatchContext): TermMatch | undefined {
      if (!(offset >= 0 && offset < lineText.length)) return undefined;
      const from = syncPointAtOrBefore(lineText, offset);
      const to = Math.min(lineText.length, offset + FIND_TERM_AT_REACH);
      const links = findLinks(lineText, from, to, index.anchors);
      const found: TermMatch[] = [];
      scanner.scan(lineText, from, to, context, links, found, offset);
      for (const match of found) if (match.start <= offset && offset < match.end) return match;
      return undefined;
    },

    findAll(text: string, context: MatchContext): TermMatch[] {
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
    },
  };
}
