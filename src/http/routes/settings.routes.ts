/** The world's settings: the timezone, the host state, the days of calm per agreement. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { getSettings } from '../../app/settings/get-settings.ts';
import { updateSettings } from '../../app/settings/update-settings.ts';
import { dryRunOf, dryRunQuery, errorResponses } from '../schemas.ts';
import {
  settingsBody,
  settingsChangedJson,
  settingsChangedOut,
  settingsInput,
  settingsJson,
  settingsOut,
} from './settings.schemas.ts';

export const settingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.get(
    '/settings',
    {
      schema: {
        operationId: 'getSettings',
        tags: ['settings'],
        summary:
          'The world’s settings: timezone, host state, and the days of calm of each agreement you may see (its threshold of violations a day, the calm days required)',
        response: { 200: settingsOut, ...errorResponses },
      },
    },
    async (request) => settingsJson(await getSettings(ctx, request.caller)),
  );

  app.put(
    '/settings',
    {
      schema: {
        operationId: 'updateSettings',
        tags: ['settings'],
        summary:
          'Change the world’s settings (world:manage): timezone, host state, the days of calm of the agreements you may see (dry_run=true: what it would change, saving nothing)',
        description:
          'The days of calm of agreements you may not see are kept. The answer says how each agreement’s days of calm move: the longest run of calm days and the day reduced violence was reached, over its own period.',
        querystring: dryRunQuery,
        body: settingsBody,
        response: { 200: settingsChangedOut, ...errorResponses },
      },
    },
    async (request) =>
      settingsChangedJson(
        await updateSettings(ctx, request.caller, settingsInput(request.body), dryRunOf(request.query)),
      ),
  );
};
