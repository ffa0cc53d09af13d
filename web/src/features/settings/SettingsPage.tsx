/**
 * The world's settings: for each agreement (by its title) the violations a day a calm day may have
 * and the calm days in a row that make reduced violence; the timezone days are counted in (an IANA
 * name, searched by typing, with its offset now); the host state whose consent every convoy needs.
 * Those who manage the world change them, a dry run saying first what changes in words; everyone
 * else reads them.
 */
import { type FormEvent, useMemo, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { type Settings, useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorNotice, Field, Loading, PageHeader } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { formatOffset, intlTimeZone, offsetMinutesAt, timeZoneLabel } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useSettings, useSettingsChange } from './queries.ts';
import { bodyOf, type Draft, draftOf, problemsOf } from './settings-form.ts';
import { changeSentences } from './settings-words.ts';

export function SettingsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const settings = useSettings();
  const world = useWorld();
  return (
    <div className="page settings-page">
      <PageHeader title={t('settings.title')} />
      {settings.error ? (
        <ErrorNotice error={settings.error} onRetry={settings.reload} />
      ) : !settings.data || !world.ready ? (
        <Loading />
      ) : can('world:manage') ? (
        <SettingsForm settings={settings.data} />
      ) : (
        <>
          <p className="notice" data-testid="settings-read-only">
            {t('settings.readOnly')}
          </p>
          <SettingsView settings={settings.data} />
        </>
      )}
    </div>
  );
}

/** The first day offered for the days of calm counted: the data begin in 2011. */
const FIRST_DAY = '2011-01-01';

/** A left-to-right run within Arabic text (a zone's name, an offset). */
const ltr = (lang: string, s: string) => (lang === 'ar' ? `\u2066${s}\u2069` : s);

/** The timezone as people read it, with its offset now: "Asia/Damascus · UTC+3 now". */
function useZoneNow() {
  const { lang, t } = useI18n();
  return (setting: string) => {
    try {
      // In Arabic the offset is a left-to-right run, or its sign moves ("٣+UTC").
      return t('settings.timezone.now', {
        offset: ltr(lang, formatOffset(offsetMinutesAt(Date.now(), setting), lang)),
      });
    } catch {
      return '';
    }
  };
}

function SettingsView({ settings }: { settings: Settings }) {
  const { t, lang, number, day } = useI18n();
  const { agreements, agreementTitle, actorName } = useWorld();
  const zoneNow = useZoneNow();
  return (
    <>
      <section className="section" aria-labelledby="calm-title">
        <h2 id="calm-title">{t('settings.calm')}</h2>
        <p className="muted">{t('settings.calm.help')}</p>
        <div className="table-wrap">
          <table className="table table-cards" data-testid="calm-settings">
            <thead>
              <tr>
                <th scope="col">{t('settings.agreement')}</th>
                <th scope="col">{t('settings.threshold')}</th>
                <th scope="col">{t('settings.daysRequired')}</th>
                <th scope="col">{t('settings.period')}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((g) => {
                const c = settings.calm.find((x) => x.agreement === g.id);
                return (
                  <tr key={g.id}>
                    <td className="cell-title">
                      <strong dir="auto">{agreementTitle(g.id)}</strong>
                      {c?.default && <div className="muted small">{t('settings.default')}</div>}
                    </td>
                    <td data-label={t('settings.threshold')}>
                      {c ? number(c.threshold_per_day) : t('settings.notCounted')}
                    </td>
                    <td data-label={t('settings.daysRequired')}>{c ? number(c.days_required) : '—'}</td>
                    <td data-label={t('settings.period')}>
                      {!c
                        ? '—'
                        : c.period
                          ? t('settings.period.dates', { from: day(c.period.from), to: day(c.period.to) })
                          : t('settings.period.window')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section className="section" aria-labelledby="tz-title">
        <h2 id="tz-title">{t('settings.timezone')}</h2>
        <p data-testid="settings-timezone">
          <span dir="ltr">{ltr(lang, timeZoneLabel(settings.timezone))}</span> ·{' '}
          {zoneNow(intlTimeZone(settings.timezone))}
        </p>
      </section>
      <section className="section" aria-labelledby="host-title">
        <h2 id="host-title">{t('settings.hostState')}</h2>
        <p>
          <span dir="auto">{settings.host_state ? actorName(settings.host_state) : t('settings.hostState.none')}</span>
        </p>
        <p className="muted small">{t('settings.hostState.help')}</p>
      </section>
    </>
  );
}

/** Every IANA name Intl knows, with its offset now (shown beside each as the list is searched). */
function useZoneNames(lang: 'en' | 'ar') {
  return useMemo(() => {
    const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const all = names.includes('UTC') ? names : ['UTC', ...names];
    const now = Date.now();
    return all.map((name) => {
      let offset = '';
      try {
        offset = formatOffset(offsetMinutesAt(now, name), lang);
      } catch {
        // a name this browser cannot format: listed without its offset
      }
      return { name, offset };
    });
  }, [lang]);
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t, lang, number, day } = useI18n();
  const { agreements, agreementTitle, actors, actorName } = useWorld();
  const { errorText } = useStatements();
  const zoneNow = useZoneNow();
  const zones = useZoneNames(lang);
  const known = useMemo(() => new Set(zones.map((z) => z.name)), [zones]);
  const ids = agreements.map((g) => g.id);
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings, ids));
  const { preview, save } = useSettingsChange();
  const problems = problemsOf(draft, known, settings.timezone);
  const problem = (field: string) => {
    const p = problems.get(field);
    if (!p) return undefined;
    const fields = Object.fromEntries(Object.entries(p.fields ?? {}).map(([name, key]) => [name, t(key)]));
    return t(p.key, { ...p.values, ...fields });
  };
  const hosts = useMemo(
    () => [...actors].sort((a, b) => actorName(a.id).localeCompare(actorName(b.id), lang)),
    [actors, actorName, lang],
  );
  const change = (next: Draft) => {
    setDraft(next);
    // What was previewed no longer says what the form holds.
    preview.reset();
    save.reset();
  };
  const setCalm = (id: string, field: 'counted' | 'threshold' | 'days' | 'from' | 'to', value: boolean | string) =>
    change({ ...draft, calm: { ...draft.calm, [id]: { ...draft.calm[id]!, [field]: value } } });
  const isolate = (s: string) => (lang === 'ar' ? `\u2068${s}\u2069` : s);
  const sentences = preview.data
    ? changeSentences(preview.data.changes, {
        t,
        agreementTitle,
        actorName,
        zoneName: timeZoneLabel,
        day: (d) => day(d),
        number,
        isolate,
      })
    : [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problems.size === 0) preview.mutate(bodyOf(draft));
  };
  const error = preview.error ?? save.error;

  return (
    <form className="settings-form" onSubmit={submit} noValidate data-testid="settings-form">
      <section className="section" aria-labelledby="calm-title">
        <h2 id="calm-title">{t('settings.calm')}</h2>
        <p className="muted">{t('settings.calm.help')}</p>
        <div className="table-wrap">
          <table className="table table-cards" data-testid="calm-settings">
            <thead>
              <tr>
                <th scope="col">{t('settings.agreement')}</th>
                <th scope="col">{t('settings.counted')}</th>
                <th scope="col">{t('settings.threshold')}</th>
                <th scope="col">{t('settings.daysRequired')}</th>
                <th scope="col">{t('settings.period')}</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((g) => {
                const c = draft.calm[g.id]!;
                const stored = settings.calm.find((x) => x.agreement === g.id);
                const title = agreementTitle(g.id);
                const numberInput = (field: 'threshold' | 'days', label: string) => {
                  const id = `calm-${field}-${g.id}`;
                  const wrong = problem(`${g.id}:${field}`);
                  // An agreement not counted has no numbers to set.
                  if (!c.counted) return <td data-label={label}>—</td>;
                  return (
                    <td data-label={label}>
                      <input
                        id={id}
                        className="number-input"
                        type="text"
                        inputMode="numeric"
                        dir="ltr"
                        aria-label={`${label}: ${title}`}
                        aria-invalid={wrong ? true : undefined}
                        aria-describedby={wrong ? `${id}-error` : undefined}
                        value={c[field]}
                        data-field={field}
                        onChange={(e) => setCalm(g.id, field, e.target.value)}
                      />
                      {wrong && (
                        <span className="field-error small" id={`${id}-error`}>
                          {wrong}
                        </span>
                      )}
                    </td>
                  );
                };
                return (
                  <tr key={g.id} data-agreement={g.id}>
                    <td className="cell-title">
                      <strong dir="auto">{title}</strong>
                      {stored?.default && <div className="muted small">{t('settings.default')}</div>}
                    </td>
                    <td data-label={t('settings.counted')}>
                      <input
                        type="checkbox"
                        aria-label={t('settings.countFor', { agreement: title })}
                        checked={c.counted}
                        onChange={(e) => setCalm(g.id, 'counted', e.target.checked)}
                      />
                    </td>
                    {numberInput('threshold', t('settings.threshold'))}
                    {numberInput('days', t('settings.daysRequired'))}
                    <td data-label={t('settings.period')} className="calm-period">
                      {!c.counted ? (
                        '—'
                      ) : (
                        <>
                          {(['from', 'to'] as const).map((field) => {
                            const label = t(field === 'from' ? 'settings.period.from' : 'settings.period.to');
                            return (
                              <DateField
                                key={field}
                                id={`calm-${field}-${g.id}`}
                                label={label}
                                groupLabel={`${label}: ${title}`}
                                value={c[field]}
                                min={field === 'to' && c.from ? c.from : FIRST_DAY}
                                {...(field === 'from' && c.to ? { max: c.to } : {})}
                                clearable
                                error={problem(`${g.id}:${field}`)}
                                onChange={(v) => setCalm(g.id, field, v)}
                              />
                            );
                          })}
                          <p className="muted small">{t('settings.period.help')}</p>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <div className="field-row settings-world">
        <Field
          label={t('settings.timezone')}
          htmlFor="settings-timezone"
          help={`${t('settings.timezone.help')} ${known.has(draft.timezone) || draft.timezone === settings.timezone ? zoneNow(intlTimeZone(draft.timezone)) : ''}`}
          error={problem('timezone')}
        >
          <input
            id="settings-timezone"
            list="settings-timezones"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            value={draft.timezone}
            aria-invalid={problems.has('timezone') ? true : undefined}
            aria-describedby={problems.has('timezone') ? 'settings-timezone-error' : 'settings-timezone-help'}
            onChange={(e) => change({ ...draft, timezone: e.target.value.trim() })}
          />
          <datalist id="settings-timezones">
            {zones.map((z) => (
              <option key={z.name} value={z.name} label={z.offset} />
            ))}
          </datalist>
        </Field>
        <Field label={t('settings.hostState')} htmlFor="settings-host" help={t('settings.hostState.help')}>
          <select
            id="settings-host"
            value={draft.hostState}
            onChange={(e) => change({ ...draft, hostState: e.target.value })}
          >
            <option value="">{t('settings.hostState.none')}</option>
            {hosts.map((a) => (
              <option key={a.id} value={a.id}>
                {actorName(a.id)}
              </option>
            ))}
          </select>
        </Field>
      </div>

      {preview.data && !save.isSuccess && (
        <div className="notice notice-warn change-impact" role="status" data-testid="settings-changes">
          <ul>
            {sentences.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert">
          {errorText(error)}
        </div>
      )}
      {save.isSuccess && (
        <div className="notice notice-success" role="status" data-testid="settings-saved">
          {t('settings.saved')}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={problems.size > 0 || preview.isPending}>
          {t('settings.preview')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!preview.data || save.isPending}
          // What was previewed is what is saved.
          onClick={() =>
            preview.variables !== undefined &&
            save.mutate(preview.variables, { onSuccess: (answer) => setDraft(draftOf(answer.settings, ids)) })
          }
        >
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
