/**
 * The form of each step of a convoy request, opened by its action: a party's decision (with the
 * items to take out, line by line, and the destinations left out), the facilitation letter, the
 * dispatch, the arrival, the convoy turned back or attacked (where, by whom, the kind of access
 * constraint and who may see the incident recorded with it), and the delivery, line by line. Times
 * are asked in the truce's timezone and default to now; places are the route's, by their names.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorNotice, Field } from '../../app/ui.tsx';
import { instantOfLocal, localInputValue } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { whereName } from '../../i18n/where.ts';
import { CLASSIFICATIONS, type Classification } from '../../../../src/contract/access.ts';
import { ACCESS_CATEGORIES, type AccessCategory } from '../../../../src/contract/access-constraints.ts';
import { DECISIONS, type Decision } from '../../../../src/contract/convoy-requests.ts';
import { numberOf } from './convoy-form.ts';
import {
  type ConvoyRequest,
  useArrive,
  useAttack,
  useDecide,
  useDeliver,
  useDispatch,
  useLetter,
  useTurnBack,
} from './queries.ts';

type Step = Exclude<ConvoyRequest['next_steps'][number], 'submit'>;

/** The years a step's date may take: from the window's year to the next. */
const bounds = (r: ConvoyRequest) => {
  const year = new Date(r.window.from).getUTCFullYear();
  return { min: `${year - 1}-01-01`, max: `${Math.max(year, new Date().getUTCFullYear()) + 1}-12-31` };
};

export function StepForm({ step, r, onDone }: { step: Step; r: ConvoyRequest; onDone: () => void }) {
  switch (step) {
    case 'decide':
      return <DecisionForm r={r} onDone={onDone} />;
    case 'issue_letter':
      return <LetterForm r={r} onDone={onDone} />;
    case 'dispatch':
      return <DispatchForm r={r} onDone={onDone} />;
    case 'arrive':
      return <ArriveForm r={r} onDone={onDone} />;
    case 'turn_back':
    case 'report_attack':
      return <StoppedForm r={r} attack={step === 'report_attack'} onDone={onDone} />;
    case 'deliver':
      return <DeliveryForm r={r} onDone={onDone} />;
  }
}

/** A step's form: its fields, the time it happened, the server's problem if any, and its two buttons. */
function StepShell({
  step,
  r,
  when,
  setWhen,
  error,
  pending,
  onSubmit,
  onDone,
  children,
}: {
  step: Step;
  r: ConvoyRequest;
  when: string;
  setWhen: (v: string) => void;
  error: Error | null;
  pending: boolean;
  onSubmit: () => void;
  onDone: () => void;
  children: ReactNode;
}) {
  const { t, nameOf } = useI18n();
  const { min, max } = bounds(r);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="convoy-step-form" onSubmit={submit} aria-label={nameOf.convoySteps(step)} data-form={step}>
      <h3>{nameOf.convoySteps(step)}</h3>
      {children}
      <DateField
        id={`${step}-when`}
        label={t('convoys.step.when')}
        withTime
        min={min}
        max={max}
        value={when}
        onChange={setWhen}
      />
      {error && <ErrorNotice error={error} />}
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          {t('convoys.step.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={pending || !when}>
          {nameOf.convoySteps(step)}
        </button>
      </div>
    </form>
  );
}

function useWhen() {
  const { timezone } = useI18n();
  const [when, setWhen] = useState(() => localInputValue(Date.now(), timezone));
  return { when, setWhen, at: () => new Date(instantOfLocal(when, timezone)).toISOString() };
}

/** Parties to choose from: those asked first, then every other actor. */
function PartySelect({
  id,
  label,
  value,
  onChange,
  r,
  none,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  r: ConvoyRequest;
  none?: string;
}) {
  const { t } = useI18n();
  const { actors, actorName } = useWorld();
  const asked = r.required_approvals;
  return (
    <Field label={label} htmlFor={id}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {asked.map((a) => (
          <option key={a} value={a}>
            {actorName(a)}
          </option>
        ))}
        <optgroup label={t('convoys.stop.otherParties')}>
          {actors
            .filter((a) => !asked.includes(a.id))
            .map((a) => (
              <option key={a.id} value={a.id}>
                {actorName(a.id)}
              </option>
            ))}
        </optgroup>
      </select>
    </Field>
  );
}

function DecisionForm({ r, onDone }: { r: ConvoyRequest; onDone: () => void }) {
  const { t, nameOf, number } = useI18n();
  const { actorName } = useWorld();
  const decide = useDecide();
  const { when, setWhen, at } = useWhen();
  const [party, setParty] = useState(r.decides_for[0] ?? '');
  const [decision, setDecision] = useState<Decision>('approve');
  const [reason, setReason] = useState('');
  const [conditions, setConditions] = useState('');
  const [removed, setRemoved] = useState<string[]>(() => r.cargo.map(() => ''));
  const [left, setLeft] = useState<number[]>([]);
  const conditional = decision === 'approve_with_conditions';
  const send = () =>
    decide.mutate(
      {
        id: r.id,
        body: {
          actor: party,
          decision,
          reason,
          conditions: conditional ? conditions : '',
          removed: conditional
            ? removed.flatMap((q, line) => (numberOf(q) > 0 ? [{ line, quantity: numberOf(q) }] : []))
            : [],
          excluded_destinations: conditional ? left : [],
          decided_at: at(),
        },
      },
      { onSuccess: onDone },
    );
  return (
    <StepShell
      step="decide"
      r={r}
      when={when}
      setWhen={setWhen}
      error={decide.error}
      pending={decide.isPending}
      onSubmit={send}
      onDone={onDone}
    >
      <Field label={t('convoys.decide.party')} htmlFor="decide-party">
        <select id="decide-party" value={party} onChange={(e) => setParty(e.target.value)}>
          {r.decides_for.map((a) => (
            <option key={a} value={a}>
              {actorName(a)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="field-row">
        <legend>{t('convoys.decide.decision')}</legend>
        {DECISIONS.map((d) => (
          <label key={d} className="toggle">
            <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />{' '}
            {nameOf.decisions(d)}
          </label>
        ))}
      </fieldset>
      <Field label={t('convoys.decide.reason')} htmlFor="decide-reason" help={t('convoys.decide.reason.help')}>
        <textarea
          id="decide-reason"
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {conditional && (
        <>
          <Field label={t('convoys.decide.conditions')} htmlFor="decide-conditions">
            <textarea
              id="decide-conditions"
              rows={2}
              maxLength={2000}
              value={conditions}
              onChange={(e) => setConditions(e.target.value)}
            />
          </Field>
          <div className="field-row">
            {r.cargo.map((l, i) => (
              <Field
                key={i}
                label={t('convoys.decide.remove', { item: l.item, unit: l.unit, n: number(l.quantity) })}
                htmlFor={`decide-remove-${i}`}
              >
                <input
                  id={`decide-remove-${i}`}
                  inputMode="decimal"
                  dir="ltr"
                  value={removed[i] ?? ''}
                  onChange={(e) => setRemoved(removed.map((q, j) => (j === i ? e.target.value : q)))}
                />
              </Field>
            ))}
          </div>
          {r.destinations.length > 1 && (
            <fieldset>
              <legend>{t('convoys.decide.leaveOut')}</legend>
              {r.destinations.map((d, i) => (
                <label key={i} className="toggle">
                  <input
                    type="checkbox"
                    checked={left.includes(i)}
                    onChange={(e) => setLeft(e.target.checked ? [...left, i] : left.filter((x) => x !== i))}
                  />{' '}
                  {d.name}
                </label>
              ))}
            </fieldset>
          )}
        </>
      )}
    </StepShell>
  );
}

function LetterForm({ r, onDone }: { r: ConvoyRequest; onDone: () => void }) {
  const { t } = useI18n();
  const letter = useLetter();
  const { when, setWhen, at } = useWhen();
  const [reference, setReference] = useState('');
  const [by, setBy] = useState(r.required_approvals.at(-1) ?? '');
  const send = () =>
    letter.mutate(
      { id: r.id, body: { issued_at: at(), reference, issued_by: by === '' ? null : by } },
      { onSuccess: onDone },
    );
  return (
    <StepShell
      step="issue_letter"
      r={r}
      when={when}
      setWhen={setWhen}
      error={letter.error}
      pending={letter.isPending}
      onSubmit={send}
      onDone={onDone}
    >
      <div className="field-row">
        <Field label={t('convoys.letter.reference')} htmlFor="letter-reference">
          <input
            id="letter-reference"
            maxLength={200}
            value={reference}
            onChange={(e) => setReference(e.target.value)}
          />
        </Field>
        <PartySelect id="letter-by" label={t('convoys.letter.issuedBy')} value={by} onChange={setBy} r={r} none="—" />
      </div>
    </StepShell>
  );
}

function DispatchForm({ r, onDone }: { r: ConvoyRequest; onDone: () => void }) {
  const { t } = useI18n();
  const dispatch = useDispatch();
  const { when, setWhen, at } = useWhen();
  const [trucks, setTrucks] = useState('');
  const send = () =>
    dispatch.mutate({ id: r.id, body: { at: at(), trucks: Math.round(numberOf(trucks)) } }, { onSuccess: onDone });
  return (
    <StepShell
      step="dispatch"
      r={r}
      when={when}
      setWhen={setWhen}
      error={dispatch.error}
      pending={dispatch.isPending}
      onSubmit={send}
      onDone={onDone}
    >
      <Field label={t('convoys.dispatch.trucks')} htmlFor="dispatch-trucks">
        <input
          id="dispatch-trucks"
          inputMode="numeric"
          dir="ltr"
          required
          value={trucks}
          onChange={(e) => setTrucks(e.target.value)}
        />
      </Field>
    </StepShell>
  );
}

function ArriveForm({ r, onDone }: { r: ConvoyRequest; onDone: () => void }) {
  const arrive = useArrive();
  const { when, setWhen, at } = useWhen();
  return (
    <StepShell
      step="arrive"
      r={r}
      when={when}
      setWhen={setWhen}
      error={arrive.error}
      pending={arrive.isPending}
      onSubmit={() => arrive.mutate({ id: r.id, body: { at: at() } }, { onSuccess: onDone })}
      onDone={onDone}
    >
      {null}
    </StepShell>
  );
}

function StoppedForm({ r, attack, onDone }: { r: ConvoyRequest; attack: boolean; onDone: () => void }) {
  const { t, lang, nameOf } = useI18n();
  const turnBack = useTurnBack();
  const attacked = useAttack();
  const write = attack ? attacked : turnBack;
  const { when, setWhen, at } = useWhen();
  const points = r.route_points;
  const [where, setWhere] = useState(String(Math.max(0, points.length - 2)));
  const [by, setBy] = useState(attack ? '' : (r.required_approvals.at(-1) ?? ''));
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<AccessCategory>(
    attack ? 'violence_against_personnel_assets' : 'restriction_of_movement',
  );
  const [classification, setClassification] = useState<Classification>('task_force');
  const [killed, setKilled] = useState('');
  const send = () => {
    const p = points[Number(where)]!;
    const body = {
      at: at(),
      location: { lon: p.lon, lat: p.lat },
      by: by === '' ? null : by,
      reason,
      category,
      classification,
    };
    if (attack)
      attacked.mutate(
        { id: r.id, body: { ...body, killed: killed.trim() === '' ? null : Math.round(numberOf(killed)) } },
        { onSuccess: onDone },
      );
    else turnBack.mutate({ id: r.id, body }, { onSuccess: onDone });
  };
  return (
    <StepShell
      step={attack ? 'report_attack' : 'turn_back'}
      r={r}
      when={when}
      setWhen={setWhen}
      error={write.error}
      pending={write.isPending}
      onSubmit={send}
      onDone={onDone}
    >
      <p className="muted small">{t('convoys.stop.help')}</p>
      <div className="field-row">
        <Field label={t('convoys.stop.where')} htmlFor="stop-where">
          <select id="stop-where" value={where} onChange={(e) => setWhere(e.target.value)}>
            {points.map((p, i) => (
              <option key={i} value={i}>
                {whereName(p.where, lang) ?? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}`}
              </option>
            ))}
          </select>
        </Field>
        <PartySelect
          id="stop-by"
          label={t('convoys.stop.by')}
          value={by}
          onChange={setBy}
          r={r}
          none={t('convoys.unnamed')}
        />
      </div>
      <Field label={t('convoys.stop.reason')} htmlFor="stop-reason">
        <textarea
          id="stop-reason"
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <div className="field-row">
        <Field label={t('convoys.stop.category')} htmlFor="stop-category">
          <select id="stop-category" value={category} onChange={(e) => setCategory(e.target.value as AccessCategory)}>
            {ACCESS_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {nameOf.accessCategories(c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('convoys.stop.classification')} htmlFor="stop-classification">
          <select
            id="stop-classification"
            value={classification}
            onChange={(e) => setClassification(e.target.value as Classification)}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {nameOf.classifications(c)}
              </option>
            ))}
          </select>
        </Field>
        {attack && (
          <Field label={t('convoys.stop.killed')} htmlFor="stop-killed">
            <input
              id="stop-killed"
              inputMode="numeric"
              dir="ltr"
              value={killed}
              onChange={(e) => setKilled(e.target.value)}
            />
          </Field>
        )}
      </div>
    </StepShell>
  );
}

function DeliveryForm({ r, onDone }: { r: ConvoyRequest; onDone: () => void }) {
  const { t, number } = useI18n();
  const deliver = useDeliver();
  const { when, setWhen, at } = useWhen();
  const [reached, setReached] = useState('');
  const [lines, setLines] = useState(() =>
    r.cargo.map((l) => ({ delivered: String(l.approved), removed: '', by: '', why: '' })),
  );
  const set = (i: number, patch: Partial<(typeof lines)[number]>) =>
    setLines(lines.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const send = () =>
    deliver.mutate(
      {
        id: r.id,
        body: {
          at: at(),
          beneficiaries_reached: Math.round(numberOf(reached)),
          lines: lines.map((l) => {
            const removed = l.removed.trim() === '' ? 0 : numberOf(l.removed);
            return {
              delivered: numberOf(l.delivered),
              removed,
              removed_by: removed > 0 && l.by !== '' ? l.by : null,
              removal_reason: removed > 0 ? l.why : '',
            };
          }),
        },
      },
      { onSuccess: onDone },
    );
  return (
    <StepShell
      step="deliver"
      r={r}
      when={when}
      setWhen={setWhen}
      error={deliver.error}
      pending={deliver.isPending}
      onSubmit={send}
      onDone={onDone}
    >
      <Field label={t('convoys.deliver.beneficiaries')} htmlFor="deliver-reached">
        <input
          id="deliver-reached"
          inputMode="numeric"
          dir="ltr"
          required
          value={reached}
          onChange={(e) => setReached(e.target.value)}
        />
      </Field>
      {r.cargo.map((l, i) => (
        <fieldset key={i} className="delivery-line" data-line={i}>
          <legend dir="auto">
            {t('convoys.deliver.line', {
              item: l.item,
              n: number(l.quantity),
              unit: l.unit,
              approved: number(l.approved),
            })}
          </legend>
          <div className="field-row">
            <Field label={t('convoys.deliver.delivered')} htmlFor={`deliver-${i}-delivered`}>
              <input
                id={`deliver-${i}-delivered`}
                inputMode="decimal"
                dir="ltr"
                required
                value={lines[i]!.delivered}
                onChange={(e) => set(i, { delivered: e.target.value })}
              />
            </Field>
            <Field label={t('convoys.deliver.removed')} htmlFor={`deliver-${i}-removed`}>
              <input
                id={`deliver-${i}-removed`}
                inputMode="decimal"
                dir="ltr"
                value={lines[i]!.removed}
                onChange={(e) => set(i, { removed: e.target.value })}
              />
            </Field>
            {numberOf(lines[i]!.removed) > 0 && (
              <>
                <PartySelect
                  id={`deliver-${i}-by`}
                  label={t('convoys.deliver.removedBy')}
                  value={lines[i]!.by}
                  onChange={(v) => set(i, { by: v })}
                  r={r}
                  none={t('convoys.unnamed')}
                />
                <Field label={t('convoys.deliver.removalReason')} htmlFor={`deliver-${i}-why`}>
                  <input
                    id={`deliver-${i}-why`}
                    maxLength={500}
                    value={lines[i]!.why}
                    onChange={(e) => set(i, { why: e.target.value })}
                  />
                </Field>
              </>
            )}
          </div>
        </fieldset>
      ))}
    </StepShell>
  );
}
