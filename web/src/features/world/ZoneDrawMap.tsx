/**
 * The map a zone is drawn on, with terra-draw: two polygon tools (a part, a hole: each shape
 * remembers which by its terra-draw mode) and a tool that selects a shape to drag its points, add
 * one from an edge's middle or remove one by a right click. Every finished stroke hands the shapes
 * to the page, which checks them (zone-drawing.ts). Geometry is drawn as it is: no mirroring in Arabic.
 *
 * For what a right click cannot do on a phone or from the keyboard, the page holds a handle: take
 * back the last point of the shape being drawn (terra-draw's undo while drawing), select a shape,
 * give a shape its ring without a point. A tap or click near a point of the selected shape chooses
 * it (`onPick`), and the point chosen is ringed on the map.
 */
import { type ReactNode, type Ref, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import {
  type GeoJSONStoreFeatures,
  TerraDraw,
  type TerraDrawMouseEvent,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { Position } from '../../../../src/contract/geometry.ts';
import { type MapLibreMap, MapView } from '../../map/MapView.tsx';
import { setSourceData } from '../map/layers.ts';
import { nearestPoint } from './point-pick.ts';
import type { Shape, ShapeRole } from './zone-drawing.ts';

export type DrawTool = ShapeRole | 'select';

/** What the page asks of the drawing besides its tools. */
export interface DrawHandle {
  /** Takes back the last point of the shape being drawn. */
  undoPoint(): void;
  /** Selects a shape, to move or choose its points (the select tool). */
  select(shapeId: string): void;
  /** Gives a shape a new ring (open); false when terra-draw refuses it. */
  setRing(shapeId: string, ring: Position[]): boolean;
}

/** How near a tap or click must fall to a point to choose it, in pixels (a fingertip). */
const PICK_PX = 24;

/** The ring of a shape in terra-draw's store, open (without its closing position). */
function ringOf(d: TerraDraw, id: string): Position[] | null {
  const f = d.getSnapshotFeature(id);
  if (f?.geometry.type !== 'Polygon') return null;
  return ((f.geometry.coordinates as Position[][])[0] ?? []).slice(0, -1);
}

const PART = '#1d3557';
const HOLE = '#b5651d';

const polygonTool = (role: ShapeRole) =>
  new TerraDrawPolygonMode({
    modeName: role,
    pointerDistance: 30,
    styles: {
      fillColor: role === 'part' ? PART : '#ffffff',
      fillOpacity: role === 'part' ? 0.22 : 0.55,
      outlineColor: role === 'part' ? PART : HOLE,
      outlineWidth: 2,
      closingPointColor: role === 'part' ? PART : HOLE,
      closingPointWidth: 6,
      closingPointOutlineColor: '#ffffff',
      closingPointOutlineWidth: 2,
    },
  });

const editable = {
  feature: {
    draggable: true,
    coordinates: { midpoints: true, draggable: true, deletable: true },
  },
};

/** The shapes in terra-draw's store: finished polygons of the two tools, in the order they were drawn. */
function shapesOf(features: GeoJSONStoreFeatures[]): Shape[] {
  return features
    .filter(
      (f) =>
        f.geometry.type === 'Polygon' &&
        (f.properties.mode === 'part' || f.properties.mode === 'hole') &&
        !f.properties.currentlyDrawing,
    )
    .map((f) => {
      const ring = (f.geometry.coordinates as Position[][])[0] ?? [];
      return {
        id: String(f.id),
        role: f.properties.mode as ShapeRole,
        // terra-draw keeps rings closed; the shapes hold them open.
        ring: ring.slice(0, -1).map(([lon, lat]) => [lon, lat] as Position),
      };
    });
}

/** The other zones, drawn faintly under the shapes so that a new outline can follow or avoid them. */
function addOtherZones(map: MapLibreMap): void {
  map.addSource('other-zones', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'other-zones-fill',
    type: 'fill',
    source: 'other-zones',
    paint: { 'fill-color': '#64707f', 'fill-opacity': 0.12 },
  });
  map.addLayer({
    id: 'other-zones-line',
    type: 'line',
    source: 'other-zones',
    paint: { 'line-color': '#64707f', 'line-width': 1.2, 'line-dasharray': [2, 2] },
  });
}

export function ZoneDrawMap({
  initial,
  others,
  view,
  tool,
  remove,
  onRemoved,
  onShapes,
  onUnopened,
  label,
  handle,
  picked,
  onPick,
  onSelected,
  onCanUndo,
  children,
}: {
  initial: readonly Shape[];
  /** The other zones the reader may see (GeoJSON), for context. */
  others: unknown;
  view: { lon: number; lat: number; zoom: number } | null;
  tool: DrawTool;
  /** A shape to remove ('*': all), then `onRemoved`. */
  remove: string | null;
  onRemoved(): void;
  onShapes(shapes: Shape[]): void;
  /** Some of the shapes opened could not be drawn. */
  onUnopened(): void;
  label: string;
  handle: Ref<DrawHandle>;
  /** The point chosen, ringed on the map. */
  picked: { shape: string; index: number } | null;
  /** A tap or click near a point of the selected shape: its index, of `count` points. */
  onPick(shape: string, index: number, count: number): void;
  /** The shape selected by the select tool, or none. */
  onSelected(shape: string | null): void;
  /** Whether a point of the shape being drawn can be taken back. */
  onCanUndo(can: boolean): void;
  /** Controls shown over the map. */
  children?: ReactNode;
}) {
  const draw = useRef<TerraDraw | null>(null);
  const onShapesRef = useRef(onShapes);
  onShapesRef.current = onShapes;
  const onUnopenedRef = useRef(onUnopened);
  onUnopenedRef.current = onUnopened;
  const toolRef = useRef(tool);
  toolRef.current = tool;
  const pickedRef = useRef(picked);
  pickedRef.current = picked;
  const on = useRef({ onPick, onSelected, onCanUndo });
  on.current = { onPick, onSelected, onCanUndo };
  const drawPickedRef = useRef<() => void>(() => undefined);
  const emitRef = useRef<() => void>(() => undefined);
  const [ready, setReady] = useState(false);
  const map = useRef<MapLibreMap | null>(null);

  const onReady = useCallback(
    (m: MapLibreMap) => {
      map.current = m;
      addOtherZones(m);
      let selected: string | null = null;
      let drawing: TerraDraw | null = null;
      // A tap or click near a point of the selected shape chooses it, and terra-draw does not see it:
      // it would select the shape under the point (a hole's point lies in its part) or select nothing.
      const picks = (e: TerraDrawMouseEvent): boolean => {
        const ring = drawing && selected !== null ? ringOf(drawing, selected) : null;
        if (!ring || selected === null) return false;
        const onScreen = ring.map(([lon, lat]) => {
          const p = m.project([lon, lat]);
          return [p.x, p.y] as const;
        });
        const i = nearestPoint(onScreen, [e.containerX, e.containerY], PICK_PX);
        if (i !== null) on.current.onPick(selected, i, ring.length);
        return i !== null;
      };
      const d = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map: m, coordinatePrecision: 6 }),
        modes: [
          polygonTool('part'),
          polygonTool('hole'),
          new TerraDrawSelectMode({
            flags: { part: editable, hole: editable },
            pointerEvents: {
              leftClick: (e) => !picks(e),
              rightClick: true,
              contextMenu: false,
              onDragStart: true,
              onDrag: true,
              onDragEnd: true,
            },
          }),
        ],
        // Undo while a shape is being drawn: its last point taken back.
        undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
      });
      drawing = d;
      d.start();
      addPickedPoint(m);
      // The point chosen, ringed where it is now (it moves when dragged).
      const drawPicked = () => {
        const p = pickedRef.current;
        const at = p && ringOf(d, p.shape)?.[p.index];
        setSourceData(m, 'picked-point', {
          type: 'FeatureCollection',
          features: at ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: {} }] : [],
        });
        // Above terra-draw's own layers, added as it draws.
        m.moveLayer('picked-point');
      };
      drawPickedRef.current = drawPicked;
      d.on('select', (id) => {
        selected = String(id);
        on.current.onSelected(selected);
      });
      d.on('deselect', () => {
        selected = null;
        on.current.onSelected(null);
      });
      d.on('history', () => on.current.onCanUndo(d.canUndo()));
      // Handed on when they change: a shape finished, moved, a point added or removed (not each move of the pointer).
      let last = '';
      const emit = () => {
        const shapes = shapesOf(d.getSnapshot());
        const now = JSON.stringify(shapes);
        if (now === last) return;
        last = now;
        onShapesRef.current(shapes);
        drawPicked();
      };
      emitRef.current = emit;
      d.on('finish', () => {
        emit();
        on.current.onCanUndo(d.canUndo());
      });
      d.on('change', emit);
      if (initial.length > 0) {
        // terra-draw takes coordinates of at most its precision (6 decimals: about 0.1 m).
        const round = ([lon, lat]: Position): Position => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
        const added = d.addFeatures(
          initial.map((s) => ({
            id: s.id,
            type: 'Feature' as const,
            geometry: { type: 'Polygon' as const, coordinates: [[...s.ring, s.ring[0]!].map(round)] },
            properties: { mode: s.role },
          })),
        );
        // A shape it refuses would be missing from what is saved: the page says so and saves nothing.
        if (added.some((a) => !a.valid)) onUnopenedRef.current();
      }
      d.setMode(toolRef.current);
      draw.current = d;
      emit();
      setReady(true);
      return () => {
        draw.current = null;
        map.current = null;
        d.stop();
      };
    },
    // The shapes it opens with are drawn once, when the map is ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  useEffect(() => {
    const d = draw.current;
    // Setting the tool it has would stop and start it again, dropping the selection.
    if (d && d.getMode() !== tool) d.setMode(tool);
    if (d) on.current.onCanUndo(d.canUndo());
  }, [tool]);

  useEffect(() => {
    if (ready) drawPickedRef.current();
  }, [ready, picked]);

  useImperativeHandle(
    handle,
    () => ({
      undoPoint: () => {
        const d = draw.current;
        if (d?.canUndo()) d.undo();
        if (d) on.current.onCanUndo(d.canUndo());
      },
      select: (id) => draw.current?.selectFeature(id),
      setRing: (id, ring) => {
        const d = draw.current;
        if (!d || ring.length < 3) return false;
        try {
          d.updateFeatureGeometry(id, { type: 'Polygon', coordinates: [[...ring, ring[0]!]] });
          return true;
        } catch {
          return false; // terra-draw refused the ring: the shape stays as it was
        }
      },
    }),
    [],
  );

  useEffect(() => {
    if (ready && map.current && others) setSourceData(map.current, 'other-zones', others);
  }, [ready, others]);

  useEffect(() => {
    const d = draw.current;
    if (remove === null) return;
    if (d) {
      if (remove === '*') d.clear();
      else d.removeFeatures([remove]);
      emitRef.current();
    }
    onRemoved();
  }, [remove, onRemoved]);

  const bounds = initialBounds(initial);
  return (
    <div className="map-draw-wrap" data-ready={ready}>
      <MapView
        onReady={onReady}
        label={label}
        className="map map-draw"
        {...(bounds ? { bounds } : {})}
        view={bounds ? null : view}
      />
      {children}
    </div>
  );
}

/** The point chosen to be removed: a ring around it, over the shapes. */
function addPickedPoint(map: MapLibreMap): void {
  map.addSource('picked-point', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: 'picked-point',
    type: 'circle',
    source: 'picked-point',
    paint: {
      'circle-radius': 11,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': '#c1121f',
      'circle-stroke-width': 3,
    },
  });
}

/** The box of the shapes opened, grown a little, for the map to fit. */
function initialBounds(shapes: readonly Shape[]): [[number, number], [number, number]] | undefined {
  const points = shapes.flatMap((s) => s.ring);
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const m = Math.max(x2 - x1, y2 - y1) * 0.15 + 0.005;
  return [
    [x1 - m, y1 - m],
    [x2 + m, y2 + m],
  ];
}
