#!/usr/bin/env node
// Runs the integration tests (test/integration, compiled to out/test/integration) inside the real Node extension
// host of code-server, on a fresh copy of test/fixtures/workspace (see extension-tests.mjs, shared with the web tier).
//
// Usage: node scripts/e2e/run-integration.mjs [--no-build] [--target current|min]
//   --target min runs the same tests on code-server 4.20 (VS Code 1.85, the oldest that engines.vscode claims).
// Exit code: 0 passed, 1 tests failed or could not load, 2 timeout, 3 runner error.
// Env: TG_INTEGRATION_GREP=<text> runs matching tests only; TG_INTEGRATION_TIMEOUT_MS (default 300000);
//      VERBOSE=1 prints every workbench console message; KEEP_TMP=1 keeps the temporary directory.
import { EXIT_RUNNER_ERROR, runExtensionTests } from './extension-tests.mjs';

try {
  process.exit(await runExtensionTests());
} catch (error) {
  console.error(`[integration] ERROR: ${error?.message ?? error}`);
  process.exit(EXIT_RUNNER_ERROR);
}
