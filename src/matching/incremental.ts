/**
 * Rescanning a document after an edit without scanning all of it again, with exactly the matches a full `findAll`
 * gives. It rests on one property of the matcher (docs/matching.md): every match lies within one line and depends
 * only on that line's text and context, because phrases, links and marked positions never reach past a line end.
 * So only the lines an edit touched are scanned again, plus, in Markdown, the lines whose context (prose, or a fenced
 * Python block) the edit changed; the matches before them are kept and the ones after them shifted.
 */
import { markdownContextRanges, type MatchContextRange } from './markdownContext';
import { firstStartingFrom } from './regions';
import type { MatchContext, TermMatch, TermMatcher } from './types';

/** One scan of a document: what a later rescan of its next version starts from. */
export interface DocumentScan {
  readonly text: string;
  readonly context: MatchContext;
  readonly matches: readonly TermMatch[];
  /** The Markdown context ranges of `text` (prose documents only). */
  readonly ranges: readonly MatchContextRange[] | undefined;
}

/** Scans all of `text`, as findAll does, keeping what a rescan needs. */
export function scanDocument(matcher: TermMatcher, text: string, context: MatchContext): DocumentScan {
  return {
    text,
    context,
    matches: matcher.findAll(text, context),
    ranges: context === 'prose' ? markdownContextRanges(text) : undefined,
  };
}

const isLineEnd = (c: number): boolean => c === 0x0a || c === 0x0d;

/** The start of the line containing `at`. */
function lineStartOf(text: string, at: number): number {
  let start = Math.min(at, text.length);
  while (start > 0 && !isLineEnd(text.charCodeAt(start - 1))) start--;
  return start;
}

/** The start of the line after the one containing `at` (a `\r\n` counts as one line end), or the text's length. */
function nextLineStart(text: string, at: number): number {
  let end = at;
  while (end < text.length && !isLineEnd(text.charCodeAt(end))) end++;
  if (end >= text.length) return text.length;
  return text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? end + 2 : end + 1;
}

/** The context of `at` in contiguous ranges that cover the text. */
function contextOf(ranges: readonly MatchContextRange[], at: number): MatchContext {
  let low = 0;
  let high = ranges.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (ranges[middle]!.start <= at) low = middle;
    else high = middle - 1;
  }
  return ranges[low]?.context ?? 'prose';
}

/**
 * The end of the last stretch at or after `from` where the new ranges and the old ones (shifted by `delta`) give a
 * different context, or `from` when they agree everywhere after it.
 */
function lastContextDifference(
  next: readonly MatchContextRange[],
  previous: readonly MatchContextRange[],
  delta: number,
  from: number,
  length: number,
): number {
  const breaks = new Set<number>([from]);
  for (const range of next) if (range.start > from) breaks.add(range.start);
  for (const range of previous) if (range.start + delta > from) breaks.add(range.start + delta);
  const points = [...breaks].filter((at) => at < length).sort((a, b) => a - b);
  let last = from;
  for (let k = 0; k < points.length; k++) {
    const at = points[k]!;
    if (contextOf(next, at) !== contextOf(previous, at - delta)) last = points[k + 1] ?? length;
  }
  return last;
}

function shifted(match: TermMatch, by: number): TermMatch {
  return { termId: match.termId, start: match.start + by, end: match.end + by, text: match.text, via: match.via };
}

/** Appends the matches of the whole lines [from, to) of `text`, read in `context`, to `out`. */
function scanLines(
  matcher: TermMatcher,
  text: string,
  from: number,
  to: number,
  context: MatchContext,
  out: TermMatch[],
): void {
  if (to <= from) return;
  const slice = text.slice(from, to);
  // Prose is read by findAll with its own fence layout; a slice whose layout is not all prose (a fence line that
  // opens a Python block only when read out of its document) is read line by line, where no fence can apply.
  const layout = context === 'prose' ? markdownContextRanges(slice) : undefined;
  if (layout === undefined || (layout.length === 1 && layout[0]!.context === 'prose')) {
    for (const match of matcher.findAll(slice, context)) out.push(shifted(match, from));
    return;
  }
  for (let line = from; line < to;) {
    const next = nextLineStart(text, line);
    for (const match of matcher.findAll(text.slice(line, next), 'prose')) out.push(shifted(match, line));
    line = next;
  }
}

/**
 * The scan of `text`, the next version of `previous.text`, scanned by the same matcher: the same matches a full
 * findAll gives, computed from the lines the edit changed. When the edit changed most of the document, it is a full
 * scan.
 */
export function rescanDocument(matcher: TermMatcher, previous: DocumentScan, text: string): DocumentScan {
  const old = previous.text;
  if (text === old) return previous;
  const context = previous.context;
  // The changed span: what lies before the common prefix and after the common suffix is the same text.
  const shorter = Math.min(old.length, text.length);
  let prefix = 0;
  while (prefix < shorter && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)
  ) {
    suffix++;
  }
  const delta = text.length - old.length;
  // The whole lines the change touched: the lines before `from` and after `to` kept their text and their line ends.
  const from = lineStartOf(text, prefix);
  let to = nextLineStart(text, text.length - suffix);
  const ranges = context === 'prose' ? markdownContextRanges(text) : undefined;
  if (ranges !== undefined && previous.ranges !== undefined) {
    // A fence the edit opened or closed changes the context of the lines after it, up to where the layouts agree.
    to = Math.max(to, lastContextDifference(ranges, previous.ranges, delta, to, text.length));
  }
  if (to - from > text.length / 2) return scanDocument(matcher, text, context);

  const matches: TermMatch[] = [];
  const before = previous.matches;
  const keptBefore = firstStartingFrom(before, from);
  for (let k = 0; k < keptBefore; k++) matches.push(before[k]!);
  if (ranges === undefined) {
    scanLines(matcher, text, from, to, context, matches);
  } else {
    for (const range of ranges) {
      const start = Math.max(from, range.start);
      const end = Math.min(to, range.end);
      if (start < end) scanLines(matcher, text, start, end, range.context, matches);
    }
  }
  for (let k = firstStartingFrom(before, to - delta); k < before.length; k++) matches.push(shifted(before[k]!, delta));
  return { text, context, matches, ranges };
}
