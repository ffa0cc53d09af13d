/**
 * The besieged-areas dashboard: each besieged or hard-to-reach area the reader may see, as of the
 * latest day a figure speaks of: its status and since when, who besieges it and since when, its
 * population as last estimated (the day and the source, against the estimate before), the days
 * since aid last reached it, and a small map; the overall count of the besieged beside them.
 */
import { useWorld } from '../../api/world.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { AreaOverview } from './AreaOverview.tsx';
import { type Dashboard, type DashboardArea, useBesiegedDashboard } from './queries.ts';
import { SiegeBadge } from './SiegeBadge.tsx';

export function BesiegedPage() {
  const { t, day } = useI18n();
  const dashboard = useBesiegedDashboard();
  return (
    <div className="page page-wide besieged-page">
      <PageHeader title={t('besieged.title')} />
      <p className="muted">{t('besieged.intro')}</p>
      {dashboard.error ? (
        <ErrorNotice error={dashboard.error} onRetry={dashboard.reload} />
      ) : !dashboard.data ? (
        <Loading />
      ) : (
        <>
          <p data-testid="besieged-on">{t('besieged.asOf', { day: day(dashboard.data.on) })}</p>
          <div className="siege-layout">
            <Overall d={dashboard.data} />
            {dashboard.data.items.length > 0 && <AreaOverview areas={dashboard.data.items} />}
          </div>
          {dashboard.data.items.length === 0 ? (
            <p className="empty">{t('besieged.none')}</p>
          ) : (
            <AreaTable items={dashboard.data.items} />
          )}
        </>
      )}
    </div>
  );
}

/** The overall count (OCHA's, every besieged location together), with its day and source, against the one before. */
function Overall({ d }: { d: Dashboard }) {
  const { t, day, number } = useI18n();
  const o = d.overall.latest;
  if (!o) return null;
  return (
    <div className="kpis siege-overall">
      <div className="kpi kpi-danger" data-testid="besieged-overall">
        <span className="kpi-label">{t('besieged.overall')}</span>
        <span className="kpi-value">{number(o.population)}</span>
        <span className="kpi-note">
          {o.locations !== null
            ? t('besieged.overall.locations', { n: number(o.locations), day: day(o.as_of) })
            : day(o.as_of)}
        </span>
        {d.overall.previous && (
          <span className="kpi-note">
            {t('besieged.overall.before', {
              n: number(d.overall.previous.population),
              day: day(d.overall.previous.as_of),
            })}
          </span>
        )}
        <span className="kpi-note" dir="auto">
          {t('besieged.source', { source: o.source })}
        </span>
      </div>
    </div>
  );
}

export function Besiegers({ a }: { a: Pick<DashboardArea, 'besiegers'> }) {
  const { t, day } = useI18n();
  const { actorName } = useWorld();
  if (a.besiegers.length === 0) return <span className="muted">{t('besieged.besiegers.none')}</span>;
  return (
    <ul className="plain cell-lines">
      {a.besiegers.map((b) => (
        <li key={b.actor} dir="auto">
          {b.since
            ? t('besieged.besieger.since', { actor: actorName(b.actor), day: day(b.since) })
            : actorName(b.actor)}
        </li>
      ))}
    </ul>
  );
}

/** The latest estimate, its day and source, and how it moved since the one before. */
export function Population({ p }: { p: DashboardArea['population'] }) {
  const { t, day, number } = useI18n();
  if (!p.latest) return <span className="muted">{t('besieged.population.none')}</span>;
  return (
    <div className="cell-lines" data-testid="siege-population">
      <strong className="num-inline">{number(p.latest.population)}</strong>{' '}
      {p.trend && p.previous && (
        <span className="muted small">
          {t(`besieged.trend.${p.trend}`, { n: number(p.previous.population), day: day(p.previous.as_of) })}
        </span>
      )}
      <div className="muted small">{day(p.latest.as_of)}</div>
      <div className="muted small" dir="auto">
        {t('besieged.source', { source: p.latest.source })}
      </div>
      {p.same_day.length > 0 && (
        <div className="muted small">{t('besieged.population.otherSources', { n: number(p.same_day.length) })}</div>
      )}
    </div>
  );
}

export function LastDelivery({ a }: { a: Pick<DashboardArea, 'last_delivery' | 'days_without_delivery'> }) {
  const { t, day, number } = useI18n();
  return (
    <div className="cell-lines" data-testid="siege-delivery">
      {a.days_without_delivery !== null && (
        <strong>{t('besieged.days', { n: number(a.days_without_delivery) })}</strong>
      )}
      <div className="muted small">
        {a.last_delivery
          ? t('besieged.lastDelivery', { day: day(a.last_delivery.delivered_on) })
          : t('besieged.noDelivery')}
      </div>
    </div>
  );
}

function AreaTable({ items }: { items: DashboardArea[] }) {
  const { t, lang, day, number } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table-cards" data-testid="besieged-table">
        <thead>
          <tr>
            <th scope="col">{t('besieged.col.area')}</th>
            <th scope="col">{t('besieged.col.status')}</th>
            <th scope="col">{t('besieged.col.besiegers')}</th>
            <th scope="col">{t('besieged.col.population')}</th>
            <th scope="col">{t('besieged.col.delivery')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a, i) => (
            <tr key={a.id} data-testid="besieged-row">
              <td className="cell-title">
                <span className="siege-number" aria-hidden="true">
                  {number(i + 1)}
                </span>
                <Link to={`/besieged/${encodeURIComponent(a.id)}`} dir="auto">
                  {nameIn(lang, a)}
                </Link>
              </td>
              <td data-label={t('besieged.col.status')}>
                <SiegeBadge status={a.status?.status} />
                {a.status && <div className="muted small">{t('besieged.since', { day: day(a.status.since) })}</div>}
              </td>
              <td data-label={t('besieged.col.besiegers')}>
                <Besiegers a={a} />
              </td>
              <td data-label={t('besieged.col.population')}>
                <Population p={a.population} />
              </td>
              <td data-label={t('besieged.col.delivery')}>
                <LastDelivery a={a} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
