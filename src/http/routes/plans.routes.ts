/** What the parties are told in advance: protected sites, planned operations (with deconfliction), convoys (with approvals). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { checkOperation } from '../../app/plans/check-operation.ts';
import { createConvoy } from '../../app/plans/create-convoy.ts';
import { createOperation } from '../../app/plans/create-operation.ts';
import { createProtectedSite } from '../../app/plans/create-protected-site.ts';
import { getConvoy } from '../../app/plans/get-convoy.ts';
import { getOperation } from '../../app/plans/get-operation.ts';
import { getProtectedSite } from '../../app/plans/get-protected-site.ts';
import { newConvoySchema, newOperationSchema, newSiteSchema, operationCheckSchema } from '../../app/shared/inputs.ts';
import { listConvoys } from '../../app/plans/list-convoys.ts';
import { listOperations } from '../../app/plans/list-operations.ts';
import { listProtectedSites } from '../../app/plans/list-protected-sites.ts';
import { convoyView, operationView, siteView } from '../../app/shared/views.ts';
import { errorResponses, idParams, pageOf, pageRequest, pageResponse } from '../schemas.ts';
import {
  convoyApprovalsJson,
  convoyApprovalsOut,
  convoyOut,
  convoysQuery,
  operationDeconflictionJson,
  operationDeconflictionOut,
  operationCheckOut,
  operationCheckView,
  operationOut,
  operationsQuery,
  siteOut,
  sitesQuery,
  toConvoyFilter,
  toOperationFilter,
  toSiteFilter,
} from './plans.schemas.ts';

export const plansRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/protected-sites',
    {
      schema: {
        tags: ['plans'],
        summary: 'List protected sites',
        querystring: sitesQuery,
        response: { 200: pageOf(siteOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return pageResponse(await listProtectedSites(ctx, request.caller, toSiteFilter(q), pageRequest(q, 1)), siteView);
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
        querystring: operationsQuery,
        response: { 200: pageOf(operationOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return pageResponse(
        await listOperations(ctx, request.caller, toOperationFilter(q), pageRequest(q, 1)),
        operationView,
      );
    },
  );

  app.get(
    '/operations/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'A planned operation and its conflicts with protected sites',
        params: idParams,
        response: { 200: operationDeconflictionOut, ...errorResponses },
      },
    },
    async (request) => operationDeconflictionJson(await getOperation(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/operations',
    {
      schema: {
        tags: ['plans'],
        summary: 'Add a planned operation (analysts and admins); returns its deconfliction',
        body: newOperationSchema,
        response: { 201: operationDeconflictionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(operationDeconflictionJson(await createOperation(ctx, request.caller, request.body))),
  );

  app.post(
    '/operations/check',
    {
      schema: {
        tags: ['plans'],
        summary:
          'Check a planned operation without storing it: against the protected sites, and as a notice of your organization against the sites, movements and positions you may see',
        body: operationCheckSchema,
        response: { 200: operationCheckOut, ...errorResponses },
      },
    },
    async (request) => operationCheckView(await checkOperation(ctx, request.caller, request.body)),
  );

  app.get(
    '/convoys',
    {
      schema: {
        tags: ['plans'],
        summary: 'List convoys',
        querystring: convoysQuery,
        response: { 200: pageOf(convoyOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return pageResponse(await listConvoys(ctx, request.caller, toConvoyFilter(q), pageRequest(q, 1)), convoyView);
    },
  );

  app.get(
    '/convoys/:id',
    {
      schema: {
        tags: ['plans'],
        summary: 'A convoy and who must approve it',
        params: idParams,
        response: { 200: convoyApprovalsOut, ...errorResponses },
      },
    },
    async (request) => convoyApprovalsJson(await getConvoy(ctx, request.caller, request.params.id)),
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
