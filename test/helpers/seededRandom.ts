/**
 * The one seeded generator (mulberry32) of the property tests, the fuzzer and the benchmark's inputs: a failure names
 * a seed that reproduces it, and two benchmark runs on two machines see the same inputs.
 */

/** A generator of floats in [0, 1), the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
