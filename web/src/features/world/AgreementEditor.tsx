/**
 * Changing an agreement in the web app (world:manage): its terms (its title in English and in
 * Arabic, periods in force, scope, exclusions, prohibited acts, self-defence), a party's
 * acceptance, a party's withdrawal, a clause. Each change is previewed first (which findings it
 * judges again, how many verdicts change), then saved and judged.
 */
import { useState } from 'react';
import { ACTS, CLASSIFICATIONS } from '../../api/enums.ts';
import type { Agreement } from '../../api/world.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Field, NameFields } from '../../app/ui.tsx';
import { instantOfLocal, localInputValue } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { PreviewThenSave } from './change-preview.tsx';
import { acceptanceBody } from './acceptance-body.ts';
import { ExcludedGroups, type ScopeChoice, ScopeFields } from './TermsFields.tsx';
import {
  type ClauseBody,
  type TermsBody,
  useAddClause,
  useAddParty,
  useChangeTerms,
  useWithdrawParty,
} from './queries.ts';

const OBLIGATION_CODES = ['T1', 'T2', 'T2a', 'T3', 'T4', 'T5', 'M1'] as const;

export function AgreementEditor({ agreement: g }: { agreement: Agreement }) {
  const { t } = useI18n();
  return (
    <section className="section agreement-editor" aria-labelledby="edit-agreement" data-testid="agreement-editor">
      <h3 id="edit-agreement">{t('world.agreement.edit')}</h3>
      <ChangeTerms agreement={g} />
      <div className="incident-grid">
        <AddParty agreement={g} />
        <WithdrawParty agreement={g} />
      </div>
      <AddClause agreement={g} />
    </section>
  );
}

interface Period {
  from: string;
  to: string;
}

/** The terms: every field starts from the agreement as it stands; the scope is kept unless another is chosen. */
function ChangeTerms({ agreement: g }: { agreement: Agreement }) {
  const { t, nameOf, timezone } = useI18n();
  const { organizations, orgName } = useWorld();
  const coChairOrgs = organizations.filter((o) => o.kind === 'co_chair');
  const local = (iso: string | null) => (iso === null ? '' : localInputValue(Date.parse(iso), timezone));
  const [title, setTitle] = useState(g.title);
  const [titleAr, setTitleAr] = useState(g.title_ar ?? '');
  const [periods, setPeriods] = useState<Period[]>(() =>
    g.in_force.map((f) => ({ from: local(f.from), to: local(f.to) })),
  );
  const [excluded, setExcluded] = useState<string[]>(g.excluded);
  const [prohibited, setProhibited] = useState<string[]>(g.prohibited);
  const [selfDefense, setSelfDefense] = useState(g.self_defense);
  const [coChairs, setCoChairs] = useState<string[]>(g.co_chairs);
  const [scope, setScope] = useState<ScopeChoice>('keep');
  const [areas, setAreas] = useState<string[]>([]);
  const change = useChangeTerms(g.id);
  const toggle = (list: string[], set: (l: string[]) => void, value: string, on: boolean) =>
    set(on ? [...list, value] : list.filter((x) => x !== value));
  const setPeriod = (i: number, p: Partial<Period>) =>
    setPeriods(periods.map((q, j) => (j === i ? { ...q, ...p } : q)));
  const instant = (v: string) => new Date(instantOfLocal(v, timezone)).toISOString();
  const body = (): TermsBody => ({
    title: title.trim(),
    title_ar: titleAr.trim() || null,
    in_force: periods.map((p) => ({ from: instant(p.from), to: p.to ? instant(p.to) : null })),
    excluded,
    prohibited: prohibited as TermsBody['prohibited'],
    self_defense: selfDefense,
    co_chairs: coChairs,
    ...(scope === 'everywhere' ? { scope: null } : scope === 'areas' ? { scope_areas: areas } : {}),
  });
  return (
    <form className="panel terms" onSubmit={(e) => e.preventDefault()} data-testid="change-terms">
      <h4>{t('world.terms')}</h4>
      <div className="field-row">
        <NameFields
          ids={['t-title', 't-title-ar']}
          labels={[t('world.terms.title'), t('world.terms.titleAr')]}
          values={[title, titleAr]}
          onChange={[setTitle, setTitleAr]}
        />
      </div>
      <fieldset>
        <legend>{t('agreement.inForce')}</legend>
        {periods.map((p, i) => (
          <div className="field-row period" key={i}>
            <DateField
              id={`t-from-${i}`}
              label={t('world.terms.from')}
              withTime
              value={p.from}
              onChange={(v) => setPeriod(i, { from: v })}
            />
            <DateField
              id={`t-to-${i}`}
              label={t('world.terms.to')}
              withTime
              value={p.to}
              onChange={(v) => setPeriod(i, { to: v })}
            />
            <button
              type="button"
              className="btn btn-ghost btn-small"
              onClick={() => setPeriods(periods.filter((_, j) => j !== i))}
            >
              {t('world.terms.removePeriod')}
            </button>
          </div>
        ))}
        <button type="button" className="btn btn-small" onClick={() => setPeriods([...periods, { from: '', to: '' }])}>
          {t('world.terms.addPeriod')}
        </button>
      </fieldset>
      <ScopeFields
        name="t-scope"
        scope={scope}
        areas={areas}
        onScope={setScope}
        onAreas={setAreas}
        testId="scope-areas"
      />
      <fieldset>
        <legend>{t('agreement.excluded')}</legend>
        <ExcludedGroups
          id="t-exclude"
          excluded={excluded}
          onChange={setExcluded}
          testId="excluded"
          selectClassName="add-excluded"
        />
      </fieldset>
      <fieldset className="acts-choice">
        <legend>{t('agreement.prohibited')}</legend>
        {ACTS.map((a) => (
          <label key={a} className="check">
            <input
              type="checkbox"
              checked={prohibited.includes(a)}
              onChange={(e) => toggle(prohibited, setProhibited, a, e.target.checked)}
            />
            <span>{nameOf.acts(a)}</span>
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={selfDefense} onChange={(e) => setSelfDefense(e.target.checked)} />
        <span>{t('agreement.selfDefense')}</span>
      </label>
      {coChairOrgs.length > 0 && (
        <fieldset className="acts-choice">
          <legend>{t('world.terms.coChairs')}</legend>
          <p className="muted small">{t('world.terms.coChairsHelp')}</p>
          {coChairOrgs.map((o) => (
            <label key={o.id} className="check">
              <input
                type="checkbox"
                checked={coChairs.includes(o.id)}
                onChange={(e) => toggle(coChairs, setCoChairs, o.id, e.target.checked)}
              />
              <span>{orgName(o.id)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <PreviewThenSave
        change={change}
        disabled={periods.some((p) => !p.from) || (scope === 'areas' && areas.length === 0)}
        body={body}
      />
    </form>
  );
}

function AddParty({ agreement: g }: { agreement: Agreement }) {
  const { t, timezone } = useI18n();
  const { actors, actorName } = useWorld();
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
                {actorName(a.id)}
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
        body={() => acceptanceBody({ actor, at, channel, caveats }, timezone)}
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
