/**
 * Parsing of one glossary file into its structure: the H1, the `## X` letter sections and the `### term` entries
 * with their body blocks. The Markdown itself is parsed by remark; this module only walks the syntax tree.
 *
 * doc-builder components (`<Youtube id=…/>`, `<Tip>`) are MDX-like, so CommonMark sees them as HTML blocks. An
 * HTML block runs to the next blank line, which means that Markdown written right after a component line (a
 * common slip in translations) is swallowed into the HTML. We split such blocks back into the component lines
 * and the Markdown between them, which we parse on its own with its positions shifted into the file.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { toString } from 'mdast-util-to-string';
import type { Definition, Heading, Html, Nodes, Root, RootContent } from 'mdast';
import type { Diagnostic } from './types';
import { MAX_SURFACE_FORM_LENGTH } from './types';
import { diagnosticAt } from './diagnostics';
import { splitHeading } from './anchors';
import { stripBidiControls } from './bidi';
import { isMetadataComment } from './metadata';
import { parseComponentTag } from './componentTag';
import { blankRegions, describeNestingProblem, MAX_TREE_DEPTH, scanNesting, treeDepth } from './limits';

// Built on first use rather than at load: a bundle that includes this module without compiling (the extension's,
// which loads the compiler on demand) must not run the Markdown libraries' code when it loads.
let parser: ReturnType<typeof createParser> | undefined;
const createParser = () => unified().use(remarkParse).freeze();

export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** One top-level piece of an entry body, in source order. */
export type BodyToken =
  | { readonly kind: 'block'; readonly node: RootContent }
  | {
      readonly kind: 'component';
      readonly name: string;
      readonly role: 'open' | 'close' | 'self';
      readonly attributes: string;
      readonly raw: string;
      readonly start: Point;
      readonly end: Point;
    }
  | { readonly kind: 'comment'; readonly value: string; readonly start: Point; readonly end: Point }
  | { readonly kind: 'raw-html'; readonly value: string; readonly start: Point; readonly end: Point };

export interface ParsedEntry {
  readonly file: string;
  /** The heading text as written (inline Markdown flattened to text), without trailing spaces. */
  readonly rawHeading: string;
  readonly title: string;
  readonly customAnchor?: string;
  /** The `## X` section text, or '' when the entry stands before any section. */
  readonly section: string;
  /** Position of the entry among the entries of its section, from 0. */
  readonly indexInSection: number;
  readonly line: number;
  readonly column: number;
  readonly tokens: BodyToken[];
}

export interface ParsedGlossary {
  readonly file: string;
  readonly text: string;
  readonly h1?: string;
  readonly entries: ParsedEntry[];
  /** Link reference definitions by normalized label, so that `[text][label]` can be inlined. */
  readonly definitions: ReadonlyMap<string, Definition>;
}

export { parseComponentTag };

function parseMarkdown(text: string): Root {
  parser ??= createParser();
  return parser.parse(text);
}

/**
 * Moves every position in `node` by the place where its text started in the file. The points are changed in place:
 * the tree builder gives every node points of its own (test/unit/glossary/parsePieces.test.ts would see a shared one
 * moved twice), and a large glossary has hundreds of thousands of them to allocate again otherwise.
 */
function shiftPositions(node: Nodes, lineDelta: number, offsetDelta: number): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position) {
      position.start.line += lineDelta;
      position.start.offset = (position.start.offset ?? 0) + offsetDelta;
      position.end.line += lineDelta;
      position.end.offset = (position.end.offset ?? 0) + offsetDelta;
    }
    if ('children' in current) for (const child of current.children) stack.push(child);
  }
}

export function startOf(node: Nodes): Point {
  const p = node.position?.start;
  return { line: p?.line ?? 1, column: p?.column ?? 1, offset: p?.offset ?? 0 };
}

export function endOf(node: Nodes): Point {
  const p = node.position?.end;
  return { line: p?.line ?? 1, column: p?.column ?? 1, offset: p?.offset ?? 0 };
}

interface FlattenContext {
  readonly file: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
  readonly definitions: Map<string, Definition>;
}

function collectDefinitions(root: Root, into: Map<string, Definition>): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' && !into.has(node.identifier)) into.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

/** Splits a top-level HTML block into comment, component, raw-HTML and Markdown tokens. */
function flattenHtml(node: Html, ctx: FlattenContext, out: BodyToken[]): void {
  const start = startOf(node);
  const end = endOf(node);
  const value = ctx.text.slice(start.offset, end.offset);
  const trimmed = value.trimStart();
  if (trimmed.startsWith('<!--')) {
    out.push({ kind: 'comment', value: node.value, start, end });
    return;
  }
  const lines = value.split('\n');
  if (!parseComponentTag(lines[0]!)) {
    out.push({ kind: 'raw-html', value: node.value, start, end });
    return;
  }
  let lineStart = start.offset;
  let lineNumber = start.line;
  let chunkStart = -1;
  let chunkLine = 0;
  let warned = false;
  const flushChunk = (chunkEnd: number): void => {
    if (chunkStart < 0) return;
    const chunkText = ctx.text.slice(chunkStart, chunkEnd);
    if (chunkText.trim()) {
      if (!warned) {
        warned = true;
        ctx.diagnostics.push(
          diagnosticAt(
            'warning',
            'component-needs-blank-line',
            'Markdown right after a component line, without a blank line, is raw HTML to CommonMark viewers; add a blank line',
            ctx.file,
            chunkLine,
            1,
          ),
        );
      }
      const sub = parseMarkdown(chunkText);
      shiftPositions(sub, chunkLine - 1, chunkStart);
      collectDefinitions(sub, ctx.definitions);
      flattenChildren(sub.children, ctx, out);
    }
    chunkStart = -1;
  };
  for (const line of lines) {
    const tag = parseComponentTag(line);
    const lineEnd = lineStart + line.length;
    if (tag) {
      flushChunk(lineStart);
      const leading = line.length - line.trimStart().length;
      out.push({
        kind: 'component',
        ...tag,
        raw: line.trim(),
        start: { line: lineNumber, column: leading + 1, offset: lineStart + leading },
        end: { line: lineNumber, column: line.length + 1, offset: lineEnd },
      });
    } else if (chunkStart < 0) {
      chunkStart = lineStart;
      chunkLine = lineNumber;
    }
    lineStart = lineEnd + 1;
    lineNumber++;
  }
  flushChunk(end.offset);
}

function flattenChildren(children: readonly RootContent[], ctx: FlattenContext, out: BodyToken[]): void {
  for (const child of children) {
    if (child.type === 'html') flattenHtml(child, ctx, out);
    else out.push({ kind: 'block', node: child });
  }
}

const LETTER_SECTION = /^\p{Lu}$/u;

/**
 * Headings longer than the surface form limit are cut: a bound keeps every pattern that looks at titles (alignment,
 * aliases) cheap on hostile input, and titles are matched like every other surface form.
 */
const MAX_TITLE = MAX_SURFACE_FORM_LENGTH;

/** Custom anchors become ids, URLs fragments and HTML ids downstream: keep them to a safe alphabet. */
const VALID_CUSTOM_ANCHOR = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** A section title is one uppercase letter, or for scripts without case (Arabic, Japanese, Korean) one letter. */
function isLetterSection(text: string): boolean {
  const chars = [...text];
  if (chars.length !== 1) return false;
  const ch = chars[0]!;
  return LETTER_SECTION.test(ch) || (/\p{L}/u.test(ch) && ch.toLowerCase() === ch && ch.toUpperCase() === ch);
}

function headingText(heading: Heading): string {
  return toString(heading, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

/**
 * Measures nesting before parsing (see ./limits.ts) and blanks out every entry that nests too deeply, with an error
 * at the line where the limit is passed. Only that entry is lost; the rest of the file keeps its positions.
 */
function refuseTooDeep(file: string, text: string, diagnostics: Diagnostic[]): { text: string; splits: readonly number[] } {
  const { regions, splits } = scanNesting(text);
  for (const region of regions) {
    const what = region.heading !== undefined ? `entry "${region.heading.length > 60 ? `${region.heading.slice(0, 59)}…` : region.heading}"` : 'this text';
    const dropped = region.heading !== undefined ? 'the entry is left out' : 'the text is left out';
    diagnostics.push(diagnosticAt('error', 'too-deep', `${what} ${describeNestingProblem(region.problem)}; ${dropped}`, file, region.problem.line, 1));
  }
  return { text: blankRegions(text, regions), splits };
}

/**
 * How much text consecutive pieces are grouped to before a parse. remark's time per character grows with what it
 * parses at once (its event lists are spliced), so groups stay at a few entries: measured on the bundled glossary and
 * on 10,000 synthetic entries, 4 K characters parse about 10% faster than single entries, and 16 K slower than both.
 */
const GROUP_CHARS = 4_096;

/** Lines that may define a link reference (`[label]: url`), possibly inside a block quote or list item. */
const POSSIBLE_DEFINITION = /^[ \t>*+\-\d.)]*\[[^\]\n]*\]:/m;

/**
 * Parses the file piece by piece, cut where no block can span (see NestingScan.splits), with each piece's positions
 * moved to where it stands in the file. The syntax tree is the one a single parse gives, but the parser's working
 * memory stays that of one piece, which keeps a 10 MB glossary from needing gigabytes. A link reference definition
 * applies to the whole document, so a file that may hold one is parsed whole.
 */
export function parseInPieces(text: string, splits: readonly number[]): Root {
  if (splits.length < 2 || POSSIBLE_DEFINITION.test(text)) return parseMarkdown(text);
  const root: Root = { type: 'root', children: [] };
  let line = 1;
  const cuts = splits[0] === 0 ? splits : [0, ...splits];
  for (let k = 0; k < cuts.length; k++) {
    const start = cuts[k]!;
    // Consecutive pieces up to GROUP_CHARS are parsed together: a run of pieces is also cut where no block spans,
    // and each parse has a fixed cost (the parser's construct tables, the tree builder's handlers) that one parse per
    // entry would pay thousands of times in a large glossary.
    while (k + 1 < cuts.length && cuts[k + 1]! - start < GROUP_CHARS) k++;
    const end = k + 1 < cuts.length ? cuts[k + 1]! : text.length;
    const piece = text.slice(start, end);
    const sub = parseMarkdown(piece);
    shiftPositions(sub, line - 1, start);
    for (const child of sub.children) root.children.push(child);
    for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) line++;
  }
  return root;
}

/** Parses one decoded file into its title, sections and entries. */
export function parseGlossary(file: string, sourceText: string, diagnostics: Diagnostic[]): ParsedGlossary {
  const checked = refuseTooDeep(file, sourceText, diagnostics);
  const text = checked.text;
  const root = parseInPieces(text, checked.splits);
  const definitions = new Map<string, Definition>();
  collectDefinitions(root, definitions);
  const ctx: FlattenContext = { file, text, diagnostics, definitions };
  const tokens: BodyToken[] = [];
  flattenChildren(root.children, ctx, tokens);

  let h1: string | undefined;
  let section = '';
  let sectionSeen = false;
  let indexInSection = 0;
  let current: ParsedEntry | undefined;
  const entries: ParsedEntry[] = [];
  let warnedOutside = false;

  const refused = new Set<ParsedEntry>();
  for (const token of tokens) {
    if (token.kind === 'block' && treeDepth(token.node) > MAX_TREE_DEPTH) {
      // The pre-scan's estimate missed this nesting; the tree walks that follow are recursive, so refuse it here.
      const where = startOf(token.node);
      diagnostics.push(diagnosticAt('error', 'too-deep', `this block nests more than ${MAX_TREE_DEPTH} levels deep; ${current ? `entry "${current.title}" is left out` : 'it is left out'}`, file, where.line, where.column));
      if (current) refused.add(current);
      continue;
    }
    if (token.kind === 'block' && token.node.type === 'heading') {
      const heading = token.node;
      const where = startOf(heading);
      const text = headingText(heading);
      if (heading.depth === 1) {
        if (h1 === undefined) h1 = text;
        else diagnostics.push(diagnosticAt('warning', 'extra-h1', `a second H1 "${text}"; a glossary has one title`, file, where.line, where.column));
        current = undefined;
        continue;
      }
      if (heading.depth === 2) {
        section = text;
        sectionSeen = true;
        indexInSection = 0;
        current = undefined;
        if (!isLetterSection(text)) {
          diagnostics.push(
            diagnosticAt('error', 'bad-section', `section "## ${text}" must be a single uppercase letter (one character for scripts without case)`, file, where.line, where.column),
          );
        }
        continue;
      }
      if (heading.depth === 3) {
        if (!sectionSeen) {
          diagnostics.push(diagnosticAt('error', 'entry-without-section', `entry "${text}" stands before any "## X" letter section`, file, where.line, where.column));
        }
        // Bidirectional controls never reach a title (./bidi.ts); the compiler has warned at this line already.
        const shown = stripBidiControls(text);
        let parts = splitHeading(shown.length > MAX_TITLE ? shown.slice(0, MAX_TITLE) : shown);
        if (shown.length > MAX_TITLE) {
          diagnostics.push(diagnosticAt('warning', 'long-heading', `an entry heading of ${shown.length} characters is cut to ${MAX_TITLE}; is a blank line missing after it?`, file, where.line, where.column));
        }
        if (parts.customAnchor !== undefined && !VALID_CUSTOM_ANCHOR.test(parts.customAnchor)) {
          diagnostics.push(
            diagnosticAt('error', 'bad-anchor', `custom anchor "[[${parts.customAnchor}]]" may only use letters, digits, "-", "_" and "."`, file, where.line, where.column),
          );
          parts = { title: parts.title };
        }
        if (!parts.title) {
          diagnostics.push(diagnosticAt('error', 'empty-heading', 'an entry heading without a title', file, where.line, where.column));
        }
        current = {
          file,
          rawHeading: text,
          title: parts.title,
          ...(parts.customAnchor ? { customAnchor: parts.customAnchor } : {}),
          section,
          indexInSection: indexInSection++,
          line: where.line,
          column: where.column,
          tokens: [],
        };
        entries.push(current);
        continue;
      }
      if (!current) {
        diagnostics.push(
          diagnosticAt('error', 'heading-outside-section', `heading "${text}" (level ${heading.depth}) stands outside any entry; entries are "### term" headings inside "## X" sections`, file, where.line, where.column),
        );
        continue;
      }
    }
    if (current) {
      current.tokens.push(token);
      continue;
    }
    if (token.kind === 'comment' && isMetadataComment(token.value)) {
      diagnostics.push(diagnosticAt('warning', 'metadata-outside-entry', 'a glossary metadata comment outside any entry applies to nothing', file, token.start.line, token.start.column));
      continue;
    }
    // Before the first entry of a section, only comments and blank space belong; the intro after the H1 is free text.
    if (sectionSeen && token.kind !== 'comment' && !warnedOutside) {
      warnedOutside = true;
      const where = token.kind === 'block' ? startOf(token.node) : token.start;
      diagnostics.push(diagnosticAt('warning', 'content-outside-entry', 'content between a "## X" heading and its first "### term" belongs to no entry and is dropped', file, where.line, where.column));
    }
  }
  if (h1 === undefined) diagnostics.push(diagnosticAt('warning', 'missing-h1', 'the glossary has no "# Title" heading', file, 1, 1));
  if (entries.length === 0) diagnostics.push(diagnosticAt('warning', 'no-entries', 'no "### term" entries: is this a glossary?', file, 1, 1));
  const kept = refused.size === 0 ? entries : entries.filter((entry) => !refused.has(entry));
  return { file, text, ...(h1 !== undefined ? { h1 } : {}), entries: kept, definitions };
}
