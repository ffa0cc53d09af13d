/** How zones look in responses (as records, as of an instant, as GeoJSON), and the queries that ask for them. */
import { z } from 'zod';
import { CONTROL_CONFIDENCES } from '../../contract/enums.ts';
import type { RecomputeResult } from '../../app/findings/recompute-findings.ts';
import type { ZoneRecord } from '../../app/zones/get-zone.ts';
import type { ZoneFilter } from '../../app/zones/list-zones.ts';
import { iso, zoneView } from '../../app/shared/views.ts';
import type { ZoneAsOf } from '../../app/zones/zones-as-of.ts';
import { bboxOf } from '../../domain/geo.ts';
import type { Instant } from '../../domain/time.ts';
import { ZONE_STATUSES } from '../../domain/zone-status.ts';
import {
  arabicNameOut,
  bboxQuery,
  classified,
  geometryOut,
  instantOut,
  instantQuery,
  pageOf,
  pageQuery,
  recomputedJson,
  recomputedOut,
  toBBox,
  toInstant,
} from '../schemas.ts';

export const statusOut = z
  .enum(ZONE_STATUSES)
  .describe(
    'covered: held by a party of an agreement in force, nobody excluded; excluded: held only by excluded groups; ' +
      'intermingled: both; uncovered: held, but by no party; unknown: no control recorded',
  );

export const zoneAsOfOut = z
  .object({
    id: z.string(),
    name: z.string(),
    name_ar: arabicNameOut('name'),
    ...classified,
    bbox: z.array(z.number()).describe('[minLon, minLat, maxLon, maxLat]'),
    controllers: z.array(z.string()),
    status: statusOut,
  })
  .meta({ id: 'ZoneAsOf' });

export const zoneOut = z
  .object({
    id: z.string(),
    name: z.string(),
    name_ar: arabicNameOut('name'),
    ...classified,
    geometry: geometryOut,
    control: z.array(
      z.object({
        actors: z.array(z.string()),
        from: instantOut,
        to: instantOut.nullable(),
        source: z.string().nullable().describe('Who reported it'),
        confidence: z.enum(CONTROL_CONFIDENCES).nullable().describe("The analyst's confidence"),
      }),
    ),
  })
  .meta({ id: 'Zone' });

export const featureCollectionOut = z.object({
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
        name_ar: arabicNameOut('name'),
        status: statusOut,
        controllers: z.array(z.string()),
        classification: classified.classification,
      }),
    }),
  ),
});

export const changedOut = z.object({
  zone: zoneOut,
  findings: recomputedOut,
  dry_run: z.boolean().describe('true: nothing was saved'),
});
export const changed = ({
  value,
  findings,
  dryRun,
}: {
  value: ZoneRecord;
  findings: RecomputeResult | null;
  dryRun: boolean;
}) => ({
  zone: zoneView(value),
  findings: recomputedJson(findings),
  dry_run: dryRun,
});

export const asOfView = (z: ZoneAsOf) => ({
  id: z.zone.id,
  name: z.zone.name,
  name_ar: z.zone.nameAr ?? null,
  classification: z.zone.classification,
  owner_org: z.zone.ownerOrg,
  bbox: bboxOf(z.zone.geometry),
  controllers: z.controllers,
  status: z.status,
});

export const asOf = instantQuery.describe('The instant (ISO 8601 with offset); now by default');

export const zonesQuery = pageQuery.extend({
  as_of: asOf,
  bbox: bboxQuery,
  status: z.enum(ZONE_STATUSES).optional(),
  controller: z.string().max(200).optional().describe('Zones this actor held at the instant'),
});
export const toZoneFilter = (q: z.infer<typeof zonesQuery>): ZoneFilter => ({
  asOf: toInstant(q.as_of),
  bbox: toBBox(q.bbox),
  status: q.status,
  controller: q.controller,
});
export const zonesPageOut = pageOf(zoneAsOfOut).extend({ as_of: instantOut });

export const mapQuery = z.object({ as_of: asOf, bbox: bboxQuery });
export const featureCollectionJson = (map: { asOf: Instant; zones: ZoneAsOf[] }) => ({
  type: 'FeatureCollection' as const,
  as_of: iso(map.asOf),
  features: map.zones.map((z) => ({
    type: 'Feature' as const,
    id: z.zone.id,
    geometry: z.zone.geometry,
    properties: {
      id: z.zone.id,
      name: z.zone.name,
      name_ar: z.zone.nameAr ?? null,
      status: z.status,
      controllers: z.controllers,
      classification: z.zone.classification,
    },
  })),
});
