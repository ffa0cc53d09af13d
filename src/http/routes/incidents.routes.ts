/**
 * Incidents: creating one from reports or facts, listing and counting them, reading one with
 * every account and its findings, changing it (findings judged again), linking and unlinking
 * reports by hand.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { createIncident } from '../../app/incidents/create-incident.ts';
import { exportIncidents } from '../../app/exports/export-incidents.ts';
import { getIncident } from '../../app/incidents/get-incident.ts';
import { linkReport, splitReport, unlinkReport } from '../../app/incidents/link-report.ts';
import { mergeIncidents } from '../../app/incidents/merge-incidents.ts';
import { countIncidents, listIncidents } from '../../app/incidents/list-incidents.ts';
import { updateIncident } from '../../app/incidents/update-incident.ts';
import { sendKeptRead } from '../kept-read.ts';
import { countOut, errorResponses, idParams, pageOf, pageResponse } from '../schemas.ts';
import {
  createBody,
  exportQuery,
  filterQuery,
  findingHistoryOut,
  incidentDetailJson,
  incidentDetailSchema,
  incidentPage,
  incidentSummaryJson,
  incidentSummarySchema,
  linkBody,
  mergeBody,
  linkParams,
  listQuery,
  patchBody,
  toFilter,
  toIncidentPatch,
  toNewIncident,
} from './incidents.schemas.ts';

export const incidentsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Strangers get 401 before anything else is looked at, even a malformed request.
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.post(
    '/incidents',
    {
      schema: {
        operationId: 'createIncident',
        tags: ['incidents'],
        summary: 'Create an incident from reports, from facts, or both (analysts)',
        body: createBody,
        response: { 201: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const detail = await createIncident(ctx, request.caller, toNewIncident(request.body));
      return reply
        .status(201)
        .header('location', `/api/v1/incidents/${encodeURIComponent(detail.incident.id)}`)
        .send(incidentDetailJson(detail));
    },
  );

  app.get(
    '/incidents',
    {
      schema: {
        operationId: 'listIncidents',
        tags: ['incidents'],
        summary: 'Incidents you may see, filtered and sorted, a page at a time',
        querystring: listQuery,
        response: { 200: pageOf(incidentSummarySchema), ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      return sendKeptRead(ctx, request, reply, async (caller) =>
        pageResponse(
          await listIncidents(ctx, caller, toFilter(q), q.sort, incidentPage(q, q.sort)),
          incidentSummaryJson,
        ),
      );
    },
  );

  app.get(
    '/incidents/count',
    {
      schema: {
        operationId: 'countIncidents',
        tags: ['incidents'],
        summary: 'How many incidents you may see match the filters',
        querystring: filterQuery,
        response: { 200: countOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendKeptRead(ctx, request, reply, async (caller) => countIncidents(ctx, caller, toFilter(request.query))),
  );

  app.get(
    '/incidents/export',
    {
      schema: {
        operationId: 'exportIncidents',
        tags: ['incidents'],
        summary:
          'The incidents you may see that match the filters, in the sort given, as a file: GeoJSON, newline-delimited GeoJSON, HXL CSV, ACLED-style CSV or a scenario bundle (streamed)',
        querystring: exportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const lang = q.lang ?? (/^ar\b/i.test(request.headers['accept-language'] ?? '') ? 'ar' : 'en');
      const file = await exportIncidents(ctx, request.caller, {
        format: q.format,
        filter: toFilter(q),
        sort: q.sort,
        lang,
      });
      return (
        reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          // A stream is piped as it is, never serialized (its type is not the response schema's).
          .send(Readable.from(file.chunks, { objectMode: false, highWaterMark: 64 * 1024 }) as never)
      );
    },
  );

  app.get(
    '/incidents/:id',
    {
      schema: {
        operationId: 'getIncident',
        tags: ['incidents'],
        summary: 'An incident with every account you may see, its findings and their history',
        params: idParams,
        response: { 200: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request) => incidentDetailJson(await getIncident(ctx, request.caller, request.params.id)),
  );

  app.get(
    '/incidents/:id/findings/history',
    {
      schema: {
        operationId: 'getIncidentFindingHistory',
        tags: ['incidents'],
        summary: 'Every finding of an incident that was replaced or withdrawn, oldest first',
        params: idParams,
        response: { 200: findingHistoryOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: incidentDetailJson(await getIncident(ctx, request.caller, request.params.id)).finding_history,
    }),
  );

  app.patch(
    '/incidents/:id',
    {
      schema: {
        operationId: 'updateIncident',
        tags: ['incidents'],
        summary: "Change an incident's facts, status, grade or classification (analysts)",
        params: idParams,
        body: patchBody,
        response: { 200: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      incidentDetailJson(await updateIncident(ctx, request.caller, request.params.id, toIncidentPatch(request.body))),
  );

  app.post(
    '/incidents/:id/reports',
    {
      schema: {
        operationId: 'linkIncidentReport',
        tags: ['incidents'],
        summary: 'Link a report to the incident as one of its accounts (analysts)',
        params: idParams,
        body: linkBody,
        response: { 200: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      incidentDetailJson(await linkReport(ctx, request.caller, request.params.id, request.body.report_id)),
  );

  app.post(
    '/incidents/:id/merge',
    {
      schema: {
        operationId: 'mergeIncidents',
        tags: ['incidents'],
        summary:
          'Merge another incident into this one (incident:manage): its accounts move here, it is removed, its findings withdrawn into history, the trail keeps it whole',
        params: idParams,
        body: mergeBody,
        response: { 200: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      incidentDetailJson(await mergeIncidents(ctx, request.caller, request.params.id, request.body.from)),
  );

  app.post(
    '/incidents/:id/reports/:reportId/split',
    {
      schema: {
        operationId: 'splitReport',
        tags: ['incidents'],
        summary:
          'Split an account out of the incident into a new incident of its own, made from its facts and judged at once (incident:manage)',
        params: linkParams,
        response: { 201: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(incidentDetailJson(await splitReport(ctx, request.caller, request.params.id, request.params.reportId))),
  );

  app.delete(
    '/incidents/:id/reports/:reportId',
    {
      schema: {
        operationId: 'unlinkIncidentReport',
        tags: ['incidents'],
        summary: 'Unlink a report from the incident (analysts)',
        params: linkParams,
        response: { 200: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      incidentDetailJson(await unlinkReport(ctx, request.caller, request.params.id, request.params.reportId)),
  );
};
