import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, found from the bundled test's location (out/test/unit/...) or the source location. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

export function readFixture(relativePath: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', relativePath), 'utf8');
}
