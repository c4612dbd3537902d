/**
 * Which pages and glossary anchors exist on huggingface.co for each locale, and the link policy built on them: a
 * documentation link goes to the page in the reader's locale when that page was translated, else to the English
 * page; a term's "Open on huggingface.co" goes to its glossary anchor in the reader's locale, else to the English
 * glossary anchor, else to the first documentation page its metadata declares (`docs:`), else nowhere.
 *
 * The data is glossary/upstream/docs-index.json, generated from the Transformers repository by
 * scripts/refresh-docs-index.mjs. Pure: no file system, no `vscode`.
 */
// The data sits with the glossary sources it describes (glossary/upstream/), not in a core folder of src/; the rule
// that core folders are imported through their index does not apply to it.
// eslint-disable-next-line no-restricted-imports
import bundledData from '../../glossary/upstream/docs-index.json';
import { docsLanguage } from './locales';
import { hfDocsUrl } from './urls';
import type { Locale, Term } from './types';
import { SOURCE_LOCALE } from './types';

/** A page of the Transformers docs in one locale, with an optional anchor on it. */
export interface DocsTarget {
  readonly locale: Locale;
  /** The page path as the toctree writes it: `kv_cache`, `main_classes/text_generation`, `glossary`. */
  readonly path: string;
  readonly anchor?: string;
  /** True when the reader's locale lacks the page (or anchor) and the English one is used instead. */
  readonly isFallback: boolean;
}

interface LocaleData {
  readonly pages: ReadonlySet<string>;
  readonly anchors: ReadonlySet<string>;
  /** Old page addresses that huggingface.co redirects to a page of `pages` (`task_summary` → `pipeline_tutorial`). */
  readonly redirects: ReadonlyMap<string, string>;
}

/** `kv_cache`, `/en/kv_cache.md`, `./main_classes/trainer/` → the toctree form of the path. */
export function normalizeDocPath(path: string): string {
  return path
    .trim()
    .replace(/^(?:\.\.?\/)+/, '')
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.mdx?$/, '');
}

export class DocsIndex {
  private readonly byLocale: ReadonlyMap<Locale, LocaleData>;

  private constructor(byLocale: ReadonlyMap<Locale, LocaleData>) {
    this.byLocale = byLocale;
  }

  /**
   * Reads the JSON shape that scripts/refresh-docs-index.mjs writes. Throws a plain Error naming the first part of
   * the shape that is wrong, so that a corrupted data file fails the build instead of silently hiding every link.
   */
  public static fromData(data: unknown): DocsIndex {
    const locales = isRecord(data) ? data['locales'] : undefined;
    if (!isRecord(locales)) throw new Error('docs index: "locales" must be an object');
    const byLocale = new Map<Locale, LocaleData>();
    for (const [locale, value] of Object.entries(locales)) {
      const pages = isRecord(value) && isRecord(value['pages']) ? value['pages']['paths'] : undefined;
      if (!isStringArray(pages)) throw new Error(`docs index: locales.${locale}.pages.paths must be a list of strings`);
      const glossary = isRecord(value) ? value['glossary'] : undefined;
      const anchors = glossary === undefined ? [] : isRecord(glossary) ? glossary['anchors'] : undefined;
      if (!isStringArray(anchors)) throw new Error(`docs index: locales.${locale}.glossary.anchors must be a list of strings`);
      const redirectData = isRecord(value) ? value['redirects'] : undefined;
      const map = redirectData === undefined ? {} : isRecord(redirectData) ? redirectData['map'] : undefined;
      if (!isRecord(map) || !Object.values(map).every((target) => typeof target === 'string')) {
        throw new Error(`docs index: locales.${locale}.redirects.map must map page paths to page paths`);
      }
      const redirects = new Map(Object.entries(map as Record<string, string>).map(([from, to]) => [normalizeDocPath(from), normalizeDocPath(to)]));
      byLocale.set(locale, { pages: new Set(pages.map(normalizeDocPath)), anchors: new Set(anchors), redirects });
    }
    if (!byLocale.has(SOURCE_LOCALE)) throw new Error(`docs index: the "${SOURCE_LOCALE}" locale is missing`);
    return new DocsIndex(byLocale);
  }

  /** The locales whose page lists are known; every other locale falls back to English for every link. */
  public locales(): readonly Locale[] {
    return [...this.byLocale.keys()];
  }

  /** True when the page is served in `locale`, directly or through a redirect. */
  public hasPage(locale: Locale, path: string): boolean {
    return this.servedAs(locale, path) !== undefined;
  }

  /** The page huggingface.co serves for `path` in `locale`: the page itself, or the page an old address redirects to. */
  private servedAs(locale: Locale, path: string): string | undefined {
    // Glossary locales name the docs folder they read (`zh-hans` reads `zh`): the index is keyed by folder.
    const data = this.byLocale.get(docsLanguage(locale));
    if (!data) return undefined;
    const page = normalizeDocPath(path);
    if (data.pages.has(page)) return page;
    const target = data.redirects.get(page);
    return target !== undefined && data.pages.has(target) ? target : undefined;
  }

  /** True when the glossary page of `locale` exists and has a heading whose anchor is `anchor`. */
  public hasGlossaryAnchor(locale: Locale, anchor: string): boolean {
    const data = this.byLocale.get(docsLanguage(locale));
    return data !== undefined && data.pages.has('glossary') && data.anchors.has(anchor);
  }

  /**
   * Where a documentation link written in a `locale` glossary should go: that locale's page when it exists, else
   * the English page, else undefined (the page exists nowhere upstream, so the link would lead to a 404).
   */
  public resolvePage(locale: Locale, path: string, anchor?: string): DocsTarget | undefined {
    const page = normalizeDocPath(path);
    if (page === '') return undefined;
    const extra = anchor ? { anchor } : {};
    // A redirected address is replaced by the page it leads to, so that the link needs no extra round trip.
    const local = this.servedAs(locale, page);
    if (local !== undefined) return { locale, path: local, ...extra, isFallback: false };
    const english = this.servedAs(SOURCE_LOCALE, page);
    if (english !== undefined) return { locale: SOURCE_LOCALE, path: english, ...extra, isFallback: locale !== SOURCE_LOCALE };
    return undefined;
  }

  /**
   * The page "Open on huggingface.co" shows for a term read in `locale`: its anchor on that locale's glossary page,
   * else on the English glossary page, else the first of `docsPages` (the term's `docs:` metadata, most relevant
   * first, each `path` or `path#anchor`) that exists, else undefined (the link is not shown).
   */
  public termPage(termId: string, locale: Locale, docsPages: readonly string[] = []): DocsTarget | undefined {
    if (this.hasGlossaryAnchor(locale, termId)) return { locale, path: 'glossary', anchor: termId, isFallback: false };
    if (this.hasGlossaryAnchor(SOURCE_LOCALE, termId)) {
      return { locale: SOURCE_LOCALE, path: 'glossary', anchor: termId, isFallback: locale !== SOURCE_LOCALE };
    }
    for (const declared of docsPages) {
      const { path, anchor } = splitDocsReference(declared);
      const target = this.resolvePage(locale, path, anchor);
      if (target) return target;
    }
    return undefined;
  }
}

/** `main_classes/text_generation#transformers.GenerationConfig` → its path and anchor. */
export function splitDocsReference(reference: string): { path: string; anchor?: string } {
  const hash = reference.indexOf('#');
  if (hash < 0) return { path: normalizeDocPath(reference) };
  const anchor = reference.slice(hash + 1).trim();
  return anchor ? { path: normalizeDocPath(reference.slice(0, hash)), anchor } : { path: normalizeDocPath(reference.slice(0, hash)) };
}

/**
 * The URL of "Open on huggingface.co" for a term read in `locale` (see DocsIndex.termPage), or undefined when the
 * term has no page upstream, in which case no such link is shown.
 */
export function termPageUrl(term: Pick<Term, 'id' | 'docs'>, locale: Locale, index: DocsIndex = bundledDocsIndex()): string | undefined {
  const target = index.termPage(term.id, locale, term.docs ?? []);
  return target ? hfDocsUrl(target.locale, target.path, target.anchor) : undefined;
}

let bundled: DocsIndex | undefined;

/** The index shipped in glossary/upstream/docs-index.json, parsed once on first use. */
export function bundledDocsIndex(): DocsIndex {
  bundled ??= DocsIndex.fromData(bundledData);
  return bundled;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
