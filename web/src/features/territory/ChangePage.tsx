/**
 * One change of control: the zone, when it changed hands, who held it before and after (with the
 * source and the analyst's confidence), how each agreement that forbids seizing territory judged
 * it, and what those judgements said before they were last judged again. A zone the reader may
 * not see gives a page that says there is no such zone.
 */
import { useWorld } from '../../api/world.tsx';
import { Link } from '../../app/router.tsx';
import { recordFallback, Reference, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { judgementOnly } from './territory-changes.ts';
import { useControlChange } from './queries.ts';

export function ChangePage({ zoneId, at }: { zoneId: string; at: number }) {
  const { t, lang, nameOf, dateTime, timezoneLabel } = useI18n();
  const { actorName, agreementTitle } = useWorld();
  const { say, sayAll } = useStatements();
  const q = useControlChange(zoneId, at);
  const fallback = recordFallback(q, {
    title: t('notFound.zone.title'),
    text: t('notFound.zone'),
    back: { to: '/territory', label: t('territory.change.back') },
  });
  if (fallback || !q.data) return fallback;
  const { zone, findings } = q.data;
  const control = zone.control.map((c) => ({ ...c, fromMs: Date.parse(c.from), toMs: c.to ? Date.parse(c.to) : null }));
  const before = control.filter((c) => c.toMs === at);
  const after = control.find((c) => c.fromMs === at);
  const names = (actors: readonly string[]) =>
    actors.length ? actors.map(actorName).join(' · ') : t('common.unknown');
  const heading = t('territory.change.heading', { zone: nameIn(lang, zone) || t('zone.title') });
  return (
    <div className="page page-wide change-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to="/territory">{t('territory.change.back')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('territory.change.title')}</p>
          <h1 dir="auto">{heading}</h1>
        </div>
        <div className="page-actions">
          <Link className="btn" to={`/zones/${encodeURIComponent(zone.id)}`}>
            {t('territory.change.zone')}
          </Link>
        </div>
      </header>
      <p className="muted small">{t('common.times', { zone: timezoneLabel })}</p>
      <section className="panel">
        <dl className="facts" data-testid="change-facts">
          <dt>{t('territory.change.when')}</dt>
          <dd>{dateTime(at)}</dd>
          <dt>{t('territory.change.before')}</dt>
          <dd>{names([...new Set(before.flatMap((c) => c.actors))])}</dd>
          <dt>{t('territory.change.after')}</dt>
          <dd>{after ? names(after.actors) : t('common.unknown')}</dd>
          {after?.source && (
            <>
              <dt>{t('territory.change.source')}</dt>
              <dd dir="auto">{after.source}</dd>
            </>
          )}
          {after?.confidence && (
            <>
              <dt>{t('territory.change.confidence')}</dt>
              <dd>{nameOf.confidences(after.confidence)}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="panel" aria-labelledby="judged-title">
        <h2 id="judged-title">{t('territory.change.judged')}</h2>
        {findings.length === 0 && <p className="empty">{t('territory.change.none')}</p>}
        {findings.map(({ finding: f, history }) => (
          <article key={f.key} className="finding" data-testid="change-finding">
            <header>
              <VerdictBadge verdict={f.verdict} />
              <span className="muted small">
                {f.agreement
                  ? t('incident.finding.agreement', { agreement: agreementTitle(f.agreement) })
                  : t('incident.finding.noAgreement')}
              </span>
            </header>
            <p className="explanation" dir="auto">
              {sayAll(judgementOnly(f.statements))}
            </p>
            {history.length > 0 && (
              <details className="finding-history">
                <summary>{t('territory.change.history')}</summary>
                <ol className="timeline">
                  {history.map((h) => (
                    <li key={`${h.computed_at}-${h.superseded_at}`}>
                      <time>
                        {t('territory.change.was', {
                          when: dateTime(h.superseded_at),
                          verdict: nameOf.verdicts(h.verdict),
                        })}
                      </time>
                      <div dir="auto">{say(h.cause_statement)}</div>
                    </li>
                  ))}
                </ol>
              </details>
            )}
          </article>
        ))}
      </section>
      <Reference ids={[zone.id, ...findings.map((f) => f.finding.key)]} />
    </div>
  );
}
