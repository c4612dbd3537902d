/** The term map of our own terminology fixtures (test/fixtures/terminology/: en, es, ja), compiled once. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TermMap } from '../../../src/glossary';
import { compileGlossaries } from '../../../src/glossary';
import { repoRoot } from '../../helpers/repoRoot';

let cached: TermMap | undefined;

export function terminologyTermMap(): TermMap {
  if (cached) return cached;
  const dir = path.join(repoRoot(), 'test', 'fixtures', 'terminology');
  const result = compileGlossaries(
    ['en.md', 'es.md', 'ja.md'].map((name) => ({ file: name, content: fs.readFileSync(path.join(dir, name)) })),
  );
  if (result.diagnostics.length > 0) {
    throw new Error(`the terminology fixtures do not compile cleanly: ${JSON.stringify(result.diagnostics)}`);
  }
  cached = result.termMap;
  return cached;
}
