/**
 * What a reader sees of a terminology finding: its message and the titles of its fixes, in the reader's language. This
 * is the one source of those words for every face: the VS Code extension (src/diagnostics/, with `vscode.l10n`), the
 * language server (src/lsp/terminology.ts, with the same translations read from l10n/ by src/lsp/strings.ts) and the
 * command line (src/cli/, in English through `englishLocalizer`), so that a Spanish reader gets the same sentence in
 * the editor as in the language server, and a translator's sentence is the one CI prints in English. It is pure: the
 * translator is passed in, and its calls are string literals that the manifest test finds.
 */
import { languageName, type Locale } from '../glossary';
import { englishLocalizer, type Localizer } from '../util/localizer';
import type { Finding, NoFixReason } from './types';

/** Who reads a message: the translator into their language, and that language's tag (to name the page's language). */
export interface MessageReader {
  readonly l10n: Localizer;
  /** The reader's language (`vscode.env.language`, the server's display locale, `en` for the command line). */
  readonly language: string;
}

/** The command line's reader: the sentences the editor translates, in English, whatever the machine's locale. */
export const englishReader: MessageReader = { l10n: englishLocalizer, language: 'en' };

/**
 * The message of `finding`, found in a page of `documentLocale`. Each combination of what the finding says (a reason,
 * a form to use, why no fix writes it) is one key, so that a language that writes no space between sentences
 * (Japanese, Chinese) is not given one, and a translator sees whole sentences.
 */
export function findingMessage(finding: Finding, documentLocale: Locale, reader: MessageReader): string {
  const { l10n } = reader;
  const language = languageName(documentLocale, reader.language, 'mid-sentence');
  const { text, reason, suggestion: use } = finding;
  const noFix = use === undefined || finding.noFix === undefined ? undefined : noFixReason(finding.noFix, use, l10n);
  switch (finding.code) {
    case 'avoided-term':
      if (reason !== undefined) {
        if (use === undefined) return l10n.t('In {0}, the glossary avoids "{1}": {2}.', language, text, reason);
        return noFix === undefined
          ? l10n.t('In {0}, the glossary avoids "{1}": {2}. Use "{3}".', language, text, reason, use)
          : l10n.t(
              'In {0}, the glossary avoids "{1}": {2}. Its form is "{3}" (no automatic fix: {4}).',
              language,
              text,
              reason,
              use,
              noFix,
            );
      }
      if (use === undefined) return l10n.t('In {0}, the glossary avoids "{1}".', language, text);
      return noFix === undefined
        ? l10n.t('In {0}, the glossary avoids "{1}". Use "{2}".', language, text, use)
        : l10n.t(
            'In {0}, the glossary avoids "{1}". Its form is "{2}" (no automatic fix: {3}).',
            language,
            text,
            use,
            noFix,
          );
    case 'english-term':
      if (use === undefined) {
        return l10n.t('"{0}" is the English term; in {1}, the glossary translates it.', text, language);
      }
      return noFix === undefined
        ? l10n.t('"{0}" is the English term; in {1}, the glossary translates it. Use "{2}".', text, language, use)
        : l10n.t(
            '"{0}" is the English term; in {1}, the glossary translates it as "{2}" (no automatic fix: {3}).',
            text,
            language,
            use,
            noFix,
          );
    case 'unknown-anchor':
      // A finding without a source is worded as a glossary link. (`case undefined` would say the same, but with
      // exactOptionalPropertyTypes TypeScript no longer counts it towards an exhaustive switch.)
      switch (finding.anchorSource ?? 'glossary-link') {
        case 'heading-marker':
          return l10n.t('The heading marker [[{0}]] names no glossary term.', text);
        case 'page-link':
          return l10n.t('No term or heading of this glossary has the anchor "#{0}".', text);
        case 'glossary-link':
          return l10n.t('The glossary has no term with the anchor "#{0}".', text);
      }
  }
}

/** Why no fix writes `use`: a clause that ends a finding's message. */
function noFixReason(why: NoFixReason, use: string, l10n: Localizer): string {
  switch (why.kind) {
    case 'number-unknown':
      return why.number === 'plural'
        ? l10n.t('the plural of "{0}" is not known', why.form)
        : l10n.t('the singular of "{0}" is not known', why.form);
    case 'other-english-name':
      return l10n.t('"{0}" is another English name of the term, which may not mean the same as "{1}"', why.form, use);
    case 'gender-unknown':
      return l10n.t('the gender of "{0}" is not known, and "{1}" must agree with it', why.form, why.article);
    case 'article-contracts':
      return l10n.t('"{0}" would have to become "el", which contracts with the word before it', why.article);
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
