/** Rulings: proposing one on an incident's finding, approving, withdrawing, and the list of those waiting. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { approveRuling } from '../../app/rulings/approve-ruling.ts';
import { listRulings } from '../../app/rulings/list-rulings.ts';
import { proposeRuling } from '../../app/rulings/propose-ruling.ts';
import { withdrawRuling } from '../../app/rulings/withdraw-ruling.ts';
import { errorResponses, idParams } from '../schemas.ts';
import { proposalBody, rulingJson, rulingSchema, rulingsOut, rulingsQuery, toProposal } from './rulings.schemas.ts';

export const rulingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.post(
    '/incidents/:id/rulings',
    {
      schema: {
        operationId: 'proposeRuling',
        tags: ['rulings'],
        summary:
          "Propose a ruling on one of the incident's findings (one needing review, or any a co-chair contests); in force once every co-chair organization approves",
        params: idParams,
        body: proposalBody,
        response: { 201: rulingSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(rulingJson(await proposeRuling(ctx, request.caller, request.params.id, toProposal(request.body)))),
  );

  app.get(
    '/rulings',
    {
      schema: {
        operationId: 'listRulings',
        tags: ['rulings'],
        summary: 'Rulings you may see, of a status (pending by default), oldest first',
        querystring: rulingsQuery,
        response: { 200: rulingsOut, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listRulings(ctx, request.caller, request.query)).map(rulingJson) }),
  );

  app.post(
    '/rulings/:id/approve',
    {
      schema: {
        operationId: 'approveRuling',
        tags: ['rulings'],
        summary: "Your co-chair organization's approval of a pending ruling; the last one puts it in force",
        params: idParams,
        response: { 200: rulingSchema, ...errorResponses },
      },
    },
    async (request) => rulingJson(await approveRuling(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/rulings/:id/withdraw',
    {
      schema: {
        operationId: 'withdrawRuling',
        tags: ['rulings'],
        summary: 'Withdraw a ruling your organization proposed; one in force leaves its finding',
        params: idParams,
        response: { 200: rulingSchema, ...errorResponses },
      },
    },
    async (request) => rulingJson(await withdrawRuling(ctx, request.caller, request.params.id)),
  );
};
