/** Humanitarian notifications in requests and responses. A notification informs the parties; it asks no permission. */
import { z } from 'zod';
import { NOT_A_REQUEST, NOTIFICATION_STATES, SITE_KINDS } from '../../contract/notifications.ts';
import { type NotificationRecord, notificationView, stateOf } from '../../app/notifications/notification-access.ts';
import type { NotifyInput } from '../../app/notifications/notify.ts';
import type { RenewInput } from '../../app/notifications/renew-notification.ts';
import { parseInstant } from '../../domain/time.ts';
import { instantSchema, lineStringSchema, nameText, pointSchema, polygonSchema } from '../../scenario/bundle.schema.ts';
import { geometryOut, instantOut, pageQuery } from '../schemas.ts';

const orgId = z.string().min(1, 'must not be empty').max(200);
const period = z
  .object({ from: instantSchema, to: instantSchema })
  .describe('A site: the period it is notified for; a movement: its time window. It expires at `to`.');
const acknowledgeBy = instantSchema.describe(
  'The deadline for each recipient to acknowledge; flagged overdue after it',
);
const recipients = z
  .array(orgId)
  .min(1, 'must name at least one organization')
  .max(50)
  .describe('The organizations informed (for example both co-chairs and the parties in the area); each acknowledges');
const told = z.string().max(500, 'must be at most 500 characters').default('');

const siteNotice = z
  .object({
    subject: z.literal('site'),
    site_kind: z.enum(SITE_KINDS),
    name: nameText.min(1, 'must not be empty'),
    geometry: z.discriminatedUnion('type', [pointSchema, polygonSchema]).describe('A Point or a Polygon'),
    buffer_m: z.number().min(0, 'must be 0 or more').max(50_000, 'must be at most 50000').default(0),
    valid: period,
    acknowledge_by: acknowledgeBy,
    recipients,
  })
  .strict();
const movementNotice = z
  .object({
    subject: z.literal('movement'),
    name: nameText.min(1, 'must not be empty'),
    geometry: lineStringSchema.describe('The route, a LineString from its start to its end'),
    buffer_m: z.number().min(0, 'must be 0 or more').max(50_000, 'must be at most 50000').default(0),
    vehicles: told.describe('The vehicles, as told (for example "4 trucks, 1 ambulance")'),
    cargo: told,
    valid: period,
    acknowledge_by: acknowledgeBy,
    recipients,
  })
  .strict();
export const notifyBody = z
  .discriminatedUnion('subject', [siteNotice, movementNotice])
  .describe(`A static site or a movement. ${NOT_A_REQUEST}`);

const instant = (text: string): number => parseInstant(text)!;

export function toNotifyInput(b: z.infer<typeof notifyBody>): NotifyInput {
  return {
    subject: b.subject,
    siteKind: b.subject === 'site' ? b.site_kind : null,
    name: b.name,
    geometry: b.geometry,
    bufferM: b.buffer_m,
    vehicles: b.subject === 'movement' ? b.vehicles : '',
    cargo: b.subject === 'movement' ? b.cargo : '',
    valid: { from: instant(b.valid.from), to: instant(b.valid.to) },
    acknowledgeBy: instant(b.acknowledge_by),
    recipients: b.recipients,
  };
}

export const renewBody = z.object({ valid: period, acknowledge_by: acknowledgeBy }).strict();
export const toRenewInput = (b: z.infer<typeof renewBody>): RenewInput => ({
  valid: { from: instant(b.valid.from), to: instant(b.valid.to) },
  acknowledgeBy: instant(b.acknowledge_by),
});

export const notificationsQuery = pageQuery.extend({
  box: z
    .enum(['sent', 'received'])
    .optional()
    .describe("sent: your organization's; received: those it is a recipient of; left out: every one you may see"),
});

export const notificationOut = z
  .object({
    id: z.string(),
    owner_org: z.string(),
    subject: z.enum(['site', 'movement']),
    site_kind: z.enum(SITE_KINDS).nullable(),
    name: z.string(),
    geometry: geometryOut,
    buffer_m: z.number(),
    vehicles: z.string(),
    cargo: z.string(),
    valid: z.object({ from: instantOut, to: instantOut }),
    acknowledge_by: instantOut,
    period: z.number().int().describe('1 when notified, one more at each renewal'),
    withdrawn_at: instantOut.nullable(),
    recipients: z.array(
      z.object({ org: z.string(), acknowledged_at: instantOut.nullable(), acknowledged_by: z.string().nullable() }),
    ),
    state: z
      .enum(NOTIFICATION_STATES)
      .describe(
        'As of the database clock when read: withdrawn, expired, overdue (a recipient has not acknowledged by the deadline), acknowledged (by all), awaiting',
      ),
    acknowledged: z.number().int().describe('How many recipients acknowledged in this period'),
    nature: z.literal(NOT_A_REQUEST),
  })
  .meta({ id: 'Notification', description: NOT_A_REQUEST });

export function notificationJson(n: NotificationRecord, now: number): z.infer<typeof notificationOut> {
  return { ...notificationView(n), ...stateOf(n, now), nature: NOT_A_REQUEST };
}
