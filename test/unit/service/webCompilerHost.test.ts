/**
 * The web compiler host (src/service/webCompilerHost.ts) in plain Node: its worker is a stand-in object with the
 * Web Worker interface the host uses, answering on a later turn of the event loop as a real worker does. The real
 * nested worker runs in the `web` tier (test/web/environment.test.ts); here every way a worker can fail ends in a
 * clear outcome, and the next compilation starts a fresh worker.
 */
import * as assert from 'node:assert/strict';
import { compileGlossaries } from '../../../src/glossary';
import { answerCompileRequest, type CompileOutcome } from '../../../src/service/compilerHost';
import { WebCompilerHost, type MessageWorker } from '../../../src/service/webCompilerHost';

type Behaviour = 'answer' | 'silent' | 'garbage' | 'error';

/** A worker that compiles with the real worker-side code, or misbehaves as told. */
class StandInWorker implements MessageWorker {
  public onmessage: ((event: { readonly data: unknown }) => void) | null = null;
  public onmessageerror: ((event: unknown) => void) | null = null;
  public onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null = null;
  public terminated = false;

  public constructor(private readonly behaviour: Behaviour) {}

  public postMessage(message: unknown): void {
    setTimeout(() => {
      if (this.terminated) return;
      if (this.behaviour === 'answer') this.onmessage?.({ data: answerCompileRequest(message, compileGlossaries) });
      else if (this.behaviour === 'garbage') this.onmessage?.({ data: { type: 'result', id: -1 } });
      else if (this.behaviour === 'error') this.onerror?.({ message: 'Uncaught ReferenceError: x is not defined' });
    }, 0);
  }

  public terminate(): void {
    this.terminated = true;
  }
}

const SOURCE = { file: 'en.md', content: '# Glossary\n\n## T\n\n### test term\n\nAn entry.\n' };

function failure(outcome: CompileOutcome): Extract<CompileOutcome, { ok: false }> {
  assert.equal(outcome.ok, false, 'the compilation should have failed');
  return outcome;
}

/**
 * A host whose workers start, like the real starter's, only once their script has been fetched: `release` ends the
 * fetch. `started` lists the workers it started.
 */
function slowStartingHost(): { host: WebCompilerHost; started: StandInWorker[]; release: () => void } {
  const started: StandInWorker[] = [];
  let release = (): void => undefined;
  const scriptFetched = new Promise<void>((resolve) => (release = resolve));
  const host = new WebCompilerHost({
    createWorker: async () => {
      await scriptFetched;
      return started[started.push(new StandInWorker('answer')) - 1]!;
    },
    inThreadFallbackBytes: 0,
  });
  return { host, started, release };
}

describe('WebCompilerHost', () => {
  it('compiles in its worker and reuses it', async () => {
    const started: StandInWorker[] = [];
    const host = new WebCompilerHost({
      createWorker: () => started[started.push(new StandInWorker('answer')) - 1]!,
      inThreadFallbackBytes: 0,
    });
    for (let i = 0; i < 2; i++) {
      const outcome = await host.compile([SOURCE]);
      assert.ok(outcome.ok && outcome.fallback === undefined);
      assert.equal(outcome.result.termMap.terms[0]?.id, 'test-term');
    }
    assert.equal(started.length, 1);
    host.dispose();
    assert.ok(started[0]!.terminated, 'dispose stops the worker');
  });

  it('stops a silent worker at the time limit, and the next compilation starts a new one', async () => {
    const behaviours: Behaviour[] = ['silent', 'answer'];
    const started: StandInWorker[] = [];
    const host = new WebCompilerHost({
      createWorker: () => started[started.push(new StandInWorker(behaviours.shift()!)) - 1]!,
      timeLimitMs: 20,
      inThreadFallbackBytes: 0,
    });
    const timedOut = failure(await host.compile([SOURCE]));
    assert.deepEqual([timedOut.reason, timedOut.detail], ['timeout', '0.02 s']);
    assert.ok(started[0]!.terminated);
    assert.ok((await host.compile([SOURCE])).ok);
    assert.equal(started.length, 2);
  });

  it('reads a malformed answer as invalid and a worker error as a crash', async () => {
    const garbage = new WebCompilerHost({ createWorker: () => new StandInWorker('garbage'), inThreadFallbackBytes: 0 });
    assert.equal(failure(await garbage.compile([SOURCE])).reason, 'invalid-message');
    const crashing = new WebCompilerHost({ createWorker: () => new StandInWorker('error'), inThreadFallbackBytes: 0 });
    const crashed = failure(await crashing.compile([SOURCE]));
    assert.equal(crashed.reason, 'crashed');
    assert.match(crashed.detail, /ReferenceError/);
  });

  it('without workers, compiles small inputs on the calling thread and says why, and refuses large ones', async () => {
    const noWorkers = (bytes: number): WebCompilerHost =>
      new WebCompilerHost({
        createWorker: () => {
          throw new Error('this extension host cannot start a Web Worker');
        },
        inThreadFallbackBytes: bytes,
      });
    const small = await noWorkers(1_000_000).compile([SOURCE]);
    assert.ok(small.ok);
    assert.equal(small.fallback, 'this extension host cannot start a Web Worker');
    const refused = failure(await noWorkers(10).compile([SOURCE]));
    assert.equal(refused.reason, 'unavailable');
    assert.match(refused.detail, /cannot start a Web Worker/);
  });

  it('prepare starts one worker ahead of the first compilation, which uses it', async () => {
    const { host, started, release } = slowStartingHost();
    host.prepare();
    host.prepare();
    const outcome = host.compile([SOURCE]);
    release();
    const compiled = await outcome;
    assert.ok(compiled.ok && compiled.fallback === undefined, 'compiled in the prepared worker');
    assert.equal(started.length, 1, 'prepare twice and a compilation start one worker');
    host.prepare();
    assert.ok((await host.compile([SOURCE])).ok);
    assert.equal(started.length, 1, 'prepare leaves a running worker alone');
    host.dispose();
  });

  it('a compilation joins a failing start and says why; after a failed start, the next one tries again', async () => {
    let attempts = 0;
    const host = new WebCompilerHost({
      createWorker: () => {
        attempts++;
        if (attempts <= 2) throw new Error('the script could not be fetched');
        return new StandInWorker('answer');
      },
      inThreadFallbackBytes: 1_000_000,
    });
    // Joined while it fails: the compilation falls back to the calling thread with the start's reason.
    host.prepare();
    const joined = await host.compile([SOURCE]);
    assert.ok(joined.ok && joined.fallback === 'the script could not be fetched', 'the joined start failed');
    assert.equal(attempts, 1, 'the compilation waited for the start prepare began');
    // Failed before the compilation came: the compilation starts a worker itself.
    host.prepare();
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(attempts, 2);
    const outcome = await host.compile([SOURCE]);
    assert.ok(outcome.ok && outcome.fallback === undefined, 'the third attempt started a worker');
    assert.equal(attempts, 3);
    host.dispose();
  });

  it('a worker that starts after dispose is stopped, and a waiting compilation ends as disposed', async () => {
    const { host, started, release } = slowStartingHost();
    host.prepare();
    const outcome = host.compile([SOURCE]);
    // Let the compilation reach its wait for the worker before the host goes.
    await new Promise((resolve) => setTimeout(resolve, 0));
    host.dispose();
    release();
    assert.equal(failure(await outcome).reason, 'disposed');
    assert.equal(started.length, 1);
    assert.ok(started[0]!.terminated, 'the late worker was stopped');
  });
});
