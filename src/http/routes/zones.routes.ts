/** Zones of control: the map on any day, each zone's control history, and changes of control. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { appendControl } from '../../app/zones/append-control.ts';
import { changeZoneGeometry } from '../../app/zones/change-geometry.ts';
import { createZone } from '../../app/zones/create-zone.ts';
import { getZone } from '../../app/zones/get-zone.ts';
import {
  controlChangeSchema,
  controlHistorySchema,
  newZoneSchema,
  zoneGeometrySchema,
  zoneRenameSchema,
} from '../../app/shared/inputs.ts';
import { listZones } from '../../app/zones/list-zones.ts';
import { mapZones } from '../../app/zones/map-zones.ts';
import { renameZone } from '../../app/zones/rename-zone.ts';
import { replaceControl } from '../../app/zones/replace-control.ts';
import { iso, zoneView } from '../../app/shared/views.ts';
import {
  dryRunOf,
  dryRunQuery,
  errorResponses,
  idParams,
  pageRequest,
  pageResponse,
  toBBox,
  toInstant,
  writtenStatus,
} from '../schemas.ts';
import {
  asOfView,
  changed,
  changedOut,
  featureCollectionJson,
  featureCollectionOut,
  mapQuery,
  toZoneFilter,
  zoneOut,
  zonesPageOut,
  zonesQuery,
} from './zones.schemas.ts';

export const zonesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/zones',
    {
      schema: {
        tags: ['zones'],
        summary: 'Zones with their controllers and status at an instant',
        querystring: zonesQuery,
        response: { 200: zonesPageOut, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listZones(ctx, request.caller, toZoneFilter(q), pageRequest(q, 1));
      return { ...pageResponse(page, asOfView), as_of: iso(page.asOf) };
    },
  );

  app.get(
    '/zones.geojson',
    {
      schema: {
        tags: ['zones'],
        summary: 'The map on a day: a GeoJSON FeatureCollection of the zones in a box, with their status',
        querystring: mapQuery,
        response: { 200: featureCollectionOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const map = await mapZones(ctx, request.caller, toInstant(request.query.as_of), toBBox(request.query.bbox));
      void reply.type('application/geo+json');
      return featureCollectionJson(map);
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
        summary:
          'Add a zone (world:manage): its area is checked (enough points, no ring crossing itself, holes inside, parts apart, in Syria); the findings it affects are judged',
        querystring: dryRunQuery,
        body: newZoneSchema,
        response: { 200: changedOut, 201: changedOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const w = await createZone(ctx, request.caller, request.body, dryRunOf(request.query));
      return reply.status(writtenStatus(w, 201)).send(changed(w));
    },
  );

  app.patch(
    '/zones/:id',
    {
      schema: {
        tags: ['zones'],
        summary:
          'Rename a zone (world:manage); its area and control stay as they are, and its changes of control, which say its name, are judged again',
        params: idParams,
        querystring: dryRunQuery,
        body: zoneRenameSchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) =>
      changed(await renameZone(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query))),
  );

  app.put(
    '/zones/:id/geometry',
    {
      schema: {
        tags: ['zones'],
        summary:
          "Redraw a zone's area (world:manage), checked as when a zone is added; the findings of incidents in the old or new area, and the zone's changes of control, are judged again",
        params: idParams,
        querystring: dryRunQuery,
        body: zoneGeometrySchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) =>
      changed(await changeZoneGeometry(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query))),
  );

  app.put(
    '/zones/:id/control',
    {
      schema: {
        tags: ['zones'],
        summary: "Replace a zone's control history (world:manage); affected findings are judged again",
        params: idParams,
        querystring: dryRunQuery,
        body: controlHistorySchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) =>
      changed(await replaceControl(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query))),
  );

  app.post(
    '/zones/:id/control',
    {
      schema: {
        tags: ['zones'],
        summary:
          'Record a change of control at `at` (world:manage): the open entry closes, a new one opens; affected findings are judged again',
        params: idParams,
        querystring: dryRunQuery,
        body: controlChangeSchema,
        response: { 200: changedOut, 201: changedOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const w = await appendControl(ctx, request.caller, request.params.id, request.body, dryRunOf(request.query));
      return reply.status(writtenStatus(w, 201)).send(changed(w));
    },
  );
};
