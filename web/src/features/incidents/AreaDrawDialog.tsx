/** Drawing an area on the map for the incident list: two clicks at opposite corners. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { type MapLibreMap, MapView } from '../../map/MapView.tsx';
import { boxFromCorners } from './filters.ts';

export function AreaDrawDialog({ onClose, onDone }: { onClose(): void; onDone(bbox: string): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [box, setBox] = useState<string | null>(null);
  const corner = useRef<[number, number] | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const onReady = useCallback((map: MapLibreMap) => {
    map.addSource('draw', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({
      id: 'draw-fill',
      type: 'fill',
      source: 'draw',
      paint: { 'fill-color': '#1d3557', 'fill-opacity': 0.15 },
    });
    map.addLayer({
      id: 'draw-line',
      type: 'line',
      source: 'draw',
      paint: { 'line-color': '#1d3557', 'line-width': 2 },
    });
    map.getCanvas().style.cursor = 'crosshair';
    map.on('click', (e) => {
      const p: [number, number] = [e.lngLat.lng, e.lngLat.lat];
      if (!corner.current) {
        corner.current = p;
        return;
      }
      const b = boxFromCorners(corner.current, p);
      corner.current = null;
      const [x1, y1, x2, y2] = b.split(',').map(Number) as [number, number, number, number];
      (map.getSource('draw') as unknown as { setData(d: unknown): void }).setData({
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [x1, y1],
              [x2, y1],
              [x2, y2],
              [x1, y2],
              [x1, y1],
            ],
          ],
        },
      });
      setBox(b);
    });
  }, []);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="draw-title" onCancel={onClose}>
      <header className="dialog-head">
        <h2 id="draw-title">{t('incidents.area.draw')}</h2>
        <button type="button" className="card-close" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p className="muted">{t('incidents.area.drawHelp')}</p>
      <MapView onReady={onReady} label={t('incidents.area.draw')} className="map map-dialog" />
      <footer className="dialog-foot">
        <button type="button" className="btn" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!box} onClick={() => box && onDone(box)}>
          {t('common.apply')}
        </button>
      </footer>
    </dialog>
  );
}
