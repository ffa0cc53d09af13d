/** Humanitarian notifications: sites and movements told to the parties. Notification, not a request for permission. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { acknowledgeNotification } from '../../app/notifications/acknowledge-notification.ts';
import { getNotification } from '../../app/notifications/get-notification.ts';
import { listNotifications } from '../../app/notifications/list-notifications.ts';
import { notify } from '../../app/notifications/notify.ts';
import { renewNotification } from '../../app/notifications/renew-notification.ts';
import { withdrawNotification } from '../../app/notifications/withdraw-notification.ts';
import { NOT_A_REQUEST } from '../../contract/notifications.ts';
import { encodeCursor, errorResponses, idParams, pageOf, pageRequest } from '../schemas.ts';
import {
  notificationJson,
  notificationOut,
  notificationsQuery,
  notifyBody,
  renewBody,
  toNotifyInput,
  toRenewInput,
} from './notifications.schemas.ts';

export const notificationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['notifications'];

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'The notifications you may see: your organization’s, those it received, all for the secretariat',
        description: NOT_A_REQUEST,
        querystring: notificationsQuery,
        response: { 200: pageOf(notificationOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listNotifications(ctx, request.caller, q.box, pageRequest(q, ['instant', 'text']));
      return {
        items: page.items.map((n) => notificationJson(n, page.now)),
        next_cursor: page.next === null ? null : encodeCursor(page.next),
      };
    },
  );

  app.get(
    '/notifications/:id',
    {
      schema: {
        tags,
        summary: 'One notification (its owner, its recipients and the secretariat only)',
        description: NOT_A_REQUEST,
        params: idParams,
        response: { 200: notificationOut, ...errorResponses },
      },
    },
    async (request) => {
      const { notification, now } = await getNotification(ctx, request.caller, request.params.id);
      return notificationJson(notification, now);
    },
  );

  app.post(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Notify a site or a movement (notification:send)',
        description: NOT_A_REQUEST,
        body: notifyBody,
        response: { 201: notificationOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const n = await notify(ctx, request.caller, toNotifyInput(request.body));
      // A new one is judged against the server's clock: the database's agrees to within the write.
      return reply.status(201).send(notificationJson(n, ctx.now()));
    },
  );

  app.post(
    '/notifications/:id/acknowledge',
    {
      schema: {
        tags,
        summary:
          'Acknowledge receipt, for your organization, a recipient (notification:acknowledge); this approves nothing',
        params: idParams,
        response: { 200: notificationOut, ...errorResponses },
      },
    },
    async (request) => {
      const { notification, now } = await acknowledgeNotification(ctx, request.caller, request.params.id);
      return notificationJson(notification, now);
    },
  );

  app.post(
    '/notifications/:id/renew',
    {
      schema: {
        tags,
        summary: 'Renew for a new period; every recipient is asked to acknowledge again (the owner, notification:send)',
        params: idParams,
        body: renewBody,
        response: { 200: notificationOut, ...errorResponses },
      },
    },
    async (request) => {
      const { notification, now } = await renewNotification(
        ctx,
        request.caller,
        request.params.id,
        toRenewInput(request.body),
      );
      return notificationJson(notification, now);
    },
  );

  app.post(
    '/notifications/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw: kept, marked withdrawn (the owner, notification:send)',
        params: idParams,
        response: { 200: notificationOut, ...errorResponses },
      },
    },
    async (request) => {
      const { notification, now } = await withdrawNotification(ctx, request.caller, request.params.id);
      return notificationJson(notification, now);
    },
  );
};
