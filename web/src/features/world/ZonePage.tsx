/**
 * One zone of control: who held it and when, the changes of control the rules judged, and (for
 * those who keep the map) a change of control recorded, previewed first.
 */
import { useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link } from '../../app/router.tsx';
import { Field, recordFallback, Reference, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { instantOfLocal } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PreviewThenSave } from './change-preview.tsx';
import { useControlChange, useZone } from './queries.ts';

export function ZonePage({ id }: { id: string }) {
  const { t, nameOf, dateTime, timezoneLabel } = useI18n();
  const { actorName, agreementTitle } = useWorld();
  const { can } = useSession();
  const { sayAll } = useStatements();
  const q = useZone(id);
  const fallback = recordFallback(q, {
    title: t('notFound.page.title'),
    text: t('notFound.page'),
    back: { to: '/map', label: t('zone.back') },
  });
  if (fallback || !q.data) return fallback;
  const { zone, findings } = q.data;
  return (
    <div className="page page-wide zone-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/map">{t('zone.back')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('zone.title')}</p>
          <h1 dir="auto">{zone.name}</h1>
          <div className="badges">
            <span className="badge badge-outline">{nameOf.classifications(zone.classification)}</span>
          </div>
        </div>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </header>
      <div className="incident-grid">
        <section className="panel" aria-labelledby="control-title">
          <h2 id="control-title">{t('zone.control')}</h2>
          {zone.control.length === 0 && <p className="empty">{t('zone.control.none')}</p>}
          <ol className="timeline" data-testid="control">
            {zone.control.map((c) => (
              <li key={c.from}>
                <time>
                  {c.to
                    ? t('zone.control.between', { from: dateTime(c.from), to: dateTime(c.to) })
                    : t('zone.control.since', { from: dateTime(c.from) })}
                </time>
                <div>{c.actors.length ? c.actors.map(actorName).join(' · ') : t('common.unknown')}</div>
              </li>
            ))}
          </ol>
        </section>
        <section className="panel" aria-labelledby="zone-findings-title">
          <h2 id="zone-findings-title">{t('zone.findings')}</h2>
          {findings.length === 0 && <p className="empty">{t('zone.findings.none')}</p>}
          {findings.map((f) => (
            <article key={f.key} className="finding">
              <header>
                <VerdictBadge verdict={f.verdict} />
                <span className="muted small">
                  {dateTime(f.at)} ·{' '}
                  {f.agreement
                    ? t('incident.finding.agreement', { agreement: agreementTitle(f.agreement) })
                    : t('incident.finding.noAgreement')}
                </span>
              </header>
              <p className="explanation" dir="auto">
                {sayAll(f.statements)}
              </p>
            </article>
          ))}
        </section>
      </div>
      {can('world:manage') && <ControlChange zoneId={zone.id} />}
      <Reference ids={[zone.id]} />
    </div>
  );
}

function ControlChange({ zoneId }: { zoneId: string }) {
  const { t, timezone } = useI18n();
  const { actors } = useWorld();
  const [at, setAt] = useState('');
  const [holder, setHolder] = useState('');
  const [second, setSecond] = useState('');
  const change = useControlChange(zoneId);
  const choices = (value: string, set: (v: string) => void, id: string, label: string) => (
    <Field label={label} htmlFor={id}>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">{t('common.none')}</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </Field>
  );
  return (
    <form className="panel control-change" onSubmit={(e) => e.preventDefault()} data-testid="control-change">
      <h2>{t('zone.change')}</h2>
      <div className="field-row">
        <DateField id="z-at" label={t('zone.change.at')} withTime value={at} onChange={setAt} />
        {choices(holder, setHolder, 'z-holder', t('zone.change.holder'))}
        {choices(second, setSecond, 'z-second', t('zone.change.second'))}
      </div>
      <PreviewThenSave
        change={change}
        disabled={!at}
        body={() => ({
          at: new Date(instantOfLocal(at, timezone)).toISOString(),
          actors: [holder, second].filter((a, i, all) => a && all.indexOf(a) === i),
        })}
      />
    </form>
  );
}
