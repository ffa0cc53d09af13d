/**
 * The kinds of live event, one list for the server that publishes them, the PostgreSQL bus that
 * carries them between processes (and drops any other) and the web app that listens.
 */
export const EVENT_TYPES = [
  'report.created',
  'report.updated',
  'incident.updated',
  'finding.changed',
  'settings.changed',
  'audit.appended',
  'hotline.updated',
  'hotline.escalated',
  'notification.changed',
  'convoy_request.changed',
  'negotiation_room.changed',
  'position.changed',
  'notice.changed',
  'source_text.changed',
  'alert',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const isEventType = (type: string): type is EventType => (EVENT_TYPES as readonly string[]).includes(type);
