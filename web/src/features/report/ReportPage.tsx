/**
 * Filing a report: placed by a click on the map or by typing coordinates, checked as it is
 * typed and again by the server (whose problems appear next to their fields), and kept as a
 * draft in this browser until it is sent.
 */
import { fileAsBase64 } from '../../app/file-base64.ts';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Schemas } from '../../api/client.ts';
import { ACTS, CIVILIAN_TARGETS } from '../../api/enums.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link } from '../../app/router.tsx';
import { Field, PageHeader } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { localInputValue } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { maplibregl, type MapLibreMap, MapView } from '../../map/MapView.tsx';
import {
  type AttachmentIn,
  EMPTY_DRAFT,
  type FieldErrors,
  fieldErrorsFromApi,
  type FieldName,
  loadDraft,
  type ReportDraft,
  saveDraft,
  toReportBody,
  validateDraft,
} from './report-form.ts';
import { type ReportBody, useFileReport } from './queries.ts';

const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const CLASSIFICATIONS = ['org', 'task_force', 'co_chairs', 'public'] as const;

export function ReportPage() {
  const { t, nameOf, lang, timezone, timezoneLabel, reportWhen } = useI18n();
  const fileReport = useFileReport();
  const { say, errorText } = useStatements();
  const { actors, actorName, orgName } = useWorld();
  const { me } = useSession();
  const restored = useRef(loadDraft(localStorage));
  const [draft, setDraft] = useState<ReportDraft>(restored.current ?? EMPTY_DRAFT);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [filed, setFiled] = useState<Schemas['Report'] | null>(null);
  const [touched, setTouched] = useState(false);
  const map = useRef<MapLibreMap | null>(null);
  const marker = useRef<maplibregl.Marker | null>(null);

  useEffect(() => {
    const id = window.setTimeout(() => saveDraft(localStorage, draft), 250);
    return () => window.clearTimeout(id);
  }, [draft]);

  // Checks as the user types, once they have tried to send.
  useEffect(() => {
    if (touched) setErrors((prev) => ({ ...pickServer(prev), ...validateDraft(draft, timezone, Date.now()) }));
  }, [draft, touched, timezone]);

  const set = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) => {
    setFiled(null);
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  // The marker follows the coordinates, typed or clicked.
  useEffect(() => {
    const m = map.current;
    const lon = Number(draft.lon);
    const lat = Number(draft.lat);
    if (!m) return;
    if (
      draft.lon.trim() === '' ||
      draft.lat.trim() === '' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat) ||
      Math.abs(lon) > 180 ||
      Math.abs(lat) > 90
    ) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    if (!marker.current) marker.current = new maplibregl.Marker({ color: '#c8102e' }).setLngLat([lon, lat]).addTo(m);
    else marker.current.setLngLat([lon, lat]);
  }, [draft.lon, draft.lat]);

  const onReady = useCallback((m: MapLibreMap) => {
    map.current = m;
    m.getCanvas().style.cursor = 'crosshair';
    m.on('click', (e) => {
      const round = (n: number) => String(Math.round(n * 1e5) / 1e5);
      setFiled(null);
      setDraft((d) => ({ ...d, lon: round(e.lngLat.lng), lat: round(e.lngLat.lat) }));
      setErrors((er) => ({ ...er, lon: undefined, lat: undefined }));
    });
    // Place the marker of a restored draft.
    setDraft((d) => ({ ...d }));
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setGeneral([]);
    const local = validateDraft(draft, timezone, Date.now());
    const size = files.reduce((n, f) => n + f.size, 0);
    if (size > MAX_ATTACHMENT_BYTES) local.attachments = { key: 'report.err.tooLarge' };
    if (Object.keys(local).length > 0) {
      setErrors(local);
      focusFirst(local);
      return;
    }
    setBusy(true);
    try {
      const attachments: AttachmentIn[] = await Promise.all(
        files.map(async (f) => ({
          filename: f.name,
          media_type: f.type || 'application/octet-stream',
          content_base64: await fileAsBase64(f),
        })),
      );
      const body = toReportBody(draft, timezone, attachments) as ReportBody;
      const report = await fileReport.mutateAsync(body);
      localStorage.removeItem('truce.report-draft');
      setDraft(EMPTY_DRAFT);
      setFiles([]);
      setErrors({});
      setTouched(false);
      restored.current = null;
      setFiled(report);
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof ApiError && err.problems.length > 0) {
        // The server's problems in the reader's language (their statements), next to their fields.
        const { fields, general: rest } = fieldErrorsFromApi(
          err.problems.map((p) => ({ path: p.path, message: p.statement ? say(p.statement) : p.message })),
        );
        setErrors(fields);
        setGeneral(rest.length > 0 || Object.keys(fields).length === 0 ? [errorText(err)] : []);
        focusFirst(fields);
      } else {
        setGeneral([errorText(err)]);
      }
    } finally {
      setBusy(false);
    }
  };

  const err = (field: FieldName): string | undefined => {
    const v = errors[field];
    return v === undefined ? undefined : 'key' in v ? t(v.key) : v.text;
  };
  const aria = (field: FieldName) => ({
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `r-${field}-error` : undefined,
  });
  const hasErrors = Object.values(errors).some((v) => v !== undefined);

  return (
    <div className="page page-wide">
      <PageHeader title={t('report.title')}>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </PageHeader>
      <p className="lead">{t('report.intro')}</p>
      {filed && (
        <div className="notice notice-success" role="status" data-testid="report-filed">
          {t('report.filed', {
            what: [
              nameOf.acts(filed.act),
              whereName(filed.where, lang),
              reportWhen(filed.claimed_at, filed.time_precision_s),
            ]
              .filter(Boolean)
              .join(' · '),
          })}{' '}
          <Link to={`/reports/${encodeURIComponent(filed.id)}`}>{t('report.filed.open')}</Link>
          {filed.incident_id && (
            <>
              {' '}
              · <Link to={`/incidents/${encodeURIComponent(filed.incident_id)}`}>{t('map.incident.open')}</Link>
            </>
          )}
        </div>
      )}
      {restored.current && !filed && (
        <div className="notice" role="status">
          {t('report.draftRestored')}
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => {
              restored.current = null;
              setDraft(EMPTY_DRAFT);
              setErrors({});
              setTouched(false);
            }}
          >
            {t('report.discard')}
          </button>
        </div>
      )}
      {hasErrors && (
        <div className="notice notice-error" role="alert">
          {t('report.fix')}
        </div>
      )}
      {general.map((g) => (
        <div key={g} className="notice notice-error" role="alert">
          {g}
        </div>
      ))}

      <form className="report-layout" onSubmit={(e) => void submit(e)} noValidate aria-label={t('report.title')}>
        <div className="report-form">
          <fieldset className="panel">
            <legend>{t('report.when')}</legend>
            <div className="field-row">
              <DateField
                id="r-claimedAt"
                label={t('report.claimedAt')}
                withTime
                value={draft.claimedAt}
                max={localInputValue(Date.now(), timezone).slice(0, 10)}
                error={err('claimedAt')}
                onChange={(v) => set('claimedAt', v)}
                className="field-wide"
              />
              <Field label={t('report.timePrecision')} htmlFor="r-timePrecisionMin" error={err('timePrecisionMin')}>
                <input
                  id="r-timePrecisionMin"
                  inputMode="numeric"
                  value={draft.timePrecisionMin}
                  onChange={(e) => set('timePrecisionMin', e.target.value)}
                  {...aria('timePrecisionMin')}
                />
              </Field>
            </div>
          </fieldset>

          <fieldset className="panel">
            <legend>{t('report.where')}</legend>
            <p className="field-help">{t('report.placeHelp')}</p>
            <div className="field-row">
              <Field label={t('report.lat')} htmlFor="r-lat" error={err('lat')}>
                <input
                  id="r-lat"
                  inputMode="decimal"
                  dir="ltr"
                  value={draft.lat}
                  onChange={(e) => set('lat', e.target.value)}
                  {...aria('lat')}
                />
              </Field>
              <Field label={t('report.lon')} htmlFor="r-lon" error={err('lon')}>
                <input
                  id="r-lon"
                  inputMode="decimal"
                  dir="ltr"
                  value={draft.lon}
                  onChange={(e) => set('lon', e.target.value)}
                  {...aria('lon')}
                />
              </Field>
              <Field
                label={t('report.locationPrecision')}
                htmlFor="r-locationPrecisionM"
                error={err('locationPrecisionM')}
              >
                <input
                  id="r-locationPrecisionM"
                  inputMode="numeric"
                  value={draft.locationPrecisionM}
                  onChange={(e) => set('locationPrecisionM', e.target.value)}
                  {...aria('locationPrecisionM')}
                />
              </Field>
            </div>
          </fieldset>

          <fieldset className="panel">
            <legend>{t('report.what')}</legend>
            <div className="field-row">
              <Field label={t('report.act')} htmlFor="r-act" error={err('act')}>
                <select id="r-act" value={draft.act} onChange={(e) => set('act', e.target.value)} {...aria('act')}>
                  <option value="">—</option>
                  {ACTS.map((a) => (
                    <option key={a} value={a}>
                      {nameOf.acts(a)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('report.perpetrator')} htmlFor="r-perpetrator" error={err('perpetrator')}>
                <select
                  id="r-perpetrator"
                  value={draft.perpetrator}
                  onChange={(e) => set('perpetrator', e.target.value)}
                  {...aria('perpetrator')}
                >
                  <option value="">{t('report.unknownActor')}</option>
                  {actors.map((a) => (
                    <option key={a.id} value={a.id}>
                      {actorName(a.id)}
                    </option>
                  ))}
                </select>
              </Field>
            </div>
            <div className="field-row">
              <Field label={t('report.targetKind')} htmlFor="r-targetKind" error={err('targetKind')}>
                <select
                  id="r-targetKind"
                  value={draft.targetKind}
                  onChange={(e) => set('targetKind', e.target.value as ReportDraft['targetKind'])}
                >
                  <option value="none">{t('report.target.none')}</option>
                  <option value="civilian">{t('report.target.civilian')}</option>
                  <option value="actor">{t('report.target.actor')}</option>
                </select>
              </Field>
              {draft.targetKind === 'civilian' && (
                <Field label={t('report.targetCivilian')} htmlFor="r-targetCivilian" error={err('targetCivilian')}>
                  <select
                    id="r-targetCivilian"
                    value={draft.targetCivilian}
                    onChange={(e) => set('targetCivilian', e.target.value)}
                    {...aria('targetCivilian')}
                  >
                    <option value="">—</option>
                    {CIVILIAN_TARGETS.map((c) => (
                      <option key={c} value={c}>
                        {nameOf.targets(c)}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              {draft.targetKind === 'actor' && (
                <Field label={t('report.targetActor')} htmlFor="r-targetActor" error={err('targetActor')}>
                  <select
                    id="r-targetActor"
                    value={draft.targetActor}
                    onChange={(e) => set('targetActor', e.target.value)}
                    {...aria('targetActor')}
                  >
                    <option value="">—</option>
                    {actors.map((a) => (
                      <option key={a.id} value={a.id}>
                        {actorName(a.id)}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
            </div>
            <div className="field-row three" role="group" aria-label={t('report.casualties')}>
              <Field
                label={`${t('report.casualties')}: ${t('report.casualties.low')}`}
                htmlFor="r-casualtiesLow"
                error={err('casualtiesLow')}
              >
                <input
                  id="r-casualtiesLow"
                  inputMode="numeric"
                  value={draft.casualtiesLow}
                  onChange={(e) => set('casualtiesLow', e.target.value)}
                  {...aria('casualtiesLow')}
                />
              </Field>
              <Field label={t('report.casualties.best')} htmlFor="r-casualtiesBest" error={err('casualtiesBest')}>
                <input
                  id="r-casualtiesBest"
                  inputMode="numeric"
                  value={draft.casualtiesBest}
                  onChange={(e) => set('casualtiesBest', e.target.value)}
                  {...aria('casualtiesBest')}
                />
              </Field>
              <Field label={t('report.casualties.high')} htmlFor="r-casualtiesHigh" error={err('casualtiesHigh')}>
                <input
                  id="r-casualtiesHigh"
                  inputMode="numeric"
                  value={draft.casualtiesHigh}
                  onChange={(e) => set('casualtiesHigh', e.target.value)}
                  {...aria('casualtiesHigh')}
                />
              </Field>
            </div>
            <Field
              label={t('report.narrative')}
              htmlFor="r-narrative"
              help={t('report.narrativeHelp')}
              error={err('narrative')}
            >
              <textarea
                id="r-narrative"
                rows={5}
                value={draft.narrative}
                onChange={(e) => set('narrative', e.target.value)}
                {...aria('narrative')}
              />
            </Field>
          </fieldset>

          <fieldset className="panel">
            <legend>{t('report.classification')}</legend>
            <div className="field-row">
              <Field label={t('report.classification')} htmlFor="r-classification" error={err('classification')}>
                <select
                  id="r-classification"
                  value={draft.classification}
                  onChange={(e) => set('classification', e.target.value)}
                >
                  {CLASSIFICATIONS.map((c) => (
                    <option key={c} value={c}>
                      {nameOf.classifications(c)}
                      {c === 'org' && me ? ` (${orgName(me.org)})` : ''}
                    </option>
                  ))}
                </select>
              </Field>
              <Field
                label={t('report.attachments')}
                htmlFor="r-attachments"
                help={t('report.attachmentsHelp')}
                error={err('attachments')}
              >
                <input
                  id="r-attachments"
                  type="file"
                  multiple
                  onChange={(e) => {
                    setFiles([...(e.target.files ?? [])].slice(0, 20));
                    setErrors((x) => ({ ...x, attachments: undefined }));
                  }}
                />
              </Field>
            </div>
          </fieldset>

          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('report.submitting') : t('report.submit')}
            </button>
          </div>
        </div>
        <div className="report-map">
          <p className="map-hint">{t('map.clickToPlace')}</p>
          <MapView onReady={onReady} label={t('map.clickToPlace')} className="map map-report" />
        </div>
      </form>
    </div>
  );
}

function pickServer(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v !== undefined && 'text' in v));
}

function focusFirst(errors: FieldErrors): void {
  const first = Object.keys(errors).find((k) => errors[k as FieldName] !== undefined);
  // A date field is a group of selects: its first one takes the focus.
  if (first)
    window.setTimeout(() => {
      const el = document.getElementById(`r-${first}`);
      (el?.matches('input, select, textarea') ? el : el?.querySelector<HTMLElement>('select, input'))?.focus();
    }, 0);
}
