/**
 * The hotline: the threads the user's organization is party to (all of them for the secretariat), each
 * with its priority and a live countdown to its acknowledgement deadline ("overdue, escalated" after);
 * one thread's timeline, where a recipient acknowledges with one action, a party writes or resolves;
 * a form to open a thread; and the time each organization takes to acknowledge and to resolve.
 */
import { type FormEvent, useState } from 'react';
import { ACK_DEADLINE_MINUTES, HOTLINE_PRIORITIES, type HotlinePriority } from '../../../../src/contract/hotline.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, PageHeader } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { clockSkew, durationParts } from './countdown.ts';
import { Countdown, PriorityBadge, useServerNow } from './Countdown.tsx';
import {
  useAcknowledge,
  useHotlineThread,
  useHotlineThreads,
  useHotlineTimes,
  useOpenThread,
  usePostMessage,
  useResolve,
} from './queries.ts';

function useDuration() {
  const { t, number } = useI18n();
  return (seconds: number | null) => {
    if (seconds === null) return '—';
    const { hours, minutes } = durationParts(seconds);
    return hours > 0
      ? t('hotline.times.hours', { h: number(hours), m: number(minutes) })
      : t('hotline.times.minutes', { m: number(minutes) });
  };
}

export function HotlinePage() {
  const { t } = useI18n();
  const { query } = useLocation();
  const selected = query.get('thread');
  const threads = useHotlineThreads();
  const skew = threads.data
    ? clockSkew(threads.data.items[0]?.server_now ?? new Date().toISOString(), threads.data.receivedAt)
    : 0;
  const now = useServerNow(threads.data?.items.length ? skew : 0);
  const { orgName } = useWorld();
  const [opening, setOpening] = useState(false);

  return (
    <div className="page page-wide hotline-page">
      <PageHeader title={t('hotline.title')}>
        <button type="button" className="btn btn-primary" onClick={() => setOpening(!opening)}>
          {t('hotline.new')}
        </button>
      </PageHeader>
      <p className="lead">{t('hotline.intro')}</p>
      {opening && <NewThreadForm onDone={() => setOpening(false)} />}
      <div className="hotline-columns">
        <section className="section" aria-labelledby="hotline-threads">
          <h2 id="hotline-threads">{t('hotline.threads')}</h2>
          {threads.error && <ErrorNotice error={threads.error} onRetry={threads.reload} />}
          {!threads.data && !threads.error && <Loading />}
          {threads.data?.items.length === 0 && <p className="empty">{t('hotline.none')}</p>}
          <ul className="hotline-list" data-testid="hotline-threads">
            {threads.data?.items.map((th) => (
              <li key={th.id} className={th.id === selected ? 'selected' : undefined}>
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
        </section>
        <section className="section" aria-labelledby="hotline-thread">
          {selected ? (
            <ThreadView id={selected} now={now} />
          ) : (
            <p className="muted" id="hotline-thread">
              {t('hotline.select')}
            </p>
          )}
        </section>
      </div>
      <PartyTimes />
    </div>
  );
}

function ThreadView({ id, now }: { id: string; now: number }) {
  const { t, dateTime, number, lang } = useI18n();
  const { orgName } = useWorld();
  const { me, can } = useSession();
  const { errorText } = useStatements();
  const thread = useHotlineThread(id);
  const acknowledge = useAcknowledge(id);
  const resolve = useResolve(id);
  const post = usePostMessage(id);
  const [reply, setReply] = useState('');
  if (thread.error) return <ErrorNotice error={thread.error} />;
  if (!thread.data) return <Loading />;
  const th = thread.data;
  const mine = th.recipients.find((r) => r.org === me?.org);
  const open = th.resolved_at === null;
  const writes = can('hotline:write');
  const send = (e: FormEvent) => {
    e.preventDefault();
    post.mutate(reply, { onSuccess: () => setReply('') });
  };
  const failure = acknowledge.error ?? resolve.error;
  return (
    <article className="hotline-thread" data-testid="hotline-thread">
      <h2 id="hotline-thread" dir="auto">
        {th.subject}
      </h2>
      <div className="hotline-meta">
        <PriorityBadge priority={th.priority} />
        <Countdown thread={th} now={now} />
        <button type="button" className="btn btn-ghost btn-small" onClick={() => navigate('/hotline')}>
          {t('hotline.close')}
        </button>
      </div>
      <p className="muted small">
        {t('hotline.from', { org: orgName(th.opened_by_org) })} ·{' '}
        {t('hotline.to', { orgs: th.recipients.map((r) => orgName(r.org)).join(lang === 'ar' ? '، ' : ', ') })}
      </p>
      {th.location && (
        <p className="muted small">
          {t('hotline.location.at', { lat: th.location.lat.toFixed(4), lon: th.location.lon.toFixed(4) })}
        </p>
      )}
      {th.links.length > 0 && <p className="muted small">{t('hotline.links', { n: number(th.links.length) })}</p>}
      <ul className="hotline-acks">
        {th.recipients.map((r) => (
          <li key={r.org}>
            {r.acknowledged_at
              ? t('hotline.ackBy', { org: orgName(r.org), at: dateTime(r.acknowledged_at) })
              : t('hotline.waitingFor', { org: orgName(r.org) })}
          </li>
        ))}
      </ul>
      {writes && open && (
        <div className="form-actions">
          {mine && mine.acknowledged_at === null && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={acknowledge.isPending}
              onClick={() => acknowledge.mutate()}
            >
              {t('hotline.acknowledge')}
            </button>
          )}
          <button type="button" className="btn" disabled={resolve.isPending} onClick={() => resolve.mutate(null)}>
            {t('hotline.resolve')}
          </button>
        </div>
      )}
      {failure && <ErrorNotice error={failure} />}
      <h3>{t('hotline.timeline')}</h3>
      <ol className="hotline-timeline">
        {th.timeline.map((e) => (
          <li key={e.seq} className={`entry-${e.kind}`}>
            <span className="muted small">{dateTime(e.at)}</span>{' '}
            <strong>
              {e.kind === 'escalated'
                ? t('hotline.entry.escalated', { level: number(e.level ?? 1) })
                : t(`hotline.entry.${e.kind}`, { org: orgName(e.org) })}
            </strong>
            {e.body && (
              <p dir="auto" className="hotline-body">
                {e.body}
              </p>
            )}
          </li>
        ))}
      </ol>
      {writes && open && (
        <form onSubmit={send}>
          <Field label={t('hotline.reply')} htmlFor="hl-reply" error={post.error ? errorText(post.error) : undefined}>
            <textarea id="hl-reply" rows={2} dir="auto" value={reply} onChange={(e) => setReply(e.target.value)} />
          </Field>
          <button type="submit" className="btn btn-primary" disabled={post.isPending || reply.trim() === ''}>
            {t('hotline.sendReply')}
          </button>
        </form>
      )}
    </article>
  );
}

function NewThreadForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { organizations, orgName } = useWorld();
  const { me } = useSession();
  const { errorText } = useStatements();
  const open = useOpenThread();
  const duration = useDuration();
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [priority, setPriority] = useState<HotlinePriority>('urgent');
  const [recipients, setRecipients] = useState<string[]>([]);
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const location = lat.trim() && lon.trim() ? { lat: Number(lat), lon: Number(lon) } : null;
    open.mutate(
      { subject, message, priority, recipients, location, links: [] },
      {
        onSuccess: (th) => {
          onDone();
          navigate(`/hotline?thread=${encodeURIComponent(th.id)}`);
        },
      },
    );
  };
  const problem = open.error ? errorText(open.error) : undefined;
  return (
    <form className="section hotline-new" onSubmit={submit} data-testid="hotline-new">
      <h2>{t('hotline.new')}</h2>
      <Field label={t('hotline.subject')} htmlFor="hl-subject">
        <input
          id="hl-subject"
          dir="auto"
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
        />
      </Field>
      <Field label={t('hotline.priority')} htmlFor="hl-priority">
        <select id="hl-priority" value={priority} onChange={(e) => setPriority(e.target.value as HotlinePriority)}>
          {HOTLINE_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t('hotline.priorityOption', {
                name: t(`hotline.badge.${p}`),
                time: duration(ACK_DEADLINE_MINUTES[p] * 60),
              })}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="hotline-recipients">
        <legend>{t('hotline.recipients')}</legend>
        {organizations
          .filter((o) => o.id !== me?.org)
          .map((o) => (
            <label key={o.id} className="check">
              <input
                type="checkbox"
                checked={recipients.includes(o.id)}
                onChange={(e) =>
                  setRecipients(e.target.checked ? [...recipients, o.id] : recipients.filter((x) => x !== o.id))
                }
              />
              <span>{orgName(o.id)}</span>
            </label>
          ))}
      </fieldset>
      <Field label={t('hotline.message')} htmlFor="hl-message" error={problem}>
        <textarea id="hl-message" rows={3} dir="auto" value={message} onChange={(e) => setMessage(e.target.value)} />
      </Field>
      <fieldset>
        <legend>{t('hotline.location')}</legend>
        <div className="field-row">
          <Field label={t('hotline.lat')} htmlFor="hl-lat">
            <input id="hl-lat" inputMode="decimal" dir="ltr" value={lat} onChange={(e) => setLat(e.target.value)} />
          </Field>
          <Field label={t('hotline.lon')} htmlFor="hl-lon">
            <input id="hl-lon" inputMode="decimal" dir="ltr" value={lon} onChange={(e) => setLon(e.target.value)} />
          </Field>
        </div>
      </fieldset>
      {recipients.length === 0 && <p className="muted small">{t('hotline.recipients.none')}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={open.isPending || recipients.length === 0 || !subject.trim() || !message.trim()}
        >
          {open.isPending ? t('hotline.sending') : t('hotline.send')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function PartyTimes() {
  const { t, number, lang } = useI18n();
  const comma = lang === 'ar' ? '، ' : ', ';
  const { orgName } = useWorld();
  const times = useHotlineTimes();
  const duration = useDuration();
  return (
    <section className="section" aria-labelledby="hotline-times">
      <h2 id="hotline-times">{t('hotline.times')}</h2>
      {times.error && <ErrorNotice error={times.error} onRetry={times.reload} />}
      {times.data?.length === 0 && <p className="empty">{t('hotline.times.none')}</p>}
      {times.data && times.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="hotline-times">
            <thead>
              <tr>
                <th scope="col">{t('hotline.times.org')}</th>
                <th scope="col">{t('hotline.times.ack')}</th>
                <th scope="col">{t('hotline.times.resolve')}</th>
              </tr>
            </thead>
            <tbody>
              {times.data.map((p) => (
                <tr key={p.org}>
                  <th scope="row">{orgName(p.org)}</th>
                  <td>
                    {duration(p.ack_median_seconds)}
                    {comma}
                    {duration(p.ack_slowest_seconds)}{' '}
                    <span className="muted">{t('hotline.times.count', { n: number(p.acknowledged) })}</span>
                  </td>
                  <td>
                    {duration(p.resolve_median_seconds)}
                    {comma}
                    {duration(p.resolve_slowest_seconds)}{' '}
                    <span className="muted">{t('hotline.times.count', { n: number(p.resolved) })}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
