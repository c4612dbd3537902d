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
import type { GlossaryCompilerHost } from './compilerHost';
import { CustomGlossaries, type CustomGlossaryReport } from './customGlossaries';
import { createSnapshot, type GlossarySnapshot } from './snapshot';

export type { CustomGlossaryReport } from './customGlossaries';
export type { GlossarySnapshot } from './snapshot';

/**
 * Where the build writes the bundled term map, relative to the extension's root, as URI path segments. It is read
 * through `vscode.workspace.fs`, which serves both hosts: in a web extension host the extension's files are not on a
 * local disk but behind a URI the workbench fetches.
 */
export const BUNDLED_TERM_MAP_PATH = ['dist', 'termmap.json'] as const;

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
  ) {
    super();
    // The compiler host is the platform seam: the composition root picks a worker thread (Node) or the web extension
    // host's own thread, and the service only hands it sources. The custom glossaries own it and dispose of it with
    // themselves. `homeDirectory` is what `~` in a custom glossary path means; a web host has none. The bundled term map
    // is the alignment reference of a translation compiled alone; custom glossaries are first read once it has loaded.
    this.custom = this._register(
      new CustomGlossaries(output, compiler, homeDirectory, () => {
        if (!this.bundled) return undefined;
        return (this.bundledReference ??= alignmentReference(this.bundled));
      }),
    );
    this._register(
      this.custom.onDidChange(() => {
        this.current = undefined;
        this._onDidChange.fire();
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
        if ((change.customGlossaries || change.discovery) && this.bundled) void this.custom.reload();
        if (change.display || change.matcher) {
          // A language or docs version change keeps the matcher; a change of the ignored terms rebuilds it.
          const previous = this.current;
          this.current = previous && !change.matcher ? this.build(previous.termMap, previous.matcher) : undefined;
          this._onDidChange.fire();
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
      this.current = this.build(mergeTermMaps(this.bundled ?? EMPTY_TERM_MAP, custom ? [custom] : []));
    }
    return this.current;
  }

  /**
   * Resolves once the bundled term map has been read (or found unreadable, when an empty one stands in); starts
   * reading it on first call. The custom and discovered glossaries start loading right after, in the background.
   */
  public whenReady(): Promise<void> {
    this.bundledLoad ??= this.readBundledTermMap().then((termMap) => {
      this.bundled = termMap;
      this.current = undefined;
      if (!this.isDisposed) this._onDidChange.fire();
      // The custom glossaries are first read together with the bundled term map, on first use rather than at activation.
      void this.custom.ensureLoaded();
    });
    return this.bundledLoad;
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

  private build(termMap: TermMap, matcher?: GlossarySnapshot['matcher']): GlossarySnapshot {
    const { language, docsVersion, ignoredTerms } = this.config;
    return createSnapshot(termMap, { language, uiLanguage: vscode.env.language, docsVersion, ignoredTerms }, matcher);
  }

  private async readBundledTermMap(): Promise<TermMap> {
    const uri = vscode.Uri.joinPath(this.extensionUri, ...BUNDLED_TERM_MAP_PATH);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return parseTermMapJson(text, uri.scheme === 'file' ? uri.fsPath : uri.toString());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.output.error(vscode.l10n.t('The bundled glossary could not be read: {0}', message));
      void vscode.window.showErrorMessage(vscode.l10n.t('The bundled glossary could not be read: {0}', message));
      return EMPTY_TERM_MAP;
    }
  }
}
