/**
 * Webhooks' words and limits, in one place (docs/webhooks.md): the events a subscription may choose,
 * the states of a delivery, and the headers every delivery carries. The web app reads the same lists.
 */

/**
 * What a subscription may listen for. Each is written to the outbox by the database in the same
 * transaction as the change (migration 030), and read again as the subscriber before it is sent.
 * - `incident.created`: a new incident (in the subscription's area, when it has one);
 * - `finding.changed`: a finding made, changed (its verdict, violators, rule, a ruling coming into or out of
 *   force) or withdrawn;
 * - `ruling.changed`: a ruling proposed, approved, in force, withdrawn, superseded or flagged for another look;
 * - `hotline.escalated`: a hotline thread escalated to the secretariat (at its first or second deadline).
 */
export const WEBHOOK_EVENTS = ['incident.created', 'finding.changed', 'ruling.changed', 'hotline.escalated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * A delivery: `pending` (waiting for its first attempt or its next one), `sending` (an attempt under
 * way), `delivered` (a 2xx answer), `failed` (every attempt refused or unanswered).
 */
export const DELIVERY_STATES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/**
 * Why an attempt had no answer: it timed out, the connection was refused, the host could not be reached
 * (no such name, no route), the connection was cut, TLS failed (a certificate), the address is private
 * (refused unless the server allows it), something else, or the server stopped during the attempt.
 */
export const ATTEMPT_ERRORS = [
  'timeout',
  'refused',
  'unreachable',
  'reset',
  'tls',
  'private_address',
  'other',
  'interrupted',
] as const;
export type AttemptError = (typeof ATTEMPT_ERRORS)[number];

/** The headers of a delivery. The signature is `sha256=` and the hex HMAC-SHA256, keyed by the secret, of `<timestamp>.<body>`. */
export const WEBHOOK_HEADERS = {
  signature: 'X-Truce-Signature',
  timestamp: 'X-Truce-Timestamp',
  event: 'X-Truce-Event',
  delivery: 'X-Truce-Delivery',
  attempt: 'X-Truce-Attempt',
} as const;

/** How many subscriptions one user may have. */
export const MAX_WEBHOOKS_PER_USER = 20;
