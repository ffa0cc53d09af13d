/** How webhooks look in responses, and what creating and changing one hold. */
import { z } from 'zod';
import type { WebhookPatch } from '../../app/webhooks/change-webhook.ts';
import type { Delivery } from '../../app/webhooks/list-deliveries.ts';
import type { Webhook } from '../../app/webhooks/list-webhooks.ts';
import type { WebhookInput } from '../../app/webhooks/webhook-input.ts';
import { ATTEMPT_ERRORS, DELIVERY_STATES, MAX_WEBHOOKS_PER_USER, WEBHOOK_EVENTS } from '../../contract/webhooks.ts';
import { formatInstant } from '../../domain/time.ts';
import { instantOut, whereJson, whereOut } from '../schemas.ts';

const lon = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');
const lat = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');

const areaIn = z
  .object({
    bbox: z
      .tuple([lon, lat, lon, lat])
      .optional()
      .describe('[minLon, minLat, maxLon, maxLat]: incidents created inside this box'),
    zone: z.string().min(1, 'must not be empty').max(200).optional().describe('a zone id: incidents created inside it'),
  })
  .strict()
  .superRefine((a, ctx) => {
    if ((a.bbox === undefined) === (a.zone === undefined))
      ctx.addIssue({ code: 'custom', message: 'give either bbox or zone', path: [] });
    if (a.bbox && (a.bbox[0] > a.bbox[2] || a.bbox[1] > a.bbox[3]))
      ctx.addIssue({
        code: 'custom',
        message: 'must be [minLon, minLat, maxLon, maxLat], min before max',
        path: ['bbox'],
      });
  })
  .nullable()
  .describe('where incident.created events come from (other events are sent wherever they are); null: everywhere');

const toArea = (a: z.infer<typeof areaIn> | undefined): WebhookInput['area'] | undefined =>
  a === undefined ? undefined : a === null ? null : a.bbox ? { bbox: a.bbox } : { zone: a.zone! };

const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const url = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000, 'must be at most 2000 characters')
  .describe(
    'http or https; loopback and private addresses are refused unless the server allows them (TRUCE_WEBHOOKS_ALLOW_PRIVATE)',
  );
const events = z
  .array(z.enum(WEBHOOK_EVENTS))
  .min(1, 'choose at least one event')
  .max(WEBHOOK_EVENTS.length, `at most ${WEBHOOK_EVENTS.length} events`);

export const webhookBody = z.object({
  name: name.describe('for people: what receives it'),
  url,
  events,
  area: areaIn.default(null),
  active: z.boolean().default(true).describe('false: made paused'),
});

export const toWebhookInput = (b: z.infer<typeof webhookBody>): WebhookInput & { active: boolean } => ({
  name: b.name,
  url: b.url,
  events: b.events,
  area: toArea(b.area) ?? null,
  active: b.active,
});

export const webhookPatch = z
  .object({
    name: name.optional(),
    url: url.optional(),
    events: events.optional(),
    area: areaIn.optional(),
    active: z
      .boolean()
      .optional()
      .describe('false: paused (nothing is sent, events meanwhile are not kept); true: resumed'),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), 'give at least one field to change');

export const toWebhookPatch = (b: z.infer<typeof webhookPatch>): WebhookPatch => ({
  name: b.name,
  url: b.url,
  events: b.events,
  area: toArea(b.area),
  active: b.active,
});

export const webhookSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    area: z
      .union([z.object({ bbox: z.array(z.number()) }), z.object({ zone: z.string() })])
      .nullable()
      .describe('null: everywhere'),
    active: z.boolean(),
    created_at: instantOut,
    updated_at: instantOut,
  })
  .meta({ id: 'Webhook' });

export const webhookJson = (s: Webhook): z.infer<typeof webhookSchema> => ({
  id: s.id,
  name: s.name,
  url: s.url,
  events: s.events,
  area: s.area,
  active: s.active,
  created_at: formatInstant(s.createdAt),
  updated_at: formatInstant(s.updatedAt),
});

export const newWebhookSchema = webhookSchema
  .extend({
    secret: z
      .string()
      .describe(
        'the key of the X-Truce-Signature HMAC: shown this once, never again (delete and make another to replace it)',
      ),
  })
  .meta({ id: 'NewWebhook' });

export const webhooksOut = z.object({
  items: z.array(webhookSchema).describe(`yours, oldest first (at most ${MAX_WEBHOOKS_PER_USER})`),
});

export const deliverySchema = z
  .object({
    id: z.string().describe('the X-Truce-Delivery header and the body’s id: the same at every attempt'),
    event: z.enum(WEBHOOK_EVENTS),
    occurred_at: instantOut.describe('when the change was committed'),
    record: z.object({ entity: z.string(), id: z.string() }).describe('the record the event names'),
    subject: z
      .object({
        title: z.string().nullable().describe("an incident's headline, a zone's name, a thread's subject"),
        place: z.string().nullable(),
        where: whereOut.nullable(),
        at: instantOut.nullable().describe('when the incident occurred, or the thread was opened'),
        verdict: z.string().nullable().describe("a finding's or a ruling's verdict"),
      })
      .describe('what it was about, as you may see it now'),
    level: z.number().int().nullable().describe('hotline.escalated: 1 at the first deadline, 2 at the second'),
    withdrawn: z.boolean().describe('finding.changed: the finding was withdrawn'),
    state: z.enum(DELIVERY_STATES),
    attempts: z.array(
      z.object({
        attempt: z.number().int(),
        at: instantOut,
        status_code: z.number().int().nullable().describe("the receiver's answer; null: none"),
        error: z.enum(ATTEMPT_ERRORS).nullable().describe('why there was no answer'),
        detail: z.string().nullable().describe('the error as the network said it'),
        duration_ms: z.number().int().nullable(),
      }),
    ),
    next_attempt_at: instantOut.nullable().describe('pending: when the next attempt is due'),
    created_at: instantOut,
    finished_at: instantOut.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

const orNull = (t: number | null) => (t === null ? null : formatInstant(t));

export const deliveryJson = (d: Delivery): z.infer<typeof deliverySchema> => ({
  id: d.id,
  event: d.type,
  occurred_at: formatInstant(d.eventAt),
  record: { entity: d.entity, id: d.entityId },
  subject: {
    title: d.subject.title,
    place: d.subject.place,
    where: d.subject.location ? whereJson(d.subject.location) : null,
    at: orNull(d.subject.at),
    verdict: d.subject.verdict,
  },
  level: d.type === 'hotline.escalated' ? (d.detail.level === 2 ? 2 : 1) : null,
  withdrawn: d.detail.withdrawn === true,
  state: d.state,
  attempts: d.attempts.map((a) => ({
    attempt: a.attempt,
    at: formatInstant(a.at),
    status_code: a.statusCode,
    error: (ATTEMPT_ERRORS as readonly string[]).includes(a.error ?? '')
      ? (a.error as (typeof ATTEMPT_ERRORS)[number])
      : a.error === null
        ? null
        : 'other',
    detail: a.detail,
    duration_ms: a.durationMs,
  })),
  next_attempt_at: orNull(d.nextAttemptAt),
  created_at: formatInstant(d.createdAt),
  finished_at: orNull(d.finishedAt),
});

export const deletedOut = z.null().describe('deleted, with its delivery log');

export const deliveriesOut = z.object({ items: z.array(deliverySchema), next_cursor: z.string().nullable() });
