/** The daily report's query, its figures as the API shows them (snake_case, instants as ISO text), and its schedule. */
import { z } from 'zod';
import { LANGUAGES } from '../../contract/email.ts';
import { EDITIONS, type DailyReport, type DailyReportQuery } from '../../app/daily-report/get-daily-report.ts';
import type { ReportSchedule } from '../../app/daily-report/report-schedules.ts';
import { decodeRing, MAX_DRAWN_POINTS, MAX_DRAWN_TEXT, polygonOfRing } from '../../contract/geometry.ts';
import { formatInstant } from '../../domain/time.ts';
import { bboxQuery, dateQuery, instantOut, toBBox } from '../schemas.ts';

/**
 * A drawn area in an address: its ring, open, in the encoded polyline format at five decimals
 * (docs/daily-report.md). Checked here as text; the use case checks the area as a zone's.
 */
export const polygonQuery = z
  .string()
  .min(1)
  .max(MAX_DRAWN_TEXT)
  .refine((s) => decodeRing(s) !== null, 'must be a ring in the encoded polyline format (precision 5)')
  .optional()
  .describe(
    `An area drawn: one ring of at most ${MAX_DRAWN_POINTS} points, open, as an encoded polyline at five decimals (Google's format, latitude first, as OSRM writes routes); only what lies inside it (with \`area\`: in both; not with \`bbox\`)`,
  );
/** The Polygon of an encoded ring (checked by the schema). */
export const toPolygon = (text: string | undefined) =>
  text === undefined ? undefined : polygonOfRing(decodeRing(text) ?? []);

export const dailyReportQuery = z.object({
  date: dateQuery.describe('The local day reported (YYYY-MM-DD, in the truce timezone); yesterday by default'),
  area: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .describe("A governorate's pcode (OCHA admin 1, as in GET /map/areas); every governorate by default"),
  bbox: bboxQuery.describe('An area drawn: only what lies in minLon,minLat,maxLon,maxLat (with `area`: in both)'),
  polygon: polygonQuery,
  edition: z
    .enum(EDITIONS)
    .optional()
    .describe('public: public records only, as anyone may read them; cleared (default): what you may see'),
});
export const toReportQuery = (q: z.infer<typeof dailyReportQuery>): DailyReportQuery => ({
  date: q.date,
  area: q.area,
  bbox: toBBox(q.bbox),
  polygon: toPolygon(q.polygon),
  edition: q.edition,
});

export const renderedQuery = dailyReportQuery.extend({
  lang: z.enum(LANGUAGES).optional().describe("The report's language; by default the request's Accept-Language"),
});
export const htmlQuery = renderedQuery.extend({
  part: z
    .enum(['document', 'body'])
    .default('document')
    .describe(
      'document: a whole HTML document with inline styles (email-ready); body: its content only (the web page)',
    ),
});

const named = z.object({ en: z.string(), ar: z.string().nullable() }).meta({ id: 'NameEnAr' });
const compared = z.object({
  key: z
    .string()
    .nullable()
    .describe('A governorate pcode or an actor id; null: outside every governorate, or no violator named'),
  name: named.nullable(),
  day: z.number().int(),
  previous_day: z.number().int(),
  previous_seven: z.number().int().describe('In all, over the seven days before the day before'),
});
const convoyLine = z.object({
  id: z.string(),
  name: z.string(),
  organizer: named,
  state: z.string(),
  window: z.object({ from: instantOut, to: instantOut }),
  beneficiaries_planned: z.number().int(),
  beneficiaries_reached: z.number().int().nullable(),
  delivered_at: instantOut.nullable(),
});

export const dailyReportOut = z
  .object({
    date: z.string(),
    timezone: z.string(),
    window: z.object({ start: instantOut, end: instantOut }),
    edition: z.enum(EDITIONS),
    reader: z.object({ org: named.nullable(), clearance: z.string() }),
    area: z.object({
      pcode: z.string().nullable(),
      name: named.nullable(),
      bbox: z.array(z.number()).nullable(),
      polygon: z
        .object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) })
        .nullable()
        .describe('The area drawn (GeoJSON), as the report reads it'),
      drawn: z
        .object({
          km2: z.number().describe('Its area in square kilometres'),
          place: named.nullable().describe('The nearest populated place (within 25 km) of a point inside it'),
          governorate: named.nullable(),
        })
        .nullable()
        .describe('The area drawn, for people'),
    }),
    dates: z.array(z.string()).describe('The seven days before, the day before, the day'),
    violations: z.object({
      day: z.number().int(),
      previous_day: z.number().int(),
      previous_seven: z.number().int(),
      by_area: z.array(compared),
      by_violator: z.array(compared),
    }),
    incidents: z.object({
      total: z.number().int(),
      notable: z.array(
        z.object({
          id: z.string(),
          occurred_at: instantOut,
          lon: z.number(),
          lat: z.number(),
          act: z.string(),
          headline: z.string().nullable(),
          perpetrator: named.nullable(),
          deaths_best: z.number().nullable(),
          place: named.nullable(),
          governorate: named.nullable(),
          findings: z.array(
            z.object({
              agreement: named.nullable(),
              verdict: z.string().describe('The verdict in force: a ruling in force, else the rules'),
              violators: z.array(named),
              automatic_verdict: z
                .string()
                .nullable()
                .describe("The rules' own verdict, when a ruling stands beside it"),
              ruling: z.object({ id: z.string(), in_force_at: instantOut.nullable() }).nullable(),
            }),
          ),
        }),
      ),
      points: z.array(z.object({ id: z.string(), lon: z.number(), lat: z.number(), rank: z.number().int() })),
    }),
    alerts: z.object({
      conflicts: z.array(
        z.object({
          id: z.string(),
          at: instantOut,
          target_kind: z.string(),
          clearance_m: z.number(),
          notified: z.boolean(),
          actor: named.nullable(),
          operation_kind: z.string().nullable(),
          target_owner: named.nullable(),
        }),
      ),
      escalations: z.array(
        z.object({
          thread: z.string(),
          subject: z.string(),
          priority: z.string(),
          opened_by: named,
          level: z.number().int(),
          at: instantOut,
        }),
      ),
    }),
    convoys: z.object({ planned: z.array(convoyLine), delivered: z.array(convoyLine) }),
    calm: z
      .object({
        agreement: named,
        streak: z.number().int(),
        at_least: z.boolean(),
        days_required: z.number().int(),
        threshold_per_day: z.number(),
        violations: z.number().int(),
        calm: z.boolean(),
        in_force: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: 'DailyReport' });

const iso = (t: number) => formatInstant(t);
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));

export function dailyReportView(r: DailyReport): z.infer<typeof dailyReportOut> {
  const row = (x: DailyReport['violations']['byArea'][number]) => ({
    key: x.key,
    name: x.name,
    day: x.day,
    previous_day: x.previousDay,
    previous_seven: x.previousSeven,
  });
  const convoy = (c: DailyReport['convoys']['planned'][number]) => ({
    id: c.id,
    name: c.name,
    organizer: c.organizer,
    state: c.state,
    window: { from: iso(c.windowFrom), to: iso(c.windowTo) },
    beneficiaries_planned: c.beneficiariesPlanned,
    beneficiaries_reached: c.beneficiariesReached,
    delivered_at: isoOrNull(c.deliveredAt),
  });
  return {
    date: r.date,
    timezone: r.timezone,
    window: { start: iso(r.window.start), end: iso(r.window.end) },
    edition: r.edition,
    reader: r.reader,
    area: {
      pcode: r.area.pcode,
      name: r.area.name,
      bbox: r.area.bbox,
      polygon: r.area.polygon,
      drawn: r.area.drawn,
    },
    dates: r.dates,
    violations: {
      day: r.violations.day,
      previous_day: r.violations.previousDay,
      previous_seven: r.violations.previousSeven,
      by_area: r.violations.byArea.map(row),
      by_violator: r.violations.byViolator.map(row),
    },
    incidents: {
      total: r.incidents.total,
      notable: r.incidents.notable.map((i) => ({
        id: i.id,
        occurred_at: iso(i.at),
        lon: i.lon,
        lat: i.lat,
        act: i.act,
        headline: i.headline,
        perpetrator: i.perpetrator,
        deaths_best: i.deathsBest,
        place: i.place,
        governorate: i.governorate,
        findings: i.findings.map((f) => ({
          agreement: f.agreement,
          verdict: f.verdict,
          violators: f.violators,
          automatic_verdict: f.automaticVerdict,
          ruling: f.ruling && { id: f.ruling.id, in_force_at: isoOrNull(f.ruling.inForceAt) },
        })),
      })),
      points: r.incidents.points,
    },
    alerts: {
      conflicts: r.alerts.conflicts.map((c) => ({
        id: c.id,
        at: iso(c.at),
        target_kind: c.targetKind,
        clearance_m: c.clearanceM,
        notified: c.notified,
        actor: c.actor,
        operation_kind: c.operationKind,
        target_owner: c.targetOwner,
      })),
      escalations: r.alerts.escalations.map((e) => ({
        thread: e.thread,
        subject: e.subject,
        priority: e.priority,
        opened_by: e.openedBy,
        level: e.level,
        at: iso(e.at),
      })),
    },
    convoys: { planned: r.convoys.planned.map(convoy), delivered: r.convoys.delivered.map(convoy) },
    calm: r.calm && {
      agreement: r.calm.agreement,
      streak: r.calm.streak,
      at_least: r.calm.atLeast,
      days_required: r.calm.daysRequired,
      threshold_per_day: r.calm.thresholdPerDay,
      violations: r.calm.violations,
      calm: r.calm.calm,
      in_force: r.calm.inForce,
    },
  };
}

export const scheduleOut = z
  .object({
    enabled: z.boolean(),
    send_at: z.string().describe('The local time of day it is sent (HH:MM, in the truce timezone): the day before'),
    language: z.enum(LANGUAGES),
    edition: z.enum(EDITIONS),
    area: z.string().nullable().describe("A governorate's pcode; null: every governorate"),
    polygon: z
      .string()
      .nullable()
      .describe('An area drawn: its ring as an encoded polyline, as the `polygon` of GET /daily-report; null: none'),
    recipients: z
      .array(z.string())
      .describe('User ids of the organization; each must also ask for the report on their account page'),
    last_sent_on: z.string().nullable().describe('The last day it was queued on'),
    candidates: z
      .array(z.object({ id: z.string(), username: z.string(), display_name: z.string().nullable(), asks: z.boolean() }))
      .describe("The organization's users, and whether each asks for the daily report (with an address)"),
  })
  .meta({ id: 'ReportSchedule' });

export const scheduleIn = z
  .object({
    enabled: z.boolean(),
    send_at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM'),
    language: z.enum(LANGUAGES),
    edition: z.enum(EDITIONS),
    area: z.string().min(1).max(20).nullable(),
    polygon: z
      .string()
      .min(1)
      .max(MAX_DRAWN_TEXT)
      .nullable()
      .default(null)
      .describe(
        'An area drawn: its ring as an encoded polyline, as the `polygon` of GET /daily-report (with `area`: in both)',
      ),
    recipients: z.array(z.string().min(1).max(200)).max(500),
  })
  .meta({ id: 'ReportScheduleChange' });

export function scheduleView(s: ReportSchedule): z.infer<typeof scheduleOut> {
  return {
    enabled: s.enabled,
    send_at: s.sendAt,
    language: s.language,
    edition: s.edition,
    area: s.area,
    polygon: s.polygon,
    recipients: s.recipients,
    last_sent_on: s.lastSentOn,
    candidates: s.candidates.map((c) => ({
      id: c.id,
      username: c.username,
      display_name: c.displayName,
      asks: c.asks,
    })),
  };
}
