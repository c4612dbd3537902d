/**
 * Renders Markdown to HTML the way a permissive renderer would: raw HTML is passed through untouched. If escaping
 * missed anything, the tag or link shows up in the output, which is what the tests look for.
 */
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });

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
