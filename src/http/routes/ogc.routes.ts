/**
 * OGC API - Features, Part 1 Core with the GeoJSON encoding, under /api/v1/ogc, read-only: what
 * QGIS and GDAL (`ogrinfo`, `ogr2ogr`, the OAPIF driver) open. Every request is the caller's, by
 * an API token (`Authorization: Bearer ...`) or a session: each collection holds what the caller
 * may see (app/ogc/feature-collections.ts). Kept out of the main OpenAPI document: its own is at
 * /api/v1/ogc/api, as the standard's service-desc.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import {
  COLLECTION_IDS,
  COLLECTIONS,
  type CollectionId,
  collectionExtent,
  readFeature,
  readFeatures,
} from '../../app/ogc/feature-collections.ts';
import {
  apiDefinition,
  collectionJson,
  collectionParams,
  collectionsJson,
  CONFORMANCE,
  featureParams,
  itemsQuery,
  itemsText,
  landingJson,
  toFeatureQuery,
} from './ogc.schemas.ts';

const GEOJSON = 'application/geo+json; charset=utf-8';

export const ogcRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });
  const base = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}/api/v1/ogc`;
  const collectionOf = (id: string): CollectionId => {
    if (!(COLLECTION_IDS as readonly string[]).includes(id)) throw new AppError('NOT_FOUND', `no collection "${id}"`);
    return id as CollectionId;
  };
  const hide = { hide: true };

  app.get('/ogc', { schema: hide }, async (request) => landingJson(base(request)));
  app.get('/ogc/api', { schema: hide }, async (request, reply) =>
    reply.type('application/json; charset=utf-8').send(apiDefinition(base(request))),
  );
  app.get('/ogc/conformance', { schema: hide }, async () => ({ conformsTo: CONFORMANCE }));
  app.get('/ogc/collections', { schema: hide }, async (request) => collectionsJson(base(request), collectionExtent()));
  app.get('/ogc/collections/:collectionId', { schema: { ...hide, params: collectionParams } }, async (request) => {
    const id = collectionOf(request.params.collectionId);
    return collectionJson(
      base(request),
      COLLECTIONS.find((c) => c.id === id)!,
      collectionExtent(),
    );
  });

  app.get(
    '/ogc/collections/:collectionId/items',
    { schema: { ...hide, params: collectionParams, querystring: itemsQuery } },
    async (request, reply) => {
      const id = collectionOf(request.params.collectionId);
      const page = await readFeatures(ctx, request.caller, id, toFeatureQuery(id, request.query));
      const self = new URL(`${base(request)}/collections/${id}/items`);
      for (const [k, v] of new URL(request.url, 'http://x').searchParams)
        if (k !== 'cursor') self.searchParams.set(k, v);
      const cursor = request.query.cursor;
      if (cursor !== undefined) self.searchParams.set('cursor', cursor);
      return reply.type(GEOJSON).send(itemsText(self, page, ctx.now()));
    },
  );

  app.get(
    '/ogc/collections/:collectionId/items/:featureId',
    { schema: { ...hide, params: featureParams } },
    async (request, reply) => {
      const id = collectionOf(request.params.collectionId);
      const feature = await readFeature(ctx, request.caller, id, request.params.featureId);
      if (feature === null) throw new AppError('NOT_FOUND', `no feature "${request.params.featureId}" in ${id}`);
      const url = `${base(request)}/collections/${id}`;
      const links = JSON.stringify([
        {
          href: `${url}/items/${encodeURIComponent(request.params.featureId)}`,
          rel: 'self',
          type: 'application/geo+json',
        },
        { href: url, rel: 'collection', type: 'application/json' },
      ]);
      return reply.type(GEOJSON).send(`${feature.slice(0, -1)},"links":${links}}`);
    },
  );
};
