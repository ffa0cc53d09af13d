/**
 * Reports: filing one (with attachments), listing and counting them, reading one, downloading
 * an attachment, and the incidents a report may be an account of.
 */
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { REPORT_SORTS, type ReportFilter } from '../../contract/lists.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { fileReport } from '../../app/reports/file-report.ts';
import { getAttachment } from '../../app/reports/get-attachment.ts';
import { getReport } from '../../app/reports/get-report.ts';
import { countReports, listReports } from '../../app/reports/list-reports.ts';
import { suggestIncidents } from '../../app/reports/suggest-incidents.ts';
import { ACTS } from '../../domain/model.ts';
import { parseInstant } from '../../domain/time.ts';
import { incidentSchema, instantSchema, targetSchema } from '../../scenario/bundle.schema.ts';
import { errorResponses, idParams, pageOf, pageQuery } from '../schemas.ts';
import { incidentSummaryJson, incidentSummarySchema } from './incident-schemas.ts';
import { reportJson, reportSchema } from './report-schemas.ts';
import {
  bboxQuery,
  booleanQuery,
  instantQuery,
  pageRequest,
  pageResponse,
  toBBox,
  toBoolean,
  toInstant,
} from './world-schemas.ts';

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

const filterQuery = z.object({
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

const toFilter = (q: z.infer<typeof filterQuery>): ReportFilter => ({
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

const attachmentParams = z.object({ id: idParams.shape.id, attachmentId: idParams.shape.id });

export const reportsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Strangers get 401 before anything else is looked at, even a malformed request.
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.post(
    '/reports',
    {
      schema: {
        operationId: 'fileReport',
        tags: ['reports'],
        summary: "File a report: one source's account, owned by your organization, with attachments",
        body: reportBody,
        response: { 201: reportSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const report = await fileReport(
        ctx,
        request.caller,
        {
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
        },
        /^Bearer /i.test(request.headers.authorization ?? '') ? 'token' : 'session',
      );
      return reply
        .status(201)
        .header('location', `/api/v1/reports/${encodeURIComponent(report.id)}`)
        .send(reportJson(report));
    },
  );

  app.get(
    '/reports',
    {
      schema: {
        operationId: 'listReports',
        tags: ['reports'],
        summary: 'Reports you may see, filtered and sorted, a page at a time',
        querystring: pageQuery.extend(filterQuery.shape).extend({ sort: z.enum(REPORT_SORTS).default('-received_at') }),
        response: { 200: pageOf(reportSchema), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return pageResponse(
        await listReports(ctx, request.caller, toFilter(q), q.sort, pageRequest(q, ['instant', 'text'])),
        reportJson,
      );
    },
  );

  app.get(
    '/reports/count',
    {
      schema: {
        operationId: 'countReports',
        tags: ['reports'],
        summary: 'How many reports you may see match the filters',
        querystring: filterQuery,
        response: { 200: z.object({ count: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => ({ count: await countReports(ctx, request.caller, toFilter(request.query)) }),
  );

  app.get(
    '/reports/:id',
    {
      schema: {
        operationId: 'getReport',
        tags: ['reports'],
        summary: 'A report',
        params: idParams,
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request) => reportJson(await getReport(ctx, request.caller, request.params.id)),
  );

  app.get(
    '/reports/:id/attachments/:attachmentId',
    {
      schema: {
        operationId: 'getReportAttachment',
        tags: ['reports'],
        summary: "An attachment's bytes, with its media type; ETag and Digest carry its SHA-256",
        params: attachmentParams,
        response: {
          200: z.string().meta({
            description: 'the bytes',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          }),
          304: z.null().describe('not modified (If-None-Match)'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const a = await getAttachment(ctx, request.caller, request.params.id, request.params.attachmentId);
      const etag = `"sha256-${a.sha256}"`;
      const digest = Buffer.from(a.sha256, 'hex').toString('base64');
      void reply.headers({
        etag,
        digest: `SHA-256=${digest}`,
        'repr-digest': `sha-256=:${digest}:`,
        'cache-control': 'no-store', // classified bytes: no copy on the reader's disk
        // Never rendered in our origin: downloaded, and sandboxed should a browser open it anyway.
        'content-disposition': `attachment; filename="${a.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        'content-security-policy': "sandbox; default-src 'none'",
      });
      if (request.headers['if-none-match']?.split(',').some((t) => t.trim() === etag))
        return reply.status(304).send(null);
      // The schema documents bytes as a binary string; Fastify sends a Buffer as it is.
      return reply.type(a.mediaType).send(a.content as unknown as string);
    },
  );

  app.get(
    '/reports/:id/suggestions',
    {
      schema: {
        operationId: 'suggestIncidents',
        tags: ['reports'],
        summary: 'Incidents this report may be an account of: they agree on time, place and act; best first',
        params: idParams,
        querystring: z.object({
          limit: z.coerce
            .number()
            .int()
            .min(1, 'must be between 1 and 100')
            .max(100, 'must be between 1 and 100')
            .default(10),
        }),
        response: {
          200: z
            .object({
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
            })
            .meta({ id: 'Suggestions' }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({
      items: (await suggestIncidents(ctx, request.caller, request.params.id, request.query.limit)).map(
        ({ incident, match }) => ({
          incident: incidentSummaryJson(incident),
          score: match.score,
          time_gap_s: Math.round(match.timeGapMs / 1000),
          distance_m: match.distanceM,
          beyond_precision_m: match.beyondPrecisionM,
          act: match.act,
        }),
      ),
    }),
  );
};
