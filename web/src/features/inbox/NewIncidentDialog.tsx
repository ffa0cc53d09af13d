/**
 * A new incident from a report: its facts filled in from the report (when, act, alleged
 * perpetrator, place, deaths, classification), each editable before the incident is created.
 * Where it happened and its target come from the report; the rules judge it as soon as it exists.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Schemas } from '../../api/client.ts';
import { ACTS, CLASSIFICATIONS } from '../../api/enums.ts';
import { ACCESS_CATEGORIES, type AccessCategory } from '../../../../src/contract/access-constraints.ts';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Field } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { instantOfLocal, localInputValue } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { type NewIncidentBody, useCreateIncident } from './queries.ts';

type Report = Schemas['Report'];

export function NewIncidentDialog({
  report: r,
  onClose,
  onCreated,
}: {
  report: Report;
  onClose(): void;
  onCreated(incidentId: string): void;
}) {
  const { t, nameOf, lang, timezone } = useI18n();
  const { actors, actorName } = useWorld();
  const { errorText } = useStatements();
  const create = useCreateIncident();
  const dialog = useRef<HTMLDialogElement>(null);
  const c = r.casualties;
  const best = c ? (c.best ?? c.low ?? c.high) : null;
  const [occurredAt, setOccurredAt] = useState(localInputValue(Date.parse(r.claimed_at), timezone));
  const [act, setAct] = useState<string>(r.act);
  const [perpetrator, setPerpetrator] = useState(r.alleged_perpetrator ?? '');
  const [place, setPlace] = useState(whereName(r.where, lang) ?? '');
  const [headline, setHeadline] = useState('');
  const [deaths, setDeaths] = useState({
    low: String(c?.low ?? best ?? ''),
    best: String(best ?? ''),
    high: String(c?.high ?? best ?? ''),
  });
  const [classification, setClassification] = useState<string>(r.classification);
  // An access denial's kind of access constraint (OCHA's categories).
  const [category, setCategory] = useState<string>('');

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = (s: string) => Number(s.trim());
    const hasDeaths = deaths.best.trim() !== '';
    const body: NewIncidentBody = {
      report_ids: [r.id],
      occurred_at: new Date(instantOfLocal(occurredAt, timezone)).toISOString(),
      act: act as NewIncidentBody['act'] & string,
      perpetrator: perpetrator || null,
      place: place.trim() || null,
      headline: headline.trim() || null,
      deaths: hasDeaths
        ? {
            low: deaths.low.trim() ? n(deaths.low) : n(deaths.best),
            best: n(deaths.best),
            high: deaths.high.trim() ? n(deaths.high) : n(deaths.best),
          }
        : null,
      classification: classification as NonNullable<NewIncidentBody['classification']>,
      ...(act === 'access_denial' && category !== '' ? { access_category: category as AccessCategory } : {}),
    };
    create.mutate(body, { onSuccess: (incident) => onCreated(incident.id) });
  };

  return (
    // Escape closes the dialog as the browser does (its cancel event), and the inbox hears no keys while it is open.
    <dialog
      ref={dialog}
      className="dialog incident-dialog"
      aria-labelledby="new-incident-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={submit} data-testid="new-incident">
        <div className="dialog-head">
          <h2 id="new-incident-title">{t('newIncident.title')}</h2>
        </div>
        <p className="muted small">{t('newIncident.intro')}</p>
        <div className="field-row">
          <DateField
            id="n-occurredAt"
            label={t('newIncident.occurredAt')}
            withTime
            value={occurredAt}
            onChange={setOccurredAt}
            className="field-wide"
          />
          <Field label={t('report.act')} htmlFor="n-act">
            <select id="n-act" value={act} onChange={(e) => setAct(e.target.value)}>
              {ACTS.map((a) => (
                <option key={a} value={a}>
                  {nameOf.acts(a)}
                </option>
              ))}
            </select>
          </Field>
          {act === 'access_denial' && (
            <Field label={t('incident.accessCategory')} htmlFor="n-access">
              <select id="n-access" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">—</option>
                {ACCESS_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {nameOf.accessCategories(c)}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('report.perpetrator')} htmlFor="n-perpetrator">
            <select id="n-perpetrator" value={perpetrator} onChange={(e) => setPerpetrator(e.target.value)}>
              <option value="">{t('report.target.none')}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {actorName(a.id)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="field-row">
          <Field label={t('newIncident.place')} htmlFor="n-place">
            <input id="n-place" dir="auto" value={place} maxLength={500} onChange={(e) => setPlace(e.target.value)} />
          </Field>
          <Field label={t('newIncident.headline')} htmlFor="n-headline">
            <input
              id="n-headline"
              dir="auto"
              value={headline}
              maxLength={1000}
              onChange={(e) => setHeadline(e.target.value)}
            />
          </Field>
        </div>
        <fieldset className="field-row deaths-row">
          <legend>{t('newIncident.deaths')}</legend>
          {(['low', 'best', 'high'] as const).map((k) => (
            <Field key={k} label={t(`report.casualties.${k}`)} htmlFor={`n-deaths-${k}`}>
              <input
                id={`n-deaths-${k}`}
                inputMode="numeric"
                value={deaths[k]}
                onChange={(e) => setDeaths({ ...deaths, [k]: e.target.value })}
              />
            </Field>
          ))}
        </fieldset>
        <Field label={t('report.classification')} htmlFor="n-classification">
          <select id="n-classification" value={classification} onChange={(e) => setClassification(e.target.value)}>
            {CLASSIFICATIONS.map((v) => (
              <option key={v} value={v}>
                {nameOf.classifications(v)}
              </option>
            ))}
          </select>
        </Field>
        {create.error && (
          <div className="notice notice-error" role="alert">
            {errorText(create.error)}
          </div>
        )}
        <div className="dialog-foot">
          <button type="button" className="btn btn-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t('newIncident.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
