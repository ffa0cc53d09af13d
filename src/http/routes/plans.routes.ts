/** What the parties are told in advance: protected sites, planned operations (with deconfliction), convoys (with approvals). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { checkOperation } from '../../app/plans/check-operation.ts';
import { createConvoy } from '../../app/plans/create-convoy.ts';
import { createOperation } from '../../app/plans/create-operation.ts';
import { createProtectedSite } from '../../app/plans/create-protected-site.ts';
import { getConvoy } from '../../app/plans/get-convoy.ts';
import { getOperation } from '../../app/plans/get-operation.ts';
import { getProtectedSite } from '../../app/plans/get-protected-site.ts';
import { newConvoySchema, newOperationSchema, newSiteSchema, operationCheckSchema } from '../../app/shared/inputs.ts';
import type { Deconfliction } from '../../app/plans/judge-operation.ts';
import { listConvoys } from '../../app/plans/list-convoys.ts';
import { listOperations } from '../../app/plans/list-operations.ts';
import { listProtectedSites } from '../../app/plans/list-protected-sites.ts';
import { convoyView, operationView, siteView } from '../../app/shared/views.ts';
import { errorResponses, idParams, pageOf, pageQuery } from '../schemas.ts';
import {
  classified,
  geometryOut,
  instantQuery,
  intervalOut,
  pageRequest,
  pageResponse,
  toInstant,
} from './world-schemas.ts';

const siteOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    owner: z.string(),
    ...classified,
    geometry: geometryOut,
    buffer_m: z.number(),
    valid: intervalOut,
    notified_to: z.array(z.string()),
  })
  .meta({ id: 'ProtectedSite' });

const operationOut = z
  .object({
    id: z.string(),
    actor: z.string(),
    kind: z.string(),
    ...classified,
    area: geometryOut,
    radius_m: z.number(),
    window: intervalOut,
  })
  .meta({ id: 'Operation' });

const convoyOut = z
  .object({ id: z.string(), organizer: z.string(), ...classified, route: geometryOut, window: intervalOut })
  .meta({ id: 'Convoy' });

const deconflictionOut = z
  .object({
    conflicts: z
      .array(z.object({ site: z.string(), clearance_m: z.number(), notified: z.boolean() }))
      .describe('The protected sites you may see that are within their buffer of the operation'),
  })
  .meta({ id: 'Deconfliction' });

const deconflictionView = (d: Deconfliction) => ({
  conflicts: d.conflicts.map((c) => ({ site: c.site, clearance_m: c.clearanceM, notified: c.notified })),
});

const windowQuery = pageQuery.extend({
  from: instantQuery.describe('Planned for some time at or after this instant'),
  to: instantQuery.describe('... and before this one'),
});

export const plansRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/protected-sites',
    {
      schema: {
        tags: ['plans'],
        summary: 'List protected sites',
        querystring: pageQuery.extend({
          owner: z.string().max(200).optional(),
          kind: z.string().max(100).optional(),
          from: instantQuery.describe('Valid at some time at or after this instant'),
          to: instantQuery.describe('... and before this one'),
        }),
        response: { 200: pageOf(siteOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const filter = { actor: q.owner, kind: q.kind, from: toInstant(q.from), to: toInstant(q.to) };
      return pageResponse(await listProtectedSites(ctx, request.caller, filter, pageRequest(q, 1)), siteView);
    },
  );

  app.get(
    '/protected-sites/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'One protected site',
        params: idParams,
        response: { 200: siteOut, ...errorResponses },
      },
    },
    async (request) => siteView(await getProtectedSite(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/protected-sites',
    {
      schema: {
        tags: ['plans'],
        summary: 'Add a protected site (plan:manage)',
        body: newSiteSchema,
        response: { 201: siteOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(siteView(await createProtectedSite(ctx, request.caller, request.body))),
  );

  app.get(
    '/operations',
    {
      schema: {
        tags: ['plans'],
        summary: 'List planned operations',
        querystring: windowQuery.extend({
          actor: z.string().max(200).optional(),
          kind: z.string().max(100).optional(),
        }),
        response: { 200: pageOf(operationOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const filter = { actor: q.actor, kind: q.kind, from: toInstant(q.from), to: toInstant(q.to) };
      return pageResponse(await listOperations(ctx, request.caller, filter, pageRequest(q, 1)), operationView);
    },
  );

  app.get(
    '/operations/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'A planned operation and its conflicts with protected sites',
        params: idParams,
        response: { 200: z.object({ operation: operationOut, deconfliction: deconflictionOut }), ...errorResponses },
      },
    },
    async (request) => {
      const { operation, deconfliction } = await getOperation(ctx, request.caller, request.params.id);
      return { operation: operationView(operation), deconfliction: deconflictionView(deconfliction) };
    },
  );

  app.post(
    '/operations',
    {
      schema: {
        tags: ['plans'],
        summary: 'Add a planned operation (analysts and admins); returns its deconfliction',
        body: newOperationSchema,
        response: { 201: z.object({ operation: operationOut, deconfliction: deconflictionOut }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { operation, deconfliction } = await createOperation(ctx, request.caller, request.body);
      return reply
        .status(201)
        .send({ operation: operationView(operation), deconfliction: deconflictionView(deconfliction) });
    },
  );

  app.post(
    '/operations/check',
    {
      schema: {
        tags: ['plans'],
        summary: 'Check a planned operation against the protected sites without storing it',
        body: operationCheckSchema,
        response: { 200: deconflictionOut, ...errorResponses },
      },
    },
    async (request) => deconflictionView(await checkOperation(ctx, request.caller, request.body)),
  );

  app.get(
    '/convoys',
    {
      schema: {
        tags: ['plans'],
        summary: 'List convoys',
        querystring: windowQuery.extend({ organizer: z.string().max(200).optional() }),
        response: { 200: pageOf(convoyOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const filter = { actor: q.organizer, from: toInstant(q.from), to: toInstant(q.to) };
      return pageResponse(await listConvoys(ctx, request.caller, filter, pageRequest(q, 1)), convoyView);
    },
  );

  app.get(
    '/convoys/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'A convoy and who must approve it',
        params: idParams,
        response: {
          200: z.object({
            convoy: convoyOut,
            approvals: z.object({
              required_approvals: z.array(z.string()),
              crosses_excluded: z.array(z.string()),
              zones: z.array(z.string()),
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { convoy, approvals } = await getConvoy(ctx, request.caller, request.params.id);
      return {
        convoy: convoyView(convoy),
        approvals: {
          required_approvals: approvals.requiredApprovals,
          crosses_excluded: approvals.crossesExcluded,
          zones: approvals.zones,
        },
      };
    },
  );

  app.post(
    '/convoys',
    {
      schema: {
        tags: ['plans'],
        summary: 'Add a convoy (plan:manage)',
        body: newConvoySchema,
        response: { 201: convoyOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(convoyView(await createConvoy(ctx, request.caller, request.body))),
  );
};
