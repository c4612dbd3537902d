/**
 * A wait with an upper bound, for the first hover (./glossaryService.ts `whenFirstLoadSettled`): it may wait for the
 * first load of the repository's glossary, but never longer than a bound, and never for ever on a load that hangs
 * or fails. Pure (no `vscode`), so that the unit tests drive it with loads that never end.
 */

/** What `waitAtMost` returns: the wait, and how to end it early (on dispose) so that no timer outlives its owner. */
export interface BoundedWait {
  /** Resolves with `true` once `work` has settled, fulfilled or rejected; with `false` when the bound came first. Never rejects. */
  readonly settled: Promise<boolean>;
  /** Ends the wait now (resolving `false` unless `work` had settled) and clears the timer. */
  cancel(): void;
}

/** Waits for `work` to settle, at most `boundMs` milliseconds. */
export function waitAtMost(work: Promise<unknown>, boundMs: number): BoundedWait {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish: (settled: boolean) => void = () => undefined;
  const settled = new Promise<boolean>((resolve) => {
    finish = (value) => {
      clearTimeout(timer);
      resolve(value);
    };
    timer = setTimeout(() => finish(false), boundMs);
    work.then(
      () => finish(true),
      () => finish(true),
    );
  });
  return { settled, cancel: () => finish(false) };
}
