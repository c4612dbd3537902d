#!/usr/bin/env node
// `npm run typecheck`: runs `tsc -p` on every part of the repository, each in the environment its tsconfig.json
// gives it, and fails when any part has an error. Every part is checked even after one fails, so that one run shows
// all the errors.
//
// Why not `tsc --build` over a solution tsconfig: --build decides that a project is up to date from the files its
// own `include` lists, so a change in src/ would not re-check the tests or the webview page that import it, and the
// check would pass on stale results. `tsc -p` with `incremental` (tsconfig.base.json) hashes every file of the
// program, imports included, and still skips what did not change (out/tsc/*.tsbuildinfo).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every TypeScript part, by the folder of its tsconfig.json. */
export const TS_PROJECTS = [
  '.',
  'src/panel/webview',
  'test/helpers',
  'test/unit',
  'test/lsp',
  'test/fuzz',
  'test/integration',
  'test/web',
  'test/e2e',
  'scripts',
];

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
let failed = 0;
for (const project of TS_PROJECTS) {
  const r = spawnSync(process.execPath, [tsc, '-p', project], { cwd: root, stdio: 'inherit' });
  const ok = r.status === 0;
  if (!ok) failed += 1;
  console.log(`[typecheck] ${path.join(project, 'tsconfig.json')}: ${ok ? 'ok' : 'errors'}`);
}
process.exit(failed > 0 ? 1 : 0);
