/** Search: incidents and reports matching words, in English or Arabic, ranked, under the reader's clearance. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { searchRecords } from '../../app/search/search-records.ts';
import { requireCaller } from '../../app/caller.ts';
import { errorResponses } from '../schemas.ts';
import { incidentSummaryJson } from './incidents.schemas.ts';
import { reportJson } from './reports.schemas.ts';
import { searchOut, searchQuery } from './search.schemas.ts';

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
          'Incidents (headline, place) and reports (narrative, source) matching the words, best first; Arabic normalised (diacritics, alef and ta marbuta forms, tatweel). Words found in more than 1,000 records of a kind are ranked among the first 1,000 found',
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
