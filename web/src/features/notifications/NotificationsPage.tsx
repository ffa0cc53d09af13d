/**
 * Humanitarian notifications: the sites and movements an organization tells the parties of, and
 * those it is told of. Notifying is not asking permission: the page says so where one is made and
 * where one is read. A recipient acknowledges with one action; the owner renews or withdraws.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { PointFields, type PointText, pointOf } from '../../app/PointFields.tsx';
import { useLocation } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, PageHeader, Tabs } from '../../app/ui.tsx';
import { instantOfLocal, localInputValue } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { SITE_KINDS, type SiteKind } from '../../../../src/contract/notifications.ts';
import { AlertsPanel } from '../notices/AlertsPanel.tsx';
import { awaitsMe, ownedLive, statusWords } from './notification-status.ts';
import {
  type Notification,
  type NotifyBody,
  useAcknowledge,
  useNotifications,
  useNotify,
  useRenew,
  useWithdraw,
} from './queries.ts';

type Box = 'received' | 'sent' | 'all';
const BOXES: Box[] = ['received', 'sent', 'all'];
const TONE = {
  done: 'verdict-permitted',
  waiting: 'verdict-unjudged',
  late: 'verdict-violation',
  ended: 'verdict-not_covered',
};
const DAY = 86_400_000;
/** Notifications look ahead: the years offered run two past this one. */
const latestDay = (now: number) => `${new Date(now).getUTCFullYear() + 2}-12-31`;

export function NotificationsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  // A link (an email's) may name the box and the notification to show: `?box=sent&notification=<id>`.
  const { query } = useLocation();
  const asked = query.get('box');
  const selected = query.get('notification');
  const [box, setBox] = useState<Box>(BOXES.includes(asked as Box) ? (asked as Box) : 'received');
  const [notifying, setNotifying] = useState(false);
  const list = useNotifications(box);
  return (
    <div className="page notifications-page">
      <PageHeader title={t('notifications.title')}>
        {can('notification:send') && !notifying && (
          <button type="button" className="btn btn-primary" onClick={() => setNotifying(true)}>
            {t('notifications.new')}
          </button>
        )}
      </PageHeader>
      <p className="notice" data-testid="not-a-request">
        {t('notifications.notARequest')}
      </p>
      {notifying && <NotifyForm onDone={() => setNotifying(false)} />}
      <AlertsPanel kinds={['notification_site', 'movement']} />
      <Tabs
        label={t('notifications.title')}
        options={BOXES}
        value={box}
        name={(b) => t(`notifications.box.${b}`)}
        onChange={(b) => setBox(b)}
      />
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('notifications.none')}</p>
      ) : (
        <ul className="plain notification-list">
          {list.data.map((n) => (
            <NotificationCard key={n.id} n={n} selected={n.id === selected} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NotificationCard({ n, selected }: { n: Notification; selected: boolean }) {
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) card.current?.scrollIntoView({ block: 'center' });
  }, [selected]);
  const { t, dateTime, number } = useI18n();
  const { me, can } = useSession();
  const { orgName } = useWorld();
  const acknowledge = useAcknowledge();
  const withdraw = useWithdraw();
  const [renewing, setRenewing] = useState(false);
  const org = me?.org ?? '';
  const words = statusWords(n);
  const what =
    n.subject === 'movement'
      ? t('notifications.movement')
      : t(`notifications.kind.${n.site_kind ?? 'other'}` as MessageKey);
  return (
    <li
      ref={card}
      className={`panel notification${selected ? ' selected' : ''}`}
      data-testid="notification"
      aria-current={selected ? 'true' : undefined}
    >
      <div className="notification-head">
        <h2>{n.name}</h2>
        <span className={`badge ${TONE[words.tone]}`} data-testid="notification-state">
          {t(words.key, { n: number(words.values.n), m: number(words.values.m) })}
        </span>
      </div>
      <dl className="facts">
        <dt>{t('notifications.what')}</dt>
        <dd>{what}</dd>
        <dt>{t('notifications.from')}</dt>
        <dd>{orgName(n.owner_org)}</dd>
        <dt>{n.subject === 'movement' ? t('notifications.window') : t('notifications.valid')}</dt>
        <dd>
          {dateTime(n.valid.from)} – {dateTime(n.valid.to)}
        </dd>
        <dt>{t('notifications.acknowledgeBy')}</dt>
        <dd>{dateTime(n.acknowledge_by)}</dd>
        <dt>{t('notifications.where')}</dt>
        <dd>
          <bdi dir="ltr">{placeOf(n)}</bdi>
        </dd>
        {n.subject === 'movement' && n.vehicles && (
          <>
            <dt>{t('notifications.vehicles')}</dt>
            <dd>{n.vehicles}</dd>
          </>
        )}
        {n.subject === 'movement' && n.cargo && (
          <>
            <dt>{t('notifications.cargo')}</dt>
            <dd>{n.cargo}</dd>
          </>
        )}
      </dl>
      <h3>{t('notifications.recipients')}</h3>
      <ul className="plain">
        {n.recipients.map((r) => (
          <li key={r.org}>
            {orgName(r.org)}:{' '}
            {r.acknowledged_at
              ? t('notifications.acknowledgedAt', { at: dateTime(r.acknowledged_at), by: r.acknowledged_by ?? '' })
              : t('notifications.notYet')}
          </li>
        ))}
      </ul>
      {(acknowledge.error ?? withdraw.error) && <ErrorNotice error={(acknowledge.error ?? withdraw.error)!} />}
      <div className="form-actions">
        {awaitsMe(n, org) && can('notification:acknowledge') && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate(n.id)}
          >
            {t('notifications.acknowledge')}
          </button>
        )}
        {ownedLive(n, org) && can('notification:send') && (
          <>
            <button type="button" className="btn" onClick={() => setRenewing(!renewing)}>
              {t('notifications.renew')}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={withdraw.isPending}
              onClick={() => {
                if (window.confirm(t('notifications.withdraw.confirm'))) withdraw.mutate(n.id);
              }}
            >
              {t('notifications.withdraw')}
            </button>
          </>
        )}
      </div>
      {renewing && <RenewForm n={n} onDone={() => setRenewing(false)} />}
    </li>
  );
}

const fixed = (x: number) => x.toFixed(4);
function placeOf(n: Notification): string {
  const c = n.geometry.coordinates as unknown;
  if (n.geometry.type === 'Point') {
    const [lon, lat] = c as [number, number];
    return `${fixed(lat)}, ${fixed(lon)}`;
  }
  if (n.geometry.type === 'LineString') {
    const line = c as [number, number][];
    const [a, b] = [line[0]!, line.at(-1)!];
    return `${fixed(a[1])}, ${fixed(a[0])} → ${fixed(b[1])}, ${fixed(b[0])}`;
  }
  return n.geometry.type;
}

function RenewForm({ n, onDone }: { n: Notification; onDone: () => void }) {
  const { t, timezone } = useI18n();
  const renew = useRenew();
  const now = Date.now();
  const [to, setTo] = useState(localInputValue(Math.max(now, Date.parse(n.valid.to)) + 7 * DAY, timezone));
  const [by, setBy] = useState(localInputValue(now + DAY, timezone));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    renew.mutate(
      {
        id: n.id,
        body: {
          valid: { from: new Date(now).toISOString(), to: new Date(instantOfLocal(to, timezone)).toISOString() },
          acknowledge_by: new Date(instantOfLocal(by, timezone)).toISOString(),
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="renew-form" onSubmit={submit} aria-label={t('notifications.renew')}>
      <p className="muted">{t('notifications.renew.help')}</p>
      <div className="field-row">
        <DateField
          id={`renew-to-${n.id}`}
          label={t('notifications.validTo')}
          withTime
          max={latestDay(now)}
          value={to}
          onChange={setTo}
        />
        <DateField
          id={`renew-by-${n.id}`}
          label={t('notifications.acknowledgeBy')}
          withTime
          max={latestDay(now)}
          value={by}
          onChange={setBy}
        />
      </div>
      {renew.error && <ErrorNotice error={renew.error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('notifications.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={renew.isPending || !to || !by}>
          {t('notifications.renew.submit')}
        </button>
      </div>
    </form>
  );
}

function NotifyForm({ onDone }: { onDone: () => void }) {
  const { t, timezone } = useI18n();
  const { me } = useSession();
  const { organizations, orgName } = useWorld();
  const notify = useNotify();
  const now = Date.now();
  const [subject, setSubject] = useState<'site' | 'movement'>('site');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SiteKind>('hospital');
  const [at, setAt] = useState<PointText>({ lat: '', lon: '' });
  const [to, setToPoint] = useState<PointText>({ lat: '', lon: '' });
  const [buffer, setBuffer] = useState('300');
  const [vehicles, setVehicles] = useState('');
  const [cargo, setCargo] = useState('');
  const [from, setFrom] = useState(localInputValue(now, timezone));
  const [until, setUntil] = useState(localInputValue(now + 30 * DAY, timezone));
  const [by, setBy] = useState(localInputValue(now + DAY, timezone));
  const [recipients, setRecipients] = useState<string[]>([]);
  const instant = (local: string) => new Date(instantOfLocal(local, timezone)).toISOString();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = {
      name,
      buffer_m: Number(buffer) || 0,
      valid: { from: instant(from), to: instant(until) },
      acknowledge_by: instant(by),
      recipients,
    };
    const body: NotifyBody =
      subject === 'site'
        ? { ...common, subject, site_kind: kind, geometry: { type: 'Point', coordinates: pointOf(at) } }
        : {
            ...common,
            subject,
            vehicles,
            cargo,
            geometry: { type: 'LineString', coordinates: [pointOf(at), pointOf(to)] },
          };
    notify.mutate(body, { onSuccess: onDone });
  };
  return (
    <form className="panel notify-form" onSubmit={submit} aria-label={t('notifications.new')}>
      <h2>{t('notifications.new')}</h2>
      <fieldset className="field-row">
        <legend>{t('notifications.what')}</legend>
        {(['site', 'movement'] as const).map((s) => (
          <label key={s} className="toggle">
            <input type="radio" name="subject" checked={subject === s} onChange={() => setSubject(s)} />{' '}
            {t(`notifications.subject.${s}`)}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        <Field label={t('notifications.name')} htmlFor="n-name">
          <input id="n-name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        {subject === 'site' && (
          <Field label={t('notifications.kind')} htmlFor="n-kind">
            <select id="n-kind" value={kind} onChange={(e) => setKind(e.target.value as SiteKind)}>
              {SITE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`notifications.kind.${k}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t('notifications.buffer')} htmlFor="n-buffer">
          <input
            id="n-buffer"
            inputMode="numeric"
            dir="ltr"
            value={buffer}
            onChange={(e) => setBuffer(e.target.value)}
          />
        </Field>
      </div>
      {subject === 'site' ? (
        <PointFields id="n-at" legend={t('notifications.location')} value={at} onChange={setAt} />
      ) : (
        <>
          <PointFields id="n-from" legend={t('notifications.start')} value={at} onChange={setAt} />
          <PointFields id="n-to" legend={t('notifications.end')} value={to} onChange={setToPoint} />
          <div className="field-row">
            <Field label={t('notifications.vehicles')} htmlFor="n-vehicles">
              <input id="n-vehicles" maxLength={500} value={vehicles} onChange={(e) => setVehicles(e.target.value)} />
            </Field>
            <Field label={t('notifications.cargo')} htmlFor="n-cargo">
              <input id="n-cargo" maxLength={500} value={cargo} onChange={(e) => setCargo(e.target.value)} />
            </Field>
          </div>
        </>
      )}
      <div className="field-row">
        <DateField
          id="n-from-at"
          label={subject === 'site' ? t('notifications.validFrom') : t('notifications.windowFrom')}
          withTime
          max={latestDay(now)}
          value={from}
          onChange={setFrom}
        />
        <DateField
          id="n-until"
          label={subject === 'site' ? t('notifications.validTo') : t('notifications.windowTo')}
          withTime
          max={latestDay(now)}
          value={until}
          onChange={setUntil}
        />
        <DateField
          id="n-by"
          label={t('notifications.acknowledgeBy')}
          withTime
          max={latestDay(now)}
          value={by}
          onChange={setBy}
        />
      </div>
      <fieldset>
        <legend>{t('notifications.recipients')}</legend>
        <p className="field-help">{t('notifications.recipients.help')}</p>
        {organizations
          .filter((o) => o.id !== me?.org)
          .map((o) => (
            <label key={o.id} className="toggle">
              <input
                type="checkbox"
                checked={recipients.includes(o.id)}
                onChange={(e) =>
                  setRecipients(e.target.checked ? [...recipients, o.id] : recipients.filter((r) => r !== o.id))
                }
              />{' '}
              {orgName(o.id)}
            </label>
          ))}
      </fieldset>
      {notify.error && <ErrorNotice error={notify.error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('notifications.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={notify.isPending || recipients.length === 0}>
          {t('notifications.send')}
        </button>
      </div>
    </form>
  );
}
