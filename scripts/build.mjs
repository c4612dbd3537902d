#!/usr/bin/env node
// Builds everything the extension and its tests run from:
//   dist/extension.js  the extension bundle (CommonJS, `vscode` external)
//   dist/cli.js        the `transformers-glossary` command-line tool
//   dist/termmap.json  the bundled term map, compiled from glossary/*.md by the CLI we just built
// With --tests it also bundles test/unit and test/integration into out/test/, and with --bench the benchmark into out/bench/. The Markdown libraries are ESM-only,
// so every target is bundled by esbuild rather than `require`d at run time.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

/** Lists files below `dir` whose name matches `pattern`, sorted so that builds are reproducible. */
export function listFiles(dir, pattern) {
  const found = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name)) found.push(full);
    }
  };
  walk(dir);
  return found.sort();
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await build({ ...common, entryPoints: [path.join(root, 'src/extension.ts')], outfile: path.join(root, 'dist/extension.js'), external: ['vscode'] });
await build({
  ...common,
  entryPoints: [path.join(root, 'src/cli.ts')],
  outfile: path.join(root, 'dist/cli.js'),
  banner: { js: '#!/usr/bin/env node' },
});
fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);

// The bundled term map. A glossary with errors fails the build: the CLI prints the diagnostics and never
// writes a partial term map.
// glossary/README.md documents how the sources are written (terminology tables); it is not a glossary itself.
const glossaryFiles = listFiles(path.join(root, 'glossary'), /^(?!README\.md$).*\.md$/);
if (glossaryFiles.length > 0) {
  // Relative paths keep the build machine's directories out of the shipped term map's source locations.
  const relative = glossaryFiles.map((file) => path.relative(root, file).split(path.sep).join('/'));
  execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'build', ...relative, '--out', path.join(root, 'dist/termmap.json')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

if (args.has('--bench')) {
  await build({
    ...common,
    sourcemap: false,
    entryPoints: [path.join(root, 'scripts/bench/bench.ts'), path.join(root, 'scripts/bench/matcher-entry.ts')],
    outdir: path.join(root, 'out/bench'),
  });
}

if (args.has('--tests')) {
  const unit = listFiles(path.join(root, 'test/unit'), /\.test\.ts$/);
  if (unit.length > 0) {
    await build({ ...common, sourcemap: 'inline', entryPoints: unit, outdir: path.join(root, 'out/test/unit'), outbase: path.join(root, 'test/unit'), external: ['mocha'] });
  }
  const integration = listFiles(path.join(root, 'test/integration'), /\.ts$/);
  if (integration.length > 0) {
    await build({
      ...common,
      sourcemap: 'inline',
      entryPoints: integration,
      outdir: path.join(root, 'out/test/integration'),
      outbase: path.join(root, 'test/integration'),
      external: ['vscode', 'mocha'],
    });
  }
}
