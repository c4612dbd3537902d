/**
 * Terminology diagnostics (a VS Code adapter): runs the core's terminology check (src/terminology) on the Markdown
 * documents whose language is known, publishes its findings as diagnostics, and offers their fixes as code actions
 * (./codeActions.ts). Every rule is the core's: this file decides only when to check, which lines, and how offsets
 * become positions. It uses nothing but `vscode` and the pure core, so the web extension host runs it unchanged.
 *
 * When: a document is checked when it opens, after an edit (debounced, per version), when the glossary service
 * publishes a new snapshot (another glossary, a language change) and when a setting of the check changes; its
 * diagnostics go when it closes. What: after an edit, the edited lines first (the core's `range` option), published at
 * once; then the rest of the document from there on in chunks, yielding to the extension host between chunks,
 * because an edit can open a fence or a comment that changes how every later line reads. A chunk of an older version
 * is dropped, never published.
 */
import * as vscode from 'vscode';
import { affectsTerminologyCheck, readTerminologyCheckConfig } from '../config';
import { documentLocaleFromPath, isGlossaryDocumentPath, type Locale, type TermMap } from '../glossary';
import type { GlossarySnapshot } from '../service/snapshot';
import { checkDocument, findingMessage, type CheckOptions, type FindingSeverity } from '../terminology';
import { debounce, type Debounced } from '../util/debounce';
import { Disposable } from '../util/dispose';
import { TerminologyCodeActions, type CheckedDocument } from './codeActions';
import { EMPTY_STATE, applyChanges, markAllDirty, markClean, replaceRegion, type FindingState } from './findingState';

/** What the diagnostics read of the glossary service: its snapshot of the moment and its change event. */
export interface TerminologyGlossarySource {
  snapshot(): GlossarySnapshot;
  readonly onDidChange: vscode.Event<void>;
}

/** The `source` of every diagnostic this feature publishes; the code actions recognise their diagnostics by it. */
const DIAGNOSTIC_SOURCE = 'Transformers Glossary';

/** How long after the last keystroke a document is checked again. */
export const CHECK_DELAY_MS = 200;

/**
 * How much text (UTF-16 units, rounded up to whole lines) one step of a check reads before it yields. A step also
 * reads the lines before it for their state, which the core does with a few comparisons per line.
 */
export const CHUNK_SIZE = 32_768;

/**
 * The URI schemes checked: files, unsaved editors, notebook cells, remote repositories, a server's files as the web
 * extension host sees them (`vscode-remote`: Codespaces, code-server in the browser) and the test file system of the
 * web build. Diff views of history (`git:`), output panes and settings editors stay quiet.
 */
const CHECKED_SCHEMES = new Set([
  'file',
  'untitled',
  'vscode-notebook-cell',
  'vscode-vfs',
  'vscode-remote',
  'vscode-test-web',
]);

/** `.md` files, and `.mdx` doc-builder pages when an extension gives them their own language id. */
const CHECKED_LANGUAGES = new Set(['markdown', 'mdx']);

const SEVERITIES: Readonly<Record<FindingSeverity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export interface TerminologyDiagnosticsOptions {
  /** Reports a check that failed (the core never throws on bad input; this is the last guard). */
  readonly warn: (message: string) => void;
}

/** Registers the terminology diagnostics and their code actions; disposing removes both and every diagnostic. */
export function registerTerminologyDiagnostics(
  glossary: TerminologyGlossarySource,
  options: TerminologyDiagnosticsOptions,
): vscode.Disposable {
  return new TerminologyDiagnostics(glossary, options);
}

interface Entry {
  readonly document: vscode.TextDocument;
  options: CheckOptions & { readonly locale: Locale };
  state: FindingState;
  /** The term map the findings came from; another one marks the whole document for a check. */
  termMap: TermMap | undefined;
  /** Incremented by every pass that starts; a pass that is no longer the latest stops. */
  pass: number;
  readonly run: Debounced<[]>;
}

/** The check options of a document, or undefined when it is not checked (not Markdown, language unknown, turned off). */
function checkOptionsFor(document: vscode.TextDocument): (CheckOptions & { readonly locale: Locale }) | undefined {
  if (!CHECKED_SCHEMES.has(document.uri.scheme) || !CHECKED_LANGUAGES.has(document.languageId)) return undefined;
  const config = readTerminologyCheckConfig(document.uri);
  if (!config.enabled) return undefined;
  const locale = documentLocaleFromPath(document.uri.path) ?? config.documentLanguage;
  if (locale === undefined) return undefined;
  return {
    locale,
    isGlossary: isGlossaryDocumentPath(document.uri.path),
    ignoredTerms: config.ignore,
    severities: { 'english-term': config.englishTermSeverity },
  };
}

class TerminologyDiagnostics extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('transformersGlossary'));
  private readonly entries = new Map<string, Entry>();

  public constructor(
    private readonly glossary: TerminologyGlossarySource,
    private readonly options: TerminologyDiagnosticsOptions,
  ) {
    super();
    this._register(vscode.workspace.onDidOpenTextDocument((document) => this.track(document)));
    this._register(vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)));
    this._register(vscode.workspace.onDidChangeTextDocument((event) => this.onEdit(event)));
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsTerminologyCheck(event)) this.recheckAll();
      }),
    );
    this._register(glossary.onDidChange(() => this.recheckAll()));
    this._register(
      vscode.languages.registerCodeActionsProvider(
        [...CHECKED_LANGUAGES].map((language) => ({ language })),
        new TerminologyCodeActions((document) => this.checked(document), DIAGNOSTIC_SOURCE),
        TerminologyCodeActions.metadata,
      ),
    );
    this._register({ dispose: () => this.entries.forEach((entry) => entry.run.cancel()) });
    for (const document of vscode.workspace.textDocuments) this.track(document);
  }

  /** Starts (or restarts, with new options) the check of a document, or forgets it when it is not to be checked. */
  private track(document: vscode.TextDocument): void {
    const options = checkOptionsFor(document);
    const key = document.uri.toString();
    if (!options) {
      this.forget(document.uri);
      return;
    }
    let entry = this.entries.get(key);
    if (!entry || entry.document !== document) {
      this.forget(document.uri);
      const created: Entry = {
        document,
        options,
        state: markAllDirty(EMPTY_STATE),
        termMap: undefined,
        pass: 0,
        run: debounce(() => void this.check(created), CHECK_DELAY_MS),
      };
      entry = created;
      this.entries.set(key, entry);
    } else {
      // A pass still running reads the old options or glossary: it stops, and the whole page is checked again.
      entry.pass++;
      entry.options = options;
      entry.state = markAllDirty(entry.state);
    }
    entry.run();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const entry = this.entries.get(key);
    if (entry) {
      entry.run.cancel();
      entry.pass++;
      this.entries.delete(key);
    }
    this.collection.delete(uri);
  }

  private recheckAll(): void {
    for (const document of vscode.workspace.textDocuments) this.track(document);
  }

  private onEdit(event: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(event.document.uri.toString());
    if (!entry || event.contentChanges.length === 0) return;
    // A pass still running reads an older text: it stops at its next step, and what it had left joins the edit's
    // region (its progress is already recorded as the state's dirtyFrom).
    entry.pass++;
    entry.state = applyChanges(
      entry.state,
      event.contentChanges.map((change) => ({
        offset: change.rangeOffset,
        removed: change.rangeLength,
        inserted: change.text.length,
      })),
    );
    entry.run();
  }

  /** The findings of a document as they stand, for the code actions; undefined when it is not checked. */
  private checked(document: vscode.TextDocument): CheckedDocument | undefined {
    const entry = this.entries.get(document.uri.toString());
    if (!entry || entry.document !== document) return undefined;
    return {
      findings: entry.state.findings,
      checkNow: () =>
        checkDocument(document.getText(), { ...entry.options, termMap: this.glossary.snapshot().termMap }),
    };
  }

  /** One pass: the edited lines, published at once, then every line after them in chunks, then published again. */
  private async check(entry: Entry): Promise<void> {
    const pass = ++entry.pass;
    const { document } = entry;
    const version = document.version;
    try {
      const termMap = this.glossary.snapshot().termMap;
      if (entry.termMap !== termMap) {
        entry.termMap = termMap;
        entry.state = markAllDirty(entry.state);
      }
      if (entry.state.dirtyFrom === undefined) return;
      const text = document.getText();
      const options = { ...entry.options, termMap };
      // In a glossary page every heading defines anchors that links anywhere may name: it is checked as a whole.
      const from = options.isGlossary ? 0 : Math.min(entry.state.dirtyFrom, text.length);
      let start = document.offsetAt(new vscode.Position(document.positionAt(from).line, 0));
      const lineAfter = (offset: number): number => {
        const line = document.positionAt(offset).line;
        return line + 1 >= document.lineCount ? text.length : document.offsetAt(new vscode.Position(line + 1, 0));
      };
      // The first step is the edited lines (a chunk at most); with no edit to start from (a document just opened, a
      // new glossary), it is the first chunk, which holds what the editor shows first.
      const { dirtyTo } = entry.state;
      const edited = dirtyTo !== undefined && dirtyTo > from ? lineAfter(dirtyTo) : Infinity;
      let end = Math.min(edited, lineAfter(start + CHUNK_SIZE));
      for (let first = true; ; first = false) {
        // The range ends before the next line's first character, so that the core does not read that line as well.
        const fresh = checkDocument(text, { ...options, range: { start, end: Math.max(start, end - 1) } });
        entry.state = replaceRegion(entry.state, start, end >= text.length ? Infinity : end, fresh);
        entry.state = { ...entry.state, dirtyFrom: end, dirtyTo: end };
        if (end >= text.length) break;
        if (first) this.publish(entry);
        start = end;
        end = lineAfter(start + CHUNK_SIZE);
        await new Promise((resolve) => setTimeout(resolve, 0));
        // An edit, a close or a newer pass since the last step: this pass's results belong to an older text.
        if (pass !== entry.pass || document.version !== version || this.isDisposed) return;
      }
      entry.state = markClean(entry.state);
      this.publish(entry);
    } catch (error) {
      this.options.warn(
        `The terminology check of ${document.uri.toString()} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private publish(entry: Entry): void {
    if (this.isDisposed || this.entries.get(entry.document.uri.toString()) !== entry) return;
    const { document } = entry;
    const reader = { l10n: vscode.l10n, language: vscode.env.language };
    this.collection.set(
      document.uri,
      entry.state.findings.map((finding) => {
        const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
        const diagnostic = new vscode.Diagnostic(
          range,
          findingMessage(finding, entry.options.locale, reader),
          SEVERITIES[finding.severity],
        );
        diagnostic.source = DIAGNOSTIC_SOURCE;
        diagnostic.code = finding.code;
        return diagnostic;
      }),
    );
  }
}
