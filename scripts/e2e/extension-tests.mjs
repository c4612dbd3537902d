// The shared part of the two tiers that run mocha inside code-server's workbench: `integration`
// (run-integration.mjs, the Node extension host) and `web` (run-web.mjs, the browser's web worker extension host).
// It does what @vscode/test-electron's runTests() does for desktop VS Code: code-server started with
// `--vscode-option enable-smoke-test-driver` honours the `payload` URL parameter (extensionDevelopmentPath +
// extensionTestsPath, and extensionDevelopmentKind for the web tier); when the tests' run() settles, the workbench
// calls window.codeAutomationExit(code), which the runner exposes to the page.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { REPO_ROOT, TARGETS, targetFromArgs } from './config.mjs';

/** The extension's id (publisher.name), as src/ids.ts defines it. */
const EXTENSION_ID = 'transformers-glossary.transformers-glossary';
import {
  launchChromium,
  makeTempDirs,
  remoteUri,
  requireSetup,
  startCodeServer,
  startMemorySampler,
  workbenchUrl,
} from './codeserver.mjs';

export const EXIT_TIMEOUT = 2;
export const EXIT_RUNNER_ERROR = 3;
const timeoutMs = Number(process.env.TG_INTEGRATION_TIMEOUT_MS || 300_000);
const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

/**
 * The server environment of the web tier. Offline, the web workbench's extension gallery (open-vsx.org by default in
 * code-server) asks the `github` authentication provider for a session before each query, and that provider never
 * registers here: each query waited 30 s for it and then logged "Timed out waiting for authentication provider
 * 'github' to register". An empty gallery configuration turns the gallery off, so nothing asks and nothing waits
 * (measured: the error is gone; the tests themselves did not start later with it, as the query runs beside them).
 */
const WEB_SERVER_ENV = { EXTENSIONS_GALLERY: '{}' };

/** Workbench console messages worth showing without VERBOSE: what explains a failure to load or activate. */
const IMPORTANT =
  /Activating extension .* failed|Cannot find module|extensionTestsPath|Error: .*\bat\b|TypeError|ReferenceError|SyntaxError/;
/** Known offline noise that is never worth showing. */
// The workbench's language detection of untitled editors loads its model with `require`, which its web worker lacks.
const NOISE = /ENOTFOUND|open-vsx|marketplace|Service Worker|net::ERR_|vscode-languagedetection/;

/** Copies mocha's report from the file the extension host appends to, as it grows. */
function followFile(file) {
  let offset = 0;
  const flush = () => {
    let size;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size <= offset) return;
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    fs.closeSync(fd);
    offset = size;
    process.stdout.write(buffer);
  };
  const timer = setInterval(flush, 200);
  return {
    stop() {
      clearInterval(timer);
      flush();
    },
    printedAnything: () => offset > 0,
  };
}

/**
 * User settings of the web tier: run this extension in the browser's web worker extension host.
 *
 * The payload's `extensionDevelopmentKind: web` is not enough in code-server 4.139 (VS Code 1.139): its web
 * environment service exposes that payload value as `extensionDevelopmentLocationKind`, while the code that decides
 * where a development extension runs reads `extensionDevelopmentKind`, which only the desktop and server
 * environments define. So the extension's kinds come from its manifest, where `main` and `browser` make them
 * `workspace, web`, and code-server prefers its Node extension host; `extensionKind: ["web"]` in a manifest is
 * ignored (only `ui` and `workspace` are read from there). The user setting `remote.extensionKind` is read as is and
 * first, so it makes the workbench run the extension where vscode.dev runs every extension.
 */
const WEB_SETTINGS = { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } };

/**
 * Runs one test module inside code-server's workbench and returns the exit code. `web: true` runs the web tier: the
 * extension and its tests load in the browser's web worker extension host (payload `extensionDevelopmentKind: web`)
 * from out/test/web/index.js; otherwise the Node extension host runs out/test/integration/index.js.
 */
export async function runExtensionTests({ web = false, label = web ? 'web' : 'integration' } = {}) {
  const target = web ? TARGETS.current : targetFromArgs();
  const testsModule = path.join(REPO_ROOT, 'out', 'test', web ? 'web' : 'integration', 'index');
  requireSetup({ target });
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--tests'], {
      stdio: 'inherit',
    });
    if (build.status !== 0) throw new Error('the build failed');
  }
  if (!fs.existsSync(`${testsModule}.js`)) {
    throw new Error(`${testsModule}.js is missing; run \`node scripts/build.mjs --tests\``);
  }

  const startedAt = Date.now();
  const dirs = makeTempDirs(`tg-${label}-`, web ? WEB_SETTINGS : {});
  const workspace = path.join(dirs.root, 'workspace');
  fs.cpSync(fixture, workspace, { recursive: true });
  const mochaLog = path.join(dirs.root, 'mocha.log');
  fs.writeFileSync(mochaLog, '');
  const memory = startMemorySampler(process.pid);
  let server;
  let browser;
  let follower;
  let exitCode = EXIT_RUNNER_ERROR;
  try {
    server = await startCodeServer({
      dirs,
      folder: workspace,
      smokeTestDriver: true,
      target,
      env: {
        TG_INTEGRATION_LOG: mochaLog,
        TG_EXPECT_VSCODE_VERSION: target.vscode,
        ...(web ? WEB_SERVER_ENV : {}),
      },
    });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const finished = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    page.on('console', async (message) => {
      let text;
      try {
        const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
        // The remote extension host's console arrives as console.log('%c INFO', 'color: ...', format, ...args).
        if (typeof args[0] === 'string' && args[0].startsWith('%c')) args.splice(0, 2);
        text = util.format(...args);
      } catch {
        text = message.text();
      }
      if (process.env.VERBOSE || (IMPORTANT.test(text) && !NOISE.test(text))) console.log(`[workbench] ${text}`);
    });
    page.on('pageerror', (error) => console.log(`[workbench page error] ${error.message}`));
    follower = followFile(mochaLog);
    // The web tier names the server by its real remote authority (host:port), as the workbench does: the workbench
    // runs the tests in the extension host of the extension whose location contains them, comparing the two URIs,
    // and the extension's location carries that authority.
    const devUri = (p) => (web ? `vscode-remote://${new URL(server.url).host}${path.resolve(p)}` : remoteUri(p));
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', devUri(REPO_ROOT)],
      ['extensionTestsPath', devUri(testsModule)],
      ['skipWelcome', 'true'],
      // The workbench reads the development extension's kind from the payload: `web` loads it (its `browser` bundle)
      // and the tests module in the web worker extension host instead of the server's Node one.
      ...(web ? [['extensionDevelopmentKind', 'web']] : []),
    ]);
    console.log(
      `[${label}] code-server ${target.codeServer} (VS Code ${target.vscode}) ${server.url} (started in ${server.startupMs} ms), workspace ${workspace}`,
    );
    await page.goto(workbenchUrl(server.url, workspace, { payload }));
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      console.log(`[${label}] TIMEOUT: the tests did not finish within ${timeoutMs} ms`);
      exitCode = EXIT_TIMEOUT;
    } else {
      exitCode = result;
    }
  } finally {
    follower?.stop();
    if (exitCode !== 0 && follower && !follower.printedAnything()) {
      // run() failed before mocha reported anything, e.g. a test file that throws on load.
      console.log(
        `[${label}] mocha printed nothing: the tests module failed to load (rerun with VERBOSE=1, see the code-server log)`,
      );
    }
    await browser?.close().catch(() => undefined);
    await server?.stop();
    console.log(
      `[${label}] exit code ${exitCode}, ${((Date.now() - startedAt) / 1000).toFixed(1)} s, peak memory (PSS, runner + code-server + Chromium) ${memory.stop()} MiB`,
    );
    if (process.env.KEEP_TMP) console.log(`[${label}] kept ${dirs.root}`);
    else fs.rmSync(dirs.root, { recursive: true, force: true });
  }
  return exitCode;
}
