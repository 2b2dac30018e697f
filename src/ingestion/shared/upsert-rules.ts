/**
 * The ordering rules of ingestion, as pure functions. Together they make the store converge to the same
 * state whatever order deliveries arrive in and however often they are replayed:
 * - a record older (updatedAt) than the stored version or than its deletion is stale: reported, not applied;
 * - an identical replay is unchanged;
 * - two different versions with the same updatedAt are ordered by content hash, so both arrival orders
 *   keep the same one;
 * - a delete at the same updatedAt as an update wins (the tombstone is kept, the update is stale);
 * - catalog entries carry no updatedAt: a different version simply replaces the stored one.
 */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'stale';
export type DeleteOutcome = 'deleted' | 'stale' | 'unchanged';

export interface StoredVersion {
  /** UTC ISO time of the stored version (absent for catalog entries). */
  updatedAtUtc?: string;
  contentHash?: string;
  /** A tombstone: the source deleted the record at updatedAtUtc. */
  deleted: boolean;
}

export interface IncomingVersion {
  updatedAtUtc?: string;
  contentHash: string;
}

export function decideUpsert(stored: StoredVersion | undefined, incoming: IncomingVersion): UpsertOutcome {
  if (!stored) return 'created';
  if (stored.deleted) return isNewer(incoming.updatedAtUtc, stored.updatedAtUtc) ? 'created' : 'stale';
  if (incoming.contentHash === stored.contentHash) return 'unchanged';
  if (incoming.updatedAtUtc === undefined || stored.updatedAtUtc === undefined) return 'updated';
  if (incoming.updatedAtUtc > stored.updatedAtUtc) return 'updated';
  if (incoming.updatedAtUtc < stored.updatedAtUtc) return 'stale';
  return incoming.contentHash > (stored.contentHash ?? '') ? 'updated' : 'stale';
}

export function decideDelete(stored: StoredVersion | undefined, deletedAtUtc: string): DeleteOutcome {
  if (!stored) return 'deleted';
  if (stored.deleted) return isNewer(deletedAtUtc, stored.updatedAtUtc) ? 'deleted' : 'unchanged';
  return stored.updatedAtUtc !== undefined && deletedAtUtc < stored.updatedAtUtc ? 'stale' : 'deleted';
}

function isNewer(candidate: string | undefined, than: string | undefined): boolean {
  if (candidate === undefined || than === undefined) return true;
  return candidate > than;
}
