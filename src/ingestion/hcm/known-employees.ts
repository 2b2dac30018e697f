import { In, type EntityManager } from 'typeorm';
import type { ReferenceChecker } from '../shared/collection-spec.js';
import { EmployeeEntity } from './employee.entity.js';

/**
 * Time off and assignments must belong to an employee the store holds (a deleted employee is unknown):
 * otherwise the absence or commitment would silently count for nobody.
 */
export async function knownEmployees<T extends { employeeId: string }>(manager: EntityManager, records: T[]): Promise<ReferenceChecker<T>> {
  const ids = [...new Set(records.map((record) => record.employeeId))];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await manager.find(EmployeeEntity, { select: { id: true }, where: { id: In(ids.slice(i, i + 500)) } });
    for (const row of rows) known.add(row.id);
  }
  return {
    check: (record) =>
      known.has(record.employeeId)
        ? []
        : [{ field: 'employeeId', rule: 'knownEmployee', message: `employee ${record.employeeId} is not in the store (send it to /v1/hcm/employees first)` }],
    accept: () => undefined,
  };
}
