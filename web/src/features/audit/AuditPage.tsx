/**
 * The audit trail across records, for those who read it (admins and analysts): each change as a
 * person reads it (what was done, to which record, linked to its page; who did it, of which
 * organization; when, in the world's timezone), newest first, filtered by user, organization,
 * kind of record and days; and the check of the chain beside it. The server lists only what each
 * record's own history would show the reader.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Schemas } from '../../api/client.ts';
import { useWorld } from '../../api/world.tsx';
import { DateRangeFields } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading, LoadMore, PageHeader } from '../../app/ui.tsx';
import { addDays, instantOfLocal } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localName } from '../../i18n/record-names.ts';
import { RECORD_KINDS, type RecordKindName } from '../../i18n/names.ts';
import { useIncidentNames } from '../incidents/use-incident-names.ts';
import { useReportTitle } from '../reports/use-report-title.ts';
import { type AuditTrailQuery, useAuditTrail, useVerifyAudit } from './queries.ts';

type Entry = Schemas['AuditTrailEntry'];

interface Filters {
  user: string;
  org: string;
  kind: string;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilters(q: URLSearchParams): Filters {
  const day = (v: string | null) => (v && DAY.test(v) ? v : '');
  return {
    user: q.get('user') ?? '',
    org: q.get('org') ?? '',
    kind: q.get('kind') ?? '',
    from: day(q.get('from')),
    to: day(q.get('to')),
  };
}

function writeFilters(f: Filters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return q.toString();
}

/** The filters as the API's query: days of the world's timezone become instants (`to` takes its whole day). */
function toApiQuery(f: Filters, tz: string): AuditTrailQuery {
  const out: AuditTrailQuery = {};
  if (f.user) out.user = f.user;
  if (f.org) out.org = f.org;
  if (f.kind) out.entity = f.kind;
  if (f.from) out.from = new Date(instantOfLocal(f.from, tz)).toISOString();
  if (f.to) out.to = new Date(instantOfLocal(addDays(f.to, 1), tz)).toISOString();
  return out;
}

export function AuditPage() {
  const { t, nameOf, timezone, timezoneLabel } = useI18n();
  const { organizations, orgName } = useWorld();
  const { query } = useLocation();
  const filters = useMemo(() => readFilters(query), [query]);
  const [user, setUser] = useState(filters.user);
  useEffect(() => setUser(filters.user), [filters.user]);
  const apiQuery = useMemo(() => toApiQuery(filters, timezone), [filters, timezone]);
  const trail = useAuditTrail(apiQuery);
  const entries = trail.data?.pages.flatMap((p) => p.items) ?? [];

  const apply = (next: Partial<Filters>) => {
    const merged = writeFilters({ ...filters, ...next });
    navigate(`/audit${merged ? `?${merged}` : ''}`, { replace: true });
  };
  useEffect(() => {
    if (user.trim() === filters.user) return;
    const id = window.setTimeout(() => apply({ user: user.trim() }), 350);
    return () => window.clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [user]);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <div className="page page-wide audit-page">
      <PageHeader title={t('audit.title')}>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </PageHeader>
      <p className="muted">{t('audit.intro')}</p>
      <AuditCheck />
      <form
        className="panel audit-filters"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor="a-user">{t('audit.user')}</label>
            <input
              id="a-user"
              type="search"
              dir="ltr"
              autoComplete="off"
              value={user}
              placeholder={t('audit.user.placeholder')}
              onChange={(e) => setUser(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="a-org">{t('audit.org')}</label>
            <select id="a-org" value={filters.org} onChange={(e) => apply({ org: e.target.value })}>
              <option value="">{t('audit.any')}</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {orgName(o.id)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="a-kind">{t('audit.kind')}</label>
            <select id="a-kind" value={filters.kind} onChange={(e) => apply({ kind: e.target.value })}>
              <option value="">{t('audit.any')}</option>
              {RECORD_KINDS.filter((k) => k !== 'other').map((k) => (
                <option key={k} value={k}>
                  {nameOf.recordKinds(k)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <DateRangeFields idPrefix="a" from={filters.from} to={filters.to} onChange={apply} />
        </div>
        {filtered && (
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => navigate('/audit', { replace: true })}
            >
              {t('common.clear')}
            </button>
          </div>
        )}
      </form>

      <section className="section" aria-labelledby="audit-entries">
        <h2 id="audit-entries">{t('audit.entries')}</h2>
        {trail.error && <ErrorNotice error={trail.error} onRetry={() => void trail.refetch()} />}
        {!trail.data && trail.isFetching && <Loading />}
        {trail.data && entries.length === 0 && <p className="empty">{t('audit.none')}</p>}
        {entries.length > 0 && (
          <ol className="timeline audit-trail" data-testid="audit-trail">
            {entries.map((e) => (
              <AuditEntry
                key={e.seq}
                entry={e}
                onlyTheirs={e.by && e.by.username !== filters.user ? () => apply({ user: e.by!.username }) : null}
              />
            ))}
          </ol>
        )}
        <LoadMore list={trail} label={t('audit.more')} />
      </section>
    </div>
  );
}

/** One change, as a person reads it: what was done to which record, who did it, and when. */
function AuditEntry({ entry: e, onlyTheirs }: { entry: Entry; onlyTheirs: (() => void) | null }) {
  const { t, nameOf, dateTime } = useI18n();
  const { orgName } = useWorld();
  const record = useRecordWords()(e);
  const words = nameOf.auditActions(e.action);
  const action = words === e.action ? nameOf.auditActions('other') : words;
  return (
    <li data-entity={e.entity}>
      <time dateTime={e.at}>{dateTime(e.at)}</time>
      <div className="audit-what">
        <strong>{action}</strong>
        <span aria-hidden="true"> · </span>
        <span>{record.kind}</span>
        {record.name && (
          <>
            {t('audit.colon')}
            {record.link ? (
              <Link to={record.link} dir="auto">
                {record.name}
              </Link>
            ) : (
              <span dir="auto">{record.name}</span>
            )}
          </>
        )}
      </div>
      <div className="muted small audit-who">
        <span dir="auto">
          {e.by
            ? t('audit.by', { user: e.by.display_name, org: e.org ? orgName(e.org) : e.by.org_name })
            : t('audit.bySystem')}
        </span>
        {onlyTheirs && (
          <button type="button" className="btn btn-ghost btn-small" onClick={onlyTheirs}>
            {t('audit.onlyTheirs')}
          </button>
        )}
      </div>
    </li>
  );
}

/** A record named for people (never its id), and the page it has, if the reader may open it. */
function useRecordWords(): (e: Entry) => { kind: string; name: string | null; link: string | null } {
  const { lang, nameOf, date } = useI18n();
  const { agreements, actorName, orgName, zoneName } = useWorld();
  const incidentNames = useIncidentNames();
  const reportTitle = useReportTitle();
  return (e) => {
    const known = (RECORD_KINDS as readonly string[]).includes(e.entity);
    const kind = nameOf.recordKinds(known ? (e.entity as RecordKindName) : 'other');
    const r = e.record;
    const agreementName = (id: string) => {
      const g = agreements.find((a) => a.id === id);
      return (g && localName(lang, g.title, g.title_ar)) || null;
    };
    switch (e.entity) {
      case 'incident':
        return r?.location && r.act && r.at
          ? {
              kind,
              name: incidentNames.title({
                id: e.entity_id,
                headline: r.name,
                place: null,
                where: r.where,
                location: r.location,
                act: r.act,
                occurred_at: r.at,
              }),
              link: `/incidents/${encodeURIComponent(e.entity_id)}`,
            }
          : { kind, name: null, link: null };
      case 'report':
        return r?.location && r.where && r.act
          ? {
              kind,
              name: `${reportTitle({ act: r.act, where: r.where, location: r.location })}${r.at ? ` · ${date(r.at)}` : ''}`,
              link: `/reports/${encodeURIComponent(e.entity_id)}`,
            }
          : { kind, name: null, link: null };
      case 'zone':
        return {
          kind,
          name: r ? zoneName(e.entity_id, r.name) || null : null,
          link: r ? `/zones/${encodeURIComponent(e.entity_id)}` : null,
        };
      case 'agreement':
        return {
          kind,
          name: agreementName(e.entity_id) ?? r?.name ?? null,
          link: r ? `/agreements/${encodeURIComponent(e.entity_id)}` : null,
        };
      case 'agreement_clause': {
        // A clause is `agreement#code`: named by its agreement, whose page lists it.
        const agreement = e.entity_id.split('#')[0]!;
        const name = agreementName(agreement);
        return { kind, name, link: name ? `/agreements/${encodeURIComponent(agreement)}` : null };
      }
      // Named in the reader's language by the world, which holds every actor and organization.
      case 'actor':
        return { kind, name: r ? actorName(e.entity_id) : null, link: null };
      case 'organization':
        return { kind, name: r ? orgName(e.entity_id) : null, link: null };
      case 'convoy_request':
        return {
          kind,
          name: r?.name ?? null,
          link: r ? `/convoys/${encodeURIComponent(e.entity_id)}` : null,
        };
      default:
        return { kind, name: r?.name ?? null, link: null };
    }
  };
}

/** Whether the chain of the whole trail holds, checked on the server. */
function AuditCheck() {
  const { t, dateTime } = useI18n();
  const verify = useVerifyAudit();
  return (
    <section className="panel audit-check" aria-labelledby="audit-check-title">
      <h2 id="audit-check-title">{t('admin.audit.chain')}</h2>
      <p className="muted small">{t('admin.audit.help')}</p>
      <button type="button" className="btn" disabled={verify.isPending} onClick={() => verify.mutate()}>
        {t('admin.audit.verify')}
      </button>
      {verify.error && <ErrorNotice error={verify.error} />}
      {verify.data && (
        <div
          className={`notice ${verify.data.ok ? 'notice-success' : 'notice-error'}`}
          role="status"
          data-testid="audit-verified"
        >
          {t(verify.data.ok ? 'admin.audit.ok' : 'admin.audit.broken', { when: dateTime(verify.data.verified_at) })}
        </div>
      )}
    </section>
  );
}
