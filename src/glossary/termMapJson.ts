/**
 * Reading a term map from JSON, defined once for every face: the extension's bundled dist/termmap.json and the
 * command line's `--glossary map.json`. JSON from a file is untrusted, so every field a feature reads is checked
 * here, and a damaged, outdated or foreign file fails with one clear message instead of deep inside a hover or a
 * lookup. Pure TypeScript: the caller reads the file.
 */
import { TERM_MAP_SCHEMA_VERSION, type TermMap } from './types';

/** A term map file that cannot be used; the message names the file and what is wrong with it. */
export class TermMapJsonError extends Error {}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** What is wrong with one entry, or undefined when it has every field of TermEntry. */
function entryProblem(entry: unknown): string | undefined {
  if (!isRecord(entry)) return 'is not an object';
  for (const key of ['title', 'section', 'summary', 'markdown'] as const) {
    if (typeof entry[key] !== 'string') return `lacks its ${key}`;
  }
  if (!isStringArray(entry.aliases)) return 'lacks its aliases';
  if (!Array.isArray(entry.links) || !entry.links.every((link) => isRecord(link) && typeof link.kind === 'string' && typeof link.text === 'string')) {
    return 'has malformed links';
  }
  const terminologyIssue = terminologyProblem(entry.terminology);
  if (terminologyIssue !== undefined) return terminologyIssue;
  const source = entry.source;
  if (!isRecord(source) || typeof source.file !== 'string' || typeof source.line !== 'number' || typeof source.column !== 'number') {
    return 'lacks its source location';
  }
  return undefined;
}

/** What is wrong with an entry's optional termbase (`preferred`, `avoid`, `keepEnglish`), or undefined. */
function terminologyProblem(terminology: unknown): string | undefined {
  if (terminology === undefined) return undefined;
  if (!isRecord(terminology)) return 'has a malformed terminology';
  if (terminology.preferred !== undefined && !isStringArray(terminology.preferred)) return 'has malformed preferred forms';
  if (
    terminology.avoid !== undefined &&
    !(Array.isArray(terminology.avoid) && terminology.avoid.every((item) => isRecord(item) && typeof item.form === 'string' && (item.reason === undefined || typeof item.reason === 'string')))
  ) {
    return 'has malformed avoided forms';
  }
  if (terminology.keepEnglish !== undefined && typeof terminology.keepEnglish !== 'boolean') return 'has a malformed keepEnglish';
  return undefined;
}

/** What is wrong with one term, or undefined when it has every field of Term and at least one entry. */
function termProblem(term: unknown): string | undefined {
  if (!isRecord(term) || typeof term.id !== 'string' || term.id === '') return 'a term without an id';
  const name = `the term "${term.id.slice(0, 80)}"`;
  if (!isRecord(term.titles) || !Object.values(term.titles).every((title) => typeof title === 'string')) return `${name} lacks its titles`;
  for (const key of ['abbreviations', 'identifiers', 'aliases'] as const) {
    if (!isStringArray(term[key])) return `${name} lacks its ${key}`;
  }
  if (!isRecord(term.entries) || Object.keys(term.entries).length === 0) return `${name} has no entries`;
  for (const [locale, entry] of Object.entries(term.entries)) {
    const problem = entryProblem(entry);
    if (problem !== undefined) return `${name} has an entry (${locale.slice(0, 20)}) that ${problem}`;
  }
  return undefined;
}

/**
 * The term map in `json`, checked against the contract of ./types.ts. `origin` (a path) starts every message.
 * Throws TermMapJsonError when the text is not JSON, not a term map, of another schema version, or has a term or
 * entry that lacks a field.
 */
export function parseTermMapJson(json: string, origin: string): TermMap {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new TermMapJsonError(`${origin} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(value)) throw new TermMapJsonError(`${origin} does not hold a term map.`);
  if (value.schemaVersion !== TERM_MAP_SCHEMA_VERSION) {
    throw new TermMapJsonError(`${origin} has term map schema version ${String(value.schemaVersion)}; this program reads version ${TERM_MAP_SCHEMA_VERSION}.`);
  }
  if (!isStringArray(value.locales) || !Array.isArray(value.terms)) throw new TermMapJsonError(`${origin} lacks its locales or terms.`);
  for (const term of value.terms as unknown[]) {
    const problem = termProblem(term);
    if (problem !== undefined) throw new TermMapJsonError(`${origin} is not a valid term map: ${problem}.`);
  }
  return value as unknown as TermMap;
}
