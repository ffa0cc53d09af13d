/** How the map's data looks in responses, and the queries that ask for it. */
import { z } from 'zod';
import { MAP_VERDICTS, parseBBox } from '../../app/map/grid.ts';
import type { MapIncidentsInput } from '../../app/map/map-incidents.ts';
import { booleanQuery } from '../schemas.ts';

const instant = z.iso.datetime({ offset: true });
const verdictCounts = z.object(
  Object.fromEntries(MAP_VERDICTS.map((v) => [v, z.number().int()])) as Record<
    (typeof MAP_VERDICTS)[number],
    z.ZodNumber
  >,
);

export const mapIncidentsSchema = z
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

export const mapIncidentsQuery = z.object({
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
});

export const toMapInput = (q: z.infer<typeof mapIncidentsQuery>): MapIncidentsInput => {
  const to = q.to ?? q.as_of;
  return {
    bbox: q.bbox,
    zoom: q.zoom,
    from: q.from ? Date.parse(q.from) : null,
    to: to ? Date.parse(to) : null,
    act: q.act ?? null,
    actor: q.actor ?? null,
  };
};

export const extentQuery = z.object({
  count: booleanQuery.describe('false: only the first and the last (count is null), without counting every incident'),
});

/**
 * The route names it `IncidentExtent` when it is registered: the OpenAPI components come in the
 * order their names are given, so naming it here, on import, would reorder web/src/api/openapi.json.
 */
export const incidentExtentOut = z.object({
  count: z.number().int().nullable(),
  first: z.string().nullable(),
  last: z.string().nullable(),
});
