/**
 * A delivery's signature: `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<body>`, keyed by the
 * subscription's secret (its UTF-8 bytes), where the timestamp is the X-Truce-Timestamp header (Unix
 * seconds) and the body the request's raw bytes. A receiver computes the same and compares in constant
 * time, and refuses a timestamp far from its clock (a replay): `verifySignature`, as docs/webhooks.md shows.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new subscription's secret: 32 random bytes, base64url, with a prefix that says what it is. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** How far a delivery's timestamp may be from the receiver's clock before it is taken for a replay. */
export const TOLERANCE_SECONDS = 300;

/**
 * What a receiver checks: the signature over the timestamp and the raw body, and that the timestamp is
 * within `toleranceSeconds` of `nowSeconds`.
 */
export function verifySignature(
  secret: string,
  header: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = TOLERANCE_SECONDS,
): boolean {
  if (header.signature === undefined || header.timestamp === undefined || !/^\d{1,12}$/.test(header.timestamp))
    return false;
  const timestamp = Number(header.timestamp);
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signature(secret, timestamp, body));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
