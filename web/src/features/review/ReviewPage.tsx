/**
 * The review queue: the rulings waiting for the user's organization, every ruling waiting for
 * approval, and the incidents whose finding the rules leave for a person, oldest first.
 */
import { useMemo } from 'react';
import { ACTS } from '../../api/enums.ts';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { AnyOf, ErrorNotice, Loading, LoadMore, PageHeader } from '../../app/ui.tsx';
import { instantOfLocal, addDays } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { AdminAreaSelect } from '../incidents/AdminAreaSelect.tsx';
import { RulingCard, useCoChair } from '../incidents/Rulings.tsx';
import { useIncidentNames } from '../incidents/use-incident-names.ts';
import { useReviewCount, useReviewIncidents, useRulings } from './queries.ts';

type Act = (typeof ACTS)[number];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function ReviewPage() {
  const { t, nameOf, timezone, timezoneLabel, incidentWhen, count: countText } = useI18n();
  const { actorName } = useWorld();
  const names = useIncidentNames();
  const { query } = useLocation();
  const { org, coChair } = useCoChair();
  const from = DAY.test(query.get('from') ?? '') ? query.get('from')! : '';
  const to = DAY.test(query.get('to') ?? '') ? query.get('to')! : '';
  const area = query.get('area') ?? '';
  const act = (ACTS as readonly string[]).includes(query.get('act') ?? '') ? (query.get('act') as Act) : '';
  const filter = useMemo(
    () => ({
      ...(from ? { from: new Date(instantOfLocal(from, timezone)).toISOString() } : {}),
      ...(to ? { to: new Date(instantOfLocal(addDays(to, 1), timezone)).toISOString() } : {}),
      ...(area ? { admin: area } : {}),
      ...(act ? { act } : {}),
    }),
    [from, to, area, act, timezone],
  );
  const awaiting = useRulings(org, coChair);
  const pending = useRulings(null);
  const incidents = useReviewIncidents(filter);
  const count = useReviewCount(filter);
  const items = incidents.data?.pages.flatMap((p) => p.items);
  const apply = (next: { from?: string; to?: string; area?: string; act?: string }) => {
    const q = new URLSearchParams();
    const chosen = { from, to, area, act, ...next };
    for (const [key, value] of Object.entries(chosen)) if (value) q.set(key, value);
    navigate(`/review${q.size ? `?${q}` : ''}`, { replace: true });
  };
  const others = (pending.data ?? []).filter((r) => !(awaiting.data ?? []).some((a) => a.id === r.id));

  return (
    <div className="page page-wide review-page">
      <PageHeader title={t('review.title')}>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </PageHeader>
      <p className="lead">{t('review.intro')}</p>

      {coChair && (
        <section className="section" aria-labelledby="awaiting-title" data-testid="awaiting">
          <h2 id="awaiting-title">{t('review.awaiting')}</h2>
          {awaiting.error && <ErrorNotice error={awaiting.error} onRetry={awaiting.reload} />}
          {awaiting.data?.length === 0 && <p className="empty">{t('review.awaiting.none')}</p>}
          {awaiting.data?.map((r) => (
            <div key={r.id} className="review-ruling">
              <Link to={`/incidents/${encodeURIComponent(r.incident_id)}`}>{t('review.open')}</Link>
              <RulingCard ruling={r} incident={{ id: r.incident_id, accounts: [] }} />
            </div>
          ))}
        </section>
      )}

      <section className="section" aria-labelledby="pending-title" data-testid="pending">
        <h2 id="pending-title">{t('review.pending')}</h2>
        {pending.error && <ErrorNotice error={pending.error} onRetry={pending.reload} />}
        {pending.data && others.length === 0 && <p className="empty">{t('review.pending.none')}</p>}
        {others.map((r) => (
          <div key={r.id} className="review-ruling">
            <Link to={`/incidents/${encodeURIComponent(r.incident_id)}`}>{t('review.open')}</Link>
            <RulingCard ruling={r} incident={{ id: r.incident_id, accounts: [] }} />
          </div>
        ))}
      </section>

      <section className="section" aria-labelledby="review-findings-title">
        <h2 id="review-findings-title">{t('review.findings')}</h2>
        <div className="field-row review-dates">
          <DateField
            id="rv-from"
            label={t('common.from')}
            value={from}
            clearable
            onChange={(v) => apply({ from: v })}
          />
          <DateField id="rv-to" label={t('common.to')} value={to} clearable onChange={(v) => apply({ to: v })} />
        </div>
        <div className="field-row review-filters">
          <div className="field">
            <label htmlFor="rv-area">{t('incidents.area.admin')}</label>
            <AdminAreaSelect id="rv-area" value={area} onChange={(pcode) => apply({ area: pcode })} />
          </div>
          <AnyOf
            id="rv-act"
            label={t('incidents.act')}
            value={act}
            choices={ACTS.map((a) => [a, nameOf.acts(a)])}
            onChange={(a) => apply({ act: a })}
          />
        </div>
        {incidents.error && <ErrorNotice error={incidents.error} onRetry={() => void incidents.refetch()} />}
        {!items && incidents.isPending && <Loading />}
        {count.data !== undefined && (
          <p className="muted" data-testid="review-count">
            {t('review.findings.count', { count: countText(count.data) })}
          </p>
        )}
        {items?.length === 0 && <p className="empty">{t('review.findings.none')}</p>}
        <ul className="review-list" data-testid="review-incidents">
          {items?.map((i) => (
            <li key={i.id}>
              <Link to={`/incidents/${encodeURIComponent(i.id)}`} dir="auto">
                {nameOf.acts(i.act)} · {names.place(i)}
              </Link>
              <span className="muted small">
                {incidentWhen(i)} · {actorName(i.perpetrator)}
              </span>
            </li>
          ))}
        </ul>
        <LoadMore list={incidents} />
      </section>
    </div>
  );
}
