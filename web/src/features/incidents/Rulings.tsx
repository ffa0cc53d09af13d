/**
 * Rulings on an incident's findings: proposing one (verdict, violators, reasoning, the accounts
 * relied on), and each ruling with who approved it and who has not, approved or withdrawn here.
 * A ruling stands beside the rules' finding; in force, the counts read it.
 */
import { type FormEvent, useState } from 'react';
import type { Schemas } from '../../api/client.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Field, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type RulingProposal, useProposeRuling, useRulingDecision } from './queries.ts';

type Detail = Schemas['IncidentDetail'];
type Finding = Detail['findings'][number];
type Ruling = Schemas['Ruling'];

const RULED_VERDICTS = ['violation', 'permitted', 'not_covered'] as const;

/** The organizations whose approval a ruling needs (the co-chairs), and whether the user's is one. */
export function useCoChair(): { coChair: boolean; org: string | null } {
  const { me } = useSession();
  const { organizations } = useWorld();
  const org = me?.org ?? null;
  return { org, coChair: organizations.some((o) => o.id === org && o.kind === 'co_chair') };
}

/** Whether this user may propose a ruling on the finding now: one needing review, or any for a co-chair; none pending. */
export function canPropose(f: Finding, rulings: readonly Ruling[], coChair: boolean): boolean {
  const pending = rulings.some((r) => r.finding_key === f.key && r.status === 'pending');
  return !pending && (f.verdict === 'needs_review' || coChair);
}

export function RulingForm({ incident, finding, onDone }: { incident: Detail; finding: Finding; onDone(): void }) {
  const { t, nameOf, dateTime } = useI18n();
  const { actors, actorName, orgName } = useWorld();
  const { errorText } = useStatements();
  const propose = useProposeRuling(incident.id);
  const [verdict, setVerdict] = useState<RulingProposal['verdict']>('violation');
  const [violator, setViolator] = useState(finding.violators[0] ?? incident.perpetrator ?? '');
  const [reasoning, setReasoning] = useState('');
  const [reliedOn, setReliedOn] = useState<string[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    propose.mutate(
      {
        agreement: finding.agreement,
        verdict,
        violators: verdict === 'violation' && violator ? [violator] : [],
        reasoning,
        relied_on: reliedOn,
      },
      { onSuccess: onDone },
    );
  };
  const key = finding.key.replace(/[^\w-]/g, '_');
  return (
    <form className="panel ruling-form" onSubmit={submit} data-testid="ruling-form">
      <h3>{t('ruling.propose.title')}</h3>
      <p className="muted small">{t('ruling.propose.help')}</p>
      <div className="field-row">
        <Field label={t('ruling.verdict')} htmlFor={`rv-${key}`}>
          <select
            id={`rv-${key}`}
            value={verdict}
            onChange={(e) => setVerdict(e.target.value as RulingProposal['verdict'])}
          >
            {RULED_VERDICTS.map((v) => (
              <option key={v} value={v}>
                {nameOf.verdicts(v)}
              </option>
            ))}
          </select>
        </Field>
        {verdict === 'violation' && (
          <Field label={t('ruling.violator')} htmlFor={`rp-${key}`}>
            <select id={`rp-${key}`} value={violator} onChange={(e) => setViolator(e.target.value)}>
              <option value="">{t('ruling.violator.none')}</option>
              {actors.map((a) => (
                <option key={a.id} value={a.id}>
                  {actorName(a.id)}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <Field
        label={t('ruling.reasoning')}
        htmlFor={`rr-${key}`}
        error={propose.error ? errorText(propose.error) : undefined}
      >
        <textarea
          id={`rr-${key}`}
          rows={3}
          dir="auto"
          value={reasoning}
          onChange={(e) => setReasoning(e.target.value)}
        />
      </Field>
      {incident.accounts.length > 0 && (
        <fieldset className="relied-on">
          <legend>{t('ruling.reliedOn')}</legend>
          {incident.accounts.map((a) => (
            <label key={a.id} className="check">
              <input
                type="checkbox"
                checked={reliedOn.includes(a.id)}
                onChange={(e) =>
                  setReliedOn(e.target.checked ? [...reliedOn, a.id] : reliedOn.filter((x) => x !== a.id))
                }
              />
              <span>
                {orgName(a.org)} · {dateTime(a.received_at)}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={propose.isPending || reasoning.trim() === ''}>
          {t('ruling.propose.submit')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Every ruling on the incident's findings, newest first, with its approvals and what the user may do about it. */
export function RulingsList({ incident }: { incident: Detail }) {
  const { t } = useI18n();
  if (incident.rulings.length === 0) return null;
  return (
    <section className="section" aria-labelledby="rulings-title" data-testid="rulings">
      <h2 id="rulings-title">{t('ruling.title')}</h2>
      {incident.rulings.map((r) => (
        <RulingCard key={r.id} ruling={r} incident={incident} />
      ))}
    </section>
  );
}

export function RulingCard({ ruling: r, incident }: { ruling: Ruling; incident: Pick<Detail, 'id' | 'accounts'> }) {
  const { t, nameOf, dateTime } = useI18n();
  const { actorName, orgName, agreementTitle } = useWorld();
  const { can } = useSession();
  const { org } = useCoChair();
  const { errorText } = useStatements();
  const decide = useRulingDecision(r.incident_id);
  const approved = new Map(r.approvals.map((a) => [a.org, a.at]));
  const mayApprove =
    can('incident:manage') && r.status === 'pending' && !!org && r.required_orgs.includes(org) && !approved.has(org);
  const mayWithdraw =
    can('incident:manage') && (r.status === 'pending' || r.status === 'in_force') && org === r.proposed_org;
  const relied = incident.accounts.filter((a) => r.relied_on.includes(a.id));
  return (
    <article className={`ruling ruling-${r.status}`} data-testid="ruling">
      <header>
        <span className={`badge ruling-status-${r.status}`}>{t(`ruling.status.${r.status}`)}</span>
        <VerdictBadge verdict={r.verdict} />
        {r.violators.length > 0 && <span>{r.violators.map(actorName).join(', ')}</span>}
        <span className="muted small">
          {r.agreement
            ? t('incident.finding.agreement', { agreement: agreementTitle(r.agreement) })
            : t('incident.finding.noAgreement')}
        </span>
      </header>
      {r.needs_another_look && (
        <p className="notice notice-warn" data-testid="another-look">
          {t('ruling.anotherLook')}
        </p>
      )}
      <blockquote className="narrative" dir="auto">
        {r.reasoning}
      </blockquote>
      <dl className="facts compact">
        <dt>{t('ruling.proposedBy')}</dt>
        <dd>
          {orgName(r.proposed_org)} · {dateTime(r.proposed_at)}
        </dd>
        <dt>{t('ruling.automatic')}</dt>
        <dd>
          <VerdictBadge verdict={r.automatic.verdict} />
        </dd>
        {relied.length > 0 && (
          <>
            <dt>{t('ruling.reliedOn')}</dt>
            <dd>{relied.map((a) => `${orgName(a.org)} · ${dateTime(a.received_at)}`).join('; ')}</dd>
          </>
        )}
        <dt>{t('ruling.approvals')}</dt>
        <dd>
          <ul className="approvals" data-testid="approvals">
            {r.required_orgs.map((o) => (
              <li key={o} className={approved.has(o) ? 'approved' : 'waiting'}>
                {approved.has(o)
                  ? t('ruling.approvedBy', { org: orgName(o), when: dateTime(approved.get(o)!) })
                  : t('ruling.waitingFor', { org: orgName(o) })}
              </li>
            ))}
          </ul>
        </dd>
        {r.in_force_at && (
          <>
            <dt>{nameOf.verdicts(r.verdict)}</dt>
            <dd>{t('ruling.inForceSince', { when: dateTime(r.in_force_at) })}</dd>
          </>
        )}
      </dl>
      {decide.error && (
        <div className="notice notice-error" role="alert">
          {errorText(decide.error)}
        </div>
      )}
      {(mayApprove || mayWithdraw) && (
        <div className="form-actions">
          {mayApprove && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: r.id, decision: 'approve' })}
            >
              {t('ruling.approve', { org: orgName(org) })}
            </button>
          )}
          {mayWithdraw && (
            <button
              type="button"
              className="btn btn-ghost"
              disabled={decide.isPending}
              onClick={() => decide.mutate({ id: r.id, decision: 'withdraw' })}
            >
              {t('ruling.withdraw')}
            </button>
          )}
        </div>
      )}
    </article>
  );
}
