/**
 * The terminology check as LSP diagnostics and quick fixes. The findings come from the core (src/terminology,
 * `checkDocument`); this module decides only when to check (at once on open, debounced after an edit, again for every
 * open document when the glossary changes), which locale a document is checked in (its `docs/source/<lang>/` path by
 * the core's `documentLocaleFromPath`, else the `documentLanguage` setting, else it is not checked), and converts
 * UTF-16 offsets into LSP positions, which count UTF-16 units as well.
 *
 * Diagnostics are pushed (`textDocument/publishDiagnostics`, which every client supports, Neovim 0.7 included) with the
 * document version they describe. Quick fixes are computed from the findings of the document's current version, never
 * from the `data` a client sends back, so a stale or forged diagnostic cannot make the server write anything the check
 * did not find.
 */
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentLocaleFromPath, isGlossaryDocumentPath, resolveDisplayLocale, type Locale } from '../glossary';
import type { GlossarySnapshot } from '../service/snapshot';
import {
  checkDocument,
  findingMessage,
  fixAllTitle,
  quickFixTitle,
  type Finding,
  type FindingSeverity,
} from '../terminology';
import { documentKind } from './documents';
import type { ServerSettings } from './settings';
import { localizerFor } from './strings';

const DIAGNOSTIC_SOURCE = 'transformers-glossary';

/** The code action kind of "fix every terminology finding of the file", for clients that run fix-all on save. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.transformersGlossary`;

const SEVERITY: Readonly<Record<FindingSeverity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export interface CheckContext {
  readonly glossary: GlossarySnapshot;
  readonly settings: ServerSettings;
  /** The file system paths of the custom and discovered glossaries: checked as glossaries (their anchors). */
  readonly glossaryFiles: readonly string[];
  /** The file system path of a `file:` URI, or undefined. */
  readonly pathOf: (uri: string) => string | undefined;
}

/** The locale `document` is checked in, or undefined when it is not checked. */
function checkedLocale(document: TextDocument, context: CheckContext): Locale | undefined {
  if (documentKind(document) !== 'markdown') return undefined;
  const file = context.pathOf(document.uri) ?? document.uri;
  const fromPath = documentLocaleFromPath(file);
  if (fromPath !== undefined) return fromPath;
  const setting = context.settings.documentLanguage;
  // The setting is settled on a locale of the term map as the display language is (`es-ES` → `es`, `zh` → `zh-hans`).
  return setting === '' ? undefined : resolveDisplayLocale(setting, 'en', context.glossary.termMap.locales);
}

/** The findings of one version of one document, computed at most once. */
export class FindingsCache {
  private readonly cache = new Map<
    string,
    { version: number; glossary: GlossarySnapshot; settings: ServerSettings; findings: Finding[] }
  >();

  /** The findings of the document's current version under the context's glossary and settings. */
  public findings(document: TextDocument, context: CheckContext): Finding[] {
    const cached = this.cache.get(document.uri);
    if (
      cached?.version === document.version &&
      cached.glossary === context.glossary &&
      cached.settings === context.settings
    ) {
      return cached.findings;
    }
    const locale = checkedLocale(document, context);
    const file = context.pathOf(document.uri);
    const findings =
      locale === undefined
        ? []
        : checkDocument(document.getText(), {
            termMap: context.glossary.termMap,
            locale,
            isGlossary: file !== undefined && (context.glossaryFiles.includes(file) || isGlossaryDocumentPath(file)),
            ignoredTerms: [...context.settings.ignoredTerms, ...context.settings.checkIgnore],
          });
    this.cache.set(document.uri, {
      version: document.version,
      glossary: context.glossary,
      settings: context.settings,
      findings,
    });
    return findings;
  }

  public forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/**
 * The LSP diagnostics of findings, worded as every face words them (src/terminology/messages.ts) in the
 * language the hover speaks: the glossary's display locale, which follows the `language` setting and else the
 * client's locale. The document's language is named in that language too ("en español", "スペイン語では").
 */
export function toDiagnostics(
  document: TextDocument,
  findings: readonly Finding[],
  context: CheckContext,
): Diagnostic[] {
  if (findings.length === 0) return [];
  const language = context.glossary.displayLocale;
  const reader = { l10n: localizerFor(language), language };
  const checked = checkedLocale(document, context);
  if (checked === undefined) return [];
  return findings.map((finding) => ({
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: findingMessage(finding, checked, reader),
  }));
}

/**
 * The quick fixes for the diagnostics a client asks about, and "fix all" when the file has any fix, titled as the
 * extension titles them, in the language of `displayLocale` (the hover's).
 */
export function codeActions(
  document: TextDocument,
  params: CodeActionParams,
  findings: readonly Finding[],
  displayLocale: Locale,
): CodeAction[] {
  const l10n = localizerFor(displayLocale);
  const only = params.context.only;
  const wants = (kind: string): boolean =>
    !only || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const actions: CodeAction[] = [];
  const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [document.uri]: edits } });
  const textEdit = (start: number, end: number, newText: string): TextEdit => ({
    range: { start: document.positionAt(start), end: document.positionAt(end) },
    newText,
  });
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isRange(diagnostic.range)) continue;
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      const finding = findings.find((f) => f.start === start && f.end === end && f.code === diagnostic.code);
      finding?.fixes.forEach((fix, index) => {
        actions.push({
          title: quickFixTitle(fix.newText, l10n),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: index === 0,
          edit: edit([textEdit(fix.start, fix.end, fix.newText)]),
        });
      });
    }
  }
  const all = findings.flatMap((finding) => finding.fixes.slice(0, 1));
  if (all.length > 0) {
    const fixAll = (kind: string): CodeAction => ({
      title: fixAllTitle(l10n),
      kind,
      edit: edit(all.map((fix) => textEdit(fix.start, fix.end, fix.newText))),
    });
    if (wants(CodeActionKind.QuickFix) && actions.length > 0) actions.push(fixAll(CodeActionKind.QuickFix));
    if (only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind.startsWith(CodeActionKind.Source))) {
      actions.push(fixAll(FIX_ALL_KIND));
    }
  }
  return actions;
}

function isPosition(value: unknown): boolean {
  const position = value as { line?: unknown; character?: unknown } | null;
  return (
    typeof position === 'object' &&
    position !== null &&
    Number.isSafeInteger(position.line) &&
    Number.isSafeInteger(position.character)
  );
}

/** Whether a client-sent range has the shape of one: diagnostics come back from the client as untrusted JSON. */
function isRange(value: unknown): boolean {
  const range = value as { start?: unknown; end?: unknown } | null;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}
