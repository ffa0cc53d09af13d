/** One filed report, as the reader may see it: the account, where and when, and its incident if it has one. */
import { Link } from '../../app/router.tsx';
import { recordFallback, Reference } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { AccountCard } from '../incidents/IncidentPage.tsx';
import { useTriage } from '../inbox/queries.ts';
import { useReport } from './queries.ts';
import { ReportSource } from './ReportSource.tsx';
import { useReportTitle } from './use-report-title.ts';
import { useSession } from '../../api/session.tsx';
import type { Schemas } from '../../api/client.ts';
import { useStatements } from '../../app/use-statements.ts';

export function FiledReportPage({ id }: { id: string }) {
  const { t, timezoneLabel } = useI18n();
  const title = useReportTitle();
  const q = useReport(id);
  const fallback = recordFallback(q, {
    title: t('notFound.report.title'),
    text: t('notFound.report'),
    back: { to: '/incidents', label: t('incident.back') },
  });
  if (fallback || !q.data) return fallback;
  const r = q.data;
  return (
    <div className="page filed-report-page">
      <nav className="breadcrumb" aria-label={t('nav.main')}>
        <Link to="/incidents">{t('incident.back')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('report.one')}</p>
          <h1>{title(r)}</h1>
        </div>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </header>
      {r.incident_id ? (
        <p>
          <Link to={`/incidents/${encodeURIComponent(r.incident_id)}`}>{t('map.incident.open')}</Link>
        </p>
      ) : r.triage ? (
        <SetAside report={r} />
      ) : (
        <p className="muted">{t('report.noIncident')}</p>
      )}
      <AccountCard report={r} disputed={[]} />
      <ReportSource reportId={r.id} />
      <Reference ids={[r.id, r.incident_id]} />
    </div>
  );
}

/** Why a report is out of the inbox without an incident, with a way back for analysts. */
function SetAside({ report: r }: { report: Schemas['Report'] }) {
  const { t, nameOf, dateTime } = useI18n();
  const { can } = useSession();
  const { errorText } = useStatements();
  const triage = useTriage();
  const set = r.triage!;
  return (
    <div className="notice set-aside" data-testid="set-aside">
      <span>
        <strong>{nameOf.triage(set.state)}</strong> · {dateTime(set.at)}.{' '}
        {set.state === 'discarded' ? (
          <span dir="auto">{t('report.setAside.discarded', { reason: set.reason ?? '' })}</span>
        ) : set.duplicate_of ? (
          <>
            {t('report.setAside.duplicateOf')}{' '}
            <Link to={`/reports/${encodeURIComponent(set.duplicate_of)}`}>{t('report.setAside.original')}</Link>
          </>
        ) : (
          t('report.setAside.duplicate')
        )}
      </span>
      {can('incident:manage') && (
        <button
          type="button"
          className="btn btn-small"
          disabled={triage.isPending}
          onClick={() => triage.mutate({ id: r.id, body: { state: 'inbox' } })}
        >
          {t('report.putBack')}
        </button>
      )}
      {triage.error && <span role="alert">{errorText(triage.error)}</span>}
    </div>
  );
}
