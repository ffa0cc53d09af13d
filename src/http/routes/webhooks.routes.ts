/** Webhooks: a user's subscriptions to events, delivered signed to their URL, and each one's delivery log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { changeWebhook } from '../../app/webhooks/change-webhook.ts';
import { createWebhook } from '../../app/webhooks/create-webhook.ts';
import { deleteWebhook } from '../../app/webhooks/delete-webhook.ts';
import { listDeliveries } from '../../app/webhooks/list-deliveries.ts';
import { getWebhook, listWebhooks } from '../../app/webhooks/list-webhooks.ts';
import { errorResponses, idParams, pageQuery, pageRequest, pageResponse } from '../schemas.ts';
import {
  deletedOut,
  deliveriesOut,
  deliveryJson,
  newWebhookSchema,
  toWebhookInput,
  toWebhookPatch,
  webhookBody,
  webhookJson,
  webhookPatch,
  webhookSchema,
  webhooksOut,
} from './webhooks.schemas.ts';

export const webhooksRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.post(
    '/webhooks',
    {
      schema: {
        operationId: 'createWebhook',
        tags: ['webhooks'],
        summary:
          'Subscribe to events, delivered to your URL signed with a secret shown this once, with what you may see (docs/webhooks.md)',
        body: webhookBody,
        response: { 201: newWebhookSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { webhook, secret } = await createWebhook(ctx, request.caller, toWebhookInput(request.body));
      return reply.status(201).send({ ...webhookJson(webhook), secret });
    },
  );

  app.get(
    '/webhooks',
    {
      schema: {
        operationId: 'listWebhooks',
        tags: ['webhooks'],
        summary: 'Your webhooks (never their secrets)',
        response: { 200: webhooksOut, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listWebhooks(ctx, request.caller)).map(webhookJson) }),
  );

  app.get(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'getWebhook',
        tags: ['webhooks'],
        summary: 'One of your webhooks; anyone else’s is not found',
        params: idParams,
        response: { 200: webhookSchema, ...errorResponses },
      },
    },
    async (request) => webhookJson(await getWebhook(ctx, request.caller, request.params.id)),
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'changeWebhook',
        tags: ['webhooks'],
        summary: 'Pause or resume one of your webhooks, or change its name, URL, events or area',
        params: idParams,
        body: webhookPatch,
        response: { 200: webhookSchema, ...errorResponses },
      },
    },
    async (request) =>
      webhookJson(await changeWebhook(ctx, request.caller, request.params.id, toWebhookPatch(request.body))),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        operationId: 'deleteWebhook',
        tags: ['webhooks'],
        summary: 'Delete one of your webhooks with its delivery log; nothing more is sent',
        params: idParams,
        response: { 204: deletedOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteWebhook(ctx, request.caller, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        tags: ['webhooks'],
        summary:
          'The delivery log of one of your webhooks, newest first, each with its attempts (status codes, errors, times)',
        description:
          'Only deliveries of records you may see now are listed: a record made secret since takes its deliveries with it.',
        params: idParams,
        querystring: pageQuery,
        response: { 200: deliveriesOut, ...errorResponses },
      },
    },
    async (request) =>
      pageResponse(
        await listDeliveries(ctx, request.caller, request.params.id, pageRequest(request.query, ['instant', 'text'])),
        deliveryJson,
      ),
  );
};
