/** A record's audit history: who changed it, when, and what it was before and after. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { getAuditHistory } from '../../app/audit/get-audit-history.ts';
import { formatInstant } from '../../domain/time.ts';
import { errorResponses, idParams } from '../schemas.ts';

const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    user_id: z.string().nullable(),
    org: z.string().nullable(),
    by: z
      .object({ username: z.string(), display_name: z.string(), org_name: z.string() })
      .nullable()
      .describe('who made the change (null: the system, such as an import or the command line)'),
    action: z
      .string()
      .describe('a code: create, update, delete, link, link-report, unlink, unlink-report, import, sign-in, ...'),
    entity: z.string(),
    entity_id: z.string(),
    classification: z.string(),
    owner_org: z.string().nullable(),
    before: z.unknown().describe('the record before (null when created)'),
    after: z.unknown().describe('the record after (null when deleted)'),
    sealed: z.boolean().describe('appended to the SHA-256 chain (entries are sealed moments after they are written)'),
  })
  .meta({ id: 'AuditEntry' });

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
        params: z.object({
          entity: z.string().regex(/^[a-z_]{1,40}$/, 'must be a kind of record, e.g. report or incident'),
          id: idParams.shape.id,
        }),
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await getAuditHistory(ctx, request.caller, request.params.entity, request.params.id)).map((e) => ({
        seq: e.seq,
        at: formatInstant(e.at),
        user_id: e.userId,
        org: e.orgId,
        by: e.by && { username: e.by.username, display_name: e.by.displayName, org_name: e.by.orgName },
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        classification: e.classification,
        owner_org: e.ownerOrg,
        before: e.before ?? null,
        after: e.after ?? null,
        sealed: e.chainPos !== null,
      })),
    }),
  );
};
