import { describe, expect, it } from '@jest/globals';
import { generateApiKey, hashSecret, parseApiKey, secretMatches } from './api-key-format.js';
import { grants } from './scopes.js';

describe('API key format', () => {
  it('generates sp_<id>_<secret> keys that parse back, even with underscores in the secret', () => {
    const { id, secret, key } = generateApiKey();
    expect(parseApiKey(key)).toEqual({ id, secret });
    expect(parseApiKey('sp_abc_with_under_scores_123456')).toEqual({ id: 'abc', secret: 'with_under_scores_123456' });
    expect(parseApiKey('Bearer nonsense')).toBeNull();
  });

  it('checks a secret against its stored sha256 only', () => {
    const stored = hashSecret('correct-horse-battery-staple');
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches('correct-horse-battery-staple', stored)).toBe(true);
    expect(secretMatches('wrong', stored)).toBe(false);
  });
});

describe('scopes', () => {
  it('grants a route to a key holding any listed scope, and everything to admin', () => {
    expect(grants(['crm:write'], ['crm:write', 'plans:read'])).toBe(true);
    expect(grants(['hcm:write'], ['crm:write'])).toBe(false);
    expect(grants(['admin'], ['estimates:write'])).toBe(true);
  });
});
