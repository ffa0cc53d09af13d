/**
 * The analysts' inbox: reports in no incident and not set aside, newest first, arriving live.
 * For the report chosen: its account, its source and evaluation, the incidents it may be an
 * account of (with why each matches), and what to do with it: link it, make a new incident of
 * it, mark it a duplicate, or discard it with a reason. Keys for the common actions.
 */
import { type FormEvent, lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Schemas } from '../../api/client.ts';
import { ACTS, INFO_CREDIBILITIES, REPORT_CHANNELS, SOURCE_RELIABILITIES } from '../../api/enums.ts';
import { useWorld } from '../../api/world.tsx';
import { DateRangeFields } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { AnyOf, ErrorNotice, Field, Loading, PageHeader, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { AdminArea } from '../../map/admin-areas.ts';
import { useAdminAreas } from '../../map/use-admin-areas.ts';
import { AccountCard } from '../incidents/IncidentPage.tsx';
import { useReportTitle } from '../reports/use-report-title.ts';
import { useIncidentNames } from '../incidents/use-incident-names.ts';
import { worstVerdict } from '../incidents/verdicts.ts';
import {
  activeInboxFilters,
  type InboxFilters,
  inboxApiQuery,
  readInboxFilters,
  writeInboxFilters,
} from './inbox-filters.ts';
import {
  type EvaluationBody,
  fetchInboxPage,
  useEvaluate,
  useInbox,
  useLinkReport,
  useSuggestions,
  useTriage,
} from './queries.ts';
import { suggestionReasons } from './suggestion-reasons.ts';

const NewIncidentDialog = lazy(() => import('./NewIncidentDialog.tsx').then((m) => ({ default: m.NewIncidentDialog })));

type Report = Schemas['Report'];

/** What was last done, said above the next report (with a link to the incident when there is one). */
interface Done {
  text: string;
  incidentId?: string;
}

export function InboxPage() {
  const { t, nameOf, lang, timezone, timezoneLabel, number, count: countText } = useI18n();
  const { organizations, orgName } = useWorld();
  const { query } = useLocation();
  const filters = useMemo(() => readInboxFilters(query), [query]);
  const selectedId = query.get('report');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [text, setText] = useState(filters.q);
  const areas = useAdminAreas();
  const [items, setItems] = useState<Report[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [more, setMore] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const apiQuery = useMemo(() => inboxApiQuery(filters, timezone), [filters, timezone]);
  const page = useInbox(apiQuery);

  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => {
    if (!page.data) return;
    setItems(page.data.list.items);
    setCursor(page.data.list.next_cursor);
  }, [page.data]);

  const go = (f: InboxFilters, selected: string | null) => {
    const q = writeInboxFilters(f, selected);
    navigate(`/inbox${q ? `?${q}` : ''}`, { replace: true });
  };
  const apply = (next: Partial<InboxFilters>) => go({ ...filters, ...next }, selectedId);
  const select = (id: string | null) => go(filters, id);
  useEffect(() => {
    if (text === filters.q) return;
    const id = window.setTimeout(() => apply({ q: text.trim() }), 350);
    return () => window.clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  // The report chosen, or the first waiting; one that has just left the list is kept until the next is chosen.
  const selected = items.find((r) => r.id === selectedId) ?? (selectedId ? null : (items[0] ?? null));
  const index = selected ? items.indexOf(selected) : -1;
  /** After an action: the report after this one (or before, at the end of the list). */
  const advance = (text: string, incidentId?: string) => {
    setDone({ text, ...(incidentId ? { incidentId } : {}) });
    const next = items[index + 1] ?? items[index - 1] ?? null;
    select(next?.id ?? null);
  };

  const loadMore = async () => {
    if (!cursor) return;
    setMore(true);
    try {
      const next = await fetchInboxPage(apiQuery, cursor);
      setItems((prev) => [...prev, ...next.items]);
      setCursor(next.next_cursor);
    } finally {
      setMore(false);
    }
  };

  // J and K move through the list, as in mail readers; the detail's own keys are in ReportDesk.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignoreKey(e)) return;
      const key = e.key.toLowerCase();
      if (key !== 'j' && key !== 'k') return;
      const next = items[key === 'j' ? index + 1 : index - 1];
      if (!next) return;
      e.preventDefault();
      setDone(null);
      select(next.id);
      document.getElementById(`inbox-item-${next.id}`)?.scrollIntoView({ block: 'nearest' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const areaName = (a: AdminArea) => (lang === 'ar' ? a.name_ar : a.name_en);
  const governorates = areas.filter((a) => a.level === 1).sort((a, b) => areaName(a).localeCompare(areaName(b), lang));
  const count = page.data?.count;

  return (
    <div className="page page-wide inbox-page">
      <PageHeader title={t('inbox.title')}>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
        <Link to="/intake" className="btn btn-ghost">
          {t('intake.fromText')}
        </Link>
      </PageHeader>
      <p className="lead">{t('inbox.intro')}</p>
      <form
        className="filters inbox-filters"
        role="search"
        aria-label={t('inbox.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="filters-head">
          <h2>{t('inbox.filters')}</h2>
          <button
            type="button"
            className="btn btn-small filters-toggle"
            aria-expanded={filtersOpen}
            aria-controls="inbox-filter-fields"
            onClick={() => setFiltersOpen(!filtersOpen)}
          >
            {filtersOpen
              ? t('incidents.filters.hide')
              : activeInboxFilters(filters) > 0
                ? t('incidents.filters.showCount', { count: number(activeInboxFilters(filters)) })
                : t('incidents.filters.show')}
          </button>
          {activeInboxFilters(filters) > 0 && (
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => navigate('/inbox', { replace: true })}
            >
              {t('common.clear')}
            </button>
          )}
        </div>
        <div id="inbox-filter-fields" className={`filter-fields${filtersOpen ? ' open' : ''}`}>
          <div className="field">
            <label htmlFor="i-q">{t('inbox.text')}</label>
            <input id="i-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <DateRangeFields idPrefix="i" from={filters.from} to={filters.to} onChange={apply} />
          <AnyOf
            id="i-area"
            label={t('incidents.area.admin')}
            value={filters.area}
            choices={governorates.map((g) => [g.pcode, areaName(g)])}
            onChange={(area) => apply({ area })}
          />
          <AnyOf
            id="i-channel"
            label={t('inbox.channel')}
            value={filters.channel}
            choices={REPORT_CHANNELS.map((c) => [c, nameOf.channels(c)])}
            onChange={(channel) => apply({ channel })}
          />
          <AnyOf
            id="i-org"
            label={t('inbox.org')}
            value={filters.org}
            choices={organizations.map((o) => [o.id, orgName(o.id)])}
            onChange={(org) => apply({ org })}
          />
          <AnyOf
            id="i-act"
            label={t('incidents.act')}
            value={filters.act}
            choices={ACTS.map((a) => [a, nameOf.acts(a)])}
            onChange={(act) => apply({ act })}
          />
          <AnyOf
            id="i-reliability"
            label={t('inbox.reliability')}
            value={filters.reliability}
            choices={SOURCE_RELIABILITIES.map((r) => [r, nameOf.reliabilities(r)])}
            onChange={(reliability) => apply({ reliability })}
          />
        </div>
      </form>

      <div className="inbox-layout">
        <section className="inbox-list" aria-label={t('inbox.list')} aria-busy={page.loading}>
          <h2 data-testid="inbox-count">
            {count === undefined ? t('common.loading') : t('inbox.count', { count: countText(count) })}
          </h2>
          {page.error && <ErrorNotice error={page.error} onRetry={page.reload} />}
          {!page.data && page.loading && <Loading />}
          {page.data && items.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
          <ul className="inbox-items" data-testid="inbox-items">
            {items.map((r) => (
              <InboxItem key={r.id} report={r} selected={r.id === selected?.id} onSelect={() => select(r.id)} />
            ))}
          </ul>
          {cursor && (
            <button type="button" className="btn load-more" disabled={more} onClick={() => void loadMore()}>
              {more ? t('common.loading') : t('common.loadMore')}
            </button>
          )}
          <details className="inbox-keys">
            <summary>{t('inbox.keys')}</summary>
            <p className="small">{t('inbox.keys.text')}</p>
          </details>
        </section>
        <section className="inbox-detail" aria-live="polite">
          {done && (
            <div className="notice notice-success" role="status" data-testid="inbox-done">
              <span>{done.text}</span>
              {done.incidentId && (
                <Link to={`/incidents/${encodeURIComponent(done.incidentId)}`}>{t('inbox.done.open')}</Link>
              )}
            </div>
          )}
          {selected ? (
            <ReportDesk
              key={selected.id}
              report={selected}
              chosen={selectedId === selected.id}
              others={items.filter((r) => r.id !== selected.id)}
              onDone={advance}
            />
          ) : (
            items.length > 0 && <p className="muted">{t('inbox.pick')}</p>
          )}
        </section>
      </div>
    </div>
  );
}

/** Keys typed into a field, with a modifier, or under an open dialog are not the inbox's. */
function ignoreKey(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  return (
    e.metaKey ||
    e.ctrlKey ||
    e.altKey ||
    !!target?.closest('input, textarea, select, [contenteditable="true"]') ||
    !!document.querySelector('dialog[open]')
  );
}

function InboxItem({ report: r, selected, onSelect }: { report: Report; selected: boolean; onSelect(): void }) {
  const { t, nameOf, dateTime } = useI18n();
  const { orgName } = useWorld();
  const title = useReportTitle();
  return (
    <li id={`inbox-item-${r.id}`}>
      <button
        type="button"
        className={`inbox-item${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="inbox-item-title" dir="auto">
          {title(r)}
        </span>
        <span className="muted small">
          {orgName(r.org)} · {nameOf.channels(r.channel)} · {t('inbox.received', { when: dateTime(r.received_at) })}
        </span>
        {r.narrative && (
          <span className="inbox-item-text small" dir="auto">
            {r.narrative}
          </span>
        )}
      </button>
    </li>
  );
}

type Panel = null | 'discard' | 'duplicate' | 'incident';

/** One report at the desk: its account, evaluation, suggestions and actions. */
function ReportDesk({
  report: r,
  chosen,
  others,
  onDone,
}: {
  report: Report;
  /** Chosen by the reader (not the first shown by default): brought into view on a phone. */
  chosen: boolean;
  others: Report[];
  onDone(text: string, incidentId?: string): void;
}) {
  const { t } = useI18n();
  const title = useReportTitle();
  const [panel, setPanel] = useState<Panel>(null);
  const suggestions = useSuggestions(r.id);
  const link = useLinkReport();
  const heading = useRef<HTMLHeadingElement>(null);
  const { errorText } = useStatements();

  const linkTo = (incidentId: string) =>
    link.mutate({ reportId: r.id, incidentId }, { onSuccess: () => onDone(t('inbox.done.linked'), incidentId) });

  // The report's own keys: 1-5 link to that suggestion, N a new incident, D duplicate, X discard, Esc closes a panel.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && panel && panel !== 'incident') {
        setPanel(null);
        return;
      }
      if (ignoreKey(e) || link.isPending) return;
      const key = e.key.toLowerCase();
      const n = Number(key);
      const chosen = Number.isInteger(n) && n >= 1 ? suggestions.data?.[n - 1] : undefined;
      if (chosen) linkTo(chosen.incident.id);
      else if (key === 'n') setPanel('incident');
      else if (key === 'd') setPanel('duplicate');
      else if (key === 'x') setPanel('discard');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // On a phone the detail is below the list: bring it into view when a report is chosen there.
  useEffect(() => {
    if (chosen && window.matchMedia('(max-width: 900px)').matches) heading.current?.scrollIntoView({ block: 'start' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <article className="report-desk" data-testid="report-desk" aria-labelledby="desk-title">
      <header className="desk-head">
        <h2 id="desk-title" ref={heading} tabIndex={-1} dir="auto">
          {title(r)}
        </h2>
        <Link to={`/reports/${encodeURIComponent(r.id)}`} className="small">
          {t('common.open')}
        </Link>
      </header>

      <div className="desk-actions" role="group" aria-label={t('inbox.actions')}>
        <button type="button" className="btn btn-primary" onClick={() => setPanel('incident')}>
          {t('inbox.newIncident')} <kbd>N</kbd>
        </button>
        <button
          type="button"
          className="btn"
          aria-expanded={panel === 'duplicate'}
          onClick={() => setPanel(panel === 'duplicate' ? null : 'duplicate')}
        >
          {t('inbox.duplicate')} <kbd>D</kbd>
        </button>
        <button
          type="button"
          className="btn"
          aria-expanded={panel === 'discard'}
          onClick={() => setPanel(panel === 'discard' ? null : 'discard')}
        >
          {t('inbox.discard')} <kbd>X</kbd>
        </button>
      </div>
      {panel === 'discard' && <DiscardPanel report={r} onCancel={() => setPanel(null)} onDone={onDone} />}
      {panel === 'duplicate' && (
        <DuplicatePanel report={r} others={others} onCancel={() => setPanel(null)} onDone={onDone} />
      )}
      {panel === 'incident' && (
        <Suspense fallback={null}>
          <NewIncidentDialog
            report={r}
            onClose={() => setPanel(null)}
            onCreated={(id) => {
              setPanel(null);
              onDone(t('inbox.done.created'), id);
            }}
          />
        </Suspense>
      )}

      <section className="desk-suggestions" aria-labelledby="desk-suggestions">
        <h3 id="desk-suggestions">{t('inbox.suggestions')}</h3>
        {link.error && (
          <div className="notice notice-error" role="alert">
            {errorText(link.error)}
          </div>
        )}
        {suggestions.error && <ErrorNotice error={suggestions.error} onRetry={suggestions.reload} />}
        {suggestions.loading && !suggestions.data && <Loading />}
        {suggestions.data?.length === 0 && <p className="muted">{t('inbox.suggestions.none')}</p>}
        <ol className="suggestions" data-testid="suggestions">
          {suggestions.data?.map((s, i) => (
            <Suggestion
              key={s.incident.id}
              n={i + 1}
              suggestion={s}
              report={r}
              busy={link.isPending}
              onLink={() => linkTo(s.incident.id)}
            />
          ))}
        </ol>
      </section>

      <AccountCard report={r} disputed={[]} />
      <EvaluationForm report={r} />
    </article>
  );
}

function Suggestion({
  n,
  suggestion: s,
  report,
  busy,
  onLink,
}: {
  n: number;
  suggestion: Schemas['Suggestions']['items'][number];
  report: Report;
  busy: boolean;
  onLink(): void;
}) {
  const { t, nameOf, incidentWhen, number } = useI18n();
  const { actorName } = useWorld();
  const names = useIncidentNames();
  const i = s.incident;
  const reasons = suggestionReasons({
    ...s,
    reportPerpetrator: report.alleged_perpetrator,
    incidentPerpetrator: i.perpetrator,
  });
  return (
    <li className="suggestion">
      <div className="suggestion-main">
        <Link to={`/incidents/${encodeURIComponent(i.id)}`} className="suggestion-title" dir="auto">
          {nameOf.acts(i.act)} · {names.place(i)}
        </Link>
        <span className="muted small">
          {incidentWhen(i)} · {actorName(i.perpetrator)} · {t('inbox.accounts', { count: number(i.report_count) })}
        </span>
        <ul className="reasons" aria-label={t('inbox.score', { score: number(Math.round(s.score * 100)) })}>
          <li className="reason reason-score">{t('inbox.score', { score: number(Math.round(s.score * 100)) })}</li>
          {reasons.map((why) => (
            <li key={why.key} className={`reason${why.against ? ' reason-against' : ''}`}>
              {t(
                why.key,
                Object.fromEntries(
                  Object.entries(why.values ?? {}).map(([k, v]) => [k, typeof v === 'number' ? number(v) : v]),
                ),
              )}
            </li>
          ))}
        </ul>
      </div>
      <div className="suggestion-side">
        <VerdictBadge verdict={worstVerdict(i.verdicts.map((v) => v.verdict))} />
        <button type="button" className="btn btn-small" disabled={busy} onClick={onLink}>
          {t('inbox.link')} <kbd>{number(n)}</kbd>
        </button>
      </div>
    </li>
  );
}

function DiscardPanel({ report, onCancel, onDone }: { report: Report; onCancel(): void; onDone(text: string): void }) {
  const { t } = useI18n();
  const { errorText } = useStatements();
  const triage = useTriage();
  const [reason, setReason] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    triage.mutate(
      { id: report.id, body: { state: 'discarded', reason: reason.trim() || null } },
      { onSuccess: () => onDone(t('inbox.done.discarded')) },
    );
  };
  return (
    <form className="panel desk-panel" onSubmit={submit} data-testid="discard-panel">
      <Field
        label={t('inbox.discard.reason')}
        htmlFor="discard-reason"
        error={triage.error ? errorText(triage.error) : undefined}
      >
        <textarea id="discard-reason" ref={box} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-danger" disabled={triage.isPending || reason.trim() === ''}>
          {t('inbox.discard.submit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function DuplicatePanel({
  report,
  others,
  onCancel,
  onDone,
}: {
  report: Report;
  others: Report[];
  onCancel(): void;
  onDone(text: string): void;
}) {
  const { t, dateTime } = useI18n();
  const { orgName } = useWorld();
  const { errorText } = useStatements();
  const title = useReportTitle();
  const triage = useTriage();
  const [original, setOriginal] = useState(others[0]?.id ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    triage.mutate(
      { id: report.id, body: { state: 'duplicate', duplicate_of: original } },
      { onSuccess: () => onDone(t('inbox.done.duplicate')) },
    );
  };
  if (others.length === 0)
    return (
      <div className="panel desk-panel">
        <p className="muted">{t('inbox.duplicate.none')}</p>
      </div>
    );
  return (
    <form className="panel desk-panel" onSubmit={submit} data-testid="duplicate-panel">
      <Field
        label={t('inbox.duplicate.of')}
        htmlFor="duplicate-of"
        help={t('inbox.duplicate.help')}
        error={triage.error ? errorText(triage.error) : undefined}
      >
        <select id="duplicate-of" value={original} onChange={(e) => setOriginal(e.target.value)}>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {`${title(o)} · ${orgName(o.org)} · ${dateTime(o.received_at)}`}
            </option>
          ))}
        </select>
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={triage.isPending || !original}>
          {t('inbox.duplicate.submit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The report's source and its NATO/Admiralty grades, set by the analyst. */
export function EvaluationForm({ report }: { report: Report }) {
  const { t, nameOf } = useI18n();
  const { errorText } = useStatements();
  const evaluate = useEvaluate();
  const [source, setSource] = useState(report.source ?? '');
  const [reliability, setReliability] = useState<string>(report.evaluation?.reliability ?? '');
  const [credibility, setCredibility] = useState<string>(String(report.evaluation?.credibility ?? ''));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    evaluate.mutate({
      id: report.id,
      body: {
        source: source.trim() || null,
        reliability: (reliability || null) as EvaluationBody['reliability'],
        credibility: credibility ? (Number(credibility) as 1 | 2 | 3 | 4 | 5 | 6) : null,
      },
    });
  };
  return (
    <form className="panel evaluation-form" onSubmit={submit} data-testid="evaluation-form">
      <h3>{t('inbox.evaluation')}</h3>
      <p className="muted small">{t('inbox.evaluation.help')}</p>
      <div className="field-row">
        <Field label={t('inbox.source')} htmlFor="e-source">
          <input id="e-source" value={source} maxLength={500} onChange={(e) => setSource(e.target.value)} />
        </Field>
        <Field label={t('inbox.reliability')} htmlFor="e-reliability">
          <select id="e-reliability" value={reliability} onChange={(e) => setReliability(e.target.value)}>
            <option value="">{t('inbox.notEvaluated')}</option>
            {SOURCE_RELIABILITIES.map((v) => (
              <option key={v} value={v}>
                {nameOf.reliabilities(v)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('inbox.credibility')} htmlFor="e-credibility">
          <select id="e-credibility" value={credibility} onChange={(e) => setCredibility(e.target.value)}>
            <option value="">{t('inbox.notEvaluated')}</option>
            {INFO_CREDIBILITIES.map((v) => (
              <option key={v} value={String(v)}>
                {nameOf.credibilities(String(v))}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {evaluate.error && (
        <div className="notice notice-error" role="alert">
          {errorText(evaluate.error)}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn" disabled={evaluate.isPending}>
          {t('inbox.evaluation.save')}
        </button>
        {evaluate.isSuccess && (
          <span className="muted small" role="status">
            {t('inbox.evaluation.saved')}
          </span>
        )}
      </div>
    </form>
  );
}
