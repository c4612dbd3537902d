/**
 * The compile worker is a file of its own beside the extension bundle: the package must ship it, or every custom
 * glossary would compile on the editor's thread (small ones) or not at all (large ones).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/repoRoot';

describe('the compile worker in the package', () => {
  it('is allowed by the .vscodeignore allow-list, under the name the extension starts it by', () => {
    const allowed = fs
      .readFileSync(path.join(repoRoot(), '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).trim());
    assert.ok(allowed.includes('dist/compileWorker.js'), allowed.join(', '));
    const extension = fs.readFileSync(path.join(repoRoot(), 'src', 'extension.ts'), 'utf8');
    assert.match(extension, /'dist', 'compileWorker\.js'/);
    const build = fs.readFileSync(path.join(repoRoot(), 'scripts', 'build.mjs'), 'utf8');
    assert.match(build, /outfile: path\.join\(root, 'dist\/compileWorker\.js'\)/);
  });
});
