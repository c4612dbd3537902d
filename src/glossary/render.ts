/**
 * Renders the Markdown body of a glossary entry to HTML that is safe to place inside a webview.
 *
 * Glossary text is untrusted data: a custom glossary can contain anything. The HTML is therefore produced from
 * the Markdown syntax tree and never from the source text: raw HTML in the Markdown is dropped by remark-rehype
 * (it runs without `allowDangerousHtml`), every link is classified before it reaches the output, and the final tree
 * goes through rehype-sanitize with an allow-list that names every element and attribute this module emits.
 * Pure: no `vscode` import, so that the unit tests can feed it hostile Markdown in plain Node.
 */
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import rehypeSanitize from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { isTermIdShape } from './anchors';
import { parseHttpUrl } from './urlPolicy';
import { describeNestingProblem, firstNestingProblem, MAX_TREE_DEPTH, treeDepth } from './limits';

/**
 * How a link in an entry is shown.
 * - `term`: a reference to another entry, navigated inside the panel (`href` is `#term-id`).
 * - `external`: an http(s) URL, opened in the browser by the host after the user clicks.
 * - `unsafe`: anything else (`javascript:`, `command:`, `data:`, `file:`, unknown terms…); only its text is kept.
 */
type LinkKind = 'term' | 'external' | 'unsafe';

export interface LinkTarget {
  readonly kind: LinkKind;
  /** The href to emit: `#term-id` for terms, the normalized absolute URL for external links. */
  readonly href: string;
  /** The id of the referenced term, for `term` links. */
  readonly termId?: string;
}

export interface RenderOptions {
  /**
   * Classifies a link destination. Defaults to classifyHref; the panel narrows it so that references to terms
   * that do not exist become plain text.
   */
  readonly linkTarget?: (href: string) => LinkTarget;
}

/** The classification used when the caller gives none: `#id` is a term, http(s) is external, the rest is unsafe. */
export function classifyHref(href: string): LinkTarget {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) {
    const termId = trimmed.slice(1);
    return isTermIdShape(termId) ? { kind: 'term', href: `#${termId}`, termId } : { kind: 'unsafe', href: '' };
  }
  const url = parseHttpUrl(trimmed);
  return url === undefined ? { kind: 'unsafe', href: '' } : { kind: 'external', href: url };
}

/** The URL rule of the compiler, the renderer and the panel: one function, see ./urlPolicy.ts. */
export { parseHttpUrl };

/** The class given to block quotes that the compiler produced from `<Tip>` (a block quote opening with a bold label). */
const CALLOUT_CLASS = 'callout';

/**
 * Everything the rendered HTML may contain. Anything not named here is removed by rehype-sanitize, whatever a
 * plugin or a future remark version produces. Every field is given explicitly so that no default of the library
 * widens the list silently.
 */
const schema: SanitizeSchema = {
  tagNames: [
    'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'a',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'bdi',
  ],
  attributes: {
    a: ['href', 'dataTerm', ['dataExternal', 'true']],
    code: [['className', /^language-[A-Za-z0-9_+-]+$/]],
    blockquote: [['className', CALLOUT_CLASS]],
    ol: ['start'],
  },
  // Only fragment references (no scheme) and http(s) survive in href.
  protocols: { href: ['http', 'https'] },
  required: {},
  ancestors: { li: ['ul', 'ol'] },
  // Elements whose content must disappear with them (rather than be kept as text).
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math'],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function text(value: string): Text {
  return { type: 'text', value };
}

/**
 * Rewrites links and images in place: term and external links get the data attributes the webview script listens
 * for, unsafe links become their text, and images become links (a glossary must not load remote images into the
 * editor, which would tell a third party when someone reads an entry).
 */
function rewriteLinks(parent: Root | Element, linkTarget: (href: string) => LinkTarget): void {
  const rewritten: (ElementContent | RootContent)[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      rewritten.push(child);
      continue;
    }
    if (child.tagName === 'img') {
      const alt = typeof child.properties.alt === 'string' ? child.properties.alt : '';
      const src = typeof child.properties.src === 'string' ? child.properties.src : '';
      const link: Element = { type: 'element', tagName: 'a', properties: { href: src }, children: alt === '' ? [] : [text(alt)] };
      for (const node of rewriteAnchor(link, linkTarget, src)) rewritten.push(node);
      continue;
    }
    rewriteLinks(child, linkTarget);
    if (child.tagName === 'a') {
      for (const node of rewriteAnchor(child, linkTarget)) rewritten.push(node);
      continue;
    }
    if (child.tagName === 'blockquote' && startsWithBoldLabel(child)) {
      child.properties = { ...child.properties, className: [CALLOUT_CLASS] };
    }
    rewritten.push(child);
  }
  parent.children = rewritten;
}

function rewriteAnchor(anchor: Element, linkTarget: (href: string) => LinkTarget, fallbackText = ''): ElementContent[] {
  const href = typeof anchor.properties.href === 'string' ? anchor.properties.href : '';
  const target = linkTarget(href);
  const children = anchor.children.length > 0 ? anchor.children : [text(fallbackText || target.href)];
  if (target.kind === 'term' && target.termId !== undefined && isTermIdShape(target.termId)) {
    return [{ type: 'element', tagName: 'a', properties: { href: `#${target.termId}`, dataTerm: target.termId }, children }];
  }
  if (target.kind === 'external' && parseHttpUrl(target.href) !== undefined) {
    return [{ type: 'element', tagName: 'a', properties: { href: target.href, dataExternal: 'true' }, children }];
  }
  // An unsafe link keeps what the reader saw (its text), not where it pointed.
  return anchor.children.length > 0 ? anchor.children : fallbackText === '' ? [] : [text(fallbackText)];
}

/** The compiler turns `<Tip>` into a block quote whose first paragraph opens with a bold label. */
function startsWithBoldLabel(blockquote: Element): boolean {
  const firstParagraph = blockquote.children.find((c): c is Element => c.type === 'element');
  if (firstParagraph?.tagName !== 'p') return false;
  const first = firstParagraph.children.find((c) => !(c.type === 'text' && c.value.trim() === ''));
  return first?.type === 'element' && first.tagName === 'strong' && textOf(first).trim() !== '';
}

/** A run of right-to-left letters (Arabic, Hebrew, Syriac, Thaana), with the marks and spaces between them. */
const RTL_RUN = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}](?:[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{M} ]*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{M}])?/gu;

/**
 * Isolates each run of right-to-left letters inside code (`<bdi>`), so that code reads in the order it is written: in
 * `["جملة قصيرة", "جملة أطول"]` the bidirectional algorithm would otherwise join both strings and the `", "` between
 * them into one right-to-left run and show the second string first, as the source never says.
 */
function isolateRtlInCode(parent: Root | Element, inCode: boolean): void {
  const children: (ElementContent | RootContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') isolateRtlInCode(child, inCode || child.tagName === 'code');
    // `search`, not `test`: the pattern is global, and `test` would carry its lastIndex over to the next text.
    if (!inCode || child.type !== 'text' || child.value.search(RTL_RUN) < 0) {
      children.push(child);
      continue;
    }
    let last = 0;
    for (const match of child.value.matchAll(RTL_RUN)) {
      if (match.index > last) children.push(text(child.value.slice(last, match.index)));
      children.push({ type: 'element', tagName: 'bdi', properties: {}, children: [text(match[0])] });
      last = match.index + match[0].length;
    }
    if (last < child.value.length) children.push(text(child.value.slice(last)));
  }
  parent.children = children;
}

function rehypeGlossaryLinks(options: { linkTarget: (href: string) => LinkTarget }) {
  return (tree: Root) => {
    rewriteLinks(tree, options.linkTarget);
    isolateRtlInCode(tree, false);
  };
}

/** What rendering an entry gave: its HTML, or why it could not be rendered. */
export type RenderedEntry = { readonly ok: true; readonly html: string } | { readonly ok: false; readonly reason: string };

// Built on first use, for the same reason as the compiler's parser (./parse.ts): loading this module runs no library code.
let parser: ReturnType<typeof createParser> | undefined;
const createParser = () => unified().use(remarkParse).freeze();

/**
 * Renders an entry body to sanitized HTML, or says why it cannot. Never throws: entries reach the panel from custom
 * glossaries and term maps that our compiler may not have checked, so the nesting limits of ./limits.ts are applied
 * again before parsing (deep nesting overflows the recursive tree walks of remark-rehype and the serializer), the
 * parsed tree's depth is checked without recursion, and anything else that fails is reported, not thrown.
 */
export function renderEntry(markdown: string, options: RenderOptions = {}): RenderedEntry {
  try {
    const text = markdown.replace(/\r\n?/g, '\n');
    const problem = firstNestingProblem(text);
    if (problem) return { ok: false, reason: `the entry ${describeNestingProblem(problem)}` };
    parser ??= createParser();
    const tree = parser.parse(text);
    if (treeDepth(tree) > MAX_TREE_DEPTH) return { ok: false, reason: `the entry nests more than ${MAX_TREE_DEPTH} levels deep` };
    const linkTarget = options.linkTarget ?? classifyHref;
    const processor = unified()
      .use(remarkRehype, { allowDangerousHtml: false })
      .use(rehypeGlossaryLinks, { linkTarget })
      .use(rehypeSanitize, schema)
      .use(rehypeStringify);
    const hast = processor.runSync(tree);
    return { ok: true, html: processor.stringify(hast) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/**
 * Renders an entry body to sanitized HTML. The result contains no script, style, event handler or unsafe URL. An
 * entry that cannot be rendered (see renderEntry) becomes one paragraph saying why.
 */
export function renderEntryHtml(markdown: string, options: RenderOptions = {}): string {
  const rendered = renderEntry(markdown, options);
  return rendered.ok ? rendered.html : `<p class="render-error">This entry cannot be shown: ${escapeHtmlText(rendered.reason)}.</p>`;
}

function escapeHtmlText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
