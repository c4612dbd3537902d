/**
 * The Node compiler host: custom glossaries compile in a worker thread from the real dist/compileWorker.js (built by
 * scripts/build.mjs), and every way a worker can fail (too slow, out of memory, gone, talking nonsense) ends in a
 * clear outcome after which the next compilation works. Misbehaving workers are small scripts of our own, handed to
 * the host through its constructor like the real one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { alignmentReference, compileGlossaries, type GlossarySource } from '../../../src/glossary';
import {
  InThreadCompilerHost,
  type CompileOutcome,
  type GlossaryCompilerHost,
} from '../../../src/service/compilerHost';
import { NodeCompilerHost } from '../../../src/service/nodeCompilerHost';
import { repoRoot } from '../../helpers/repoRoot';

const workerFile = path.join(repoRoot(), 'dist', 'compileWorker.js');

/** A glossary of `count` entries that link to each other, about 200 bytes each. */
function glossary(count: number): string {
  const lines = ['# Glossary', '', '## T', ''];
  for (let i = 0; i < count; i++) {
    lines.push(
      `### test term ${i}`,
      '',
      `Entry ${i} of a generated glossary, related to [test term ${(i * 7) % count}](#test-term-${(i * 7) % count}) and [\`AutoModel\`].`,
      '',
    );
  }
  return lines.join('\n');
}

/** A worker that misbehaves in the way its first source's file name asks for, and otherwise answers an empty map. */
const STUB_WORKER = `
const { parentPort } = require('node:worker_threads');
const empty = JSON.stringify({ schemaVersion: 1, locales: ['en'], terms: [] });
parentPort.on('message', (request) => {
  const file = request.sources[0].file;
  const reply = (message) => parentPort.postMessage(message);
  if (file === 'hang.md') for (;;) {}
  if (file === 'exit.md') process.exit(3);
  if (file === 'oom.md') { const kept = []; for (;;) kept.push(new Array(1e5).fill(kept.length)); }
  if (file === 'not-an-object.md') return reply(42);
  if (file === 'wrong-id.md') return reply({ type: 'result', id: request.id + 1, termMapJson: empty, diagnostics: [] });
  if (file === 'unknown-type.md') return reply({ type: 'done', id: request.id });
  if (file === 'no-map.md') return reply({ type: 'result', id: request.id, termMap: {}, diagnostics: [] });
  if (file === 'bad-map.md') return reply({ type: 'result', id: request.id, termMapJson: JSON.stringify({ schemaVersion: 1, locales: ['en'], terms: [{ id: 'x' }] }), diagnostics: [] });
  if (file === 'bad-json.md') return reply({ type: 'result', id: request.id, termMapJson: '{', diagnostics: [] });
  if (file === 'bad-diagnostic.md') return reply({ type: 'result', id: request.id, termMapJson: empty, diagnostics: [{ severity: 'fatal', message: 'x', code: 'x', location: { file: 'a', line: 1, column: 1 } }] });
  const { threadId } = require('node:worker_threads');
  reply({ type: 'result', id: request.id, termMapJson: empty, diagnostics: [{ severity: 'warning', message: 'from thread ' + threadId, code: 'stub', location: { file, line: 1, column: 1 }, extra: 'dropped' }] });
});
`;

function failure(outcome: CompileOutcome): Extract<CompileOutcome, { ok: false }> {
  assert.equal(outcome.ok, false, 'the compilation should have failed');
  return outcome;
}

describe('NodeCompilerHost', function () {
  // Starting workers on a loaded machine is slow; no assertion below depends on how long anything takes.
  this.timeout(60_000);
  const hosts: GlossaryCompilerHost[] = [];
  let stubFile = '';
  const host = (options: Partial<ConstructorParameters<typeof NodeCompilerHost>[0]> = {}): NodeCompilerHost => {
    const created = new NodeCompilerHost({ workerFile, ...options });
    hosts.push(created);
    return created;
  };
  const stubSource = (file: string): GlossarySource[] => [{ file, content: '# Glossary\n', locale: 'en' }];

  before(() => {
    assert.ok(fs.existsSync(workerFile), `${workerFile} is missing: run node scripts/build.mjs`);
    stubFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tg-stub-worker-')), 'stub.js');
    fs.writeFileSync(stubFile, STUB_WORKER);
  });
  afterEach(() => hosts.splice(0).forEach((h) => h.dispose()));
  after(() => fs.rmSync(path.dirname(stubFile), { recursive: true, force: true }));

  it('compiles in the worker to the same term map and diagnostics as the compiler on this thread', async () => {
    const files = ['glossary/en.md', 'glossary/es.md'].map((file) => ({
      file,
      text: fs.readFileSync(path.join(repoRoot(), file)),
    }));
    // The broken link makes sure diagnostics travel too.
    const extra = {
      file: 'custom.md',
      text: Buffer.from('# Glossary\n\n## C\n\n### custom term\n\nSee [nothing](#nowhere-at-all).\n'),
    };
    const expected = compileGlossaries(
      [...files, extra].map(({ file, text }) => ({ file, content: new Uint8Array(text) })),
    );
    assert.ok(expected.diagnostics.length > 0 && expected.termMap.terms.length > 90);
    const outcome = await host().compile(
      [...files, extra].map(({ file, text }) => ({ file, content: new Uint8Array(text) })),
    );
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.result, expected);
    assert.equal(outcome.fallback, undefined);
  });

  it('hands the alignment reference to the worker, which aligns a translation compiled alone to it', async () => {
    const fixtures = path.join(repoRoot(), 'test', 'fixtures', 'glossary');
    const reference = alignmentReference(
      compileGlossaries([{ file: 'en.md', content: fs.readFileSync(path.join(fixtures, 'en-align.md')) }]).termMap,
    );
    const korean = (): GlossarySource[] => [
      { file: 'ko.md', content: fs.readFileSync(path.join(fixtures, 'ko-alone.md')) },
    ];
    const outcome = await host().compile(korean(), { reference });
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepEqual(outcome.result, compileGlossaries(korean(), { reference }));
    assert.ok(outcome.result.termMap.terms.some((t) => t.id === 'large-language-models-llm'));
  });

  it('transfers the bytes it is given instead of copying them', async () => {
    const content = new Uint8Array(Buffer.from(glossary(50)));
    assert.equal(content.byteLength > 0, true);
    const outcome = await host().compile([{ file: 'moved.md', content, locale: 'en' }]);
    assert.ok(outcome.ok && outcome.result.termMap.terms.length === 50);
    assert.equal(content.byteLength, 0, "the caller's buffer was transferred to the worker");
  });

  it('keeps this thread responsive while it compiles', async () => {
    const content = glossary(500);
    let fired = false;
    const compiled = host().compile([{ file: 'big.md', content, locale: 'en' }]);
    setTimeout(() => (fired = true), 0);
    const outcome = await compiled;
    assert.ok(outcome.ok && outcome.result.termMap.terms.length === 500);
    assert.equal(fired, true, 'a timer set during the compilation fired before it ended');

    // The control: the same work on this thread lets no timer run, so the check above can tell the two apart.
    let firedInThread = false;
    const inThread = new InThreadCompilerHost().compile([{ file: 'big.md', content, locale: 'en' }]);
    setTimeout(() => (firedInThread = true), 0);
    assert.ok((await inThread).ok);
    assert.equal(firedInThread, false);
  });

  it('stops a compilation that runs past its time limit, says so, and compiles the next one in a new worker', async () => {
    const limited = host({ workerFile: stubFile, timeLimitMs: 1_500 });
    const stopped = failure(await limited.compile(stubSource('hang.md')));
    assert.equal(stopped.reason, 'timeout');
    assert.equal(stopped.detail, '1.5 s');
    // The old worker spins forever: only a new one can answer.
    const next = await limited.compile(stubSource('fine.md'));
    assert.ok(next.ok, JSON.stringify(next));
  });

  it('stops a compilation that needs more memory than its limit', async () => {
    const limited = host({ workerFile: stubFile, memoryLimitMb: 32 });
    const stopped = failure(await limited.compile(stubSource('oom.md')));
    assert.equal(stopped.reason, 'memory');
    assert.equal(stopped.detail, '32 MB');
    assert.ok((await limited.compile(stubSource('fine.md'))).ok);
  });

  it('reports a worker that exits, and starts another', async () => {
    const stub = host({ workerFile: stubFile });
    const gone = failure(await stub.compile(stubSource('exit.md')));
    assert.equal(gone.reason, 'crashed');
    assert.match(gone.detail, /exit code 3/);
    assert.ok((await stub.compile(stubSource('fine.md'))).ok);
  });

  it('rejects every malformed message and keeps only the checked fields of a good one', async () => {
    const stub = host({ workerFile: stubFile });
    for (const file of [
      'not-an-object.md',
      'wrong-id.md',
      'unknown-type.md',
      'no-map.md',
      'bad-map.md',
      'bad-json.md',
      'bad-diagnostic.md',
    ]) {
      const rejected = failure(await stub.compile(stubSource(file)));
      assert.equal(rejected.reason, 'invalid-message', `${file}: ${rejected.detail}`);
    }
    const good = await stub.compile(stubSource('fine.md'));
    assert.ok(good.ok);
    assert.deepEqual(good.result.diagnostics, [
      {
        severity: 'warning',
        message: good.result.diagnostics[0]?.message,
        code: 'stub',
        location: { file: 'fine.md', line: 1, column: 1 },
      },
    ]);
    assert.match(good.result.diagnostics[0]!.message, /^from thread \d+$/);
  });

  it('reuses its worker, and stops it after a large input so that its memory goes back', async () => {
    const stub = host({ workerFile: stubFile, recycleAfterBytes: 1_000 });
    const thread = async (content: string): Promise<string> => {
      const outcome = await stub.compile([{ file: 'fine.md', content, locale: 'en' }]);
      assert.ok(outcome.ok);
      return outcome.result.diagnostics[0]!.message;
    };
    const first = await thread('# Glossary\n');
    assert.equal(await thread('# Glossary\n'), first, 'a small compile reuses the worker');
    assert.equal(await thread('#'.repeat(1_000)), first, 'the large compile itself runs in the same worker');
    assert.notEqual(await thread('# Glossary\n'), first, 'the worker that compiled the large input was stopped');
  });

  it('runs compilations one at a time, in order', async () => {
    const shared = host();
    const outcomes = await Promise.all(
      [10, 20, 30].map((n) => shared.compile([{ file: `g${n}.md`, content: glossary(n), locale: 'en' }])),
    );
    assert.deepEqual(
      outcomes.map((o) => (o.ok ? o.result.termMap.terms.length : -1)),
      [10, 20, 30],
    );
  });

  it('ends a running compilation when disposed, and refuses new ones', async () => {
    const stub = host({ workerFile: stubFile });
    const running = stub.compile(stubSource('hang.md'));
    // The worker must have the request before the host goes: a message from it would mean it was never sent.
    await new Promise((resolve) => setImmediate(resolve));
    stub.dispose();
    assert.equal(failure(await running).reason, 'disposed');
    assert.equal(failure(await stub.compile(stubSource('fine.md'))).reason, 'disposed');
  });

  it('without its worker file, compiles small inputs on this thread and says why, and refuses large ones', async () => {
    const missing = host({ workerFile: path.join(path.dirname(stubFile), 'missing.js'), inThreadFallbackBytes: 4_096 });
    const small = await missing.compile([{ file: 'small.md', content: glossary(3), locale: 'en' }]);
    assert.ok(small.ok);
    assert.match(small.fallback ?? '', /missing\.js is missing/);
    assert.equal(small.result.termMap.terms.length, 3);
    const large = failure(await missing.compile([{ file: 'large.md', content: glossary(100), locale: 'en' }]));
    assert.equal(large.reason, 'unavailable');
    assert.match(large.detail, /too much to compile/);
  });
});
