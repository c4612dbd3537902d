import * as vscode from 'vscode';
import { readCustomGlossaryPaths } from '../config';
import {
  formatDiagnostic,
  localeFromPath,
  type AlignmentReference,
  type Diagnostic,
  type GlossarySource,
  type TermMap,
} from '../glossary';
import { debounce } from '../util/debounce';
import { Disposable, disposeAll } from '../util/dispose';
import { MAX_CUSTOM_GLOSSARY_BYTES, type GlossaryCompilerHost } from './compilerHost';
import {
  discoverWorkspaceGlossaries,
  discoveryWatchPatterns,
  type GlossaryFileSystem,
  resolveCustomGlossaryUris,
  uriBasename,
} from './glossaryFiles';
import {
  compileFailureMessage,
  fallbackMessage,
  hasErrorsMessage,
  loadedMessages,
  tooLargeMessage,
  unreadableMessage,
  type GlossaryFileLabel,
} from './glossaryMessages';

// The size limit of a custom glossary lives beside the compiler seam, so that the language server shares it.
export { MAX_CUSTOM_GLOSSARY_BYTES } from './compilerHost';

/** What one reload of the custom glossaries did, for the reload command's callers (tests, users' keybindings). */
export interface CustomGlossaryReport {
  /** `loaded`: the files compiled cleanly and are merged now; `failed`: they had errors and the previous state stays; `skipped`: nothing to read (no files listed, or an untrusted workspace). */
  readonly status: 'loaded' | 'failed' | 'skipped';
  /** The files that were read, as URIs: the discovered ones first, then the ones the settings list. */
  readonly files: readonly string[];
  /** Those of `files` that were found in the workspace (`docs/source/<lang>/glossary.md`) rather than listed. */
  readonly discovered: readonly string[];
  readonly errors: number;
  readonly warnings: number;
  /** Set when the compiler host could not use its worker and compiled on the calling thread: why it could not. */
  readonly fallback?: string;
}

/**
 * The steps of the first load of the custom and repository glossaries, in order, whose times the bench reports: the
 * first need (`firstNeed`, the service's), the bundled term map read (`bundledReady`), the files found (`discovered`)
 * and read (`read`), the compilation started and answered, the result published, and a snapshot built with it.
 */
export type LoadStep =
  'firstNeed' | 'bundledReady' | 'discovered' | 'read' | 'compileStart' | 'compiled' | 'published' | 'inUse';

/** How long file events are collected before the glossaries are compiled again: an editor save fires several. */
const RELOAD_DELAY_MS = 300;

/**
 * The custom glossaries listed in `transformersGlossary.customGlossaries` and the repository's own glossaries found in
 * the workspace (`docs/source/<lang>/glossary.md`, see ./glossaryFiles.ts): read, compiled together, reported and
 * watched. Only a compilation without errors replaces `current`; a broken file leaves the glossary the user already
 * had, and the problems go to the output channel, a warning and the Problems view. In an untrusted workspace the
 * listed files are not read at all: workspace settings must not make the extension read arbitrary files. Discovered
 * files are read there too: they are part of the workspace the user chose to open, found by a fixed path rather than
 * named by a setting, and the compiler treats their text as data, never as markup or script.
 */
export class CustomGlossaries extends Disposable {
  private _current: TermMap | undefined;
  private readonly diagnostics = this._register(vscode.languages.createDiagnosticCollection('transformersGlossary'));
  private watchers: vscode.Disposable[] = [];
  private generation = 0;
  private lastLoad: Promise<CustomGlossaryReport> | undefined;
  private readonly scheduleReload = debounce(() => void this.reload(), RELOAD_DELAY_MS);

  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when `current` changed. */
  public readonly onDidChange = this._onDidChange.event;

  public constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly compiler: GlossaryCompilerHost,
    private readonly homeDirectory: vscode.Uri | undefined,
    /** What the files are read with (see ./glossaryFiles.ts). */
    private readonly files: GlossaryFileSystem,
    /**
     * The bundled glossary as alignment reference, so that a translation listed alone gets the English anchors; it
     * resolves once the bundled term map has been read, which the first load's compilation (and only it) waits for.
     */
    private readonly reference: () => Promise<AlignmentReference | undefined>,
    /** Notes when a step of the first load happened (the bench's timeline). */
    private readonly mark: (step: LoadStep) => void = () => undefined,
  ) {
    super();
    this._register(compiler);
    this._register({ dispose: () => this.scheduleReload.cancel() });
    this._register({ dispose: () => disposeAll(this.watchers.splice(0)) });
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
  }

  /** The merged term map of the last clean compilation, or undefined when there is none. */
  public get current(): TermMap | undefined {
    return this._current;
  }

  /** The latest load, started on first use; callers that need the custom terms await it. */
  public ensureLoaded(): Promise<CustomGlossaryReport> {
    return this.lastLoad ?? this.reload();
  }

  /** Reads and compiles the files again. Concurrent reloads are allowed; only the latest one publishes its result. */
  public reload(): Promise<CustomGlossaryReport> {
    const generation = ++this.generation;
    this.lastLoad = this.load(generation);
    return this.lastLoad;
  }

  private async load(generation: number): Promise<CustomGlossaryReport> {
    const isLatest = (): boolean => generation === this.generation && !this.isDisposed;
    const trusted = vscode.workspace.isTrusted;
    if (!trusted && readCustomGlossaryPaths().length > 0) {
      this.output.info(vscode.l10n.t('Custom glossaries are not read in an untrusted workspace.'));
    }
    const listed = trusted ? resolveCustomGlossaryUris(this.homeDirectory) : [];
    const discovered = await discoverWorkspaceGlossaries(this.files);
    this.mark('discovered');
    if (!isLatest()) return this.newerLoad([]);
    const listedKeys = new Set(listed.map((uri) => uri.toString()));
    // A discovered file that the settings also list is compiled once.
    const found = discovered.filter((uri) => !listedKeys.has(uri.toString()));
    const uris = [...found, ...listed];
    const discoveredFiles = found.map((uri) => uri.toString());
    this.watch(listed);
    if (uris.length === 0) {
      this.diagnostics.clear();
      this.publish(undefined);
      return { status: 'skipped', files: [], discovered: [], errors: 0, warnings: 0 };
    }

    const sources: GlossarySource[] = [];
    const readFailures: { label: GlossaryFileLabel; message: string }[] = [];
    const uriByFile = new Map<string, vscode.Uri>();
    // What the messages call each file: a discovered one is the repository's glossary, named by its path in the
    // workspace; a listed one is a custom glossary.
    const labels = new Map<string, GlossaryFileLabel>();
    // The compiler's worker starts now, while the files are read and the bundled term map (the alignment reference)
    // loads: starting a thread and loading the compiler into it is most of the first compilation's time.
    this.compiler.prepare?.();
    // The files are read together, and kept in their order (the order of the merge).
    const read = await Promise.all(uris.map((uri) => this.readSource(uri, discoveredFiles.includes(uri.toString()))));
    for (const { uri, file, label, source, failure } of read) {
      uriByFile.set(file, uri);
      labels.set(file, label);
      if (source) sources.push(source);
      if (failure !== undefined) readFailures.push({ label, message: failure });
    }
    this.mark('read');
    const allLabels = [...labels.values()];
    const files = uris.map((uri) => uri.toString());
    if (!isLatest()) return this.newerLoad(files);
    const report = (
      status: CustomGlossaryReport['status'],
      errors: number,
      warnings: number,
    ): CustomGlossaryReport => ({
      status,
      files,
      discovered: discoveredFiles,
      errors,
      warnings,
    });

    if (readFailures.length > 0) {
      // The Problems entries of the last compile describe files that are no longer what they were; the output channel
      // and the warning now say what is wrong.
      this.diagnostics.clear();
      for (const failure of readFailures) this.output.error(failure.message);
      // A refused or unreadable file is named in the warning itself: the Problems view has nothing to show for it.
      const [only] = readFailures;
      this.warnAboutErrors(
        readFailures.length === 1 && only
          ? only.message
          : hasErrorsMessage(
              readFailures.map((failure) => failure.label),
              vscode.l10n,
            ),
      );
      return report('failed', readFailures.length, 0);
    }

    // The compilation waits for the bundled term map: a translation compiled alone is aligned to its English anchors.
    const reference = await this.reference();
    if (!isLatest()) return this.newerLoad(files);
    this.mark('compileStart');
    const outcome = await this.compiler.compile(sources, reference ? { reference } : {});
    this.mark('compiled');
    // A compilation takes long enough now (it runs in a worker) for a file event or a settings change to start a newer
    // load meanwhile; the caller of this one is told what that newer load did, which is what the user ends up with.
    if (!isLatest()) return this.newerLoad(files);
    if (!outcome.ok) {
      const message = compileFailureMessage(outcome.reason, outcome.detail, allLabels, vscode.l10n);
      this.diagnostics.clear();
      this.output.error(message);
      this.warnAboutErrors(message);
      return report('failed', 1, 0);
    }
    if (outcome.fallback !== undefined) {
      this.output.error(fallbackMessage(outcome.fallback, vscode.l10n));
    }
    const result = outcome.result;
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const warnings = result.diagnostics.length - errors.length;
    this.showDiagnostics(result.diagnostics, uriByFile);
    for (const diagnostic of result.diagnostics) {
      const line = formatDiagnostic(diagnostic);
      if (diagnostic.severity === 'error') this.output.error(line);
      else this.output.warn(line);
    }
    if (errors.length > 0) {
      // The warning names the files the errors are in, each as what it is (the repository's or a custom glossary).
      const withErrors = [...new Set(errors.map((d) => labels.get(d.location.file)))].filter(
        (label): label is GlossaryFileLabel => label !== undefined,
      );
      const message = hasErrorsMessage(withErrors.length > 0 ? withErrors : allLabels, vscode.l10n);
      this.output.error(message);
      this.warnAboutErrors(message);
      return report('failed', errors.length, warnings);
    }
    for (const line of loadedMessages(allLabels, result.termMap.terms.length, vscode.l10n)) this.output.info(line);
    this.publish(result.termMap);
    this.mark('published');
    const loaded = report('loaded', 0, warnings);
    return outcome.fallback === undefined ? loaded : { ...loaded, fallback: outcome.fallback };
  }

  /** Reads one file: its source for the compiler, or why it was not read (too large, unreadable). */
  private async readSource(
    uri: vscode.Uri,
    discovered: boolean,
  ): Promise<{ uri: vscode.Uri; file: string; label: GlossaryFileLabel; source?: GlossarySource; failure?: string }> {
    const file = uri.scheme === 'file' ? uri.fsPath : uri.toString();
    const label: GlossaryFileLabel = { name: vscode.workspace.asRelativePath(uri), discovered };
    try {
      // The size is checked before reading, so that a huge file is never loaded into the extension host at all.
      const { size } = await this.files.stat(uri);
      if (size > MAX_CUSTOM_GLOSSARY_BYTES) {
        const sizeMb = (size / 1_048_576).toFixed(1);
        const limitMb = String(MAX_CUSTOM_GLOSSARY_BYTES / 1_048_576);
        return { uri, file, label, failure: tooLargeMessage(label, sizeMb, limitMb, vscode.l10n) };
      }
      // A discovered glossary's locale is the name of its folder (docs/source/<lang>/), by the core's path rule,
      // read from the URI's path so that a scheme or an encoded character cannot hide it.
      const locale = discovered ? localeFromPath(uri.path) : undefined;
      const content = await this.files.readFile(uri);
      return { uri, file, label, source: locale ? { file, content, locale } : { file, content } };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { uri, file, label, failure: unreadableMessage(label, reason, vscode.l10n) };
    }
  }

  /** What a superseded load reports: the outcome of the load that replaced it, unless the glossaries are gone. */
  private newerLoad(files: readonly string[]): Promise<CustomGlossaryReport> | CustomGlossaryReport {
    return this.isDisposed || !this.lastLoad
      ? { status: 'skipped', files, discovered: [], errors: 0, warnings: 0 }
      : this.lastLoad;
  }

  private publish(termMap: TermMap | undefined): void {
    if (termMap === undefined && this._current === undefined) return;
    this._current = termMap;
    this._onDidChange.fire();
  }

  private warnAboutErrors(message: string): void {
    const showProblems = vscode.l10n.t('Show Problems');
    const showOutput = vscode.l10n.t('Show Output');
    void vscode.window.showWarningMessage(message, showProblems, showOutput).then((choice) => {
      if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
      else if (choice === showOutput) this.output.show(true);
    });
  }

  private showDiagnostics(diagnostics: readonly Diagnostic[], uriByFile: ReadonlyMap<string, vscode.Uri>): void {
    this.diagnostics.clear();
    const byUri = new Map<string, { uri: vscode.Uri; items: vscode.Diagnostic[] }>();
    for (const diagnostic of diagnostics) {
      const uri = uriByFile.get(diagnostic.location.file);
      if (!uri) continue;
      const line = Math.max(diagnostic.location.line - 1, 0);
      const column = Math.max(diagnostic.location.column - 1, 0);
      const item = new vscode.Diagnostic(
        new vscode.Range(line, column, line, Number.MAX_SAFE_INTEGER),
        diagnostic.message,
        diagnostic.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
      );
      item.code = diagnostic.code;
      item.source = 'transformers-glossary';
      const group = byUri.get(uri.toString()) ?? { uri, items: [] };
      group.items.push(item);
      byUri.set(uri.toString(), group);
    }
    for (const { uri, items } of byUri.values()) this.diagnostics.set(uri, items);
  }

  /**
   * Watches exactly the listed files, and every `docs/source/*\/glossary.md` of the folders where discovery is on (so
   * that a glossary page added or deleted is noticed as well as one edited): any event recompiles, debounced.
   */
  private watch(uris: readonly vscode.Uri[]): void {
    disposeAll(this.watchers.splice(0));
    const patterns = [
      ...uris.map((uri) => new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uriBasename(uri))),
      ...discoveryWatchPatterns(),
    ];
    for (const pattern of patterns) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      watcher.onDidChange(() => this.scheduleReload());
      watcher.onDidCreate(() => this.scheduleReload());
      watcher.onDidDelete(() => this.scheduleReload());
      this.watchers.push(watcher);
    }
  }
}
