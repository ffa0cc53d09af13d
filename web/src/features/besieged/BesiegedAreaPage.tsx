/**
 * One besieged area: its status now and since when, who besieges it, its population as last
 * estimated and every estimate before (each with its day and source), the deliveries and the days
 * since the last, its statuses by day, and its map. Who may count adds a population estimate (a new
 * version beside the others); who keeps the areas gives its status from a day.
 */
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { BESIEGED_STATUSES, type BesiegedStatus } from '../../../../src/contract/siege.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, recordFallback, Reference } from '../../app/ui.tsx';
import { localDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { numberOf } from '../convoys/convoy-form.ts';
import { Besiegers, LastDelivery, Population } from './BesiegedPage.tsx';
import { type AreaDetail, useAddEstimate, useBesiegedArea, useBesiegedDashboard, useChangeArea } from './queries.ts';
import { SiegeBadge } from './SiegeBadge.tsx';

// MapLibre is loaded with the area's page only.
const AreaMap = lazy(() => import('./AreaMap.tsx').then((m) => ({ default: m.AreaMap })));

export function BesiegedAreaPage({ id }: { id: string }) {
  const { t, lang, day } = useI18n();
  const { can } = useSession();
  const q = useBesiegedArea(id);
  const dashboard = useBesiegedDashboard();
  const fallback = recordFallback(q, {
    title: t('besieged.notFound.title'),
    text: t('besieged.notFound'),
    back: { to: '/besieged', label: t('besieged.back') },
  });
  if (fallback || !q.data) return fallback;
  const a = q.data;
  const now = dashboard.data?.items.find((x) => x.id === a.id);
  const status = now?.status ?? a.statuses.at(-1) ?? null;
  return (
    <div className="page page-wide siege-page">
      <p className="back-link">
        <Link to="/besieged">{t('besieged.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('besieged.area')}</p>
          <h1 dir="auto">{nameIn(lang, a)}</h1>
          <div className="badges">
            <SiegeBadge status={status?.status} />
            {status && <span className="muted small">{t('besieged.since', { day: day(status.since) })}</span>}
          </div>
        </div>
      </header>
      <div className="siege-detail">
        <section className="panel" aria-labelledby="siege-facts">
          <h2 id="siege-facts">{t('besieged.now')}</h2>
          {dashboard.data && <p className="muted small">{t('besieged.asOf', { day: day(dashboard.data.on) })}</p>}
          <dl className="facts">
            <dt>{t('besieged.col.besiegers')}</dt>
            <dd>
              <Besiegers a={a} />
            </dd>
            <dt>{t('besieged.col.population')}</dt>
            <dd>{now ? <Population p={now.population} /> : '—'}</dd>
            <dt>{t('besieged.col.delivery')}</dt>
            <dd>{now ? <LastDelivery a={now} /> : '—'}</dd>
          </dl>
        </section>
        <Suspense fallback={<Loading />}>
          <AreaMap
            geometry={a.geometry}
            status={status?.status ?? null}
            label={t('besieged.map.area', { name: nameIn(lang, a) })}
          />
        </Suspense>
      </div>
      <Estimates a={a} />
      {can('besieged:count') && <EstimateForm id={a.id} />}
      <Statuses a={a} />
      {can('besieged:manage') && <StatusForm id={a.id} current={status?.status ?? null} />}
      <Deliveries a={a} />
      <Reference ids={[a.id, a.zone_id]} />
    </div>
  );
}

/** Every estimate, newest first: none is changed or removed, a correction is one more. */
function Estimates({ a }: { a: AreaDetail }) {
  const { t, day, number, dateTime } = useI18n();
  const rows = [...a.estimates].sort(
    (x, y) => y.as_of.localeCompare(x.as_of) || y.recorded_at.localeCompare(x.recorded_at),
  );
  return (
    <section className="panel" aria-labelledby="siege-estimates">
      <h2 id="siege-estimates">{t('besieged.estimates')}</h2>
      <p className="muted small">{t('besieged.estimates.help')}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('besieged.population.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards" data-testid="siege-estimates">
            <thead>
              <tr>
                <th scope="col">{t('besieged.estimate.day')}</th>
                <th scope="col" className="num">
                  {t('besieged.estimate.population')}
                </th>
                <th scope="col">{t('besieged.estimate.source')}</th>
                <th scope="col">{t('besieged.estimate.recorded')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td className="cell-title">{day(e.as_of)}</td>
                  <td className="num" data-label={t('besieged.estimate.population')}>
                    {number(e.population)}
                  </td>
                  <td data-label={t('besieged.estimate.source')}>
                    <div className="cell-lines">
                      <span dir="auto">{e.source}</span>
                      {e.note && (
                        <div className="muted small" dir="auto">
                          {e.note}
                        </div>
                      )}
                    </div>
                  </td>
                  <td data-label={t('besieged.estimate.recorded')} className="muted small">
                    {dateTime(e.recorded_at)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Statuses({ a }: { a: AreaDetail }) {
  const { t, day } = useI18n();
  return (
    <section className="panel" aria-labelledby="siege-statuses">
      <h2 id="siege-statuses">{t('besieged.statuses')}</h2>
      <ol className="plain timeline" data-testid="siege-statuses">
        {[...a.statuses].reverse().map((s) => (
          <li key={s.since}>
            <time>{t('besieged.since', { day: day(s.since) })}</time>
            <SiegeBadge status={s.status} />
            {s.source && (
              <div className="muted small" dir="auto">
                {t('besieged.source', { source: s.source })}
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Deliveries({ a }: { a: AreaDetail }) {
  const { t, day, number } = useI18n();
  const { orgName } = useWorld();
  return (
    <section className="panel" aria-labelledby="siege-deliveries">
      <h2 id="siege-deliveries">{t('besieged.deliveries')}</h2>
      {a.deliveries.length === 0 ? (
        <p className="empty">{t('besieged.noDelivery')}</p>
      ) : (
        <ol className="plain timeline">
          {[...a.deliveries].reverse().map((d) => (
            <li key={d.id}>
              <time>{day(d.delivered_on)}</time>
              {d.convoy && (
                <div>
                  <Link to={`/convoys/${encodeURIComponent(d.convoy.id)}`} dir="auto">
                    {t('besieged.byConvoy', { name: d.convoy.name })}
                  </Link>
                  {d.convoy.beneficiaries_reached !== null && (
                    <span className="muted small">
                      {' · '}
                      {t('convoys.detail.beneficiaries', { n: number(d.convoy.beneficiaries_reached) })}
                    </span>
                  )}
                </div>
              )}
              {d.description && <div dir="auto">{d.description}</div>}
              <div className="muted small" dir="auto">
                {t('besieged.source', { source: d.convoy ? orgName(d.convoy.organizer_org) : d.source })}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const today = (tz: string) => localDate(Date.now(), tz);

/** A population estimate: its day, the figure, who gives it; added beside the others. */
function EstimateForm({ id }: { id: string }) {
  const { t, timezone } = useI18n();
  const add = useAddEstimate(id);
  const [asOf, setAsOf] = useState('');
  const [population, setPopulation] = useState('');
  const [source, setSource] = useState('');
  const [note, setNote] = useState('');
  const figure = numberOf(population);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { as_of: asOf, population: figure, source, note },
      {
        onSuccess: () => {
          setPopulation('');
          setSource('');
          setNote('');
        },
      },
    );
  };
  return (
    <form
      className="panel siege-form"
      onSubmit={submit}
      aria-labelledby="estimate-form-title"
      data-testid="estimate-form"
    >
      <h2 id="estimate-form-title">{t('besieged.estimate.add')}</h2>
      <div className="field-row">
        <DateField
          id="estimate-day"
          label={t('besieged.estimate.day')}
          value={asOf}
          onChange={setAsOf}
          max={today(timezone)}
        />
        <Field label={t('besieged.estimate.population')} htmlFor="estimate-population">
          <input
            id="estimate-population"
            inputMode="numeric"
            dir="ltr"
            required
            value={population}
            onChange={(e) => setPopulation(e.target.value)}
          />
        </Field>
      </div>
      <Field label={t('besieged.estimate.source')} htmlFor="estimate-source" help={t('besieged.estimate.source.help')}>
        <input
          id="estimate-source"
          required
          maxLength={500}
          dir="auto"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </Field>
      <Field label={t('besieged.estimate.note')} htmlFor="estimate-note">
        <textarea
          id="estimate-note"
          maxLength={2000}
          rows={2}
          dir="auto"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Field>
      {add.error && <ErrorNotice error={add.error} />}
      {add.isSuccess && <p className="notice notice-success">{t('besieged.estimate.added')}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={add.isPending || !asOf || !Number.isInteger(figure) || figure < 0 || !source.trim()}
        >
          {t('besieged.estimate.add')}
        </button>
      </div>
    </form>
  );
}

/** A status from a day (one given for a day already recorded replaces it). */
function StatusForm({ id, current }: { id: string; current: BesiegedStatus | null }) {
  const { t, nameOf, timezone } = useI18n();
  const change = useChangeArea(id);
  const [status, setStatus] = useState<BesiegedStatus>(current ?? 'besieged');
  const [since, setSince] = useState('');
  const [source, setSource] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ status: { status, since, source: source.trim() || null } }, { onSuccess: () => setSource('') });
  };
  return (
    <form className="panel siege-form" onSubmit={submit} aria-labelledby="status-form-title" data-testid="status-form">
      <h2 id="status-form-title">{t('besieged.status.change')}</h2>
      <div className="field-row">
        <Field label={t('besieged.col.status')} htmlFor="status-value">
          <select id="status-value" value={status} onChange={(e) => setStatus(e.target.value as BesiegedStatus)}>
            {BESIEGED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {nameOf.besiegedStatuses(s)}
              </option>
            ))}
          </select>
        </Field>
        <DateField
          id="status-since"
          label={t('besieged.status.from')}
          value={since}
          onChange={setSince}
          max={today(timezone)}
        />
      </div>
      <Field label={t('besieged.estimate.source')} htmlFor="status-source">
        <input
          id="status-source"
          maxLength={500}
          dir="auto"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </Field>
      {change.error && <ErrorNotice error={change.error} />}
      {change.isSuccess && <p className="notice notice-success">{t('besieged.status.changed')}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={change.isPending || !since}>
          {t('besieged.status.change')}
        </button>
      </div>
    </form>
  );
}
