#!/usr/bin/env node
// The desktop runner for the same integration tests: @vscode/test-electron downloads desktop VS Code (into
// .vscode-test/) and runs out/test/integration/index.js in its extension host, on a fresh copy of
// test/fixtures/workspace. Use it on machines that can reach update.code.visualstudio.com; where they cannot
// (this project's CI machines), scripts/e2e/run-integration.mjs runs the same tests in code-server.
//
// Usage: node scripts/e2e/run-electron.mjs [--no-build]   Env: VSCODE_VERSION (default "stable"), TG_INTEGRATION_GREP.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT } from './config.mjs';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--tests'], {
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(1);
}
const workspaceRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-electron-'));
const workspace = path.join(workspaceRoot, 'workspace');
fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
let exitCode = 1;
try {
  exitCode = await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index'),
    // Other installed extensions stay out of the way, so that only ours contributes hovers and views.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`[electron] the tests did not pass: ${error?.message ?? error}`);
} finally {
  fs.rmSync(workspaceRoot, { recursive: true, force: true });
}
process.exit(exitCode);
