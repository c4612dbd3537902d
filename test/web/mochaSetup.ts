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
  readonly Mocha: { readonly reporters: { readonly Base: { consoleLog: (...args: unknown[]) => void } } };
}

const globals = globalThis as unknown as MochaGlobals;

// The same per-test timeout as the Node tier (test/integration/index.ts): the suites wait on conditions with their
// own, shorter limits, and this one only ends a test that hangs without waiting on anything.
globals.mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 180_000 });

export const mocha = globals.mocha;
export const mochaBase = globals.Mocha.reporters.Base;
