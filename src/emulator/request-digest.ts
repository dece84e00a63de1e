import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a digest stays valid, as `FormDigestTimeoutSeconds` in `/_api/contextinfo`. */
export const DIGEST_TIMEOUT_SECONDS = 1800;

// One secret per process: a digest only proves that this process issued it for this web.
const SECRET = randomBytes(32);

function macOf(webId: string, seconds: number): string {
  return createHmac('sha256', SECRET).update(`${webId.toLowerCase()}|${seconds}`).digest('hex').toUpperCase();
}

/**
 * A request digest in SharePoint's form (`0x<hex>,<UTC time>`), signed for one web so a
 * page cannot make one up; `/_api/contextinfo` hands it out.
 */
export function issueDigest(webId: string, now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000);
  return `0x${macOf(webId, seconds)},${new Date(seconds * 1000).toUTCString()}`;
}

/** True when `value` is a digest this process issued for `webId` within the timeout. */
export function isValidDigest(value: string | null, webId: string, now: Date): boolean {
  const match = /^0x([0-9A-F]{64}),(.+)$/i.exec((value ?? '').trim());
  if (!match) return false;
  const issued = Date.parse(match[2]);
  if (Number.isNaN(issued)) return false;
  const age = now.getTime() - issued;
  if (age < -60_000 || age > DIGEST_TIMEOUT_SECONDS * 1000) return false;
  const expected = Buffer.from(macOf(webId, Math.floor(issued / 1000)));
  const sent = Buffer.from(match[1].toUpperCase());
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}
