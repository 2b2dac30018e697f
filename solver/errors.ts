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

/**
 * A document that fails its independent checker: always a solver bug, so it is thrown, never returned.
 * `document` is the failing document, kept for the bug report; subclasses name what kind it is.
 */
export abstract class CheckError<TDocument> extends Error {
  constructor(
    readonly violations: string[],
    readonly document: TDocument,
    what: string,
  ) {
    super(`the ${what} failed the independent check (${violations.length} violation(s)): ${violations.slice(0, 5).join('; ')}`);
  }
}
