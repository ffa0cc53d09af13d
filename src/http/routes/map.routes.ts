/**
 * The map's data: incidents aggregated by grid cell (so a map of 100,000 incidents stays light),
 * and the range of the date slider. (Violations by governorate and by violator are part of the
 * state of the truce, GET /state, so that every figure there covers one window and agreement.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { getIncidentExtent } from '../../app/map/incident-extent.ts';
import { mapIncidents } from '../../app/map/map-incidents.ts';
import { errorResponses } from '../schemas.ts';
import { extentQuery, incidentExtentOut, mapIncidentsQuery, mapIncidentsSchema, toMapInput } from './map.schemas.ts';

export const mapRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/map/incidents',
    {
      schema: {
        tags: ['map'],
        summary: 'Incidents in a box as grid clusters with counts by verdict (single incidents where a cell holds few)',
        querystring: mapIncidentsQuery,
        response: { 200: mapIncidentsSchema, ...errorResponses },
      },
    },
    async (request) => mapIncidents(ctx, request.caller, toMapInput(request.query)),
  );

  app.get(
    '/map/extent',
    {
      schema: {
        tags: ['map'],
        summary: 'How many incidents you may see, and when the first and the last happened',
        querystring: extentQuery,
        response: { 200: incidentExtentOut.meta({ id: 'IncidentExtent' }), ...errorResponses },
      },
    },
    async (request) => getIncidentExtent(ctx, request.caller, { count: request.query.count !== 'false' }),
  );
};
