/** Agreements: parties and their acceptances, exclusions, prohibited acts, periods in force, clauses. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { addClause } from '../../app/agreements/add-clause.ts';
import { addParty } from '../../app/agreements/add-party.ts';
import { changeAgreementTerms } from '../../app/agreements/change-terms.ts';
import { getAgreement } from '../../app/agreements/get-agreement.ts';
import {
  agreementInputSchema,
  agreementTermsSchema,
  clauseInputSchema,
  partyInputSchema,
  withdrawalSchema,
} from '../../app/shared/inputs.ts';
import { listAgreements } from '../../app/agreements/list-agreements.ts';
import { createAgreement, replaceAgreement } from '../../app/agreements/replace-agreement.ts';
import { withdrawParty } from '../../app/agreements/withdraw-party.ts';
import { agreementView } from '../../app/shared/views.ts';
import {
  dryRunOf,
  dryRunQuery,
  errorResponses,
  idParams,
  pageOf,
  pageRequest,
  pageResponse,
  writtenStatus,
} from '../schemas.ts';
import { agreementOut, changed, changedOut, listQuery, partyParams } from './agreements.schemas.ts';

export const agreementsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'List agreements',
        querystring: listQuery,
        response: { 200: pageOf(agreementOut), ...errorResponses },
      },
    },
    async (request) => {
      const { q, party } = request.query;
      return pageResponse(
        await listAgreements(ctx, request.caller, { q, party }, pageRequest(request.query, 1)),
        agreementView,
      );
    },
  );

  app.get(
    '/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'One agreement, with the clauses you may see',
        params: idParams,
        response: { 200: agreementOut, ...errorResponses },
      },
    },
    async (request) => agreementView(await getAgreement(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Create an agreement (world:manage); the server chooses its id; the findings it can affect are judged',
        description: 'Without a classification, a new agreement is public.',
        body: agreementInputSchema,
        response: { 201: changedOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(changed(await createAgreement(ctx, request.caller, request.body))),
  );

  app.put(
    '/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary:
          'Replace an agreement you may see, whole (world:manage); the findings it can affect are judged again (dry_run=true: what it would change, saving nothing)',
        description: 'Clauses you may not see are kept. Without a classification, the agreement keeps its own.',
        params: idParams,
        querystring: dryRunQuery,
        body: agreementInputSchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) =>
      changed(await replaceAgreement(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query))),
  );

  app.patch(
    '/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary:
          "Change an agreement's terms: title, periods in force, scope, excluded groups, prohibited acts, self-defence (world:manage); only the fields given change, and the findings they can affect are judged again (dry_run=true: what it would change, saving nothing)",
        description:
          'The scope is an area, null for everywhere, or `scope_areas`: governorates and districts by OCHA pcode, stored as their union. Parties and clauses are left as they are.',
        params: idParams,
        querystring: dryRunQuery,
        body: agreementTermsSchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) =>
      changed(
        await changeAgreementTerms(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query)),
      ),
  );

  app.post(
    '/agreements/:id/parties',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Record an acceptance: actor, accepted_at, channel, caveats (world:manage)',
        params: idParams,
        querystring: dryRunQuery,
        body: partyInputSchema,
        response: { 200: changedOut, 201: changedOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const w = await addParty(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query));
      return reply.status(writtenStatus(w, 201)).send(changed(w));
    },
  );

  app.post(
    '/agreements/:id/parties/:actor/withdraw',
    {
      schema: {
        tags: ['agreements'],
        summary: "Record a party's withdrawal: its acceptance ends at `at` (world:manage)",
        params: partyParams,
        querystring: dryRunQuery,
        body: withdrawalSchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) =>
      changed(
        await withdrawParty(
          ctx,
          request.caller,
          request.params.id,
          request.params.actor,
          request.body,
          dryRunOf(request.query),
        ),
      ),
  );

  app.post(
    '/agreements/:id/clauses',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Add a clause with its own classification (world:manage)',
        params: idParams,
        querystring: dryRunQuery,
        body: clauseInputSchema,
        response: { 200: changedOut, 201: changedOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const w = await addClause(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query));
      return reply.status(writtenStatus(w, 201)).send(changed(w));
    },
  );
};
