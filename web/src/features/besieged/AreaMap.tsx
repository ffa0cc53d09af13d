/**
 * An area's map on its page: MapLibre on the offline basemap (place names in the reader's
 * language), fitted to the area, its polygon coloured by its status. Loaded only with the page.
 */
import type { BesiegedStatus } from '../../../../src/contract/siege.ts';
import { MapView } from '../../map/MapView.tsx';
import { boxOf, positions } from './area-shapes.ts';
import { SIEGE_COLOUR } from './SiegeBadge.tsx';

export function AreaMap({
  geometry,
  status,
  label,
}: {
  geometry: { type: string; coordinates: unknown };
  status: BesiegedStatus | null;
  label: string;
}) {
  const box = boxOf(positions(geometry.coordinates));
  if (!box) return null;
  // A few kilometres around the area, so that the towns near it are named.
  const pad = 0.08;
  const colour = SIEGE_COLOUR[status ?? 'no_longer_besieged'];
  return (
    <MapView
      className="map siege-map"
      label={label}
      bounds={[
        [box[0] - pad, box[1] - pad],
        [box[2] + pad, box[3] + pad],
      ]}
      onReady={(map) => {
        map.addSource('siege-area', {
          type: 'geojson',
          data: { type: 'Feature', properties: {}, geometry: geometry as GeoJSON.Geometry },
        });
        map.addLayer({
          id: 'siege-area-fill',
          type: 'fill',
          source: 'siege-area',
          paint: { 'fill-color': colour, 'fill-opacity': 0.25 },
        });
        map.addLayer({
          id: 'siege-area-line',
          type: 'line',
          source: 'siege-area',
          paint: { 'line-color': colour, 'line-width': 2 },
        });
      }}
    />
  );
}
