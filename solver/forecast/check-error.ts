/** A capacity forecast that fails the independent checker: a solver bug, thrown rather than returned. */
import type { CapacityForecast } from '../types.js';

export class ForecastCheckError extends Error {
  override readonly name = 'ForecastCheckError';
  constructor(
    readonly violations: string[],
    readonly forecast: CapacityForecast,
  ) {
    super(`the capacity forecast failed the independent check (${violations.length} violation(s)): ${violations.slice(0, 5).join('; ')}`);
  }
}
