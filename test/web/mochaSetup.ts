/**
 * Loads mocha's browser build and sets it up for the TDD interface (`suite`/`test`, as in the Node integration tier),
 * so that the suites imported after this module register with it. The browser build defines `Mocha` and `mocha` on
 * the global object; its reporter prints through `Mocha.reporters.Base.consoleLog`, a reference to `console.log`
 * taken when it loaded, which ./index.ts redirects to the runner's log.
 */
import 'mocha/mocha.js';

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; color: boolean; timeout: number }): void;
  run(done: (failures: number) => void): unknown;
}

interface MochaGlobals {
  readonly mocha: BrowserMocha;
  readonly Mocha: {
    readonly reporters: { readonly Base: { consoleLog: (...args: unknown[]) => void } };
    readonly prototype: { run(this: BrowserMocha, done: (failures: number) => void): unknown };
  };
}

const globals = globalThis as unknown as MochaGlobals;

// The same per-test timeout as the Node tier (test/integration/index.ts): the suites wait on conditions with their
// own, shorter limits, and this one only ends a test that hangs without waiting on anything.
globals.mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 180_000 });

const mocha = globals.mocha;

/**
 * Runs the suites. Not `mocha.run()`: the browser build's wrapper reads `location.search` for a grep and highlights
 * code in the page, and the web extension host's worker has neither a location nor a page; the wrapper then calls
 * exactly this.
 */
export function runMocha(done: (failures: number) => void): void {
  globals.Mocha.prototype.run.call(mocha, done);
}
export const mochaBase = globals.Mocha.reporters.Base;
