import { describe, expect, it } from '@jest/globals';
import { isIanaTimeZone, isIsoCurrency, isIsoDate, isSourceTimestamp, isYearMonth, toUtc } from './calendar-rules.js';

describe('value formats of the data contract', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-1-05')).toBe(false);
    expect(isIsoDate('2027-01-05T00:00:00Z')).toBe(false);
  });

  it('requires an offset on source timestamps and compares them as instants', () => {
    expect(isSourceTimestamp('2027-01-05T10:00:00+01:00')).toBe(true);
    expect(isSourceTimestamp('2027-01-05T10:00:00.123456Z')).toBe(true);
    expect(isSourceTimestamp('2027-01-05T10:00:00')).toBe(false);
    expect(isSourceTimestamp('2027-02-30T10:00:00Z')).toBe(false);
    expect(toUtc('2027-01-05T10:00:00+01:00')).toBe('2027-01-05T09:00:00.000Z');
  });

  it('accepts IANA zones but not abbreviations', () => {
    expect(isIanaTimeZone('Europe/Berlin')).toBe(true);
    expect(isIanaTimeZone('UTC')).toBe(true);
    expect(isIanaTimeZone('CET')).toBe(false);
    expect(isIanaTimeZone('Mars/Olympus')).toBe(false);
  });

  it('accepts ISO 4217 codes in upper case', () => {
    expect(isIsoCurrency('CHF')).toBe(true);
    expect(isIsoCurrency('chf')).toBe(false);
    expect(isIsoCurrency('XYZ')).toBe(false);
  });

  it('accepts months YYYY-MM', () => {
    expect(isYearMonth('2027-12')).toBe(true);
    expect(isYearMonth('2027-00')).toBe(false);
  });
});
