/** A record's audit history: who changed it, when, and what it was before and after. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { getAuditHistory } from '../../app/audit/get-audit-history.ts';
import { errorResponses } from '../schemas.ts';
import { auditEntryJson, historyOut, recordParams } from './audit.schemas.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Strangers get 401 before anything else is looked at, even a malformed request.
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.get(
    '/audit/:entity/:id',
    {
      schema: {
        operationId: 'getAuditHistory',
        tags: ['audit'],
        summary: "A record's audit history, oldest first",
        description:
          "Admins and analysts read the history of any record they may see; other roles that of their own organization's " +
          'records. Each entry is shown to whoever may see the record as it was classified then. Entities: report, incident, actor, ' +
          'agreement, zone, protected_site, operation, convoy, ...; user, api_token and organization for an admin of that organization.',
        params: recordParams,
        response: { 200: historyOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await getAuditHistory(ctx, request.caller, request.params.entity, request.params.id)).map(auditEntryJson),
    }),
  );
};
