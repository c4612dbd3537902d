import * as fs from 'node:fs';
import * as path from 'node:path';
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
 * Where the build writes the bundled term map, relative to the extension's root. Node's `fs` reads it: the file is
 * inside the extension, which always lives on the extension host's file system.
 */
export const BUNDLED_TERM_MAP_PATH = path.join('dist', 'termmap.json');

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
  ) {
    super();
    // The compiler host is the platform seam: the composition root picks a worker thread (Node) or another host, and
    // the service only hands it sources. The custom glossaries own it and dispose of it with themselves.
    this.custom = this._register(
      new CustomGlossaries(
        output,
        compiler,
        () => (this.bundledReference ??= alignmentReference(this.bundledTermMap())),
      ),
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
        if (!change.display && !change.matcher && !change.customGlossaries && !change.hoverRegistration) return;
        this.config = readConfig();
        // Custom glossaries are only read once something has asked for the term map; until then there is nothing to refresh.
        if (change.customGlossaries && this.bundled) void this.custom.reload();
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

  /** What the features read now. Loads the bundled term map (and starts loading the custom glossaries) on first call. */
  public snapshot(): GlossarySnapshot {
    if (!this.current) {
      const custom = this.custom.current;
      this.current = this.build(mergeTermMaps(this.bundledTermMap(), custom ? [custom] : []));
    }
    return this.current;
  }

  /** Recompiles the custom glossaries now (the reload command, file changes). */
  public reloadCustomGlossaries(): Promise<CustomGlossaryReport> {
    this.bundledTermMap();
    return this.custom.reload();
  }

  /** Resolves once the custom glossaries listed in the settings have been read (or found unreadable). */
  public whenCustomGlossariesLoaded(): Promise<CustomGlossaryReport> {
    this.bundledTermMap();
    return this.custom.ensureLoaded();
  }

  private build(termMap: TermMap, matcher?: GlossarySnapshot['matcher']): GlossarySnapshot {
    const { language, docsVersion, ignoredTerms } = this.config;
    return createSnapshot(termMap, { language, uiLanguage: vscode.env.language, docsVersion, ignoredTerms }, matcher);
  }

  private bundledTermMap(): TermMap {
    if (!this.bundled) {
      try {
        const file = path.join(this.extensionUri.fsPath, BUNDLED_TERM_MAP_PATH);
        this.bundled = parseTermMapJson(fs.readFileSync(file, 'utf8'), file);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.output.error(vscode.l10n.t('The bundled glossary could not be read: {0}', message));
        void vscode.window.showErrorMessage(vscode.l10n.t('The bundled glossary could not be read: {0}', message));
        this.bundled = EMPTY_TERM_MAP;
      }
      // The custom glossaries are first read together with the bundled term map, on first use rather than at activation.
      void this.custom.ensureLoaded();
    }
    return this.bundled;
  }
}
