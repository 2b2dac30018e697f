import { describe, expect, it } from '@jest/globals';
import { createRandom, mulberry32 as benchmarkMulberry32 } from '../benchmarks/random.js';
import { mulberry32 } from './random.js';

describe('mulberry32', () => {
  it('repeats the same sequence for the same seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const drawn = Array.from({ length: 1000 }, () => a());
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(drawn.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(drawn).size).toBe(1000);
  });

  it('is the one generator the benchmark scenario generator uses', () => {
    expect(benchmarkMulberry32).toBe(mulberry32);
    const fromBenchmarks = createRandom(7);
    const direct = mulberry32(7);
    expect(Array.from({ length: 5 }, () => fromBenchmarks.next())).toEqual(Array.from({ length: 5 }, () => direct()));
  });
});
