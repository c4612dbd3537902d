/**
 * Markdown written from untrusted text, defined once: the escaping the hover, the tree tooltips and the compiler's
 * rewritten links use, link destinations that cannot break out of `(...)`, `command:` URIs, code spans and blocks that
 * show text literally. Glossary text is data, never markup: it may come from a custom glossary file in the workspace.
 * Pure TypeScript, no `vscode` import.
 */

/** HTML's three special characters become entities: even with HTML disabled, no tag can ever be formed. */
const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Every ASCII punctuation character that CommonMark or GFM can give a meaning to (emphasis, links, images, code
 * spans, headings, lists, tables, strikethrough, autolinks through `:` and `/`, entity references through `;`).
 * CommonMark allows a backslash before any ASCII punctuation, so escaping too much is harmless while escaping too
 * little is not. The escaping regular expression is built from this list, so that the list is the whole truth.
 */
export const MARKDOWN_SPECIAL_CHARS = '\\`*_{}[]()#+-.!|~:/;"\'=?@$%^,';

/** One regular expression, compiled once: hovers call escapeMarkdown on the hot path. */
const specialOrHtml = new RegExp(`[${[...MARKDOWN_SPECIAL_CHARS, ...Object.keys(htmlEntities)].map((char) => char.replace(/[\\\]^-]/, '\\$&')).join('')}]`, 'g');

/**
 * Returns `text` as inert Markdown: rendered, it shows exactly the characters of `text` on one line, and no
 * character of it can start a link, an image, a command link, emphasis, a code span, a block or an HTML tag.
 * Line breaks become spaces because a hover line must not open a new block (a heading, a list, a fence).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(specialOrHtml, (char) => htmlEntities[char] ?? `\\${char}`);
}

/**
 * A Markdown link destination that cannot break out of `(...)` and that CommonMark reads back unchanged:
 * parentheses, white space, angle brackets, quotes, backslashes and backticks are percent-encoded (they are never
 * meaningful in the URLs and command URIs we build).
 */
export function encodeLinkDestination(uri: string): string {
  return uri.replace(/[()\s<>"'\\`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A `command:` URI with JSON arguments, as VS Code's Markdown command links expect them. */
export function commandUri(command: string, args: unknown): string {
  return encodeLinkDestination(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}

/** A code span that shows `value` literally, whatever backticks it contains. */
export function codeSpan(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  // Loops rather than Math.max(...lengths): a spread of 200,000 arguments overflows the stack.
  let longest = 0;
  for (const m of flat.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced code block that shows `value` literally. */
export function codeBlock(value: string, info = ''): string {
  let longest = 2;
  for (const m of value.matchAll(/^ {0,3}`+/gm)) longest = Math.max(longest, m[0].trim().length);
  const fence = '`'.repeat(longest + 1);
  return `${fence}${info}\n${value.replace(/\n+$/, '')}\n${fence}`;
}

/** A percent-encoded URL part decoded, or as written when it is not valid percent-encoding. */
export function decodeSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `text` cut to `max` characters with an ellipsis, for quoting untrusted text in a one-line message. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
