/** How incidents look in responses: in lists, and in full with their accounts and findings. */
import { z } from 'zod';
import type { IncidentDetail, IncidentView } from '../../app/incidents/get-incident.ts';
import { ATTRIBUTION_GRADES, DISPUTABLE_FACTS, INCIDENT_STATUSES } from '../../domain/assessment.ts';
import { VERDICTS } from '../../domain/findings.ts';
import { ACTS } from '../../domain/model.ts';
import { formatInstant } from '../../domain/time.ts';
import { reportJson, reportSchema, targetOut } from './report-schemas.ts';
import { statementSchema } from '../statement-schemas.ts';
import { classified, instantOut, whereJson, whereOut } from './world-schemas.ts';

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
};

export const incidentDetailSchema = incidentSummarySchema
  .extend({
    accounts: z
      .array(reportSchema)
      .describe('every linked report you may see, contradictory ones included, in the order received'),
    disputed: z.array(z.enum(DISPUTABLE_FACTS)).describe('the facts on which the accounts contradict one another'),
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
  })),
});
