import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The vendors' own request-signing schemes, as pure functions (no framework), so tests and the guard share
 * exactly one definition of each and a test can check them against an independent computation.
 */

/** Every vendor refuses a signed request older (or further in the future) than this: replay protection. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

export type SignatureProblem = 'missing' | 'malformed' | 'expired' | 'mismatch';

/**
 * HubSpot signature v3 (developers.hubspot.com, "Validating requests"): base64 HMAC-SHA256, keyed with the
 * app's client secret, of `method + uri + body + timestamp`, where `uri` is the full URL HubSpot called
 * with a few characters URL-decoded and `timestamp` the X-HubSpot-Request-Timestamp header (epoch ms).
 */
export function hubspotV3Signature(secret: string, method: string, uri: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${method}${decodeHubspotUri(uri)}${body}${timestamp}`, 'utf8').digest('base64');
}

/** HubSpot decodes exactly these escapes in the URI before signing (its documented list). */
const HUBSPOT_DECODED: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$', '%27': "'", '%28': '(', '%29': ')',
  '%2A': '*', '%2C': ',', '%3B': ';',
};

export function decodeHubspotUri(uri: string): string {
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => HUBSPOT_DECODED[escape.toUpperCase()]);
}

/**
 * Salesforce signs nothing by itself (outbound messages rely on TLS client certificates), so the relay
 * that forwards Opportunity/Account records (a Flow HTTP callout, Apex or MuleSoft) signs with a shared
 * secret: X-Salesforce-Signature = base64 HMAC-SHA256 of `timestamp + "." + body`, X-Salesforce-Timestamp
 * = epoch ms. In Apex: `EncodingUtil.base64Encode(Crypto.generateMac('hmacSHA256',
 * Blob.valueOf(ts + '.' + body), Blob.valueOf(secret)))`.
 */
export function salesforceSignature(secret: string, body: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('base64');
}

/** Equal strings, compared in constant time so a caller cannot learn a signature byte by byte. */
export function sameSignature(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A timestamp header (decimal digits, in `unitMs` per unit) within the tolerance of `nowMs`. */
export function timestampProblem(raw: string | undefined, unitMs: number, nowMs: number): SignatureProblem | null {
  if (raw === undefined || raw === '') return 'missing';
  if (!/^\d{1,16}$/.test(raw)) return 'malformed';
  return Math.abs(nowMs - Number(raw) * unitMs) > SIGNATURE_TOLERANCE_MS ? 'expired' : null;
}
