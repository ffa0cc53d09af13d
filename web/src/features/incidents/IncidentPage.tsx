/**
 * One incident: what happened, every account side by side (contradictions included), the
 * findings with the rule and the explanation, the grade and status and how they changed, and
 * the audit history. Analysts review it here; others only read.
 */
import { type FormEvent, useEffect, useState } from 'react';
import type { Schemas } from '../../api/client.ts';
import { ATTRIBUTION_GRADES, INCIDENT_STATUSES } from '../../api/enums.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { ACCESS_CATEGORIES, type AccessCategory } from '../../../../src/contract/access-constraints.ts';
import { ErrorNotice, Loading, recordFallback, Reference, StatusBadge, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { readable, whereName } from '../../i18n/where.ts';
import { changedFields, statusChanges } from './history.ts';
import {
  useAccountMove,
  useIncident,
  useIncidentAudit,
  useMergeIncident,
  useNearbyIncidents,
  useUpdateIncident,
} from './queries.ts';
import { canPropose, RulingForm, RulingsList, useCoChair } from './Rulings.tsx';
import { StruckSites } from './StruckSites.tsx';
import { useIncidentNames } from './use-incident-names.ts';
import { worstVerdict } from './verdicts.ts';

type Detail = Schemas['IncidentDetail'];
type Report = Schemas['Report'];

export function IncidentPage({ id }: { id: string }) {
  const { t, nameOf, lang, timezoneLabel, dateTime, incidentWhen, number } = useI18n();
  const names = useIncidentNames();
  const { say } = useStatements();
  const auditAction = useAuditAction();
  const fieldName = (f: string) => (FIELD_NAMES[f] ? t(FIELD_NAMES[f]) : f);
  const { actorName } = useWorld();
  const { can } = useSession();
  // Live events about this incident, its findings or its reports invalidate both (api/live-invalidation.ts).
  const q = useIncident(id);
  const audit = useIncidentAudit(id);

  const fallback = recordFallback(q, {
    title: t('notFound.incident.title'),
    text: t('notFound.incident'),
    back: { to: '/incidents', label: t('incident.back') },
  });
  if (fallback || !q.data) return fallback;
  const i = q.data;
  const verdict = worstVerdict(i.verdicts.map((v) => v.verdict));
  const target =
    i.target === null
      ? t('common.unknown')
      : 'civilian' in i.target
        ? nameOf.targets(i.target.civilian)
        : actorName(i.target.actor);

  return (
    <div className="page page-wide incident-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/incidents">{t('incident.back')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="card-kicker">{nameOf.acts(i.act)}</p>
          <h1 dir="auto">{names.title(i)}</h1>
          <div className="badges">
            <VerdictBadge verdict={verdict} />
            <StatusBadge status={i.status} />
            <span className="badge badge-outline">
              {i.grade ? `${t('incident.grade')}: ${nameOf.grades(i.grade)}` : t('incident.noGrade')}
            </span>
            <span className="badge badge-outline">{nameOf.classifications(i.classification)}</span>
          </div>
        </div>
        <div className="page-actions">
          <Link className="btn" to={`/incidents/${encodeURIComponent(i.id)}/review`} data-testid="open-review">
            {t('struck.review')}
          </Link>
          <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
        </div>
      </header>

      <StruckSites incident={i} />

      <div className="incident-grid">
        <section className="panel" aria-labelledby="facts-title">
          <h2 id="facts-title">
            {t('incident.when')} · {t('incident.where')}
          </h2>
          <dl className="facts">
            <dt>{t('incident.when')}</dt>
            <dd data-testid="incident-when">{incidentWhen(i)}</dd>
            <dt>{t('incident.where')}</dt>
            <dd>
              {whereName(i.where, lang) && <span dir="auto">{whereName(i.where, lang)} · </span>}
              {readable(i.place, i.id) && (
                <span dir="auto">{t('incident.place.source', { place: readable(i.place, i.id)! })} · </span>
              )}
              <span dir="ltr">
                {i.location.lat.toFixed(4)}, {i.location.lon.toFixed(4)}
              </span>
            </dd>
            <dt>{t('incident.perpetrator')}</dt>
            <dd>{actorName(i.perpetrator)}</dd>
            <dt>{t('incident.target')}</dt>
            <dd>{target}</dd>
            {i.access_category && (
              <>
                <dt>{t('incident.accessCategory')}</dt>
                <dd data-testid="access-category">{nameOf.accessCategories(i.access_category)}</dd>
              </>
            )}
            {i.convoy_request && (
              <>
                <dt>{t('incident.convoyRequest')}</dt>
                <dd>
                  <Link to={`/convoys/${encodeURIComponent(i.convoy_request.id)}`} dir="auto">
                    {i.convoy_request.name}
                  </Link>
                </dd>
              </>
            )}
            {i.deaths && (
              <>
                <dt>{t('incident.deaths')}</dt>
                <dd>
                  {number(i.deaths.low)} / {number(i.deaths.best)} / {number(i.deaths.high)}
                </dd>
              </>
            )}
            {i.source && (
              <>
                <dt>{t('incident.source')}</dt>
                <dd>
                  {i.source}
                  {i.source_ref ? ` #${i.source_ref}` : ''}
                </dd>
              </>
            )}
          </dl>
        </section>

        <section className="panel" aria-labelledby="findings-title">
          <h2 id="findings-title">{t('incident.findings')}</h2>
          {i.findings.length === 0 && <p className="empty">{t('incident.finding.none')}</p>}
          {i.findings.map((f) => (
            <FindingView key={f.key} finding={f} incident={i} />
          ))}
          {i.finding_history.length > 0 && (
            <details className="history">
              <summary>
                {t('incident.finding.history')} ({number(i.finding_history.length)})
              </summary>
              <ul className="timeline">
                {i.finding_history.map((h) => (
                  <li key={`${h.key}:${h.superseded_at}`}>
                    <time>{dateTime(h.superseded_at)}</time> <VerdictBadge verdict={h.verdict} /> →{' '}
                    {h.superseded_by_verdict ? <VerdictBadge verdict={h.superseded_by_verdict} /> : '—'}
                    <div className="muted small" dir="auto">
                      {say(h.cause_statement)}
                    </div>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      </div>

      <RulingsList incident={i} />

      {can('incident:manage') && <ReviewForm incident={i} />}
      {can('incident:manage') && <MergeForm incident={i} />}

      <section className="section" aria-labelledby="accounts-title">
        <h2 id="accounts-title">
          {t('incident.accounts')} <span className="count">{number(i.accounts.length)}</span>
        </h2>
        {i.disputed.length > 0 && (
          <p className="notice notice-warn">
            {nameOf.statuses('disputed')}:{' '}
            {i.disputed
              .map((d) => t(d === 'act' ? 'report.act' : d === 'target' ? 'incident.target' : 'incident.perpetrator'))
              .join(', ')}
          </p>
        )}
        {i.accounts.length === 0 ? (
          <p className="empty">{t('incident.accounts.none')}</p>
        ) : (
          <div className="accounts" data-testid="accounts">
            {i.accounts.map((r) => (
              <div key={r.id} className="account-with-actions">
                <AccountCard report={r} disputed={i.disputed} />
                {can('incident:manage') && (
                  <AccountMoves incidentId={i.id} reportId={r.id} many={i.accounts.length > 1} />
                )}
              </div>
            ))}
          </div>
        )}
      </section>

      <div className="incident-grid">
        <section className="panel" aria-labelledby="status-title">
          <h2 id="status-title">{t('incident.statusHistory')}</h2>
          {audit.data ? (
            <StatusChanges entries={audit.data} />
          ) : audit.loading ? (
            <Loading />
          ) : (
            <p className="muted">{t('common.forbidden')}</p>
          )}
        </section>
        <section className="panel" aria-labelledby="audit-title">
          <h2 id="audit-title">{t('incident.audit')}</h2>
          {audit.error && <ErrorNotice error={audit.error} />}
          {audit.data === null && <p className="muted">{t('common.forbidden')}</p>}
          {audit.data && audit.data.length === 0 && <p className="empty">{t('incident.audit.none')}</p>}
          {audit.data && audit.data.length > 0 && (
            <ol className="timeline" data-testid="audit">
              {audit.data.map((e) => (
                <li key={e.seq}>
                  <time>{dateTime(e.at)}</time>
                  <div>
                    {t('incident.audit.by', {
                      action: auditAction(e.action),
                      user: e.by?.display_name ?? t('incident.audit.system'),
                    })}
                  </div>
                  {e.action === 'update' && (
                    <div className="muted small">
                      {[...new Set(changedFields(e).map(fieldName))].join(lang === 'ar' ? '، ' : ', ')}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
      <Reference ids={[i.id]} />
    </div>
  );
}

/** The words for the facts an audit entry may change (the API's field names are for programs). */
const FIELD_NAMES: Record<string, MessageKey> = {
  status: 'incident.status',
  grade: 'incident.grade',
  act: 'report.act',
  perpetrator: 'incident.perpetrator',
  target: 'incident.target',
  place: 'incident.where',
  location: 'incident.where',
  occurred_at: 'incident.when',
  occurred_until: 'incident.when',
  deaths: 'incident.deaths',
  classification: 'report.classification',
};

/** An audit action in words; an action this page has no words for is "recorded", never its code. */
function useAuditAction(): (action: string) => string {
  const { nameOf } = useI18n();
  return (action) => {
    const words = nameOf.auditActions(action);
    return words === action ? nameOf.auditActions('other') : words;
  };
}

function FindingView({ finding: f, incident }: { finding: Detail['findings'][number]; incident: Detail }) {
  const { t, nameOf, dateTime, number } = useI18n();
  const { actorName, agreementTitle } = useWorld();
  const { sayAll } = useStatements();
  const { can } = useSession();
  const { coChair } = useCoChair();
  const [proposing, setProposing] = useState(false);
  return (
    <article className="finding" data-testid="finding">
      <header>
        <VerdictBadge verdict={f.verdict} />
        <span className="muted small">
          {f.agreement
            ? t('incident.finding.agreement', { agreement: agreementTitle(f.agreement) })
            : t('incident.finding.noAgreement')}
        </span>
      </header>
      <p className="explanation" dir="auto">
        {sayAll(f.statements)}
      </p>
      <dl className="facts compact">
        <dt>{t('incident.finding.rule', { rule: number(f.rule) })}</dt>
        <dd className="muted small">{dateTime(f.at)}</dd>
        {f.violators.length > 0 && (
          <>
            <dt>{t('incident.finding.violators')}</dt>
            <dd>{f.violators.map(actorName).join(', ')}</dd>
          </>
        )}
      </dl>
      {f.ruling && (
        <p className="ruled" data-testid="ruled">
          <VerdictBadge verdict={f.ruling.verdict} />{' '}
          {t('ruling.inForce', { verdict: nameOf.verdicts(f.ruling.verdict) })}
          {f.ruling.violators.length > 0 ? ` · ${f.ruling.violators.map(actorName).join(', ')}` : ''}
        </p>
      )}
      {can('incident:manage') &&
        canPropose(f, incident.rulings, coChair) &&
        (proposing ? (
          <RulingForm incident={incident} finding={f} onDone={() => setProposing(false)} />
        ) : (
          <button type="button" className="btn btn-small" onClick={() => setProposing(true)}>
            {t('ruling.propose')}
          </button>
        ))}
      {/* The codes behind the words (obligation, reasons, rules version) are for those who check the rules. */}
      <Reference ids={[f.obligation, ...f.reasons, f.rules_version]} />
    </article>
  );
}

export function AccountCard({ report: r, disputed }: { report: Report; disputed: string[] }) {
  const { t, nameOf, lang, dateTime, reportWhen, number } = useI18n();
  const { actorName, orgName } = useWorld();
  const target =
    r.target === null
      ? t('common.unknown')
      : 'civilian' in r.target
        ? nameOf.targets(r.target.civilian)
        : actorName(r.target.actor);
  const mark = (fact: string) => (disputed.includes(fact) ? ' disputed' : '');
  return (
    <article className="account" aria-label={`${t('incident.account.org')}: ${orgName(r.org)}`}>
      <header>
        <strong>{orgName(r.org)}</strong>
        <span className="badge badge-outline">{nameOf.channels(r.channel)}</span>
      </header>
      <dl className="facts compact">
        <dt>{t('incident.account.received')}</dt>
        <dd>{dateTime(r.received_at)}</dd>
        <dt>{t('incident.account.claimed')}</dt>
        <dd>{reportWhen(r.claimed_at, r.time_precision_s)}</dd>
        <dt>{t('incident.account.place')}</dt>
        <dd>
          {whereName(r.where, lang) && <span dir="auto">{whereName(r.where, lang)} · </span>}
          <span dir="ltr">
            {r.location.lat.toFixed(4)}, {r.location.lon.toFixed(4)}
          </span>
          {r.location_precision_m > 0 ? ` ± ${number(r.location_precision_m)} m` : ''}
        </dd>
        {r.source && (
          <>
            <dt>{t('incident.account.source')}</dt>
            <dd dir="auto">{r.source}</dd>
          </>
        )}
        {r.evaluation && (
          <>
            <dt>{t('incident.account.evaluation')}</dt>
            <dd data-testid="evaluation">
              {[
                r.evaluation.reliability && nameOf.reliabilities(r.evaluation.reliability),
                r.evaluation.credibility && nameOf.credibilities(String(r.evaluation.credibility)),
              ]
                .filter(Boolean)
                .join(' · ')}
            </dd>
          </>
        )}
        <dt>{t('report.act')}</dt>
        <dd className={mark('act')}>{nameOf.acts(r.act)}</dd>
        <dt>{t('report.perpetrator')}</dt>
        <dd className={mark('perpetrator')}>{actorName(r.alleged_perpetrator)}</dd>
        <dt>{t('incident.target')}</dt>
        <dd className={mark('target')}>{target}</dd>
        {r.casualties && (
          <>
            <dt>{t('incident.account.casualties')}</dt>
            <dd>
              {[r.casualties.low, r.casualties.best, r.casualties.high]
                .map((n) => (n === null ? '–' : number(n)))
                .join(' / ')}
            </dd>
          </>
        )}
      </dl>
      {r.narrative && (
        <blockquote className="narrative" dir="auto">
          {r.narrative}
        </blockquote>
      )}
      <div className="attachments">
        <h3>{t('incident.account.attachments')}</h3>
        {r.attachments.length === 0 ? (
          <p className="muted small">{t('incident.account.noAttachments')}</p>
        ) : (
          <ul>
            {r.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url} download={a.filename}>
                  {a.filename}
                </a>
                <span className="muted small">
                  {' '}
                  · {number(Math.ceil(a.size_bytes / 1024))} KB ·{' '}
                  <code title={a.sha256}>sha256 {a.sha256.slice(0, 12)}…</code>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </article>
  );
}

/** The enumeration whose names a status change's field takes. */
const CHANGE_NAMES = { status: 'statuses', grade: 'grades' } as const;

function StatusChanges({ entries }: { entries: Schemas['AuditEntry'][] }) {
  const { t, nameOf, dateTime } = useI18n();
  const changes = statusChanges(entries);
  if (changes.length === 0) return <p className="empty">{t('incident.audit.none')}</p>;
  return (
    <ol className="timeline" data-testid="status-changes">
      {changes.map((c, n) => (
        <li key={n}>
          <time>{dateTime(c.at)}</time>
          <div>
            {t(c.field === 'status' ? 'incident.status' : 'incident.grade')}:{' '}
            {c.from ? nameOf[CHANGE_NAMES[c.field]](c.from) : '—'} →{' '}
            <strong>{c.to ? nameOf[CHANGE_NAMES[c.field]](c.to) : '—'}</strong>
            {c.by && <span className="muted small"> · {c.by}</span>}
          </div>
        </li>
      ))}
    </ol>
  );
}

function ReviewForm({ incident }: { incident: Detail }) {
  const update = useUpdateIncident(incident.id);
  const { t, nameOf } = useI18n();
  const { errorText } = useStatements();
  const [status, setStatus] = useState(incident.status);
  const [grade, setGrade] = useState<string>(incident.grade ?? '');
  // An access denial's kind of access constraint (OCHA's categories): set here by the desk.
  const access = incident.act === 'access_denial';
  const [category, setCategory] = useState<string>(incident.access_category ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    setStatus(incident.status);
    setGrade(incident.grade ?? '');
    setCategory(incident.access_category ?? '');
  }, [incident.status, incident.grade, incident.access_category]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await update.mutateAsync({
        status,
        grade: grade === '' ? null : (grade as (typeof ATTRIBUTION_GRADES)[number]),
        ...(access ? { access_category: category === '' ? null : (category as AccessCategory) } : {}),
      });
      setMessage(t('incident.edit.saved'));
    } catch (err) {
      setMessage(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel review" onSubmit={(e) => void save(e)} aria-labelledby="review-title">
      <h2 id="review-title">{t('incident.edit')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor="r-status">{t('incident.status')}</label>
          <select id="r-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {INCIDENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {nameOf.statuses(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-grade">{t('incident.grade')}</label>
          <select id="r-grade" value={grade} onChange={(e) => setGrade(e.target.value)}>
            <option value="">{t('incident.noGrade')}</option>
            {ATTRIBUTION_GRADES.map((g) => (
              <option key={g} value={g}>
                {nameOf.grades(g)}
              </option>
            ))}
          </select>
        </div>
        {access && (
          <div className="field">
            <label htmlFor="r-access">{t('incident.accessCategory')}</label>
            <select id="r-access" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">—</option>
              {ACCESS_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {nameOf.accessCategories(c)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field field-action">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={
              busy ||
              (status === incident.status &&
                grade === (incident.grade ?? '') &&
                category === (incident.access_category ?? ''))
            }
          >
            {t('incident.edit.save')}
          </button>
        </div>
      </div>
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
    </form>
  );
}

/** An account's moves: split out into an incident of its own (when others remain), or back to the inbox. */
function AccountMoves({ incidentId, reportId, many }: { incidentId: string; reportId: string; many: boolean }) {
  const { t } = useI18n();
  const { errorText } = useStatements();
  const move = useAccountMove(incidentId);
  return (
    <div className="account-moves">
      {many && (
        <button
          type="button"
          className="btn btn-small"
          disabled={move.isPending}
          onClick={() =>
            move.mutate(
              { reportId, move: 'split' },
              {
                onSuccess: (created) => {
                  if (created && 'id' in created) navigate(`/incidents/${encodeURIComponent(created.id)}`);
                },
              },
            )
          }
        >
          {t('incident.account.split')}
        </button>
      )}
      <button
        type="button"
        className="btn btn-small btn-ghost"
        disabled={move.isPending}
        onClick={() => move.mutate({ reportId, move: 'unlink' })}
      >
        {t('incident.account.unlink')}
      </button>
      {move.error && <span role="alert">{errorText(move.error)}</span>}
    </div>
  );
}

/** Merging an incident near in time and place (the same event, entered twice) into this one. */
function MergeForm({ incident }: { incident: Detail }) {
  const { t, nameOf, incidentWhen } = useI18n();
  const { errorText } = useStatements();
  const names = useIncidentNames();
  const nearby = useNearbyIncidents(incident);
  const merge = useMergeIncident(incident.id);
  const [from, setFrom] = useState('');
  if (!nearby.data || nearby.data.length === 0) return null;
  return (
    <section className="panel merge-form" aria-labelledby="merge-title" data-testid="merge">
      <h2 id="merge-title">{t('incident.merge')}</h2>
      <p className="muted small">{t('incident.merge.help')}</p>
      <div className="field">
        <label htmlFor="merge-from">{t('incident.merge.from')}</label>
        <select id="merge-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {nearby.data.map((x) => (
            <option key={x.id} value={x.id}>
              {`${nameOf.acts(x.act)} · ${names.place(x)} · ${incidentWhen(x)}`}
            </option>
          ))}
        </select>
      </div>
      {merge.error && (
        <div className="notice notice-error" role="alert">
          {errorText(merge.error)}
        </div>
      )}
      {merge.isSuccess && (
        <div className="notice notice-success" role="status">
          {t('incident.merge.done')}
        </div>
      )}
      <button
        type="button"
        className="btn"
        disabled={!from || merge.isPending}
        onClick={() => merge.mutate(from, { onSuccess: () => setFrom('') })}
      >
        {t('incident.merge.submit')}
      </button>
    </section>
  );
}
