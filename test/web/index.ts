/**
 * The entry point the web worker extension host calls for the `web` tier (`extensionTestsPath`, see
 * scripts/e2e/run-web.mjs). The host loads one CommonJS file whose only import is `vscode`, with no file system to
 * find test files in, so scripts/build.mjs bundles this module with every suite that applies to the browser into
 * out/test/web/index.js. Mocha is its browser build, set up for the TDD interface before the suites load
 * (./mochaSetup.ts is imported first, and imports run in order).
 *
 * The report goes to `mocha.log` beside the workspace folder, written through `vscode.workspace.fs` (the host has no
 * other way out): the runner creates that file and streams it as it grows.
 */
import * as vscode from 'vscode';
import { mochaBase, runMocha } from './mochaSetup';
import './environment.test';
import '../integration/hover.test';
import '../integration/search.test';
import '../integration/tree.test';
import '../integration/panel.test';
import '../integration/discovery.test';
import '../integration/diagnostics.test';

/** Appends the report to the runner's log file, one write at a time, in order. */
function logWriter(): { write(line: string): void; flush(): Promise<void> } {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const file = folder && vscode.Uri.joinPath(folder.uri, '..', 'mocha.log');
  let text = '';
  let pending: Promise<void> = Promise.resolve();
  const encoder = new TextEncoder();
  return {
    write(line: string): void {
      text += `${line}\n`;
      if (!file) return;
      const snapshot = text;
      // The whole report is written each time: workspace.fs has no append, and the report is a few kilobytes.
      pending = pending.then(
        () => vscode.workspace.fs.writeFile(file, encoder.encode(snapshot)),
        () => undefined,
      );
    },
    flush: () => pending.catch(() => undefined),
  };
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error';

/**
 * What console.log prints for these arguments, for the substitutions mocha's reporter uses (`%s`, `%d`, `%i`, `%j`,
 * `%o`, `%O`, `%c`, `%%`); the rest of the arguments follow, separated by spaces, as in Node's util.format.
 */
export function formatConsole(args: readonly unknown[]): string {
  const text = (value: unknown): string => (typeof value === 'string' ? value : String(value));
  if (typeof args[0] !== 'string') return args.map(text).join(' ');
  let next = 1;
  const formatted = args[0].replace(/%([sdifjoOc%])/g, (whole, kind: string) => {
    if (kind === '%') return '%';
    if (next >= args.length) return whole;
    const value = args[next++];
    if (kind === 'c') return '';
    if (kind === 'd' || kind === 'i' || kind === 'f') return String(Number(value));
    if (kind === 'j' || kind === 'o' || kind === 'O') return JSON.stringify(value) ?? String(value);
    return text(value);
  });
  return [formatted, ...args.slice(next).map(text)].join(' ');
}

export function run(): Promise<void> {
  const log = logWriter();
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[method].bind(console);
    originals.set(method, original);
    console[method] = (...args: unknown[]) => {
      log.write(formatConsole(args));
      original(...args);
    };
  }
  const originalConsoleLog = mochaBase.consoleLog;
  mochaBase.consoleLog = (...args: unknown[]) => {
    log.write(formatConsole(args));
    originalConsoleLog(...args);
  };
  const restore = (): void => {
    for (const [method, original] of originals) console[method] = original;
    mochaBase.consoleLog = originalConsoleLog;
  };
  return new Promise<void>((resolve, reject) => {
    try {
      runMocha((failures) => {
        restore();
        void log.flush().then(() => {
          if (failures > 0) reject(new Error(`${failures} web test(s) failed.`));
          else resolve();
        });
      });
    } catch (error) {
      console.error('The web tests could not run:', error);
      restore();
      void log.flush().then(() => reject(error instanceof Error ? error : new Error(String(error))));
    }
  });
}
