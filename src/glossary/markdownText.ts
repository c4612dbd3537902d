/**
 * Markdown written from untrusted text, defined once: the escaping the hover, the tree tooltips and the compiler's
 * rewritten links use, link destinations that cannot break out of `(...)`, `command:` URIs, code spans and blocks that
 * show text literally. Glossary text is data, never markup: it may come from a custom glossary file in the workspace.
 * Pure TypeScript, no `vscode` import.
 */

/** HTML's three special characters become entities: even with HTML disabled, no tag can ever be formed. */
const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * The ASCII punctuation characters that can start inline markup wherever they stand in a line: the backslash, code
 * spans, emphasis, links and images (`[`, `]`; an image's `!` needs the `[`), strikethrough, table cells, VS Code's
 * theme icons `$(name)` and e-mail autolinks (`@`). They are always escaped. The others (`.`, `,`, `:`, `(`, `-`, …)
 * mean something only at the start of a line (a heading, a list item, a thematic break) or in a URL, and are escaped
 * only there (see escapeMarkdown): a CommonMark renderer reads `\,` as `,`, but clients that show hover Markdown as
 * highlighted source (Neovim before 0.10) would print every backslash, and glossary prose is full of commas.
 */
export const MARKDOWN_INLINE_SPECIAL_CHARS = '\\`*_[]~|$@';

/** One regular expression, compiled once: hovers call escapeMarkdown on the hot path. */
const specialOrHtml = new RegExp(
  `[${[...MARKDOWN_INLINE_SPECIAL_CHARS, ...Object.keys(htmlEntities)].map((char) => char.replace(/[\\\]^-]/, '\\$&')).join('')}]`,
  'g',
);

/**
 * What can open a block at the start of a line (after up to three spaces): an ATX heading (`#`), a list item or a
 * thematic break or setext underline (`-`, `+`, `=`), an ordered list item (`1.`, `1)`); its last character is escaped.
 */
const blockStart = /^( {0,3})([#+=-]|\d{1,9}[.)])/;

/** A URL's scheme separator and a `www.` prefix, which renderers with autolinking (marked, in VS Code) would link. */
const autolinkStart = /(:)(?=\/\/)|(?<=\bwww)(\.)/gi;

/**
 * Returns `text` as inert Markdown: rendered, it shows exactly the characters of `text` on one line, and no
 * character of it can start a link, an image, a command link, emphasis, a code span, a block or an HTML tag.
 * Line breaks become spaces because a hover line must not open a new block (a heading, a list, a fence).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(specialOrHtml, (char) => htmlEntities[char] ?? `\\${char}`)
    .replace(autolinkStart, '\\$&')
    .replace(blockStart, (_, indent: string, marker: string) => `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}`);
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
