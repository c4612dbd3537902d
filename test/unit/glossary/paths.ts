/** The glossary fixtures (test/fixtures/glossary/), as the compiler tests read them. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/repoRoot';

export { repoRoot, sharedDir } from '../../helpers/repoRoot';

function fixturePath(name: string): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'glossary', name);
}

/** A fixture's raw bytes, as a caller reading a file would hand them to the compiler. */
export function readFixture(name: string): Uint8Array {
  return fs.readFileSync(fixturePath(name));
}
