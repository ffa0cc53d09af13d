/**
 * Operation notices: a party declares a planned operation (an area as a point and a radius, a
 * window, a kind); the server checks it at once and stores its conflicts. The page lists the
 * notices the user may see (its organization's; all of them for the secretariat), each with its
 * conflicts: the target by name, where it is, the clearance left, and whether the declaring party
 * was ever notified of it. The declaring organization changes (checked again) or withdraws its own.
 */
import { type FormEvent, useState } from 'react';
import { CLASSIFICATIONS, ACTS } from '../../api/enums.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { PointFields, pointOf, pointText, type PointText } from '../../app/PointFields.tsx';
import { ErrorNotice, Field, Loading, PageHeader, Tabs } from '../../app/ui.tsx';
import { instantOfLocal, localInputValue } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { useNoticeWords } from './AlertsPanel.tsx';
import { clearanceWords, targetName, targetPlace, windowWords } from './notice-words.ts';
import {
  type Notice,
  type NoticeConflict,
  useChangeNotice,
  useDeclare,
  useNotices,
  useWithdrawNotice,
} from './queries.ts';

type Box = 'mine' | 'all';
const BOXES: Box[] = ['mine', 'all'];
const HOUR = 3_600_000;
/** Notices look ahead: the years offered run two past this one. */
const latestDay = (now: number) => `${new Date(now).getUTCFullYear() + 2}-12-31`;

export function NoticesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [box, setBox] = useState<Box>('mine');
  const [declaring, setDeclaring] = useState(false);
  const list = useNotices(box);
  return (
    <div className="page notices-page">
      <PageHeader title={t('notices.title')}>
        {can('operation:declare') && !declaring && (
          <button type="button" className="btn btn-primary" onClick={() => setDeclaring(true)}>
            {t('notices.new')}
          </button>
        )}
      </PageHeader>
      <p className="notice">{t('notices.intro')}</p>
      {declaring && <DeclareForm onDone={() => setDeclaring(false)} />}
      <Tabs
        label={t('notices.title')}
        options={BOXES}
        value={box}
        name={(b) => t(`notices.box.${b}`)}
        onChange={(b) => setBox(b)}
      />
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('notices.none')}</p>
      ) : (
        <ul className="plain notification-list">
          {list.data.map((n, i) => (
            <NoticeCard key={n.operation?.id ?? `withheld-${i}`} n={n} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NoticeCard({ n }: { n: Notice }) {
  const { t, nameOf, number, lang } = useI18n();
  const { me, can } = useSession();
  const { orgName, actorName } = useWorld();
  const words = useNoticeWords();
  const withdraw = useWithdrawNotice();
  const [changing, setChanging] = useState(false);
  const o = n.operation;
  const own = n.declared_by === me?.org;
  const title = o ? `${nameOf.acts(o.kind)} · ${actorName(o.actor)}` : t('notices.title');
  return (
    <li className="panel notification" data-testid="operation-notice">
      <div className="notification-head">
        <h2>{title}</h2>
        {n.withdrawn_at && <span className="badge verdict-not_covered">{t('notices.withdrawn')}</span>}
      </div>
      {!o && <p className="muted">{t('notices.withheld')}</p>}
      <dl className="facts">
        <dt>{t('notices.declaredBy')}</dt>
        <dd>{orgName(n.declared_by)}</dd>
        <dt>{t('notices.window')}</dt>
        <dd>{windowWords(n.window, words)}</dd>
        {o && (
          <>
            <dt>{t('notices.where')}</dt>
            <dd>{whereName(n.where, lang) ?? ''}</dd>
            <dt>{t('notices.radius')}</dt>
            <dd>{number(o.radius_m)}</dd>
          </>
        )}
      </dl>
      <h3>{t('notices.conflicts')}</h3>
      {n.conflicts.length === 0 ? (
        <p className="empty">{t('notices.conflicts.none')}</p>
      ) : (
        <ul className="plain conflict-list">
          {n.conflicts.map((c) => (
            <ConflictRow key={c.id} c={c} />
          ))}
        </ul>
      )}
      {withdraw.error && <ErrorNotice error={withdraw.error} />}
      {o && own && !n.withdrawn_at && can('operation:declare') && (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setChanging(!changing)}>
            {t('notices.change')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={withdraw.isPending}
            onClick={() => {
              if (window.confirm(t('notices.withdraw.confirm'))) withdraw.mutate(o.id);
            }}
          >
            {t('notices.withdraw')}
          </button>
        </div>
      )}
      {o && changing && <ChangeForm n={n} onDone={() => setChanging(false)} />}
    </li>
  );
}

function ConflictRow({ c }: { c: NoticeConflict }) {
  const { t, lang } = useI18n();
  const words = useNoticeWords();
  const place = targetPlace(c.target, lang);
  return (
    <li className="conflict" data-testid="notice-conflict">
      <strong>{targetName(c.target, words)}</strong> · {t(`notices.target.${c.target.kind}`)}
      {place && <> · {place}</>} · {clearanceWords(c.clearance_m, words)}
      {c.target.valid.to && (
        <> · {t('notices.valid', { when: words.range(c.target.valid.from, c.target.valid.to) })}</>
      )}{' '}
      <span
        className={`badge ${c.notified ? 'verdict-permitted' : 'verdict-violation'}`}
        data-testid="conflict-notified"
      >
        {c.notified ? t('notices.notified') : t('notices.neverNotified')}
      </span>
    </li>
  );
}

/** The window's two fields, as wall-clock times in the truce's timezone. */
function WindowFields({
  id,
  from,
  until,
  setFrom,
  setUntil,
}: {
  id: string;
  from: string;
  until: string;
  setFrom(v: string): void;
  setUntil(v: string): void;
}) {
  const { t } = useI18n();
  const max = latestDay(Date.now());
  return (
    <div className="field-row">
      <DateField id={`${id}-from`} label={t('notices.windowFrom')} withTime max={max} value={from} onChange={setFrom} />
      <DateField
        id={`${id}-until`}
        label={t('notices.windowTo')}
        withTime
        max={max}
        value={until}
        onChange={setUntil}
      />
    </div>
  );
}

function DeclareForm({ onDone }: { onDone: () => void }) {
  const { t, nameOf, timezone } = useI18n();
  const { me } = useSession();
  const { actors, actorName } = useWorld();
  const declare = useDeclare();
  const now = Date.now();
  const [actor, setActor] = useState(actors.find((a) => a.id === me?.org)?.id ?? actors[0]?.id ?? '');
  const [kind, setKind] = useState<string>('air_strike');
  const [at, setAt] = useState<PointText>({ lat: '', lon: '' });
  const [radius, setRadius] = useState('500');
  const [from, setFrom] = useState(localInputValue(now + HOUR, timezone));
  const [until, setUntil] = useState(localInputValue(now + 7 * HOUR, timezone));
  const [classification, setClassification] = useState<(typeof CLASSIFICATIONS)[number]>('task_force');
  const instant = (local: string) => new Date(instantOfLocal(local, timezone)).toISOString();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    declare.mutate(
      {
        actor,
        kind,
        classification,
        area: { type: 'Point', coordinates: pointOf(at) },
        radius_m: Number(radius) || 0,
        window: { from: instant(from), to: instant(until) },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="panel notify-form" onSubmit={submit} aria-label={t('notices.new')}>
      <h2>{t('notices.new')}</h2>
      <div className="field-row">
        <Field label={t('notices.actor')} htmlFor="o-actor">
          <select id="o-actor" value={actor} onChange={(e) => setActor(e.target.value)}>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {actorName(a.id)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('notices.kind')} htmlFor="o-kind">
          <select id="o-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {ACTS.map((k) => (
              <option key={k} value={k}>
                {nameOf.acts(k)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('notices.classification')} htmlFor="o-classification">
          <select
            id="o-classification"
            value={classification}
            onChange={(e) => setClassification(e.target.value as (typeof CLASSIFICATIONS)[number])}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {nameOf.classifications(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <PointFields id="o-at" legend={t('notices.area')} value={at} onChange={setAt} />
      <Field label={t('notices.radius')} htmlFor="o-radius">
        <input id="o-radius" inputMode="numeric" dir="ltr" value={radius} onChange={(e) => setRadius(e.target.value)} />
      </Field>
      <WindowFields id="o-window" from={from} until={until} setFrom={setFrom} setUntil={setUntil} />
      {declare.error && <ErrorNotice error={declare.error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('notices.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={declare.isPending || !actor}>
          {t('notices.declare')}
        </button>
      </div>
    </form>
  );
}

function ChangeForm({ n, onDone }: { n: Notice; onDone: () => void }) {
  const { t, timezone } = useI18n();
  const change = useChangeNotice();
  const o = n.operation!;
  const id = `c-${o.id}`;
  const [at, setAt] = useState<PointText>(
    o.area.type === 'Point' ? pointText(o.area.coordinates as number[]) : { lat: '', lon: '' },
  );
  const [radius, setRadius] = useState(String(o.radius_m));
  const [from, setFrom] = useState(localInputValue(Date.parse(o.window.from), timezone));
  const [until, setUntil] = useState(
    localInputValue(o.window.to ? Date.parse(o.window.to) : Date.parse(o.window.from) + HOUR, timezone),
  );
  const instant = (local: string) => new Date(instantOfLocal(local, timezone)).toISOString();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate(
      {
        id: o.id,
        body: {
          ...(o.area.type === 'Point' ? { area: { type: 'Point' as const, coordinates: pointOf(at) } } : {}),
          radius_m: Number(radius) || 0,
          window: { from: instant(from), to: instant(until) },
        },
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="renew-form" onSubmit={submit} aria-label={t('notices.change')}>
      <p className="muted">{t('notices.change.help')}</p>
      {o.area.type === 'Point' && (
        <PointFields id={`${id}-at`} legend={t('notices.area')} value={at} onChange={setAt} />
      )}
      <Field label={t('notices.radius')} htmlFor={`${id}-radius`}>
        <input
          id={`${id}-radius`}
          inputMode="numeric"
          dir="ltr"
          value={radius}
          onChange={(e) => setRadius(e.target.value)}
        />
      </Field>
      <WindowFields id={`${id}-window`} from={from} until={until} setFrom={setFrom} setUntil={setUntil} />
      {change.error && <ErrorNotice error={change.error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('notices.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          {t('notices.change.submit')}
        </button>
      </div>
    </form>
  );
}
