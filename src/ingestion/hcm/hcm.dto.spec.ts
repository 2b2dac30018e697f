import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../../common/validation.js';
import { EmployeeBatchDto, TimeOffDto } from './hcm.dto.js';

/** Validates like the global pipe does; also proves decorator metadata is emitted under the test transpiler. */
function problems(type: new () => object, plain: object) {
  const errors = validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  return flattenValidationErrors(errors).map((d) => `${d.field}:${d.rule}`);
}

const employee = {
  id: 'e1', name: 'Ann', location: 'berlin', timeZone: 'Europe/Berlin', costRate: 50, currency: 'EUR',
  skills: [{ skill: 'java', level: 3 }], updatedAt: '2027-01-01T00:00:00Z',
};

describe('HCM DTO rules', () => {
  it('accepts a minimal valid employee inside a batch', () => {
    expect(problems(EmployeeBatchDto, { items: [employee] })).toEqual([]);
  });

  it('validates nested skills through the batch with full field paths', () => {
    expect(problems(EmployeeBatchDto, { items: [{ ...employee, skills: [{ skill: 'java', level: 9 }] }] })).toEqual(['items[0].skills[0].level:max']);
  });

  it('reports end before start on time off as onOrAfter', () => {
    const timeOff = { id: 't', employeeId: 'e1', start: '2027-03-02', end: '2027-03-01', status: 'approved', updatedAt: '2027-01-01T00:00:00Z' };
    expect(problems(TimeOffDto, timeOff)).toEqual(['end:onOrAfter']);
  });

  it('accepts a same-day absence and a partial-day hoursPerDay', () => {
    const timeOff = { id: 't', employeeId: 'e1', start: '2027-03-01', end: '2027-03-01', hoursPerDay: 4, status: 'approved', updatedAt: '2027-01-01T00:00:00Z' };
    expect(problems(TimeOffDto, timeOff)).toEqual([]);
  });
});
