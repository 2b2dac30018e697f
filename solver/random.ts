/**
 * mulberry32: a tiny, well-known seeded 32-bit pseudo-random generator. Deterministic across machines
 * and Node versions, so generated scenarios and problems are reproducible from (size, seed). Pure TS,
 * shared by the benchmark generator and solver-side test-problem generators.
 */

/** A generator of uniform numbers in [0, 1) seeded with `seed` (taken as an unsigned 32-bit integer). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
