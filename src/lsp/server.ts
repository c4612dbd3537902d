/**
 * The language server's wiring: which LSP messages it answers and with what. Every answer comes from the pure core and
 * the pure feature modules the VS Code extension uses (the hover's content from src/hover/hoverContent.ts, links from
 * the core's URL rules, lookups from the core's `findTerm`): this file only converts positions and requests.
 *
 * Robustness: a request with malformed parameters gets an InvalidParams error, an exception in a handler an error
 * response (vscode-jsonrpc answers for us), a request cancelled before it ran a RequestCancelled error (vscode-jsonrpc
 * cancels the token of a request whose cancellation arrived while it was queued, and every handler checks it first),
 * and a document too large to scan is left alone with one log line. A broken glossary never stops the server.
 */
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Diagnostic,
  type CompletionItem,
  type Connection,
  type DocumentLink,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeHover, hoverMarkdown } from '../hover/hoverContent';
import { SETTINGS_SECTION } from '../ids';
import { findTerm } from '../terminology';
import type { GlossaryCompilerHost } from '../service/compilerHost';
import { MatchContexts, documentKind, lineText } from './documents';
import { GlossaryState } from './glossaries';
import { DEFAULT_SETTINGS, clientLocale, readSettings, type ServerSettings } from './settings';
import { hoverStringsFor } from './strings';
import { FIX_ALL_KIND, FindingsCache, codeActions, toDiagnostics, type CheckContext } from './terminology';

/** The commands of `workspace/executeCommand`. */
const LspCommands = {
  /** Arguments: `[query: string]`. Answers `{ termId, title, locale, markdown, url }` or null. */
  lookup: 'transformersGlossary.lookup',
  /** No arguments. Recompiles the custom and discovered glossaries; answers what the load did. */
  reloadGlossaries: 'transformersGlossary.reloadGlossaries',
} as const;

/**
 * The largest document the whole-document features (links, diagnostics) scan, in UTF-16 units: 16 MB of Markdown is no
 * page anyone writes, and scanning it would hold the server for seconds. Hovers read one line and have no such limit.
 */
const MAX_SCANNED_DOCUMENT_LENGTH = 16 * 1_048_576;

export interface ServerOptions {
  readonly bundledTermMapPath: string;
  readonly compiler: GlossaryCompilerHost;
  readonly env?: NodeJS.ProcessEnv;
}

/** How long the terminology check waits after an edit before checking again: typing is never blocked by it. */
const CHECK_DELAY_MS = 250;

/** Registers every handler on `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(TextDocument);
  const contexts = new MatchContexts();
  const findings = new FindingsCache();
  // Two sources publish on one URI (a glossary file open in the editor has both): each keeps its own list, and the
  // client always gets both together, since a push replaces everything it had for the URI.
  const compileDiagnostics = new Map<string, Diagnostic[]>();
  const checkDiagnostics = new Map<string, { version: number; items: Diagnostic[] }>();
  const publish = (uri: string): void => {
    const checked = checkDiagnostics.get(uri);
    void connection.sendDiagnostics({
      uri,
      ...(checked !== undefined ? { version: checked.version } : {}),
      diagnostics: [...(compileDiagnostics.get(uri) ?? []), ...(checked?.items ?? [])],
    });
  };
  const state = new GlossaryState({
    bundledTermMapPath: options.bundledTermMapPath,
    compiler: options.compiler,
    reporter: {
      log: (message) => connection.console.log(message),
      warn: (message) => {
        connection.console.warn(message);
        // A notification, not window/showMessageRequest: there is nothing to choose, and no answer to wait for.
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
      },
      fileDiagnostics: (uri, diagnostics) => {
        compileDiagnostics.set(
          uri,
          diagnostics.map((d) => ({
            range: {
              start: { line: Math.max(d.location.line - 1, 0), character: Math.max(d.location.column - 1, 0) },
              end: { line: Math.max(d.location.line - 1, 0), character: Math.max(d.location.column - 1, 0) },
            },
            message: d.message,
            severity: d.severity === 'error' ? 1 : 2,
            code: d.code,
            source: 'transformers-glossary',
          })),
        );
        publish(uri);
      },
    },
  });
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let folders: string[] = [];
  let uiLanguage = 'en';
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let canWatchFiles = false;
  let canTrackFolders = false;
  const tooLarge = new Set<string>();

  const configure = (next: ServerSettings): void => {
    settings = next;
    state.configure(settings, folders, uiLanguage);
    // The check's own settings (document language, ignored forms) change no snapshot, so every document is redone.
    checkAll();
  };

  const checkContext = (): CheckContext => ({
    glossary: state.snapshot(),
    settings,
    glossaryFiles: state.glossaryFiles(),
    pathOf: uriToPath,
  });
  const timers = new Map<string, NodeJS.Timeout>();
  /** Checks a document after `delay` ms, replacing a check already scheduled for it. */
  const scheduleCheck = (uri: string, delay: number): void => {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        const document = documents.get(uri);
        if (!document) return;
        let items: Diagnostic[] = [];
        if (scannable(document)) {
          const context = checkContext();
          items = toDiagnostics(document, findings.findings(document, context), context);
        }
        const previous = checkDiagnostics.get(uri);
        // The first check of a document is always published, even empty: a client then knows that it was checked.
        if (items.length === 0 && previous !== undefined && previous.items.length === 0) return;
        checkDiagnostics.set(uri, { version: document.version, items });
        publish(uri);
      }, delay),
    );
  };
  function checkAll(): void {
    for (const document of documents.all()) scheduleCheck(document.uri, 0);
  }
  state.onDidChange(checkAll);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    uiLanguage = clientLocale(params.locale, options.env ?? process.env);
    folders = workspaceFolderPaths(params);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canTrackFolders = params.capabilities.workspace?.workspaceFolders === true;
    configure(readSettings(params.initializationOptions));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        completionProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: Object.values(LspCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'transformers-glossary-lsp' },
    };
  });

  connection.onInitialized(() => {
    if (canRegisterConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (canWatchFiles) {
      // Saving a listed or discovered glossary, or creating one, recompiles: the hover follows without a restart.
      // Every Markdown file is watched because custom glossaries may live anywhere; the handler keeps only ours.
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.md' }],
      });
    }
    if (canPullConfiguration) void pullConfiguration();
    void state.whenLoaded();
    // vscode-languageserver refuses the handler when the client never sends folder changes.
    if (!canTrackFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => uriToPath(folder.uri)));
      folders = [
        ...folders.filter((folder) => !removed.has(folder)),
        ...event.added.map((f) => uriToPath(f.uri)),
      ].filter((folder): folder is string => folder !== undefined);
      state.configure(settings, folders, uiLanguage);
    });
  });

  /** Asks a client that keeps settings itself (VS Code style) for our section. */
  async function pullConfiguration(): Promise<void> {
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }])) as unknown[];
      configure(readSettings(section, settings));
    } catch (error) {
      connection.console.log(`The client did not answer workspace/configuration: ${String(error)}`);
    }
  }

  connection.onDidChangeConfiguration((params) => {
    const pushed: unknown = (params as { settings?: unknown } | undefined)?.settings;
    // A client that pushes settings sends them here; one that keeps them sends null, and is asked for them.
    if (pushed !== null && pushed !== undefined && !(typeof pushed === 'object' && Object.keys(pushed).length === 0)) {
      configure(readSettings(pushed, settings));
    } else if (canPullConfiguration) {
      void pullConfiguration();
    }
  });

  const watchedGlossaryChanged = (uri: string): boolean => {
    const file = uriToPath(uri);
    return file !== undefined && state.glossaryFiles().includes(file);
  };
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => watchedGlossaryChanged(change.uri))) void state.reload();
  });
  documents.onDidSave((event) => {
    if (!canWatchFiles && watchedGlossaryChanged(event.document.uri)) void state.reload();
  });
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    contexts.forget(uri);
    findings.forget(uri);
    tooLarge.delete(uri);
    opened.delete(uri);
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    if (checkDiagnostics.delete(uri)) publish(uri);
  });
  // A document is checked at once when it opens, and after a pause in typing when it changes.
  const opened = new Set<string>();
  documents.onDidOpen((event) => opened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const uri = event.document.uri;
    scheduleCheck(uri, opened.delete(uri) ? 0 : CHECK_DELAY_MS);
  });

  connection.onCodeAction((params, token) => {
    checkCancelled(token);
    const document = documents.get(textDocumentUri(params));
    if (!document || !scannable(document)) return null;
    if (!isRecord(params.context) || !Array.isArray(params.context.diagnostics)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'context.diagnostics must be an array');
    }
    const context = checkContext();
    return codeActions(document, params, findings.findings(document, context), context.glossary.displayLocale);
  });

  connection.onHover((params, token): Hover | null => {
    checkCancelled(token);
    const document = documents.get(textDocumentUri(params));
    if (!document) return null;
    const position = readPosition(params);
    const glossary = state.snapshot();
    const hover = computeHover(
      lineText(document, position.line),
      position.character,
      contexts.at(document, position.line),
      glossary,
      hoverStringsFor(glossary.displayLocale),
      { openEntryLink: false },
    );
    if (!hover) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: hover.markdown },
      range: {
        start: { line: position.line, character: hover.start },
        end: { line: position.line, character: hover.end },
      },
    };
  });

  connection.onDocumentLinks((params, token): DocumentLink[] | null => {
    checkCancelled(token);
    const document = documents.get(textDocumentUri(params));
    if (!document || !scannable(document)) return null;
    const glossary = state.snapshot();
    const context = documentKind(document) === 'code' ? 'code' : 'prose';
    const links: DocumentLink[] = [];
    for (const match of glossary.matcher.findAll(document.getText(), context)) {
      if (match.via !== 'link') continue;
      const target = glossary.glossaryUrl(match.termId, glossary.displayLocale);
      if (target === undefined) continue;
      const term = glossary.term(match.termId);
      links.push({
        range: { start: document.positionAt(match.start), end: document.positionAt(match.end) },
        target,
        ...(term !== undefined ? { tooltip: glossary.entryFor(term).entry.title } : {}),
      });
    }
    checkCancelled(token);
    return links;
  });

  connection.onCompletion((params, token): CompletionItem[] | null => {
    checkCancelled(token);
    if (!settings.completion) return null;
    const document = documents.get(textDocumentUri(params));
    if (!document || documentKind(document) === 'code') return null;
    const position = readPosition(params);
    // Terms are offered in prose only: a fenced Python block gets its own language's completions.
    if (contexts.at(document, position.line) !== 'prose') return null;
    const glossary = state.snapshot();
    return glossary.termMap.terms.map((term) => ({
      label: glossary.entryFor(term).entry.title,
      kind: CompletionItemKind.Text,
      detail: term.id,
      data: { termId: term.id },
    }));
  });

  connection.onCompletionResolve((item): CompletionItem => {
    const termId = (item.data as { termId?: unknown } | undefined)?.termId;
    const glossary = state.snapshot();
    const term = typeof termId === 'string' ? glossary.term(termId) : undefined;
    if (!term) return item;
    const markdown = hoverMarkdown(term, glossary, hoverStringsFor(glossary.displayLocale), { openEntryLink: false });
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: markdown } };
  });

  connection.onExecuteCommand(async (params, token) => {
    checkCancelled(token);
    const args: unknown[] = Array.isArray(params.arguments) ? params.arguments : [];
    switch (params.command) {
      case LspCommands.lookup: {
        const query = args[0];
        if (typeof query !== 'string' || query.length > 1000) {
          throw new ResponseError(ErrorCodes.InvalidParams, `${LspCommands.lookup} takes one string argument`);
        }
        const glossary = state.snapshot();
        const term = findTerm(glossary.termMap, query);
        if (!term) return null;
        const chosen = glossary.entryFor(term);
        return {
          termId: term.id,
          title: chosen.entry.title,
          locale: chosen.locale,
          markdown: hoverMarkdown(term, glossary, hoverStringsFor(glossary.displayLocale), { openEntryLink: false }),
          url: glossary.glossaryUrl(term.id, chosen.locale) ?? null,
        };
      }
      case LspCommands.reloadGlossaries:
        return state.reload();
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `unknown command: ${String(params.command)}`);
    }
  });

  /** Whether a whole-document feature may scan `document`; says once per document why not. */
  function scannable(document: TextDocument): boolean {
    if (document.getText().length <= MAX_SCANNED_DOCUMENT_LENGTH) return true;
    if (!tooLarge.has(document.uri)) {
      tooLarge.add(document.uri);
      connection.console.log(`${document.uri} is larger than ${MAX_SCANNED_DOCUMENT_LENGTH} characters: not scanned.`);
    }
    return false;
  }

  documents.listen(connection);
  connection.listen();
}

function checkCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `params.textDocument.uri`, or an InvalidParams error. */
function textDocumentUri(params: unknown): string {
  const textDocument = isRecord(params) ? params.textDocument : undefined;
  const uri = isRecord(textDocument) ? textDocument.uri : undefined;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument.uri must be a string');
  return uri;
}

/** `params.position` with non-negative integer fields, or an InvalidParams error. */
function readPosition(params: unknown): Position {
  const position = isRecord(params) ? params.position : undefined;
  const line = isRecord(position) ? position.line : undefined;
  const character = isRecord(position) ? position.character : undefined;
  if (
    !Number.isSafeInteger(line) ||
    !Number.isSafeInteger(character) ||
    (line as number) < 0 ||
    (character as number) < 0
  ) {
    throw new ResponseError(ErrorCodes.InvalidParams, 'position must have non-negative integer line and character');
  }
  return { line: line as number, character: character as number };
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(uriToPath).filter((folder): folder is string => folder !== undefined);
}
