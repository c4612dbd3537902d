#!/usr/bin/env node
// `npm run fuzz -- --cases N [--seed S]`: bundles the fuzzer (test/fuzz/) and runs it. See test/fuzz/main.ts for the
// options; minimized failing inputs are written to out/fuzz/failures/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'out', 'fuzz', 'main.js');
await build({
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  entryPoints: [path.join(root, 'test', 'fuzz', 'main.ts')],
  outfile,
});
const result = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
