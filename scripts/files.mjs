// File helpers shared by the build and the test runners. A module of its own, because scripts/build.mjs builds
// when it is imported.
import fs from 'node:fs';
import path from 'node:path';

/** Lists files below `dir` whose name matches `pattern`, sorted so that builds and test runs are reproducible. */
export function listFiles(dir, pattern) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
