import { describe, expect, it } from '@jest/globals';
import type { Employee } from '../types.js';
import { ineligibilityReason } from './eligibility.js';
import type { ExpectedLine } from './lines.js';

const line: ExpectedLine = {
  lineId: 'r9', opportunityId: 'o9', skill: 'aws', minLevel: 3, hoursPerWeek: 20, headcount: 1, probability: 1,
  start: '2027-02-01', startDay: 0, weeks: ['2027-02-01'], location: 'DE-BER', remoteAllowed: false, requiresCertification: true,
};
const person = (skills: Employee['skills'], location = 'DE-BER'): Employee => ({
  id: 'p', name: 'Pia', location, timeZone: 'Europe/Berlin', costRate: 70, currency: 'EUR', skills, updatedAt: '2026-12-01T00:00:00Z',
});

describe('checker eligibility', () => {
  it('accepts a certified person at the level whose certificate lasts until the start day', () => {
    expect(ineligibilityReason(person([{ skill: 'aws', level: 3, certified: true, certificationExpires: '2027-02-01' }]), line)).toBeNull();
  });
  it('rejects a missing skill, a low level and a certificate expiring before the start', () => {
    expect(ineligibilityReason(person([]), line)).toBe('does not hold skill aws');
    expect(ineligibilityReason(person([{ skill: 'aws', level: 2, certified: true }]), line)).toBe('holds aws at level 2 < minLevel 3');
    expect(ineligibilityReason(person([{ skill: 'aws', level: 4, certified: true, certificationExpires: '2027-01-31' }]), line)).toBe('has no aws certification valid on 2027-02-01');
    expect(ineligibilityReason(person([{ skill: 'aws', level: 4 }]), line)).toBe('has no aws certification valid on 2027-02-01');
  });
  it('holds people to the line location unless remote work is allowed', () => {
    const certified = [{ skill: 'aws', level: 4, certified: true }];
    expect(ineligibilityReason(person(certified, 'GB-LON'), line)).toBe('is in GB-LON, the line is on site in DE-BER');
    expect(ineligibilityReason(person(certified, 'GB-LON'), { ...line, remoteAllowed: true })).toBeNull();
  });
});
