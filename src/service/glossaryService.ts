import * as vscode from 'vscode';
import { classifyConfigChange, readConfig, type ConfigChange, type GlossaryConfig } from '../config';
import {
  alignmentReference,
  mergeTermMaps,
  parseTermMapJson,
  type AlignmentReference,
  type TermMap,
} from '../glossary';
import { Disposable } from '../util/dispose';
import { waitAtMost, type BoundedWait } from './boundedWait';
import type { GlossaryCompilerHost } from './compilerHost';
import { CustomGlossaries, type CustomGlossaryReport, type LoadStep } from './customGlossaries';
import type { GlossaryFileSystem } from './glossaryFiles';
import { createSnapshot, type GlossarySnapshot } from './snapshot';

export type { CustomGlossaryReport, LoadStep } from './customGlossaries';
export type { GlossarySnapshot } from './snapshot';

/**
 * Where the build writes the bundled term map, relative to the extension's root, as URI path segments. It is read
 * through `vscode.workspace.fs`, which serves both hosts: in a web extension host the extension's files are not on a
 * local disk but behind a URI the workbench fetches.
 */
const BUNDLED_TERM_MAP_PATH = ['dist', 'termmap.json'] as const;

/**
 * How long a hover waits for the first load of the custom and repository glossaries when it comes while that load is
 * still running, so that a translator's first hover shows their repository's wording rather than the bundled one. The
 * load takes a few hundred milliseconds from the first need on a busy machine (`npm run bench`), and usually started
 * when the page was shown; a load that takes longer (a huge or broken file, an overloaded machine) is not waited for
 * beyond this, once: the hover then shows the bundled wording and the repository's appears when it is ready.
 */
const FIRST_LOAD_WAIT_MS = 400;

/** The term map that stands in when the bundled file cannot be read: the extension stays up and says why. */
const EMPTY_TERM_MAP: TermMap = { schemaVersion: 1, locales: ['en'], terms: [] };

/**
 * The one glossary service of the extension. It owns the settings (read here and nowhere else, through config.ts),
 * the bundled term map and the custom glossaries, and publishes one immutable GlossarySnapshot of what the features
 * read. Nothing is read during construction: the term map, the custom glossaries and the matcher index are built on
 * first use, and rebuilt only when what they depend on changes.
 */
export class GlossaryService extends Disposable {
  private config: GlossaryConfig = readConfig();
  private bundled: TermMap | undefined;
  private bundledLoad: Promise<void> | undefined;
  private bundledReference: AlignmentReference | undefined;
  private current: GlossarySnapshot | undefined;
  private readonly custom: CustomGlossaries;
  private readonly steps = new Map<LoadStep, number>();
  /** How many times `onDidChange` has fired. */
  private changes = 0;
  private firstLoadWait: BoundedWait | undefined;
  /**
   * How long the first hover may wait for the first load (`FIRST_LOAD_WAIT_MS`). The integration test of that wait
   * lengthens it before anything is loaded, so that a machine too busy to compile within the bound cannot make it
   * fail; the bound itself is unit-tested (test/unit/service/boundedWait.test.ts).
   */
  public firstLoadWaitMs = FIRST_LOAD_WAIT_MS;

  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  /** Fires when the snapshot changed: the term map, the display locale, the docs version or the ignored terms. */
  public readonly onDidChange = this._onDidChange.event;

  private readonly _onDidChangeSettings = this._register(new vscode.EventEmitter<ConfigChange>());
  /** Fires after a change of this extension's settings, with what it affects; `settings` is already up to date. */
  public readonly onDidChangeSettings = this._onDidChangeSettings.event;

  public constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
    compiler: GlossaryCompilerHost,
    homeDirectory?: vscode.Uri,
    private readonly files: GlossaryFileSystem = vscode.workspace.fs,
  ) {
    super();
    // The compiler host is the platform seam: the composition root picks a worker thread (Node) or the web extension
    // host's own thread, and the service only hands it sources. The custom glossaries own it and dispose of it with
    // themselves. `homeDirectory` is what `~` in a custom glossary path means; a web host has none. `files` is what the
    // files are read with (the Node host reads `file:` URIs with Node, see ./nodeFileSystem.ts). The bundled term map
    // is the alignment reference of a translation compiled alone: the custom glossaries are found and read beside it,
    // and their compilation waits for it.
    this.custom = this._register(
      new CustomGlossaries(
        output,
        compiler,
        homeDirectory,
        files,
        async () => {
          await this.whenReady();
          if (!this.bundled) return undefined;
          return (this.bundledReference ??= alignmentReference(this.bundled));
        },
        (step) => this.mark(step),
      ),
    );
    this._register({ dispose: () => this.firstLoadWait?.cancel() });
    this._register(
      this.custom.onDidChange(() => {
        this.current = undefined;
        this.fireChange();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        const change = classifyConfigChange(event);
        if (
          !change.display &&
          !change.matcher &&
          !change.customGlossaries &&
          !change.discovery &&
          !change.hoverRegistration
        ) {
          return;
        }
        this.config = readConfig();
        // Custom glossaries are only read once something has asked for the term map; until then there is nothing to refresh.
        if ((change.customGlossaries || change.discovery) && this.bundledLoad) void this.custom.reload();
        if (change.display || change.matcher) {
          // A language or docs version change keeps the matcher; a change of the ignored terms rebuilds it.
          const previous = this.current;
          this.current = previous && !change.matcher ? this.build(previous.termMap, previous.matcher) : undefined;
          this.fireChange();
        }
        this._onDidChangeSettings.fire(change);
      }),
    );
  }

  /** The settings the service follows now. */
  public get settings(): GlossaryConfig {
    return this.config;
  }

  /**
   * What the features read now. The first call starts reading the bundled term map; until it has been read (see
   * `whenReady`), the snapshot holds no terms, and `onDidChange` fires once it has. Features that answer a request
   * (a hover, a command) await `whenReady()` first; views simply re-render on `onDidChange`.
   */
  public snapshot(): GlossarySnapshot {
    if (!this.current) {
      void this.whenReady();
      const custom = this.custom.current;
      if (custom) this.mark('inUse');
      this.current = this.build(mergeTermMaps(this.bundled ?? EMPTY_TERM_MAP, custom ? [custom] : []));
    }
    return this.current;
  }

  /**
   * Resolves once the bundled term map has been read (or found unreadable, when an empty one stands in); the first
   * call starts reading it, and starts the first load of the custom and repository glossaries beside it (see
   * `whenFirstLoadSettled`).
   */
  public whenReady(): Promise<void> {
    if (!this.bundledLoad) {
      this.mark('firstNeed');
      this.bundledLoad = this.readBundledTermMap().then((termMap) => {
        this.bundled = termMap;
        this.mark('bundledReady');
        this.current = undefined;
        // The views and the diagnostics hear of it once the first load of the repository's glossary has settled too
        // (bounded like the first hover's wait), unless that load announced itself: otherwise they would build their
        // trees and termbases for the bundled term map and again, a moment later, for the merged one, on the thread
        // the worker's answer waits for. A snapshot asked for meanwhile has the bundled terms.
        const changes = this.changes;
        void this.whenFirstLoadSettled().then(() => {
          if (!this.isDisposed && this.changes === changes) this.fireChange();
        });
      });
      // The repository's glossaries are found, read and handed to a starting worker while the bundled term map is
      // read, rather than after it: only their compilation needs it. Still on first use, never at activation.
      void this.custom.ensureLoaded();
    }
    return this.bundledLoad;
  }

  /**
   * Resolves once the bundled term map has been read and the first load of the custom and repository glossaries has
   * ended (loaded, failed or found nothing), or `FIRST_LOAD_WAIT_MS` after the first call, whichever comes first. The
   * wait is bounded once for all callers: a hover that comes while a slow first load runs waits at most that long,
   * and later hovers not at all. Reloads (edits, settings) are never waited for: the glossary they replace is good.
   */
  public async whenFirstLoadSettled(): Promise<void> {
    await this.whenReady();
    this.firstLoadWait ??= waitAtMost(this.custom.ensureLoaded(), this.firstLoadWaitMs);
    await this.firstLoadWait.settled;
  }

  /** Recompiles the custom and discovered glossaries now (the reload command, file changes). */
  public async reloadCustomGlossaries(): Promise<CustomGlossaryReport> {
    await this.whenReady();
    return this.custom.reload();
  }

  /** Resolves once the custom and discovered glossaries have been read (or found unreadable). */
  public async whenCustomGlossariesLoaded(): Promise<CustomGlossaryReport> {
    await this.whenReady();
    return this.custom.ensureLoaded();
  }

  /** When each step of the first load happened (`performance.now()`), for the bench. */
  public get loadSteps(): ReadonlyMap<LoadStep, number> {
    return this.steps;
  }

  private fireChange(): void {
    this.changes++;
    this._onDidChange.fire();
  }

  private mark(step: LoadStep): void {
    if (!this.steps.has(step)) this.steps.set(step, performance.now());
  }

  private build(termMap: TermMap, matcher?: GlossarySnapshot['matcher']): GlossarySnapshot {
    const { language, docsVersion, ignoredTerms } = this.config;
    return createSnapshot(termMap, { language, uiLanguage: vscode.env.language, docsVersion, ignoredTerms }, matcher);
  }

  private async readBundledTermMap(): Promise<TermMap> {
    const uri = vscode.Uri.joinPath(this.extensionUri, ...BUNDLED_TERM_MAP_PATH);
    try {
      const text = new TextDecoder().decode(await this.files.readFile(uri));
      return parseTermMapJson(text, uri.scheme === 'file' ? uri.fsPath : uri.toString());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.output.error(vscode.l10n.t('The bundled glossary could not be read: {0}', message));
      void vscode.window.showErrorMessage(vscode.l10n.t('The bundled glossary could not be read: {0}', message));
      return EMPTY_TERM_MAP;
    }
  }
}
