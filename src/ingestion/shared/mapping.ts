/** Small helpers for mappers: the store keeps absent contract fields as NULL columns. */

/** A NULL column becomes an absent field. */
export function optional<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

/** An absent field becomes a NULL column. */
export function nullable<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** Child rows in the order the source sent them. */
export function byPosition<T extends { position: number }>(rows: T[] | undefined): T[] {
  return [...(rows ?? [])].sort((a, b) => a.position - b.position);
}

/** Equality filter on a column. */
export function equals(column: string) {
  return (query: { andWhere(sql: string, params: object): unknown }, alias: string, value: unknown): void => {
    const param = `f_${column}`;
    query.andWhere(`${alias}.${column} = :${param}`, { [param]: value });
  };
}
