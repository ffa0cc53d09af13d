/**
 * Reports: filing one (with attachments), listing and counting them, reading one, downloading
 * an attachment, the incidents a report may be an account of, and the analysts' triage and
 * evaluation of it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { fileReport } from '../../app/reports/file-report.ts';
import { getAttachment } from '../../app/reports/get-attachment.ts';
import { getReport } from '../../app/reports/get-report.ts';
import { countReports, listReports } from '../../app/reports/list-reports.ts';
import { evaluateReport } from '../../app/reports/evaluate-report.ts';
import { suggestIncidents } from '../../app/reports/suggest-incidents.ts';
import { triageReport } from '../../app/reports/triage-report.ts';
import { countOut, errorResponses, idParams, pageOf, pageRequest, pageResponse } from '../schemas.ts';
import { suggestionJson, suggestionsOut, suggestionsQuery } from './incidents.schemas.ts';
import {
  attachmentBytesOut,
  attachmentParams,
  filterQuery,
  evaluationBody,
  listReportsQuery,
  notModified,
  reportBody,
  reportJson,
  reportSchema,
  toFilter,
  toEvaluationInput,
  toReportInput,
  toTriageInput,
  triageBody,
} from './reports.schemas.ts';

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
      const report = await fileReport(
        ctx,
        request.caller,
        toReportInput(request.body),
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
        querystring: listReportsQuery,
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
        response: { 200: countOut, ...errorResponses },
      },
    },
    async (request) => countReports(ctx, request.caller, toFilter(request.query)),
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
        response: { 200: attachmentBytesOut, 304: notModified, ...errorResponses },
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

  app.put(
    '/reports/:id/triage',
    {
      schema: {
        operationId: 'triageReport',
        tags: ['reports'],
        summary:
          'Set a report aside without an incident (discarded with a reason, or a duplicate of another report), or put it back in the inbox; analysts',
        params: idParams,
        body: triageBody,
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request) =>
      reportJson(await triageReport(ctx, request.caller, request.params.id, toTriageInput(request.body))),
  );

  app.put(
    '/reports/:id/evaluation',
    {
      schema: {
        operationId: 'evaluateReport',
        tags: ['reports'],
        summary:
          "Name a report's source and grade it on the NATO/Admiralty scale (source reliability A-F, information credibility 1-6); analysts",
        params: idParams,
        body: evaluationBody,
        response: { 200: reportSchema, ...errorResponses },
      },
    },
    async (request) =>
      reportJson(await evaluateReport(ctx, request.caller, request.params.id, toEvaluationInput(request.body))),
  );

  app.get(
    '/reports/:id/suggestions',
    {
      schema: {
        operationId: 'suggestIncidents',
        tags: ['reports'],
        summary: 'Incidents this report may be an account of: they agree on time, place and act; best first',
        params: idParams,
        querystring: suggestionsQuery,
        response: { 200: suggestionsOut.meta({ id: 'Suggestions' }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await suggestIncidents(ctx, request.caller, request.params.id, request.query.limit)).map(suggestionJson),
    }),
  );
};
