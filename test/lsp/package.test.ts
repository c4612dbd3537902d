/**
 * The packaging promise of the language server: `npm pack`, then `npm install -g` of the tarball into a fresh prefix,
 * gives a `transformers-glossary-lsp` that answers initialize and a hover, with no dependency installed beside it.
 * The pack uses the bundles the build tier made (`--ignore-scripts` skips the `prepare` rebuild).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers/repoRoot';
import { TestClient } from './client';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm pack + npm install -g of the tarball', function () {
  this.timeout(120_000);
  let dir: string;
  let client: TestClient | undefined;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-pack-'));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('installs a working transformers-glossary-lsp with no runtime dependencies', async () => {
    const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
    const packed = execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', dir, ...quiet], {
      cwd: repoRoot(),
      encoding: 'utf8',
    });
    const tarball = path.join(dir, packed.trim().split('\n').at(-1)!);
    const prefix = path.join(dir, 'prefix');
    execFileSync(npm, ['install', '-g', '--prefix', prefix, '--offline', ...quiet, tarball], {
      cwd: dir,
      encoding: 'utf8',
    });
    const installed = path.join(prefix, 'lib', 'node_modules', 'transformers-glossary');
    assert.deepEqual(fs.readdirSync(path.join(installed, 'dist')).sort(), [
      'cli.js',
      'compileWorker.js',
      'lsp.js',
      'markdown.js',
      'termmap.json',
    ]);
    assert.equal(fs.existsSync(path.join(installed, 'node_modules')), false, 'nothing is installed beside the bundles');

    const bin = path.join(prefix, 'bin', 'transformers-glossary-lsp');
    assert.match(execFileSync(bin, ['--version'], { encoding: 'utf8' }), /^\d+\.\d+\.\d+\n$/);
    // A workspace glossary of its own, so that the installed compiler worker (dist/compileWorker.js) runs too.
    fs.mkdirSync(path.join(dir, 'docs', 'source', 'en'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'docs', 'source', 'en', 'glossary.md'),
      '# Glossary\n\n## W\n\n### widget stack\n\nA pile of widgets our own team talks about.\n',
    );
    const started = await TestClient.start({
      command: [bin, '--stdio'],
      rootPath: dir,
      initializationOptions: { language: 'es' },
    });
    client = started.client;
    assert.equal(started.initialize.capabilities.hoverProvider, true);
    const uri = pathToFileURL(path.join(dir, 'model.py')).href;
    await client.open(uri, 'python', 'out = model(input_ids, attention_mask=mask)\n');
    assert.match((await client.hoverText(uri, 0, 25))!, /^\*\*máscara de atención\*\*/);
    const report = await client.request<{ status: string; terms: number }>('workspace/executeCommand', {
      command: 'transformersGlossary.reloadGlossaries',
    });
    assert.deepEqual([report.status, report.terms], ['loaded', 1]);
    assert.deepEqual(
      client.logs.filter((line) => /worker could not start/.test(line)),
      [],
      'the installed worker compiled, not the in-thread fallback',
    );
  });
});
