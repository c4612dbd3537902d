#!/usr/bin/env node
// Runs the UI tests (test/e2e/**/*.spec.ts) against a real VS Code workbench: it builds the production bundle,
// packages the .vsix, installs it into a fresh code-server the way a user installs a download, starts Chromium
// (Debian's, through playwright-core) and runs the specs with mocha in a child process. The specs reach
// code-server and the browser through TG_UI_* environment variables; see test/e2e/workbench.ts.
//
// Usage: node scripts/e2e/run-ui.mjs [--vsix <file>] [spec substring...]
//   --vsix <file>    test an existing package instead of building and packaging one
//   spec substrings  run only the spec files whose path contains one of them, e.g. `hover`
// Env: TG_UI_GREP=<text> runs matching test titles only; KEEP_TMP=1 keeps the temporary directory.
// Screenshots: test-results/screenshots/. Exit code: 0 passed, 1 failed, 3 runner error.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { listFiles } from '../files.mjs';
import { REPO_ROOT } from './config.mjs';
import {
  installVsix,
  killOnExit,
  launchChromiumServer,
  makeTempDirs,
  requireSetup,
  startCodeServer,
  startMemorySampler,
} from './codeserver.mjs';
import { packageVsix } from '../package.mjs';

const EXIT_RUNNER_ERROR = 3;
const SPEC_SOURCE = path.join(REPO_ROOT, 'test', 'e2e');
const SPEC_OUT = path.join(REPO_ROOT, 'out', 'test', 'e2e');
const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');
const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

/** Settings every UI spec starts from: hovers appear quickly, so that the tests wait less. */
const UI_SETTINGS = { 'editor.hover.delay': 100 };

/**
 * Bundles each spec of test/e2e (with the helpers it imports) into out/test/e2e and returns the compiled files.
 * Nothing is deleted first and only the current sources' outputs are returned, so that two runs in the same
 * checkout do not pull the files from under each other, and a deleted spec is not run from a stale copy.
 */
async function compileSpecs() {
  const sources = listFiles(SPEC_SOURCE, /\.spec\.ts$/);
  if (sources.length === 0) throw new Error(`no *.spec.ts files in ${SPEC_SOURCE}`);
  await build({
    entryPoints: sources,
    outdir: SPEC_OUT,
    outbase: SPEC_SOURCE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    external: ['playwright-core', 'mocha'],
  });
  return sources.map((source) => path.join(SPEC_OUT, path.relative(SPEC_SOURCE, source)).replace(/\.ts$/, '.js'));
}

function parseArgs(argv) {
  const options = { vsix: undefined, filters: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--vsix') options.vsix = path.resolve(argv[++i] ?? '');
    else options.filters.push(argv[i]);
  }
  return options;
}

function runMocha(specs, env) {
  const mocha = path.join(REPO_ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [mocha, '--ui', 'bdd', '--reporter', 'spec', '--timeout', '600000', '--enable-source-maps', ...specs];
  if (process.env.TG_UI_GREP) args.push('--grep', process.env.TG_UI_GREP);
  // Its own process group, so that an interrupted run also stops the specs (see killOnExit).
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    detached: true,
  });
  const forget = killOnExit(child.pid);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      forget();
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
}

/**
 * Prints the warnings and errors the extension wrote to its output channel during the run (one log file per window
 * load, under code-server's user data). The temporary directory is removed after the run, and a CI log is often all
 * that is left of a failure, so a failed run says there what the extension itself reported.
 */
function printExtensionWarnings(userData) {
  const logs = listFiles(path.join(userData, 'logs'), /^Transformers Glossary\.log$/);
  // Each line starts with its time, so sorting the lines puts the window loads in order.
  const lines = logs
    .flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /\[(warning|error)\]/.test(line)),
    )
    .sort();
  console.log(
    `[ui] the extension's warnings and errors in ${logs.length} window load(s): ${lines.length === 0 ? 'none' : ''}`,
  );
  for (const line of lines.slice(-40)) console.log(`[ui]   ${line.slice(0, 400)}`);
}

/** Times the steps of a run, so that its last line shows where the time went. */
function stepTimer() {
  const steps = [];
  return {
    async time(name, body) {
      const started = Date.now();
      try {
        return await body();
      } finally {
        steps.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    },
    toString: () => steps.join(', '),
  };
}

async function main() {
  requireSetup();
  const options = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  const steps = stepTimer();
  let specs = await steps.time('compile specs', compileSpecs);
  if (options.filters.length > 0) {
    specs = specs.filter((spec) => options.filters.some((f) => path.relative(SPEC_OUT, spec).includes(f)));
  }
  if (specs.length === 0) throw new Error(`no spec matches ${options.filters.join(', ')}`);

  const dirs = makeTempDirs('tg-ui-', UI_SETTINGS);
  // The package goes into this run's temporary directory, so that concurrent runs never share one file.
  const vsix =
    options.vsix ??
    (await steps.time('package', () => packageVsix(path.join(dirs.root, 'transformers-glossary.vsix'))));
  const workspace = path.join(dirs.root, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const installed = await steps.time('install .vsix', () => installVsix(dirs, vsix));
  console.log(`[ui] ${installed}`);
  const baseSettings = fs.readFileSync(path.join(dirs.userData, 'User', 'settings.json'), 'utf8');
  const memory = startMemorySampler(process.pid);
  let server;
  let browserServer;
  let exitCode = EXIT_RUNNER_ERROR;
  try {
    server = await steps.time('start code-server', () => startCodeServer({ dirs, folder: workspace }));
    browserServer = await steps.time('start Chromium', launchChromiumServer);
    console.log(
      `[ui] code-server ${server.url} (started in ${server.startupMs} ms), ${specs.length} spec file(s), screenshots in ${path.relative(REPO_ROOT, SCREENSHOTS)}/`,
    );
    exitCode = await steps.time('specs', () =>
      runMocha(specs, {
        TG_UI_URL: server.url,
        TG_UI_WORKSPACE: workspace,
        TG_UI_BROWSER_ENDPOINT: browserServer.wsEndpoint(),
        TG_UI_SCREENSHOTS: SCREENSHOTS,
        TG_UI_USER_SETTINGS: path.join(dirs.userData, 'User', 'settings.json'),
        TG_UI_BASE_SETTINGS: baseSettings,
      }),
    );
  } finally {
    await browserServer?.close().catch(() => undefined);
    await server?.stop();
    console.log(`[ui] steps: ${steps}`);
    console.log(
      `[ui] exit code ${exitCode}, ${((Date.now() - startedAt) / 1000).toFixed(1)} s, peak memory (PSS, runner + code-server + Chromium + mocha) ${memory.stop()} MiB`,
    );
    if (exitCode !== 0) {
      printExtensionWarnings(dirs.userData);
      console.log(
        `[ui] code-server's log: ${server?.logFile ?? 'none'}${process.env.KEEP_TMP ? '' : ' (removed; rerun with KEEP_TMP=1 to keep it)'}`,
      );
    }
    if (process.env.KEEP_TMP) console.log(`[ui] kept ${dirs.root}`);
    else fs.rmSync(dirs.root, { recursive: true, force: true });
  }
  return exitCode;
}

try {
  process.exit(await main());
} catch (error) {
  console.error(`[ui] ERROR: ${error?.message ?? error}`);
  process.exit(EXIT_RUNNER_ERROR);
}
