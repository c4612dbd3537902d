/**
 * The bound of the first hover's wait for the repository's glossary (src/service/boundedWait.ts): a load that ends
 * is waited for, a load that fails is not held against the hover, and one that never ends is given up on.
 */
import * as assert from 'node:assert/strict';
import { waitAtMost } from '../../../src/service/boundedWait';

describe('waitAtMost', () => {
  it('resolves true once the work is done', async () => {
    let done: () => void = () => undefined;
    const work = new Promise<void>((resolve) => (done = resolve));
    const wait = waitAtMost(work, 60_000);
    done();
    assert.equal(await wait.settled, true);
  });

  it('resolves true, never rejects, when the work fails (a broken glossary)', async () => {
    const work = Promise.reject(new Error('the compile failed'));
    assert.equal(await waitAtMost(work, 60_000).settled, true);
  });

  it('gives up on work that never ends once the bound has passed (a slow or stuck glossary)', async () => {
    const never = new Promise<void>(() => undefined);
    assert.equal(await waitAtMost(never, 5).settled, false);
  });

  it('ends at once when cancelled (the service is disposed)', async () => {
    const never = new Promise<void>(() => undefined);
    const wait = waitAtMost(never, 60_000);
    wait.cancel();
    assert.equal(await wait.settled, false);
  });
});
