import { describe, expect, it } from '@jest/globals';
import { canonicalRecord, contentHash } from './canonical.js';

describe('canonical records', () => {
  it('sorts keys, drops null and absent fields and keeps array order', () => {
    expect(JSON.stringify(canonicalRecord({ b: 1, a: null, c: undefined, d: [{ y: 2, x: 1 }, 3] }))).toBe('{"b":1,"d":[{"x":1,"y":2},3]}');
  });

  it('gives the same hash to the same record in another key order, and another hash to other content', () => {
    expect(contentHash({ id: 'a', n: 1 })).toBe(contentHash({ n: 1, id: 'a' }));
    expect(contentHash({ id: 'a', n: 1 })).not.toBe(contentHash({ id: 'a', n: 2 }));
  });
});
