/**
 * The entry point VS Code's extension host calls for the integration tests (`extensionTestsPath`). It runs every
 * compiled `*.test.js` below this folder with mocha's TDD interface (`suite`/`test`), the interface VS Code's
 * own extension tests use. The same module serves both runners: code-server (scripts/e2e/run-integration.mjs) and
 * desktop VS Code through @vscode/test-electron (scripts/e2e/run-electron.mjs).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/** Lists the compiled test files below `dir`, sorted so that the order is the same on every machine. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error';

/**
 * In code-server the extension host's console only reaches the runner through the browser, mixed with the
 * workbench's own messages. When the runner names a file in TG_INTEGRATION_LOG, mocha's report and the tests'
 * console output are also appended to that file, which the runner streams to its own stdout unchanged.
 * Returns the function that restores the console.
 */
function teeConsoleTo(logFile: string | undefined): () => void {
  if (!logFile) return () => undefined;
  const write = (args: unknown[]): void => fs.appendFileSync(logFile, format(...args) + '\n');
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[method].bind(console);
    originals.set(method, original);
    // The extension host installs its console forwarding as accessors; defineProperty replaces them for the run.
    Object.defineProperty(console, method, {
      configurable: true,
      writable: true,
      value: (...args: unknown[]) => {
        write(args);
        original(...args);
      },
    });
  }
  // Mocha's reporters print through Base.consoleLog, a reference to console.log taken when mocha was loaded.
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalConsoleLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    write(args);
    originalConsoleLog(...args);
  };
  return () => {
    for (const [method, original] of originals) {
      Object.defineProperty(console, method, { configurable: true, writable: true, value: original });
    }
    base.consoleLog = originalConsoleLog;
  };
}

export function run(): Promise<void> {
  // The compiled tests carry inline source maps; with them, failure stacks name the TypeScript lines.
  process.setSourceMapsEnabled(true);
  // A test may wait on several conditions of up to WAIT_TIMEOUT_MS each (editorFeatures.ts); mocha's own timeout
  // is the last resort for a test that hangs without waiting on anything.
  const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 180_000 });
  // TG_INTEGRATION_GREP narrows a run to matching test titles while working on one feature.
  if (process.env.TG_INTEGRATION_GREP) mocha.grep(process.env.TG_INTEGRATION_GREP);
  const files = findTestFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  const restoreConsole = teeConsoleTo(process.env.TG_INTEGRATION_LOG);
  return new Promise<void>((resolve, reject) => {
    try {
      if (files.length === 0) throw new Error(`no *.test.js files found below ${__dirname}`);
      mocha.run((failures) => {
        restoreConsole();
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading ends here, before mocha reports anything: say why.
      console.error('The integration tests could not be loaded:', error);
      restoreConsole();
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
