/**
 * Operation notices (docs/deconfliction.md): a declared operation changed or withdrawn (checked
 * again at once), the notices you may see with their conflicts, the alerts of your
 * organization's sites, movements and positions that an operation comes near, and the console's day
 * (every site, movement, position and operation valid on a day, as you may see it).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { changeNotice } from '../../app/notices/change-notice.ts';
import { getDeconflictionDay } from '../../app/notices/get-deconfliction-day.ts';
import { listAlerts } from '../../app/notices/list-alerts.ts';
import { listNotices } from '../../app/notices/list-notices.ts';
import { withdrawNotice } from '../../app/notices/withdraw-notice.ts';
import { errorResponses, idParams, pageOf, pageRequest, pageResponse } from '../schemas.ts';
import {
  alertJson,
  alertOut,
  dayQuery,
  deconflictionDayJson,
  deconflictionDayOut,
  noticePatch,
  noticesQuery,
  toNoticeChange,
} from './notices.schemas.ts';
import { noticeJson, noticeOut, operationDeconflictionJson, operationDeconflictionOut } from './plans.schemas.ts';
import { z } from 'zod';

export const noticesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['notices'];

  app.get(
    '/operation-notices',
    {
      schema: {
        tags,
        summary:
          'Operation notices you may see (yours, or all for the secretariat), each with its conflicts you may see',
        querystring: noticesQuery,
        response: { 200: pageOf(noticeOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return pageResponse(
        await listNotices(ctx, request.caller, q.box, pageRequest(q, ['instant', 'text'])),
        noticeJson,
      );
    },
  );

  app.get(
    '/deconfliction-alerts',
    {
      schema: {
        tags,
        summary:
          'Your organization’s sites, movements and positions that a planned operation comes near: the target, the clearance, the window, not the operation',
        response: { 200: z.object({ items: z.array(alertOut) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await listAlerts(ctx, request.caller)).map(alertJson) }),
  );

  app.get(
    '/deconfliction/day',
    {
      schema: {
        tags,
        summary:
          'The deconfliction console’s day: sites, movements, positions and operations valid that day, the open conflicts and your alerts, each as you may see it',
        querystring: dayQuery,
        response: { 200: deconflictionDayOut, ...errorResponses },
      },
    },
    async (request) => deconflictionDayJson(await getDeconflictionDay(ctx, request.caller, request.query.day)),
  );

  app.patch(
    '/operations/:id',
    {
      schema: {
        tags,
        summary:
          'Change your organization’s operation notice (its area, radius or window; operation:declare): checked again, its conflicts replaced',
        params: idParams,
        body: noticePatch,
        response: { 200: operationDeconflictionOut, ...errorResponses },
      },
    },
    async (request) =>
      operationDeconflictionJson(
        await changeNotice(ctx, request.caller, request.params.id, toNoticeChange(request.body)),
      ),
  );

  app.post(
    '/operations/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw your organization’s operation notice: kept, marked withdrawn, its conflicts closed',
        params: idParams,
        response: { 200: operationDeconflictionOut, ...errorResponses },
      },
    },
    async (request) => operationDeconflictionJson(await withdrawNotice(ctx, request.caller, request.params.id)),
  );
};
