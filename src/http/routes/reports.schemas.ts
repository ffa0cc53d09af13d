/** How reports look in responses (shared by the report and incident routes), and what requests about them hold. */
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { REPORT_SORTS, type ReportFilter } from '../../contract/lists.ts';
import { z } from 'zod';
import type { ReportInput } from '../../app/reports/file-report.ts';
import type { ReportRecord } from '../../app/reports/get-report.ts';
import { ACTS, CIVILIAN_TARGETS } from '../../domain/model.ts';
import {
  INFO_CREDIBILITIES,
  type InfoCredibility,
  REPORT_CHANNELS,
  SOURCE_RELIABILITIES,
  type SourceReliability,
  TRIAGE_STATES,
} from '../../domain/assessment.ts';
import type { EvaluationInput } from '../../app/reports/evaluate-report.ts';
import type { TriageInput } from '../../app/reports/triage-report.ts';
import { formatInstant, parseInstant } from '../../domain/time.ts';
import { incidentSchema, instantSchema, targetSchema } from '../../scenario/bundle.schema.ts';
import {
  adminAreaOf,
  adminQuery,
  bboxQuery,
  booleanQuery,
  classified,
  idParams,
  fileNameIn,
  instantOut,
  instantQuery,
  pageQuery,
  toBBox,
  toBoolean,
  toInstant,
  whereJson,
  whereOut,
} from '../schemas.ts';

export const targetOut = z.union([
  z.object({ civilian: z.enum(CIVILIAN_TARGETS) }),
  z.object({ actor: z.string() }),
  z.null(),
]);
const attachmentOut = z
  .object({
    id: z.string(),
    filename: z.string(),
    media_type: z.string(),
    size_bytes: z.number().int(),
    sha256: z.string(),
    url: z.string(),
  })
  .meta({ id: 'Attachment' });

export const reportSchema = z
  .object({
    id: z.string(),
    incident_id: z.string().nullable().describe('the incident it is an account of, when you may see that incident'),
    org: z.string(),
    channel: z.enum(['web', 'api', 'hotline', 'import']),
    received_at: instantOut,
    claimed_at: instantOut,
    time_precision_s: z.number().int(),
    location: z.object({ lon: z.number(), lat: z.number() }),
    location_precision_m: z.number().int(),
    where: whereOut,
    narrative: z.string(),
    alleged_perpetrator: z.string().nullable(),
    target: targetOut,
    act: z.enum(ACTS),
    casualties: z
      .object({
        low: z.number().int().nullable(),
        best: z.number().int().nullable(),
        high: z.number().int().nullable(),
      })
      .nullable(),
    ...classified,
    attachments: z.array(attachmentOut),
    source: z.string().nullable().describe('the person or outlet the account comes from'),
    evaluation: z
      .object({
        reliability: z
          .enum(SOURCE_RELIABILITIES)
          .nullable()
          .describe('source reliability: A reliable ... E unreliable, F cannot be judged'),
        credibility: z
          .union(INFO_CREDIBILITIES.map((n) => z.literal(n)))
          .nullable()
          .describe('information credibility: 1 confirmed ... 5 improbable, 6 cannot be judged'),
        at: instantOut,
      })
      .nullable()
      .describe("an analyst's NATO/Admiralty evaluation"),
    triage: z
      .object({
        state: z.enum(TRIAGE_STATES),
        reason: z.string().nullable(),
        duplicate_of: z.string().nullable().describe('the original, when you may see it'),
        at: instantOut,
      })
      .nullable()
      .describe('set aside by an analyst without an incident: discarded, or a duplicate of another report'),
  })
  .meta({ id: 'Report' });

const attachmentUrl = (reportId: string, attachmentId: string) =>
  `/api/v1/reports/${encodeURIComponent(reportId)}/attachments/${encodeURIComponent(attachmentId)}`;

export const reportJson = (r: ReportRecord): z.infer<typeof reportSchema> => ({
  id: r.id,
  incident_id: r.incidentId,
  org: r.orgId,
  channel: r.channel,
  received_at: formatInstant(r.receivedAt),
  claimed_at: formatInstant(r.claimedAt),
  time_precision_s: r.timePrecisionS,
  location: r.location,
  location_precision_m: r.locationPrecisionM,
  where: whereJson(r.location),
  narrative: r.narrative,
  alleged_perpetrator: r.allegedPerpetrator,
  target: r.target,
  act: r.act,
  casualties: r.casualties,
  classification: r.classification,
  owner_org: r.ownerOrg,
  attachments: r.attachments.map((a) => ({
    id: a.id,
    filename: a.filename,
    media_type: a.mediaType,
    size_bytes: a.sizeBytes,
    sha256: a.sha256,
    url: attachmentUrl(r.id, a.id),
  })),
  source: r.source,
  evaluation: r.evaluation && {
    reliability: r.evaluation.reliability,
    credibility: r.evaluation.credibility,
    at: formatInstant(r.evaluation.at),
  },
  triage: r.triage && {
    state: r.triage.state,
    reason: r.triage.reason,
    duplicate_of: r.triage.duplicateOf,
    at: formatInstant(r.triage.at),
  },
});

const sourceIn = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
  .nullable()
  .default(null)
  .describe("the person or outlet the account comes from; kept under the report's classification");

const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(1_000_000, 'must be at most 1000000');
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const casualtiesIn = z
  .object({
    low: count.nullable().default(null),
    best: count.nullable().default(null),
    high: count.nullable().default(null),
  })
  .superRefine((c, zctx) => {
    if (c.low !== null && c.best !== null && c.low > c.best)
      zctx.addIssue({ code: 'custom', path: ['low'], message: 'must not be more than best' });
    if (c.best !== null && c.high !== null && c.best > c.high)
      zctx.addIssue({ code: 'custom', path: ['high'], message: 'must not be less than best' });
    if (c.low !== null && c.high !== null && c.low > c.high)
      zctx.addIssue({ code: 'custom', path: ['low'], message: 'must not be more than high' });
  });

const attachmentIn = z.object({
  filename: fileNameIn,
  media_type: z
    .string()
    .max(127)
    .regex(/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$/, 'must be a media type such as image/jpeg'),
  content_base64: z
    .string()
    .min(1, 'must not be empty')
    .regex(BASE64, 'must be standard base64 (A-Z a-z 0-9 + /, padded with =)'),
});

export const reportBody = z.object({
  channel: z
    .enum(['web', 'api', 'hotline'])
    .optional()
    .describe('set by how you connect (web for a session, api for a token); analysts may record "hotline" calls'),
  claimed_at: instantSchema.describe('when the event happened, as the source says'),
  time_precision_s: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(31_622_400, 'must be at most a year')
    .default(0)
    .describe('plus or minus, in seconds'),
  location: incidentSchema.shape.location,
  location_precision_m: z
    .number()
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1_000_000, 'must be at most 1000 km')
    .default(0)
    .describe('the radius the place may be off by, in metres'),
  narrative: z.string().max(20_000).default(''),
  source: sourceIn,
  alleged_perpetrator: z.string().min(1).max(200).nullable().default(null).describe('an actor id'),
  target: targetSchema.default(null),
  act: z.enum(ACTS),
  casualties: casualtiesIn.nullable().default(null).describe('people killed: low <= best <= high'),
  classification: z.enum(CLASSIFICATIONS).default('org').describe('who may see it; "org" is your organization only'),
  attachments: z.array(attachmentIn).max(20, 'at most 20 attachments').default([]),
  incident_id: z.string().min(1).max(200).nullable().default(null).describe('an incident this is an account of'),
});

export const toReportInput = (b: z.infer<typeof reportBody>): ReportInput => ({
  channel: b.channel,
  claimedAt: parseInstant(b.claimed_at)!,
  timePrecisionS: b.time_precision_s,
  location: b.location,
  locationPrecisionM: b.location_precision_m,
  narrative: b.narrative,
  source: b.source,
  allegedPerpetrator: b.alleged_perpetrator,
  target: b.target,
  act: b.act,
  casualties: b.casualties,
  classification: b.classification,
  incidentId: b.incident_id,
  attachments: b.attachments.map((a) => ({
    filename: a.filename,
    mediaType: a.media_type,
    contentBase64: a.content_base64,
  })),
});

export const filterQuery = z.object({
  from: instantQuery.describe('claimed at or after this instant'),
  to: instantQuery.describe('claimed before this instant'),
  bbox: bboxQuery.describe('minLon,minLat,maxLon,maxLat'),
  admin: adminQuery,
  act: z.enum(ACTS).optional(),
  channel: z.enum(REPORT_CHANNELS).optional(),
  actor: z.string().min(1).max(200).optional().describe('named as alleged perpetrator or as target'),
  org: z.string().min(1).max(200).optional().describe('filed by this organization'),
  q: z.string().min(1).max(200).optional().describe('text in the narrative or the source'),
  linked: booleanQuery.describe('true: an account of an incident you may see; false: not'),
  triage: z
    .enum(['none', ...TRIAGE_STATES])
    .optional()
    .describe('none: not set aside (with linked=false, the inbox); discarded; duplicate'),
  reliability: commaList(SOURCE_RELIABILITIES).describe('source reliabilities, comma-separated: A,B'),
  credibility: commaList(INFO_CREDIBILITIES.map(String)).describe('information credibilities, comma-separated: 1,2'),
  incident_id: z.string().min(1).max(200).optional().describe('accounts of this incident'),
});

export const toFilter = (q: z.infer<typeof filterQuery>): ReportFilter => ({
  from: toInstant(q.from),
  to: toInstant(q.to),
  bbox: toBBox(q.bbox),
  area: q.admin === undefined ? undefined : adminAreaOf(q.admin),
  act: q.act,
  channel: q.channel,
  actor: q.actor,
  org: q.org,
  q: q.q,
  linked: toBoolean(q.linked),
  triage: q.triage,
  reliability: q.reliability?.split(',') as SourceReliability[] | undefined,
  credibility: q.credibility?.split(',').map((n) => Number(n) as InfoCredibility),
  incidentId: q.incident_id,
});

/** A comma-separated list of values, each one of `values` (split by `toFilter`). */
function commaList(values: readonly string[]) {
  return z
    .string()
    .regex(
      new RegExp(`^(${values.join('|')})(,(${values.join('|')}))*$`),
      `must be one or more of ${values.join(', ')}, comma-separated`,
    )
    .optional();
}

export const triageBody = z
  .object({
    state: z
      .enum(['inbox', ...TRIAGE_STATES])
      .describe('discarded (give the reason), duplicate (name the original), or inbox to put it back'),
    reason: z.string().trim().min(1, 'must not be empty').max(2_000).nullable().default(null),
    duplicate_of: z.string().min(1).max(200).nullable().default(null).describe('the original report, for a duplicate'),
  })
  .superRefine((b, zctx) => {
    if (b.state === 'discarded' && b.reason === null)
      zctx.addIssue({ code: 'custom', path: ['reason'], message: 'is required to discard a report' });
    if (b.state === 'duplicate' && b.duplicate_of === null)
      zctx.addIssue({ code: 'custom', path: ['duplicate_of'], message: 'is required to mark a duplicate' });
    if (b.state !== 'duplicate' && b.duplicate_of !== null)
      zctx.addIssue({ code: 'custom', path: ['duplicate_of'], message: 'is only for a duplicate' });
  });

export const toTriageInput = (b: z.infer<typeof triageBody>): TriageInput => ({
  state: b.state,
  reason: b.state === 'inbox' ? null : b.reason,
  duplicateOf: b.duplicate_of,
});

export const evaluationBody = z.object({
  source: sourceIn,
  reliability: z.enum(SOURCE_RELIABILITIES).nullable().default(null),
  credibility: z
    .union(INFO_CREDIBILITIES.map((n) => z.literal(n)))
    .nullable()
    .default(null),
});

export const toEvaluationInput = (b: z.infer<typeof evaluationBody>): EvaluationInput => ({
  source: b.source,
  reliability: b.reliability,
  credibility: b.credibility,
});

export const attachmentParams = z.object({ id: idParams.shape.id, attachmentId: idParams.shape.id });

export const listReportsQuery = pageQuery
  .extend(filterQuery.shape)
  .extend({ sort: z.enum(REPORT_SORTS).default('-received_at') });

export const attachmentBytesOut = z.string().meta({
  description: 'the bytes',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
});
export const notModified = z.null().describe('not modified (If-None-Match)');
