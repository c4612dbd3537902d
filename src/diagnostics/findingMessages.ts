/**
 * What a reader sees of a terminology finding: its message and the titles of its code actions, in the reader's
 * language. This is the one source of those strings for both faces that show findings in an editor, the VS Code
 * extension (./index.ts, ./codeActions.ts, with `vscode.l10n`) and the language server (src/lsp/terminology.ts, with
 * the same translations read from l10n/ by src/lsp/strings.ts), so that a Spanish reader gets the same sentence in
 * both. It is pure: the translator is passed in, and its calls are string literals that the manifest test finds.
 */
import type { Finding } from '../terminology';
import type { Localizer } from '../util/localizer';

/**
 * The diagnostic's message: the core's finding rebuilt from its fields by code, in the translator's language.
 * `language` is the name of the document's language as the reader calls it (`languageName(…, 'mid-sentence')`).
 */
export function findingMessage(finding: Finding, language: string, l10n: Localizer): string {
  // A message with a fix is one sentence pair per key, so that a language that writes no space between sentences
  // (Japanese, Chinese) is not given one.
  const use = finding.fixes[0]?.newText;
  switch (finding.code) {
    case 'avoided-term':
      if (finding.reason) {
        return use === undefined
          ? l10n.t('In {0}, the glossary avoids "{1}": {2}.', language, finding.text, finding.reason)
          : l10n.t('In {0}, the glossary avoids "{1}": {2}. Use "{3}".', language, finding.text, finding.reason, use);
      }
      return use === undefined
        ? l10n.t('In {0}, the glossary avoids "{1}".', language, finding.text)
        : l10n.t('In {0}, the glossary avoids "{1}". Use "{2}".', language, finding.text, use);
    case 'english-term':
      return use === undefined
        ? l10n.t('"{0}" is the English term; in {1}, the glossary translates it.', finding.text, language)
        : l10n.t(
            '"{0}" is the English term; in {1}, the glossary translates it. Use "{2}".',
            finding.text,
            language,
            use,
          );
    case 'unknown-anchor':
      return l10n.t('No glossary term or heading has the anchor "{0}".', finding.text);
  }
}

/** The title of the quick fix that writes `newText` in place of a finding. */
export function quickFixTitle(newText: string, l10n: Localizer): string {
  return l10n.t('Replace with "{0}"', newText);
}

/** The title of the action that applies the first fix of every finding of a file. */
export function fixAllTitle(l10n: Localizer): string {
  return l10n.t('Fix all glossary findings in this file');
}
