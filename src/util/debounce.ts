/**
 * A debounced function: calls made within `delayMs` of each other collapse into one call with the last arguments.
 * `cancel` drops a pending call (used on dispose, so that no timer outlives its owner).
 */
export interface Debounced<Args extends unknown[]> {
  (...args: Args): void;
  cancel(): void;
  /** Runs a pending call now, if there is one. */
  flush(): void;
}

export function debounce<Args extends unknown[]>(callback: (...args: Args) => void, delayMs: number): Debounced<Args> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingArgs: Args | undefined;
  const run = (): void => {
    timer = undefined;
    const args = pendingArgs;
    pendingArgs = undefined;
    if (args) callback(...args);
  };
  const debounced = (...args: Args): void => {
    pendingArgs = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };
  debounced.cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pendingArgs = undefined;
  };
  debounced.flush = (): void => {
    if (timer === undefined) return;
    clearTimeout(timer);
    run();
  };
  return debounced;
}
