/** The organizations working on the truce, by name: what the web app shows where records hold an organization's id. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOrganizations } from '../../app/accounts/list-organizations.ts';
import type { AppContext } from '../../app/context.ts';
import { errorResponses } from '../schemas.ts';
import { organizationJson, organizationsOut } from './organizations.schemas.ts';

export const organizationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/organizations',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The organizations, by name and kind (anyone signed in)',
        response: { 200: organizationsOut, ...errorResponses },
      },
    },
    async (request) => ({ items: (await listOrganizations(ctx, request.caller)).map(organizationJson) }),
  );
};
