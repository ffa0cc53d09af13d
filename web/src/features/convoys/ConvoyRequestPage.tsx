/**
 * One convoy request: what it asks (organizer, route and destinations by their places, window,
 * cargo line by line, beneficiaries), the parties asked and each decision, what flags it (a route
 * through excluded groups' areas, a change of control along it), its steps as a timeline, and ONE
 * action for each step the reader may take next (the server says which), opening that step's form.
 */
import { useState } from 'react';
import { useWorld } from '../../api/world.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, isMissing, Loading, NotFound, PageHeader, Reference } from '../../app/ui.tsx';
import { formatDateTimeRange } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { ConvoyForm } from './ConvoyForm.tsx';
import { type ConvoyRequest, useConvoyRequest, useSubmit } from './queries.ts';
import { StateBadge } from './StateBadge.tsx';
import { StepForm } from './StepForms.tsx';

type Step = ConvoyRequest['next_steps'][number];

export function ConvoyRequestPage({ id }: { id: string }) {
  const { t } = useI18n();
  const request = useConvoyRequest(id);
  if (request.error)
    return isMissing(request.error) ? (
      <NotFound
        title={t('convoys.notFound.title')}
        text={t('convoys.notFound')}
        back={{ to: '/convoys', label: t('convoys.back') }}
      />
    ) : (
      <ErrorNotice error={request.error} onRetry={request.reload} />
    );
  if (!request.data) return <Loading />;
  return <RequestView r={request.data} />;
}

function RequestView({ r }: { r: ConvoyRequest }) {
  const { t, lang, timezone, number } = useI18n();
  const { orgName, actorName } = useWorld();
  const [editing, setEditing] = useState(false);
  const place = (p: ConvoyRequest['route_points'][number]) =>
    whereName(p.where, lang) ?? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`;
  const list = (names: string[]) => names.join(lang === 'ar' ? '، ' : ', ');
  return (
    <div className="page convoy-page">
      <p className="back-link">
        <Link to="/convoys">{t('convoys.back')}</Link>
      </p>
      <PageHeader title={r.name}>
        <StateBadge state={r.state} />
      </PageHeader>
      <Flags r={r} />
      <section className="panel" aria-labelledby="convoy-actions">
        <h2 id="convoy-actions">{t('convoys.actions')}</h2>
        {editing ? (
          <ConvoyForm existing={r} onDone={() => setEditing(false)} />
        ) : (
          <Actions r={r} onEdit={() => setEditing(true)} />
        )}
      </section>
      <section className="panel">
        <dl className="facts">
          <dt>{t('convoys.organizer')}</dt>
          <dd dir="auto">
            {r.organizer_actor
              ? t('convoys.organizerAs', { org: orgName(r.organizer_org), party: actorName(r.organizer_actor) })
              : orgName(r.organizer_org)}
          </dd>
          <dt>{t('convoys.destinations')}</dt>
          <dd dir="auto">
            {list(
              r.destinations.map((d) => {
                const w = whereName(d.location.where, lang);
                return w && w !== d.name ? `${d.name} (${w})` : d.name;
              }),
            )}
          </dd>
          <dt>{t('convoys.route')}</dt>
          <dd dir="auto" data-testid="convoy-route">
            {r.route_points.map(place).join(' → ')}
          </dd>
          <dt>{t('convoys.window')}</dt>
          <dd>{formatDateTimeRange(r.window.from, r.window.to, lang, timezone)}</dd>
          <dt>{t('convoys.beneficiaries')}</dt>
          <dd>
            {r.beneficiaries_reached === null
              ? t('convoys.beneficiaries.planned', { n: number(r.beneficiaries_planned) })
              : t('convoys.beneficiaries.reached', {
                  n: number(r.beneficiaries_reached),
                  m: number(r.beneficiaries_planned),
                })}
          </dd>
        </dl>
      </section>
      <Approvals r={r} />
      <Cargo r={r} />
      <Timeline r={r} />
      <Reference ids={[r.id]} />
    </div>
  );
}

/** What flags the request: excluded groups on the route, and a change of control along it after submission. */
function Flags({ r }: { r: ConvoyRequest }) {
  const { t, lang, dateTime } = useI18n();
  const { actorName, zoneName } = useWorld();
  const names = (ids: string[]) =>
    ids.length === 0 ? t('convoys.nobody') : ids.map((a) => actorName(a)).join(lang === 'ar' ? '، ' : ', ');
  const excluded = r.crosses_excluded.length > 0 ? r.crosses_excluded : (r.preview?.crosses_excluded ?? []);
  const change = r.control_changed_at ? [...r.steps].reverse().find((s) => s.step === 'control_changed') : undefined;
  const d = (change?.details ?? {}) as {
    zone?: string | null;
    zone_name?: string | null;
    before?: string[];
    after?: string[];
    not_asked?: string[];
  };
  return (
    <>
      {excluded.length > 0 && (
        <p className="notice notice-warn" data-testid="convoy-excluded">
          {t('convoys.excluded.notice', { parties: names(excluded) })}
        </p>
      )}
      {change && (
        <div className="notice notice-error" data-testid="convoy-control-changed">
          <p>
            {t('convoys.control.notice', {
              date: dateTime(change.recorded_at),
              zone: d.zone ? zoneName(d.zone, d.zone_name) : t('convoys.control.zoneHidden'),
              before: names(d.before ?? []),
              after: names(d.after ?? []),
            })}
          </p>
          {(d.not_asked ?? []).length > 0 && <p>{t('convoys.control.notAsked', { parties: names(d.not_asked!) })}</p>}
        </div>
      )}
    </>
  );
}

/** One button per step the reader may take next; a step with something to say opens its form. */
function Actions({ r, onEdit }: { r: ConvoyRequest; onEdit: () => void }) {
  const { t, nameOf } = useI18n();
  const [open, setOpen] = useState<Step | null>(null);
  const submit = useSubmit();
  const steps = r.next_steps;
  // Opened but no longer offered (another took the step meanwhile): closed.
  const shown = open && steps.includes(open) ? open : null;
  if (steps.length === 0) return <p className="muted">{t('convoys.noAction')}</p>;
  return (
    <>
      <div className="form-actions convoy-actions" data-testid="convoy-actions">
        {steps.map((step) => (
          <button
            key={step}
            type="button"
            className={`btn ${shown === step ? 'btn-ghost' : 'btn-primary'}`}
            data-step={step}
            aria-expanded={step === 'submit' ? undefined : shown === step}
            disabled={submit.isPending}
            onClick={() => (step === 'submit' ? submit.mutate(r.id) : setOpen(shown === step ? null : step))}
          >
            {nameOf.convoySteps(step)}
          </button>
        ))}
        {r.state === 'draft' && steps.includes('submit') && (
          <button type="button" className="btn" onClick={onEdit}>
            {t('convoys.edit')}
          </button>
        )}
      </div>
      {submit.error && <ErrorNotice error={submit.error} />}
      {shown && shown !== 'submit' && <StepForm step={shown} r={r} onDone={() => setOpen(null)} />}
    </>
  );
}

function Approvals({ r }: { r: ConvoyRequest }) {
  const { t, lang, dateTime, nameOf, number } = useI18n();
  const { actorName, orgName } = useWorld();
  const list = (names: string[]) => names.join(lang === 'ar' ? '، ' : ', ');
  if (r.state === 'draft') {
    const parties = r.preview?.required_approvals ?? [];
    return (
      <section className="panel" aria-labelledby="convoy-approvals">
        <h2 id="convoy-approvals">{t('convoys.approvals')}</h2>
        <p className="muted small">{t('convoys.approvals.help')}</p>
        <p data-testid="convoy-preview">
          {parties.length > 0
            ? t('convoys.approvals.preview', { parties: list(parties.map((a) => actorName(a))) })
            : t('convoys.approvals.none')}
        </p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="convoy-approvals">
      <h2 id="convoy-approvals">{t('convoys.approvals')}</h2>
      <p className="muted small">{t('convoys.approvals.help')}</p>
      <div className="table-wrap">
        <table className="table table-cards" data-testid="convoy-approvals">
          <thead>
            <tr>
              <th scope="col">{t('convoys.approvals.party')}</th>
              <th scope="col">{t('convoys.approvals.decision')}</th>
              <th scope="col">{t('convoys.approvals.when')}</th>
              <th scope="col">{t('convoys.approvals.why')}</th>
            </tr>
          </thead>
          <tbody>
            {r.required_approvals.map((a) => {
              const d = r.decisions.find((x) => x.actor === a);
              const removed = (d?.removed ?? []).map((x) => {
                const line = r.cargo[x.line];
                return line ? `${line.item}: ${number(x.quantity)} ${line.unit}` : '';
              });
              const left = (d?.excluded_destinations ?? []).map((i) => r.destinations[i]?.name ?? '');
              return (
                <tr key={a} data-party={a}>
                  <td className="cell-title" dir="auto">
                    {actorName(a)}
                  </td>
                  <td data-label={t('convoys.approvals.decision')}>
                    {d ? nameOf.decisions(d.decision) : <span className="muted">{t('convoys.awaiting')}</span>}
                  </td>
                  <td data-label={t('convoys.approvals.when')}>{d ? dateTime(d.decided_at) : '—'}</td>
                  <td data-label={t('convoys.approvals.why')}>
                    {d ? (
                      <div className="cell-lines">
                        {d.reason && <div dir="auto">{d.reason}</div>}
                        {d.conditions && <div dir="auto">{d.conditions}</div>}
                        {removed.length > 0 && <div>{t('convoys.decision.removed', { items: list(removed) })}</div>}
                        {left.length > 0 && <div>{t('convoys.decision.excluded', { places: list(left) })}</div>}
                        <div className="muted small">
                          {t('convoys.decision.recordedBy', { org: orgName(d.recorded_by_org) })}
                        </div>
                      </div>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Cargo({ r }: { r: ConvoyRequest }) {
  const { t, nameOf, number } = useI18n();
  const { actorName } = useWorld();
  const amount = (n: number | null, unit: string) =>
    n === null ? '—' : t('convoys.cargo.amount', { n: number(n), unit });
  const decided = r.state !== 'draft' && r.state !== 'submitted';
  return (
    <section className="panel" aria-labelledby="convoy-cargo">
      <h2 id="convoy-cargo">{t('convoys.cargo')}</h2>
      <div className="table-wrap">
        <table className="table table-cards" data-testid="convoy-cargo">
          <thead>
            <tr>
              <th scope="col">{t('convoys.cargo.item')}</th>
              <th scope="col">{t('convoys.cargo.sector')}</th>
              <th scope="col" className="num">
                {t('convoys.cargo.quantity')}
              </th>
              {decided && (
                <th scope="col" className="num">
                  {t('convoys.cargo.approved')}
                </th>
              )}
              {r.state === 'delivered' && (
                <>
                  <th scope="col" className="num">
                    {t('convoys.cargo.delivered')}
                  </th>
                  <th scope="col">{t('convoys.cargo.removed')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {r.cargo.map((l, i) => (
              <tr key={i}>
                <td className="cell-title" dir="auto">
                  {l.item}
                </td>
                <td data-label={t('convoys.cargo.sector')}>{nameOf.sectors(l.sector)}</td>
                <td className="num" data-label={t('convoys.cargo.quantity')}>
                  {amount(l.quantity, l.unit)}
                </td>
                {decided && (
                  <td className="num" data-label={t('convoys.cargo.approved')}>
                    {amount(l.approved, l.unit)}
                  </td>
                )}
                {r.state === 'delivered' && (
                  <>
                    <td className="num" data-label={t('convoys.cargo.delivered')}>
                      {amount(l.delivered, l.unit)}
                    </td>
                    <td data-label={t('convoys.cargo.removed')} dir="auto">
                      <div className="cell-lines" data-testid="convoy-removed">
                        {l.removed
                          ? l.removed_by
                            ? t('convoys.cargo.removedBy', {
                                amount: amount(l.removed, l.unit),
                                party: actorName(l.removed_by),
                              })
                            : amount(l.removed, l.unit)
                          : '—'}
                        {l.removed ? l.removal_reason && <div className="muted small">{l.removal_reason}</div> : null}
                      </div>
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every step, oldest first: what was done, when it happened, by which organization, and what it said. */
function Timeline({ r }: { r: ConvoyRequest }) {
  const { t, lang, nameOf, dateTime, number } = useI18n();
  const { orgName, actorName } = useWorld();
  const list = (ids: string[]) => ids.map((a) => actorName(a)).join(lang === 'ar' ? '، ' : ', ');
  const said = (s: ConvoyRequest['steps'][number]): string[] => {
    const d = s.details as Record<string, unknown>;
    const text = (k: string) => (typeof d[k] === 'string' && d[k] ? (d[k] as string) : null);
    switch (s.step) {
      case 'submit':
        return [
          t('convoys.detail.required', {
            parties: list((d.required_approvals as string[]) ?? []) || t('convoys.nobody'),
          }),
        ];
      case 'decide':
        return [
          t('convoys.detail.decide', {
            party: actorName(text('actor')),
            decision: nameOf.decisions(text('decision')),
          }),
          ...[text('reason'), text('conditions')].filter((x): x is string => x !== null),
        ];
      case 'issue_letter':
        return [
          ...(text('issued_by') ? [t('convoys.detail.letter', { party: actorName(text('issued_by')) })] : []),
          ...(text('reference') ? [t('convoys.detail.reference', { reference: text('reference')! })] : []),
        ];
      case 'dispatch':
        return [t('convoys.detail.trucks', { n: number(Number(d.trucks ?? 0)) })];
      case 'turn_back':
      case 'report_attack': {
        const at = d.location as { lon: number; lat: number } | undefined;
        const near = at ? r.route_points.find((p) => p.lon === at.lon && p.lat === at.lat) : undefined;
        const placeName = near ? whereName(near.where, lang) : null;
        return [
          t('convoys.detail.stopped', {
            place: placeName ?? (at ? `${at.lat.toFixed(3)}, ${at.lon.toFixed(3)}` : '—'),
            party: text('by') ? actorName(text('by')) : t('convoys.unnamed'),
          }),
          nameOf.accessCategories(text('category')),
          ...(text('reason') ? [text('reason')!] : []),
        ];
      }
      case 'deliver':
        return [t('convoys.detail.beneficiaries', { n: number(Number(d.beneficiaries_reached ?? 0)) })];
      // Said by the step's name and date (a change of control is said above, in full).
      case 'create':
      case 'update':
      case 'arrive':
      case 'control_changed':
        return [];
    }
  };
  return (
    <section className="panel" aria-labelledby="convoy-timeline">
      <h2 id="convoy-timeline">{t('convoys.timeline')}</h2>
      <ol className="plain timeline" data-testid="convoy-timeline">
        {r.steps.map((s, i) => (
          <li key={i} data-step={s.step}>
            <div>
              <strong>
                {s.step === 'create' || s.step === 'update' ? nameOf.convoySteps(s.step) : nameOf.auditActions(s.step)}
              </strong>
              <time dateTime={s.at}>{dateTime(s.at)}</time>
            </div>
            <div className="muted small" dir="auto">
              {s.org ? orgName(s.org) : t('convoys.timeline.system')}
            </div>
            {said(s).map((line, j) => (
              <div key={j} dir="auto">
                {line}
              </div>
            ))}
            {s.incident_id && (
              <div>
                <Link to={`/incidents/${encodeURIComponent(s.incident_id)}`}>{t('convoys.incident')}</Link>
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
