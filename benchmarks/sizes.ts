/** The benchmark sizes of issue 7 (people × role lines × weeks) and the fixed planning horizon. */
import type { Horizon } from '../solver/types.js';

export type SizeName = 'S' | 'M' | 'L' | 'XL' | 'XXL';

export interface BenchmarkSize {
  name: SizeName;
  people: number;
  lines: number;
  weeks: number;
  /** Distinct skills in the firm: bigger firms have more specialisations, so lines stay selective. */
  skills: number;
  /** Office locations (each with its own holiday calendar). */
  locations: number;
}

export const SIZES: Record<SizeName, BenchmarkSize> = {
  S: { name: 'S', people: 50, lines: 25, weeks: 12, skills: 10, locations: 3 },
  M: { name: 'M', people: 200, lines: 100, weeks: 26, skills: 22, locations: 4 },
  L: { name: 'L', people: 1000, lines: 500, weeks: 26, skills: 48, locations: 5 },
  XL: { name: 'XL', people: 2000, lines: 1000, weeks: 26, skills: 64, locations: 5 },
  XXL: { name: 'XXL', people: 10000, lines: 5000, weeks: 52, skills: 160, locations: 5 },
};

/** Every benchmark plans from the same Monday so results are comparable run to run. */
export const HORIZON_START = '2027-01-04';

export function benchmarkHorizon(size: BenchmarkSize): Horizon {
  return { from: HORIZON_START, weeks: size.weeks };
}

export function parseSize(name: string): BenchmarkSize {
  const size = SIZES[name.trim().toUpperCase() as SizeName];
  if (!size) throw new Error(`unknown size "${name}" (expected one of ${Object.keys(SIZES).join(', ')})`);
  return size;
}
