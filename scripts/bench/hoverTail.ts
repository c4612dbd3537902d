/**
 * How the bench measures the tail of hover times (the `hover p99` figures).
 *
 * A hover answers in about a microsecond. Timed one call at a time in a tight loop, its 99th percentile on a shared
 * machine is set by the machine, not by the hover: the process is descheduled in the middle of a call (on the
 * 2-core bench machine at load 8 a batch of twenty calls of one position once took 100 ms), and a scavenge that
 * the loop's own allocation triggers every few hundred calls lands whole on one of them. Batching calls like the
 * p50 ratio does would hide the slow positions the figure is there to catch (a long line, a far sync point).
 *
 * So each position is timed once per pass, in the same order, over several passes, and keeps its fastest time:
 * a position that is slow because of its text is slow in every pass, while a preemption or a collection hits one
 * pass of one position. The p99 is taken over positions. What this leaves out, the collections, is reported
 * beside it as bytes allocated per hover, the cost a hover adds to the host's garbage.
 */
import { quantile } from './figures';

export interface HoverTail {
  /** Microseconds: the median and 99th percentile over positions of each position's fastest call. */
  readonly p50: number;
  readonly p99: number;
}

/** Times `hover(i)` for every position `i` < `positions`, `passes` times after one untimed pass. */
export function hoverTail(hover: (i: number) => unknown, positions: number, passes = 3): HoverTail {
  let sink = 0;
  for (let i = 0; i < positions; i++) sink += hover(i) === undefined ? 0 : 1;
  const best = new Array<number>(positions).fill(Infinity);
  for (let pass = 0; pass < passes; pass++) {
    for (let i = 0; i < positions; i++) {
      const t0 = process.hrtime.bigint();
      sink += hover(i) === undefined ? 0 : 1;
      const ns = Number(process.hrtime.bigint() - t0);
      if (ns < best[i]!) best[i] = ns;
    }
  }
  if (sink < 0) console.log(sink);
  best.sort((a, b) => a - b);
  return { p50: quantile(best, 0.5) / 1000, p99: quantile(best, 0.99) / 1000 };
}
