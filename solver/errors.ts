/**
 * Errors the solver raises on bad input. The service maps a ScenarioError to a 4xx answer naming the
 * field; the CLI prints it and exits with code 2.
 */

/** The scenario or the request is wrong: `path` names the field (e.g. `pinned[3].lineId`). */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}
