/**
 * After an incident: whether it struck within the buffer of a notified site (who had been told, and
 * whether an operation notice covered the place), and its post-incident review, one timeline of what
 * was notified, declared, said on the hotline and reported around its time and place.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { getSiteStrike } from '../../app/incidents/get-site-strike.ts';
import { reviewIncident } from '../../app/incidents/review-incident.ts';
import { errorResponses, idParams } from '../schemas.ts';
import { reviewJson, reviewQuery, reviewSchema, siteStrikeJson, siteStrikeSchema } from './incident-review.schemas.ts';

export const incidentReviewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.get(
    '/incidents/:id/struck-sites',
    {
      schema: {
        operationId: 'getIncidentStruckSites',
        tags: ['incidents'],
        summary:
          'The notified sites (protected sites, humanitarian notifications of a site) within whose buffer the incident took place while they were valid, who had been notified and when, and the operation notices that covered the place at that time: of those you may see',
        params: idParams,
        response: { 200: siteStrikeSchema, ...errorResponses },
      },
    },
    async (request) => siteStrikeJson(await getSiteStrike(ctx, request.caller, request.params.id)),
  );

  app.get(
    '/incidents/:id/review',
    {
      schema: {
        operationId: 'getIncidentReview',
        tags: ['incidents'],
        summary:
          'Post-incident review: one timeline of what was notified, declared, said on the hotline and reported around the incident (48 hours and 10 km unless widened), of what you may see',
        params: idParams,
        querystring: reviewQuery,
        response: { 200: reviewSchema, ...errorResponses },
      },
    },
    async (request) =>
      reviewJson(
        await reviewIncident(ctx, request.caller, request.params.id, {
          hours: request.query.hours,
          km: request.query.km,
        }),
      ),
  );
};
