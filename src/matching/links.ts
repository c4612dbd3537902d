/**
 * Links to a glossary entry: `[text](../glossary#input-ids)`, `glossary.md#anchor`, `glossary.html#anchor`, and absolute
 * `https://huggingface.co/docs/transformers/<version>/<lang>/glossary#anchor` URLs.
 *
 * Range decision: a Markdown link matches as a whole, from `[` to `)`, and a reStructuredText link from its first
 * backtick to its last underscore, because the reader points at the link text, not at its hidden target. A bare or
 * `<autolinked>` URL matches on the URL itself.
 */

export interface LinkSpan {
  readonly start: number;
  readonly end: number;
  readonly termId: string;
}

import { MAX_SURFACE_FORM_LENGTH } from '../glossary';

export const GLOSSARY = 'glossary';
/** How far back a link target or link text may start: longer links are not glossary links anyone writes. */
const MAX_LINK_REACH = 300;
/** Anchors are term ids, which the index bounds like every surface form. */
const MAX_ANCHOR_LENGTH = MAX_SURFACE_FORM_LENGTH;
/** How far before its `glossary` word a link may start: the link text, `](`, and the target's prefix. */
const LINK_REACH_BEFORE = 2 * MAX_LINK_REACH + 2;
/** How far after the start of its `glossary` word a link may end: `glossary.html#`, the anchor and `>`__`. */
const LINK_REACH_AFTER = GLOSSARY.length + '.html#'.length + MAX_ANCHOR_LENGTH + 4;
/** The longest text a link can cover; findTermAt's window is derived from it. */
export const MAX_LINK_LENGTH = LINK_REACH_BEFORE + LINK_REACH_AFTER;

const relativePrefix = /^(?:\.{1,2}\/)+$/;
const absolutePrefix = /^(?:https?:\/\/huggingface\.co)?\/docs\/transformers\/(?:[^/\s]+\/)*$/;

function isAnchorUnit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
}

/** Characters that end a link target when walking backwards from `glossary`. */
function isTargetDelimiter(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0x28 ||
    c === 0x3c ||
    c === 0x22 ||
    c === 0x27 ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x60
  );
}

/**
 * The link whose `glossary` word starts at `at`, if it is a glossary link to a known anchor and starts at or after
 * `from`. `anchors` maps lowercase anchors to term ids. What follows `glossary` is read from the text whatever `to`
 * says (at most LINK_REACH_AFTER units), so that a window gives the same link as the whole text or none: the
 * caller drops links that end past its range.
 */
function linkAt(text: string, at: number, from: number, anchors: ReadonlyMap<string, string>): LinkSpan | undefined {
  let cursor = at + GLOSSARY.length;
  // `.md` is how the Markdown sources link; `.html` is what the older Sphinx docs and docstrings still carry.
  if (text.startsWith('.md', cursor)) cursor += 3;
  else if (text.startsWith('.html', cursor)) cursor += 5;
  if (text.charCodeAt(cursor) !== 0x23 /* # */) return undefined;
  const anchorStart = cursor + 1;
  let anchorEnd = anchorStart;
  const anchorLimit = anchorStart + MAX_ANCHOR_LENGTH + 1;
  while (anchorEnd < anchorLimit && isAnchorUnit(text.charCodeAt(anchorEnd))) anchorEnd++;
  if (anchorEnd === anchorStart || anchorEnd - anchorStart > MAX_ANCHOR_LENGTH) return undefined;
  const termId = anchors.get(text.slice(anchorStart, anchorEnd).toLowerCase());
  if (termId === undefined) return undefined;

  let targetStart = at;
  const limit = Math.max(from, at - MAX_LINK_REACH);
  while (targetStart > limit && !isTargetDelimiter(text.charCodeAt(targetStart - 1))) targetStart--;
  if (targetStart > from && targetStart === limit && limit > from) return undefined;
  const prefix = text.slice(targetStart, at);
  const before = targetStart > from ? text.charCodeAt(targetStart - 1) : -1;
  if (prefix === '') {
    // A bare `glossary#x` is only a link target when something marks it as one: `(`, `<` or a quote.
    if (before !== 0x28 && before !== 0x3c && before !== 0x22 && before !== 0x27) return undefined;
  } else if (!relativePrefix.test(prefix) && !absolutePrefix.test(prefix)) {
    return undefined;
  }

  // `[text](target)`: widen to the whole link so that the link text, which is what a reader points at, matches.
  if (
    before === 0x28 &&
    targetStart - 2 >= from &&
    text.charCodeAt(targetStart - 2) === 0x5d &&
    text.charCodeAt(anchorEnd) === 0x29
  ) {
    const textLimit = Math.max(from, targetStart - 2 - MAX_LINK_REACH);
    for (let open = targetStart - 3; open >= textLimit; open--) {
      const c = text.charCodeAt(open);
      if (c === 0x0a || c === 0x0d || c === 0x5d) break;
      if (c === 0x5b) return { start: open, end: anchorEnd + 1, termId };
    }
  }
  // `` `text <target>`_ `` (reStructuredText, still in older docstrings): the whole link, for the same reason.
  if (
    before === 0x3c &&
    text.charCodeAt(anchorEnd) === 0x3e &&
    text.charCodeAt(anchorEnd + 1) === 0x60 &&
    text.charCodeAt(anchorEnd + 2) === 0x5f
  ) {
    const end = text.charCodeAt(anchorEnd + 3) === 0x5f ? anchorEnd + 4 : anchorEnd + 3;
    const textLimit = Math.max(from, targetStart - 1 - MAX_LINK_REACH);
    for (let open = targetStart - 2; open >= textLimit; open--) {
      const c = text.charCodeAt(open);
      if (c === 0x0a || c === 0x0d) break;
      if (c === 0x60) return { start: open, end, termId };
    }
  }
  return { start: targetStart, end: anchorEnd, termId };
}

/**
 * Every glossary link whose `glossary` word lies in [from, to), in order and non-overlapping. A link may end past
 * `to` (see linkAt); the scanner keeps only those inside its range.
 */
export function findLinks(text: string, from: number, to: number, anchors: ReadonlyMap<string, string>): LinkSpan[] {
  const links: LinkSpan[] = [];
  // On a window of a long line, search a copy of the window: indexOf on the whole line would read past `to`.
  const bounded = to < text.length;
  const haystack = bounded ? text.slice(from, to) : text;
  const offset = bounded ? from : 0;
  let found = haystack.indexOf(GLOSSARY, from - offset);
  while (found !== -1 && found + offset + GLOSSARY.length <= to) {
    const link = linkAt(text, found + offset, from, anchors);
    const previous = links[links.length - 1];
    if (link && (previous === undefined || link.start >= previous.end)) links.push(link);
    found = haystack.indexOf(GLOSSARY, found + GLOSSARY.length);
  }
  return links;
}
