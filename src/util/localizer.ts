/**
 * The part of `vscode.l10n` that pure modules need to word a message: `{0}`, `{1}`… in the English message are
 * replaced by `args`, after translation. The extension passes `vscode.l10n` itself; the language server passes a
 * translator over the same l10n bundles (src/lsp/strings.ts). Pure modules name it `l10n` and call its `t` with a string literal, so that
 * the manifest test finds every string and checks its translations.
 */
export interface Localizer {
  t(message: string, ...args: string[]): string;
}
