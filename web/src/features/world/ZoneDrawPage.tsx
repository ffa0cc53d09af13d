/**
 * A zone drawn on the map: a new one (`/zones/new`: its name in English and in Arabic, who may
 * see it, its area) or one redrawn (`/zones/:id/edit`). Shapes are drawn with terra-draw
 * (ZoneDrawMap); each part and hole is listed with what is wrong with it, in the words the server
 * would use, and nothing can be sent until nothing is. Saving is previewed first (how many
 * findings it judges again).
 */
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { CLASSIFICATIONS } from '../../api/enums.ts';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { Field, NameFields, recordFallback } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { readView } from '../map/map-time.ts';
import { useZones } from '../map/queries.ts';
import { PreviewThenSave } from './change-preview.tsx';
import { type DrawTool, ZoneDrawMap } from './ZoneDrawMap.tsx';
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
        />
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
