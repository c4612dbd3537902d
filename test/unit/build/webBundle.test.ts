/**
 * The browser bundle (dist/web/extension.js, `browser` in package.json) runs in the web worker extension host, where
 * Node's modules and globals do not exist: a `require("fs")` there fails at activation, in the user's browser, long
 * after the build passed. esbuild already refuses to resolve a Node built-in for the browser platform; this test
 * catches what slips past it (an `external` added to the build, a dependency that calls `require` itself, a Node
 * global) by reading the bundle the build tier produced. Its size (budget: 400 KB minified) is a figure of
 * `npm run bench`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../helpers/repoRoot';

/** What the build writes for the web extension host, and what package.json's `browser` field must name. */
const WEB_BUNDLE = 'dist/web/extension.js';
/** The nested worker that compiles glossaries in the web extension host (src/service/webCompileWorker.ts). */
const WEB_COMPILE_WORKER = 'dist/web/compileWorker.js';

/** Every module name the bundle passes to `require`, in order of appearance. */
export function requiredModules(bundle: string): string[] {
  return [...bundle.matchAll(/\brequire\s*\(\s*(["'`])([^"'`]*)\1\s*\)/g)].map((match) => match[2]!);
}

/** The Node-only globals a bundle refers to (a property read, not just the word inside a string or a comment). */
export function nodeGlobals(bundle: string): string[] {
  const found = new Set<string>();
  for (const match of bundle.matchAll(
    /\b(process\.(?:env|versions|platform|cwd|nextTick)|Buffer\.(?:from|alloc|concat|isBuffer)|__dirname|__filename)\b/g,
  )) {
    found.add(match[1]!);
  }
  return [...found].sort();
}

/**
 * The DOM globals a bundle uses. The web extension host is a Web Worker: `document` and `window` do not exist there,
 * and a library's `browser` build that creates elements (as one of remark's did) throws when the bundle loads.
 */
export function domGlobals(bundle: string): string[] {
  const found = new Set<string>();
  for (const match of bundle.matchAll(
    /(?<![.\w$])((?:document|window)\.(?:createElement|getElementById|querySelector|body|document|location|addEventListener))\b/g,
  )) {
    found.add(match[1]!);
  }
  return [...found].sort();
}

describe('the web bundle', () => {
  const file = path.join(repoRoot(), WEB_BUNDLE);

  it('package.json names it as the browser entry point', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as { browser?: string };
    assert.equal(manifest.browser, `./${WEB_BUNDLE}`);
  });

  it('is shipped: the .vscodeignore allow-list lets it into the package', () => {
    const allowed = fs
      .readFileSync(path.join(repoRoot(), '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1).trim());
    assert.ok(allowed.includes(WEB_BUNDLE), allowed.join(', '));
  });

  it('requires nothing but vscode: no Node built-in, no run-time dependency', () => {
    assert.ok(fs.existsSync(file), `${WEB_BUNDLE} is missing: run \`node scripts/build.mjs\``);
    const modules = new Set(requiredModules(fs.readFileSync(file, 'utf8')));
    assert.deepEqual([...modules], ['vscode']);
  });

  it('refers to no Node-only global', () => {
    assert.deepEqual(nodeGlobals(fs.readFileSync(file, 'utf8')), []);
  });

  it('uses no DOM global: the web extension host is a worker', () => {
    assert.deepEqual(domGlobals(fs.readFileSync(file, 'utf8')), []);
  });

  it('its compile worker (dist/web/compileWorker.js) is shipped and requires nothing, Node or DOM', () => {
    const worker = path.join(repoRoot(), WEB_COMPILE_WORKER);
    assert.ok(fs.existsSync(worker), `${WEB_COMPILE_WORKER} is missing: run \`node scripts/build.mjs\``);
    const text = fs.readFileSync(worker, 'utf8');
    assert.deepEqual([requiredModules(text), nodeGlobals(text), domGlobals(text)], [[], [], []]);
    const allowed = fs.readFileSync(path.join(repoRoot(), '.vscodeignore'), 'utf8').split('\n');
    assert.ok(allowed.includes(`!${WEB_COMPILE_WORKER}`));
  });

  it('the checks see what they look for', () => {
    // Without this, a regular expression that never matches would let every bundle pass.
    const sample =
      'const fs = require("fs"); const p = require("node:path"); require(\'vscode\'); x = process.env.HOME; Buffer.from(y);';
    assert.deepEqual(requiredModules(sample), ['fs', 'node:path', 'vscode']);
    assert.deepEqual(nodeGlobals(sample), ['Buffer.from', 'process.env']);
    const dom = 'var e = document.createElement("i"); vscode.window.showQuickPick(); editor.document.uri;';
    assert.deepEqual(domGlobals(dom), ['document.createElement']);
  });
});
