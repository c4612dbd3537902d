#!/usr/bin/env node
// Builds the production bundle and packages the extension as a .vsix with vsce (`npm run package`; the UI tests and
// `npm start` package through packageVsix too). The .vscodeignore allow-list decides what goes in; everything is
// bundled by esbuild, hence --no-dependencies. The package's details page is
// docs/marketplace.md, written for users and free of the repository README's screenshots, whose relative paths have no
// public base URL to resolve against.
// Usage: node scripts/package.mjs [output.vsix]   (default: transformers-glossary-<version>.vsix in the repo)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function runOrThrow(what, command, args) {
  const r = spawnSync(command, args, { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${what} failed (exit code ${r.status ?? r.error?.message})`);
}

/** Builds and packages; returns the path of the .vsix. */
export function packageVsix(output) {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const vsix = path.resolve(output ?? path.join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`));
  fs.mkdirSync(path.dirname(vsix), { recursive: true });
  runOrThrow('the production build', process.execPath, [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--production']);
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  runOrThrow('vsce package', process.execPath, [
    vsce,
    'package',
    '--no-dependencies',
    '--readme-path',
    'docs/marketplace.md',
    '--out',
    vsix,
  ]);
  return vsix;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    packageVsix(process.argv[2]);
  } catch (error) {
    console.error(`[package] ERROR: ${error.message}`);
    process.exit(1);
  }
}
