import type * as vscode from 'vscode';
import type { Locale, Term, TermEntry, TermMap } from '../glossary';
import type { TermMatcher } from '../matching';

/**
 * What the editor features need from the loaded glossary. One instance lives for the extension's lifetime; the
 * term map and the matcher index are built on first use, not during activation.
 */
export interface GlossaryService extends vscode.Disposable {
  /** The current term map (bundled plus custom glossaries). Loads it on first call. */
  termMap(): TermMap;
  term(id: string): Term | undefined;
  /** The matcher over the current term map, honouring `transformersGlossary.ignoredTerms`. */
  matcher(): TermMatcher;
  /** The locale entries are shown in: the setting, or VS Code's display language when `auto`, else English. */
  displayLocale(): Locale;
  /**
   * The entry of `term` to show for `locale` (default: displayLocale()), falling back to English and then to any
   * locale the term has. `isFallback` says that the entry is not in the requested locale.
   */
  entryFor(term: Term, locale?: Locale): { locale: Locale; entry: TermEntry; isFallback: boolean };
  /** A huggingface.co URL rewritten for the `transformersGlossary.docsVersion` setting. */
  docsUrl(url: string): string;
  /** The glossary page URL of a term on huggingface.co for a locale, with the docs version applied. */
  glossaryUrl(termId: string, locale: Locale): string;
  /** Fires when the term map, the display locale or any setting that changes what is shown changes. */
  readonly onDidChange: vscode.Event<void>;
}
