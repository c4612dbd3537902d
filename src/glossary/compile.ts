/**
 * The glossary compiler: glossary sources in, one term map and its diagnostics out. Pure and synchronous; it
 * never touches the file system and never throws on bad input.
 */
import type { CompileResult, Diagnostic, EntryTerminology, GlossarySource, Locale, Term, TermEntry, TermMap } from './types';
import { MAX_SURFACE_FORM_LENGTH, SOURCE_LOCALE, TERM_MAP_SCHEMA_VERSION } from './types';
import { decodeGlossaryText } from './decode';
import { diagnosticAt, sortDiagnostics } from './diagnostics';
import type { ParsedEntry, ParsedGlossary } from './parse';
import { parseGlossary } from './parse';
import { alignGlossaries } from './align';
import type { AlignmentReference } from './alignReference';
import type { NormalizedEntry } from './normalize';
import { EntryNormalizer } from './normalize';
import { emptyMetadata, type EntryMetadata } from './metadata';
import { checkTranslation } from './translationChecks';
import { abbreviationOf, englishAnchor, identifierFromHeading, isLatinScript, isLocaleTag, isTermIdShape, looksLikeAbbreviation, trailingParenthetical } from './anchors';
import { numberVariants } from './inflection';
import { LineIndex } from './lineIndex';
import { reportBidiControls } from './bidi';
import { compareIds, sortLocales } from './order';

/** Language codes of the Transformers docs and other common ones, accepted when inferred from a file name. */
const KNOWN_LOCALES = new Set([
  'ar', 'bn', 'de', 'en', 'es', 'fa', 'fr', 'he', 'hi', 'id', 'it', 'ja', 'ko', 'ms', 'nl', 'pl', 'pt', 'ru', 'sv', 'te', 'th', 'tr', 'uk', 'vi', 'zh',
]);

/**
 * Whether a file is a folder's README rather than a glossary source. Glossary folders document their conventions
 * (our own terminology tables in glossary/README.md, for instance) in a README beside the sources, so a shell glob
 * such as `glossary/*.md` names it too; every face skips it, instead of compiling prose that has no entries.
 */
export function isFolderReadme(file: string): boolean {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? '';
  return /^readme(?:\.(?:md|markdown|mdx|txt))?$/i.test(base);
}

/** `es.md`, `es-glossary.md`, `glossary.es.md`, `docs/source/es/glossary.md`, `es/glossary.md`. */
export function localeFromPath(file: string): Locale | undefined {
  const normalized = file.replace(/\\/g, '/');
  const segments = normalized.split('/');
  const base = (segments[segments.length - 1] ?? '').toLowerCase().replace(/\.(?:md|mdx|markdown|txt)$/, '');
  // A file may name a script as well as a language (`zh-hans.md`, the bundled Simplified Chinese glossary): the
  // script subtag is kept, so that the term map holds the locale the setting offers.
  const named =
    /^([a-z]{2})(-[a-z]{4})?$/.exec(base) ??
    /^([a-z]{2})(-[a-z]{4})?[-_.](?:glossary|glosario)$/.exec(base) ??
    /^(?:glossary|glosario)[-_.]([a-z]{2})(-[a-z]{4})?$/.exec(base);
  if (named && KNOWN_LOCALES.has(named[1]!)) return named[1]! + (named[2] ?? '');
  const parent = segments[segments.length - 2]?.toLowerCase();
  if (parent && KNOWN_LOCALES.has(parent) && /^(?:glossary|glosario)$/.test(base)) return parent;
  const sourceDir = /(?:^|\/)source\/([a-z]{2})\//.exec(normalized);
  if (sourceDir && KNOWN_LOCALES.has(sourceDir[1]!)) return sourceDir[1];
  return undefined;
}

const TITLE_LOCALES: readonly (readonly [RegExp, Locale])[] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]|用語集/u, 'ja'],
  [/\p{Script=Han}/u, 'zh'],
  [/^glosario\b/i, 'es'],
  [/^glossaire\b/i, 'fr'],
  [/^glossar\b/i, 'de'],
  [/^glossário\b/i, 'pt'],
  [/^glossario\b/i, 'it'],
  [/^glossary\b/i, 'en'],
];

/** The locale a glossary's title (or, failing that, its text) is written in. */
function localeFromContent(h1: string | undefined, sample: string): Locale | undefined {
  if (h1) for (const [pattern, locale] of TITLE_LOCALES) if (pattern.test(h1.trim())) return locale;
  for (const [pattern, locale] of TITLE_LOCALES.slice(0, 4)) if (pattern.test(sample)) return locale;
  return undefined;
}

/** A source refused as a whole before it is read, with the diagnostic that says why. */
class RefusedSource extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

interface LoadedGlossary {
  readonly file: string;
  readonly locale: Locale;
  readonly parsed: ParsedGlossary;
  readonly lines: LineIndex;
}

function loadSource(source: GlossarySource, diagnostics: Diagnostic[]): LoadedGlossary {
  if (source.locale !== undefined && !isLocaleTag(source.locale)) {
    throw new RefusedSource(diagnosticAt('error', 'bad-locale', `"${String(source.locale).slice(0, 40)}" is not a locale tag such as "en", "es" or "pt-BR"; the file is not compiled`, source.file, 1, 1));
  }
  const decoded = decodeGlossaryText(source.content, source.file);
  for (const diagnostic of decoded.diagnostics) diagnostics.push(diagnostic);
  const parsed = parseGlossary(source.file, decoded.text, diagnostics);
  let locale = source.locale ?? localeFromPath(source.file) ?? localeFromContent(parsed.h1, parsed.entries.map((e) => e.title).join(' '));
  if (!locale) {
    locale = SOURCE_LOCALE;
    diagnostics.push(diagnosticAt('warning', 'locale-unknown', `cannot tell the language of this glossary from its name or title; assuming "${locale}"`, source.file, 1, 1));
  }
  const lines = new LineIndex(decoded.text);
  reportBidiControls(decoded.text, source.file, lines, diagnostics);
  return { file: source.file, locale, parsed, lines };
}

interface TermBuilder {
  readonly id: string;
  readonly titles: Record<Locale, string>;
  readonly abbreviations: Set<string>;
  readonly identifiers: Set<string>;
  readonly aliases: Set<string>;
  readonly docs: Set<string>;
  readonly entries: Record<Locale, TermEntry>;
  readonly normalized: Map<Locale, NormalizedEntry>;
  readonly englishNames: Set<string>;
  readonly firstEntry: Map<Locale, ParsedEntry>;
}

export interface CompileOptions {
  /**
   * The terms the face already knows (the bundled glossary, see `alignmentReference`): when no English source is
   * compiled, translated headings are aligned to these English anchors instead of deriving ids of their own.
   */
  readonly reference?: AlignmentReference;
}

/**
 * Compiles glossary sources into one term map. Sources of different locales merge into one term per English
 * anchor; several sources may share a locale when they define different terms. The term map is returned even
 * when there are errors, but must not be published then.
 */
export function compileGlossaries(sources: readonly GlossarySource[], options: CompileOptions = {}): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const loaded: LoadedGlossary[] = [];
  for (const source of sources) {
    try {
      loaded.push(loadSource(source, diagnostics));
    } catch (error) {
      diagnostics.push(error instanceof RefusedSource ? error.diagnostic : internalError(source.file, error));
    }
  }

  let terms: Term[] = [];
  try {
    terms = buildTerms(loaded, diagnostics, options.reference);
  } catch (error) {
    diagnostics.push(internalError(loaded[0]?.file ?? '<glossary>', error));
  }

  const localeSet = new Set<Locale>();
  for (const term of terms) for (const locale of Object.keys(term.entries)) localeSet.add(locale);
  const locales = sortLocales(localeSet);
  const termMap: TermMap = { schemaVersion: TERM_MAP_SCHEMA_VERSION, locales, terms };
  return { termMap, diagnostics: sortDiagnostics(diagnostics) };
}

function internalError(file: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return diagnosticAt('error', 'internal-error', `the compiler failed on this file (${message}); please report it with the file attached`, file, 1, 1);
}

function buildTerms(loaded: readonly LoadedGlossary[], diagnostics: Diagnostic[], reference: AlignmentReference | undefined): Term[] {
  const alignments = alignGlossaries(
    loaded.map((g) => ({ file: g.file, locale: g.locale, entries: g.parsed.entries })),
    diagnostics,
    reference,
  );

  // Place every entry under its id, refusing a second entry for the same term in the same locale.
  interface Placement {
    readonly glossary: LoadedGlossary;
    readonly entry: ParsedEntry;
    readonly id: string;
    readonly englishName?: string;
  }
  const placements: Placement[] = [];
  const seen = new Map<string, ParsedEntry>();
  loaded.forEach((glossary, g) => {
    const alignment = alignments[g]!;
    glossary.parsed.entries.forEach((entry, e) => {
      const id = alignment.ids[e];
      // The panel, its messages and its saved state accept only ids of this one shape: an entry whose heading gives
      // no such id (`### ---`, full-width letters, an emoji alone) could be listed and hovered but never opened.
      if (!id || !isTermIdShape(id)) {
        diagnostics.push(
          diagnosticAt(
            'error',
            'bad-term-id',
            `entry "${entry.title}" gives no usable term id${id ? ` ("${id.length > 40 ? `${id.slice(0, 39)}…` : id}")` : ''}: an id needs an ASCII letter or digit; write one after the heading as [[an-anchor]]`,
            entry.file,
            entry.line,
            entry.column,
          ),
        );
        return;
      }
      const key = `${glossary.locale}\u0000${id}`;
      const first = seen.get(key);
      if (first) {
        diagnostics.push(
          diagnosticAt('error', 'duplicate-term', `"${entry.title}" defines term "${id}" again (locale ${glossary.locale}); first defined at ${first.file}:${first.line}`, entry.file, entry.line, entry.column),
        );
        return;
      }
      seen.set(key, entry);
      const englishName = alignment.englishNames[e];
      placements.push({ glossary, entry, id, ...(englishName ? { englishName } : {}) });
    });
  });

  const knownIds = new Set(placements.map((p) => p.id));
  const builders = new Map<string, TermBuilder>();
  for (const { glossary, entry, id, englishName } of placements) {
    const metadata = emptyMetadata();
    const normalizer = new EntryNormalizer(
      { file: glossary.file, locale: glossary.locale, text: glossary.parsed.text, lines: glossary.lines, knownIds, definitions: glossary.parsed.definitions, diagnostics },
      metadata,
    );
    const normalized = normalizer.normalize(entry.tokens);
    if (!normalized.markdown.trim()) {
      diagnostics.push(diagnosticAt('error', 'empty-entry', `entry "${entry.title}" has no content`, entry.file, entry.line, entry.column));
    }
    let builder = builders.get(id);
    if (!builder) {
      builder = {
        id,
        titles: {},
        abbreviations: new Set(),
        identifiers: new Set(),
        aliases: new Set(),
        docs: new Set(),
        entries: {},
        normalized: new Map(),
        englishNames: new Set(),
        firstEntry: new Map(),
      };
      builders.set(id, builder);
    }
    const locale = glossary.locale;
    const localAliases = new Set(metadata.aliases);
    if (englishName) builder.englishNames.add(englishName);
    const abbreviation = abbreviationOf(entry.title);
    if (abbreviation) builder.abbreviations.add(abbreviation);
    for (const a of metadata.abbreviations) builder.abbreviations.add(a);
    for (const identifier of metadata.identifiers) builder.identifiers.add(identifier);
    for (const page of metadata.docs) builder.docs.add(page);
    const localizedName = localizedBase(entry.title);
    if (localizedName) localAliases.add(localizedName);
    // Plurals are generated by English rules, so only for English titles: an English entry, or a translation that keeps
    // the English heading (its derived anchor is the term's id). `ID del token de relleno` must not become `…rellenos`.
    if (isLatinScript(entry.title) && (locale === SOURCE_LOCALE || englishAnchor(entry.title) === id)) {
      for (const variant of numberVariants(entry.title)) localAliases.add(variant);
    }
    builder.titles[locale] = entry.title;
    builder.entries[locale] = {
      title: entry.title,
      section: entry.section,
      aliases: [...localAliases].filter((a) => a !== entry.title && a.length <= MAX_SURFACE_FORM_LENGTH),
      summary: normalized.summary,
      markdown: normalized.markdown,
      links: normalized.links,
      source: { file: entry.file, line: entry.line, column: entry.column },
      ...terminologyOf(metadata, entry, diagnostics),
    };
    builder.normalized.set(locale, normalized);
    builder.firstEntry.set(locale, entry);
  }

  const terms: Term[] = [];
  for (const builder of builders.values()) {
    checkTranslation(builder, diagnostics);
    terms.push(finishTerm(builder));
  }
  return terms.sort((a, b) => compareIds(a.id, b.id));
}

/**
 * The localized name a translated heading carries besides its English part: `어텐션 마스크 (attention mask)` →
 * `어텐션 마스크`. Undefined for English-style headings, whose name is the title itself.
 */
function localizedBase(title: string): string | undefined {
  if (isLatinScript(title)) return undefined;
  const withoutParens = title.replace(/\s*\([^()]*[A-Za-z][^()]*\)\s*/g, ' ');
  const withoutLatinTail = withoutParens.replace(/[A-Za-z0-9][A-Za-z0-9 \-,.'/]*$/, '');
  const name = withoutLatinTail.replace(/\s+/g, ' ').trim();
  return name.length >= 2 ? name : undefined;
}

function finishTerm(builder: TermBuilder): Term {
  const englishNames = [...builder.englishNames];
  const english = builder.titles[SOURCE_LOCALE];
  if (english) englishNames.unshift(english);
  for (const name of englishNames) {
    // An abbreviation (`LLM`) or a class-like name (`DataParallel`) is no Python variable name, even though its
    // lowercased form would pass as an identifier.
    const identifier = looksLikeAbbreviation(name) || /^[A-Z][a-z0-9]+[A-Z]\w*$/.test(name) ? undefined : identifierFromHeading(name);
    if (identifier) builder.identifiers.add(identifier);
    const base = trailingParenthetical(name)?.base;
    if (base && base !== name) builder.aliases.add(base);
    for (const variant of numberVariants(name)) builder.aliases.add(variant);
    builder.aliases.add(name);
  }
  for (const entry of Object.values(builder.entries)) for (const alias of entry.aliases) builder.aliases.add(alias);
  // Titles are matched as titles already: aliases only list the other forms, once each regardless of case.
  const titleKeys = new Set(Object.values(builder.titles).map((t) => t.toLowerCase()));
  const aliasKeys = new Set<string>();
  const aliases: string[] = [];
  for (const alias of builder.aliases) {
    const key = alias.toLowerCase();
    if (titleKeys.has(key) || aliasKeys.has(key) || builder.abbreviations.has(alias)) continue;
    aliasKeys.add(key);
    aliases.push(alias);
  }
  // Forms derived from a title of the maximum length (a plural, an identifier) may pass the limit by a few
  // characters; the title itself is kept, so nothing a reader wrote is lost by leaving them out.
  const withinLimit = (form: string): boolean => form.length <= MAX_SURFACE_FORM_LENGTH;
  return {
    id: builder.id,
    titles: builder.titles,
    abbreviations: [...builder.abbreviations].filter(withinLimit),
    identifiers: [...builder.identifiers].filter(withinLimit),
    aliases: aliases.filter(withinLimit),
    entries: builder.entries,
    ...(builder.docs.size > 0 ? { docs: [...builder.docs] } : {}),
  };
}

/**
 * The termbase an entry declares, or nothing when it declares none (so that term maps without terminology keep their
 * exact shape). A form both preferred and avoided is a contradiction the check could only resolve arbitrarily: it
 * is dropped from `avoid` with a warning.
 */
function terminologyOf(metadata: EntryMetadata, entry: ParsedEntry, diagnostics: Diagnostic[]): { terminology?: EntryTerminology } {
  const preferredKeys = new Set(metadata.preferred.map((form) => form.toLowerCase()));
  const avoid = metadata.avoid.filter((avoided) => {
    if (!preferredKeys.has(avoided.form.toLowerCase())) return true;
    diagnostics.push(diagnosticAt('warning', 'terminology-conflict', `"${avoided.form}" is both preferred and avoided in entry "${entry.title}"`, entry.file, entry.line, entry.column));
    return false;
  });
  if (metadata.preferred.length === 0 && avoid.length === 0 && !metadata.keepEnglish) return {};
  return {
    terminology: {
      ...(metadata.preferred.length > 0 ? { preferred: [...new Set(metadata.preferred)] } : {}),
      ...(avoid.length > 0 ? { avoid } : {}),
      ...(metadata.keepEnglish ? { keepEnglish: true } : {}),
    },
  };
}
