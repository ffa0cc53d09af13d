/**
 * One zone of control: who held it and when (a timeline, then each entry with its source), the
 * changes of control the rules judged (each leading to its own page), and, for those who keep the
 * map, a control entry recorded and the area redrawn, each previewed first.
 */
import { useState } from 'react';
import { CONTROL_CONFIDENCES } from '../../api/enums.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link } from '../../app/router.tsx';
import { Field, NameFields, recordFallback, Reference, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { instantOfLocal } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { asArea, changePath, mapViewOf } from './zone-links.ts';
import { PreviewThenSave } from './change-preview.tsx';
import { ControlTimeline } from './ControlTimeline.tsx';
import { useControlEntry, useRenameZone, useZone } from './queries.ts';
import { renameBody, renameProblem, type ZoneNames } from './zone-rename.ts';

export function ZonePage({ id }: { id: string }) {
  const { t, lang, nameOf, dateTime, timezoneLabel } = useI18n();
  const { actorName, agreementTitle } = useWorld();
  const { can } = useSession();
  const { sayAll } = useStatements();
  const q = useZone(id);
  const fallback = recordFallback(q, {
    title: t('notFound.zone.title'),
    text: t('notFound.zone'),
    back: { to: '/map', label: t('zone.back') },
  });
  if (fallback || !q.data) return fallback;
  const { zone, findings } = q.data;
  const area = asArea(zone.geometry);
  return (
    <div className="page page-wide zone-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/map">{t('zone.back')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('zone.title')}</p>
          <h1 dir="auto">{nameIn(lang, zone) || t('zone.title')}</h1>
          <div className="badges">
            <span className="badge badge-outline">{nameOf.classifications(zone.classification)}</span>
          </div>
        </div>
        <div className="page-actions">
          {area && (
            <Link className="btn" to={`/map?view=${mapViewOf(area)}`}>
              {t('zone.onMap')}
            </Link>
          )}
          {can('world:manage') && (
            <Link className="btn" to={`/zones/${encodeURIComponent(zone.id)}/edit`} data-testid="zone-redraw">
              {t('zone.edit')}
            </Link>
          )}
        </div>
      </header>
      <p className="muted small">{t('common.times', { zone: timezoneLabel })}</p>
      <section className="panel zone-control" aria-labelledby="control-title">
        <h2 id="control-title">{t('zone.control')}</h2>
        {zone.control.length === 0 && <p className="empty">{t('zone.control.none')}</p>}
        <ControlTimeline control={zone.control} />
        <ol className="timeline" data-testid="control">
          {zone.control.map((c) => (
            <li key={c.from}>
              <time>
                {c.to
                  ? t('zone.control.between', { from: dateTime(c.from), to: dateTime(c.to) })
                  : t('zone.control.since', { from: dateTime(c.from) })}
              </time>
              <div>{c.actors.length ? c.actors.map(actorName).join(' · ') : t('common.unknown')}</div>
              {(c.source || c.confidence) && (
                <div className="muted small">
                  {c.source && <span dir="auto">{t('zone.control.source', { source: c.source })}</span>}
                  {c.source && c.confidence && ' · '}
                  {c.confidence && nameOf.confidences(c.confidence)}
                </div>
              )}
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
            <Link to={changePath(zone.id, f.at)}>{t('zone.findings.open')}</Link>
          </article>
        ))}
      </section>
      {can('world:manage') && <ControlEntryForm zoneId={zone.id} />}
      {can('world:manage') && <RenameForm zoneId={zone.id} names={{ name: zone.name, nameAr: zone.name_ar ?? '' }} />}
      <Reference ids={[zone.id]} />
    </div>
  );
}

/** The zone's names changed, in English, in Arabic or both: previewed (a new English name has its changes of control
 * judged again, to say it), then saved. */
function RenameForm({ zoneId, names }: { zoneId: string; names: ZoneNames }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(names);
  const change = useRenameZone(zoneId);
  const problem = renameProblem(typed, names);
  // The names the zone has are no error, only nothing to send.
  const error = problem === 'zone.rename.empty' ? t(problem) : undefined;
  const edit = (next: ZoneNames) => {
    setTyped(next);
    change.preview.reset();
  };
  return (
    <form className="panel zone-rename" onSubmit={(e) => e.preventDefault()} data-testid="zone-rename">
      <h2>{t('zone.rename')}</h2>
      <p className="muted">{t('zone.rename.help')}</p>
      <div className="field-row">
        <NameFields
          ids={['z-name', 'z-name-ar']}
          labels={[t('zoneEdit.name'), t('zoneEdit.nameAr')]}
          values={[typed.name, typed.nameAr]}
          onChange={[(name) => edit({ ...typed, name }), (nameAr) => edit({ ...typed, nameAr })]}
          error={error}
        />
      </div>
      <PreviewThenSave change={change} disabled={problem !== null} body={() => renameBody(typed)} />
    </form>
  );
}

/** A control entry: from when, until when (if known), who held the zone, who says so, how sure. */
function ControlEntryForm({ zoneId }: { zoneId: string }) {
  const { t, nameOf, timezone } = useI18n();
  const { actors, actorName } = useWorld();
  const [at, setAt] = useState('');
  const [until, setUntil] = useState('');
  const [holders, setHolders] = useState<string[]>(['']);
  const [source, setSource] = useState('');
  const [confidence, setConfidence] = useState('');
  const change = useControlEntry(zoneId);
  const setHolder = (i: number, v: string) => setHolders(holders.map((h, j) => (j === i ? v : h)));
  return (
    <form className="panel control-change" onSubmit={(e) => e.preventDefault()} data-testid="control-change">
      <h2>{t('zone.change')}</h2>
      <div className="field-row">
        <DateField id="z-at" label={t('zone.change.at')} withTime value={at} onChange={setAt} />
        <DateField id="z-until" label={t('zone.change.until')} withTime clearable value={until} onChange={setUntil} />
      </div>
      <div className="holders">
        {holders.map((h, i) => (
          <div key={i} className="holder">
            <Field
              label={i === 0 ? t('zone.change.holder') : t('zone.change.second')}
              htmlFor={i === 0 ? 'z-holder' : `z-holder-${i + 1}`}
            >
              <select
                id={i === 0 ? 'z-holder' : `z-holder-${i + 1}`}
                value={h}
                onChange={(e) => setHolder(i, e.target.value)}
              >
                <option value="">{i === 0 ? t('zone.change.noHolder') : t('common.none')}</option>
                {actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {actorName(a.id)}
                  </option>
                ))}
              </select>
            </Field>
            {i > 0 && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setHolders(holders.filter((_, j) => j !== i))}
              >
                {t('zone.change.remove')}
              </button>
            )}
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setHolders([...holders, ''])}>
          {t('zone.change.another')}
        </button>
      </div>
      <div className="field-row">
        <Field label={t('zone.change.source')} htmlFor="z-source" help={t('zone.change.sourceHelp')}>
          <input id="z-source" value={source} maxLength={500} onChange={(e) => setSource(e.target.value)} dir="auto" />
        </Field>
        <Field label={t('zone.change.confidence')} htmlFor="z-confidence">
          <select id="z-confidence" value={confidence} onChange={(e) => setConfidence(e.target.value)}>
            <option value="">{t('common.unknown')}</option>
            {CONTROL_CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {nameOf.confidences(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <PreviewThenSave
        change={change}
        disabled={!at}
        body={() => ({
          at: new Date(instantOfLocal(at, timezone)).toISOString(),
          to: until ? new Date(instantOfLocal(until, timezone)).toISOString() : null,
          actors: holders.filter((a, i, all) => a && all.indexOf(a) === i),
          source: source.trim() || null,
          confidence: (confidence || null) as (typeof CONTROL_CONFIDENCES)[number] | null,
        })}
      />
    </form>
  );
}
