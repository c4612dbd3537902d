#!/usr/bin/env node
// Builds everything the extension and its tests run from:
//   dist/extension.js  the extension bundle (CommonJS, `vscode` external)
//   dist/compileWorker.js  the worker thread that compiles custom glossaries
//   dist/web/extension.js  the browser bundle for the web worker extension host (CommonJS, `vscode` external)
//   dist/web/compileWorker.js  the nested Web Worker that compiles glossaries in the web extension host
//   dist/cli.js        the `transformers-glossary` command-line tool
//   dist/lsp.js        the `transformers-glossary-lsp` language server, with vscode-languageserver bundled in
//   media/panel.js     the entry panel's page (src/panel/webview/), bundled for the browser
//   dist/termmap.json  the bundled term map, compiled from glossary/*.md by the CLI we just built
// With --tests it also bundles test/unit and test/integration into out/test/, and with --bench the benchmark into
// out/bench/. The Markdown libraries are ESM-only, so every target is bundled by esbuild rather than `require`d at
// run time. With --watch it builds once and then rebuilds whichever bundle a saved file belongs to (the term map is
// rebuilt whenever the CLI is); --production minifies and drops source maps (what `npm run package` ships).
//
// npm also runs this as the `prepare` script, that is after every `npm install` and `npm ci`. That costs a few
// seconds per install, and it is deliberate: CI (`.ci/run` is `npm ci && npm test`), `npm start` and the e2e harness
// all use dist/ and media/panel.js straight after an install, and a fresh clone should never run a stale or missing
// bundle.
import { build, context } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from './files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** Compiles glossary/*.md into dist/termmap.json with the CLI just built. */
function buildTermMap() {
  // A glossary with errors fails the build: the CLI prints the diagnostics and never writes a partial term map.
  // glossary/README.md (the terminology tables) is passed too: the CLI skips a folder's README by the core's rule.
  const glossaryFiles = listFiles(path.join(root, 'glossary'), /\.md$/);
  if (glossaryFiles.length === 0) return;
  // Relative paths keep the build machine's directories out of the shipped term map's source locations.
  const relative = glossaryFiles.map((file) => path.relative(root, file).split(path.sep).join('/'));
  const cli = path.join(root, 'dist/cli.js');
  execFileSync(process.execPath, [cli, 'build', ...relative, '--out', path.join(root, 'dist/termmap.json')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** In watch mode, rebuilds the term map after every successful build of the CLI. */
const termMapAfterCli = {
  name: 'term-map',
  setup(pluginBuild) {
    pluginBuild.onEnd((result) => {
      if (result.errors.length > 0) return;
      fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
      try {
        buildTermMap();
      } catch {
        // The CLI has printed the glossary's diagnostics; watching goes on.
      }
    });
  },
};

// Two Nodes run our code. The extension host runs the Node of VS Code's Electron, which is Node 18 in VS Code 1.85,
// the oldest release engines.vscode admits: the extension and the integration tests are built for it, so that esbuild
// refuses syntax that Node 18 lacks. The CLI, the unit tests and the benchmark run on the user's Node, which
// engines.node requires to be 20 or later.
const extensionHostNode = 'node18';
const cliNode = 'node20';

const node = {
  bundle: true,
  platform: 'node',
  target: cliNode,
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/**
 * The Markdown and HTML libraries load on first need (src/markdownLibrary.ts): in dist/extension.js the dynamic
 * `import('./markdown.js')` stays a `require` of the separate bundle dist/markdown.js, built from src/markdown.ts below.
 */
const markdownOnDemand = {
  name: 'markdown-on-demand',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/markdown\.js$/ }, () => ({ path: './markdown.js', external: true }));
  },
};

// The web worker extension host and the workers it starts: a browser build without a DOM. A package that exports a
// `browser` build using `document` (decode-named-character-reference, under remark-parse) also exports a `worker` one,
// listed before it.
const webWorker = {
  bundle: true,
  platform: 'browser',
  conditions: ['worker'],
  format: 'cjs',
  target: 'chrome114',
  external: ['vscode'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** Every bundle of this run, as esbuild options. */
const targets = [
  {
    ...node,
    entryPoints: [path.join(root, 'src/extension.ts')],
    outfile: path.join(root, 'dist/extension.js'),
    target: extensionHostNode,
    external: ['vscode'],
    plugins: [markdownOnDemand],
    // A plain `require`, which every Node extension host loads, rather than an ESM `import()` of a CommonJS file.
    supported: { 'dynamic-import': false },
  },
  {
    // The compiler and the renderer with their Markdown libraries, required by dist/extension.js on first need.
    ...node,
    entryPoints: [path.join(root, 'src/markdown.ts')],
    outfile: path.join(root, 'dist/markdown.js'),
    target: extensionHostNode,
  },
  {
    // The web worker extension host (vscode.dev, github.dev; `browser` in package.json) loads a CommonJS module with
    // `vscode` as its only import. Built for the browser, so that esbuild refuses any Node built-in the code reaches
    // (src/extensionWeb.ts is the composition root that keeps them out), and for the same Chromium as the webview.
    ...webWorker,
    entryPoints: [path.join(root, 'src/extensionWeb.ts')],
    outfile: path.join(root, 'dist/web/extension.js'),
  },
  {
    // The nested Web Worker that compiles glossaries for the web extension host (src/service/webCompilerHost.ts);
    // VS Code starts it with importScripts, so it is one classic script.
    ...webWorker,
    entryPoints: [path.join(root, 'src/service/webCompileWorker.ts')],
    outfile: path.join(root, 'dist/web/compileWorker.js'),
    format: 'iife',
    external: [],
  },
  {
    // The worker thread that compiles custom glossaries off the extension host's thread
    // (src/service/nodeCompilerHost.ts); it runs in the extension host's Node.
    ...node,
    entryPoints: [path.join(root, 'src/service/compileWorker.ts')],
    outfile: path.join(root, 'dist/compileWorker.js'),
    target: extensionHostNode,
    // It requires dist/markdown.js for the compiler, as dist/extension.js does, rather than bundling a second copy.
    plugins: [markdownOnDemand],
    supported: { 'dynamic-import': false },
  },
  {
    ...node,
    entryPoints: [path.join(root, 'src/cli.ts')],
    outfile: path.join(root, 'dist/cli.js'),
    banner: { js: '#!/usr/bin/env node' },
    plugins: watch ? [termMapAfterCli] : [],
  },
  {
    // The language server: everything it imports is bundled, so that the packed package installs with no runtime
    // dependencies (`npm install -g` of the tarball).
    ...node,
    entryPoints: [path.join(root, 'src/lsp.ts')],
    outfile: path.join(root, 'dist/lsp.js'),
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The panel's page runs in the webview's browser frame as one classic script (the CSP allows exactly one, by
    // nonce), so it is an IIFE for the browser. Its source map is inline, so that no .map file lands in media/,
    // which the package ships whole.
    entryPoints: [path.join(root, 'src/panel/webview/main.ts')],
    outfile: path.join(root, 'media/panel.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    // Chromium 114 is the browser inside VS Code 1.85, the oldest VS Code that engines.vscode admits.
    target: 'chrome114',
    sourcemap: production ? false : 'inline',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
  },
];

if (args.has('--bench')) {
  targets.push({
    ...node,
    sourcemap: false,
    entryPoints: [
      path.join(root, 'scripts/bench/bench.ts'),
      path.join(root, 'scripts/bench/matcher-entry.ts'),
      path.join(root, 'scripts/bench/compile-size.ts'),
    ],
    outdir: path.join(root, 'out/bench'),
  });
}

if (args.has('--tests')) {
  // Tests are bundled one output file per test file, and mocha runs every file it finds: a test that was moved or
  // deleted must not keep running from a stale bundle, so the old outputs go first.
  fs.rmSync(path.join(root, 'out/test'), { recursive: true, force: true });
  const unit = listFiles(path.join(root, 'test/unit'), /\.test\.ts$/);
  if (unit.length > 0) {
    targets.push({
      ...node,
      sourcemap: 'inline',
      entryPoints: unit,
      outdir: path.join(root, 'out/test/unit'),
      outbase: path.join(root, 'test/unit'),
      external: ['mocha'],
    });
  }
  // The language server's protocol tests start dist/lsp.js as a child process; they are bundled like the unit tests.
  const lsp = listFiles(path.join(root, 'test/lsp'), /\.test\.ts$/);
  if (lsp.length > 0) {
    targets.push({
      ...node,
      sourcemap: 'inline',
      entryPoints: lsp,
      outdir: path.join(root, 'out/test/lsp'),
      outbase: path.join(root, 'test/lsp'),
      external: ['mocha'],
    });
  }
  const integration = listFiles(path.join(root, 'test/integration'), /\.ts$/);
  if (integration.length > 0) {
    targets.push({
      ...node,
      sourcemap: 'inline',
      entryPoints: integration,
      outdir: path.join(root, 'out/test/integration'),
      outbase: path.join(root, 'test/integration'),
      target: extensionHostNode,
      external: ['vscode', 'mocha'],
    });
  }
  // The web tier's tests (scripts/e2e/run-web.mjs): one browser bundle of test/web/index.ts and the shared suites it
  // imports, which the web worker extension host loads as a CommonJS module whose only import is `vscode`. The one
  // Node module the suites use, node:assert/strict, is replaced by a browser implementation of our own.
  targets.push({
    ...webWorker,
    entryPoints: [path.join(root, 'test/web/index.ts')],
    outfile: path.join(root, 'out/test/web/index.js'),
    alias: { 'node:assert/strict': path.join(root, 'test/web/assert.ts') },
    sourcemap: 'inline',
    minify: false,
  });
}

if (watch) {
  // Each bundle watches the files it was built from; the first build of each runs now.
  const contexts = await Promise.all(targets.map((options) => context({ ...options, logLevel: 'info' })));
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('[build] watching for changes; Ctrl+C stops');
} else {
  // The builds are independent of each other except the term map, which needs the CLI.
  await Promise.all(targets.map((options) => build(options)));
  fs.chmodSync(path.join(root, 'dist/cli.js'), 0o755);
  fs.chmodSync(path.join(root, 'dist/lsp.js'), 0o755);
  buildTermMap();
}
