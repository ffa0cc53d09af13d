/**
 * Incidents: creating one from reports or facts, listing and counting them, reading one with
 * every account and its findings, changing it (findings judged again), linking and unlinking
 * reports by hand.
 */
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { INCIDENT_SORTS, type IncidentFilter, type IncidentSort } from '../../contract/lists.ts';
import type { PageRequest } from '../../contract/paging.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { createIncident, type IncidentFacts } from '../../app/incidents/create-incident.ts';
import { getIncident } from '../../app/incidents/get-incident.ts';
import { linkReport, unlinkReport } from '../../app/incidents/link-report.ts';
import { countIncidents, listIncidents } from '../../app/incidents/list-incidents.ts';
import { updateIncident } from '../../app/incidents/update-incident.ts';
import { adminAreaByPcode } from '../../app/map/admin-areas.ts';
import { ATTRIBUTION_GRADES, INCIDENT_STATUSES } from '../../domain/assessment.ts';
import { VERDICTS } from '../../domain/findings.ts';
import type { Area } from '../../domain/geo.ts';
import { ACTS } from '../../domain/model.ts';
import { parseInstant } from '../../domain/time.ts';
import { incidentSchema, instantSchema, targetSchema } from '../../scenario/bundle.schema.ts';
import { errorResponses, idParams, pageOf, pageQuery } from '../schemas.ts';
import {
  incidentDetailJson,
  incidentDetailSchema,
  incidentSummaryJson,
  incidentSummarySchema,
} from './incident-schemas.ts';
import { sendKeptRead } from '../kept-read.ts';
import { bboxQuery, instantQuery, pageRequest, pageResponse, toBBox, toInstant } from './world-schemas.ts';

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

const createBody = z
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

const patchBody = z
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
});

const filterQuery = z.object({
  from: instantQuery.describe('occurred at or after this instant'),
  to: instantQuery.describe('occurred before this instant'),
  bbox: bboxQuery.describe('minLon,minLat,maxLon,maxLat'),
  admin: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .describe('inside this governorate or district (OCHA admin 1 or 2 pcode, such as SY02 or SY0200)'),
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

const toFilter = (q: z.infer<typeof filterQuery>): IncidentFilter => ({
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

function adminAreaOf(pcode: string): Area {
  const found = adminAreaByPcode(pcode);
  if (!found)
    throw new AppError(
      'VALIDATION',
      `querystring.admin: no governorate or district has the pcode "${pcode}"`,
      'querystring.admin',
    );
  return found.area;
}

/** The cursor of a sort: deaths, or the time it occurred, then the id. */
const incidentPage = (query: { limit: number; cursor?: string | undefined }, sort: IncidentSort): PageRequest =>
  pageRequest(query, [sort.endsWith('deaths') ? 'count' : 'instant', 'text']);

const linkParams = z.object({ id: idParams.shape.id, reportId: idParams.shape.id });

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
      const b = request.body;
      const detail = await createIncident(ctx, request.caller, {
        reportIds: b.report_ids,
        ...toFacts(b),
        status: b.status,
        grade: b.grade,
        classification: b.classification,
      });
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
        querystring: pageQuery
          .extend(filterQuery.shape)
          .extend({ sort: z.enum(INCIDENT_SORTS).default('-occurred_at') }),
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
        response: { 200: z.object({ count: z.number().int() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      sendKeptRead(ctx, request, reply, async (caller) => ({
        count: await countIncidents(ctx, caller, toFilter(request.query)),
      })),
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
        response: { 200: z.object({ items: incidentDetailSchema.shape.finding_history }), ...errorResponses },
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
    async (request) => {
      const b = request.body;
      return incidentDetailJson(
        await updateIncident(ctx, request.caller, request.params.id, {
          ...toFacts(b),
          status: b.status,
          grade: b.grade,
          classification: b.classification,
        }),
      );
    },
  );

  app.post(
    '/incidents/:id/reports',
    {
      schema: {
        operationId: 'linkIncidentReport',
        tags: ['incidents'],
        summary: 'Link a report to the incident as one of its accounts (analysts)',
        params: idParams,
        body: z.object({ report_id: idParams.shape.id }),
        response: { 200: incidentDetailSchema, ...errorResponses },
      },
    },
    async (request) =>
      incidentDetailJson(await linkReport(ctx, request.caller, request.params.id, request.body.report_id)),
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
