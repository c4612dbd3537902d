/**
 * Which context each part of a document is matched in: Python files as code, Markdown as prose except fenced Python
 * blocks, which are code. A hover, the search pre-fill, "In This File" and the command line's `scan` all decide it here.
 */
import type { MatchContext } from './types';

/** The matching context for a VS Code language id: Python is code, everything else is read as prose. */
export function contextForLanguage(languageId: string): MatchContext {
  return languageId === 'python' ? 'code' : 'prose';
}

/** The matching context for a file name, as the command-line `scan` uses it: `.py` is code, the rest prose. */
export function contextForFileName(fileName: string): MatchContext {
  return /\.pyi?$/i.test(fileName) ? 'code' : 'prose';
}

const fenceOpening = /^ {0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const pythonFenceInfo = new Set(['python', 'py', 'python3', 'pycon', 'ipython', 'py3']);

export interface MatchContextRange {
  readonly start: number;
  readonly end: number;
  readonly context: MatchContext;
}

/**
 * The ranges of a Markdown document with the context each should be matched in: the content of fenced code blocks
 * tagged as Python is code, everything else is prose. Ranges are contiguous and cover the whole text. findAll uses
 * them for prose; a hover in Markdown that wants to agree with it inside a fenced block can cache them per document
 * version and ask contextAt for the offset of the line.
 */
export function markdownContextRanges(text: string): MatchContextRange[] {
  const ranges: MatchContextRange[] = [];
  let rangeStart = 0;
  let rangeContext: MatchContext = 'prose';
  let fence: { marker: string; python: boolean } | undefined;
  const switchTo = (at: number, context: MatchContext): void => {
    if (context === rangeContext) return;
    if (at > rangeStart) ranges.push({ start: rangeStart, end: at, context: rangeContext });
    rangeStart = at;
    rangeContext = context;
  };
  let lineStart = 0;
  // `\r\n`, a lone `\r` and `\n` each end a line, as in VS Code, whose hover asks contextAt by those lines. They are
  // found with indexOf, the next of each kind remembered (a text without `\r` is searched for one only once): a
  // regular expression per line allocated a match per line and cost more than the rest of this function.
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  while (lineStart <= text.length) {
    if (nextLf !== -1 && nextLf < lineStart) nextLf = text.indexOf('\n', lineStart);
    if (nextCr !== -1 && nextCr < lineStart) nextCr = text.indexOf('\r', lineStart);
    const found = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextLf, nextCr);
    const lineEnd = found === -1 ? text.length : found;
    const nextLine =
      found === -1
        ? text.length + 1
        : text.charCodeAt(found) === 0x0d && text.charCodeAt(found + 1) === 0x0a
          ? found + 2
          : found + 1;
    // Only a line whose first non-space character (within three columns) is a fence character can open or close a
    // fence; the regular expression runs on those lines only.
    let firstUnit = lineStart;
    while (firstUnit < lineStart + 3 && text.charCodeAt(firstUnit) === 0x20) firstUnit++;
    const mayBeFence = text.charCodeAt(firstUnit) === 0x60 || text.charCodeAt(firstUnit) === 0x7e;
    if (mayBeFence) {
      const line = text.slice(lineStart, lineEnd);
      const opening = fenceOpening.exec(line);
      if (fence === undefined && opening) {
        const marker = opening[1]!;
        fence = { marker, python: pythonFenceInfo.has((opening[2] ?? '').toLowerCase()) };
        if (fence.python) switchTo(Math.min(nextLine, text.length), 'code');
      } else if (
        fence !== undefined &&
        opening &&
        opening[2] === '' &&
        opening[1]!.startsWith(fence.marker) &&
        line.trim() === opening[1]
      ) {
        if (fence.python) switchTo(lineStart, 'prose');
        fence = undefined;
      }
    }
    lineStart = nextLine;
  }
  if (text.length > rangeStart || ranges.length === 0) {
    ranges.push({ start: rangeStart, end: text.length, context: rangeContext });
  }
  return ranges;
}

/**
 * The fence a line opens (its marker, such as ```` ``` ```` or `~~~~`, and its info word), by the same rule as
 * markdownContextRanges; undefined when the line opens none. The terminology check walks lines with it, so that both
 * agree on what is fenced.
 */
export function fenceOpenedBy(line: string): { readonly marker: string; readonly info: string } | undefined {
  const opening = fenceOpening.exec(line);
  return opening ? { marker: opening[1]!, info: opening[2] ?? '' } : undefined;
}

/** Whether `line` closes a fence opened with `marker` (same character, at least as long, nothing after it). */
export function closesFence(line: string, marker: string): boolean {
  const opening = fenceOpening.exec(line);
  return opening !== null && opening[2] === '' && opening[1]!.startsWith(marker) && line.trim() === opening[1];
}

/** The context of the range holding `offset` (binary search over markdownContextRanges' result); prose outside them. */
export function contextAt(ranges: readonly MatchContextRange[], offset: number): MatchContext {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const range = ranges[middle]!;
    if (offset < range.start) high = middle - 1;
    else if (offset >= range.end) low = middle + 1;
    else return range.context;
  }
  return 'prose';
}
