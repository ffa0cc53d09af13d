/**
 * A zone drawn on the map: a new one (`/zones/new`: its name in English and in Arabic, who may
 * see it, its area) or one redrawn (`/zones/:id/edit`). Shapes are drawn with terra-draw
 * (ZoneDrawMap); each part and hole is listed with what is wrong with it, in the words the server
 * would use, and nothing can be sent until nothing is. Saving is previewed first (how many
 * findings it judges again).
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { CLASSIFICATIONS } from '../../api/enums.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { Field, NameFields, recordFallback } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { readView } from '../map/map-time.ts';
import { useZones } from '../map/queries.ts';
import { PreviewThenSave } from './change-preview.tsx';
import { type DrawHandle, type DrawTool, ZoneDrawMap } from './ZoneDrawMap.tsx';
import { MIN_POINTS, type PickedPoint, stepPoint, stillPicked, withoutPoint } from './point-pick.ts';
import { composeArea, drawingProblems, type Shape, type ShapePlace, shapesOfArea } from './zone-drawing.ts';
import { asArea } from './zone-links.ts';
import { type NewZoneBody, useNewZone, useRedrawZone, useZone } from './queries.ts';

export function ZoneDrawPage({ id }: { id: string | null }) {
  return id === null ? <NewZone /> : <RedrawZone id={id} />;
}

function NewZone() {
  const { t } = useI18n();
  const { query } = useLocation();
  const [name, setName] = useState('');
  const [nameAr, setNameAr] = useState('');
  const [classification, setClassification] = useState<NewZoneBody['classification']>('public');
  const change = useNewZone();
  const saved = change.save.data?.zone.id;
  useEffect(() => {
    if (saved) navigate(`/zones/${encodeURIComponent(saved)}`);
  }, [saved]);
  const { nameOf } = useI18n();
  return (
    <ZoneDraw
      title={t('zoneEdit.new.title')}
      back={{ to: '/map', label: t('zone.back') }}
      initial={null}
      exclude={null}
      view={readView(query)}
      fields={
        <div className="field-row">
          <NameFields
            ids={['zd-name', 'zd-name-ar']}
            labels={[t('zoneEdit.name'), t('zoneEdit.nameAr')]}
            values={[name, nameAr]}
            onChange={[setName, setNameAr]}
          />
          <Field label={t('zoneEdit.classification')} htmlFor="zd-classification">
            <select
              id="zd-classification"
              value={classification}
              onChange={(e) => setClassification(e.target.value as NewZoneBody['classification'])}
            >
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {nameOf.classifications(c)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      }
      ready={name.trim() !== ''}
      notReady={t('zoneEdit.nameMissing')}
      save={(area) => (
        <PreviewThenSave
          change={change}
          disabled={!area || !name.trim()}
          body={() => ({
            name: name.trim(),
            name_ar: nameAr.trim() || null,
            classification,
            geometry: area!,
            control: [],
          })}
        />
      )}
    />
  );
}

function RedrawZone({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const q = useZone(id);
  const change = useRedrawZone(id);
  const fallback = recordFallback(q, {
    title: t('notFound.zone.title'),
    text: t('notFound.zone'),
    back: { to: '/map', label: t('zone.back') },
  });
  if (fallback || !q.data) return fallback;
  const zone = q.data.zone;
  const name = nameIn(lang, zone) || t('zone.title');
  return (
    <ZoneDraw
      title={t('zoneEdit.edit.title', { name })}
      back={{ to: `/zones/${encodeURIComponent(zone.id)}`, label: name }}
      initial={asArea(zone.geometry)}
      exclude={zone.id}
      view={null}
      ready
      save={(area) => (
        <PreviewThenSave change={change} disabled={!area} body={() => ({ geometry: area! })}>
          {change.save.isSuccess && (
            <p>
              <Link to={`/zones/${encodeURIComponent(zone.id)}`}>{t('zone.open')}</Link>
            </p>
          )}
        </PreviewThenSave>
      )}
    />
  );
}

type Area = NonNullable<ReturnType<typeof composeArea>['area']>;

/** A problem as a sentence of its own (the server writes it to follow a path: "part 2 overlaps…"). */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function ZoneDraw({
  title,
  back,
  initial,
  exclude,
  view,
  fields,
  ready,
  notReady,
  save,
}: {
  title: string;
  back: { to: string; label: string };
  initial: Area | null;
  /** The zone redrawn, left out of the others shown. */
  exclude: string | null;
  view: { lon: number; lat: number; zoom: number } | null;
  fields?: ReactNode;
  ready: boolean;
  /** What is missing besides the area, while `ready` is false. */
  notReady?: string;
  save(area: Area | null): ReactNode;
}) {
  const { t, number } = useI18n();
  const { say } = useStatements();
  const initialShapes = useMemo(() => (initial ? shapesOfArea(initial) : []), [initial]);
  const [shapes, setShapes] = useState<Shape[]>(initialShapes);
  const [tool, setTool] = useState<DrawTool>(initial ? 'select' : 'part');
  const [remove, setRemove] = useState<string | null>(null);
  const [unopened, setUnopened] = useState(false);
  const handle = useRef<DrawHandle>(null);
  const [canUndo, setCanUndo] = useState(false);
  const [pickedPoint, setPicked] = useState<PickedPoint | null>(null);
  // Where the keyboard goes once a shape's points are chosen from the list: the bar over the map.
  const nextPoint = useRef<HTMLButtonElement>(null);
  const [focusBar, setFocusBar] = useState(false);
  useEffect(() => {
    if (!focusBar) return;
    nextPoint.current?.focus();
    setFocusBar(false);
  }, [focusBar]);
  // A choice the shapes have moved past (the shape gone, a point added or removed) is forgotten.
  const picked = tool === 'select' && stillPicked(pickedPoint, shapes) ? pickedPoint : null;
  const pickedShape = picked && shapes.find((s) => s.id === picked.shape);
  const removePicked = () => {
    if (!picked || !pickedShape) return;
    const ring = withoutPoint(pickedShape.ring, picked.index);
    if (!ring || !handle.current?.setRing(picked.shape, ring)) return;
    // The next point is chosen, to remove several in a row.
    setPicked({ shape: picked.shape, index: Math.min(picked.index, ring.length - 1), count: ring.length });
  };
  const composed = useMemo(() => composeArea(shapes), [shapes]);
  const problems = useMemo(() => drawingProblems(shapes), [shapes]);
  const area = problems.length === 0 && !unopened ? composed.area : null;
  const label = (place: ShapePlace | undefined) =>
    !place || place.kind === 'stray'
      ? t('zoneEdit.shape.stray')
      : place.kind === 'part'
        ? t('zoneEdit.shape.part', { part: number(place.part) })
        : t('zoneEdit.shape.hole', { hole: number(place.hole), part: number(place.part) });
  const whole = problems.filter((p) => p.shape === null);
  // The zones as they stand now, the one redrawn left out.
  const [now] = useState(() => new Date().toISOString());
  const zones = useZones(now);
  const others = useMemo(
    () => zones.data && { ...zones.data, features: zones.data.features.filter((f) => f.id !== exclude) },
    [zones.data, exclude],
  );
  return (
    <div className="page page-wide zone-draw-page" data-testid="zone-draw">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={back.to}>{back.label}</Link>
      </nav>
      <header className="page-header">
        <h1 dir="auto">{title}</h1>
      </header>
      {fields}
      <p className="muted">{t('zoneEdit.help')}</p>
      <p className="muted small phone-only">{t('zoneEdit.phone')}</p>
      <div className="zone-draw-tools" role="group" aria-label={t('zoneEdit.tools')}>
        {(['part', 'hole', 'select'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={`btn btn-small${tool === m ? ' btn-primary' : ''}`}
            aria-pressed={tool === m}
            onClick={() => setTool(m)}
          >
            {t(`zoneEdit.mode.${m}`)}
          </button>
        ))}
        {tool !== 'select' && (
          <button
            type="button"
            className="btn btn-small"
            disabled={!canUndo}
            onClick={() => handle.current?.undoPoint()}
            data-testid="undo-point"
          >
            {t('zoneEdit.undoPoint')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setRemove('*');
            setUnopened(false);
          }}
          disabled={shapes.length === 0}
        >
          {t('zoneEdit.clear')}
        </button>
      </div>
      {tool === 'select' && <p className="muted small">{t('zoneEdit.mode.selectHelp')}</p>}
      <div className="zone-draw-layout">
        <ZoneDrawMap
          initial={initialShapes}
          others={others}
          view={view}
          tool={tool}
          remove={remove}
          onRemoved={() => setRemove(null)}
          onShapes={setShapes}
          onUnopened={() => setUnopened(true)}
          label={t('zoneEdit.map')}
          handle={handle}
          picked={picked}
          onPick={(shape, index, count) => setPicked({ shape, index, count })}
          // Another shape selected, or none: its point is no longer chosen.
          onSelected={(id) => setPicked((p) => (p && p.shape === id ? p : null))}
          onCanUndo={setCanUndo}
        >
          {tool === 'select' && (
            // Over the map's foot with the select tool, in reach of the thumb that chose the point; its buttons
            // disabled until a point is chosen.
            <div
              className="zone-draw-point"
              role="group"
              aria-label={t('zoneEdit.point.remove')}
              data-testid="point-pick"
            >
              {/* Said when it changes, for those who cannot see the ring on the map. */}
              <p className="small" aria-live="polite">
                {picked && pickedShape
                  ? t('zoneEdit.point.picked', {
                      n: number(picked.index + 1),
                      count: number(picked.count),
                      shape: label(composed.places.get(picked.shape)),
                    })
                  : t('zoneEdit.point.none')}
                {picked && picked.count <= MIN_POINTS && (
                  <span id="point-too-few"> {t('zoneEdit.point.tooFew', { min: number(MIN_POINTS) })}</span>
                )}
              </p>
              <div className="zone-draw-tools">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={!picked}
                  onClick={() => picked && setPicked({ ...picked, index: stepPoint(picked.index, picked.count, -1) })}
                >
                  {t('zoneEdit.point.previous')}
                </button>
                <button
                  ref={nextPoint}
                  type="button"
                  className="btn btn-small"
                  disabled={!picked}
                  onClick={() => picked && setPicked({ ...picked, index: stepPoint(picked.index, picked.count, 1) })}
                >
                  {t('zoneEdit.point.next')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  disabled={!picked || picked.count <= MIN_POINTS}
                  aria-describedby={picked && picked.count <= MIN_POINTS ? 'point-too-few' : undefined}
                  onClick={removePicked}
                  data-testid="remove-point"
                >
                  {t('zoneEdit.point.remove')}
                </button>
              </div>
            </div>
          )}
        </ZoneDrawMap>
        <section className="panel zone-shapes" aria-labelledby="shapes-title">
          <h2 id="shapes-title">{t('zoneEdit.shapes')}</h2>
          {shapes.length === 0 && <p className="empty">{t('zoneEdit.none')}</p>}
          <ul data-testid="zone-shapes">
            {shapes.map((s) => {
              const own = problems.filter((p) => p.shape === s.id);
              return (
                <li key={s.id} className={own.length ? 'shape shape-invalid' : 'shape'}>
                  <div className="shape-head">
                    <strong>{label(composed.places.get(s.id))}</strong>
                    <span className="muted small">{t('zoneEdit.points', { count: number(s.ring.length) })}</span>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => {
                        // The select tool, this shape selected and its first point chosen: by keyboard too.
                        setTool('select');
                        handle.current?.select(s.id);
                        setPicked({ shape: s.id, index: 0, count: s.ring.length });
                        setFocusBar(true);
                      }}
                    >
                      {t('zoneEdit.points.edit')}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setRemove(s.id)}>
                      {t('zoneEdit.remove')}
                    </button>
                  </div>
                  {own.length > 0 && (
                    <ul className="shape-problems" role="alert">
                      {own.map((p, i) => (
                        <li key={i}>{sentence(say(p.statement))}</li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          {unopened && (
            <div className="notice notice-error" role="alert">
              {t('zoneEdit.unopened')}
            </div>
          )}
          {whole.length > 0 && (
            <div className="notice notice-error" role="alert">
              {t('zoneEdit.whole')}: {whole.map((p) => say(p.statement)).join('; ')}
            </div>
          )}
          {area && ready && (
            <p className="notice notice-success" data-testid="zone-ok">
              {t('zoneEdit.ok')}
            </p>
          )}
          {area && !ready && notReady && <p className="notice notice-warn">{notReady}</p>}
          {save(area)}
        </section>
      </div>
    </div>
  );
}
