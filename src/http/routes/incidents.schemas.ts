/** How incidents look in responses (in lists, and in full with their accounts and findings), and what requests about them hold. */
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { ACCESS_CATEGORIES } from '../../contract/access-constraints.ts';
import { INCIDENT_SORTS, type IncidentFilter, type IncidentSort } from '../../contract/lists.ts';
import type { PageRequest } from '../../contract/paging.ts';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../app/exports/export-incidents.ts';
import type { IncidentFacts, NewIncident } from '../../app/incidents/create-incident.ts';
import type { IncidentDetail, IncidentView } from '../../app/incidents/get-incident.ts';
import type { IncidentPatch } from '../../app/incidents/update-incident.ts';
import type { Suggestion } from '../../app/reports/suggest-incidents.ts';
import { ATTRIBUTION_GRADES, DISPUTABLE_FACTS, INCIDENT_STATUSES } from '../../domain/assessment.ts';
import { VERDICTS } from '../../domain/findings.ts';
import { ACTS } from '../../domain/model.ts';
import { formatInstant, parseInstant } from '../../domain/time.ts';
import { incidentSchema, instantSchema, targetSchema } from '../../scenario/bundle.schema.ts';
import { reportJson, reportSchema, targetOut } from './reports.schemas.ts';
import { rulingJson, rulingSchema } from './rulings.schemas.ts';
import { statementSchema } from '../statement-schemas.ts';
import {
  adminAreaOf,
  adminQuery,
  bboxQuery,
  classified,
  idParams,
  instantOut,
  instantQuery,
  pageQuery,
  pageRequest,
  toBBox,
  toInstant,
  whereJson,
  whereOut,
} from '../schemas.ts';

export const incidentSummarySchema = z
  .object({
    id: z.string(),
    occurred_at: instantOut,
    occurred_until: instantOut
      .nullable()
      .describe('the end of the window it is known to fall in, when its time is imprecise'),
    date_precision: z.number().int().nullable().describe('UCDP date_prec: 1 exact day ... 5 year'),
    location: z.object({ lon: z.number(), lat: z.number() }),
    location_precision: z
      .number()
      .int()
      .nullable()
      .describe('UCDP where_prec: 1 exact place, 2 within 25 km ... 7 water or air'),
    place: z.string().nullable().describe('the place as its source names it'),
    where: whereOut,
    headline: z.string().nullable(),
    act: z.enum(ACTS),
    access_category: z
      .enum(ACCESS_CATEGORIES)
      .nullable()
      .describe("an access constraint's kind in OCHA's access categories (act access_denial only)"),
    perpetrator: z.string().nullable(),
    target: targetOut,
    self_defense_claim: z.boolean(),
    deaths: z
      .object({
        low: z.number().int(),
        best: z.number().int(),
        high: z.number().int(),
        by_side: z.record(z.string(), z.number()),
      })
      .nullable(),
    sides: z.array(z.string()),
    source: z.string().nullable(),
    source_ref: z.string().nullable(),
    status: z.enum(INCIDENT_STATUSES),
    grade: z.enum(ATTRIBUTION_GRADES).nullable().describe('attribution, on the Airwars scale'),
    ...classified,
    created_at: instantOut,
    updated_at: instantOut,
    report_count: z.number().int().describe('the accounts linked to it that you may see'),
    verdicts: z
      .array(z.object({ agreement: z.string().nullable(), verdict: z.enum(VERDICTS) }))
      .describe('the current finding under each agreement'),
  })
  .meta({ id: 'Incident' });

const findingFields = {
  key: z.string(),
  agreement: z.string().nullable(),
  at: instantOut,
  verdict: z.enum(VERDICTS),
  violators: z.array(z.string()),
  reasons: z.array(z.string()),
  rule: z.number().int().describe('the rule of the table that decided'),
  obligation: z
    .string()
    .nullable()
    .describe('the obligation code of the clause it bears on, when you may see that clause'),
  explanation: z.string().describe('why, in English'),
  statements: z.array(statementSchema).describe('why, as statements'),
  rules_version: z.string(),
  ruling: z
    .object({ id: z.string(), verdict: z.enum(VERDICTS), violators: z.array(z.string()) })
    .nullable()
    .describe("the ruling in force, beside the rules' verdict (which it never overwrites); counts use it"),
};

export const incidentDetailSchema = incidentSummarySchema
  .extend({
    accounts: z
      .array(reportSchema)
      .describe('every linked report you may see, contradictory ones included, in the order received'),
    disputed: z.array(z.enum(DISPUTABLE_FACTS)).describe('the facts on which the accounts contradict one another'),
    convoy_request: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe('the convoy request whose turning back or attack recorded it, if you may see that request'),
    findings: z.array(z.object(findingFields).meta({ id: 'IncidentFinding' })),
    finding_history: z
      .array(
        z
          .object({
            ...findingFields,
            computed_at: instantOut,
            superseded_at: instantOut,
            superseded_by_verdict: z.enum(VERDICTS).nullable().describe('null: the finding no longer applies'),
            cause: z
              .string()
              .nullable()
              .describe('why it was judged again, in English; null when that names a record you may not see'),
            cause_statement: statementSchema,
          })
          .meta({ id: 'IncidentFindingHistoryEntry' }),
      )
      .describe('every finding a recomputation replaced or withdrew, oldest first'),
    rulings: z.array(rulingSchema).describe('every ruling on its findings, newest first'),
  })
  .meta({ id: 'IncidentDetail' });

export const incidentSummaryJson = (i: IncidentView): z.infer<typeof incidentSummarySchema> => ({
  id: i.id,
  occurred_at: formatInstant(i.occurredAt),
  occurred_until: i.occurredUntil ? formatInstant(i.occurredUntil) : null,
  date_precision: i.datePrecision ?? null,
  location: i.location,
  location_precision: i.locationPrecision ?? null,
  place: i.place ?? null,
  where: whereJson(i.location),
  headline: i.headline ?? null,
  act: i.act,
  access_category: i.accessCategory,
  perpetrator: i.perpetrator,
  target: i.target,
  self_defense_claim: i.selfDefenseClaim,
  deaths: i.deaths ? { low: i.deaths.low, best: i.deaths.best, high: i.deaths.high, by_side: i.deaths.bySide } : null,
  sides: i.sides ?? [],
  source: i.source ?? null,
  source_ref: i.sourceRef ?? null,
  status: i.status,
  grade: i.grade,
  classification: i.classification,
  owner_org: i.ownerOrg,
  created_at: formatInstant(i.createdAt),
  updated_at: formatInstant(i.updatedAt),
  report_count: i.reportCount,
  verdicts: i.verdicts,
});

export const incidentDetailJson = (d: IncidentDetail): z.infer<typeof incidentDetailSchema> => ({
  ...incidentSummaryJson(d.incident),
  accounts: d.accounts.map(reportJson),
  disputed: d.disputed,
  convoy_request: d.convoyRequest,
  findings: d.findings.map((f) => ({
    key: f.key,
    agreement: f.agreement,
    at: formatInstant(f.at),
    verdict: f.verdict,
    violators: f.violators,
    reasons: f.reasons,
    rule: f.rule,
    obligation: f.obligation,
    explanation: f.explanation,
    statements: f.statements,
    rules_version: f.rulesVersion,
    ruling: f.ruling ?? null,
  })),
  finding_history: d.findingHistory.map((h) => ({
    key: h.key,
    agreement: h.agreement,
    at: formatInstant(h.at),
    verdict: h.verdict,
    violators: h.violators,
    reasons: h.reasons,
    rule: h.rule,
    obligation: h.obligation,
    explanation: h.explanation,
    statements: h.statements,
    rules_version: h.rulesVersion,
    computed_at: formatInstant(h.computedAt),
    superseded_at: formatInstant(h.supersededAt),
    superseded_by_verdict: h.supersededByVerdict,
    cause: h.cause,
    cause_statement: h.causeStatement,
    ruling: h.ruling ?? null,
  })),
  rulings: d.rulings.map(rulingJson),
});

const count = z.number().int('must be a whole number').min(0, 'must be 0 or more');

const factsIn = {
  occurred_at: instantSchema.optional(),
  occurred_until: instantSchema.nullable().optional().describe('the end of the window it is known to fall in'),
  location: incidentSchema.shape.location.optional(),
  act: z.enum(ACTS).optional(),
  perpetrator: z.string().min(1).max(200).nullable().optional().describe('an actor id'),
  target: targetSchema.optional(),
  self_defense_claim: z.boolean().optional(),
  place: z.string().max(500).nullable().optional(),
  headline: z.string().max(1_000).nullable().optional(),
  access_category: z
    .enum(ACCESS_CATEGORIES)
    .nullable()
    .optional()
    .describe("an access constraint's kind in OCHA's access categories, for act access_denial; another act drops it"),
  deaths: z
    .object({ low: count, best: count, high: count })
    .superRefine((d, zctx) => {
      if (d.low > d.best) zctx.addIssue({ code: 'custom', path: ['low'], message: 'must not be more than best' });
      if (d.best > d.high) zctx.addIssue({ code: 'custom', path: ['high'], message: 'must not be less than best' });
    })
    .nullable()
    .optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  grade: z.enum(ATTRIBUTION_GRADES).nullable().optional().describe('attribution, on the Airwars scale'),
  classification: z.enum(CLASSIFICATIONS).optional(),
};

export const createBody = z
  .object({
    report_ids: z
      .array(z.string().min(1).max(200))
      .max(100)
      .default([])
      .describe('reports you may see, not yet linked; missing facts are taken from the first'),
    ...factsIn,
  })
  .meta({
    description:
      'Without reports, occurred_at, location and act are required. Classification defaults to the most restricted of the reports\' ("org" without reports).',
  });

export const patchBody = z
  .object(factsIn)
  .meta({ description: 'Only the fields given change; a change to a fact the rules read judges the incident again.' });

const toFacts = (b: z.infer<typeof patchBody>): IncidentFacts => ({
  occurredAt: b.occurred_at === undefined ? undefined : parseInstant(b.occurred_at)!,
  occurredUntil:
    b.occurred_until === undefined || b.occurred_until === null ? b.occurred_until : parseInstant(b.occurred_until)!,
  location: b.location,
  act: b.act,
  perpetrator: b.perpetrator,
  target: b.target,
  selfDefenseClaim: b.self_defense_claim,
  place: b.place,
  headline: b.headline,
  deaths: b.deaths,
  accessCategory: b.access_category,
});

export const toNewIncident = (b: z.infer<typeof createBody>): NewIncident => ({
  reportIds: b.report_ids,
  ...toFacts(b),
  status: b.status,
  grade: b.grade,
  classification: b.classification,
});

export const toIncidentPatch = (b: z.infer<typeof patchBody>): IncidentPatch => ({
  ...toFacts(b),
  status: b.status,
  grade: b.grade,
  classification: b.classification,
});

export const filterQuery = z.object({
  from: instantQuery.describe('occurred at or after this instant'),
  to: instantQuery.describe('occurred before this instant'),
  bbox: bboxQuery.describe('minLon,minLat,maxLon,maxLat'),
  admin: adminQuery,
  actor: z.string().min(1).max(200).optional().describe('as perpetrator or target'),
  act: z.enum(ACTS).optional(),
  verdict: z.enum(VERDICTS).optional().describe('has a current finding with this verdict'),
  status: z.enum(INCIDENT_STATUSES).optional(),
  grade: z.enum(ATTRIBUTION_GRADES).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  q: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('text in its place, headline, or the narrative of an account you may see'),
});

export const toFilter = (q: z.infer<typeof filterQuery>): IncidentFilter => ({
  from: toInstant(q.from),
  to: toInstant(q.to),
  bbox: toBBox(q.bbox),
  area: q.admin === undefined ? undefined : adminAreaOf(q.admin),
  actor: q.actor,
  act: q.act,
  verdict: q.verdict,
  status: q.status,
  grade: q.grade,
  classification: q.classification,
  q: q.q,
});

/** The cursor of a sort: deaths, or the time it occurred, then the id. */
export const incidentPage = (query: { limit: number; cursor?: string | undefined }, sort: IncidentSort): PageRequest =>
  pageRequest(query, [sort.endsWith('deaths') ? 'count' : 'instant', 'text']);

export const exportQuery = filterQuery.extend({
  format: z
    .enum(EXPORT_FORMATS)
    .describe(
      "geojson: a GeoJSON FeatureCollection (RFC 7946); ndjson: one GeoJSON Feature a line; hxl: CSV with an HXL hashtag row; acled: CSV with ACLED's columns and event types; bundle: a truce-scenario/1 bundle of the world you may see with these incidents",
    ),
  sort: z.enum(INCIDENT_SORTS).default('-occurred_at'),
  lang: z
    .enum(['en', 'ar'])
    .optional()
    .describe("the language of names and headings (HXL CSV); by default the request's Accept-Language"),
});

export const linkParams = z.object({ id: idParams.shape.id, reportId: idParams.shape.id });

export const listQuery = pageQuery
  .extend(filterQuery.shape)
  .extend({ sort: z.enum(INCIDENT_SORTS).default('-occurred_at') });
export const findingHistoryOut = z.object({ items: incidentDetailSchema.shape.finding_history });
export const linkBody = z.object({ report_id: idParams.shape.id });
export const mergeBody = z.object({
  from: idParams.shape.id.describe('the incident to merge into this one (and remove)'),
});

/**
 * The incidents a report may be an account of (GET /reports/{id}/suggestions): here rather than in
 * reports.schemas.ts, which this file imports. The route names it `Suggestions` when it is
 * registered: the OpenAPI components come in the order their names are given, so naming it here,
 * on import, would reorder web/src/api/openapi.json.
 */
export const suggestionsQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(10),
});
export const suggestionsOut = z.object({
  items: z.array(
    z.object({
      incident: incidentSummarySchema,
      score: z.number().describe('0..1: 0.4 time + 0.4 place + 0.2 act'),
      time_gap_s: z.number().describe('between the claimed windows; 0 when they overlap'),
      distance_m: z.number(),
      beyond_precision_m: z.number().describe('the distance less both precisions'),
      act: z.enum(['same', 'related', 'unspecified']),
    }),
  ),
});
export const suggestionJson = ({ incident, match }: Suggestion) => ({
  incident: incidentSummaryJson(incident),
  score: match.score,
  time_gap_s: Math.round(match.timeGapMs / 1000),
  distance_m: match.distanceM,
  beyond_precision_m: match.beyondPrecisionM,
  act: match.act,
});
