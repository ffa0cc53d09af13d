/**
 * The organization's schedule of the daily report by email, for its admins: on or off, the local
 * time it is sent (the day before's report), its language, edition and area (a governorate, or the
 * area drawn on the page, kept by the schedule as the page's address holds it), and its recipients
 * among the organization's users. A recipient receives it only while they also ask for it on their
 * account page; the form says who has not.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { localDigits } from '../../app/date-parts.ts';
import { ErrorNotice, Field, Loading } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { NamedArea } from '../../map/area-at.ts';
import { type ReportSchedule, useChangeReportSchedule, useReportSchedule } from './queries.ts';

/** The area select's values for an area drawn: the one the schedule keeps, the one drawn on the page. */
const KEPT = '*kept';
const HERE = '*here';

export function ScheduleForm({ areas, drawn }: { areas: NamedArea[]; drawn: string | null }) {
  const { t } = useI18n();
  const schedule = useReportSchedule(true);
  return (
    <section className="panel" aria-labelledby="report-schedule" data-testid="report-schedule">
      <h2 id="report-schedule">{t('dailyReport.schedule.title')}</h2>
      <p className="muted">{t('dailyReport.schedule.help')}</p>
      {schedule.error ? (
        <ErrorNotice error={schedule.error} onRetry={schedule.reload} />
      ) : !schedule.data ? (
        <Loading />
      ) : (
        <Form initial={schedule.data} areas={areas} drawn={drawn} />
      )}
    </section>
  );
}

const HOURS = Array.from({ length: 24 }, (_, i) => i);
const MINUTES = [0, 15, 30, 45];

function Form({ initial, areas, drawn }: { initial: ReportSchedule; areas: NamedArea[]; drawn: string | null }) {
  const { t, lang } = useI18n();
  const { errorText } = useStatements();
  const save = useChangeReportSchedule();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [hour, setHour] = useState(Number(initial.send_at.slice(0, 2)));
  const [minute, setMinute] = useState(Number(initial.send_at.slice(3, 5)));
  const [language, setLanguage] = useState(initial.language);
  const [edition, setEdition] = useState(initial.edition);
  const [area, setArea] = useState(initial.area);
  const [polygon, setPolygon] = useState(initial.polygon);
  const [recipients, setRecipients] = useState(initial.recipients);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [enabled, hour, minute, language, edition, area, polygon, recipients]);
  const error = save.error;
  const at = (field: string) =>
    error instanceof ApiError && error.path?.includes(field) ? errorText(error) : undefined;
  const elsewhere =
    error && !['send_at', 'language', 'edition', 'area', 'polygon', 'recipients'].some((f) => at(f)) ? error : null;
  const two = (n: number) => localDigits(n, lang, 2);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      {
        enabled,
        send_at: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
        language,
        edition,
        area,
        polygon,
        recipients,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <label className="check">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        <span>{t('dailyReport.schedule.enabled')}</span>
      </label>
      <div className="field-row">
        <fieldset className="time-field">
          <legend>{t('dailyReport.schedule.time')}</legend>
          <select
            aria-label={t('dailyReport.schedule.hour')}
            value={hour}
            onChange={(e) => setHour(Number(e.target.value))}
          >
            {HOURS.map((h) => (
              <option key={h} value={h}>
                {two(h)}
              </option>
            ))}
          </select>
          <span aria-hidden="true">:</span>
          <select
            aria-label={t('dailyReport.schedule.minute')}
            value={minute}
            onChange={(e) => setMinute(Number(e.target.value))}
          >
            {[...new Set([...MINUTES, minute])]
              .sort((a, b) => a - b)
              .map((m) => (
                <option key={m} value={m}>
                  {two(m)}
                </option>
              ))}
          </select>
          {at('send_at') && (
            <p className="field-error" role="alert">
              {at('send_at')}
            </p>
          )}
        </fieldset>
        <Field label={t('dailyReport.schedule.language')} htmlFor="schedule-language" error={at('language')}>
          <select
            id="schedule-language"
            value={language}
            onChange={(e) => setLanguage(e.target.value === 'ar' ? 'ar' : 'en')}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="ar" lang="ar">
              العربية
            </option>
          </select>
        </Field>
        <Field label={t('dailyReport.edition')} htmlFor="schedule-edition" error={at('edition')}>
          <select
            id="schedule-edition"
            value={edition}
            onChange={(e) => setEdition(e.target.value === 'cleared' ? 'cleared' : 'public')}
          >
            <option value="public">{t('dailyReport.edition.public')}</option>
            <option value="cleared">{t('dailyReport.schedule.cleared')}</option>
          </select>
        </Field>
        <Field label={t('dailyReport.area')} htmlFor="schedule-area" error={at('area') ?? at('polygon')}>
          <select
            id="schedule-area"
            value={area ?? (polygon === null ? '' : polygon === initial.polygon ? KEPT : HERE)}
            onChange={(e) => {
              const v = e.target.value;
              // A governorate or an area drawn, not both.
              setArea(v === KEPT || v === HERE ? null : v || null);
              setPolygon(v === KEPT ? initial.polygon : v === HERE ? drawn : null);
            }}
          >
            {initial.polygon && <option value={KEPT}>{t('dailyReport.schedule.drawnKept')}</option>}
            {drawn && drawn !== initial.polygon && <option value={HERE}>{t('dailyReport.schedule.drawnHere')}</option>}
            <option value="">{t('dailyReport.allAreas')}</option>
            {areas.map((a) => (
              <option key={a.pcode} value={a.pcode}>
                {lang === 'ar' ? a.name_ar : a.name_en}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className="email-kinds">
        <legend>{t('dailyReport.schedule.recipients')}</legend>
        {initial.candidates.map((u) => (
          <label key={u.id} className="check">
            <input
              type="checkbox"
              checked={recipients.includes(u.id)}
              onChange={(e) =>
                setRecipients(e.target.checked ? [...recipients, u.id] : recipients.filter((x) => x !== u.id))
              }
            />
            <span>
              <bdi>{u.display_name ?? u.username}</bdi>
              {!u.asks && <span className="muted small"> · {t('dailyReport.schedule.notAsking')}</span>}
            </span>
          </label>
        ))}
        {at('recipients') && (
          <p className="field-error" role="alert">
            {at('recipients')}
          </p>
        )}
      </fieldset>
      {elsewhere && <ErrorNotice error={elsewhere} />}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {t('dailyReport.schedule.save')}
        </button>
        {saved && !save.isPending && (
          <span role="status" className="muted">
            {t('dailyReport.schedule.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
