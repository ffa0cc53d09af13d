/**
 * Emails of humanitarian notifications: one received (made or renewed) by the recipient's
 * organization, and one overdue (its deadline passed with a recipient silent) for its owner and for the
 * recipients still silent. Each reads the notification again as its recipient (migration 020's
 * policies): hidden, nothing is sent; withdrawn, expired, renewed since or acknowledged since, the
 * message is moot.
 */
import { bboxOf, type Geometry, type Position, positionsOf } from '../../domain/geo.ts';
import * as notifications from '../../store/notification.repository.ts';
import { stateOf } from '../notifications/notification-access.ts';
import type { Rendered, RenderContext } from './render-context.ts';
import { siteKindWord } from './email-words.ts';

/** The period the message was queued for: a renewal starts another (and queues its own). */
const periodOf = (detail: Record<string, unknown>): number | null =>
  typeof detail.period === 'number' ? detail.period : null;

async function readNotification(r: RenderContext): Promise<notifications.NotificationRead | 'hidden' | 'moot'> {
  const read = await notifications.get(r.sql, r.message.entityId);
  if (!read) return 'hidden';
  if (periodOf(r.message.detail) !== read.notification.period) return 'moot';
  return read;
}

export async function notificationReceived(r: RenderContext): Promise<Rendered> {
  const read = await readNotification(r);
  if (typeof read === 'string') return read;
  const n = read.notification;
  const { state } = stateOf(n, read.now);
  if (state === 'withdrawn' || state === 'expired') return 'moot';
  const renewed = n.period > 1;
  return {
    subject: r.say(renewed ? 'subject.notification.renewed' : 'subject.notification.received', { name: n.name }),
    heading: r.say(renewed ? 'heading.notification.renewed' : 'heading.notification.received', {
      org: r.orgName(n.ownerOrg),
    }),
    facts: facts(r, n),
    note: r.say('notARequest'),
    link: { label: r.say('open.notification'), url: r.url(linkOf(n.id, 'received')) },
  };
}

export async function notificationOverdue(r: RenderContext): Promise<Rendered> {
  const read = await readNotification(r);
  if (typeof read === 'string') return read;
  const n = read.notification;
  if (stateOf(n, read.now).state !== 'overdue') return 'moot';
  const owner = n.ownerOrg === r.message.orgId;
  const mine = n.recipients.find((x) => x.orgId === r.message.orgId);
  // A recipient that has acknowledged needs no reminder (the secretariat, neither owner nor recipient, gets none).
  if (!owner && (!mine || mine.acknowledgedAt !== null)) return 'moot';
  const silent = n.recipients.filter((x) => x.acknowledgedAt === null).map((x) => r.orgName(x.orgId));
  return {
    subject: r.say('subject.notification.overdue', { name: n.name }),
    heading: r.say(owner ? 'heading.notification.overdue.owner' : 'heading.notification.overdue.recipient'),
    facts: [[r.say('label.notAcknowledged'), r.list(silent)], ...facts(r, n)],
    note: r.say('notARequest'),
    link: { label: r.say('open.notification'), url: r.url(linkOf(n.id, owner ? 'sent' : 'received')) },
  };
}

const linkOf = (id: string, box: 'sent' | 'received') =>
  `/notifications?box=${box}&notification=${encodeURIComponent(id)}`;

function facts(r: RenderContext, n: notifications.NotificationRecord): [string, string][] {
  const movement = n.subject === 'movement';
  const out: [string, string][] = [
    [r.say('label.what'), `${movement ? r.say('movement') : r.say(siteKindWord(n.siteKind ?? 'other'))}: ${n.name}`],
    [r.say('label.notifiedBy'), r.orgName(n.ownerOrg)],
    [r.say(movement ? 'label.window' : 'label.valid'), r.whenRange(n.valid.from, n.valid.to)],
    [r.say('label.acknowledgeBy'), r.when(n.acknowledgeBy)],
    [r.say('label.where'), where(r, n.geometry)],
  ];
  if (movement) {
    if (n.vehicles) out.push([r.say('label.vehicles'), n.vehicles]);
    if (n.cargo) out.push([r.say('label.cargo'), n.cargo]);
  }
  out.push([r.say('label.recipients'), r.list(n.recipients.map((x) => r.orgName(x.orgId)))]);
  return out;
}

/** A site at its point (an area at the middle of its bounds), a movement from its start to its end. */
function where(r: RenderContext, g: Geometry): string {
  const at = ([lon, lat]: Position) => r.place(lon, lat);
  switch (g.type) {
    case 'Point':
      return at(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
    case 'MultiLineString': {
      const all = positionsOf(g);
      const [first, last] = [all[0], all.at(-1)];
      if (!first || !last) return '';
      return g.type === 'MultiPoint' || all.length === 1
        ? at(first)
        : r.say('route', { from: at(first), to: at(last) });
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const [w, s, e, n] = bboxOf(g);
      return at([(w + e) / 2, (s + n) / 2]);
    }
  }
}
