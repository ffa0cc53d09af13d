/** Search: incidents and reports matching the words, in English or Arabic, best first, as the reader may see them. */
import { type FormEvent, useEffect, useState } from 'react';
import { useWorld } from '../../api/world.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useIncidentNames } from '../incidents/use-incident-names.ts';
import { useReportTitle } from '../reports/use-report-title.ts';
import { useSearch } from './queries.ts';

export function SearchPage() {
  const { t, number, incidentWhen, dateTime } = useI18n();
  const { orgName } = useWorld();
  const names = useIncidentNames();
  const reportTitle = useReportTitle();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const results = useSearch(q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/search?q=${encodeURIComponent(text.trim())}`, { replace: true });
  };
  const data = results.data;
  return (
    <div className="page page-wide search-page">
      <PageHeader title={t('search.title')} />
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor="search-q" className="sr-only">
          {t('search.label')}
        </label>
        <input
          id="search-q"
          type="search"
          dir="auto"
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" className="btn btn-primary">
          {t('search.submit')}
        </button>
      </form>
      <p className="muted small">{t('search.help')}</p>
      {results.error && <ErrorNotice error={results.error} onRetry={results.reload} />}
      {q && !data && results.loading && <Loading />}
      {data && (
        <div className="incident-grid">
          <section className="panel" aria-labelledby="found-incidents">
            <h2 id="found-incidents">{t('search.incidents', { count: number(data.incidents.length) })}</h2>
            {data.incidents.length === 0 && <p className="empty">{t('search.none')}</p>}
            <ul className="review-list" data-testid="found-incidents">
              {data.incidents.map((i) => (
                <li key={i.id}>
                  <Link to={`/incidents/${encodeURIComponent(i.id)}`} dir="auto">
                    {names.title(i)}
                  </Link>
                  <span className="muted small">
                    {incidentWhen(i)} · {names.place(i)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="found-reports">
            <h2 id="found-reports">{t('search.reports', { count: number(data.reports.length) })}</h2>
            {data.reports.length === 0 && <p className="empty">{t('search.none')}</p>}
            <ul className="review-list" data-testid="found-reports">
              {data.reports.map((r) => (
                <li key={r.id}>
                  <Link to={`/reports/${encodeURIComponent(r.id)}`} dir="auto">
                    {reportTitle(r)}
                  </Link>
                  <span className="muted small">
                    {orgName(r.org)} · {dateTime(r.received_at)}
                  </span>
                  <span className="search-snippet small" dir="auto">
                    {r.narrative}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
