/**
 * The positions where a single dictionary word or a single-word identifier names the concept rather than being used
 * in passing: a lone code span, emphasis, a quoted string, an attribute, a keyword argument or parameter, a bare call.
 * docs/matching.md explains each rule; the scanner asks isMarkedPosition for every restricted form it meets.
 */
import type { MatchContext } from './types';
import { CLASS_NONE, classAt, isSpace } from './chars';

const BACKTICK = 0x60;
const STAR = 0x2a;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/**
 * Whether a single dictionary word or single-word identifier at [start, end) stands where it names the concept
 * rather than being used in passing. See docs/matching.md for the reasoning behind each position.
 */
export function isMarkedPosition(text: string, start: number, end: number, context: MatchContext): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : -1;
  const after = end < text.length ? text.charCodeAt(end) : -1;
  // `labels`, `pipeline()`: an inline code span that holds nothing else, in Markdown and in docstrings alike.
  if (before === BACKTICK) {
    if (after === BACKTICK) return true;
    if (after === 0x28 && text.charCodeAt(end + 1) === 0x29 && text.charCodeAt(end + 2) === BACKTICK) return true;
  }
  if (context === 'prose') {
    // `*token*` and `**token**`: emphasis is how documentation introduces a term.
    return before === STAR && after === STAR;
  }
  // `"labels"` and `'labels'`: a string holding only the name, as in `batch["labels"]` or `model_input_names`.
  if ((before === DOUBLE_QUOTE || before === SINGLE_QUOTE) && after === before) return true;
  // `outputs.logits`, `self.head`, `transformers.pipeline`: an attribute is a named field of an object, and the names
  // the library gives its fields are the concepts the glossary explains.
  if (
    before === 0x2e /* . */ &&
    start >= 2 &&
    (classAt(text, start - 2) !== CLASS_NONE ||
      text.charCodeAt(start - 2) === 0x29 ||
      text.charCodeAt(start - 2) === 0x5d)
  ) {
    return true;
  }
  return isParameterPosition(text, start, end) || isBareCall(text, start, end);
}

/**
 * `pipeline("text-classification")`: a call of a function by that bare name, which is how the library's top-level
 * functions are used. A definition (`def pipeline(`, `class pipeline(`) is not a use.
 */
function isBareCall(text: string, start: number, end: number): boolean {
  if (text.charCodeAt(end) !== 0x28 /* ( */) return false;
  if (start > 0 && text.charCodeAt(start - 1) === 0x2e /* . */) return false;
  const keywordEnd = skipSpacesBackward(text, start - 1) + 1;
  return !endsWithKeyword(text, keywordEnd, 'def') && !endsWithKeyword(text, keywordEnd, 'class');
}

/** Whether the text just before `at` is the whole word `keyword`. */
function endsWithKeyword(text: string, at: number, keyword: string): boolean {
  const keywordStart = at - keyword.length;
  return (
    keywordStart >= 0 &&
    text.startsWith(keyword, keywordStart) &&
    (keywordStart === 0 || classAt(text, keywordStart - 1) === CLASS_NONE)
  );
}

/** How far the marked-position checks look across spaces: far enough for any indentation, and bounded on a pathological line. */
const MAX_SPACES_SKIPPED = 256;

/** The index of the last non-space unit at or before `from` (or -1), looking back over at most MAX_SPACES_SKIPPED spaces. */
function skipSpacesBackward(text: string, from: number): number {
  let back = from;
  const limit = from - MAX_SPACES_SKIPPED;
  while (back >= 0 && back > limit && isSpace(text.charCodeAt(back))) back--;
  return back;
}

/**
 * `labels=labels` in a call, `labels: Optional[torch.Tensor] = None` in a signature: the word is preceded (across
 * spaces) by `(`, `,` or the start of the line and followed by `=` (not `==`) or by `: `. A plain assignment
 * `labels = ...` at the start of a line is a local variable, not the argument, and is left alone.
 */
function isParameterPosition(text: string, start: number, end: number): boolean {
  const back = skipSpacesBackward(text, start - 1);
  const previous = back >= 0 ? text.charCodeAt(back) : -1;
  const afterOpenerOrComma = previous === 0x28 || previous === 0x2c;
  const atLineStart = previous === -1 || previous === 0x0a || previous === 0x0d;
  if (!afterOpenerOrComma && !atLineStart) return false;
  let forward = end;
  while (forward < text.length && forward - end < MAX_SPACES_SKIPPED && isSpace(text.charCodeAt(forward))) forward++;
  const next = text.charCodeAt(forward);
  if (next === 0x3d /* = */) {
    if (text.charCodeAt(forward + 1) === 0x3d) return false;
    return forward === end || afterOpenerOrComma;
  }
  if (next === 0x3a /* : */ && forward === end) {
    const afterColon = text.charCodeAt(forward + 1);
    return afterColon === 0x20 || afterColon === 0x09;
  }
  return false;
}
