import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkWebhookUrl, isPublicAddress } from './url-guard.js';
import { postMessage } from './webhook-sender.js';

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '172.32.0.1', '100.128.0.1'])('treats %s as public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each([
    '127.0.0.1', '127.8.9.10', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', '::ffff:10.0.0.1', '::ffff:127.0.0.1',
  ])('treats %s as not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    ['NAT64 well-known prefix 64:ff9b::/96 (embedding 127.0.0.1)', '64:ff9b::7f00:1'],
    ['NAT64 well-known prefix 64:ff9b::/96 (embedding a public IPv4)', '64:ff9b::808:808'],
    ['NAT64 local-use prefix 64:ff9b:1::/48', '64:ff9b:1::a00:1'],
    ['6to4 2002::/16 (embedding 10.0.0.1)', '2002:a00:1::1'],
    ['6to4 2002::/16 (embedding a public IPv4)', '2002:808:808::1'],
    ['Teredo 2001::/32', '2001:0:4136:e378:8000:63bf:3fff:fdd2'],
    ['IPv4-compatible ::/96 (embedding 169.254.169.254)', '::a9fe:a9fe'],
    ['IPv4-compatible ::/96 in dotted notation', '::10.0.0.1'],
    ['IPv4-translated ::ffff:0:0/96 embedding 127.0.0.1', '::ffff:0:7f00:1'],
    ['IPv4-translated ::ffff:0:0/96 embedding 10.0.0.1 (dotted)', '::ffff:0:10.0.0.1'],
  ])('treats an IPv6 address that embeds IPv4 through %s as not public', (_range, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it('keeps an IPv4-translated address of a public IPv4 and native IPv6 next to those ranges public', () => {
    expect(isPublicAddress('::ffff:0:808:808')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
    expect(isPublicAddress('2003::1')).toBe(true);
    expect(isPublicAddress('64:ff9b:2::1')).toBe(true);
  });

  it('treats something that is not an IP address as not public', () => {
    expect(isPublicAddress('example.com')).toBe(false);
  });
});

describe('checkWebhookUrl', () => {
  const resolvesTo = (...addresses: string[]) => async () => addresses;

  it('accepts a host name that resolves to public addresses only', async () => {
    expect(await checkWebhookUrl('https://hooks.example.com/x', [], resolvesTo('93.184.216.34'))).toBeNull();
  });

  it('refuses a host name when any of its addresses is private', async () => {
    const refusal = await checkWebhookUrl('https://hooks.example.com/x', [], resolvesTo('93.184.216.34', '10.0.0.7'));
    expect(refusal).toMatchObject({ rule: 'publicAddress' });
    expect(refusal?.message).toContain('10.0.0.7');
  });

  it('refuses a host name that does not resolve', async () => {
    const refusal = await checkWebhookUrl('https://nowhere.invalid/x', [], async () => {
      throw new Error('ENOTFOUND');
    });
    expect(refusal).toMatchObject({ rule: 'resolvable' });
  });

  it('lets an allow-listed host through, whatever it resolves to', async () => {
    expect(await checkWebhookUrl('http://127.0.0.1:8080/x', ['127.0.0.1'])).toBeNull();
    expect(await checkWebhookUrl('http://Internal-CRM:8080/x', ['internal-crm'], resolvesTo('10.0.0.5'))).toBeNull();
    expect(await checkWebhookUrl('http://[::1]:8080/x', ['::1'])).toBeNull();
  });
});

describe('postMessage refuses non-public targets when connecting', () => {
  it('does not connect to a loopback IP that is not allow-listed, and does when it is', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
    try {
      const refused = await postMessage(url, {}, '{}', { timeoutMs: 1000, allowedHosts: [] });
      expect(refused).toMatchObject({ statusCode: null, error: expect.stringContaining('non-public address') });
      const named = await postMessage(url.replace('127.0.0.1', 'localhost'), {}, '{}', { timeoutMs: 1000, allowedHosts: [] });
      expect(named.error).toContain('non-public address');
      expect(hits).toBe(0);
      const allowed = await postMessage(url, {}, '{}', { timeoutMs: 1000, allowedHosts: ['127.0.0.1'] });
      expect(allowed).toMatchObject({ statusCode: 200, error: null });
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });
});
