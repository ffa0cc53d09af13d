/**
 * The map's data: incidents aggregated by grid cell (so a map of 100,000 incidents stays light),
 * and the range of the date slider. (Violations by governorate and by violator are part of the
 * state of the truce, GET /state, so that every figure there covers one window and agreement.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { booleanQuery } from './world-schemas.ts';
import type { AppContext } from '../../app/context.ts';
import { MAP_VERDICTS, parseBBox } from '../../app/map/grid.ts';
import { getIncidentExtent } from '../../app/map/incident-extent.ts';
import { mapIncidents } from '../../app/map/map-incidents.ts';
import { errorResponses } from '../schemas.ts';

const instant = z.iso.datetime({ offset: true });
const verdictCounts = z.object(
  Object.fromEntries(MAP_VERDICTS.map((v) => [v, z.number().int()])) as Record<
    (typeof MAP_VERDICTS)[number],
    z.ZodNumber
  >,
);

const mapIncidentsSchema = z
  .object({
    cell_deg: z.number().describe('the side of a grid cell in degrees'),
    total: z.number().int().describe('incidents in the box (grown to whole cells)'),
    clusters: z.array(
      z
        .object({
          lon: z.number(),
          lat: z.number(),
          count: z.number().int(),
          bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).describe('the extent of its incidents'),
          verdicts: verdictCounts.describe('incidents by their most serious finding'),
        })
        .meta({ id: 'MapCluster' }),
    ),
    points: z.array(
      z
        .object({
          id: z.string(),
          lon: z.number(),
          lat: z.number(),
          occurred_at: z.string(),
          act: z.string(),
          verdict: z.enum(MAP_VERDICTS),
        })
        .meta({ id: 'MapPoint' }),
    ),
  })
  .meta({ id: 'MapIncidents' });

export const mapRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/map/incidents',
    {
      schema: {
        tags: ['map'],
        summary: 'Incidents in a box as grid clusters with counts by verdict (single incidents where a cell holds few)',
        querystring: z.object({
          bbox: z
            .string()
            .max(200)
            .transform((text, zctx) => {
              const box = parseBBox(text);
              if (typeof box === 'string') {
                zctx.addIssue({ code: 'custom', message: box });
                return z.NEVER;
              }
              return box;
            })
            .describe('minLon,minLat,maxLon,maxLat'),
          zoom: z.coerce.number().min(0).max(24).describe('the map zoom: the cell size follows it'),
          from: instant.optional().describe('incidents at or after this instant'),
          to: instant.optional().describe('incidents before this instant'),
          as_of: instant.optional().describe('the map as of this instant: the same as `to` when `to` is not given'),
          act: z.string().max(100).optional(),
          actor: z.string().max(200).optional().describe('incidents with this actor as perpetrator, target or side'),
        }),
        response: { 200: mapIncidentsSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const to = q.to ?? q.as_of;
      return mapIncidents(ctx, request.caller, {
        bbox: q.bbox,
        zoom: q.zoom,
        from: q.from ? Date.parse(q.from) : null,
        to: to ? Date.parse(to) : null,
        act: q.act ?? null,
        actor: q.actor ?? null,
      });
    },
  );

  app.get(
    '/map/extent',
    {
      schema: {
        tags: ['map'],
        summary: 'How many incidents you may see, and when the first and the last happened',
        querystring: z.object({
          count: booleanQuery.describe(
            'false: only the first and the last (count is null), without counting every incident',
          ),
        }),
        response: {
          200: z
            .object({ count: z.number().int().nullable(), first: z.string().nullable(), last: z.string().nullable() })
            .meta({ id: 'IncidentExtent' }),
          ...errorResponses,
        },
      },
    },
    async (request) => getIncidentExtent(ctx, request.caller, { count: request.query.count !== 'false' }),
  );
};
