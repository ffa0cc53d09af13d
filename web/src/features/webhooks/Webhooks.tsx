/**
 * Your webhooks, on your account page: a new one (its name, URL, events and, for new incidents, an
 * area; its secret shown once, with a copy button and how a receiver checks a delivery), yours listed
 * (events, area, active or paused) with pause, resume and a delete that asks first, and one's delivery
 * log: each delivery named by what it was about (a headline, a place, a date), its state and every
 * attempt with the receiver's status code or why there was none.
 */
import { type FormEvent, useRef, useState } from 'react';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../../src/contract/webhooks.ts';
import { ApiError } from '../../api/client.ts';
import { useWorld } from '../../api/world.tsx';
import { ErrorNotice, Field, Loading, LoadMore, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { readable, whereName } from '../../i18n/where.ts';
import {
  type Delivery,
  type Webhook,
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  usePauseWebhook,
  useWebhooks,
} from './queries.ts';

type AreaChoice = 'everywhere' | 'bbox' | 'zone';
const BOX_SIDES = ['west', 'south', 'east', 'north'] as const;

/** The section of the account page: your webhooks, the log of the one chosen, and a new one. */
export function Webhooks() {
  const [shown, setShown] = useState<string | null>(null);
  return (
    <>
      <WebhookList shown={shown} onShow={setShown} />
      {shown && <DeliveryLog id={shown} onClose={() => setShown(null)} />}
      <NewWebhook />
    </>
  );
}

/** The problems of a refused request about one field (its path, or a path inside it), in the reader's language. */
function useFieldErrors(error: Error | null) {
  const { say } = useStatements();
  return (field: string): string | undefined => {
    if (!(error instanceof ApiError)) return undefined;
    const mine = error.problems.filter(
      (p) => p.path === field || p.path.startsWith(`${field}.`) || p.path.startsWith(`${field}[`),
    );
    return mine.length > 0 ? mine.map((p) => (p.statement ? say(p.statement) : p.message)).join('; ') : undefined;
  };
}

function NewWebhook() {
  const { t, nameOf } = useI18n();
  const { zones, zoneName } = useWorld();
  const { errorText } = useStatements();
  const create = useCreateWebhook();
  const fieldError = useFieldErrors(create.error);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['incident.created']);
  const [area, setArea] = useState<AreaChoice>('everywhere');
  const [box, setBox] = useState<Record<(typeof BOX_SIDES)[number], string>>({
    west: '',
    south: '',
    east: '',
    north: '',
  });
  const [zone, setZone] = useState('');
  const [copied, setCopied] = useState(false);
  const secret = useRef<HTMLInputElement>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCopied(false);
    create.mutate(
      {
        name: name.trim(),
        url: url.trim(),
        events,
        area:
          area === 'bbox'
            ? { bbox: [Number(box.west), Number(box.south), Number(box.east), Number(box.north)] }
            : area === 'zone'
              ? { zone }
              : null,
        active: true,
      },
      {
        onSuccess: () => {
          setName('');
          setUrl('');
        },
      },
    );
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(create.data?.secret ?? '');
      setCopied(true);
    } catch {
      secret.current?.select();
    }
  };
  const named = ['name', 'url', 'events', 'area'].some((f) => fieldError(f) !== undefined);
  const complete =
    name.trim() !== '' &&
    url.trim() !== '' &&
    events.length > 0 &&
    (area !== 'bbox' || BOX_SIDES.every((s) => box[s].trim() !== '' && Number.isFinite(Number(box[s])))) &&
    (area !== 'zone' || zone !== '');
  return (
    <form className="panel admin-form webhook-form" onSubmit={submit} data-testid="new-webhook">
      <h3>{t('webhooks.new')}</h3>
      <p className="muted small">{t('webhooks.new.help')}</p>
      <Field label={t('webhooks.name')} htmlFor="wh-name" help={t('webhooks.name.help')} error={fieldError('name')}>
        <input
          id="wh-name"
          dir="auto"
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field label={t('webhooks.url')} htmlFor="wh-url" help={t('webhooks.url.help')} error={fieldError('url')}>
        <input
          id="wh-url"
          dir="ltr"
          inputMode="url"
          autoComplete="off"
          placeholder="https://"
          maxLength={2000}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
      </Field>
      <fieldset className="webhook-events">
        <legend>{t('webhooks.events')}</legend>
        {WEBHOOK_EVENTS.map((ev) => (
          <label key={ev} className="check">
            <input
              type="checkbox"
              checked={events.includes(ev)}
              onChange={(e) => setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))}
            />
            <span>{nameOf.webhookEvents(ev)}</span>
          </label>
        ))}
        {fieldError('events') && (
          <p className="field-error" role="alert">
            {fieldError('events')}
          </p>
        )}
      </fieldset>
      <fieldset className="webhook-area">
        <legend>{t('webhooks.area')}</legend>
        <p className="muted small">{t('webhooks.area.help')}</p>
        {(['everywhere', 'bbox', 'zone'] as const).map((choice) => (
          <label key={choice} className="check">
            <input type="radio" name="wh-area" checked={area === choice} onChange={() => setArea(choice)} />
            <span>{t(`webhooks.area.${choice}`)}</span>
          </label>
        ))}
        {area === 'bbox' && (
          <div className="field-row">
            {BOX_SIDES.map((side) => (
              <Field key={side} label={t(`webhooks.area.${side}`)} htmlFor={`wh-${side}`}>
                <input
                  id={`wh-${side}`}
                  dir="ltr"
                  inputMode="decimal"
                  value={box[side]}
                  onChange={(e) => setBox({ ...box, [side]: e.target.value })}
                />
              </Field>
            ))}
          </div>
        )}
        {area === 'zone' && (
          <Field label={t('webhooks.area.zonePick')} htmlFor="wh-zone">
            <select id="wh-zone" value={zone} onChange={(e) => setZone(e.target.value)}>
              <option value="">{t('webhooks.area.zoneNone')}</option>
              {zones.map((z) => (
                <option key={z.id} value={z.id}>
                  {zoneName(z.id, z.name)}
                </option>
              ))}
            </select>
          </Field>
        )}
        {fieldError('area') && (
          <p className="field-error" role="alert">
            {fieldError('area')}
          </p>
        )}
      </fieldset>
      {create.error && !named && (
        <div className="notice notice-error" role="alert">
          {errorText(create.error)}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={create.isPending || !complete}>
          {t('webhooks.create')}
        </button>
      </div>
      {create.data && (
        <div className="notice notice-warn token-secret" role="status" data-testid="webhook-secret">
          <p>
            <strong>{t('webhooks.secret.once', { name: create.data.name })}</strong>
          </p>
          <div className="token-copy">
            <input
              ref={secret}
              readOnly
              dir="ltr"
              aria-label={t('webhooks.secret')}
              value={create.data.secret}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="btn btn-small" onClick={() => void copy()}>
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </button>
          </div>
          <p className="small">{t('webhooks.secret.use')}</p>
        </div>
      )}
    </form>
  );
}

/** A box as people read it: "35° to 37° N, 36° to 38° E". */
function useAreaText() {
  const { t, number } = useI18n();
  const { zoneName } = useWorld();
  return (area: Webhook['area']): string => {
    if (area === null) return t('webhooks.area.everywhere');
    if ('zone' in area)
      return t('webhooks.area.inZone', { zone: zoneName(area.zone) || t('webhooks.area.zoneHidden') });
    const [w, s, e, n] = area.bbox.map((x) => number(x));
    return t('webhooks.area.inBox', { west: w!, south: s!, east: e!, north: n! });
  };
}

function WebhookList({ shown, onShow }: { shown: string | null; onShow: (id: string | null) => void }) {
  const { t, nameOf } = useI18n();
  const { errorText } = useStatements();
  const hooks = useWebhooks();
  const pause = usePauseWebhook();
  const remove = useDeleteWebhook();
  const areaText = useAreaText();
  const [asking, setAsking] = useState<string | null>(null);
  if (hooks.error) return <ErrorNotice error={hooks.error} onRetry={hooks.reload} />;
  if (!hooks.data) return <Loading />;
  if (hooks.data.length === 0)
    return (
      <p className="empty" data-testid="webhooks">
        {t('webhooks.none')}
      </p>
    );
  const failed = pause.error ?? remove.error;
  return (
    <>
      {failed && (
        <div className="notice notice-error" role="alert">
          {errorText(failed)}
        </div>
      )}
      <div className="table-wrap">
        <table className="table table-cards" data-testid="webhooks">
          <thead>
            <tr>
              <th scope="col">{t('webhooks.name')}</th>
              <th scope="col">{t('webhooks.events')}</th>
              <th scope="col">{t('webhooks.col.area')}</th>
              <th scope="col">{t('tokens.state')}</th>
              <th scope="col">
                <span className="sr-only">{t('webhooks.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hooks.data.map((h) => (
              <tr key={h.id} data-webhook={h.name} className={h.active ? undefined : 'muted'}>
                <td className="cell-title">
                  <strong dir="auto">{h.name}</strong>
                  <div className="small webhook-url">
                    <bdi dir="ltr">{h.url}</bdi>
                  </div>
                </td>
                <td data-label={t('webhooks.events')}>
                  {h.events.map((e) => nameOf.webhookEvents(e)).join(t('webhooks.separator'))}
                </td>
                <td data-label={t('webhooks.col.area')}>{areaText(h.area)}</td>
                <td data-label={t('tokens.state')}>
                  <span className={`badge ${h.active ? 'status-verified' : 'badge-outline'}`}>
                    {h.active ? t('webhooks.active') : t('webhooks.paused')}
                  </span>
                </td>
                <td>
                  {asking === h.id ? (
                    <div className="token-confirm" role="group" aria-label={t('webhooks.delete')}>
                      <span className="small">{t('webhooks.delete.ask', { name: h.name })}</span>
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        disabled={remove.isPending}
                        onClick={() =>
                          remove.mutate(h.id, {
                            onSettled: () => setAsking(null),
                            onSuccess: () => shown === h.id && onShow(null),
                          })
                        }
                      >
                        {t('webhooks.delete.yes')}
                      </button>
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setAsking(null)}>
                        {t('webhooks.delete.no')}
                      </button>
                    </div>
                  ) : (
                    <div className="webhook-actions">
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-pressed={shown === h.id}
                        onClick={() => onShow(shown === h.id ? null : h.id)}
                      >
                        {t('webhooks.log')}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={pause.isPending}
                        onClick={() => pause.mutate({ id: h.id, active: !h.active })}
                      >
                        {h.active ? t('webhooks.pause') : t('webhooks.resume')}
                      </button>
                      <button type="button" className="btn btn-small btn-ghost" onClick={() => setAsking(h.id)}>
                        {t('webhooks.delete')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function DeliveryLog({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const hooks = useWebhooks();
  const log = useDeliveries(id);
  const name = hooks.data?.find((h) => h.id === id)?.name ?? '';
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="panel webhook-log" aria-labelledby="webhook-log-title" data-testid="webhook-log">
      <div className="webhook-log-head">
        <h3 id="webhook-log-title">{t('webhooks.log.title', { name })}</h3>
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {log.error ? (
        <ErrorNotice error={log.error} onRetry={() => void log.refetch()} />
      ) : !log.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="empty">{t('webhooks.log.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.log.about')}</th>
                <th scope="col">{t('webhooks.log.event')}</th>
                <th scope="col">{t('tokens.state')}</th>
                <th scope="col">{t('webhooks.log.attempts')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <DeliveryRow key={d.id} d={d} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore list={log} label={t('webhooks.log.more')} />
    </section>
  );
}

function DeliveryRow({ d }: { d: Delivery }) {
  const { t, lang, nameOf, dateTime, number } = useI18n();
  const place = whereName(d.subject.where, lang) ?? readable(d.subject.place);
  const title = readable(d.subject.title, d.record.id) ?? place ?? nameOf.webhookEvents(d.event);
  const details = [
    title === place ? null : place,
    d.subject.at ? dateTime(d.subject.at) : null,
    d.level !== null ? t('webhooks.log.level', { level: number(d.level) }) : null,
    d.withdrawn ? t('webhooks.log.withdrawn') : null,
  ].filter((x): x is string => x !== null);
  return (
    <tr data-delivery={d.id}>
      <td className="cell-title">
        <strong dir="auto">{title}</strong>
        {details.length > 0 && <div className="small muted">{details.join(t('webhooks.separator'))}</div>}
        {d.subject.verdict && <VerdictBadge verdict={d.subject.verdict} />}
      </td>
      <td data-label={t('webhooks.log.event')}>
        {nameOf.webhookEvents(d.event)}
        <div className="small muted">{dateTime(d.occurred_at)}</div>
      </td>
      <td data-label={t('tokens.state')}>
        <span className={`badge delivery-${d.state}`}>{nameOf.deliveryStates(d.state)}</span>
        {d.next_attempt_at && (
          <div className="small muted">{t('webhooks.log.next', { when: dateTime(d.next_attempt_at) })}</div>
        )}
      </td>
      <td data-label={t('webhooks.log.attempts')}>
        <ol className="webhook-attempts">
          {d.attempts.map((a) => (
            <li key={a.attempt} title={a.detail ?? undefined}>
              {t('webhooks.attempt', {
                answer:
                  a.status_code !== null
                    ? t('webhooks.attempt.status', { status: a.status_code })
                    : nameOf.attemptErrors(a.error),
                when: dateTime(a.at),
              })}
            </li>
          ))}
        </ol>
      </td>
    </tr>
  );
}
