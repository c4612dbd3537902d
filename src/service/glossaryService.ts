import * as vscode from 'vscode';
import { classifyConfigChange, readConfig, type GlossaryConfig } from '../config';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyDocsVersion, chooseEntry, hfGlossaryUrl, mergeTermMaps, parseTermMapJson, resolveDisplayLocale, type ChosenEntry, type Locale, type Term, type TermMap } from '../glossary';
import { createTermMatcher, type TermMatcher } from '../matching';
import { Disposable } from '../util/dispose';
import { CustomGlossaries, type CustomGlossaryReport } from './customGlossaries';
import type { GlossaryService } from './types';

export type { CustomGlossaryReport } from './customGlossaries';

/**
 * Where the build writes the bundled term map, relative to the extension's root. Node's `fs` reads it: the file is
 * inside the extension, which always lives on the extension host's file system.
 */
export const BUNDLED_TERM_MAP_PATH = path.join('dist', 'termmap.json');

/** The term map that stands in when the bundled file cannot be read: the extension stays up and says why. */
const EMPTY_TERM_MAP: TermMap = { schemaVersion: 1, locales: ['en'], terms: [] };

/**
 * The one GlossaryService of the extension. Nothing is read during construction: the bundled term map, the custom
 * glossaries and the matcher index are built on first use, and rebuilt only when what they depend on changes.
 */
export class GlossaryServiceImpl extends Disposable implements GlossaryService {
  private config: GlossaryConfig = readConfig();
  private bundled: TermMap | undefined;
  private merged: TermMap | undefined;
  private termsById: Map<string, Term> | undefined;
  private cachedMatcher: TermMatcher | undefined;
  private readonly custom: CustomGlossaries;

  private readonly _onDidChange = this._register(new vscode.EventEmitter<void>());
  public readonly onDidChange = this._onDidChange.event;

  public constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly output: vscode.LogOutputChannel,
  ) {
    super();
    this.custom = this._register(new CustomGlossaries(output));
    this._register(
      this.custom.onDidChange(() => {
        this.invalidateTermMap();
        this._onDidChange.fire();
      }),
    );
    this._register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        const change = classifyConfigChange(event);
        if (!change.display && !change.matcher && !change.customGlossaries) return;
        this.config = readConfig();
        if (change.matcher) this.cachedMatcher = undefined;
        // Custom glossaries are only read once something has asked for the term map; until then there is nothing to refresh.
        if (change.customGlossaries && this.bundled) void this.custom.reload();
        if (change.display || change.matcher) this._onDidChange.fire();
      }),
    );
  }

  public termMap(): TermMap {
    if (!this.merged) {
      const custom = this.custom.current;
      this.merged = mergeTermMaps(this.bundledTermMap(), custom ? [custom] : []);
    }
    return this.merged;
  }

  public term(id: string): Term | undefined {
    this.termsById ??= new Map(this.termMap().terms.map((term) => [term.id, term]));
    return this.termsById.get(id);
  }

  public matcher(): TermMatcher {
    this.cachedMatcher ??= createTermMatcher(this.termMap(), { ignoredTerms: this.config.ignoredTerms });
    return this.cachedMatcher;
  }

  public displayLocale(): Locale {
    return resolveDisplayLocale(this.config.language, vscode.env.language, this.termMap().locales);
  }

  public entryFor(term: Term, locale: Locale = this.displayLocale()): ChosenEntry {
    return chooseEntry(term, locale);
  }

  public docsUrl(url: string): string {
    return applyDocsVersion(url, this.config.docsVersion);
  }

  public glossaryUrl(termId: string, locale: Locale): string {
    return this.docsUrl(hfGlossaryUrl(locale, termId));
  }

  /** The settings snapshot the service currently follows. */
  public settings(): GlossaryConfig {
    return this.config;
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

  private invalidateTermMap(): void {
    this.merged = undefined;
    this.termsById = undefined;
    this.cachedMatcher = undefined;
  }
}
