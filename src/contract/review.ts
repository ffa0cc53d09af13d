/**
 * The post-incident review's words (docs/post-incident-review.md): the kinds of entry on an
 * incident's timeline, the groups they fall in (what was notified, declared, said on the hotline,
 * reported), and what "around" the incident means by default and at most, for the server that
 * reads the records and the web app that offers to widen it.
 */
export { AROUND_DEFAULT, AROUND_LIMITS } from '../domain/review-window.ts';

export const REVIEW_GROUPS = ['incident', 'notified', 'declared', 'hotline', 'reported'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

/**
 * incident: the incident itself; site: a protected site's period of validity begins; notification:
 * a humanitarian notification made; acknowledgement: a recipient acknowledged it; withdrawal: its
 * owner withdrew it; convoy: a convoy's window begins; operation: an operation notice's window
 * begins; hotline: a step of a hotline thread; report: a report received.
 */
export const REVIEW_ENTRY_KINDS = [
  'incident',
  'site',
  'notification',
  'acknowledgement',
  'withdrawal',
  'convoy',
  'operation',
  'hotline',
  'report',
] as const;
export type ReviewEntryKind = (typeof REVIEW_ENTRY_KINDS)[number];

export const REVIEW_GROUP_OF: Record<ReviewEntryKind, ReviewGroup> = {
  incident: 'incident',
  site: 'notified',
  notification: 'notified',
  acknowledgement: 'notified',
  withdrawal: 'notified',
  convoy: 'notified',
  operation: 'declared',
  hotline: 'hotline',
  report: 'reported',
};

/** The records an entry links to. */
export const REVIEW_RECORD_TYPES = [
  'incident',
  'protected_site',
  'notification',
  'convoy',
  'operation',
  'hotline_thread',
  'report',
] as const;
export type ReviewRecordType = (typeof REVIEW_RECORD_TYPES)[number];

/** At most this many reports near the incident, and as many hotline threads, are read. */
export const REVIEW_MAX_PER_SOURCE = 200;
