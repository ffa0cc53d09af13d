/** Addresses about a zone: the page of one of its changes of control, the map centred on it. */
import { type Area, bboxOf, pointOnSurface } from '../../../../src/contract/geometry.ts';
import { writeView } from '../map/map-time.ts';

/** `/territory/<zone>/<epoch ms>`: one change of control, whatever the offset its instant was written with. */
export const changePath = (zoneId: string, at: string | number): string =>
  `/territory/${encodeURIComponent(zoneId)}/${typeof at === 'number' ? at : Date.parse(at)}`;

/** A zone's geometry as the API gives it (any GeoJSON geometry in the schema), as the area it always is. */
export const asArea = (g: { type: string; coordinates: unknown[] }): Area | null =>
  g.type === 'Polygon' || g.type === 'MultiPolygon' ? (g as Area) : null;

/** The map's `view` that shows the whole area: a point inside it, and a zoom at which its box fits the screen. */
export function mapViewOf(area: Area): string {
  const [x1, y1, x2, y2] = bboxOf(area);
  const span = Math.max(x2 - x1, (y2 - y1) * 1.3, 1e-4);
  const zoom = Math.min(13, Math.max(5, Math.log2(420 / span)));
  const [lon, lat] = pointOnSurface(area);
  return writeView({ lon, lat, zoom });
}
