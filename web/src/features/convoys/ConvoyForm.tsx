/**
 * A convoy request's draft, new or changed: its name, where it sets out, the points on the way and
 * its destinations (each a latitude and a longitude, a destination by its name), the time window,
 * the cargo line by line and the beneficiaries planned. Saved as a draft; its page then says which
 * parties the route would need, and offers to submit it.
 */
import { type FormEvent, useState } from 'react';
import { DateField } from '../../app/DateField.tsx';
import { navigate } from '../../app/router.tsx';
import { ErrorNotice, Field, PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { CARGO_SECTORS, type CargoSector } from '../../../../src/contract/convoy-requests.ts';
import { type DraftForm, draftBody, draftForm, emptyLine, newDraft, type PointText } from './convoy-form.ts';
import { type ConvoyRequest, useCreateDraft, useUpdateDraft } from './queries.ts';

export function NewConvoyPage() {
  const { t } = useI18n();
  return (
    <div className="page convoy-new-page">
      <PageHeader title={t('convoys.form.title')} />
      <ConvoyForm existing={null} onDone={() => navigate('/convoys?box=mine')} />
    </div>
  );
}

const latestDay = () => `${new Date().getUTCFullYear() + 2}-12-31`;

export function ConvoyForm({ existing, onDone }: { existing: ConvoyRequest | null; onDone: () => void }) {
  const { t, timezone, nameOf } = useI18n();
  const create = useCreateDraft();
  const update = useUpdateDraft();
  const write = existing ? update : create;
  const [f, setF] = useState<DraftForm>(() =>
    existing ? draftForm(existing, timezone) : newDraft(Date.now(), timezone),
  );
  const set = (patch: Partial<DraftForm>) => setF({ ...f, ...patch });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = draftBody(f, timezone);
    if (existing) update.mutate({ id: existing.id, body }, { onSuccess: onDone });
    else create.mutate(body, { onSuccess: (r) => navigate(`/convoys/${encodeURIComponent(r.id)}`) });
  };
  const point = (id: string, p: PointText, change: (p: PointText) => void) =>
    (['lat', 'lon'] as const).map((axis) => (
      <Field key={axis} label={t(`convoys.form.${axis}`)} htmlFor={`${id}-${axis}`}>
        <input
          id={`${id}-${axis}`}
          inputMode="decimal"
          dir="ltr"
          required
          value={p[axis]}
          onChange={(e) => change({ ...p, [axis]: e.target.value })}
        />
      </Field>
    ));
  const removeButton = (onClick: () => void, label: string) => (
    <button type="button" className="btn btn-ghost btn-small" onClick={onClick} aria-label={label}>
      {t('convoys.form.remove')}
    </button>
  );
  return (
    <form
      className="panel convoy-form"
      onSubmit={submit}
      aria-label={existing ? t('convoys.form.edit') : t('convoys.form.title')}
    >
      <Field label={t('convoys.form.name')} htmlFor="convoy-name" help={t('convoys.form.name.help')}>
        <input
          id="convoy-name"
          required
          maxLength={200}
          dir="auto"
          value={f.name}
          onChange={(e) => set({ name: e.target.value })}
        />
      </Field>
      <p className="field-help">{t('convoys.form.route.help')}</p>
      <fieldset className="field-row">
        <legend>{t('convoys.form.start')}</legend>
        {point('convoy-start', f.start, (start) => set({ start }))}
      </fieldset>
      {f.via.map((p, i) => (
        <fieldset key={`via-${i}`} className="field-row">
          <legend>{t('convoys.form.via')}</legend>
          {point(`convoy-via-${i}`, p, (v) => set({ via: f.via.map((x, j) => (j === i ? v : x)) }))}
          {removeButton(
            () => set({ via: f.via.filter((_x, j) => j !== i) }),
            `${t('convoys.form.remove')}: ${t('convoys.form.via')}`,
          )}
        </fieldset>
      ))}
      <button type="button" className="btn btn-small" onClick={() => set({ via: [...f.via, { lat: '', lon: '' }] })}>
        {t('convoys.form.addVia')}
      </button>
      {f.destinations.map((d, i) => (
        <fieldset key={`destination-${i}`} className="field-row">
          <legend>{t('convoys.form.destination', { n: i + 1 })}</legend>
          <Field label={t('convoys.form.destinationName')} htmlFor={`convoy-destination-${i}-name`}>
            <input
              id={`convoy-destination-${i}-name`}
              required
              maxLength={200}
              dir="auto"
              value={d.name}
              onChange={(e) =>
                set({ destinations: f.destinations.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })
              }
            />
          </Field>
          {point(`convoy-destination-${i}`, d, (p) =>
            set({ destinations: f.destinations.map((x, j) => (j === i ? { ...x, ...p } : x)) }),
          )}
          {f.destinations.length > 1 &&
            removeButton(
              () => set({ destinations: f.destinations.filter((_x, j) => j !== i) }),
              `${t('convoys.form.remove')}: ${t('convoys.form.destination', { n: i + 1 })}`,
            )}
        </fieldset>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => set({ destinations: [...f.destinations, { name: '', lat: '', lon: '' }] })}
      >
        {t('convoys.form.addDestination')}
      </button>
      <div className="field-row">
        <DateField
          id="convoy-from"
          label={t('convoys.form.from')}
          withTime
          max={latestDay()}
          value={f.from}
          onChange={(from) => set({ from })}
        />
        <DateField
          id="convoy-to"
          label={t('convoys.form.to')}
          withTime
          max={latestDay()}
          value={f.to}
          onChange={(to) => set({ to })}
        />
      </div>
      <h3>{t('convoys.form.cargo')}</h3>
      {f.lines.map((l, i) => {
        const change = (patch: Partial<DraftForm['lines'][number]>) =>
          set({ lines: f.lines.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
        return (
          <fieldset key={`line-${i}`} className="field-row cargo-line" data-line={i}>
            <legend>{t('convoys.form.line', { n: i + 1 })}</legend>
            <Field label={t('convoys.form.item')} htmlFor={`convoy-line-${i}-item`}>
              <input
                id={`convoy-line-${i}-item`}
                required
                maxLength={200}
                dir="auto"
                value={l.item}
                onChange={(e) => change({ item: e.target.value })}
              />
            </Field>
            <Field label={t('convoys.form.quantity')} htmlFor={`convoy-line-${i}-quantity`}>
              <input
                id={`convoy-line-${i}-quantity`}
                required
                inputMode="decimal"
                dir="ltr"
                value={l.quantity}
                onChange={(e) => change({ quantity: e.target.value })}
              />
            </Field>
            <Field label={t('convoys.form.unit')} htmlFor={`convoy-line-${i}-unit`} help={t('convoys.form.unit.help')}>
              <input
                id={`convoy-line-${i}-unit`}
                required
                maxLength={40}
                dir="auto"
                value={l.unit}
                onChange={(e) => change({ unit: e.target.value })}
              />
            </Field>
            <Field label={t('convoys.form.sector')} htmlFor={`convoy-line-${i}-sector`}>
              <select
                id={`convoy-line-${i}-sector`}
                value={l.sector}
                onChange={(e) => change({ sector: e.target.value as CargoSector })}
              >
                {CARGO_SECTORS.map((s) => (
                  <option key={s} value={s}>
                    {nameOf.sectors(s)}
                  </option>
                ))}
              </select>
            </Field>
            {f.lines.length > 1 &&
              removeButton(
                () => set({ lines: f.lines.filter((_x, j) => j !== i) }),
                `${t('convoys.form.remove')}: ${t('convoys.form.line', { n: i + 1 })}`,
              )}
          </fieldset>
        );
      })}
      <button type="button" className="btn btn-small" onClick={() => set({ lines: [...f.lines, emptyLine()] })}>
        {t('convoys.form.addLine')}
      </button>
      <Field label={t('convoys.form.beneficiaries')} htmlFor="convoy-beneficiaries">
        <input
          id="convoy-beneficiaries"
          required
          inputMode="numeric"
          dir="ltr"
          value={f.beneficiaries}
          onChange={(e) => set({ beneficiaries: e.target.value })}
        />
      </Field>
      {write.error && <ErrorNotice error={write.error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('convoys.form.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={write.isPending}>
          {t('convoys.form.save')}
        </button>
      </div>
    </form>
  );
}
