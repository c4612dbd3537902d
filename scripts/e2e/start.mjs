#!/usr/bin/env node
// `npm start`: try the extension on samples/.
// - With a `code` command on PATH (desktop VS Code): builds, then opens samples/ in a new window with the
//   repository loaded as a development extension.
// - Otherwise: builds and packages the extension, installs it into a fresh code-server (set up on first use,
//   see setup.mjs), serves VS Code on http://127.0.0.1:<PORT> with samples/ open and prints the URL.
//   Ctrl+C stops code-server and everything it started, and removes the temporary profile.
// Env: PORT (default 8080, or a free port when 8080 is taken), TG_START_BROWSER=1 forces code-server even when
// `code` exists.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, TARGETS } from './config.mjs';
import { freePort, installVsix, makeTempDirs, portIsFree, setSignalHandler, startCodeServer } from './codeserver.mjs';
import { packageVsix } from '../package.mjs';
import { setup } from './setup.mjs';

const SAMPLES = path.join(REPO_ROOT, 'samples');

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

async function choosePort() {
  if (process.env.PORT) {
    const port = Number(process.env.PORT);
    if (!Number.isInteger(port) || port <= 0 || port > 65535) {
      throw new Error(`PORT=${process.env.PORT} is not a port number`);
    }
    if (!(await portIsFree(port))) throw new Error(`PORT=${port} is already in use on 127.0.0.1`);
    return port;
  }
  return (await portIsFree(8080)) ? 8080 : freePort();
}

async function startDesktop() {
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  console.log(`[start] opening ${SAMPLES} in VS Code with the extension in development mode`);
  const code = spawnSync('code', ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, SAMPLES], {
    stdio: 'inherit',
  });
  return code.status ?? 1;
}

async function startBrowser() {
  await setup({ needBrowser: false, targets: [TARGETS.current] });
  // The packaged extension rather than a development extension: code-server only loads development extensions
  // through the smoke-test driver, which also hides notifications, and a newcomer should see what a user sees.
  const dirs = makeTempDirs('tg-start-');
  const vsix = packageVsix(path.join(dirs.root, 'transformers-glossary.vsix'));
  console.log(`[start] ${installVsix(dirs, vsix)}`);
  const server = await startCodeServer({ dirs, folder: SAMPLES, port: await choosePort() });
  const url = `${server.url}/?folder=${encodeURIComponent(SAMPLES)}`;
  console.log(
    `\n  Transformers Glossary is running in VS Code (code-server) at:\n\n    ${url}\n\n  Open it in your browser; press Ctrl+C here to stop.\n`,
  );
  let stopping = false;
  // A graceful stop gives the extension host a moment to shut down; a second Ctrl+C exits at once, and the
  // harness's exit hook still kills code-server's process group and removes the temporary profile.
  setSignalHandler(async (signal) => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log(`\n[start] ${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  });
  const exitCode = await new Promise((resolve) => server.child.once('exit', (code) => resolve(code ?? 1)));
  if (!stopping) {
    console.error(`[start] code-server exited unexpectedly with code ${exitCode}; its log was ${server.logFile}`);
    process.exit(1);
  }
}

try {
  if (hasCommand('code') && !process.env.TG_START_BROWSER) process.exit(await startDesktop());
  await startBrowser();
} catch (error) {
  console.error(`[start] ERROR: ${error?.message ?? error}`);
  process.exit(1);
}
