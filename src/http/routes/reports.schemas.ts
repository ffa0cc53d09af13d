/** How reports look in responses (shared by the report and incident routes), and what requests about them hold. */
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { REPORT_SORTS, type ReportFilter } from '../../contract/lists.ts';
import { z } from 'zod';
import type { ReportInput } from '../../app/reports/file-report.ts';
import type { ReportRecord } from '../../app/reports/get-report.ts';
import { ACTS, CIVILIAN_TARGETS } from '../../domain/model.ts';
import { formatInstant, parseInstant } from '../../domain/time.ts';
import { incidentSchema, instantSchema, targetSchema } from '../../scenario/bundle.schema.ts';
import {
  bboxQuery,
  booleanQuery,
  classified,
  idParams,
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
});

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
  filename: z
    .string()
    .min(1, 'must not be empty')
    .max(255)
    .regex(/^[^/\\\p{Cc}]+$/u, 'must be a plain file name (no / \\ or control characters)'),
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
  act: z.enum(ACTS).optional(),
  actor: z.string().min(1).max(200).optional().describe('named as alleged perpetrator or as target'),
  org: z.string().min(1).max(200).optional().describe('filed by this organization'),
  q: z.string().min(1).max(200).optional().describe('text in the narrative'),
  linked: booleanQuery.describe('true: an account of an incident you may see; false: not'),
  incident_id: z.string().min(1).max(200).optional().describe('accounts of this incident'),
});

export const toFilter = (q: z.infer<typeof filterQuery>): ReportFilter => ({
  from: toInstant(q.from),
  to: toInstant(q.to),
  bbox: toBBox(q.bbox),
  act: q.act,
  actor: q.actor,
  org: q.org,
  q: q.q,
  linked: toBoolean(q.linked),
  incidentId: q.incident_id,
});

export const attachmentParams = z.object({ id: idParams.shape.id, attachmentId: idParams.shape.id });

export const listQuery = pageQuery
  .extend(filterQuery.shape)
  .extend({ sort: z.enum(REPORT_SORTS).default('-received_at') });

export const attachmentBytesOut = z.string().meta({
  description: 'the bytes',
  content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
});
export const notModified = z.null().describe('not modified (If-None-Match)');
