/**
 * The part of `vscode.l10n` that pure modules need to word a message: `{0}`, `{1}`… in the English message are
 * replaced by `args`, after translation. The extension passes `vscode.l10n` itself; the language server passes a
 * translator over the same l10n bundles (src/lsp/strings.ts). Pure modules name it `l10n` and call its `t` with a string literal, so that
 * the manifest test finds every string and checks its translations.
 */
export interface Localizer {
  t(message: string, ...args: string[]): string;
}

/**
 * `message` with `{0}`, `{1}`… replaced by `args` in one pass, as `vscode.l10n.t` does, so that an argument that
 * contains a placeholder is not replaced again; a placeholder without an argument stays as written.
 */
export function fillPlaceholders(message: string, args: readonly string[]): string {
  return message.replace(/\{(\d+)\}/g, (placeholder, index: string) => args[Number(index)] ?? placeholder);
}

/** The messages in English, as written in the source: what the command line prints, whatever the machine's locale. */
export const englishLocalizer: Localizer = { t: (message, ...args) => fillPlaceholders(message, args) };
