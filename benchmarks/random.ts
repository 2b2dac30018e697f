/**
 * A small deterministic pseudo-random source for the scenario generator: mulberry32, so the same
 * (size, seed) always yields the same scenario on every machine and Node version.
 */
import { mulberry32 } from '../solver/random.js';

export { mulberry32 };

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with the given (non-negative, not all zero) weights. */
  weightedIndex(weights: readonly number[]): number;
  /** A number in [min, max) rounded to `step`. */
  range(min: number, max: number, step?: number): number;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    weightedIndex: (weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let target = next() * total;
      for (let index = 0; index < weights.length; index++) {
        target -= weights[index];
        if (target < 0) return index;
      }
      return weights.length - 1;
    },
    range: (min, max, step = 1) => Math.round((min + next() * (max - min)) / step) * step,
  };
  return random;
}
