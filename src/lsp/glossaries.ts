/**
 * What the language server knows of the glossary: the bundled term map (dist/termmap.json beside the server, checked
 * by parseTermMapJson), the custom glossaries of the settings and the `docs/source/<lang>/glossary.md` files of the
 * workspace folders, compiled together by a GlossaryCompilerHost (a worker thread with time and memory limits), and
 * the immutable GlossarySnapshot built over them. It reads files with Node and says what went wrong through the
 * injected `GlossaryReporter`: it never throws at its caller, and a broken or hostile glossary keeps the glossary
 * loaded before, with its problems as diagnostics on its file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  alignmentReference,
  mergeTermMaps,
  parseTermMapJson,
  type AlignmentReference,
  type Diagnostic,
  type GlossarySource,
  type TermMap,
} from '../glossary';
import { MAX_CUSTOM_GLOSSARY_BYTES, type CompileOutcome, type GlossaryCompilerHost } from '../service/compilerHost';
import { parseCustomGlossaryPath } from '../service/customGlossaryPath';
import { DISCOVERED_GLOSSARY_NAME, DOCS_SOURCE_SEGMENTS } from '../service/discoveryPaths';
import { createSnapshot, type GlossarySnapshot } from '../service/snapshot';
import type { ServerSettings } from './settings';

/** How the state tells the client about problems; the server maps these to LSP messages. */
interface GlossaryReporter {
  log(message: string): void;
  /** A problem the user must see (a window message): the glossary they asked for is not in use. */
  warn(message: string): void;
  /** The compiler's diagnostics of one glossary file (an empty list clears them). */
  fileDiagnostics(uri: string, diagnostics: readonly Diagnostic[]): void;
}

/** What one load of the custom and discovered glossaries did (the reload command answers with it). */
export interface LoadReport {
  readonly status: 'loaded' | 'failed' | 'skipped';
  readonly files: readonly string[];
  readonly terms: number;
  readonly errors: number;
  readonly warnings: number;
}

/** The term map that stands in when the bundled file cannot be read: the server stays up and says why. */
const EMPTY_TERM_MAP: TermMap = { schemaVersion: 1, locales: ['en'], terms: [] };
/** How many locale folders of `docs/source/` discovery reads: the Transformers docs have about a dozen. */
const MAX_DISCOVERED_LOCALES = 64;

export interface GlossaryStateOptions {
  readonly bundledTermMapPath: string;
  readonly compiler: GlossaryCompilerHost;
  readonly reporter: GlossaryReporter;
}

export class GlossaryState {
  private settings: ServerSettings | undefined;
  private folders: readonly string[] = [];
  private uiLanguage = 'en';
  private bundled: TermMap | undefined;
  private bundledReference: AlignmentReference | undefined;
  private custom: TermMap | undefined;
  private current: GlossarySnapshot | undefined;
  private generation = 0;
  private lastLoad: Promise<LoadReport> | undefined;
  private reportedFiles = new Set<string>();
  private readonly listeners = new Set<() => void>();

  public constructor(private readonly options: GlossaryStateOptions) {}

  /** Calls `listener` whenever the snapshot changes (a setting or a glossary). */
  public onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Takes new settings, workspace folders (file system paths) or client locale. Recompiles the glossaries only when
   * what they depend on changed; a language change keeps the matcher.
   */
  public configure(settings: ServerSettings, folders: readonly string[], uiLanguage: string): void {
    const previous = this.settings;
    const glossariesChanged =
      previous === undefined ||
      previous.discovery !== settings.discovery ||
      !sameList(previous.customGlossaries, settings.customGlossaries) ||
      !sameList(this.folders, folders);
    const matcherChanged = previous === undefined || !sameList(previous.ignoredTerms, settings.ignoredTerms);
    const displayChanged =
      previous === undefined ||
      previous.language !== settings.language ||
      previous.docsVersion !== settings.docsVersion ||
      this.uiLanguage !== uiLanguage;
    this.settings = settings;
    this.folders = [...folders];
    this.uiLanguage = uiLanguage;
    if (matcherChanged || displayChanged) {
      const old = this.current;
      this.current = old && !matcherChanged ? this.build(old.termMap, old.matcher) : undefined;
      this.fire();
    }
    if (glossariesChanged && previous !== undefined) void this.reload();
  }

  /** The snapshot of this moment. Loads the bundled term map, and starts loading the custom glossaries, on first call. */
  public snapshot(): GlossarySnapshot {
    this.current ??= this.build(mergeTermMaps(this.bundledTermMap(), this.custom ? [this.custom] : []));
    return this.current;
  }

  /** Resolves once the glossaries of the current settings have been compiled (or found broken). */
  public whenLoaded(): Promise<LoadReport> {
    this.bundledTermMap();
    return this.lastLoad ?? this.reload();
  }

  /** Reads and compiles the custom and discovered glossaries again; only the latest load publishes its result. */
  public reload(): Promise<LoadReport> {
    const generation = ++this.generation;
    this.lastLoad = this.load(generation).catch((error: unknown) => {
      // Nothing in load() is meant to throw; if something does, the server says so and keeps its glossary.
      this.options.reporter.warn(`The glossaries could not be loaded: ${describe(error)}`);
      return { status: 'failed', files: [], terms: 0, errors: 1, warnings: 0 } satisfies LoadReport;
    });
    return this.lastLoad;
  }

  /** The files the current settings name, with those found by discovery; exposed for the file watcher. */
  public glossaryFiles(): string[] {
    const settings = this.settings;
    if (!settings) return [];
    const files = new Set<string>();
    for (const listed of settings.customGlossaries) {
      for (const file of resolveListed(listed, this.folders)) files.add(file);
    }
    if (settings.discovery) for (const folder of this.folders) for (const file of discover(folder)) files.add(file);
    return [...files];
  }

  private async load(generation: number): Promise<LoadReport> {
    const isLatest = (): boolean => generation === this.generation;
    const reporter = this.options.reporter;
    const files = this.glossaryFiles();
    if (files.length === 0) {
      this.clearFileDiagnostics(new Set());
      this.publish(undefined);
      return { status: 'skipped', files, terms: 0, errors: 0, warnings: 0 };
    }
    const sources: GlossarySource[] = [];
    const failures: string[] = [];
    for (const file of files) {
      try {
        // The size is checked before reading, so that a huge file never enters the server's memory.
        const { size } = await fs.promises.stat(file);
        if (size > MAX_CUSTOM_GLOSSARY_BYTES) {
          failures.push(
            `The glossary ${file} is ${(size / 1_048_576).toFixed(1)} MB, over the limit of ${MAX_CUSTOM_GLOSSARY_BYTES / 1_048_576} MB, and was not loaded.`,
          );
          continue;
        }
        sources.push({ file, content: await fs.promises.readFile(file) });
      } catch (error) {
        failures.push(`Cannot read the glossary ${file}: ${describe(error)}`);
      }
    }
    if (!isLatest()) return this.superseded();
    if (failures.length > 0) {
      for (const failure of failures) reporter.warn(`${failure} The glossary loaded before stays in use.`);
      return { status: 'failed', files, terms: 0, errors: failures.length, warnings: 0 };
    }
    // The bundled glossary is the alignment reference, as in the extension: a translation found or listed without its
    // English file gets the English anchors.
    this.bundledReference ??= alignmentReference(this.bundledTermMap());
    const outcome = await this.options.compiler.compile(sources, { reference: this.bundledReference });
    if (!isLatest()) return this.superseded();
    if (!outcome.ok) {
      reporter.warn(`${failureMessage(outcome)} The glossary loaded before stays in use.`);
      return { status: 'failed', files, terms: 0, errors: 1, warnings: 0 };
    }
    if (outcome.fallback !== undefined) reporter.log(`The compiler worker could not start (${outcome.fallback}).`);
    const { termMap, diagnostics } = outcome.result;
    this.showFileDiagnostics(files, diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
      reporter.warn(
        `A glossary has ${errors} error${errors === 1 ? '' : 's'} and was not loaded; the glossary loaded before stays in use.`,
      );
      return { status: 'failed', files, terms: 0, errors, warnings: diagnostics.length - errors };
    }
    reporter.log(`Loaded ${termMap.terms.length} terms from ${files.length} glossary files.`);
    this.publish(termMap);
    return { status: 'loaded', files, terms: termMap.terms.length, errors: 0, warnings: diagnostics.length };
  }

  private superseded(): Promise<LoadReport> {
    return this.lastLoad ?? Promise.resolve({ status: 'skipped', files: [], terms: 0, errors: 0, warnings: 0 });
  }

  private showFileDiagnostics(files: readonly string[], diagnostics: readonly Diagnostic[]): void {
    const byFile = new Map<string, Diagnostic[]>(files.map((file) => [file, []]));
    for (const diagnostic of diagnostics) byFile.get(diagnostic.location.file)?.push(diagnostic);
    const shown = new Set<string>();
    for (const [file, items] of byFile) {
      const uri = pathToFileURL(file).href;
      if (items.length > 0 || this.reportedFiles.has(uri)) this.options.reporter.fileDiagnostics(uri, items);
      if (items.length > 0) shown.add(uri);
    }
    this.clearFileDiagnostics(shown);
  }

  /** Clears the diagnostics of every file reported before and not in `keep`. */
  private clearFileDiagnostics(keep: ReadonlySet<string>): void {
    for (const uri of this.reportedFiles) if (!keep.has(uri)) this.options.reporter.fileDiagnostics(uri, []);
    this.reportedFiles = new Set(keep);
  }

  private publish(termMap: TermMap | undefined): void {
    if (termMap === undefined && this.custom === undefined) return;
    this.custom = termMap;
    this.current = undefined;
    this.fire();
  }

  private fire(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private build(termMap: TermMap, matcher?: GlossarySnapshot['matcher']): GlossarySnapshot {
    const settings = this.settings;
    return createSnapshot(
      termMap,
      {
        language: settings?.language ?? 'auto',
        uiLanguage: this.uiLanguage,
        docsVersion: settings?.docsVersion ?? 'main',
        ignoredTerms: settings?.ignoredTerms ?? [],
      },
      matcher,
    );
  }

  private bundledTermMap(): TermMap {
    if (!this.bundled) {
      const file = this.options.bundledTermMapPath;
      try {
        this.bundled = parseTermMapJson(fs.readFileSync(file, 'utf8'), file);
      } catch (error) {
        this.options.reporter.warn(`The bundled glossary could not be read: ${describe(error)}`);
        this.bundled = EMPTY_TERM_MAP;
      }
      // The custom glossaries are first read together with the bundled term map, on first use.
      this.lastLoad ??= this.reload();
    }
    return this.bundled;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The files one listed path stands for, by the rule the VS Code extension follows too (`parseCustomGlossaryPath`): `~`
 * is the home directory, an absolute path stands as it is, and a relative one resolves against each workspace folder.
 */
function resolveListed(listed: string, folders: readonly string[]): string[] {
  const parsed = parseCustomGlossaryPath(listed);
  if (parsed.from === 'home') return [path.join(os.homedir(), ...parsed.segments)];
  if (parsed.from === 'root') return [path.normalize(parsed.path)];
  return folders.map((folder) => path.resolve(folder, ...parsed.segments));
}

/** `docs/source/<lang>/glossary.md` under a workspace folder, by the rule the VS Code service follows too. */
function discover(folder: string): string[] {
  const source = path.join(folder, ...DOCS_SOURCE_SEGMENTS);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(source, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory())
    .slice(0, MAX_DISCOVERED_LOCALES)
    .map((entry) => path.join(source, entry.name, DISCOVERED_GLOSSARY_NAME))
    .filter((file) => fs.existsSync(file))
    .sort();
}

function failureMessage(outcome: Extract<CompileOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case 'timeout':
      return `Compiling the glossaries took longer than the limit of ${outcome.detail} and was stopped.`;
    case 'memory':
      return `Compiling the glossaries needed more memory than the limit of ${outcome.detail} and was stopped.`;
    default:
      return `The glossaries could not be compiled: ${outcome.detail}.`;
  }
}
