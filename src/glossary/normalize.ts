/**
 * Normalization of one entry body: from doc-builder Markdown to plain CommonMark with every link resolved.
 *
 * The output is built from slices of the original source with targeted edits (links rewritten, components
 * replaced, raw HTML made inert), so that everything we don't touch — code blocks, emphasis, lists — stays exactly
 * as the author wrote it.
 */
import type { Definition, Html, InlineCode, Link, LinkReference, Image, ImageReference, Nodes, Text } from 'mdast';
import type { Diagnostic, Locale, ResolvedLink } from './types';
import type { BodyToken, Point } from './parse';
import { endOf, parseComponentTag, startOf } from './parse';
import { diagnosticAt } from './diagnostics';
import { englishAnchor } from './anchors';
import type { LineIndex } from './lineIndex';
import { codeBlock, codeSpan, encodeLinkDestination, escapeMarkdown, truncate } from './markdownText';
import { resolveUrl, type LinkResolution } from './resolveLinks';
import { plainText, summaryOf } from './plainText';
import { findLeakedPrompt, weightedLength } from './translationChecks';
import { isApiName, resolveApiReference } from './apiLinks';
import { httpUrlProblem } from './urlPolicy';
import type { EntryMetadata } from './metadata';
import { isMetadataComment, parseMetadataComment } from './metadata';

export interface NormalizeContext {
  readonly file: string;
  readonly locale: Locale;
  readonly text: string;
  readonly lines: LineIndex;
  /** Every term id of the compile: the targets in-page links may point to. */
  readonly knownIds: ReadonlySet<string>;
  readonly definitions: ReadonlyMap<string, Definition>;
  readonly diagnostics: Diagnostic[];
}

export interface NormalizedEntry {
  readonly markdown: string;
  readonly summary: string;
  readonly links: ResolvedLink[];
  readonly metadata: EntryMetadata;
  /** Plain text of each paragraph, for the untranslated-text check. */
  readonly paragraphs: string[];
  /** Length of the prose, weighted so that dense scripts compare fairly with English. */
  readonly proseWeight: number;
}

/** The label of a callout in the languages the Transformers docs are written in, by locale (a Map: locales come from input). */
const CALLOUT_LABELS: ReadonlyMap<string, { tip: string; warning: string }> = new Map(Object.entries({
  en: { tip: 'Tip', warning: 'Warning' },
  es: { tip: 'Consejo', warning: 'Advertencia' },
  fr: { tip: 'Astuce', warning: 'Avertissement' },
  de: { tip: 'Tipp', warning: 'Warnung' },
  it: { tip: 'Suggerimento', warning: 'Avvertenza' },
  pt: { tip: 'Dica', warning: 'Aviso' },
  ja: { tip: 'ヒント', warning: '警告' },
  ko: { tip: '팁', warning: '경고' },
  zh: { tip: '提示', warning: '警告' },
  ar: { tip: 'نصيحة', warning: 'تحذير' },
  hi: { tip: 'सुझाव', warning: 'चेतावनी' },
  tr: { tip: 'İpucu', warning: 'Uyarı' },
}));

export function calloutLabel(locale: Locale, warning: boolean): string {
  const labels = CALLOUT_LABELS.get(locale) ?? CALLOUT_LABELS.get('en')!;
  return warning ? labels.warning : labels.tip;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;

/** The video id of `<Youtube id="…"/>`, written with double or single quotes or as a JSX expression. */
function youtubeId(attributes: string): string | undefined {
  const match = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})/.exec(attributes);
  const id = match?.[1] ?? match?.[2] ?? match?.[3];
  return id !== undefined && YOUTUBE_ID.test(id) ? id : undefined;
}

function isWarningTip(attributes: string): boolean {
  return /\bwarning\s*=\s*(?:\{\s*true\s*\}|"true"|'true')/.test(attributes) || /^warning$/.test(attributes.trim());
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly render: () => string;
}

/** Normalizes one entry. Never throws on odd input: every problem becomes a diagnostic. */
export class EntryNormalizer {
  private readonly links: ResolvedLink[] = [];
  private readonly paragraphs: string[] = [];
  private proseWeight = 0;
  private readonly codeBlocks = new Map<string, number>();

  constructor(
    private readonly ctx: NormalizeContext,
    private readonly metadata: EntryMetadata,
  ) {}

  /** For each `<Tip>` token, the index of its `</Tip>`; filled once per entry so that pairing stays linear. */
  private closingTips = new Map<number, number>();

  normalize(tokens: readonly BodyToken[]): NormalizedEntry {
    this.closingTips = pairTips(tokens);
    const pieces = this.renderTokens(tokens, 0, tokens.length);
    const markdown = pieces.filter((p) => p.trim().length > 0).join('\n\n');
    return {
      markdown,
      summary: summaryOf(tokens),
      links: this.links,
      metadata: this.metadata,
      paragraphs: this.paragraphs,
      proseWeight: this.proseWeight,
    };
  }

  private warn(code: string, message: string, at: Point | { line: number; column: number }, severity: 'warning' | 'error' = 'warning'): void {
    this.ctx.diagnostics.push(diagnosticAt(severity, code, message, this.ctx.file, at.line, at.column));
  }

  /** Renders tokens[from, to), pairing `<Tip>` with `</Tip>` into block quotes. */
  private renderTokens(tokens: readonly BodyToken[], from: number, to: number): string[] {
    const out: string[] = [];
    for (let i = from; i < to; i++) {
      const token = tokens[i]!;
      switch (token.kind) {
        case 'block':
          out.push(this.renderBlock(token.node));
          break;
        case 'comment':
          this.readComment(token.value, token.start);
          break;
        case 'raw-html':
          this.warn('raw-html', 'raw HTML is not part of the glossary dialect; it is kept as literal text', token.start);
          out.push(codeBlock(token.value, 'html'));
          break;
        case 'component': {
          if (token.name === 'Tip' && token.role === 'open') {
            const paired = this.closingTips.get(i);
            const close = paired !== undefined && paired < to ? paired : -1;
            if (close < 0) this.warn('unclosed-tag', '<Tip> without a matching </Tip>; the callout runs to the end of the entry', token.start);
            const innerEnd = close < 0 ? to : close;
            const label = calloutLabel(this.ctx.locale, isWarningTip(token.attributes));
            const inner = this.renderTokens(tokens, i + 1, innerEnd).filter((p) => p.trim().length > 0);
            out.push(blockquote(`**${label}**`, inner));
            i = close < 0 ? to : close;
          } else if (token.name === 'Tip' && token.role === 'close') {
            this.warn('orphan-closing-tag', '</Tip> without an opening <Tip>; ignored', token.start);
          } else if (token.name === 'Tip') {
            this.warn('unknown-component', 'a self-closing <Tip/> has no content; ignored', token.start);
          } else if (token.name === 'Youtube') {
            if (token.role === 'close') break;
            out.push(this.youtube(token.attributes, token.start));
          } else if (token.role !== 'close') {
            // The closing tag of an unknown component was reported with its opening tag.
            this.warn('unknown-component', `unknown component <${token.name}>; only <Youtube> and <Tip> are part of the dialect (its tag is dropped)`, token.start, 'error');
          }
          break;
        }
      }
    }
    return out;
  }

  private youtube(attributes: string, at: Point | { line: number; column: number }): string {
    const id = youtubeId(attributes);
    if (!id) {
      this.warn('bad-component-attribute', '<Youtube> needs id="…" with a YouTube video id; dropped', at);
      return '';
    }
    const url = `https://www.youtube.com/watch?v=${id}`;
    this.links.push({ kind: 'video', text: 'YouTube', url });
    return `[▶ YouTube](${url})`;
  }

  private readComment(value: string, at: Point): void {
    if (isMetadataComment(value)) parseMetadataComment(value, this.ctx.file, at.line, at.column, this.metadata, this.ctx.diagnostics);
  }

  private renderBlock(node: Nodes): string {
    if (node.type === 'code') {
      const key = node.value.trim();
      if (key) {
        const seen = this.codeBlocks.get(key);
        if (seen !== undefined) {
          this.warn('duplicate-code-block', `this code block repeats the one on line ${seen} word for word`, startOf(node));
        } else {
          this.codeBlocks.set(key, startOf(node).line);
        }
      }
    }
    if (node.type === 'definition') return '';
    this.collectProse(node);
    const edits: Edit[] = [];
    this.collectEdits(node, edits);
    return this.renderSlice(startOf(node).offset, endOf(node).offset, edits);
  }

  /** Records paragraph text for the defect checks and looks for leaked machine-translation prompts. */
  private collectProse(node: Nodes): void {
    const stack: Nodes[] = [node];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (current.type === 'paragraph') {
        const plain = plainText(current);
        this.paragraphs.push(plain.replace(/\s+/g, ' ').trim());
        this.proseWeight += weightedLength(plain);
        const leaked = findLeakedPrompt(plain);
        if (leaked) {
          const at = startOf(current);
          this.warn('leaked-prompt', `this looks like a machine-translation prompt or reply left in the text: "${truncate(leaked.line, 60)}"`, {
            line: at.line + leaked.index,
            column: leaked.index === 0 ? at.column : 1,
          });
        }
        continue;
      }
      if ('children' in current) for (const child of current.children) stack.push(child);
    }
  }

  private renderSlice(start: number, end: number, edits: readonly Edit[]): string {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    let out = '';
    let cursor = start;
    for (const edit of sorted) {
      if (edit.start < cursor || edit.end > end) continue;
      out += this.ctx.text.slice(cursor, edit.start) + edit.render();
      cursor = edit.end;
    }
    return out + this.ctx.text.slice(cursor, end);
  }

  private renderChildren(node: Link | LinkReference): string {
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    if (!first || !last) return '';
    const edits: Edit[] = [];
    this.collectEdits(node, edits);
    return this.renderSlice(startOf(first).offset, endOf(last).offset, edits);
  }

  private collectEdits(node: Nodes, edits: Edit[]): void {
    if (!('children' in node)) return;
    for (const child of node.children) {
      switch (child.type) {
        case 'link':
          edits.push(this.linkEdit(child));
          break;
        case 'linkReference':
          edits.push(this.referenceEdit(child));
          break;
        case 'image':
          edits.push(this.imageEdit(child, child.url));
          break;
        case 'imageReference':
          edits.push(this.imageEdit(child, this.ctx.definitions.get(child.identifier)?.url ?? ''));
          break;
        case 'definition':
          edits.push({ start: startOf(child).offset, end: endOf(child).offset, render: () => '' });
          break;
        case 'html':
          edits.push(this.htmlEdit(child));
          break;
        case 'inlineCode': {
          const edit = node.type === 'link' || node.type === 'linkReference' ? undefined : this.autolinkEdit(child);
          if (edit) edits.push(edit);
          break;
        }
        case 'text':
          this.spacedDestinationEdits(child, edits);
          this.reversedLinkEdits(child, edits);
          break;
        default:
          this.collectEdits(child, edits);
      }
    }
  }

  /** ``[`BertModel`]``: one code span directly inside brackets that are not a link. */
  private autolinkEdit(code: InlineCode): Edit | undefined {
    const text = this.ctx.text;
    const start = startOf(code).offset;
    const end = endOf(code).offset;
    if (text[start - 1] !== '[' || text[end] !== ']' || text[start - 2] === '\\' || text[end + 1] === '(') return undefined;
    if (!isApiName(code.value)) return undefined;
    const reference = resolveApiReference(code.value);
    return {
      start: start - 1,
      end: end + 1,
      render: () => {
        if (!reference.url) return codeSpan(reference.display);
        this.links.push({ kind: 'docs', text: reference.display, url: reference.url });
        return `[${codeSpan(reference.display)}](${encodeLinkDestination(reference.url)})`;
      },
    };
  }

  /**
   * `[text](#some anchor)` is not a link in CommonMark (a destination cannot contain spaces), but it is plainly
   * meant as one. We warn, and repair it when the anchor it spells names a term.
   */
  private spacedDestinationEdits(node: Text, edits: Edit[]): void {
    const start = startOf(node).offset;
    // The node's value holds every `](#` its source does (escapes only remove backslashes): a cheap test first.
    if (!node.value.includes('](#')) return;
    const source = this.ctx.text.slice(start, endOf(node).offset);
    if (!source.includes('](#')) return;
    // Bounded repetitions keep the pattern linear on hostile text; real labels and anchors are far shorter.
    for (const match of source.matchAll(/(^|[^\\!])\[([^[\]\n]{1,200})\]\((#[^()\n]{0,200})\)/g)) {
      if (!/\s/.test(match[3]!.trim())) continue;
      const matchStart = start + match.index + match[1]!.length;
      const matchEnd = start + match.index + match[0].length;
      const label = match[2]!;
      const target = match[3]!.slice(1).trim();
      const id = englishAnchor(target.replace(/\s+/g, ' '));
      const at = this.ctx.lines.at(matchStart);
      if (this.ctx.knownIds.has(id)) {
        this.warn('malformed-reference', `"[${truncate(label, 30)}](#${target})" is not a link in CommonMark (spaces in the destination); read as #${id}`, at);
        edits.push({
          start: matchStart,
          end: matchEnd,
          render: () => {
            this.links.push({ kind: 'term', text: label, termId: id });
            return `[${label}](#${id})`;
          },
        });
      } else {
        this.warn('broken-reference', `"[${truncate(label, 30)}](#${target})" is not a link (spaces in the destination) and names no term`, at);
      }
    }
  }

  /** `(https://…)[text]`, a link written backwards (a slip seen in translations): warn and repair it. */
  private reversedLinkEdits(node: Text, edits: Edit[]): void {
    const start = startOf(node).offset;
    if (!node.value.includes(')[')) return;
    const source = this.ctx.text.slice(start, endOf(node).offset);
    if (!source.includes(')[')) return;
    for (const match of source.matchAll(/\((https?:\/\/[^()\s]{1,2000})\)\[([^[\]\n]{1,200})\]/g)) {
      const matchStart = start + match.index;
      const url = match[1]!;
      const label = match[2]!;
      const problem = httpUrlProblem(url);
      if (problem !== undefined) {
        this.warn('unsafe-link', `the link "${truncate(url, 80)}" is not allowed (${problem}); kept as plain text`, this.ctx.lines.at(matchStart));
        continue;
      }
      this.warn('malformed-link', `"(${truncate(url, 40)})[${truncate(label, 30)}]" is a link written backwards; read as [${truncate(label, 30)}](${truncate(url, 40)})`, this.ctx.lines.at(matchStart));
      edits.push({
        start: matchStart,
        end: matchStart + match[0].length,
        render: () => {
          this.links.push({ kind: 'external', text: label, url });
          return `[${escapeMarkdown(label)}](${encodeLinkDestination(url)})`;
        },
      });
    }
  }

  private linkEdit(link: Link): Edit {
    const start = startOf(link);
    return {
      start: start.offset,
      end: endOf(link).offset,
      render: () => this.renderLink(link, link.url, start),
    };
  }

  private referenceEdit(reference: LinkReference): Edit {
    const start = startOf(reference);
    const definition = this.ctx.definitions.get(reference.identifier);
    return {
      start: start.offset,
      end: endOf(reference).offset,
      render: () => (definition ? this.renderLink(reference, definition.url, start) : this.renderChildren(reference)),
    };
  }

  /** Resolves a link destination against this entry's locale and the compile's term ids (see ./resolveLinks.ts). */
  private resolveUrl(rawUrl: string, at: Point): LinkResolution {
    return resolveUrl(rawUrl, this.ctx, (code, message) => this.warn(code, message, at));
  }

  private renderLink(node: Link | LinkReference, url: string, at: Point): string {
    const inner = this.renderChildren(node);
    const text = plainText(node).replace(/\s+/g, ' ').trim();
    const resolution = this.resolveUrl(url, at);
    if (!resolution) return inner;
    if (resolution.kind === 'term') this.links.push({ kind: 'term', text, termId: resolution.termId! });
    else this.links.push({ kind: resolution.kind, text, url: resolution.url });
    return `[${inner || escapeMarkdown(text || resolution.url)}](${encodeLinkDestination(resolution.url)})`;
  }

  private imageEdit(image: Image | ImageReference, url: string): Edit {
    const start = startOf(image);
    return {
      start: start.offset,
      end: endOf(image).offset,
      render: () => {
        const alt = escapeMarkdown(image.alt ?? '');
        const resolution = this.resolveUrl(url, start);
        if (!resolution || resolution.kind === 'term') return alt;
        this.links.push({ kind: resolution.kind, text: image.alt ?? '', url: resolution.url });
        return `![${alt}](${encodeLinkDestination(resolution.url)})`;
      },
    };
  }

  private htmlEdit(node: Html): Edit {
    const start = startOf(node);
    const value = node.value;
    const render = (): string => {
      const trimmed = value.trim();
      if (trimmed.startsWith('<!--')) {
        this.readComment(trimmed, start);
        return '';
      }
      const tag = parseComponentTag(trimmed);
      if (tag?.name === 'Youtube') return tag.role === 'close' ? '' : this.youtube(tag.attributes, start);
      if (tag?.name === 'Tip') {
        if (tag.role === 'close') return '';
        return `**${calloutLabel(this.ctx.locale, isWarningTip(tag.attributes))}:** `;
      }
      if (tag) {
        if (tag.role === 'close') return '';
        this.warn('unknown-component', `unknown component <${tag.name}>; only <Youtube> and <Tip> are part of the dialect (its tag is dropped)`, start, 'error');
        return '';
      }
      this.warn('raw-html', 'raw HTML is not part of the glossary dialect; it is kept as literal text', start);
      // A code span (rather than a code block) keeps the surrounding paragraph, list or quote intact.
      return codeSpan(value);
    };
    return { start: start.offset, end: endOf(node).offset, render };
  }

}

/** Pairs `<Tip>` and `</Tip>` tokens like brackets; unmatched ones stay out of the map. */
function pairTips(tokens: readonly BodyToken[]): Map<number, number> {
  const pairs = new Map<number, number>();
  const open: number[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'component' || token.name !== 'Tip') return;
    if (token.role === 'open') open.push(index);
    else if (token.role === 'close') {
      const opener = open.pop();
      if (opener !== undefined) pairs.set(opener, index);
    }
  });
  return pairs;
}

function blockquote(label: string, inner: readonly string[]): string {
  const body = inner.join('\n\n');
  const quoted = body
    .split('\n')
    .map((line) => (line.length > 0 ? `> ${line}` : '>'))
    .join('\n');
  return body ? `> ${label}\n>\n${quoted}` : `> ${label}`;
}
