import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * The SSRF guard: webhooks only go to public addresses, unless WEBHOOK_ALLOWED_HOSTS names the host.
 * A host name counts by what it resolves to, at subscription time and again when connecting (the
 * connection uses the address that was checked, so a DNS answer cannot change between check and use).
 */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
  // Ranges that embed an IPv4 address and reach it through a translator or relay (NAT64 64:ff9b::/96 and
  // its local-use 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32, IPv4-compatible ::/96): the
  // translator may sit inside our network and reach any private IPv4 from there, and a public receiver
  // has its own IPv4 or native IPv6 address, so none of them is accepted whatever it embeds.
  ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['2002::', 16], ['2001::', 32], ['::', 96],
] as const) NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** IPv4-translated addresses (::ffff:0:a.b.c.d, RFC 2765) name an IPv4 host: it counts by its IPv4 rules. */
const IPV4_TRANSLATED = /^::ffff:0:(\d+\.\d+\.\d+\.\d+)$/i;

/** Loopback, private, link-local, carrier-grade NAT, documentation, multicast and reserved ranges are not public. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // BlockList matches IPv4-mapped IPv6 (::ffff:10.0.0.1) against the IPv4 rules itself.
  if (NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6')) return false;
  const translated = family === 6 ? embeddedTranslatedIpv4(address) : null;
  return translated === null || !NON_PUBLIC.check(translated, 'ipv4');
}

/** The IPv4 inside an IPv4-translated address, in either notation (::ffff:0:10.0.0.1 or ::ffff:0:a00:1). */
function embeddedTranslatedIpv4(address: string): string | null {
  const dotted = IPV4_TRANSLATED.exec(address);
  if (dotted) return dotted[1];
  const hex = /^::ffff:0:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = Number.parseInt(hex[1], 16);
  const low = Number.parseInt(hex[2], 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The URL's host as compared with the allow-list: lower-case, IPv6 without brackets. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

export function isAllowListed(host: string, allowedHosts: readonly string[]): boolean {
  return allowedHosts.includes(host.toLowerCase());
}

/** Why a URL may not receive webhooks, or null when it may. */
export type UrlRefusal = { rule: string; message: string };

export function checkUrlShape(raw: string): { url: URL } | UrlRefusal {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { rule: 'isUrl', message: 'url must be an absolute http:// or https:// URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { rule: 'isUrl', message: 'url must use http or https' };
  if (url.username || url.password) return { rule: 'noCredentials', message: 'url must not carry credentials; receivers authenticate us by the signature' };
  return { url };
}

/** Resolves the host (or takes the IP literal) and refuses any non-public address of it. */
export async function checkWebhookUrl(
  raw: string,
  allowedHosts: readonly string[],
  resolve: (host: string) => Promise<string[]> = resolveAll,
): Promise<UrlRefusal | null> {
  const shape = checkUrlShape(raw);
  if (!('url' in shape)) return shape;
  const host = hostOf(shape.url);
  if (isAllowListed(host, allowedHosts)) return null;
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { rule: 'resolvable', message: `the host ${host} does not resolve, so it cannot be checked` };
  }
  const refused = addresses.filter((address) => !isPublicAddress(address));
  if (refused.length === 0 && addresses.length > 0) return null;
  return {
    rule: 'publicAddress',
    message:
      `the host ${host} is (or resolves to) a private, loopback or link-local address (${refused.join(', ')}); ` +
      'webhooks go to public addresses only unless WEBHOOK_ALLOWED_HOSTS names the host',
  };
}

async function resolveAll(host: string): Promise<string[]> {
  const answers = await lookupAll(host, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

export class RefusedAddressError extends Error {
  constructor(host: string, addresses: string[]) {
    super(`refused to connect to ${host}: non-public address ${addresses.join(', ')}`);
    this.name = 'RefusedAddressError';
  }
}

/**
 * A `lookup` for http.request that refuses non-public answers for hosts not on the allow-list. Node hands
 * the checked address straight to the socket, which closes the gap a separate pre-check would leave.
 */
export function guardedLookup(allowedHosts: readonly string[]): LookupFunction {
  return (hostname, options, callback) => {
    const all: LookupAllOptions = { ...options, all: true };
    dnsLookup(hostname, all, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = isAllowListed(hostname, allowedHosts)
        ? []
        : addresses.filter((entry) => !isPublicAddress(entry.address)).map((entry) => entry.address);
      if (refused.length > 0) return callback(new RefusedAddressError(hostname, refused), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
