/**
 * The map: where the truce holds and where it breaks, on any day. Incidents come from the
 * server already grouped by grid cell (never every point), zones of control as they stood that
 * day, protected sites and convoy routes; a click opens what was clicked in the side card.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DateField } from '../../app/DateField.tsx';
import { useSession } from '../../api/session.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Cluster, clusterFeatures, clusterRadius, pointFeatures } from '../../map/incident-features.ts';
import { fadeCoveredLabels } from '../../map/labels.ts';
import { maplibregl, type MapLibreMap, MapView } from '../../map/MapView.tsx';
import { convoyFeatures, siteFeatures } from '../../map/plan-features.ts';
import { addDataLayers, CLICKABLE, type LayerGroup, setGroupVisible, setSourceData } from './layers.ts';
import { Legend } from './Legend.tsx';
import { MapCard, type Selection } from './MapCard.tsx';
import { useConvoys, useMapExtent, useMapIncidents, useProtectedSites, useZones } from './queries.ts';
import {
  asOfInstant,
  clampDay,
  dayAt,
  listDays,
  readView,
  writeView,
  dayIndex,
  dayRange,
  type MapTime,
  readMapTime,
  timeRange,
  type Window,
  WINDOWS,
} from './map-time.ts';

const clampBox = (b: maplibregl.LngLatBounds): string => {
  const r = (n: number) => Math.round(n * 1e4) / 1e4;
  return [
    Math.max(b.getWest(), -180),
    Math.max(b.getSouth(), -90),
    Math.min(b.getEast(), 180),
    Math.min(b.getNorth(), 90),
  ]
    .map(r)
    .join(',');
};

/** The box and zoom the map shows, as the incidents are asked for. */
const viewOf = (map: MapLibreMap) => ({ bbox: clampBox(map.getBounds()), zoom: Math.round(map.getZoom() * 10) / 10 });

export function MapPage() {
  const { t, timezone, day: showDay, number } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  // New reports and changed findings invalidate the extent and the incidents (api/live-invalidation.ts).
  const extent = useMapExtent();
  const range = useMemo(() => dayRange(extent.data, timezone, Date.now()), [extent.data, timezone]);
  const time = readMapTime(query, range);
  const [layers, setLayers] = useState<Record<LayerGroup, boolean>>({ incidents: true, zones: true, plans: true });
  const [selection, setSelection] = useState<Selection | null>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [inView, setInView] = useState<number | null>(null);
  const [dragDay, setDragDay] = useState<string | null>(null);
  const [optionsOpen, setOptionsOpen] = useState(false);
  const countMarkers = useRef<maplibregl.Marker[]>([]);
  const clusters = useRef<Cluster[]>([]);

  const initialView = useRef(readView(query));
  const viewParam = query.get('view');
  const setTime = useCallback(
    (next: MapTime) => {
      navigate(`/map?day=${next.day}&window=${next.window}${viewParam ? `&view=${viewParam}` : ''}`, { replace: true });
    },
    [viewParam],
  );

  const { from, to } = timeRange(time, timezone);

  // The day is known once the extent has come (or failed): asked before, the data would be the
  // wrong day's.
  const timeKnown = extent.data !== undefined || extent.error != null;
  // Incidents in view, aggregated on the server; again whenever the view, the time or the data change.
  // The view as the map last settled; until it moves, the view it was made with, known before its
  // style has loaded: the incidents are asked for while the map loads (a second or so in software
  // WebGL), and a slow answer (a million incidents) is hidden behind it.
  const [opened, setOpened] = useState<{ bbox: string; zoom: number } | null>(null);
  const [bounds, setBounds] = useState<{ bbox: string; zoom: number } | null>(null);
  const view = bounds ?? opened;
  const incidents = useMapIncidents(layers.incidents && view && timeKnown ? { ...view, from, to } : null);
  useEffect(() => {
    const data = incidents.data;
    if (!map || !data) return;
    clusters.current = data.clusters;
    setSourceData(map, 'incident-clusters', clusterFeatures(data.clusters));
    setSourceData(map, 'incident-points', pointFeatures(data.points));
    for (const m of countMarkers.current) m.remove();
    countMarkers.current = data.clusters.map((c) => {
      const el = document.createElement('div');
      el.className = 'cluster-count';
      el.textContent = c.count < 1000 ? number(c.count) : `${number(Math.round(c.count / 100) / 10)}k`;
      el.setAttribute('aria-hidden', 'true');
      return new maplibregl.Marker({ element: el }).setLngLat([c.lon, c.lat]).addTo(map);
    });
    // A layer switched off keeps its markers, hidden.
    if (!layers.incidents) for (const m of countMarkers.current) m.getElement().style.display = 'none';
    setInView(data.total);
    fadeLabels.current();
    // For the map benchmark (bench/map.bench.ts): when the first incidents have been drawn.
    map.once('idle', () => {
      (window as { __truceMapReady?: number }).__truceMapReady ??= performance.now();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- drawn again for new data, not for a layer switch
  }, [map, incidents.data, number]);

  // Place names under a cluster fade, so its count stays readable.
  const fadeLabels = useRef<() => void>(() => undefined);
  fadeLabels.current = () => {
    if (!map) return;
    const circles = layers.incidents
      ? clusters.current.map((c) => {
          const p = map.project([c.lon, c.lat]);
          return { x: p.x, y: p.y, r: clusterRadius(c.count) + 2 };
        })
      : [];
    fadeCoveredLabels(map.getContainer(), circles);
  };

  useEffect(() => {
    if (!map) return;
    const reload = () => {
      setBounds(viewOf(map));
      // The view goes into the address, so a link shows the same place.
      const c = map.getCenter();
      const params = new URLSearchParams(location.search);
      params.set('view', writeView({ lon: c.lng, lat: c.lat, zoom: map.getZoom() }));
      navigate(`/map?${params.toString()}`, { replace: true });
    };
    const fade = () => fadeLabels.current();
    map.on('moveend', reload);
    map.on('idle', fade);
    return () => {
      map.off('moveend', reload);
      map.off('idle', fade);
    };
  }, [map]);
  useEffect(() => () => countMarkers.current.forEach((m) => m.remove()), []);

  // Zones of control as they stood at the end of the day.
  const zones = useZones(timeKnown ? asOfInstant(time.day, timezone) : null);
  useEffect(() => {
    if (map && zones.data) setSourceData(map, 'zones', zones.data);
  }, [map, zones.data]);

  // Protected sites valid that day; convoys planned within the window.
  const dayEnd = timeRange({ day: time.day, window: '7' }, timezone).to;
  const dayStart = new Date(Date.parse(dayEnd) - 86_400_000).toISOString();
  const sites = useProtectedSites(dayStart, dayEnd, timeKnown);
  const convoys = useConvoys(from, to, timeKnown);
  useEffect(() => {
    if (map && sites.data) setSourceData(map, 'sites', siteFeatures(sites.data));
  }, [map, sites.data]);
  useEffect(() => {
    if (map && convoys.data) setSourceData(map, 'convoys', convoyFeatures(convoys.data));
  }, [map, convoys.data]);

  useEffect(() => {
    if (!map) return;
    for (const g of Object.keys(layers) as LayerGroup[]) setGroupVisible(map, g, layers[g]);
    for (const m of countMarkers.current) m.getElement().style.display = layers.incidents ? '' : 'none';
  }, [map, layers]);

  const onCreate = useCallback((m: MapLibreMap) => setOpened(viewOf(m)), []);
  const onReady = useCallback((m: MapLibreMap) => {
    // The view as loaded: the same as made, unless the map was resized meanwhile.
    setBounds(viewOf(m));
    addDataLayers(m);
    const clickable = CLICKABLE.filter((id) => m.getLayer(id));
    m.on('click', (e) => {
      const [f] = m.queryRenderedFeatures(e.point, { layers: [...clickable] });
      if (!f) return setSelection(null);
      const p = f.properties as Record<string, string | number>;
      switch (f.layer.id) {
        case 'incident-points':
          return setSelection({ kind: 'incident', id: String(p.id) });
        case 'incident-clusters': {
          const c = clusters.current[Number(p.index)];
          return setSelection(c ? { kind: 'cluster', cluster: c } : null);
        }
        case 'sites-point':
          return setSelection({
            kind: 'site',
            id: String(p.id),
            owner: String(p.owner),
            siteKind: String(p.kind),
            bufferM: Number(p.buffer_m),
          });
        case 'convoys-line':
          return setSelection({
            kind: 'convoy',
            id: String(p.id),
            organizer: String(p.organizer),
            from: String(p.from),
            to: String(p.to),
          });
        case 'zones-fill':
          return setSelection({
            kind: 'zone',
            id: String(p.id),
            name: String(p.name),
            // A null property may not reach the rendered feature.
            nameAr: typeof p.name_ar === 'string' ? p.name_ar : null,
            status: String(p.status),
            // A list property comes back from the map's source as JSON text, or as the list itself.
            controllers: Array.isArray(p.controllers)
              ? (p.controllers as string[])
              : typeof p.controllers === 'string'
                ? (JSON.parse(p.controllers) as string[])
                : [],
          });
        default:
          return setSelection(null);
      }
    });
    for (const id of clickable) {
      m.on('mouseenter', id, () => {
        m.getCanvas().style.cursor = 'pointer';
      });
      m.on('mouseleave', id, () => {
        m.getCanvas().style.cursor = '';
      });
    }
    setMap(m);
  }, []);

  const maxIndex = dayIndex(range, range.last);
  const shownDay = dragDay ?? time.day;
  const commitDay = (day: string) => {
    setDragDay(null);
    setTime({ ...time, day });
  };
  const step = (days: number) => {
    const i = Math.min(Math.max(dayIndex(range, time.day) + days, 0), maxIndex);
    setTime({ ...time, day: dayAt(range, i) });
  };

  return (
    <div className="map-page">
      <div className="map-toolbar" role="group" aria-label={t('map.title')}>
        <div className="time-control">
          <div className="time-label">
            <span className="muted">{t('map.asOf')}</span>
            <strong data-testid="map-day">{showDay(shownDay)}</strong>
          </div>
          <div className="time-slider">
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('map.prevDay')}
              onClick={() => step(-1)}
              disabled={dayIndex(range, time.day) <= 0}
            >
              ‹
            </button>
            <input
              type="range"
              min={0}
              max={Math.max(maxIndex, 0)}
              step={1}
              value={dayIndex(range, shownDay)}
              aria-label={t('map.asOf')}
              aria-valuetext={showDay(shownDay)}
              onChange={(e) => setDragDay(dayAt(range, Number(e.target.value)))}
              onPointerUp={(e) => commitDay(dayAt(range, Number((e.target as HTMLInputElement).value)))}
              onKeyUp={(e) => commitDay(dayAt(range, Number((e.target as HTMLInputElement).value)))}
            />
            <button
              type="button"
              className="btn btn-icon"
              aria-label={t('map.nextDay')}
              onClick={() => step(1)}
              disabled={dayIndex(range, time.day) >= maxIndex}
            >
              ›
            </button>
          </div>
          <div className="time-ends muted">
            <span>{showDay(range.first)}</span>
            <span>{showDay(range.last)}</span>
          </div>
        </div>
        {/* On a phone the other controls fold behind one button, so the map keeps the screen. */}
        <button
          type="button"
          className="btn btn-small map-options-toggle"
          aria-expanded={optionsOpen}
          aria-controls="map-options"
          onClick={() => setOptionsOpen(!optionsOpen)}
        >
          {optionsOpen ? t('map.options.hide') : t('map.options.show')}
        </button>
        <div id="map-options" className={`map-options${optionsOpen ? ' open' : ''}`}>
          <DateField
            id="m-day"
            className="map-day"
            label={t('map.goToDay')}
            value={time.day}
            min={range.first}
            max={range.last}
            onChange={(v) => v && setTime({ ...time, day: clampDay(v, range) })}
          />
          <label className="window-select">
            <span className="muted">{t('map.window')}</span>
            <select value={time.window} onChange={(e) => setTime({ ...time, window: e.target.value as Window })}>
              {WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {t(`map.window.${w}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="layer-toggles">
            <legend className="muted">{t('map.layers')}</legend>
            {(['incidents', 'zones', 'plans'] as const).map((g) => (
              <label key={g} className="toggle">
                <input
                  type="checkbox"
                  checked={layers[g]}
                  onChange={(e) => setLayers({ ...layers, [g]: e.target.checked })}
                />
                {t(`map.layer.${g}`)}
              </label>
            ))}
          </fieldset>
          {can('world:manage') && (
            <Link className="btn btn-small" to="/zones/new" data-testid="new-zone">
              {t('zone.new')}
            </Link>
          )}
        </div>
        {/* Held in place, unseen, until the count comes: appearing, it made the toolbar a fraction of a
            pixel taller, and the map's resize asked for the incidents of the new box a second time. */}
        {inView !== null ? (
          <div className="in-view" data-testid="map-count">
            {t('map.count', { count: number(inView) })}
          </div>
        ) : (
          <div className="in-view" style={{ visibility: 'hidden' }} aria-hidden="true">
            {t('map.count', { count: '…' })}
          </div>
        )}
      </div>
      <div className="map-stage">
        <MapView
          onCreate={onCreate}
          onReady={onReady}
          label={t('map.title')}
          className="map map-full"
          view={initialView.current}
        />
        <Legend />
        {selection && (
          <MapCard
            selection={selection}
            onClose={() => setSelection(null)}
            days={listDays(time)}
            onZoom={(b) =>
              map?.fitBounds(
                [
                  [b[0]!, b[1]!],
                  [b[2]!, b[3]!],
                ],
                { padding: 80, maxZoom: 14 },
              )
            }
          />
        )}
      </div>
    </div>
  );
}
