/** A record's audit history: who changed it, when, and what it was before and after. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { getAuditHistory } from '../../app/audit/get-audit-history.ts';
import { listAuditTrail } from '../../app/audit/list-audit-trail.ts';
import { errorResponses, pageRequest, pageResponse } from '../schemas.ts';
import {
  auditEntryJson,
  historyOut,
  recordParams,
  toTrailQuery,
  trailEntryJson,
  trailOut,
  trailQuery,
} from './audit.schemas.ts';

export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Strangers get 401 before anything else is looked at, even a malformed request.
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.get(
    '/audit',
    {
      schema: {
        operationId: 'listAuditTrail',
        tags: ['audit'],
        summary: 'The audit trail across records, newest first, by user, organization, kind of record and time',
        description:
          'For admins and analysts (other roles read the history of their own records, record by record). It lists exactly ' +
          "the entries each record's history would show you: an entry about a record you may not see, or that names one, is " +
          'not listed, nor counted, nor hinted at by `next_cursor`; accounts only for an admin of their own organization. ' +
          'An unknown username lists nothing.',
        querystring: trailQuery,
        response: { 200: trailOut, ...errorResponses },
      },
    },
    async (request) =>
      pageResponse(
        await listAuditTrail(
          ctx,
          request.caller,
          toTrailQuery(request.query),
          pageRequest(request.query, ['instant', 'sequence']),
        ),
        trailEntryJson,
      ),
  );

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
          'agreement, zone, protected_site, operation, convoy, ...; user, api_token, webhook and organization for an admin of that organization.',
        params: recordParams,
        response: { 200: historyOut, ...errorResponses },
      },
    },
    async (request) => ({
      items: (await getAuditHistory(ctx, request.caller, request.params.entity, request.params.id)).map(auditEntryJson),
    }),
  );
};
