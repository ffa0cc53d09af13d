/** The parties' own positions (troops, advisers...): recorded by their organization, shared only with those it names. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { changePosition } from '../../app/positions/change-position.ts';
import { getPosition } from '../../app/positions/get-position.ts';
import { listPositions } from '../../app/positions/list-positions.ts';
import { recordPosition } from '../../app/positions/record-position.ts';
import { withdrawPosition } from '../../app/positions/withdraw-position.ts';
import { errorResponses, idParams, pageOf, pageRequest, pageResponse } from '../schemas.ts';
import {
  positionBody,
  positionJson,
  positionOut,
  positionPatch,
  positionsQuery,
  toPositionChange,
  toPositionInput,
} from './positions.schemas.ts';

export const positionsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['positions'];

  app.get(
    '/positions',
    {
      schema: {
        tags,
        summary: 'The positions you may see: your organization’s and those shared with it',
        querystring: positionsQuery,
        response: { 200: pageOf(positionOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return pageResponse(
        await listPositions(ctx, request.caller, q.box, pageRequest(q, ['instant', 'text'])),
        positionJson,
      );
    },
  );

  app.get(
    '/positions/:id',
    {
      schema: {
        tags,
        summary: 'One position (its organization and those it is shared with only)',
        params: idParams,
        response: { 200: positionOut, ...errorResponses },
      },
    },
    async (request) => positionJson(await getPosition(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/positions',
    {
      schema: {
        tags,
        summary: 'Record a position of your organization, shared with the organizations named (position:manage)',
        body: positionBody,
        response: { 201: positionOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(positionJson(await recordPosition(ctx, request.caller, toPositionInput(request.body)))),
  );

  app.patch(
    '/positions/:id',
    {
      schema: {
        tags,
        summary: 'Change a position of your organization; checked again against the operation notices in force',
        params: idParams,
        body: positionPatch,
        response: { 200: positionOut, ...errorResponses },
      },
    },
    async (request) =>
      positionJson(await changePosition(ctx, request.caller, request.params.id, toPositionChange(request.body))),
  );

  app.post(
    '/positions/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a position of your organization: kept, marked withdrawn (position:manage)',
        params: idParams,
        response: { 200: positionOut, ...errorResponses },
      },
    },
    async (request) => positionJson(await withdrawPosition(ctx, request.caller, request.params.id)),
  );
};
