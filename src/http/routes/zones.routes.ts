/** Zones of control: the map on any day, each zone's control history, and changes of control. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import type { RecomputeResult } from '../../app/findings/recompute-findings.ts';
import { appendControl } from '../../app/zones/append-control.ts';
import { createZone } from '../../app/zones/create-zone.ts';
import { getZone, type ZoneRecord } from '../../app/zones/get-zone.ts';
import { controlChangeSchema, controlHistorySchema, newZoneSchema } from '../../app/shared/inputs.ts';
import { listZones } from '../../app/zones/list-zones.ts';
import { mapZones } from '../../app/zones/map-zones.ts';
import { replaceControl } from '../../app/zones/replace-control.ts';
import { iso, zoneView } from '../../app/shared/views.ts';
import type { ZoneAsOf } from '../../app/zones/zones-as-of.ts';
import { bboxOf } from '../../domain/geo.ts';
import { ZONE_STATUSES } from '../../domain/zone-status.ts';
import { errorResponses, idParams, pageOf, pageQuery } from '../schemas.ts';
import {
  bboxQuery,
  classified,
  geometryOut,
  instantOut,
  instantQuery,
  pageRequest,
  pageResponse,
  recomputedOut,
  toBBox,
  toInstant,
} from './world-schemas.ts';

const statusOut = z
  .enum(ZONE_STATUSES)
  .describe(
    'covered: held by a party of an agreement in force, nobody excluded; excluded: held only by excluded groups; ' +
      'intermingled: both; uncovered: held, but by no party; unknown: no control recorded',
  );

const zoneAsOfOut = z
  .object({
    id: z.string(),
    name: z.string(),
    ...classified,
    bbox: z.array(z.number()).describe('[minLon, minLat, maxLon, maxLat]'),
    controllers: z.array(z.string()),
    status: statusOut,
  })
  .meta({ id: 'ZoneAsOf' });

const zoneOut = z
  .object({
    id: z.string(),
    name: z.string(),
    ...classified,
    geometry: geometryOut,
    control: z.array(z.object({ actors: z.array(z.string()), from: instantOut, to: instantOut.nullable() })),
  })
  .meta({ id: 'Zone' });

const featureCollectionOut = z.object({
  type: z.literal('FeatureCollection'),
  as_of: instantOut,
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: geometryOut,
      properties: z.object({
        id: z.string(),
        name: z.string(),
        status: statusOut,
        controllers: z.array(z.string()),
        classification: classified.classification,
      }),
    }),
  ),
});

const changedOut = z.object({ zone: zoneOut, findings: recomputedOut });
const changed = ({ value, findings }: { value: ZoneRecord; findings: RecomputeResult | null }) => ({
  zone: zoneView(value),
  findings,
});

const asOfView = (z: ZoneAsOf) => ({
  id: z.zone.id,
  name: z.zone.name,
  classification: z.zone.classification,
  owner_org: z.zone.ownerOrg,
  bbox: bboxOf(z.zone.geometry),
  controllers: z.controllers,
  status: z.status,
});

const asOf = instantQuery.describe('The instant (ISO 8601 with offset); now by default');

export const zonesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/zones',
    {
      schema: {
        tags: ['zones'],
        summary: 'Zones with their controllers and status at an instant',
        querystring: pageQuery.extend({
          as_of: asOf,
          bbox: bboxQuery,
          status: z.enum(ZONE_STATUSES).optional(),
          controller: z.string().max(200).optional().describe('Zones this actor held at the instant'),
        }),
        response: { 200: pageOf(zoneAsOfOut).extend({ as_of: instantOut }), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listZones(
        ctx,
        request.caller,
        { asOf: toInstant(q.as_of), bbox: toBBox(q.bbox), status: q.status, controller: q.controller },
        pageRequest(q, 1),
      );
      return { ...pageResponse(page, asOfView), as_of: iso(page.asOf) };
    },
  );

  app.get(
    '/zones.geojson',
    {
      schema: {
        tags: ['zones'],
        summary: 'The map on a day: a GeoJSON FeatureCollection of the zones in a box, with their status',
        querystring: z.object({ as_of: asOf, bbox: bboxQuery }),
        response: { 200: featureCollectionOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const map = await mapZones(ctx, request.caller, toInstant(request.query.as_of), toBBox(request.query.bbox));
      void reply.type('application/geo+json');
      return {
        type: 'FeatureCollection' as const,
        as_of: iso(map.asOf),
        features: map.zones.map((z) => ({
          type: 'Feature' as const,
          id: z.zone.id,
          geometry: z.zone.geometry,
          properties: {
            id: z.zone.id,
            name: z.zone.name,
            status: z.status,
            controllers: z.controllers,
            classification: z.zone.classification,
          },
        })),
      };
    },
  );

  app.get(
    '/zones/:id',
    {
      schema: {
        tags: ['zones'],
        summary: 'A zone: its geometry and whole control history',
        params: idParams,
        response: { 200: zoneOut, ...errorResponses },
      },
    },
    async (request) => zoneView(await getZone(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/zones',
    {
      schema: {
        tags: ['zones'],
        summary: 'Add a zone (world:manage)',
        body: newZoneSchema,
        response: { 201: changedOut, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(changed(await createZone(ctx, request.caller, request.body))),
  );

  app.put(
    '/zones/:id/control',
    {
      schema: {
        tags: ['zones'],
        summary: "Replace a zone's control history (world:manage); affected findings are judged again",
        params: idParams,
        body: controlHistorySchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) => changed(await replaceControl(ctx, request.caller, request.params.id, request.body)),
  );

  app.post(
    '/zones/:id/control',
    {
      schema: {
        tags: ['zones'],
        summary:
          'Record a change of control at `at` (world:manage): the open entry closes, a new one opens; affected findings are judged again',
        params: idParams,
        body: controlChangeSchema,
        response: { 201: changedOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(changed(await appendControl(ctx, request.caller, request.params.id, request.body))),
  );
};
