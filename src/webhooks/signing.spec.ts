import { describe, expect, it } from '@jest/globals';
import { Webhook } from 'standardwebhooks';
import { activeSecrets, generateSecret, sign, signedHeaders } from './signing.js';

describe('Standard Webhooks signing', () => {
  const body = JSON.stringify({ type: 'estimate.completed', id: 'evt_1', timestamp: '2027-01-04T09:00:00.000Z', data: { jobId: 'job_1' } });

  it('produces signatures the reference library verifies', () => {
    const secret = generateSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([secret], 'dlv_1', now, body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('matches the reference library byte for byte', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const at = new Date('2027-01-04T09:00:00Z');
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', at.getTime() / 1000, body)).toBe(new Webhook(secret).sign('msg_p5jXN8AQM9LWM0D4loKWxJek', at, body));
  });

  it('signs with every active secret so either verifies, and a stranger secret does not', () => {
    const [current, previous] = [generateSecret(), generateSecret()];
    const headers = signedHeaders([current, previous], 'dlv_2', Math.floor(Date.now() / 1000), body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(generateSecret()).verify(body, { ...headers })).toThrow();
  });

  it('keeps the previous secret only until its overlap ends', () => {
    const subscription = { secret: 'whsec_new', previousSecret: 'whsec_old', previousSecretExpiresAt: '2027-01-04T10:00:00.000Z' };
    expect(activeSecrets(subscription, new Date('2027-01-04T09:59:59Z'))).toEqual(['whsec_new', 'whsec_old']);
    expect(activeSecrets(subscription, new Date('2027-01-04T10:00:00Z'))).toEqual(['whsec_new']);
    expect(activeSecrets({ ...subscription, previousSecret: null, previousSecretExpiresAt: null }, new Date())).toEqual(['whsec_new']);
  });
});
