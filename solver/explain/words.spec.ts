import { describe, expect, it } from '@jest/globals';
import { countWord, nameList, profileText, weekRange } from './words.js';

const line = { skill: 'data-engineering', minLevel: 4, requiresCertification: false, location: undefined, remoteAllowed: false };

describe('words', () => {
  it('describes the person a line needs, with certification and place when they matter', () => {
    expect(profileText(line)).toBe('level-4 data-engineering person');
    expect(profileText({ ...line, requiresCertification: true, location: 'DE-BE' }, 2)).toBe('level-4 data-engineering people, certified, in DE-BE');
    expect(profileText({ ...line, location: 'DE-BE', remoteAllowed: true })).toBe('level-4 data-engineering person');
  });

  it('names a week or a range of weeks', () => {
    expect(weekRange('2027-03-01', '2027-03-01')).toBe('week 2027-03-01');
    expect(weekRange('2027-03-01', '2027-04-12')).toBe('weeks 2027-03-01 to 2027-04-12');
  });

  it('lists a few names and counts the rest', () => {
    expect(nameList(['Ann'])).toBe('Ann');
    expect(nameList(['Ann', 'Bob'])).toBe('Ann and Bob');
    expect(nameList(['Ann', 'Bob', 'Cara', 'Dan', 'Eve'])).toBe('Ann, Bob, Cara and 2 more');
    expect(countWord(1)).toBe('one');
    expect(countWord(12)).toBe('12');
  });
});
