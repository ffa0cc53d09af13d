/**
 * The post-incident review: one timeline, in time order, of what was notified, declared, said on
 * the hotline and reported around an incident (48 hours and 10 km unless the reader widens it), each
 * entry with its time in the truce's timezone, who, what, and a link to the record. Only what the
 * reader may see is on it: the server reads everything as the reader.
 */
import { useState } from 'react';
import { useWorld } from '../../api/world.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { recordFallback, Reference } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useIncidentReview } from './queries.ts';
import {
  HOURS_CHOICES,
  KM_CHOICES,
  readAround,
  recordPath,
  REVIEW_GROUPS,
  type ReviewEntry,
  type ReviewGroup,
  shownEntries,
  siteKindKey,
} from './review-words.ts';
import { useJoin } from './StruckSites.tsx';
import { useIncidentNames } from './use-incident-names.ts';

export function IncidentReviewPage({ id }: { id: string }) {
  const { t, timezoneLabel, number } = useI18n();
  const names = useIncidentNames();
  const { query } = useLocation();
  const around = readAround(query);
  const q = useIncidentReview(id, around);
  const [hidden, setHidden] = useState<ReadonlySet<ReviewGroup>>(new Set());
  const incidentPath = `/incidents/${encodeURIComponent(id)}`;

  const fallback = recordFallback(q, {
    title: t('notFound.incident.title'),
    text: t('notFound.incident'),
    back: { to: '/incidents', label: t('incident.back') },
  });
  if (fallback || !q.data) return fallback;
  const review = q.data;
  const entries = shownEntries(review.entries, hidden);
  const widen = (next: { hours: number; km: number }) =>
    navigate(`${incidentPath}/review?hours=${next.hours}&km=${next.km}`, { replace: true });
  const toggle = (g: ReviewGroup) => {
    const next = new Set(hidden);
    if (next.has(g)) next.delete(g);
    else next.add(g);
    setHidden(next);
  };

  return (
    <div className="page page-wide incident-review-page">
      <nav className="breadcrumb" aria-label="breadcrumb">
        <Link to={incidentPath}>{t('incidentReview.back')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('incidentReview.title')}</p>
          <h1 dir="auto">{names.title(review.incident)}</h1>
        </div>
        <span className="muted small">{t('common.times', { zone: timezoneLabel })}</span>
      </header>
      <p className="lead">{t('incidentReview.intro')}</p>

      <div className="panel review-controls">
        <p data-testid="review-around">
          {t('incidentReview.around', {
            hours: t('incidentReview.hoursValue', { count: number(review.around.hours) }),
            km: t('incidentReview.kmValue', { count: number(review.around.km) }),
          })}
        </p>
        <div className="review-choices">
          <label className="field-inline">
            <span>{t('incidentReview.hours')}</span>
            <select
              value={around.hours}
              data-testid="review-hours"
              onChange={(e) => widen({ ...around, hours: Number(e.target.value) })}
            >
              {HOURS_CHOICES.map((h) => (
                <option key={h} value={h}>
                  {t('incidentReview.hoursValue', { count: number(h) })}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            <span>{t('incidentReview.km')}</span>
            <select
              value={around.km}
              data-testid="review-km"
              onChange={(e) => widen({ ...around, km: Number(e.target.value) })}
            >
              {KM_CHOICES.map((k) => (
                <option key={k} value={k}>
                  {t('incidentReview.kmValue', { count: number(k) })}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="review-groups">
            <legend>{t('incidentReview.show')}</legend>
            {REVIEW_GROUPS.filter((g) => g !== 'incident').map((g) => (
              <label key={g} className="check">
                <input type="checkbox" checked={!hidden.has(g)} onChange={() => toggle(g)} />
                <span>{t(`incidentReview.group.${g}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      </div>

      {review.more && <p className="notice notice-warn">{t('incidentReview.more')}</p>}
      <ol className="review-timeline" data-testid="review-timeline" aria-busy={q.loading}>
        {entries.map((e, i) => (
          <ReviewItem key={`${e.kind}:${e.record.id}:${e.at}:${i}`} entry={e} incident={review.incident} />
        ))}
      </ol>
      {review.entries.length === 1 && <p className="empty">{t('incidentReview.none')}</p>}
      <Reference ids={[id]} />
    </div>
  );
}

type Incident = { occurred_at: string; location: { lon: number; lat: number } };

function ReviewItem({ entry: e, incident }: { entry: ReviewEntry; incident: Incident }) {
  const { t, dateTime, number, reportWhen, timezone } = useI18n();
  const text = useEntryText();
  const window = useWindow();
  const isMap = ['protected_site', 'operation', 'convoy'].includes(e.record.type);
  const distance =
    e.kind === 'incident' || e.distance_m === null
      ? null
      : e.distance_m >= 1000
        ? t('incidentReview.distance', { distance: number(Math.round(e.distance_m / 100) / 10) })
        : t('incidentReview.distanceM', { distance: number(e.distance_m) });
  // What bears on the incident itself: its place within a site's buffer or a notice's reach (alerts), an account or a thread of it.
  const badges = [
    e.struck ? { text: t('incidentReview.badge.struck'), alert: true } : null,
    e.covered ? { text: t('incidentReview.badge.covered'), alert: true } : null,
    e.linked && e.kind === 'report' ? { text: t('incidentReview.badge.linked.report'), alert: false } : null,
    e.linked && e.kind === 'hotline' && e.step === 'opened'
      ? { text: t('incidentReview.badge.linked.thread'), alert: false }
      : null,
  ].filter((b) => b !== null);
  return (
    <li className={`review-entry review-${e.group}`} data-kind={e.kind} data-testid="review-entry">
      <div className="review-when">
        <time dateTime={e.at}>{dateTime(e.at)}</time>
        <span className={`badge review-badge review-badge-${e.group}`}>{t(`incidentReview.group.${e.group}`)}</span>
      </div>
      <div className="review-what">
        <p className="review-text" dir="auto">
          {text(e)}
        </p>
        {(window(e) || e.claimed) && (
          <p className="muted small">
            {window(e)}
            {e.claimed && t('incidentReview.report.claimed', { when: reportWhen(e.claimed.at, e.claimed.precision_s) })}
          </p>
        )}
        {e.body && (
          <p className="review-body" dir="auto">
            {e.body}
          </p>
        )}
        <p className="review-meta">
          {badges.map((b) => (
            <span key={b.text} className={`badge review-flag${b.alert ? ' review-flag-alert' : ''}`}>
              {b.text}
            </span>
          ))}
          {distance && <span className="muted small">{distance}</span>}
          <Link to={recordPath(e, incident, timezone)}>
            {t(isMap ? 'incidentReview.openMap' : 'incidentReview.open')}
          </Link>
        </p>
      </div>
    </li>
  );
}

/** A validity, a period or a window, in the truce's timezone; none for an entry that has none worth saying. */
function useWindow(): (e: ReviewEntry) => string | null {
  const { t, dateTime, date } = useI18n();
  return (e) => {
    if (!e.window || e.kind === 'incident') return null;
    if (e.kind === 'site') return e.window.to ? t('incidentReview.until', { date: date(e.window.to) }) : null;
    return t('incidentReview.window', {
      from: dateTime(e.window.from),
      to: e.window.to ? dateTime(e.window.to) : '…',
    });
  };
}

/** What an entry says, with names (never ids). */
function useEntryText(): (e: ReviewEntry) => string {
  const { t, nameOf } = useI18n();
  const { actorName, orgName } = useWorld();
  const join = useJoin();
  const orgs = (ids: readonly string[]) => join(ids.map((o) => orgName(o)));
  const hotline = (e: ReviewEntry, subject: string): string => {
    switch (e.step) {
      case 'opened':
        return t('incidentReview.hotline.opened', { org: orgName(e.org), orgs: orgs(e.to_orgs), subject });
      case 'acknowledged':
        return t('incidentReview.hotline.acknowledged', { org: orgName(e.org), subject });
      case 'escalated':
        return t(e.level === 2 ? 'incidentReview.hotline.escalatedAgain' : 'incidentReview.hotline.escalated', {
          subject,
        });
      case 'resolved':
        return t('incidentReview.hotline.resolved', { org: orgName(e.org), subject });
      case 'message':
      case null:
        return t('incidentReview.hotline.message', { org: orgName(e.org), subject });
    }
  };
  return (e) => {
    const subject = e.name ?? '';
    switch (e.kind) {
      case 'incident':
        return e.actor
          ? t('incidentReview.incident', { act: nameOf.acts(e.what), actor: actorName(e.actor) })
          : t('incidentReview.incident.unattributed', { act: nameOf.acts(e.what) });
      case 'site': {
        const site = t('site.of', { kind: t(siteKindKey(e.what)), owner: actorName(e.actor) });
        const told =
          e.to_actors.length > 0
            ? t('incidentReview.site.notifiedTo', { parties: join(e.to_actors.map((a) => actorName(a))) })
            : t('incidentReview.site.notNotified');
        return `${t('incidentReview.site', { site })}. ${told}.`;
      }
      case 'notification':
        return t('incidentReview.notification', {
          org: orgName(e.org),
          name: subject,
          kind: e.what === 'movement' ? t('incidentReview.notification.movement') : t(siteKindKey(e.what)),
          recipients: orgs(e.to_orgs),
        });
      case 'acknowledgement':
        return t('incidentReview.acknowledgement', { org: orgName(e.org), name: subject });
      case 'withdrawal':
        return t('incidentReview.withdrawal', { org: orgName(e.org), name: subject });
      case 'convoy':
        return t('incidentReview.convoy', { organizer: actorName(e.actor) });
      case 'operation':
        return t('incidentReview.operation', { actor: actorName(e.actor), kind: nameOf.acts(e.what) });
      case 'hotline':
        return hotline(e, subject);
      case 'report':
        return t('incidentReview.report', { org: orgName(e.org), act: nameOf.acts(e.what) });
    }
  };
}
