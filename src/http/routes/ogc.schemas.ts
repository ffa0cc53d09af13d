/**
 * OGC API - Features (Part 1: Core, GeoJSON) under /api/v1/ogc: the query parameters of its items
 * (bbox, datetime, limit, the cursor of a `next` link, and on incidents the list's filters) and
 * the JSON of its landing page, conformance, collections and feature collections, links included.
 */
import { z } from 'zod';
import {
  COLLECTIONS,
  type CollectionId,
  type CollectionInfo,
  type FeaturePage,
  type FeatureQuery,
} from '../../app/ogc/feature-collections.ts';
import { parseInstant } from '../../domain/time.ts';
import { bboxQuery, encodeCursor, pageRequest, toBBox } from '../schemas.ts';
import { filterQuery, toFilter } from './incidents.schemas.ts';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
];

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
export const MAX_LIMIT = 10_000;
const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';

/** `2016-09-19T00:00:00Z`, `a/b`, `../b`, `a/..`: an instant or a closed interval, open where `..` or empty. */
export function parseDatetime(text: string): { from: number | null; to: number | null } | null {
  const parts = text.split('/');
  if (parts.length > 2) return null;
  const end = (s: string) => (s === '..' || s === '' ? null : parseInstant(s));
  if (parts.length === 1) {
    const t = parseInstant(text);
    return t === null ? null : { from: t, to: t };
  }
  const [a, b] = parts as [string, string];
  const from = end(a),
    to = end(b);
  if ((from === null && a !== '..' && a !== '') || (to === null && b !== '..' && b !== '')) return null;
  if (from !== null && to !== null && from > to) return null;
  return { from, to };
}

const { from: _from, to: _to, bbox: _bbox, ...incidentFilters } = filterQuery.shape;

export const itemsQuery = z
  .object({
    bbox: bboxQuery.describe('minLon,minLat,maxLon,maxLat (CRS84)'),
    datetime: z
      .string()
      .max(100)
      .refine((s) => parseDatetime(s) !== null, 'must be an RFC 3339 instant or interval (a/b, ../b, a/..)')
      .optional(),
    limit: z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be 1 or more')
      .default(10)
      .transform((n) => Math.min(n, MAX_LIMIT))
      .describe(`features a page, at most ${MAX_LIMIT} (more is read as ${MAX_LIMIT})`),
    cursor: z.string().max(500).optional().describe("where the page starts: from a page's next link"),
    ...incidentFilters,
  })
  .strict();

export type ItemsQuery = z.infer<typeof itemsQuery>;

export const collectionParams = z.object({ collectionId: z.string().max(100) });
export const featureParams = z.object({ collectionId: z.string().max(100), featureId: z.string().min(1).max(500) });

/** The query of a page of a collection; a cursor must be one this API gave for it (an incident's time and id, else an id). */
export const toFeatureQuery = (collection: CollectionId, q: ItemsQuery): FeatureQuery => ({
  bbox: toBBox(q.bbox),
  datetime: q.datetime === undefined ? undefined : parseDatetime(q.datetime)!,
  limit: q.limit,
  after: pageRequest(q, collection === 'incidents' ? ['instant', 'text'] : 1).after,
  incidents: toFilter({ ...q, from: undefined, to: undefined, bbox: undefined }),
});

const link = (href: string, rel: string, type: string, title?: string) => ({
  href,
  rel,
  type,
  ...(title ? { title } : {}),
});

export const landingJson = (base: string) => ({
  title: 'Truce: OGC API - Features',
  description:
    'The records of the truce you may see, for GIS: incidents, zones of control as of an instant, protected sites and territory findings (read-only; your API token decides what is in them).',
  links: [
    link(`${base}`, 'self', JSON_TYPE, 'this document'),
    link(`${base}/api`, 'service-desc', 'application/vnd.oai.openapi+json;version=3.0', 'the API definition'),
    link(`${base}/conformance`, 'conformance', JSON_TYPE, 'the conformance classes'),
    link(`${base}/conformance`, 'http://www.opengis.net/def/rel/ogc/1.0/conformance', JSON_TYPE),
    link(`${base}/collections`, 'data', JSON_TYPE, 'the collections'),
    link(`${base}/collections`, 'http://www.opengis.net/def/rel/ogc/1.0/data', JSON_TYPE),
  ],
});

export const collectionJson = (base: string, c: CollectionInfo, extent: readonly number[]) => ({
  id: c.id,
  title: c.title,
  description: `${c.description} datetime: ${c.temporal}.`,
  itemType: 'feature',
  crs: [CRS84],
  extent: { spatial: { bbox: [extent], crs: CRS84 } },
  links: [
    link(`${base}/collections/${c.id}`, 'self', JSON_TYPE, c.title),
    link(`${base}/collections/${c.id}/items`, 'items', GEOJSON, `${c.title} as GeoJSON`),
  ],
});

export const collectionsJson = (base: string, extent: readonly number[]) => ({
  links: [link(`${base}/collections`, 'self', JSON_TYPE, 'the collections')],
  collections: COLLECTIONS.map((c) => collectionJson(base, c, extent)),
});

/** A page of features as GeoJSON text: the features as they are, links to this page and the next. */
export function itemsText(selfUrl: URL, page: FeaturePage, now: number): string {
  const links = [link(selfUrl.toString(), 'self', GEOJSON, 'this page')];
  if (page.next !== null) {
    const next = new URL(selfUrl);
    next.searchParams.set('cursor', encodeCursor(page.next));
    links.push(link(next.toString(), 'next', GEOJSON, 'the next page'));
  }
  return `{"type":"FeatureCollection","features":[${page.features.join(',')}],"links":${JSON.stringify(links)},"timeStamp":"${new Date(now).toISOString()}","numberReturned":${page.features.length}}`;
}

/** The OpenAPI 3.0 definition of this API (the service-desc): its paths and their parameters. */
export function apiDefinition(base: string) {
  const param = (name: string, description: string, schema: Record<string, unknown>) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  });
  const ok = (type: string) => ({ '200': { description: 'OK', content: { [type]: { schema: { type: 'object' } } } } });
  return {
    openapi: '3.0.3',
    info: { title: 'Truce: OGC API - Features', version: '1.0' },
    servers: [{ url: base }],
    components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
    security: [{ token: [] }],
    paths: {
      '/': { get: { summary: 'Landing page', responses: ok(JSON_TYPE) } },
      '/conformance': { get: { summary: 'Conformance classes', responses: ok(JSON_TYPE) } },
      '/collections': { get: { summary: 'Collections', responses: ok(JSON_TYPE) } },
      '/collections/{collectionId}': {
        get: {
          summary: 'A collection',
          parameters: [{ name: 'collectionId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: ok(JSON_TYPE),
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features of a collection, a page at a time',
          parameters: [
            { name: 'collectionId', in: 'path', required: true, schema: { type: 'string' } },
            param('bbox', 'minLon,minLat,maxLon,maxLat', {
              type: 'array',
              items: { type: 'number' },
              minItems: 4,
              maxItems: 4,
            }),
            param('datetime', 'an instant or an interval', { type: 'string' }),
            param('limit', 'features a page', { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 10 }),
            param('cursor', "from a page's next link", { type: 'string' }),
          ],
          responses: ok(GEOJSON),
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'A feature',
          parameters: [
            { name: 'collectionId', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'featureId', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: ok(GEOJSON),
        },
      },
    },
  };
}
