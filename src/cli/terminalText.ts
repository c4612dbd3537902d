/**
 * Everything the command-line tool prints passes through here. Glossaries and scanned documents are untrusted
 * text, and a terminal obeys control characters: ESC starts sequences that retitle or clear the terminal or write
 * the clipboard, BEL rings, NEL and CR move the cursor, and the bidirectional controls reorder what a reader sees
 * (a line that looks harmless in a CI log while it says something else). Such characters are shown visibly as
 * `\u{1b}` instead of being obeyed. Tabs and line feeds stay: they are ordinary layout, and our own output uses
 * them. Every other character, in any script, is printed as it is.
 */

/**
 * C0 controls except tab and line feed, DEL, C1 controls, the bidirectional marks, embeddings, overrides and
 * isolates (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), and lone surrogates, which a terminal would
 * show as a replacement character that hides what the file really holds.
 */
const UNSAFE_FOR_TERMINAL =
  // Matching control characters is the whole point of this pattern.
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function codeUnitHex(character: string): string {
  return character.charCodeAt(0).toString(16);
}

/** `text` with every character of UNSAFE_FOR_TERMINAL written as a visible `\u{…}` escape. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (character) => `\\u{${codeUnitHex(character)}}`);
}

/**
 * JSON for the terminal: the same characters as `\uXXXX` escapes, which JSON.parse reads back to the original
 * string. They can only stand inside JSON strings, so the replacement never touches the structure; JSON.stringify
 * already escapes C0 controls and lone surrogates, and this adds the rest.
 */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_FOR_TERMINAL,
    (character) => `\\u${codeUnitHex(character).padStart(4, '0')}`,
  );
}
