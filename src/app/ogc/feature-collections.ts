/**
 * The collections of the OGC API - Features (http/routes/ogc.routes.ts): incidents, zones as of an
 * instant, protected sites and territory findings, each read as the caller, so that row-level
 * security decides what is in them (as in every list). A page of features is the features as
 * GeoJSON text and where the next page starts; the incidents page by keyset through the same
 * reads as the exports, the others (hundreds, not millions) are read whole and cut by id.
 */
import type { IncidentFilter } from '../../contract/lists.ts';
import { type BBox, bboxOf, type Geometry } from '../../domain/geo.ts';
import type { Instant, Interval } from '../../domain/time.ts';
import { formatInstant } from '../../domain/time.ts';
import { incidentFeature } from '../../ingest/exports/geojson.ts';
import * as actors from '../../store/actor.repository.ts';
import * as findings from '../../store/finding.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { readIncidentPage } from '../exports/incident-pages.ts';
import { adminAreas } from '../map/admin-areas.ts';
import { zonesAsOf } from '../zones/zones-as-of.ts';

export const COLLECTION_IDS = ['incidents', 'zones', 'protected_sites', 'territory_findings'] as const;
export type CollectionId = (typeof COLLECTION_IDS)[number];

export interface CollectionInfo {
  id: CollectionId;
  title: string;
  description: string;
  /** What `datetime` selects by. */
  temporal: string;
}

export const COLLECTIONS: readonly CollectionInfo[] = [
  {
    id: 'incidents',
    title: 'Incidents',
    description:
      'Incidents you may see, a point each, with where they are for people, who did what to whom, the deaths and the current findings; oldest first.',
    temporal: 'when it occurred',
  },
  {
    id: 'zones',
    title: 'Zones of control',
    description:
      'Zones you may see, each with who held it and its status at an instant: the datetime given (the end of an interval), or now.',
    temporal: 'the instant the control is read at',
  },
  {
    id: 'protected_sites',
    title: 'Protected sites',
    description: 'Protected sites you may see, with their buffer, owner and validity.',
    temporal: 'its validity',
  },
  {
    id: 'territory_findings',
    title: 'Territory findings',
    description:
      "Findings on changes of a zone's control under an agreement you may see, drawn on the zone's area; by the instant of the change.",
    temporal: 'the instant of the change',
  },
];

let extent: BBox | null = null;

/** The collections' extent: Syria's, the box of its governorates (data/boundaries), in CRS84. */
export function collectionExtent(): BBox {
  extent ??= adminAreas().reduce<BBox>(
    (b, a) => [
      Math.min(b[0], a.bbox[0]),
      Math.min(b[1], a.bbox[1]),
      Math.max(b[2], a.bbox[2]),
      Math.max(b[3], a.bbox[3]),
    ],
    [180, 90, -180, -90],
  );
  return extent;
}

export interface FeatureQuery {
  bbox?: BBox | undefined;
  /** Closed: features at `from` and at `to` are in it; null ends are open. */
  datetime?: { from: Instant | null; to: Instant | null } | undefined;
  limit: number;
  /** Where the page starts: a cursor given in an earlier page's `next`. */
  after?: readonly (string | number)[] | null | undefined;
  /** The incidents list's filters, on incidents only. */
  incidents?: IncidentFilter | undefined;
}

export interface FeaturePage {
  /** Each feature as GeoJSON text. */
  features: string[];
  next: readonly (string | number)[] | null;
}

interface Feature {
  id: string;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

const featureText = (f: Feature): string =>
  JSON.stringify({ type: 'Feature', id: f.id, geometry: f.geometry, properties: f.properties });

const meets = (geometry: Geometry, box: BBox | undefined): boolean => {
  if (!box) return true;
  const [x1, y1, x2, y2] = bboxOf(geometry);
  return x1 <= box[2] && x2 >= box[0] && y1 <= box[3] && y2 >= box[1];
};

const iso = (t: Instant | null): string | null => (t === null ? null : formatInstant(t));
const overlaps = (valid: Interval, q: FeatureQuery['datetime']): boolean =>
  !q || ((q.to === null || valid.from <= q.to) && (q.from === null || valid.to === null || valid.to > q.from));
const within = (t: Instant, q: FeatureQuery['datetime']): boolean =>
  !q || ((q.from === null || t >= q.from) && (q.to === null || t <= q.to));

/** Features sorted by id, cut after the cursor. */
function pageOf(features: Feature[], q: FeatureQuery): FeaturePage {
  const after = q.after?.[0];
  const sorted = features
    .filter((f) => after === undefined || f.id > String(after))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items = sorted.slice(0, q.limit);
  return { features: items.map(featureText), next: sorted.length > q.limit ? [items.at(-1)!.id] : null };
}

/** A page of a collection's features, as the caller may see them. */
export async function readFeatures(
  ctx: AppContext,
  caller: Caller | null,
  collection: CollectionId,
  q: FeatureQuery,
): Promise<FeaturePage> {
  const c = requireCaller(caller);
  const reader = readerOf(c);
  switch (collection) {
    case 'incidents': {
      const to = q.datetime?.to;
      const filter: IncidentFilter = {
        ...q.incidents,
        bbox: q.bbox,
        from: q.datetime?.from ?? undefined,
        // Closed at its end: the incidents of that very instant are in it.
        to: to === null || to === undefined ? undefined : to + 1,
      };
      const page = await readIncidentPage(ctx, c, filter, 'occurred_at', q.after ?? null, q.limit);
      return { features: page.items.map(incidentFeature), next: page.next };
    }
    case 'zones': {
      const at = q.datetime?.to ?? q.datetime?.from ?? ctx.now();
      const read = await asReader(ctx.db, reader, async (sql) => ({
        zones: await zonesAsOf(sql, at, q.bbox),
        names: await actors.names(sql),
      }));
      return pageOf(
        read.zones
          .filter((z) => meets(z.zone.geometry, q.bbox))
          .map((z) => ({
            id: z.zone.id,
            geometry: z.zone.geometry,
            properties: {
              id: z.zone.id,
              name: z.zone.name,
              name_ar: z.zone.nameAr ?? null,
              as_of: formatInstant(at),
              status: z.status,
              controllers: z.controllers.join(', '),
              controller_names: z.controllers.map((a) => read.names.get(a) ?? a).join(', '),
              classification: z.zone.classification,
            },
          })),
        q,
      );
    }
    case 'protected_sites': {
      const sites = await asReader(ctx.db, reader, async (sql) => {
        const all: plans.SiteRecord[] = [];
        for (let after: readonly (string | number)[] | null = null; ;) {
          const page = await plans.listProtectedSitePage(sql, {}, { limit: 500, after });
          all.push(...page.items);
          if (page.next === null) return all;
          after = page.next;
        }
      });
      return pageOf(
        sites
          .filter((s) => meets(s.geometry, q.bbox) && overlaps(s.valid, q.datetime))
          .map((s) => ({
            id: s.id,
            geometry: s.geometry,
            properties: {
              id: s.id,
              kind: s.kind,
              owner: s.owner,
              buffer_m: s.bufferM,
              valid_from: formatInstant(s.valid.from),
              valid_to: iso(s.valid.to),
              notified_to: s.notifiedTo.join(', '),
              classification: s.classification,
            },
          })),
        q,
      );
    }
    case 'territory_findings': {
      const read = await asReader(ctx.db, reader, async (sql) => ({
        findings: await findings.list(sql, 'territory'),
        zones: new Map((await zones.listRecords(sql)).map((z) => [z.id, z])),
      }));
      return pageOf(
        read.findings.flatMap((f) => {
          const zone = read.zones.get(f.subjectId);
          if (!zone || !meets(zone.geometry, q.bbox) || !within(f.at, q.datetime)) return [];
          const { verdict, violators } = findings.effective(f);
          return [
            {
              id: f.key,
              geometry: zone.geometry,
              properties: {
                key: f.key,
                zone: zone.id,
                zone_name: zone.name,
                zone_name_ar: zone.nameAr ?? null,
                agreement: f.agreement,
                at: formatInstant(f.at),
                verdict,
                violators: violators.join(', '),
                rule: f.rule,
                explanation: f.explanation,
              },
            },
          ];
        }),
        q,
      );
    }
  }
}

/** One feature by id, or null when there is none the caller may see. */
export async function readFeature(
  ctx: AppContext,
  caller: Caller | null,
  collection: CollectionId,
  id: string,
  datetime?: FeatureQuery['datetime'],
): Promise<string | null> {
  if (collection === 'incidents') {
    const page = await readFeatures(ctx, caller, collection, { limit: 1, incidents: { ids: [id] } });
    return page.features[0] ?? null;
  }
  // The small collections: read whole, the feature found by id.
  const all = await readFeatures(ctx, caller, collection, { limit: Number.MAX_SAFE_INTEGER, datetime });
  return all.features.find((f) => (JSON.parse(f) as { id: string }).id === id) ?? null;
}
