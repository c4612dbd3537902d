/** One figure of `npm run bench`, and the statistics the bench sections share. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "< 20". */
  target: string;
  met: boolean;
  baseline?: number;
  ratio?: number;
  note?: string;
}

/** The q-quantile of ascending samples (NaN for none). */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/** The median of samples in any order (NaN for none); the samples are not reordered. */
export const median = (samples: readonly number[]): number =>
  quantile(
    [...samples].sort((a, b) => a - b),
    0.5,
  );
