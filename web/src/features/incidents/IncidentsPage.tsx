/** The incidents: the API's filters (time, area, actor, act, finding, status, text) and the matching list. */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Schemas } from '../../api/client.ts';
import { useWorld } from '../../api/world.tsx';
import { DateRangeFields } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { AnyOf, ErrorNotice, Loading, PageHeader, StatusBadge, VerdictBadge } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ACTS, INCIDENT_STATUSES, VERDICTS } from '../../api/enums.ts';
import { activeFilterCount, type IncidentFilters, readFilters, toApiQuery, writeFilters } from './filters.ts';
import { fetchIncidentPage, type IncidentQuery, useIncidents } from './queries.ts';
import { AdminAreaSelect } from './AdminAreaSelect.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { useIncidentNames } from './use-incident-names.ts';
import { worstVerdict } from './verdicts.ts';

const AreaDrawDialog = lazy(() => import('./AreaDrawDialog.tsx').then((m) => ({ default: m.AreaDrawDialog })));

type Incident = Schemas['Incident'];

export function IncidentsPage() {
  const { t, nameOf, timezone, timezoneLabel, incidentWhen, number, count: countText } = useI18n();
  const names = useIncidentNames();
  const { actors, actorName } = useWorld();
  const { query } = useLocation();
  const filters = useMemo(() => readFilters(query), [query]);
  const [text, setText] = useState(filters.q);
  const [drawing, setDrawing] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [items, setItems] = useState<Incident[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);

  useEffect(() => setText(filters.q), [filters.q]);

  const apiQuery = useMemo(() => toApiQuery(filters, timezone), [filters, timezone]);

  // Changed or new incidents appear without a reload: live events invalidate the list (api/live-invalidation.ts).
  const page = useIncidents(apiQuery as IncidentQuery);

  useEffect(() => {
    if (!page.data) return;
    setItems(page.data.list.items);
    setCursor(page.data.list.next_cursor);
  }, [page.data]);

  const loadMore = async () => {
    if (!cursor) return;
    setMore(true);
    try {
      const next = await fetchIncidentPage(apiQuery as IncidentQuery, cursor);
      setItems((prev) => [...prev, ...next.items]);
      setCursor(next.next_cursor);
    } finally {
      setMore(false);
    }
  };

  const apply = (next: Partial<IncidentFilters>) => {
    const merged = { ...filters, ...next };
    navigate(`/incidents${writeFilters(merged) ? `?${writeFilters(merged)}` : ''}`, { replace: true });
  };
  useEffect(() => {
    if (text === filters.q) return;
    const id = window.setTimeout(() => apply({ q: text.trim() }), 350);
    return () => window.clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const count = page.data?.count;

  return (
    <div className="page page-wide">
      <PageHeader title={t('incidents.title')}>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </PageHeader>
      <div className="with-filters">
        <form
          className="filters"
          role="search"
          aria-label={t('incidents.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="filters-head">
            <h2>{t('incidents.filters')}</h2>
            {/* On a phone the filters fold away, so the list is on the first screen. */}
            <button
              type="button"
              className="btn btn-small filters-toggle"
              aria-expanded={filtersOpen}
              aria-controls="filter-fields"
              onClick={() => setFiltersOpen(!filtersOpen)}
            >
              {filtersOpen
                ? t('incidents.filters.hide')
                : activeFilterCount(filters) > 0
                  ? t('incidents.filters.showCount', { count: number(activeFilterCount(filters)) })
                  : t('incidents.filters.show')}
            </button>
            {activeFilterCount(filters) > 0 && (
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => navigate('/incidents', { replace: true })}
              >
                {t('common.clear')}
              </button>
            )}
          </div>
          <div id="filter-fields" className={`filter-fields${filtersOpen ? ' open' : ''}`}>
            <div className="field">
              <label htmlFor="f-q">{t('incidents.text')}</label>
              <input
                id="f-q"
                type="search"
                value={text}
                placeholder={t('incidents.textPlaceholder')}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <DateRangeFields idPrefix="f" from={filters.from} to={filters.to} onChange={apply} />
            <div className="field">
              <label htmlFor="f-area">{t('incidents.area.admin')}</label>
              <AdminAreaSelect id="f-area" value={filters.area} onChange={(area) => apply({ area, bbox: '' })} />
            </div>
            <div className="field">
              <span className="label">{t('incidents.area.drawn')}</span>
              {filters.bbox ? (
                <div className="chip">
                  <span dir="ltr">
                    {filters.bbox
                      .split(',')
                      .map((n) => Number(n).toFixed(2))
                      .join(', ')}
                  </span>
                  <button type="button" aria-label={t('incidents.area.clear')} onClick={() => apply({ bbox: '' })}>
                    ×
                  </button>
                </div>
              ) : (
                <button type="button" className="btn btn-block" onClick={() => setDrawing(true)}>
                  {t('incidents.area.draw')}
                </button>
              )}
            </div>
            <AnyOf
              id="f-actor"
              label={t('incidents.actor')}
              value={filters.actor}
              choices={actors.map((a) => [a.id, actorName(a.id)])}
              onChange={(actor) => apply({ actor })}
            />
            <AnyOf
              id="f-act"
              label={t('incidents.act')}
              value={filters.act}
              choices={ACTS.map((a) => [a, nameOf.acts(a)])}
              onChange={(act) => apply({ act })}
            />
            <AnyOf
              id="f-verdict"
              label={t('incidents.verdict')}
              value={filters.verdict}
              choices={VERDICTS.map((v) => [v, nameOf.verdicts(v)])}
              onChange={(verdict) => apply({ verdict })}
            />
            <AnyOf
              id="f-status"
              label={t('incidents.status')}
              value={filters.status}
              choices={INCIDENT_STATUSES.map((s) => [s, nameOf.statuses(s)])}
              onChange={(status) => apply({ status })}
            />
          </div>
        </form>

        <section className="results" aria-live="polite" aria-busy={page.loading}>
          <div className="results-head">
            <h2 data-testid="incident-count">
              {count === undefined ? t('common.loading') : t('incidents.results', { count: countText(count) })}
            </h2>
            {count !== undefined && (count.more || items.length < count.count) && (
              <span className="muted small">
                {t('incidents.resultsMore', { shown: number(items.length), count: countText(count) })}
              </span>
            )}
            <ExportMenu query={apiQuery as IncidentQuery} />
          </div>
          {page.error && <ErrorNotice error={page.error} onRetry={page.reload} />}
          {!page.data && page.loading && <Loading />}
          {page.data && items.length === 0 && <p className="empty">{t('incidents.empty')}</p>}
          {items.length > 0 && (
            <div className="table-wrap">
              <table className="table table-cards" data-testid="incident-table">
                <thead>
                  <tr>
                    <th scope="col">{t('incidents.col.when')}</th>
                    <th scope="col">{t('incidents.col.where')}</th>
                    <th scope="col">{t('incidents.col.act')}</th>
                    <th scope="col">{t('incidents.col.perpetrator')}</th>
                    <th scope="col">{t('incidents.col.verdict')}</th>
                    <th scope="col">{t('incidents.col.status')}</th>
                    <th scope="col" className="num">
                      {t('incidents.col.accounts')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((i) => (
                    <tr
                      key={i.id}
                      onClick={(e) => {
                        if (!(e.target as HTMLElement).closest('a')) navigate(`/incidents/${encodeURIComponent(i.id)}`);
                      }}
                    >
                      <td className="nowrap" data-label={t('incidents.col.when')}>
                        {incidentWhen(i)}
                      </td>
                      <td className="cell-title">
                        <Link to={`/incidents/${encodeURIComponent(i.id)}`} dir="auto">
                          {names.place(i)}
                        </Link>
                        <div
                          className="muted small"
                          dir="ltr"
                        >{`${i.location.lat.toFixed(3)}, ${i.location.lon.toFixed(3)}`}</div>
                      </td>
                      <td data-label={t('incidents.col.act')}>{nameOf.acts(i.act)}</td>
                      <td data-label={t('incidents.col.perpetrator')}>{actorName(i.perpetrator)}</td>
                      <td data-label={t('incidents.col.verdict')}>
                        <VerdictBadge verdict={worstVerdict(i.verdicts.map((v) => v.verdict))} />
                      </td>
                      <td data-label={t('incidents.col.status')}>
                        <StatusBadge status={i.status} />
                      </td>
                      <td className="num" data-label={t('incidents.col.accounts')}>
                        {number(i.report_count)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {cursor && (
            <button type="button" className="btn load-more" disabled={more} onClick={() => void loadMore()}>
              {more ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
        </section>
      </div>
      {drawing && (
        <Suspense fallback={null}>
          <AreaDrawDialog
            onClose={() => setDrawing(false)}
            onDone={(bbox) => {
              setDrawing(false);
              apply({ bbox, area: '' });
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
