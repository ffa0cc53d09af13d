/** Search: incidents and reports matching words, in English or Arabic, ranked, under the reader's clearance. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { searchRecords } from '../../app/search/search-records.ts';
import { requireCaller } from '../../app/caller.ts';
import { errorResponses } from '../schemas.ts';
import { incidentSummaryJson, incidentSummarySchema } from './incidents.schemas.ts';
import { reportJson, reportSchema } from './reports.schemas.ts';

const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200)
    .describe('words, as typed (quotes for a phrase, - to exclude)'),
  limit: z.coerce.number().int().min(1, 'must be between 1 and 100').max(100, 'must be between 1 and 100').default(20),
});

const searchOut = z.object({ incidents: z.array(incidentSummarySchema), reports: z.array(reportSchema) });

export const searchRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.get(
    '/search',
    {
      schema: {
        operationId: 'search',
        tags: ['search'],
        summary:
          'Incidents (headline, place) and reports (narrative, source) matching the words, best first; Arabic normalised (diacritics, alef and ta marbuta forms, tatweel)',
        querystring: searchQuery,
        response: { 200: searchOut, ...errorResponses },
      },
    },
    async (request) => {
      const r = await searchRecords(ctx, request.caller, request.query.q, request.query.limit);
      return { incidents: r.incidents.map(incidentSummaryJson), reports: r.reports.map(reportJson) };
    },
  );
};
