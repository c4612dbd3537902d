#!/usr/bin/env node
// `npm test`: every test tier in order (build lint format typecheck unit lsp neovim integration integration-min web ui), one summary
// line per tier (`<tier>: N passed, N failed, S s`) and a total. A tier that fails does not stop the others, so that
// one run shows everything that is wrong; the exit code is non-zero when any tier failed. `node scripts/test.mjs
// <tier>...` runs only the tiers named.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

/** The file's text, or `fallback` when there is none (ESLint writes no report when it fails to start). */
function readOr(file, fallback) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

/** Runs a command with its output shown live and captured, so that the tier can count what it printed. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}` };
}

/**
 * Like run(), but streams the output while it is produced: the integration and UI tiers take tens of seconds and
 * print their mocha report as they go.
 */
function runLive(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      output += String(error);
    });
    child.on('close', (code) => resolve({ status: code ?? 1, output }));
  });
}

/**
 * The real-VS-Code tiers first run the setup script for their code-server target, which installs it on a fresh
 * machine and is a quick no-op afterwards. A failed setup fails the tier with the setup's own explanation.
 */
async function setupE2e(target) {
  const r = await runLive(process.execPath, [path.join(root, 'scripts/e2e/setup.mjs'), '--target', target]);
  return r.status === 0;
}

/** The integration tier on one code-server target (scripts/e2e/run-integration.mjs). */
async function integration(target) {
  if (!(await setupE2e(target))) return { passed: 0, failed: 1 };
  const r = await runLive(process.execPath, [
    path.join(root, 'scripts/e2e/run-integration.mjs'),
    '--target',
    target,
    ...(builtThisRun ? ['--no-build'] : []),
  ]);
  return mochaCounts(r.output, r.status);
}

let builtThisRun = false;

/** Reads mocha's closing lines (`N passing`, `N failing`). */
function mochaCounts(output, status) {
  const passed = Number(/(\d+) passing/.exec(output)?.[1] ?? 0);
  const failed = Number(/(\d+) failing/.exec(output)?.[1] ?? 0);
  // A runner that died before mocha reported counts as one failure, never as a silent pass.
  return { passed, failed: status !== 0 && failed === 0 ? 1 : failed };
}

const tiers = [
  {
    name: 'build',
    run() {
      const r = run(process.execPath, [path.join(root, 'scripts/build.mjs'), '--tests']);
      builtThisRun = r.status === 0;
      return { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 };
    },
  },
  {
    name: 'lint',
    run() {
      const r = run(bin('eslint'), ['.', '--format', 'json', '--output-file', path.join(root, 'out/eslint.json')]);
      const report = JSON.parse(readOr(path.join(root, 'out/eslint.json'), '[]'));
      const failedFiles = report.filter((f) => f.errorCount + f.warningCount > 0);
      if (failedFiles.length > 0) run(bin('eslint'), ['.']);
      // Knip (knip.json) reports unused files, exports and dependencies; its verdict counts as one more check.
      const knip = run(bin('knip'), []);
      return {
        passed: report.length - failedFiles.length + (knip.status === 0 ? 1 : 0),
        failed: failedFiles.length + (r.status !== 0 && failedFiles.length === 0 ? 1 : 0) + (knip.status === 0 ? 0 : 1),
      };
    },
  },
  {
    // Prettier's verdict on every file it formats (.prettierignore lists what it leaves alone); `npm run format`
    // fixes what it reports.
    name: 'format',
    run() {
      const r = run(bin('prettier'), ['--check', '.']);
      const files = (r.output.match(/^\[warn\] (?!Code style issues)/gm) ?? []).length;
      return { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : Math.max(files, 1) };
    },
  },
  {
    // Every TypeScript part in its own environment (scripts/typecheck.mjs lists them): host, webview page, tests,
    // scripts.
    name: 'typecheck',
    run() {
      const r = run(process.execPath, [path.join(root, 'scripts/typecheck.mjs')]);
      const errors = (r.output.match(/error TS\d+/g) ?? []).length;
      return { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : Math.max(errors, 1) };
    },
  },
  {
    name: 'unit',
    run() {
      const r = run(bin('mocha'), ['--reporter', 'spec', '--recursive', 'out/test/unit', '--extension', 'js']);
      return mochaCounts(r.output, r.status);
    },
  },
  {
    // The language server's protocol tests: dist/lsp.js over stdio, driven by a JSON-RPC client (test/lsp/).
    name: 'lsp',
    run() {
      const r = run(bin('mocha'), ['--reporter', 'spec', '--recursive', 'out/test/lsp', '--extension', 'js']);
      return mochaCounts(r.output, r.status);
    },
  },
  {
    // Headless Neovim 0.7 (Debian's, installed by the setup step) attached to dist/lsp.js (scripts/e2e/run-neovim.mjs).
    name: 'neovim',
    async run() {
      const setup = await runLive(process.execPath, [path.join(root, 'scripts/e2e/setup.mjs'), '--neovim']);
      if (setup.status !== 0) return { passed: 0, failed: 1 };
      const r = await runLive(process.execPath, [
        path.join(root, 'scripts/e2e/run-neovim.mjs'),
        ...(builtThisRun ? ['--no-build'] : []),
      ]);
      return mochaCounts(r.output, r.status);
    },
  },
  {
    // Mocha suites inside the real extension host of code-server, current release (scripts/e2e/run-integration.mjs).
    name: 'integration',
    run: () => integration('current'),
  },
  {
    // The same suites on code-server 4.20 (VS Code 1.85), the oldest VS Code that engines.vscode claims.
    name: 'integration-min',
    run: () => integration('min'),
  },
  {
    // The extension and the suites that apply to the browser, inside the web worker extension host of code-server's
    // workbench in Chromium (scripts/e2e/run-web.mjs).
    name: 'web',
    async run() {
      if (!(await setupE2e('current'))) return { passed: 0, failed: 1 };
      const r = await runLive(process.execPath, [
        path.join(root, 'scripts/e2e/run-web.mjs'),
        ...(builtThisRun ? ['--no-build'] : []),
      ]);
      return mochaCounts(r.output, r.status);
    },
  },
  {
    // Playwright specs against code-server in Chromium with the packaged .vsix installed (scripts/e2e/run-ui.mjs).
    name: 'ui',
    async run() {
      if (!(await setupE2e('current'))) return { passed: 0, failed: 1 };
      const r = await runLive(process.execPath, [path.join(root, 'scripts/e2e/run-ui.mjs')]);
      return mochaCounts(r.output, r.status);
    },
  },
];

fs.mkdirSync(path.join(root, 'out'), { recursive: true });
const only = process.argv.slice(2);
const unknown = only.filter((name) => !tiers.some((tier) => tier.name === name));
if (unknown.length > 0) {
  console.error(`unknown tier(s): ${unknown.join(', ')}; the tiers are ${tiers.map((tier) => tier.name).join(', ')}`);
  process.exit(2);
}
const summary = [];
for (const tier of tiers) {
  if (only.length > 0 && !only.includes(tier.name)) continue;
  console.log(`\n===== ${tier.name} =====`);
  const started = Date.now();
  const counts = await tier.run();
  summary.push({ name: tier.name, ...counts, seconds: (Date.now() - started) / 1000 });
}
console.log('\n===== summary =====');
let passed = 0;
let failed = 0;
for (const s of summary) {
  console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.seconds.toFixed(1)} s`);
  passed += s.passed;
  failed += s.failed;
}
console.log(`total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
