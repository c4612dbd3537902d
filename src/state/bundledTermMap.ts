/**
 * Reading the term map that ships with the extension (dist/termmap.json, written by the build). Node's `fs` is
 * enough: the file is inside the extension, which always lives on the extension host's file system.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TERM_MAP_SCHEMA_VERSION, type Term, type TermMap } from '../glossary/types';

/** Where the build writes the bundled term map, relative to the extension's root. */
export const BUNDLED_TERM_MAP_PATH = path.join('dist', 'termmap.json');

/**
 * Checks the parts of the shape every feature relies on, so that a damaged or outdated file fails here with a clear
 * message instead of deep inside a hover.
 */
export function parseTermMap(json: string, origin: string): TermMap {
  const value = JSON.parse(json) as Partial<TermMap> | null;
  if (!value || typeof value !== 'object') throw new Error(`${origin} does not hold a term map.`);
  if (value.schemaVersion !== TERM_MAP_SCHEMA_VERSION) {
    throw new Error(`${origin} has term map schema version ${String(value.schemaVersion)}, this extension reads version ${TERM_MAP_SCHEMA_VERSION}.`);
  }
  if (!Array.isArray(value.locales) || !Array.isArray(value.terms)) throw new Error(`${origin} lacks its locales or terms.`);
  for (const term of value.terms as unknown[]) {
    const candidate = term as Partial<Term> | null;
    if (typeof candidate?.id !== 'string' || !candidate.entries || Object.keys(candidate.entries).length === 0) {
      throw new Error(`${origin} has a term without an id or without entries.`);
    }
  }
  return value as TermMap;
}

export function readBundledTermMap(extensionRoot: string): TermMap {
  const file = path.join(extensionRoot, BUNDLED_TERM_MAP_PATH);
  return parseTermMap(fs.readFileSync(file, 'utf8'), file);
}
