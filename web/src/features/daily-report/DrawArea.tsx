/**
 * The daily report's drawn area: one polygon drawn on the map with the zone editor's drawing
 * (ZoneDrawMap, terra-draw: a click or a tap at each corner, the first point again to close it),
 * checked as the server checks it (src/domain/drawn-area.ts: a zone's checks, at most 500 points)
 * and said in the page's language before it is sent. A second shape drawn replaces the first. The
 * area is handed back as its ring encoded for the page's address (`polygon=`).
 */
import { useMemo, useRef, useState } from 'react';
import {
  decodeRing,
  drawnAreaProblems,
  encodeRing,
  polygonOfRing,
  ringAreaKm2,
} from '../../../../src/contract/geometry.ts';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type DrawHandle, type DrawTool, ZoneDrawMap } from '../world/ZoneDrawMap.tsx';
import { drawingProblems, type Shape, shapesOfArea } from '../world/zone-drawing.ts';

/** Syria whole, when nothing was drawn before. */
const SYRIA_VIEW = { lon: 38.4, lat: 35.0, zoom: 5.6 };

/** A problem as a sentence of its own (the server writes it to follow a path). */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function DrawArea({
  initial,
  view,
  onApply,
  onCancel,
}: {
  /** The area drawn before (its encoded ring), to change. */
  initial: string | null;
  /** Where the map opens when nothing was drawn before (the address's `view`, as the map's); Syria whole by default. */
  view: { lon: number; lat: number; zoom: number } | null;
  onApply(polygon: string): void;
  onCancel(): void;
}) {
  const { t, number, lang } = useI18n();
  const { say } = useStatements();
  const initialShapes = useMemo(() => {
    const ring = initial ? decodeRing(initial) : null;
    return ring && ring.length >= 3 ? shapesOfArea(polygonOfRing(ring)) : [];
  }, [initial]);
  const [shapes, setShapes] = useState<Shape[]>(initialShapes);
  const [tool, setTool] = useState<DrawTool>(initialShapes.length ? 'select' : 'part');
  const [remove, setRemove] = useState<string | null>(null);
  const [canUndo, setCanUndo] = useState(false);
  const handle = useRef<DrawHandle>(null);

  // One area: a shape drawn after another replaces it.
  const onShapes = (next: Shape[]) => {
    setShapes(next);
    if (next.length > 1) setRemove(next[0]!.id);
  };
  const shape = shapes.length === 1 ? shapes[0]! : null;
  const polygon = shape ? polygonOfRing(shape.ring) : null;
  const problems = useMemo(() => {
    if (!shape || !polygon) return [];
    const drawn = drawingProblems([shape]).map((p) => p.statement);
    return drawn.length ? drawn : drawnAreaProblems(polygon).map((p) => p.statement);
  }, [shape, polygon]);
  const km2 = shape ? ringAreaKm2(shape.ring) : 0;
  const size = new Intl.NumberFormat(lang === 'ar' ? 'ar-SY' : 'en-GB', {
    maximumSignificantDigits: km2 < 1 ? 1 : 2,
  }).format(km2);

  return (
    <section className="panel daily-report-draw" aria-labelledby="draw-area-title" data-testid="draw-area">
      <h2 id="draw-area-title">{t('dailyReport.draw.title')}</h2>
      <p className="muted">{t('dailyReport.draw.help')}</p>
      <div className="zone-draw-tools" role="group" aria-label={t('dailyReport.draw.tools')}>
        {(['part', 'select'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={`btn btn-small${tool === m ? ' btn-primary' : ''}`}
            aria-pressed={tool === m}
            onClick={() => setTool(m)}
          >
            {t(m === 'part' ? 'dailyReport.draw.mode' : 'dailyReport.draw.move')}
          </button>
        ))}
        {tool === 'part' && (
          <button
            type="button"
            className="btn btn-small"
            disabled={!canUndo}
            onClick={() => handle.current?.undoPoint()}
          >
            {t('zoneEdit.undoPoint')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small"
          disabled={shapes.length === 0}
          onClick={() => {
            setRemove('*');
            setTool('part');
          }}
        >
          {t('zoneEdit.clear')}
        </button>
      </div>
      <ZoneDrawMap
        initial={initialShapes}
        others={null}
        view={view ?? SYRIA_VIEW}
        tool={tool}
        remove={remove}
        onRemoved={() => setRemove(null)}
        onShapes={onShapes}
        onUnopened={() => setRemove('*')}
        label={t('dailyReport.draw.map')}
        handle={handle}
        picked={null}
        onPick={() => undefined}
        onSelected={() => undefined}
        onCanUndo={setCanUndo}
      />
      <p aria-live="polite" data-testid="draw-area-size">
        {shape
          ? t('dailyReport.draw.size', { km2: size, count: number(shape.ring.length) })
          : t('dailyReport.draw.none')}
      </p>
      {problems.length > 0 && (
        <ul className="notice notice-error shape-problems" role="alert" data-testid="draw-area-problems">
          {problems.map((p, i) => (
            <li key={i}>{sentence(say(p))}</li>
          ))}
        </ul>
      )}
      <div className="zone-draw-tools">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!shape || problems.length > 0}
          onClick={() => shape && onApply(encodeRing(shape.ring))}
          data-testid="draw-area-apply"
        >
          {t('dailyReport.draw.apply')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('dailyReport.draw.cancel')}
        </button>
      </div>
    </section>
  );
}
