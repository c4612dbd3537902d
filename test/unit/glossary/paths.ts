/**
 * Locating the repository from a test. Tests run bundled from out/test/unit/glossary/, so a path relative to
 * __dirname depends on the build layout; walking up to the package.json named transformers-glossary does not.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (parsed.name === 'transformers-glossary') return dir;
      } catch {
        // An unreadable manifest is not ours; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json named transformers-glossary above ${__dirname}`);
    dir = parent;
  }
}

export function fixturePath(name: string): string {
  return path.join(repoRoot(), 'test', 'fixtures', 'glossary', name);
}

/** A fixture's raw bytes, as a caller reading a file would hand them to the compiler. */
export function readFixture(name: string): Uint8Array {
  return fs.readFileSync(fixturePath(name));
}

/** The shared inputs next to the repository (`../shared`), or undefined when this checkout has none. */
export function sharedDir(): string | undefined {
  const dir = path.join(repoRoot(), '..', 'shared');
  return fs.existsSync(dir) ? dir : undefined;
}
