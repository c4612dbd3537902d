// Starting and stopping code-server and Chromium for the harness. code-server runs offline on 127.0.0.1 with no
// authentication, a fresh user-data, extensions and config directory per run, and in its own process group so
// that stopping it also stops the extension host and the other helpers it forks.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, TARGETS, chromiumPath, isInstalled, pathsOf } from './config.mjs';

const LAUNCHER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'smoke-driver-launcher.js');

/** Flags for Chromium in a container: no sandbox (root), no GPU, no background traffic to Google. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

/** User settings that keep the workbench quiet and offline, and make hovers appear quickly for the UI tests. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Fails with the command that fixes it when the setup has not run. */
export function requireSetup({ target = TARGETS.current, needBrowser = true } = {}) {
  if (!isInstalled({ target, needBrowser })) {
    throw new Error(
      `code-server ${target.codeServer} is not installed in ${CACHE_DIR}. Run \`npm run setup:e2e\` first.`,
    );
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on 127.0.0.1:port. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A fresh directory tree for one code-server run. code-server keeps user settings on the server side, in the
 * user-data directory. Its own config file is passed explicitly, because without one code-server writes
 * ~/.config/code-server/config.yaml with a random password.
 */
export function makeTempDirs(prefix, settings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  removeOnExit(root);
  const userData = path.join(root, 'user-data');
  const extensions = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(extensions, { recursive: true });
  fs.writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2),
  );
  const config = path.join(root, 'config.yaml');
  fs.writeFileSync(config, 'auth: none\ncert: false\n');
  return { root, userData, extensions, config };
}

function baseArgs(dirs, target = TARGETS.current) {
  return [
    pathsOf(target).codeServerEntry,
    '--config',
    dirs.config,
    '--user-data-dir',
    dirs.userData,
    '--extensions-dir',
    dirs.extensions,
  ];
}

/**
 * How to switch on VS Code's smoke-test driver: newer code-server releases forward it with `--vscode-option`; older
 * ones are started through a launcher that teaches their parser the flag (see smoke-driver-launcher.js).
 */
function smokeTestDriverArgs(target, args) {
  if (target.legacy) {
    return [LAUNCHER, pathsOf(target).codeServerPackage, ...args.slice(1), '--enable-smoke-test-driver'];
  }
  return [...args, '--vscode-option', 'enable-smoke-test-driver'];
}

/** Installs a .vsix into the run's extensions directory, the way a user installs a downloaded package. */
export function installVsix(dirs, vsix) {
  const output = execFileSync(
    pathsOf(TARGETS.current).nodeBin,
    [...baseArgs(dirs), '--install-extension', vsix, '--force'],
    { encoding: 'utf8' },
  );
  return output.trim().split('\n').pop() ?? '';
}

/** Kills a whole process group; a group that is already gone is not an error. */
export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already exited.
  }
}

/** True while any process of the group `pid` exists (signal 0 checks without sending anything). */
function groupIsAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

const groupsToKill = new Set();
const dirsToRemove = new Set();
let exitHookInstalled = false;
let signalHandler;
/**
 * Makes sure that the process groups and temporary directories of a run go away with it, whichever way it ends:
 * SIGINT, SIGTERM and SIGHUP become a normal exit, and `process.exit` runs the 'exit' hook synchronously.
 */
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const group of groupsToKill) killGroup(group, 'SIGKILL');
    if (!process.env.KEEP_TMP) for (const dir of dirsToRemove) fs.rmSync(dir, { recursive: true, force: true });
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (signalHandler) void signalHandler(signal);
      else process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}

/**
 * Replaces the default reaction to SIGINT/SIGTERM/SIGHUP (exit at once, killing what we started) with a graceful
 * one. The handler must end with process.exit, which still runs the exit hook as a safety net.
 */
export function setSignalHandler(handler) {
  installExitHook();
  signalHandler = handler;
}

/** Kills the process group `pid` when this process exits; returns the function that forgets it again. */
export function killOnExit(pid) {
  installExitHook();
  groupsToKill.add(pid);
  return () => groupsToKill.delete(pid);
}

/** Removes `dir` when this process exits (unless KEEP_TMP is set). */
export function removeOnExit(dir) {
  installExitHook();
  dirsToRemove.add(dir);
}

/**
 * Starts code-server and waits until it answers HTTP. With `smokeTestDriver` the built workbench honours the
 * `payload` URL parameter (extensionDevelopmentPath, extensionTestsPath); its side effect is that notification
 * toasts are suppressed, so the UI tests and `npm start` run without it and install the .vsix instead.
 */
export async function startCodeServer({
  dirs,
  folder,
  port,
  host = '127.0.0.1',
  smokeTestDriver = false,
  env = {},
  stdio = 'log',
  target = TARGETS.current,
}) {
  requireSetup({ target, needBrowser: false });
  port = port ?? (await freePort());
  let args = [
    ...baseArgs(dirs, target),
    '--bind-addr',
    `${host}:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (smokeTestDriver) args = smokeTestDriverArgs(target, args);
  if (folder) args.push(folder);
  const logFile = path.join(dirs.root, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const started = Date.now();
  const child = spawn(pathsOf(target).nodeBin, args, {
    env: { ...process.env, ...env, VSCODE_PROXY_URI: '' },
    stdio: stdio === 'inherit' ? ['ignore', 'inherit', 'inherit'] : ['ignore', logFd, logFd],
    detached: true, // Its own process group, so that one kill stops code-server and everything it forked.
  });
  fs.closeSync(logFd);
  const forget = killOnExit(child.pid);
  const url = `http://${host}:${port}`;
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited early with code ${child.exitCode}; see ${logFile}`);
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (attempt > 600) {
      killGroup(child.pid, 'SIGKILL');
      throw new Error(`code-server did not answer within 60 s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    port,
    url,
    dirs,
    logFile,
    startupMs: Date.now() - started,
    /** Stops code-server and its process group: SIGTERM, then SIGKILL for whatever is left after 5 s. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        killGroup(child.pid, 'SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      // Stragglers in the same group (extension host, pty host) go too; the stop ends when the group is gone (or
      // after 10 s: a killed process that nobody reaps stays a zombie in its group, and must not hang the run).
      killGroup(child.pid, 'SIGKILL');
      for (const deadline = Date.now() + 10_000; groupIsAlive(child.pid) && Date.now() < deadline;) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      forget();
    },
  };
}

/** The URI under which code-server's workbench sees a path on the server (its remote authority is "remote"). */
export function remoteUri(p) {
  return `vscode-remote://remote${path.resolve(p)}`;
}

/** The workbench URL that opens `folder`, with extra URL parameters. */
export function workbenchUrl(serverUrl, folder, params = {}) {
  const query = new URLSearchParams({ folder: path.resolve(folder), ...params });
  return `${serverUrl}/?${query.toString()}`;
}

/** Launches Debian's Chromium through playwright-core (which never downloads a browser of its own). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found; run `npm run setup:e2e` or set CHROMIUM.');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** Starts Chromium as a server that specs in another process connect to with `chromium.connect(wsEndpoint)`. */
export async function launchChromiumServer() {
  const { chromium } = await import('playwright-core');
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found; run `npm run setup:e2e` or set CHROMIUM.');
  return chromium.launchServer({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Samples the proportional set size (PSS, shared pages split fairly) of a process tree every second and keeps
 * the peak, so that a run can report how much memory the harness really needed. Each sample reads every process's
 * /proc entry: at 4 samples a second that cost the runner a steady 8 to 14 % of a core on a busy machine.
 */
export function startMemorySampler(rootPid = process.pid, intervalMs = 1000) {
  let peakKb = 0;
  const childrenOf = () => {
    const map = new Map();
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (!map.has(parent)) map.set(parent, []);
        map.get(parent).push(Number(entry));
      } catch {
        // The process exited while we were reading.
      }
    }
    return map;
  };
  const pssKb = (pid) => {
    try {
      return Number(/Pss:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const timer = setInterval(() => {
    const map = childrenOf();
    let total = 0;
    const stack = [rootPid];
    while (stack.length > 0) {
      const pid = stack.pop();
      total += pssKb(pid);
      stack.push(...(map.get(pid) ?? []));
    }
    peakKb = Math.max(peakKb, total);
  }, intervalMs);
  timer.unref();
  return {
    /** Stops sampling and returns the peak in MiB. */
    stop() {
      clearInterval(timer);
      return Math.round(peakKb / 1024);
    },
  };
}
