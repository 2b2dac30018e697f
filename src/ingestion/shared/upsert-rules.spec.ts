import { describe, expect, it } from '@jest/globals';
import { decideDelete, decideUpsert } from './upsert-rules.js';

const T1 = '2027-01-01T00:00:00.000Z';
const T2 = '2027-01-02T00:00:00.000Z';

describe('decideUpsert', () => {
  it('creates what the store does not hold', () => {
    expect(decideUpsert(undefined, { updatedAtUtc: T1, contentHash: 'a' })).toBe('created');
  });

  it('reports an identical replay as unchanged', () => {
    expect(decideUpsert({ updatedAtUtc: T1, contentHash: 'a', deleted: false }, { updatedAtUtc: T1, contentHash: 'a' })).toBe('unchanged');
  });

  it('applies a newer version and refuses an older one as stale', () => {
    expect(decideUpsert({ updatedAtUtc: T1, contentHash: 'a', deleted: false }, { updatedAtUtc: T2, contentHash: 'b' })).toBe('updated');
    expect(decideUpsert({ updatedAtUtc: T2, contentHash: 'a', deleted: false }, { updatedAtUtc: T1, contentHash: 'b' })).toBe('stale');
  });

  it('orders two versions with the same updatedAt by content hash, so both arrival orders keep the same one', () => {
    const x = { updatedAtUtc: T1, contentHash: 'x' };
    const y = { updatedAtUtc: T1, contentHash: 'y' };
    expect(decideUpsert({ ...x, deleted: false }, y)).toBe('updated');
    expect(decideUpsert({ ...y, deleted: false }, x)).toBe('stale');
  });

  it('keeps a tombstone against an older or same-time version and re-creates on a newer one', () => {
    const tombstone = { updatedAtUtc: T2, deleted: true };
    expect(decideUpsert(tombstone, { updatedAtUtc: T1, contentHash: 'a' })).toBe('stale');
    expect(decideUpsert(tombstone, { updatedAtUtc: T2, contentHash: 'a' })).toBe('stale');
    expect(decideUpsert(tombstone, { updatedAtUtc: '2027-01-03T00:00:00.000Z', contentHash: 'a' })).toBe('created');
  });

  it('replaces a catalog entry (no updatedAt) whenever its content differs', () => {
    expect(decideUpsert({ contentHash: 'a', deleted: false }, { contentHash: 'b' })).toBe('updated');
    expect(decideUpsert({ contentHash: 'a', deleted: false }, { contentHash: 'a' })).toBe('unchanged');
  });
});

describe('decideDelete', () => {
  it('deletes a record not newer than the delete; a same-time delete wins', () => {
    expect(decideDelete({ updatedAtUtc: T1, contentHash: 'a', deleted: false }, T2)).toBe('deleted');
    expect(decideDelete({ updatedAtUtc: T1, contentHash: 'a', deleted: false }, T1)).toBe('deleted');
  });

  it('ignores a delete older than the stored version', () => {
    expect(decideDelete({ updatedAtUtc: T2, contentHash: 'a', deleted: false }, T1)).toBe('stale');
  });

  it('records a delete that arrives before its record, and moves a tombstone only forward', () => {
    expect(decideDelete(undefined, T1)).toBe('deleted');
    expect(decideDelete({ updatedAtUtc: T1, deleted: true }, T2)).toBe('deleted');
    expect(decideDelete({ updatedAtUtc: T2, deleted: true }, T1)).toBe('unchanged');
  });
});
