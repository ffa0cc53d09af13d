/**
 * Territory findings: every change of control the rules judged, newest first, filtered by zone,
 * by an actor that gained or lost control, and by days; each change leads to its own page. Only
 * what the reader may see is listed (the server reads as the reader).
 */
import { useMemo } from 'react';
import { useWorld } from '../../api/world.tsx';
import { DateRangeFields } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, LoadMore, PageHeader, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { addDays, instantOfLocal } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { changePath } from '../world/zone-links.ts';
import { useTerritoryFindings } from './queries.ts';
import { groupChanges } from './territory-changes.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function TerritoryPage() {
  const { t, dateTime, timezone, timezoneLabel, number } = useI18n();
  const { actors, actorName, agreementTitle, zones, zoneName } = useWorld();
  const { say } = useStatements();
  const { query } = useLocation();
  const zone = query.get('zone') ?? '';
  const actor = query.get('actor') ?? '';
  const from = DAY.test(query.get('from') ?? '') ? query.get('from')! : '';
  const to = DAY.test(query.get('to') ?? '') ? query.get('to')! : '';
  const filter = useMemo(
    () => ({
      zone: zone || undefined,
      actor: actor || undefined,
      from: from ? new Date(instantOfLocal(from, timezone)).toISOString() : undefined,
      to: to ? new Date(instantOfLocal(addDays(to, 1), timezone)).toISOString() : undefined,
    }),
    [zone, actor, from, to, timezone],
  );
  const list = useTerritoryFindings(filter);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items), [list.data]);
  const changes = useMemo(() => groupChanges(items ?? []), [items]);
  const apply = (next: Partial<Record<'zone' | 'actor' | 'from' | 'to', string>>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ zone, actor, from, to, ...next })) if (v) q.set(k, v);
    navigate(`/territory${q.size ? `?${q}` : ''}`, { replace: true });
  };

  return (
    <div className="page page-wide territory-page">
      <PageHeader title={t('territory.title')}>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </PageHeader>
      <p className="lead">{t('territory.intro')}</p>
      <div className="filters panel">
        <div className="field-row">
          <Field label={t('territory.zone')} htmlFor="tf-zone">
            <select id="tf-zone" value={zone} onChange={(e) => apply({ zone: e.target.value })}>
              <option value="">{t('territory.zone.all')}</option>
              {zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {zoneName(z.id) || t('zone.title')}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('territory.actor')} htmlFor="tf-actor">
            <select id="tf-actor" value={actor} onChange={(e) => apply({ actor: e.target.value })}>
              <option value="">{t('territory.actor.all')}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {actorName(a.id)}
                </option>
              ))}
            </select>
          </Field>
          <DateRangeFields idPrefix="tf" from={from} to={to} onChange={apply} />
        </div>
      </div>
      {list.error && <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />}
      {!items && list.isPending && <Loading />}
      {items && changes.length === 0 && <p className="empty">{t('territory.none')}</p>}
      <ul className="territory-list" data-testid="territory-changes">
        {changes.map((c) => (
          <li key={`${c.zone}:${c.at}`} className="territory-change">
            <div className="territory-change-head">
              <Link to={changePath(c.zone, c.at)} dir="auto">
                {zoneName(c.zone, c.zoneName) || t('zone.title')}
              </Link>
              <time className="muted small">{dateTime(c.at)}</time>
            </div>
            {c.change && (
              <p className="explanation" dir="auto">
                {say(c.change)}
              </p>
            )}
            <ul className="territory-verdicts">
              {c.findings.map((f) => (
                <li key={f.key}>
                  <VerdictBadge verdict={f.verdict} />{' '}
                  <span className="muted small">{f.agreement ? agreementTitle(f.agreement) : ''}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {items && (
        <p className="muted small" data-testid="territory-shown">
          {t('territory.shown', { count: number(items.length) })}
        </p>
      )}
      <LoadMore list={list} />
    </div>
  );
}
