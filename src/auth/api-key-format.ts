import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys look like `sp_<id>_<secret>`: the id finds the row, the secret is checked against its stored
 * sha256 (a random 256-bit secret needs no slow hash). The key itself is shown once and never stored.
 */
const KEY_PATTERN = /^sp_([a-z0-9]{1,40})_([A-Za-z0-9_-]{16,200})$/;

export interface ParsedApiKey {
  id: string;
  secret: string;
}

export function parseApiKey(key: string): ParsedApiKey | null {
  const match = KEY_PATTERN.exec(key);
  return match ? { id: match[1], secret: match[2] } : null;
}

export function generateApiKey(): { id: string; secret: string; key: string } {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, secret, key: `sp_${id}_${secret}` };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
