/**
 * Limits on how deeply an entry may nest, and the linear pre-scan that enforces them before any Markdown parser
 * sees the text.
 *
 * Why before parsing: the Markdown parser and every tree walk after it (ours, remark-rehype, the sanitizer, the HTML
 * serializer) are recursive or superlinear in nesting depth. Two thousand nested list items take the parser minutes,
 * a few thousand nested block quotes overflow the stack, and a paragraph of thousands of unmatched `*` makes the
 * emphasis resolver quadratic. No honest glossary entry nests more than a handful of levels, so a generous limit
 * costs nothing and bounds all of that work.
 *
 * The scan is an estimate that errs on the side of counting too much, never too little: it reads each line's
 * container prefix (`>` markers and list markers), keeps a stack of list indentation, counts `<Tip>` callouts, and
 * follows emphasis delimiters and link brackets through each paragraph as a bracket matcher would.
 */
import { parseComponentTag } from './componentTag';

/**
 * How many levels an entry may nest, counting together block quotes, list levels, `<Tip>` callouts, emphasis and
 * link brackets around the deepest point. Real entries use fewer than 8.
 */
export const MAX_NESTING_DEPTH = 32;

/**
 * How many emphasis delimiter runs (`*`, `_`) one paragraph may hold. The parser's emphasis resolution is quadratic in
 * this number; a paragraph with more than a thousand emphasized words is not prose.
 */
export const MAX_DELIMITER_RUNS = 1000;

export interface NestingProblem {
  /** 1-based line of the text where the limit is first exceeded. */
  readonly line: number;
  readonly kind: 'depth' | 'delimiters';
  /** The depth or the number of delimiter runs measured when the limit was exceeded. */
  readonly measured: number;
}

/** A stretch of the text the compiler treats as one unit: an entry (from its `###` line) or the text before one. */
export interface NestingRegion {
  /** 1-based first line: the `###` heading of an entry, or the line after a `#`/`##` heading or the file start. */
  readonly startLine: number;
  /** 1-based last line (inclusive). */
  readonly endLine: number;
  /** Offsets of the region in the text: [start, end). */
  readonly start: number;
  readonly end: number;
  /** The heading text when the region is an entry. */
  readonly heading?: string;
  readonly problem: NestingProblem;
}

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isWhitespace(code: number | undefined): boolean {
  return code === undefined || code === SPACE || code === TAB || code === 0x0a || code === 0x0d || code === 0xa0;
}

/** ASCII punctuation is what CommonMark's flanking rules look at; other punctuation counts as a letter here. */
function isPunctuation(code: number | undefined): boolean {
  return code !== undefined && ((code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e));
}

/** The width of a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a space at `at`, or 0. */
function listMarkerWidth(line: string, at: number): number {
  const c = line.charCodeAt(at);
  if (c === 0x2d || c === 0x2b || c === STAR) {
    const next = line.charCodeAt(at + 1);
    return next === SPACE || next === TAB || Number.isNaN(next) ? 1 : 0;
  }
  let i = at;
  while (i < at + 9 && line.charCodeAt(i) >= 0x30 && line.charCodeAt(i) <= 0x39) i++;
  if (i === at) return 0;
  const delimiter = line.charCodeAt(i);
  if (delimiter !== 0x2e && delimiter !== 0x29) return 0;
  const next = line.charCodeAt(i + 1);
  return next === SPACE || next === TAB || Number.isNaN(next) ? i + 1 - at : 0;
}

/** `#`…`######` heading level of a line, or 0. */
function headingLevel(line: string): number {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === SPACE) i++;
  let level = 0;
  while (line.charCodeAt(i + level) === 0x23) level++;
  if (level === 0 || level > 6) return 0;
  return isWhitespace(line.charCodeAt(i + level)) ? level : 0;
}

/** A fence opener or closer (three or more backticks or tildes) after the line's container prefix, or ''. */
function fenceOf(line: string, from: number): string {
  let i = from;
  while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) i++;
  const c = line.charCodeAt(i);
  if (c !== BACKTICK && c !== 0x7e) return '';
  let n = 0;
  while (line.charCodeAt(i + n) === c) n++;
  return n >= 3 ? line[i]!.repeat(n) : '';
}

/** The nesting state of one paragraph: open emphasis levels, open brackets and the delimiter runs seen. */
interface InlineState {
  emphasis: number;
  brackets: number;
  runs: number;
}

/**
 * Follows emphasis runs and brackets through one line of a paragraph; returns the deepest inline nesting reached.
 * Code spans are skipped when their closing backticks are on the same line.
 */
function scanInline(line: string, from: number, state: InlineState): number {
  let deepest = state.emphasis + state.brackets;
  const n = line.length;
  for (let i = from; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c === BACKSLASH) {
      i++;
    } else if (c === BACKTICK) {
      let run = 1;
      while (line.charCodeAt(i + run) === BACKTICK) run++;
      const fence = '`'.repeat(run);
      let close = line.indexOf(fence, i + run);
      // A longer run of backticks does not close the span; look further.
      while (close >= 0 && line.charCodeAt(close + run) === BACKTICK) {
        let k = close;
        while (line.charCodeAt(k) === BACKTICK) k++;
        close = line.indexOf(fence, k);
      }
      i = close >= 0 ? close + run - 1 : i + run - 1;
    } else if (c === STAR || c === UNDERSCORE) {
      let run = 1;
      while (line.charCodeAt(i + run) === c) run++;
      const before = i > 0 ? line.charCodeAt(i - 1) : undefined;
      const after = i + run < n ? line.charCodeAt(i + run) : undefined;
      const left = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
      const right = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
      const canOpen = c === STAR ? left : left && (!right || isPunctuation(before));
      const canClose = c === STAR ? right : right && (!left || isPunctuation(after));
      const levels = Math.ceil(run / 2);
      if (canOpen || canClose) state.runs++;
      if (canClose && state.emphasis > 0) state.emphasis = Math.max(0, state.emphasis - levels);
      else if (canOpen) state.emphasis += levels;
      i += run - 1;
    } else if (c === OPEN_BRACKET) {
      state.brackets++;
    } else if (c === CLOSE_BRACKET) {
      if (state.brackets > 0) state.brackets--;
    } else {
      continue;
    }
    if (state.emphasis + state.brackets > deepest) deepest = state.emphasis + state.brackets;
  }
  return deepest;
}

/** An open fenced code block: its fence, and the container it stands in (which, when it ends, ends the code too). */
interface OpenFence {
  readonly marker: string;
  readonly quotes: number;
  /** The content column of the list item the fence stands in, or 0. */
  readonly minIndent: number;
}

/** HTML blocks that run across blank lines until their end marker (CommonMark kinds 1 and 2). */
const LONG_HTML_START = /^<(?:!--|pre[\s>]|script[\s>]|style[\s>]|textarea[\s>]|pre$|script$|style$|textarea$)/i;
const LONG_HTML_END: readonly [RegExp, string][] = [
  [/^<!--/, '-->'],
  [/^<pre/i, '</pre>'],
  [/^<script/i, '</script>'],
  [/^<style/i, '</style>'],
  [/^<textarea/i, '</textarea>'],
];

export interface NestingScan {
  /** The regions that break a limit, in text order. */
  readonly regions: NestingRegion[];
  /**
   * Offsets where the text can be cut into independently parsed pieces: the start of every `#`, `##` or `###`
   * heading line that follows a blank line outside code and long HTML blocks. No CommonMark block spans such a line.
   */
  readonly splits: number[];
}

/**
 * Scans `text` (with `\n` line ends) once: the problems found, each tied to the region (between headings) it occurs
 * in, and the places where the text can be cut for parsing. Linear in the length of the text.
 */
export function scanNesting(text: string, limits: { depth?: number; delimiters?: number } = {}): NestingScan {
  const maxDepth = limits.depth ?? MAX_NESTING_DEPTH;
  const maxRuns = limits.delimiters ?? MAX_DELIMITER_RUNS;
  const regions: NestingRegion[] = [];
  const splits: number[] = [];
  let previousBlank = true;
  let longHtmlEnd = '';

  let lineNumber = 0;
  let regionStartLine = 1;
  let regionStart = 0;
  let regionHeading: string | undefined;
  let problem: NestingProblem | undefined;
  let fence: OpenFence | undefined;
  let listStack: number[] = [];
  let tips = 0;
  let inline: InlineState = { emphasis: 0, brackets: 0, runs: 0 };

  const closeRegion = (endLine: number, end: number): void => {
    if (problem) {
      regions.push({ startLine: regionStartLine, endLine, start: regionStart, end, ...(regionHeading !== undefined ? { heading: regionHeading } : {}), problem });
    }
    problem = undefined;
    listStack = [];
    tips = 0;
    inline = { emphasis: 0, brackets: 0, runs: 0 };
  };

  for (let lineStart = 0; lineStart <= text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    lineNumber++;
    const next = lineEnd + 1;

    const blank = line.trim() === '';
    const wasBlank = previousBlank;
    previousBlank = blank;
    if (longHtmlEnd) {
      if (line.includes(longHtmlEnd)) longHtmlEnd = '';
      lineStart = next;
      continue;
    }
    if (fence) {
      let j = 0;
      let quotes = 0;
      let indent = 0;
      while (line.charCodeAt(j) === SPACE || line.charCodeAt(j) === TAB) indent += line.charCodeAt(j++) === TAB ? 4 : 1;
      for (;;) {
        while (line.charCodeAt(j) === SPACE || line.charCodeAt(j) === TAB) j++;
        if (line.charCodeAt(j) !== GT) break;
        quotes++;
        j++;
      }
      // Fenced code ends with its closing fence, or with the block quote or list item it stands in.
      const leavesContainer = !blank && (quotes < fence.quotes || (fence.quotes === 0 && indent < fence.minIndent));
      if (!leavesContainer) {
        const closing = fenceOf(line, j);
        if (closing && closing[0] === fence.marker[0] && closing.length >= fence.marker.length && line.slice(j).trim() === closing) fence = undefined;
        lineStart = next;
        continue;
      }
      fence = undefined;
    }
    const level = headingLevel(line);
    if (level > 0) {
      if (level <= 3 && wasBlank) splits.push(lineStart);
      if (level <= 3) {
        closeRegion(lineNumber - 1, lineStart);
        regionStartLine = level === 3 ? lineNumber : lineNumber + 1;
        regionStart = level === 3 ? lineStart : Math.min(next, text.length);
        regionHeading = level === 3 ? line.trim().replace(/^#+\s*/, '').replace(/\s#+\s*$/, '') : undefined;
      }
      inline = { emphasis: 0, brackets: 0, runs: 0 };
      // A heading's text is inline Markdown too: `### ***…***` nests like a paragraph does.
      const headingDepth = scanInline(line, 0, inline);
      if (!problem && headingDepth > maxDepth) problem = { line: lineNumber, kind: 'depth', measured: headingDepth };
      inline = { emphasis: 0, brackets: 0, runs: 0 };
      lineStart = next;
      continue;
    }
    if (blank) {
      inline = { emphasis: 0, brackets: 0, runs: 0 };
      lineStart = next;
      continue;
    }

    // The container prefix: indentation, `>` markers and list markers, in any order.
    let i = 0;
    let indent = 0;
    while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) indent += line.charCodeAt(i++) === TAB ? 4 : 1;
    let prefixLevels = 0;
    let prefixQuotes = 0;
    let firstMarker = true;
    for (;;) {
      if (line.charCodeAt(i) === GT) {
        prefixLevels++;
        prefixQuotes++;
        i++;
      } else {
        const width = listMarkerWidth(line, i);
        if (width === 0) break;
        if (firstMarker && prefixLevels === 0) {
          // A list item's level comes from its indentation relative to the items above it.
          while (listStack.length > 0 && listStack[listStack.length - 1]! > indent) listStack.pop();
          listStack.push(indent + width + 1);
        } else {
          prefixLevels++;
        }
        i += width;
      }
      firstMarker = false;
      while (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB) i++;
    }
    if (firstMarker) {
      // A line without markers that is indented less than the innermost item's content leaves that item.
      while (listStack.length > 0 && listStack[listStack.length - 1]! > indent) listStack.pop();
    }

    const opensFence = fenceOf(line, i);
    if (opensFence) {
      fence = { marker: opensFence, quotes: prefixQuotes, minIndent: listStack.length > 0 && indent >= listStack[listStack.length - 1]! - 1 ? listStack[listStack.length - 1]! : 0 };
      inline = { emphasis: 0, brackets: 0, runs: 0 };
      lineStart = next;
      continue;
    }
    if (i <= 3 && prefixQuotes === 0 && LONG_HTML_START.test(line.slice(i))) {
      const rest = line.slice(i);
      const end = LONG_HTML_END.find(([start]) => start.test(rest))?.[1] ?? '';
      if (end && !rest.slice(4).includes(end)) longHtmlEnd = end;
    }
    const tag = parseComponentTag(line.slice(i));
    if (tag?.name === 'Tip') {
      if (tag.role === 'open') tips++;
      else if (tag.role === 'close' && tips > 0) tips--;
    }
    const inlineDepth = scanInline(line, i, inline);
    const depth = listStack.length + prefixLevels + tips + inlineDepth;
    if (!problem) {
      if (depth > maxDepth) problem = { line: lineNumber, kind: 'depth', measured: depth };
      else if (inline.runs > maxRuns) problem = { line: lineNumber, kind: 'delimiters', measured: inline.runs };
    }
    lineStart = next;
  }
  closeRegion(lineNumber, text.length);
  return { regions, splits };
}

/** The first nesting problem of a whole Markdown text (an entry body handed to the renderer), if any. */
export function firstNestingProblem(markdown: string): NestingProblem | undefined {
  return scanNesting(markdown).regions[0]?.problem;
}

/** A one-line description of a problem, for diagnostics and the panel's message. */
export function describeNestingProblem(problem: NestingProblem): string {
  return problem.kind === 'depth'
    ? `nests ${problem.measured} levels deep (block quotes, list levels, <Tip> callouts, emphasis and links together; the limit is ${MAX_NESTING_DEPTH})`
    : `has a paragraph with ${problem.measured} emphasis markers (the limit is ${MAX_DELIMITER_RUNS} per paragraph)`;
}

/**
 * Replaces every character of the given regions except line ends by a space, so that the parser sees blank lines
 * there while every offset, line and column of the rest of the text stays what it was.
 */
export function blankRegions(text: string, regions: readonly NestingRegion[]): string {
  if (regions.length === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const region of regions) {
    parts.push(text.slice(cursor, region.start));
    parts.push(text.slice(region.start, region.end).replace(/[^\n]/g, ' '));
    cursor = region.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/**
 * How deep a parsed syntax tree may be. The pre-scan above is an estimate; this bound on the tree itself is the
 * safety net for whatever it missed, checked without recursion before any recursive walk runs. A tree within the
 * nesting limit is at most about twice as deep (a list level is a list node and an item node).
 */
export const MAX_TREE_DEPTH = 4 * MAX_NESTING_DEPTH;

/** The depth of a tree (a leaf is 1), measured with an explicit stack; stops counting past `limit`. */
export function treeDepth(root: object, limit = MAX_TREE_DEPTH): number {
  let deepest = 0;
  const stack: [object, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    const children = (node as { children?: unknown }).children;
    if (Array.isArray(children)) for (const child of children as object[]) stack.push([child, depth + 1]);
  }
  return deepest;
}
