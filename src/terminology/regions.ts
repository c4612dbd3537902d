/**
 * Where in a Markdown document the terminology check reads prose, line by line. A line's result depends only on the
 * line and on the state it starts in (inside a fence, an HTML comment or the front matter, and whether the line before
 * asked to be skipped), which is what lets an editor re-check the lines of an edit without reading the rest.
 *
 * Skipped entirely: front matter, fenced code (whatever its language: a translator does not translate code), HTML
 * comments, and the line after a `<!-- glossary-ignore-next-line -->` comment. Skipped inside a line: code spans, link
 * destinations, autolinks and bare URLs, HTML tags, and `[[…]]` markers. Those spans are reported separately, since a
 * link destination or a `[[…]]` marker is exactly what the anchor rule reads.
 */
import { closesFence, fenceOpenedBy } from '../matching';

const IGNORE_NEXT_LINE = 'glossary-ignore-next-line';

/** A span of one line, in offsets of the whole text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What one line holds for the check: its prose, the spans inside it that are not prose, and what the anchor rule reads. */
export interface ProseLine {
  readonly start: number;
  readonly end: number;
  /** Parts of [start, end) that are not prose (code spans, destinations, tags, markers, comments), in order. */
  readonly excluded: readonly Span[];
  /** Link destinations, without their parentheses or angle brackets. */
  readonly destinations: readonly Span[];
  /** The insides of `[[…]]` markers. */
  readonly markers: readonly Span[];
  /** Whether the line is an ATX heading (`#` to `######`). */
  readonly heading: boolean;
}

const IGNORE_COMMENT = new RegExp(`^\\s*<!--\\s*${IGNORE_NEXT_LINE}\\s*-->\\s*$`);

/**
 * Calls `visit` for every line of `text` that holds prose, in order, with the spans inside it. With a `range`, only
 * lines that intersect it are visited: the lines before it are only read for their state, and reading stops past it.
 * Reading a line for its state costs a few character comparisons; the inline scan runs on it only when an HTML
 * comment may open or close there. `\r\n`, `\r` and `\n` end lines, as in VS Code.
 */
export function forEachProseLine(text: string, visit: (line: ProseLine) => void, range?: Span): void {
  const from = range?.start ?? 0;
  const until = range?.end ?? Infinity;
  // The state a line starts in: inside a fence (its marker), an HTML comment, the front matter; and whether the line
  // before was a `<!-- glossary-ignore-next-line -->` comment.
  let fence: string | undefined;
  let comment = false;
  let frontMatter = false;
  let ignoreNext = false;
  // Where the next `<!--` is, searched once and reused until a line passes it.
  let nextComment = -1;
  let nextCommentKnown = false;
  let lineStart = 0;
  const lineEnds = /\r\n?|\n/g;
  while (lineStart <= text.length && lineStart <= until) {
    lineEnds.lastIndex = lineStart;
    const found = lineEnds.exec(text);
    const end = found ? found.index : text.length;
    const next = found ? found.index + found[0].length : text.length + 1;
    const start = lineStart;
    lineStart = next;
    const wanted = next > from;
    if (frontMatter) {
      frontMatter = !/^(?:---|\.\.\.)\s*$/.test(text.slice(start, end));
      continue;
    }
    if (start === 0 && /^---\s*$/.test(text.slice(0, end))) {
      frontMatter = true;
      continue;
    }
    let first = start;
    while (first < start + 3 && text.charCodeAt(first) === 0x20) first++;
    const firstUnit = text.charCodeAt(first);
    if (fence !== undefined) {
      // Only a line starting (within three spaces) with the fence's character can close it.
      if (firstUnit === fence.charCodeAt(0) && closesFence(text.slice(start, end), fence)) fence = undefined;
      ignoreNext = false;
      continue;
    }
    if (!comment && (firstUnit === 0x60 || firstUnit === 0x7e)) {
      const opened = fenceOpenedBy(text.slice(start, end));
      if (opened) {
        fence = opened.marker;
        ignoreNext = false;
        continue;
      }
    }
    if (!nextCommentKnown || (nextComment !== -1 && nextComment < start)) {
      nextComment = text.indexOf('<!--', start);
      nextCommentKnown = true;
    }
    const commentOnLine = nextComment !== -1 && nextComment < end;
    if (!comment && commentOnLine && IGNORE_COMMENT.test(text.slice(start, end))) {
      ignoreNext = true;
      continue;
    }
    if (!wanted && !comment && !commentOnLine) {
      ignoreNext = false;
      continue;
    }
    const inline = scanInline(text, start, end, comment);
    if (wanted && !ignoreNext && inline.proseStart < end) {
      visit({
        start: inline.proseStart,
        end,
        excluded: inline.excluded,
        destinations: inline.destinations,
        markers: inline.markers,
        heading: firstUnit === 0x23 && /^ {0,3}#{1,6}(?:\s|$)/.test(text.slice(start, end)),
      });
    }
    comment = inline.commentOpen;
    ignoreNext = false;
  }
}

interface InlineSpans {
  /** Where prose starts: past the end of a comment the line began inside, else the line's start. */
  readonly proseStart: number;
  readonly excluded: Span[];
  readonly destinations: Span[];
  readonly markers: Span[];
  /** Whether an HTML comment is still open at the end of the line. */
  readonly commentOpen: boolean;
}

/**
 * The non-prose spans of the line [start, end), left to right; `inComment` says the line starts inside a comment.
 * Every search stays inside the line, and none is repeated in a way that could grow with the square of its length:
 * a hostile line of a megabyte of backticks, brackets or `](` costs linear time (see test/unit/terminology).
 */
function scanInline(text: string, start: number, end: number, inComment: boolean): InlineSpans {
  const line = text.slice(start, end);
  const length = line.length;
  const excluded: Span[] = [];
  const destinations: Span[] = [];
  const markers: Span[] = [];
  const span = (from: number, to: number): Span => ({ start: start + from, end: start + to });
  let i = 0;
  if (inComment) {
    const close = line.indexOf('-->');
    if (close === -1) return { proseStart: end, excluded, destinations, markers, commentOpen: true };
    i = close + 3;
  }
  const proseStart = start + i;
  // `[label]: destination` (a reference definition): the destination is not prose.
  const definition = i === 0 && line.slice(0, 4).includes('[') ? /^ {0,3}\[[^\]]+\]:[ \t]*(\S+)/.exec(line) : null;
  if (definition) {
    const at = definition[0].length - definition[1]!.length;
    excluded.push(span(at, at + definition[1]!.length));
    destinations.push(span(at, at + definition[1]!.length));
    i = at + definition[1]!.length;
  }
  // Backtick run lengths that have no closing run further on: a later opening run of that length has none either.
  const unclosedRuns = new Set<number>();
  let markerCloseMissing = false;
  while (i < length) {
    // Jump to the next place where a span may start: the characters between are prose, which the branches below
    // would step over one by one (most of a line), and the search does it in one native pass.
    INLINE_TRIGGER.lastIndex = i;
    const trigger = INLINE_TRIGGER.exec(line);
    if (trigger === null) break;
    i = trigger.index;
    const c = line.charCodeAt(i);
    if (c === 0x60 /* ` */) {
      let run = i;
      while (run < length && line.charCodeAt(run) === 0x60) run++;
      const runLength = run - i;
      const close = unclosedRuns.has(runLength) ? -1 : closingRun(line, run, runLength);
      if (close === -1) {
        unclosedRuns.add(runLength);
        i = run;
        continue;
      }
      excluded.push(span(i, close + runLength));
      i = close + runLength;
    } else if (c === 0x3c /* < */) {
      if (line.startsWith('<!--', i)) {
        const close = line.indexOf('-->', i + 4);
        if (close === -1) {
          excluded.push(span(i, length));
          return { proseStart, excluded, destinations, markers, commentOpen: true };
        }
        excluded.push(span(i, close + 3));
        i = close + 3;
        continue;
      }
      const tag = /^<(?:[A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*|\/?[A-Za-z][^<>]*)>/.exec(line.slice(i, i + MAX_INLINE_REACH));
      if (tag) {
        excluded.push(span(i, i + tag[0].length));
        // An autolink's URL is a destination too.
        if (/^<[A-Za-z][A-Za-z0-9+.-]*:/.test(tag[0])) destinations.push(span(i + 1, i + tag[0].length - 1));
        i += tag[0].length;
      } else {
        i++;
      }
    } else if (c === 0x5b /* [ */ && line.charCodeAt(i + 1) === 0x5b) {
      const close = markerCloseMissing ? -1 : line.indexOf(']]', i + 2);
      if (close === -1) {
        // No `]]` from here on means none for any later `[[` of the line either.
        markerCloseMissing = true;
        i += 2;
        continue;
      }
      excluded.push(span(i, close + 2));
      markers.push(span(i + 2, close));
      i = close + 2;
    } else if (c === 0x5d /* ] */ && line.charCodeAt(i + 1) === 0x28 /* ( */) {
      const close = destinationEnd(line, i + 2);
      if (close === undefined) {
        i += 2;
        continue;
      }
      excluded.push(span(i + 1, close + 1));
      const target = /^\s*<?([^\s>]*)/.exec(line.slice(i + 2, close))!;
      const targetStart = i + 2 + target[0].length - target[1]!.length;
      destinations.push(span(targetStart, targetStart + target[1]!.length));
      i = close + 1;
    } else if ((c === 0x68 /* h */ || c === 0x77) /* w */ && startsUrl(line, i)) {
      let urlEnd = i;
      while (urlEnd < length && !/[\s<>()[\]]/.test(line[urlEnd]!)) urlEnd++;
      excluded.push(span(i, urlEnd));
      i = urlEnd;
    } else {
      i++;
    }
  }
  return { proseStart, excluded, destinations, markers, commentOpen: false };
}

/**
 * Where a branch of scanInline's loop may act: a backtick, `<`, `[[`, `](`, or the start of a bare URL. At any other
 * character the loop only steps to the next one, so it searches for these instead.
 */
const INLINE_TRIGGER = /[`<]|\[\[|\]\(|https?:\/\/|www\./g;

/** How far a tag or a link destination may reach: longer ones are not markup anyone writes. */
const MAX_INLINE_REACH = 2000;

/** Where the first run of exactly `runLength` backticks at or after `from` starts, or -1. */
function closingRun(line: string, from: number, runLength: number): number {
  let at = line.indexOf('`', from);
  while (at !== -1) {
    let run = at;
    while (run < line.length && line.charCodeAt(run) === 0x60) run++;
    if (run - at === runLength) return at;
    at = line.indexOf('`', run);
  }
  return -1;
}

/** Whether a bare URL (`http://`, `https://`, `www.`) starts at `i`, not inside a word. */
function startsUrl(text: string, i: number): boolean {
  // The cheap comparisons first: every `h` and `w` of the prose comes here, and few start a URL.
  if (!(text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i))) return false;
  return i === 0 || !/[\p{L}\p{N}_]/u.test(text[i - 1]!);
}

/**
 * The index of the `)` closing a link destination that starts at `from`, balancing parentheses; undefined if none
 * within MAX_INLINE_REACH or before a bracket (a destination never holds an unescaped `[` or `]`), which keeps a line
 * of many `](` linear: each search stops at the next one.
 */
function destinationEnd(line: string, from: number): number | undefined {
  let depth = 0;
  const limit = Math.min(line.length, from + MAX_INLINE_REACH);
  for (let i = from; i < limit; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x5b || c === 0x5d) return undefined;
    else if (c === 0x28) depth++;
    else if (c === 0x29) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}
