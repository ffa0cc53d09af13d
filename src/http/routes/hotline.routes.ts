/** The hotline: threads between organizations, their timelines, acknowledgements and resolution. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { acknowledgeThread } from '../../app/hotline/acknowledge-thread.ts';
import { getThread } from '../../app/hotline/get-thread.ts';
import { hotlineTimes, listThreads } from '../../app/hotline/list-threads.ts';
import { openThread } from '../../app/hotline/open-thread.ts';
import { postMessage } from '../../app/hotline/post-message.ts';
import { resolveThread } from '../../app/hotline/resolve-thread.ts';
import { errorResponses, idParams, toBoolean } from '../schemas.ts';
import {
  messageBody,
  openThreadBody,
  resolveBody,
  threadDetailJson,
  threadDetailSchema,
  threadJson,
  threadSchema,
  threadsOut,
  threadsQuery,
  timesJson,
  timesOut,
  toNewThread,
} from './hotline.schemas.ts';

export const hotlineRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.post(
    '/hotline',
    {
      schema: {
        operationId: 'openHotlineThread',
        tags: ['hotline'],
        summary:
          'Open a thread to other organizations; its priority sets the acknowledgement deadline, past which it escalates to the secretariat',
        body: openThreadBody,
        response: { 201: threadSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(threadJson(await openThread(ctx, request.caller, toNewThread(request.body)))),
  );

  app.get(
    '/hotline',
    {
      schema: {
        operationId: 'listHotlineThreads',
        tags: ['hotline'],
        summary: 'The threads you may see (your organization’s; all of them for the secretariat), open ones first',
        querystring: threadsQuery,
        response: { 200: threadsOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: (
        await listThreads(ctx, request.caller, { open: toBoolean(request.query.open), limit: request.query.limit })
      ).map(threadJson),
    }),
  );

  app.get(
    '/hotline/times',
    {
      schema: {
        operationId: 'hotlineTimes',
        tags: ['hotline'],
        summary: 'Per organization a thread was sent to: time to acknowledge and to resolve (median, slowest)',
        response: { 200: timesOut, ...errorResponses },
      },
    },
    async (request) => timesJson(await hotlineTimes(ctx, request.caller)),
  );

  app.get(
    '/hotline/:id',
    {
      schema: {
        operationId: 'getHotlineThread',
        tags: ['hotline'],
        summary: 'A thread with its whole timeline (opened, messages, acknowledgements, escalations, resolution)',
        params: idParams,
        response: { 200: threadDetailSchema, ...errorResponses },
      },
    },
    async (request) => threadDetailJson(await getThread(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/hotline/:id/messages',
    {
      schema: {
        operationId: 'postHotlineMessage',
        tags: ['hotline'],
        summary: 'Write in a thread that is not resolved',
        params: idParams,
        body: messageBody,
        response: { 200: threadDetailSchema, ...errorResponses },
      },
    },
    async (request) => threadDetailJson(await postMessage(ctx, request.caller, request.params.id, request.body.body)),
  );

  app.post(
    '/hotline/:id/acknowledge',
    {
      schema: {
        operationId: 'acknowledgeHotlineThread',
        tags: ['hotline'],
        summary: "Your organization's acknowledgement of a thread sent to it",
        params: idParams,
        response: { 200: threadDetailSchema, ...errorResponses },
      },
    },
    async (request) => threadDetailJson(await acknowledgeThread(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/hotline/:id/resolve',
    {
      schema: {
        operationId: 'resolveHotlineThread',
        tags: ['hotline'],
        summary: 'Resolve a thread (its parties or the secretariat); its deadlines stop',
        params: idParams,
        body: resolveBody,
        response: { 200: threadDetailSchema, ...errorResponses },
      },
    },
    async (request) => threadDetailJson(await resolveThread(ctx, request.caller, request.params.id, request.body.note)),
  );
};
