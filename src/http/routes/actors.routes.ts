/** Actors: the parties, the excluded groups, the humanitarian organizations. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { createActor } from '../../app/actors/create-actor.ts';
import { getActor } from '../../app/actors/get-actor.ts';
import { actorPatchSchema, newActorSchema } from '../../app/shared/inputs.ts';
import { listActors } from '../../app/actors/list-actors.ts';
import { updateActor } from '../../app/actors/update-actor.ts';
import { actorView } from '../../app/shared/views.ts';
import { errorResponses, idParams, pageOf, pageRequest, pageResponse, toBoolean } from '../schemas.ts';
import { actorOut, changed, changedOut, listQuery } from './actors.schemas.ts';

export const actorsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'List actors',
        querystring: listQuery,
        response: { 200: pageOf(actorOut), ...errorResponses },
      },
    },
    async (request) => {
      const { q, kind, designated, sort } = request.query;
      const page = await listActors(
        ctx,
        request.caller,
        { q, kind, designated: toBoolean(designated) },
        sort,
        pageRequest(request.query, sort === 'id' ? 1 : 2),
      );
      return pageResponse(page, actorView);
    },
  );

  app.get(
    '/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'One actor',
        params: idParams,
        response: { 200: actorOut, ...errorResponses },
      },
    },
    async (request) => actorView(await getActor(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/actors',
    {
      schema: {
        tags: ['actors'],
        summary: 'Add an actor (world:manage)',
        body: newActorSchema,
        response: { 201: actorOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(actorView(await createActor(ctx, request.caller, request.body))),
  );

  app.patch(
    '/actors/:id',
    {
      schema: {
        tags: ['actors'],
        summary: 'Change an actor (world:manage); a change of name, kind or designation judges every finding again',
        params: idParams,
        body: actorPatchSchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) => changed(await updateActor(ctx, request.caller, request.params.id, request.body)),
  );
};
