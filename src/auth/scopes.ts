/**
 * The scopes an API key can hold (DESIGN.md §4). `admin` holds every scope. A new product adds its scope
 * here (and documents it in OpenAPI through the @Scopes decorator of its routes).
 */
export const SCOPES = [
  'hcm:write',
  'crm:write',
  'mas:write',
  'catalog:write',
  'plans:write',
  'plans:read',
  'estimates:write',
  'hiring:read',
  'admin',
] as const;

export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** A key passes when it holds `admin` or any one of the scopes a route asks for. */
export function grants(held: readonly string[], required: readonly Scope[]): boolean {
  if (held.includes('admin')) return true;
  return required.length === 0 || required.some((scope) => held.includes(scope));
}
