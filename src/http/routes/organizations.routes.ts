/** The organizations working on the truce, by name: what the web app shows where records hold an organization's id. */
import { ORG_KINDS } from '../../contract/access.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listOrganizations } from '../../app/accounts/list-organizations.ts';
import type { AppContext } from '../../app/context.ts';
import { errorResponses } from '../schemas.ts';

const organizationOut = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORG_KINDS),
    task_force: z.boolean().describe('a member of the ceasefire task force'),
  })
  .meta({ id: 'Organization' });

export const organizationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/organizations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The organizations, by name and kind (anyone signed in)',
        response: { 200: z.object({ items: z.array(organizationOut) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listOrganizations(ctx, request.caller)).map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        task_force: o.taskForce,
      })),
    }),
  );
};
