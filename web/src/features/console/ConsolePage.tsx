/**
 * The deconfliction console (issue 10, item 7): on one day (a date in the page's language; today in
 * the truce's timezone by default), a map of the sites, movements, positions and operations valid
 * then, as the server lets the user see them; beside it what the user's organization must
 * acknowledge (notifications and hotline threads addressed to it, one action each), the conflicts
 * of the notices planned that day and the organization's alerts, and the open hotline threads with
 * their live countdowns. Live events reload each part; on a phone the map comes first and the lists
 * below it, one at a time behind tabs.
 */
import { type ReactNode, useMemo, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader, Tabs } from '../../app/ui.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { localDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { clockSkew } from '../hotline/countdown.ts';
import { Countdown, PriorityBadge, useServerNow } from '../hotline/Countdown.tsx';
import { useAcknowledge as useAcknowledgeThread, useHotlineThreads } from '../hotline/queries.ts';
import { useNoticeWords } from '../notices/AlertsPanel.tsx';
import { alertSentence, clearanceWords, targetName, targetPlace, windowWords } from '../notices/notice-words.ts';
import { awaitsMe } from '../notifications/notification-status.ts';
import {
  type Notification,
  useAcknowledge as useAcknowledgeNotification,
  useNotifications,
} from '../notifications/queries.ts';
import { CONSOLE_LAYERS, type ConsoleLayer, consoleFeatures, type Drawn } from './console-features.ts';
import { ConsoleMap, LAYER_COLORS } from './ConsoleMap.tsx';
import { type DayConflict, type DayOperation, type DayTarget, useDeconflictionDay } from './queries.ts';

type Panel = 'acknowledge' | 'conflicts' | 'hotline';
const PANELS: Panel[] = ['acknowledge', 'conflicts', 'hotline'];
type Thread = NonNullable<ReturnType<typeof useHotlineThreads>['data']>['items'][number];

/** The years the day field offers: from the first records of the demo world to two years ahead. */
const FIRST_DAY = '2011-01-01';
const lastDay = (now: number) => `${new Date(now).getUTCFullYear() + 2}-12-31`;
/** A day asked for in the address: YYYY-MM-DD that exists. */
const isDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(Date.parse(`${s}T00:00:00Z`) || 0).toISOString().startsWith(s);

export function ConsolePage() {
  const { t, timezone, number } = useI18n();
  const { query } = useLocation();
  const asked = query.get('day');
  const today = localDate(Date.now(), timezone);
  const day = asked && isDay(asked) ? asked : today;
  const data = useDeconflictionDay(day);
  const [panel, setPanel] = useState<Panel>('acknowledge');
  const label = useDrawnLabels();
  const d = data.data;

  const features = useMemo(() => {
    if (!d) return [];
    const inConflict = new Set(d.conflicts.flatMap((c) => [c.target.id, ...(c.operation ? [c.operation] : [])]));
    for (const a of d.alerts) inConflict.add(a.target.id);
    const target = (x: DayTarget): Drawn => ({
      id: x.id,
      geometry: x.geometry,
      reachM: x.buffer_m,
      label: label.target(x),
    });
    return consoleFeatures(
      {
        site: d.sites.map(target),
        movement: d.movements.map(target),
        position: d.positions.map(target),
        operation: d.operations.map((o) => ({
          id: o.id,
          geometry: o.area,
          reachM: o.radius_m,
          label: label.operation(o),
        })),
      },
      inConflict,
    ).features;
  }, [d, label]);

  const counts: Record<ConsoleLayer, number> = {
    site: d?.sites.length ?? 0,
    movement: d?.movements.length ?? 0,
    position: d?.positions.length ?? 0,
    operation: d?.operations.length ?? 0,
  };

  return (
    <div className="page page-wide console-page">
      <PageHeader title={t('console.title')}>
        <DateField
          id="console-day"
          className="console-day"
          label={t('console.day')}
          value={day}
          min={FIRST_DAY}
          max={lastDay(Date.now())}
          onChange={(v) => v && navigate(`/console?day=${v}`, { replace: true })}
        />
        {day !== today && (
          <button type="button" className="btn btn-small" onClick={() => navigate('/console', { replace: true })}>
            {t('console.today')}
          </button>
        )}
      </PageHeader>
      <div className="console-layout">
        <section className="console-map panel" aria-labelledby="console-map-title">
          <h2 id="console-map-title" className="sr-only">
            {t('console.map')}
          </h2>
          <div className="console-map-stage" data-testid="console-map">
            <ConsoleMap features={features} label={t('console.map')} />
          </div>
          <ul className="console-legend plain" data-testid="console-legend">
            {CONSOLE_LAYERS.map((l) => (
              <li key={l}>
                <span
                  className={`console-swatch console-swatch-${l}`}
                  style={{ borderColor: LAYER_COLORS[l] }}
                  aria-hidden="true"
                />
                {t(`console.layer.${l}`, { n: number(counts[l]) })}
              </li>
            ))}
            <li>
              <span className="console-swatch console-swatch-conflict" aria-hidden="true" />
              {t('console.layer.conflict')}
            </li>
          </ul>
          {data.error && <ErrorNotice error={data.error} onRetry={data.reload} />}
        </section>
        <div className="console-side">
          <div className="console-tabs">
            <Tabs<Panel>
              label={t('console.title')}
              options={PANELS}
              value={panel}
              name={(p) => t(`console.panel.${p}`)}
              onChange={setPanel}
            />
          </div>
          <AcknowledgePanel active={panel === 'acknowledge'} />
          <ConflictsPanel
            active={panel === 'conflicts'}
            conflicts={d?.conflicts}
            alerts={d?.alerts}
            operations={d?.operations}
          />
          <HotlinePanel active={panel === 'hotline'} />
        </div>
      </div>
    </div>
  );
}

/** What a click on the map says of each thing drawn: its name, what it is, where or when. */
function useDrawnLabels() {
  const { t, nameOf, lang } = useI18n();
  const { actorName } = useWorld();
  const words = useNoticeWords();
  return useMemo(
    () => ({
      target: (x: DayTarget) => {
        const what =
          x.kind === 'position' && x.subkind
            ? t(`positions.kind.${x.subkind}` as MessageKey)
            : t(`notices.target.${x.kind}`);
        const place = targetPlace(x, lang);
        const when = x.kind === 'movement' ? windowWords(x.valid, words) : null;
        return [targetName(x, words), what, place, when].filter(Boolean).join(' · ');
      },
      operation: (o: DayOperation) =>
        [`${nameOf.acts(o.kind)} · ${actorName(o.actor)}`, whereName(o.where, lang), windowWords(o.window, words)]
          .filter(Boolean)
          .join(' · '),
    }),
    [t, nameOf, lang, actorName, words],
  );
}

function Section({ id, active, title, children }: { id: Panel; active: boolean; title: string; children: ReactNode }) {
  return (
    <section
      className={`console-panel panel${active ? ' active' : ''}`}
      aria-labelledby={`console-${id}-title`}
      data-testid={`console-${id}`}
    >
      <h2 id={`console-${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** Notifications and hotline threads addressed to the user's organization that it has not acknowledged. */
function AcknowledgePanel({ active }: { active: boolean }) {
  const { t } = useI18n();
  const { me } = useSession();
  const org = me?.org ?? '';
  const notifications = useNotifications('received');
  const threads = useHotlineThreads();
  const skew = threads.data
    ? clockSkew(threads.data.items[0]?.server_now ?? new Date().toISOString(), threads.data.receivedAt)
    : 0;
  const now = useServerNow(skew);
  const waiting = (notifications.data ?? []).filter((n) => awaitsMe(n, org));
  const addressed = (threads.data?.items ?? []).filter(
    (th) => th.resolved_at === null && th.recipients.some((r) => r.org === org && r.acknowledged_at === null),
  );
  const loading = !notifications.data || !threads.data;
  return (
    <Section id="acknowledge" active={active} title={t('console.panel.acknowledge')}>
      {notifications.error && <ErrorNotice error={notifications.error} onRetry={notifications.reload} />}
      {threads.error && <ErrorNotice error={threads.error} onRetry={threads.reload} />}
      {loading && !notifications.error && !threads.error ? (
        <Loading />
      ) : waiting.length + addressed.length === 0 ? (
        <p className="empty">{t('console.acknowledge.none')}</p>
      ) : (
        <ul className="plain console-items">
          {addressed.map((th) => (
            <ThreadToAcknowledge key={th.id} thread={th} now={now} />
          ))}
          {waiting.map((n) => (
            <NotificationToAcknowledge key={n.id} n={n} />
          ))}
        </ul>
      )}
    </Section>
  );
}

function ThreadToAcknowledge({ thread, now }: { thread: Thread; now: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { orgName } = useWorld();
  const acknowledge = useAcknowledgeThread(thread.id);
  return (
    <li className="console-item" data-testid="console-to-acknowledge">
      <div className="console-item-head">
        <span className="badge">{t('console.kind.thread')}</span>
        <PriorityBadge priority={thread.priority} />
        <Countdown thread={thread} now={now} />
      </div>
      <Link to={`/hotline?thread=${encodeURIComponent(thread.id)}`} dir="auto">
        {thread.subject}
      </Link>
      <p className="muted small">{t('hotline.from', { org: orgName(thread.opened_by_org) })}</p>
      {acknowledge.error && <ErrorNotice error={acknowledge.error} />}
      {can('hotline:write') && (
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate()}
        >
          {t('hotline.acknowledge')}
        </button>
      )}
    </li>
  );
}

function NotificationToAcknowledge({ n }: { n: Notification }) {
  const { t, dateTime } = useI18n();
  const { can } = useSession();
  const { orgName } = useWorld();
  const acknowledge = useAcknowledgeNotification();
  const what =
    n.subject === 'movement'
      ? t('notifications.movement')
      : t(`notifications.kind.${n.site_kind ?? 'other'}` as MessageKey);
  return (
    <li className="console-item" data-testid="console-to-acknowledge">
      <div className="console-item-head">
        <span className="badge">{t('console.kind.notification')}</span>
        <span className={n.state === 'overdue' ? 'badge verdict-violation' : 'badge'}>
          {n.state === 'overdue'
            ? t('console.overdue')
            : t('console.acknowledgeBy', { at: dateTime(n.acknowledge_by) })}
        </span>
      </div>
      <Link to={`/notifications?box=received&notification=${encodeURIComponent(n.id)}`} dir="auto">
        {n.name}
      </Link>
      <p className="muted small">
        {what} · {t('console.notifiedBy', { org: orgName(n.owner_org) })}
      </p>
      {acknowledge.error && <ErrorNotice error={acknowledge.error} />}
      {can('notification:acknowledge') && (
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={acknowledge.isPending}
          onClick={() => acknowledge.mutate(n.id)}
        >
          {t('notifications.acknowledge')}
        </button>
      )}
    </li>
  );
}

function ConflictsPanel({
  active,
  conflicts,
  alerts,
  operations,
}: {
  active: boolean;
  conflicts: DayConflict[] | undefined;
  alerts: NonNullable<ReturnType<typeof useDeconflictionDay>['data']>['alerts'] | undefined;
  operations: DayOperation[] | undefined;
}) {
  const { t } = useI18n();
  const words = useNoticeWords();
  return (
    <Section id="conflicts" active={active} title={t('console.panel.conflicts')}>
      {!conflicts || !alerts ? (
        <Loading />
      ) : conflicts.length + alerts.length === 0 ? (
        <p className="empty">{t('console.conflicts.none')}</p>
      ) : (
        <ul className="plain console-items">
          {conflicts.map((c) => (
            <ConflictItem key={c.id} c={c} operation={operations?.find((o) => o.id === c.operation) ?? null} />
          ))}
          {alerts.map((a) => (
            <li key={a.id} className="console-item notice-alert" data-testid="console-alert">
              {alertSentence(a, words)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ConflictItem({ c, operation }: { c: DayConflict; operation: DayOperation | null }) {
  const { t, nameOf, lang } = useI18n();
  const { orgName, actorName } = useWorld();
  const words = useNoticeWords();
  const place = targetPlace(c.target, lang);
  const by = operation
    ? `${nameOf.acts(operation.kind)} · ${actorName(operation.actor)}`
    : t('console.declaredBy', { org: orgName(c.declared_by) });
  return (
    <li className="console-item" data-testid="console-conflict">
      <div>
        <strong>{targetName(c.target, words)}</strong> · {t(`notices.target.${c.target.kind}`)}
        {place && <> · {place}</>}
      </div>
      <div className="muted small">
        {by} · {windowWords(c.window, words)} · {clearanceWords(c.clearance_m, words)}
      </div>
      <span className={`badge ${c.notified ? 'verdict-permitted' : 'verdict-violation'}`}>
        {c.notified ? t('notices.notified') : t('notices.neverNotified')}
      </span>
    </li>
  );
}

/** The open hotline threads the user may see, each with its priority and its live countdown. */
function HotlinePanel({ active }: { active: boolean }) {
  const { t } = useI18n();
  const { orgName } = useWorld();
  const threads = useHotlineThreads();
  const skew = threads.data
    ? clockSkew(threads.data.items[0]?.server_now ?? new Date().toISOString(), threads.data.receivedAt)
    : 0;
  const now = useServerNow(skew);
  const open = (threads.data?.items ?? []).filter((th) => th.resolved_at === null);
  return (
    <Section id="hotline" active={active} title={t('console.panel.hotline')}>
      {threads.error && <ErrorNotice error={threads.error} onRetry={threads.reload} />}
      {!threads.data && !threads.error ? (
        <Loading />
      ) : open.length === 0 ? (
        <p className="empty">{t('console.hotline.none')}</p>
      ) : (
        <ul className="plain console-items" data-testid="console-threads">
          {open.map((th) => (
            <li key={th.id} className="console-item">
              <Link to={`/hotline?thread=${encodeURIComponent(th.id)}`} dir="auto">
                {th.subject}
              </Link>
              <div className="hotline-meta">
                <PriorityBadge priority={th.priority} />
                <span className="muted small">{t('hotline.from', { org: orgName(th.opened_by_org) })}</span>
                <Countdown thread={th} now={now} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
