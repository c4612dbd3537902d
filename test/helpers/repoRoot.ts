/**
 * Locating the repository from a test. Tests run bundled from out/test/<tier>/..., so a path relative to __dirname
 * depends on the build layout; walking up to the package.json named transformers-glossary does not.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const parsed = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (parsed.name === 'transformers-glossary') return dir;
      } catch {
        // An unreadable manifest is not ours; keep walking up.
      }
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json named transformers-glossary above ${__dirname}`);
  }
}

/** The text of a file under test/fixtures/. */
export function readFixtureText(relativePath: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', relativePath), 'utf8');
}

/** The shared inputs next to the repository (`../shared`), or undefined when this checkout has none. */
export function sharedDir(): string | undefined {
  const dir = path.join(repoRoot(), '..', 'shared');
  return fs.existsSync(dir) ? dir : undefined;
}
