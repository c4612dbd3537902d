/**
 * Issue #17's figures about loading the extension and its first hover: read from the integration run in code-server
 * (test/integration/bench.test.ts prints them), and the load of dist/extension.js in plain Node, each beside its
 * baseline measured the same way in the same run (a trivial extension; VS Code's own first hover).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, type Figure } from './figures';

const TRIVIAL_EXTENSION =
  "'use strict';\nexports.activate = function activate() {};\nexports.deactivate = function deactivate() {};\n";

/**
 * Milliseconds to `require` `file` in a fresh Node process, with `vscode` answered by stand-ins: every property of one
 * is a function returning it (the composition root calls `vscode.Uri.file` when it loads).
 */
function freshRequireMs(file: string): number {
  const script = `
    const Module = require('node:module');
    const resolve = Module._resolveFilename;
    Module._resolveFilename = function (request, ...rest) {
      return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
    };
    const standIn = new Proxy(function () {}, {
      get: (target, key) => (key === '__esModule' ? false : key === Symbol.toPrimitive ? () => '' : standIn),
      apply: () => standIn,
      construct: () => standIn,
    });
    // The bundle reads the module's own keys (esbuild's interop copies them), so the namespaces are listed.
    const api = {};
    for (const key of ['Uri', 'window', 'workspace', 'languages', 'commands', 'env', 'l10n', 'extensions', 'EventEmitter',
      'Disposable', 'TreeItem', 'Range', 'Position', 'Selection', 'Hover', 'MarkdownString', 'ThemeIcon', 'ExtensionMode'])
      api[key] = standIn;
    require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };
    const started = performance.now();
    require(${JSON.stringify(file)});
    process.stdout.write(String(performance.now() - started));`;
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** Loads dist/extension.js and a trivial extension in fresh Node processes, alternating, and records the medians. */
export function plainNodeLoad(root: string, quick: boolean, record: (figure: Figure) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-trivial-'));
  const trivial = path.join(dir, 'extension.js');
  fs.writeFileSync(trivial, TRIVIAL_EXTENSION);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let run = 0; run < (quick ? 3 : 9); run++) {
    ours.push(freshRequireMs(path.join(root, 'dist/extension.js')));
    theirs.push(freshRequireMs(trivial));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const oursMs = median(ours);
  const trivialMs = median(theirs);
  record({
    name: 'load dist/extension.js in plain Node (fresh process)',
    value: oursMs,
    unit: 'ms',
    target: '-',
    met: true,
    baseline: trivialMs,
    ratio: oursMs / trivialMs,
  });
}

/** The figures test/integration/bench.test.ts and the activation test printed, from the integration run's output. */
export function recordHostFigures(output: string, record: (figure: Figure) => void): void {
  const read = (name: string): number | undefined => {
    const found = new RegExp(`${name}=([\\d.]+)`).exec(output);
    return found ? Number(found[1]) : undefined;
  };
  const activation = read('TG_ACTIVATION_MS');
  const load = read('TG_LOAD_MS');
  const trivialLoad = read('TG_TRIVIAL_LOAD_MS');
  if (activation !== undefined && load !== undefined && trivialLoad !== undefined) {
    record({
      name: 'load + activate() in code-server, beside a trivial extension',
      value: load + activation,
      unit: 'ms',
      target: '-',
      met: true,
      baseline: trivialLoad,
      ratio: (load + activation) / trivialLoad,
    });
  } else {
    console.log('MISS load + activation could not be read from the integration run');
  }
  const hover = read('TG_FIRST_HOVER_MS');
  const vscodeHover = read('TG_VSCODE_FIRST_HOVER_MS');
  if (hover !== undefined && vscodeHover !== undefined) {
    record({
      name: 'first hover, 100k-line Python in code-server ÷ a trivial provider’s',
      value: hover / vscodeHover,
      unit: '×',
      target: '≤ 1',
      met: hover <= vscodeHover,
      baseline: vscodeHover,
      ratio: hover / vscodeHover,
    });
  } else {
    console.log('MISS the first hover could not be read from the integration run');
  }
}

/** activate()'s own time in code-server, printed by the integration run's activation test. */
export function recordActivation(
  run: { status: number | null; stdout: string; stderr: string },
  record: (figure: Figure) => void,
  recordMissing: (figure: Figure) => void,
): void {
  const found = /TG_ACTIVATION_MS=([\d.]+)/.exec(`${run.stdout}\n${run.stderr}`);
  const name = 'activate() in the real extension host (code-server)';
  if (found) {
    const ms = Number(found[1]);
    record({ name, value: ms, unit: 'ms', target: '< 15', met: ms < 15 });
  } else {
    console.log(
      `MISS activation could not be measured (integration harness exit ${run.status}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`,
    );
    recordMissing({ name, value: NaN, unit: 'ms', target: '< 15', met: false, note: 'not measured' });
  }
}
