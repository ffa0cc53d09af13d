/**
 * The parties' own positions: those the user's organization recorded (troops, advisers, posts) and
 * those other organizations shared with it. A position is seen only by its organization and those
 * it names; the page says so. Above the list, the operations planned near the organization's
 * positions, without their detail.
 */
import { type FormEvent, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { PointFields, pointOf, pointText } from '../../app/PointFields.tsx';
import { ErrorNotice, Field, Loading, PageHeader, Tabs } from '../../app/ui.tsx';
import { instantOfLocal, localInputValue } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { POSITION_KINDS, type PositionKind } from '../../../../src/contract/notices.ts';
import { AlertsPanel } from '../notices/AlertsPanel.tsx';
import { type Position, useChangePosition, usePositions, useRecordPosition, useWithdrawPosition } from './queries.ts';

type Box = 'own' | 'shared';
const BOXES: Box[] = ['own', 'shared'];
/** Positions look ahead: the years offered run two past this one. */
const latestDay = (now: number) => `${new Date(now).getUTCFullYear() + 2}-12-31`;

export function PositionsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [box, setBox] = useState<Box>('own');
  const [recording, setRecording] = useState(false);
  const list = usePositions(box);
  return (
    <div className="page positions-page">
      <PageHeader title={t('positions.title')}>
        {can('position:manage') && !recording && (
          <button type="button" className="btn btn-primary" onClick={() => setRecording(true)}>
            {t('positions.new')}
          </button>
        )}
      </PageHeader>
      <p className="notice">{t('positions.intro')}</p>
      {recording && <PositionForm onDone={() => setRecording(false)} />}
      <AlertsPanel kinds={['position']} />
      <Tabs
        label={t('positions.title')}
        options={BOXES}
        value={box}
        name={(b) => t(`positions.box.${b}`)}
        onChange={(b) => setBox(b)}
      />
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('positions.none')}</p>
      ) : (
        <ul className="plain notification-list">
          {list.data.map((p) => (
            <PositionCard key={p.id} p={p} />
          ))}
        </ul>
      )}
    </div>
  );
}

function PositionCard({ p }: { p: Position }) {
  const { t, dateTime, number, lang } = useI18n();
  const { me, can } = useSession();
  const { orgName } = useWorld();
  const withdraw = useWithdrawPosition();
  const [changing, setChanging] = useState(false);
  const own = p.owner_org === me?.org;
  const [lon, lat] = p.geometry.coordinates as [number, number];
  return (
    <li className="panel notification" data-testid="position">
      <div className="notification-head">
        <h2>{p.name}</h2>
        {p.withdrawn_at && <span className="badge verdict-not_covered">{t('positions.withdrawn')}</span>}
      </div>
      <dl className="facts">
        <dt>{t('positions.kind')}</dt>
        <dd>{t(`positions.kind.${p.kind}`)}</dd>
        <dt>{t('positions.owner')}</dt>
        <dd>{orgName(p.owner_org)}</dd>
        <dt>{t('positions.where')}</dt>
        <dd>
          {whereName(p.where, lang) ?? ''}{' '}
          <bdi dir="ltr" className="muted">
            {lat.toFixed(4)}, {lon.toFixed(4)}
          </bdi>
        </dd>
        <dt>{t('positions.held')}</dt>
        <dd>
          {p.valid.to
            ? `${dateTime(p.valid.from)} – ${dateTime(p.valid.to)}`
            : t('positions.untilWithdrawn', { from: dateTime(p.valid.from) })}
        </dd>
        <dt>{t('positions.buffer')}</dt>
        <dd>{number(p.buffer_m)}</dd>
        <dt>{t('positions.sharedWith')}</dt>
        <dd>
          {p.recipients.length === 0
            ? t('positions.sharedWith.none')
            : p.recipients.map((o) => orgName(o)).join(lang === 'ar' ? '، ' : ', ')}
        </dd>
      </dl>
      {withdraw.error && <ErrorNotice error={withdraw.error} />}
      {own && !p.withdrawn_at && can('position:manage') && (
        <div className="form-actions">
          <button type="button" className="btn" onClick={() => setChanging(!changing)}>
            {t('positions.change')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={withdraw.isPending}
            onClick={() => {
              if (window.confirm(t('positions.withdraw.confirm'))) withdraw.mutate(p.id);
            }}
          >
            {t('positions.withdraw')}
          </button>
        </div>
      )}
      {changing && <PositionForm position={p} onDone={() => setChanging(false)} />}
    </li>
  );
}

/** Record a position, or change one (`position`): the same fields. */
function PositionForm({ position, onDone }: { position?: Position; onDone: () => void }) {
  const { t, timezone } = useI18n();
  const { me } = useSession();
  const { organizations, orgName } = useWorld();
  const record = useRecordPosition();
  const change = useChangePosition();
  const now = Date.now();
  const id = position ? `p-${position.id}` : 'p-new';
  const [name, setName] = useState(position?.name ?? '');
  const [kind, setKind] = useState<PositionKind>(position?.kind ?? 'troops');
  const [at, setAt] = useState(position ? pointText(position.geometry.coordinates) : { lat: '', lon: '' });
  const [buffer, setBuffer] = useState(String(position?.buffer_m ?? 500));
  const [from, setFrom] = useState(localInputValue(position ? Date.parse(position.valid.from) : now, timezone));
  const [until, setUntil] = useState(
    position?.valid.to ? localInputValue(Date.parse(position.valid.to), timezone) : '',
  );
  const [recipients, setRecipients] = useState<string[]>(position?.recipients ?? []);
  const instant = (local: string) => new Date(instantOfLocal(local, timezone)).toISOString();
  const pending = record.isPending || change.isPending;
  const error = record.error ?? change.error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name,
      kind,
      geometry: { type: 'Point' as const, coordinates: pointOf(at) },
      buffer_m: Number(buffer) || 0,
      valid: { from: instant(from), to: until ? instant(until) : null },
      recipients,
    };
    if (position) change.mutate({ id: position.id, body }, { onSuccess: onDone });
    else record.mutate(body, { onSuccess: onDone });
  };
  return (
    <form
      className="panel notify-form"
      onSubmit={submit}
      aria-label={position ? t('positions.change') : t('positions.new')}
    >
      {!position && <h2>{t('positions.new')}</h2>}
      <div className="field-row">
        <Field label={t('positions.name')} htmlFor={`${id}-name`}>
          <input id={`${id}-name`} required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('positions.kind')} htmlFor={`${id}-kind`}>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as PositionKind)}>
            {POSITION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`positions.kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('positions.buffer')} htmlFor={`${id}-buffer`}>
          <input
            id={`${id}-buffer`}
            inputMode="numeric"
            dir="ltr"
            value={buffer}
            onChange={(e) => setBuffer(e.target.value)}
          />
        </Field>
      </div>
      <PointFields id={`${id}-at`} legend={t('positions.location')} value={at} onChange={setAt} />
      <div className="field-row">
        <DateField
          id={`${id}-from`}
          label={t('positions.validFrom')}
          withTime
          max={latestDay(now)}
          value={from}
          onChange={setFrom}
        />
        <DateField
          id={`${id}-until`}
          label={t('positions.validTo')}
          withTime
          clearable
          max={latestDay(now)}
          value={until}
          onChange={setUntil}
        />
      </div>
      <fieldset>
        <legend>{t('positions.sharedWith')}</legend>
        <p className="field-help">{t('positions.recipients.help')}</p>
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
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('positions.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {position ? t('positions.change.submit') : t('positions.save')}
        </button>
      </div>
    </form>
  );
}
