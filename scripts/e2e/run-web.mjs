#!/usr/bin/env node
// The `web` tier: the extension and its tests (test/web, bundled for the browser to out/test/web/index.js) run in
// the browser's web worker extension host of code-server's workbench, opened in Chromium, on a fresh copy of
// test/fixtures/workspace. The payload's `extensionDevelopmentKind: web` makes the workbench load the development
// extension's `browser` bundle there instead of its `main` in the server's Node extension host; the tests fail the
// tier if that did not happen (test/web/environment.test.ts). What it shares with the integration tier is in
// extension-tests.mjs. This is what `@vscode/test-web` does (`npm run test:web`), without downloading a VS Code build
// and a browser at run time: code-server and Debian's Chromium are the ones `npm run setup:e2e` installed.
//
// Usage: node scripts/e2e/run-web.mjs [--no-build]
// Exit code: 0 passed, 1 tests failed or could not load, 2 timeout, 3 runner error.
// Env: TG_INTEGRATION_GREP does not apply (the web host has no environment); TG_INTEGRATION_TIMEOUT_MS (default
//      300000); VERBOSE=1 prints every workbench console message; KEEP_TMP=1 keeps the temporary directory.
import { EXIT_RUNNER_ERROR, runExtensionTests } from './extension-tests.mjs';

try {
  process.exit(await runExtensionTests({ web: true }));
} catch (error) {
  console.error(`[web] ERROR: ${error?.message ?? error}`);
  process.exit(EXIT_RUNNER_ERROR);
}
