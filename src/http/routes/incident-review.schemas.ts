/**
 * How an incident's notified sites struck (GET /incidents/{id}/struck-sites) and its post-incident
 * review (GET /incidents/{id}/review) look in responses, and the review's query (how far around).
 */
import {
  AROUND_DEFAULT,
  AROUND_LIMITS,
  REVIEW_ENTRY_KINDS,
  REVIEW_GROUP_OF,
  REVIEW_GROUPS,
  REVIEW_MAX_PER_SOURCE,
  REVIEW_RECORD_TYPES,
} from '../../contract/review.ts';
import { HOTLINE_ENTRY_KINDS } from '../../contract/hotline.ts';
import { z } from 'zod';
import type { SiteStrike } from '../../app/incidents/get-site-strike.ts';
import type { IncidentReview, ReviewEntry } from '../../app/incidents/review-incident.ts';
import { formatInstant, type Interval } from '../../domain/time.ts';
import { instantOut, intervalOut } from '../schemas.ts';
import { incidentSummaryJson, incidentSummarySchema } from './incidents.schemas.ts';

const interval = (i: Interval) => ({ from: formatInstant(i.from), to: i.to === null ? null : formatInstant(i.to) });
const instantOrNull = (t: number | null) => (t === null ? null : formatInstant(t));

export const siteStrikeSchema = z
  .object({
    struck: z
      .boolean()
      .describe('true: the incident took place within the buffer of a notified site you may see, valid at its time'),
    sites: z
      .array(
        z.object({
          source: z
            .enum(['protected_site', 'notification'])
            .describe('a protected site notified to parties, or a humanitarian notification of a site'),
          id: z.string(),
          name: z.string().nullable().describe("a notification's name; a protected site has none"),
          kind: z.string().describe("the site's kind (hospital, school, ...)"),
          owner: z.string().nullable().describe("a protected site's owner (an actor)"),
          owner_org: z.string().nullable().describe("a notification's owner (an organization)"),
          distance_m: z.number().describe('from the incident to the site, 0 inside it'),
          buffer_m: z.number(),
          valid: intervalOut,
          notified_to: z
            .array(z.string())
            .describe('the parties a protected site was notified to (actors); no time of notification is kept for it'),
          perpetrator_notified: z
            .boolean()
            .nullable()
            .describe("whether the incident's perpetrator was among them; null: none attributed, or a notification"),
          notified_at: instantOut.nullable().describe('when the notification was made; null for a protected site'),
          withdrawn_at: instantOut.nullable(),
          recipients: z
            .array(z.object({ org: z.string(), acknowledged_at: instantOut.nullable() }))
            .describe("a notification's recipients and when each acknowledged (in its current period)"),
        }),
      )
      .describe('nearest first; only those you may see'),
    operations: z
      .array(
        z.object({
          id: z.string(),
          actor: z.string(),
          kind: z.string(),
          window: intervalOut,
          radius_m: z.number(),
          by_perpetrator: z.boolean().nullable().describe("the perpetrator's own notice; null: none attributed"),
        }),
      )
      .describe(
        'the operation notices you may see whose area and radius held the place during their window at its time',
      ),
  })
  .meta({ id: 'SiteStrike' });

export const siteStrikeJson = (s: SiteStrike): z.infer<typeof siteStrikeSchema> => ({
  struck: s.struck,
  sites: s.sites.map((x) => ({
    source: x.source,
    id: x.id,
    name: x.source === 'notification' ? x.name : null,
    kind: x.kind,
    owner: x.source === 'protected_site' ? x.owner : null,
    owner_org: x.source === 'notification' ? x.ownerOrg : null,
    distance_m: x.distanceM,
    buffer_m: x.bufferM,
    valid: interval(x.valid),
    notified_to: x.source === 'protected_site' ? x.notifiedTo : [],
    perpetrator_notified: x.source === 'protected_site' ? x.perpetratorNotified : null,
    notified_at: x.source === 'notification' ? formatInstant(x.notifiedAt) : null,
    withdrawn_at: x.source === 'notification' ? instantOrNull(x.withdrawnAt) : null,
    recipients:
      x.source === 'notification'
        ? x.recipients.map((r) => ({ org: r.org, acknowledged_at: instantOrNull(r.acknowledgedAt) }))
        : [],
  })),
  operations: s.operations.map((o) => ({
    id: o.id,
    actor: o.actor,
    kind: o.kind,
    window: interval(o.window),
    radius_m: o.radiusM,
    by_perpetrator: o.byPerpetrator,
  })),
});

const { hours, km } = AROUND_LIMITS;
export const reviewQuery = z.object({
  hours: z.coerce
    .number()
    .int('must be a whole number of hours')
    .min(hours.min, `must be between ${hours.min} and ${hours.max}`)
    .max(hours.max, `must be between ${hours.min} and ${hours.max}`)
    .default(AROUND_DEFAULT.hours)
    .describe(`hours before and after the incident (default ${AROUND_DEFAULT.hours})`),
  km: z.coerce
    .number()
    .min(km.min, `must be between ${km.min} and ${km.max}`)
    .max(km.max, `must be between ${km.min} and ${km.max}`)
    .default(AROUND_DEFAULT.km)
    .describe(`kilometres around its place (default ${AROUND_DEFAULT.km})`),
});

const entrySchema = z
  .object({
    at: instantOut,
    kind: z.enum(REVIEW_ENTRY_KINDS),
    group: z.enum(REVIEW_GROUPS).describe('notified, declared, said on the hotline, reported (or the incident itself)'),
    record: z.object({ type: z.enum(REVIEW_RECORD_TYPES), id: z.string() }),
    actor: z.string().nullable().describe('who, a party: a site owner, an operation’s party, a convoy’s organizer'),
    org: z
      .string()
      .nullable()
      .describe('who, an organization: a notification’s owner or recipient, a hotline party, a reporter'),
    to_actors: z.array(z.string()).describe('the parties a protected site was notified to'),
    to_orgs: z.array(z.string()).describe("a notification's recipients, a thread's recipients (on its opening)"),
    name: z.string().nullable().describe("a notification's name, a thread's subject"),
    what: z.string().nullable().describe("a site's kind, movement, an operation's kind, an act, a thread's priority"),
    body: z.string().nullable().describe('a hotline message, a report’s narrative'),
    step: z.enum(HOTLINE_ENTRY_KINDS).nullable(),
    level: z.number().int().nullable().describe("an escalation's level (1, 2)"),
    window: intervalOut.nullable().describe('a validity, a period, a window'),
    claimed: z.object({ at: instantOut, precision_s: z.number().int() }).nullable(),
    distance_m: z.number().nullable(),
    struck: z.boolean().nullable().describe('a site: the incident fell within its buffer while it was in force'),
    covered: z.boolean().nullable().describe('an operation notice: its area, radius and window held the incident'),
    linked: z.boolean().nullable().describe('an account of the incident; a thread linked to it'),
  })
  .meta({ id: 'ReviewEntry' });

export const reviewSchema = z
  .object({
    incident: incidentSummarySchema,
    around: z.object({
      hours: z.number(),
      km: z.number(),
      from: instantOut.describe('the first instant the review looks at'),
      to: instantOut.describe('the last'),
    }),
    timezone: z.string().describe("the world's timezone, in which to show the times"),
    entries: z.array(entrySchema).describe('in time order; only records you may see'),
    more: z
      .boolean()
      .describe(
        `true: more than ${REVIEW_MAX_PER_SOURCE} reports or threads near it (of those you may see) were left out; narrow the review`,
      ),
  })
  .meta({ id: 'IncidentReview' });

const entryJson = (e: ReviewEntry): z.infer<typeof entrySchema> => ({
  at: formatInstant(e.at),
  kind: e.kind,
  group: REVIEW_GROUP_OF[e.kind],
  record: e.record,
  actor: e.actor,
  org: e.org,
  to_actors: e.toActors,
  to_orgs: e.toOrgs,
  name: e.name,
  what: e.what,
  body: e.body,
  step: e.step,
  level: e.level,
  window: e.window ? interval(e.window) : null,
  claimed: e.claimed ? { at: formatInstant(e.claimed.at), precision_s: e.claimed.precisionS } : null,
  distance_m: e.distanceM,
  struck: e.struck,
  covered: e.covered,
  linked: e.linked,
});

export const reviewJson = (r: IncidentReview): z.infer<typeof reviewSchema> => ({
  incident: incidentSummaryJson(r.incident),
  around: {
    hours: r.around.hours,
    km: r.around.km,
    from: formatInstant(r.around.from),
    to: formatInstant(r.around.to),
  },
  timezone: r.timezone,
  entries: r.entries.map(entryJson),
  more: r.more,
});
