/**
 * What an error may show in the log. TypeORM's QueryFailedError carries the SQL (`query`) and its bound
 * values (`parameters`) as enumerable fields, and its `driverError` may repeat them: bound values are key
 * hashes, webhook secrets and personal data, so they never reach the log. The SQL goes too: it names the
 * columns, and the driver's message and code already say what failed.
 */
const WITHHELD_FIELDS = new Set(['parameters', 'query']);
/** Deep enough for error → driverError / cause → cause; deeper structures are summarised. */
const MAX_DEPTH = 4;

/** The pino `err` serializer: the error as a plain object without the withheld fields, at any nesting. */
export function serializeErrorForLog(value: unknown): unknown {
  return withoutWithheld(value, 0);
}

function withoutWithheld(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  if (Array.isArray(value)) return value.map((item) => withoutWithheld(item, depth + 1));
  const plain: Record<string, unknown> = {};
  if (value instanceof Error) {
    plain.type = value.constructor.name;
    plain.message = value.message;
    plain.stack = value.stack;
  }
  for (const [name, field] of Object.entries(value)) {
    if (WITHHELD_FIELDS.has(name)) continue;
    plain[name] = withoutWithheld(field, depth + 1);
  }
  if (value instanceof Error && value.cause !== undefined && !('cause' in plain)) plain.cause = withoutWithheld(value.cause, depth + 1);
  return plain;
}
