/**
 * Changing an agreement in the web app (world:manage): a party's acceptance, a party's
 * withdrawal, a clause. Each change is previewed first (which findings it judges again, how many
 * verdicts change), then saved and judged.
 */
import { useState } from 'react';
import { ACTS, CLASSIFICATIONS } from '../../api/enums.ts';
import type { Agreement } from '../../api/world.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Field } from '../../app/ui.tsx';
import { instantOfLocal } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PreviewThenSave } from './change-preview.tsx';
import { type ClauseBody, useAddClause, useAddParty, useWithdrawParty } from './queries.ts';

const OBLIGATION_CODES = ['T1', 'T2', 'T2a', 'T3', 'T4', 'T5', 'M1'] as const;

export function AgreementEditor({ agreement: g }: { agreement: Agreement }) {
  const { t } = useI18n();
  return (
    <section className="section agreement-editor" aria-labelledby="edit-agreement" data-testid="agreement-editor">
      <h3 id="edit-agreement">{t('world.agreement.edit')}</h3>
      <div className="incident-grid">
        <AddParty agreement={g} />
        <WithdrawParty agreement={g} />
      </div>
      <AddClause agreement={g} />
    </section>
  );
}

function AddParty({ agreement: g }: { agreement: Agreement }) {
  const { t, timezone } = useI18n();
  const { actors } = useWorld();
  const [actor, setActor] = useState('');
  const [at, setAt] = useState('');
  const [channel, setChannel] = useState('');
  const [caveats, setCaveats] = useState('');
  const change = useAddParty(g.id);
  const parties = new Set(g.parties.filter((p) => p.until === null).map((p) => p.actor));
  return (
    <form className="panel" onSubmit={(e) => e.preventDefault()} data-testid="add-party">
      <h4>{t('world.party.add')}</h4>
      <Field label={t('world.party.actor')} htmlFor="p-actor">
        <select id="p-actor" value={actor} onChange={(e) => setActor(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {actors
            .filter((a) => !parties.has(a.id))
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </Field>
      <DateField id="p-at" label={t('world.party.acceptedAt')} withTime value={at} onChange={setAt} />
      <Field label={t('world.party.channel')} htmlFor="p-channel">
        <input id="p-channel" dir="auto" value={channel} onChange={(e) => setChannel(e.target.value)} />
      </Field>
      <Field label={t('world.party.caveats')} htmlFor="p-caveats" help={t('world.party.caveatsHelp')}>
        <textarea id="p-caveats" dir="auto" rows={2} value={caveats} onChange={(e) => setCaveats(e.target.value)} />
      </Field>
      <PreviewThenSave
        change={change}
        disabled={!actor || !at}
        body={() => ({
          actor,
          accepted_at: new Date(instantOfLocal(at, timezone)).toISOString(),
          until: null,
          channel: channel.trim() || null,
          caveats: caveats
            .split('\n')
            .map((c) => c.trim())
            .filter(Boolean),
        })}
      />
    </form>
  );
}

function WithdrawParty({ agreement: g }: { agreement: Agreement }) {
  const { t, timezone } = useI18n();
  const { actorName } = useWorld();
  const current = g.parties.filter((p) => p.until === null);
  const [actor, setActor] = useState('');
  const [at, setAt] = useState('');
  const change = useWithdrawParty(g.id);
  return (
    <form className="panel" onSubmit={(e) => e.preventDefault()} data-testid="withdraw-party">
      <h4>{t('world.party.withdraw')}</h4>
      <Field label={t('world.party.actor')} htmlFor="w-actor">
        <select id="w-actor" value={actor} onChange={(e) => setActor(e.target.value)}>
          <option value="">{t('common.none')}</option>
          {current.map((p) => (
            <option key={p.actor} value={p.actor}>
              {actorName(p.actor)}
            </option>
          ))}
        </select>
      </Field>
      <DateField id="w-at" label={t('world.party.withdrawnAt')} withTime value={at} onChange={setAt} />
      <PreviewThenSave
        change={change}
        disabled={!actor || !at}
        body={() => ({ actor, at: new Date(instantOfLocal(at, timezone)).toISOString() })}
      />
    </form>
  );
}

function AddClause({ agreement: g }: { agreement: Agreement }) {
  const { t, nameOf } = useI18n();
  const [code, setCode] = useState<ClauseBody['code']>('T1');
  const [text, setText] = useState('');
  const [acts, setActs] = useState<NonNullable<ClauseBody['acts']>>([]);
  const [classification, setClassification] = useState<NonNullable<ClauseBody['classification']>>(
    g.classification as NonNullable<ClauseBody['classification']>,
  );
  const change = useAddClause(g.id);
  return (
    <form className="panel" onSubmit={(e) => e.preventDefault()} data-testid="add-clause">
      <h4>{t('world.clause.add')}</h4>
      <div className="field-row">
        <Field label={t('world.clause.code')} htmlFor="c-code">
          <select id="c-code" value={code} onChange={(e) => setCode(e.target.value as ClauseBody['code'])}>
            {OBLIGATION_CODES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('report.classification')} htmlFor="c-classification">
          <select
            id="c-classification"
            value={classification}
            onChange={(e) => setClassification(e.target.value as typeof classification)}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {nameOf.classifications(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field label={t('world.clause.text')} htmlFor="c-text">
        <textarea id="c-text" dir="auto" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <fieldset className="relied-on acts-choice">
        <legend>{t('world.clause.acts')}</legend>
        {ACTS.map((a) => (
          <label key={a} className="check">
            <input
              type="checkbox"
              checked={acts.includes(a)}
              onChange={(e) => setActs(e.target.checked ? [...acts, a] : acts.filter((x) => x !== a))}
            />
            <span>{nameOf.acts(a)}</span>
          </label>
        ))}
      </fieldset>
      <PreviewThenSave
        change={change}
        disabled={!text.trim()}
        body={() => ({ code, text: text.trim(), acts, classification })}
      />
    </form>
  );
}
