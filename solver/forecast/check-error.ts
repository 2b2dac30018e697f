/** A capacity forecast that fails the independent checker: a solver bug, thrown rather than returned. */
import { CheckError } from '../errors.js';
import type { CapacityForecast } from '../types.js';

export class ForecastCheckError extends CheckError<CapacityForecast> {
  override readonly name = 'ForecastCheckError';
  constructor(violations: string[], readonly forecast: CapacityForecast) {
    super(violations, forecast, 'capacity forecast');
  }
}
