import { describe, expect, it } from '@jest/globals';
import type { Employee, PlanLine } from '../types.js';
import { certificationValid, isEligible, locationMatches, qualifyingSkill, skillLevel } from './eligibility.js';

const line: PlanLine = {
  lineId: 'L', opportunityId: 'O', skill: 'sap', minLevel: 3, hoursPerWeek: 40, headcount: 1,
  weeks: ['2027-03-01'], probability: 1, start: '2027-03-03', location: 'DE-BE', remoteAllowed: false, requiresCertification: false,
};

function person(skills: Employee['skills'], location = 'DE-BE'): Employee {
  return { id: 'p', name: 'P', location, timeZone: 'Europe/Berlin', costRate: 50, currency: 'EUR', skills, updatedAt: '2026-01-01T00:00:00Z' };
}

describe('eligibility', () => {
  it('needs the line’s skill at level ≥ minLevel', () => {
    expect(isEligible(person([{ skill: 'sap', level: 3 }]), line)).toBe(true);
    expect(isEligible(person([{ skill: 'sap', level: 2 }]), line)).toBe(false);
    expect(isEligible(person([{ skill: 'java', level: 5 }]), line)).toBe(false);
  });

  it('needs a certification valid on the line’s start day when the line requires one', () => {
    const certifiedLine = { ...line, requiresCertification: true };
    expect(certificationValid({ skill: 'sap', level: 4, certified: true, certificationExpires: '2027-03-03' }, '2027-03-03')).toBe(true);
    expect(certificationValid({ skill: 'sap', level: 4, certified: true, certificationExpires: '2027-03-02' }, '2027-03-03')).toBe(false);
    expect(isEligible(person([{ skill: 'sap', level: 4, certified: true }]), certifiedLine)).toBe(true);
    expect(isEligible(person([{ skill: 'sap', level: 4 }]), certifiedLine)).toBe(false);
  });

  it('needs the line’s location unless remote work is allowed', () => {
    expect(locationMatches({ location: 'UK' }, line)).toBe(false);
    expect(locationMatches({ location: 'UK' }, { ...line, remoteAllowed: true })).toBe(true);
    expect(locationMatches({ location: 'UK' }, { location: undefined, remoteAllowed: false })).toBe(true);
  });

  it('takes the highest level when a skill is listed twice', () => {
    const twice = person([{ skill: 'sap', level: 3 }, { skill: 'sap', level: 5 }]);
    expect(qualifyingSkill(twice, line)?.level).toBe(5);
    expect(skillLevel(twice, 'sap')).toBe(5);
    expect(skillLevel(twice, 'java')).toBe(0);
  });
});
