/**
 * Renders Markdown to HTML the way VS Code renders a hover, only more permissively: GitHub Flavored Markdown
 * (strikethrough, tables, autolink literals, as VS Code's `marked` renders them) and raw HTML passed through
 * untouched. If escaping missed anything, the tag, the link or the markup shows up in the output, which is what the
 * tests look for.
 */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true });

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** The href of every link and the src of every image in rendered HTML. */
export function linkTargets(html: string): string[] {
  return [...html.matchAll(/<(?:a|img)\b[^>]*?\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
}

/** The text of rendered HTML: tags removed, the entities the renderer writes decoded. */
export function textOf(html: string): string {
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  // One pass, so that an escaped entity (`&#x26;amp;`) decodes to its text (`&amp;`) and no further.
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|(quot|lt|gt|amp));/gi, (_, hex: string | undefined, name: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : named[name!]!,
    );
}

/**
 * The HTML with GFM autolink literals turned back into their text. GFM (cmark-gfm, and remark-gfm here) links a bare
 * `www.` or `https://` URL after backslash escapes are resolved, so no escaping can prevent it; VS Code's renderer
 * (marked) does not link escaped URLs at all. Such a link shows its own target as its text and can only be http(s)
 * or mailto, so it is no markup the glossary chose; tests that check for markup remove these and nothing else.
 */
export function withoutAutolinkLiterals(html: string): string {
  return html.replace(/<a href="([^"]*)">([^<]*)<\/a>/g, (whole, href: string, text: string) => {
    const shown = textOf(text);
    const target = textOf(href);
    const isLiteral =
      /^(?:https?:\/\/|mailto:)/.test(target) && [shown, `http://${shown}`, `mailto:${shown}`].includes(target);
    return isLiteral ? text : whole;
  });
}
