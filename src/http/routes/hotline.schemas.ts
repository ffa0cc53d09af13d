/** How hotline threads look in responses, and what opening one, writing in it and resolving it hold. */
import { z } from 'zod';
import type { ThreadWithTimeline } from '../../app/hotline/get-thread.ts';
import type { HotlineThread, PartyTimes } from '../../app/hotline/list-threads.ts';
import type { NewThreadInput } from '../../app/hotline/open-thread.ts';
import { HOTLINE_ENTRY_KINDS, HOTLINE_PRIORITIES } from '../../contract/hotline.ts';
import { formatInstant } from '../../domain/time.ts';
import { booleanQuery, instantOut } from '../schemas.ts';

const orNull = (t: number | null) => (t === null ? null : formatInstant(t));

export const threadSchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    priority: z.enum(HOTLINE_PRIORITIES),
    opened_by_org: z.string(),
    recipients: z.array(
      z.object({ org: z.string(), acknowledged_at: instantOut.nullable().describe('null: not acknowledged yet') }),
    ),
    location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
    links: z.array(z.string()).describe('linked records as `entity:id`, those you may see'),
    opened_at: instantOut,
    ack_due_at: instantOut.describe('the acknowledgement deadline: past it, a silent recipient escalates the thread'),
    second_due_at: instantOut.describe('the second deadline, when it escalates again'),
    escalated_at: instantOut.nullable(),
    escalated_again_at: instantOut.nullable(),
    resolved_at: instantOut.nullable(),
    resolved_by_org: z.string().nullable(),
    server_now: instantOut.describe("the database's clock when read, for countdowns"),
  })
  .meta({ id: 'HotlineThread' });

export const threadJson = (t: HotlineThread): z.infer<typeof threadSchema> => ({
  id: t.id,
  subject: t.subject,
  priority: t.priority,
  opened_by_org: t.openedByOrg,
  recipients: t.recipients.map((r) => ({ org: r.org, acknowledged_at: orNull(r.acknowledgedAt) })),
  location: t.location,
  links: t.links,
  opened_at: formatInstant(t.openedAt),
  ack_due_at: formatInstant(t.ackDueAt),
  second_due_at: formatInstant(t.secondDueAt),
  escalated_at: orNull(t.escalatedAt),
  escalated_again_at: orNull(t.escalatedAgainAt),
  resolved_at: orNull(t.resolvedAt),
  resolved_by_org: t.resolvedByOrg,
  server_now: formatInstant(t.readAt),
});

export const threadDetailSchema = threadSchema
  .extend({
    timeline: z.array(
      z.object({
        seq: z.number().int(),
        at: instantOut,
        kind: z.enum(HOTLINE_ENTRY_KINDS),
        org: z.string().nullable().describe('null: the server (an escalation)'),
        body: z.string().nullable(),
        level: z.number().int().nullable().describe('an escalation: 1 at the first deadline, 2 at the second'),
      }),
    ),
  })
  .meta({ id: 'HotlineThreadDetail' });

export const threadDetailJson = (t: ThreadWithTimeline): z.infer<typeof threadDetailSchema> => ({
  ...threadJson(t),
  timeline: t.timeline.map((e) => ({
    seq: e.seq,
    at: formatInstant(e.at),
    kind: e.kind,
    org: e.org,
    body: e.body,
    level: e.level,
  })),
});

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const openThreadBody = z.object({
  subject: text(200),
  message: text(4_000),
  priority: z.enum(HOTLINE_PRIORITIES),
  recipients: z
    .array(z.string().min(1).max(200))
    .min(1, 'name at least one organization')
    .max(20)
    .describe('organization ids'),
  location: z
    .object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })
    .nullable()
    .default(null),
  links: z
    .array(
      z
        .string()
        .regex(/^[a-z_]+:.+$/, 'must be entity:id')
        .max(300),
    )
    .max(20)
    .default([])
    .describe('records to link: incident:<id>, protected_site:<id>, operation:<id>, convoy:<id>'),
});

export const toNewThread = (b: z.infer<typeof openThreadBody>): NewThreadInput => ({ ...b });

export const messageBody = z.object({ body: text(4_000) });
export const resolveBody = z.object({ note: z.string().trim().max(4_000).nullable().default(null) });

export const threadsQuery = z.object({
  open: booleanQuery.describe('true: not resolved; false: resolved'),
  limit: z.coerce.number().int().min(1, 'must be between 1 and 500').max(500, 'must be between 1 and 500').default(100),
});

export const threadsOut = z.object({ items: z.array(threadSchema) });

export const timesOut = z.object({
  items: z.array(
    z.object({
      org: z.string(),
      acknowledged: z.number().int(),
      ack_median_seconds: z.number().nullable(),
      ack_slowest_seconds: z.number().nullable(),
      resolved: z.number().int(),
      resolve_median_seconds: z.number().nullable(),
      resolve_slowest_seconds: z.number().nullable(),
    }),
  ),
});

export const timesJson = (items: PartyTimes[]): z.infer<typeof timesOut> => ({
  items: items.map((p) => ({
    org: p.org,
    acknowledged: p.acknowledged,
    ack_median_seconds: p.ackMedianSeconds,
    ack_slowest_seconds: p.ackSlowestSeconds,
    resolved: p.resolved,
    resolve_median_seconds: p.resolveMedianSeconds,
    resolve_slowest_seconds: p.resolveSlowestSeconds,
  })),
});
