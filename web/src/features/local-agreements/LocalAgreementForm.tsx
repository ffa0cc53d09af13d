/**
 * Record a local agreement (local_agreement:manage): its names, its zone, the day it was
 * concluded, its terms and source, its parties and its mediators or guarantors (an actor of the
 * world, or a name for one who is none), and the change of control of the zone that followed it,
 * chosen among the zone's own entries.
 */
import { type FormEvent, useState } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../../../src/contract/access.ts';
import { LOCAL_AGREEMENT_ROLES, type LocalAgreementRole } from '../../../../src/contract/siege.ts';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { navigate } from '../../app/router.tsx';
import { ErrorNotice, Field, NameFields, PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { type AgreementBody, useRecordAgreement, useZoneControl } from './queries.ts';

interface PartyRow {
  role: LocalAgreementRole;
  /** An actor's id, or '' for a name. */
  actor: string;
  name: string;
}

export function NewLocalAgreementPage() {
  const { t } = useI18n();
  return (
    <div className="page local-agreement-new-page">
      <PageHeader title={t('localAgreements.new')} />
      <LocalAgreementForm />
    </div>
  );
}

function LocalAgreementForm() {
  const { t, lang, nameOf, dateTime } = useI18n();
  const { zones, actors, actorName } = useWorld();
  const record = useRecordAgreement();
  const [names, setNames] = useState(['', '']);
  const [zoneId, setZoneId] = useState('');
  const [concluded, setConcluded] = useState('');
  const [terms, setTerms] = useState('');
  const [source, setSource] = useState('');
  const [change, setChange] = useState('');
  const [classification, setClassification] = useState<Classification>('public');
  const [parties, setParties] = useState<PartyRow[]>([
    { role: 'party', actor: '', name: '' },
    { role: 'party', actor: '', name: '' },
  ]);
  const zone = useZoneControl(zoneId);
  const control = zoneId && zone.data ? [...zone.data].sort((a, b) => Date.parse(a.from) - Date.parse(b.from)) : [];
  const setParty = (i: number, patch: Partial<PartyRow>) =>
    setParties(parties.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const filled = parties.filter((p) => p.actor || (p.role !== 'party' && p.name.trim()));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: AgreementBody = {
      name: names[0]!,
      ...(names[1] ? { name_ar: names[1] } : {}),
      zone_id: zoneId,
      concluded_on: concluded,
      terms,
      source: source.trim() || null,
      control_change_at: change || null,
      classification,
      parties: filled.map((p) => (p.actor ? { role: p.role, actor: p.actor } : { role: p.role, name: p.name.trim() })),
    };
    record.mutate(body, { onSuccess: (g) => navigate(`/local-agreements/${encodeURIComponent(g.id)}`) });
  };
  return (
    <form
      className="panel siege-form"
      onSubmit={submit}
      aria-label={t('localAgreements.new')}
      data-testid="agreement-form"
    >
      <div className="field-row">
        <NameFields
          ids={['agreement-name', 'agreement-name-ar']}
          labels={[t('localAgreements.form.name'), t('localAgreements.form.name.ar')]}
          values={[names[0]!, names[1]!]}
          onChange={[(v) => setNames([v, names[1]!]), (v) => setNames([names[0]!, v])]}
        />
      </div>
      <div className="field-row">
        <Field label={t('localAgreements.zone')} htmlFor="agreement-zone">
          <select
            id="agreement-zone"
            required
            value={zoneId}
            onChange={(e) => {
              setZoneId(e.target.value);
              setChange('');
            }}
          >
            <option value="">{t('localAgreements.form.zone.choose')}</option>
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {nameIn(lang, z)}
              </option>
            ))}
          </select>
        </Field>
        <DateField
          id="agreement-concluded"
          label={t('localAgreements.concluded')}
          value={concluded}
          onChange={setConcluded}
        />
      </div>
      <fieldset>
        <legend>{t('localAgreements.form.parties')}</legend>
        <p className="field-help">{t('localAgreements.form.parties.help')}</p>
        {parties.map((p, i) => (
          <div className="field-row" key={i}>
            <Field label={t('localAgreements.form.role')} htmlFor={`party-${i}-role`}>
              <select
                id={`party-${i}-role`}
                value={p.role}
                onChange={(e) => setParty(i, { role: e.target.value as LocalAgreementRole })}
              >
                {LOCAL_AGREEMENT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {nameOf.localAgreementRoles(r)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('localAgreements.form.actor')} htmlFor={`party-${i}-actor`}>
              <select id={`party-${i}-actor`} value={p.actor} onChange={(e) => setParty(i, { actor: e.target.value })}>
                <option value="">
                  {p.role === 'party' ? t('localAgreements.form.actor.choose') : t('localAgreements.form.actor.named')}
                </option>
                {actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {actorName(a.id)}
                  </option>
                ))}
              </select>
            </Field>
            {p.role !== 'party' && !p.actor && (
              <Field label={t('localAgreements.form.named')} htmlFor={`party-${i}-name`}>
                <input
                  id={`party-${i}-name`}
                  dir="auto"
                  maxLength={200}
                  value={p.name}
                  onChange={(e) => setParty(i, { name: e.target.value })}
                />
              </Field>
            )}
          </div>
        ))}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => setParties([...parties, { role: 'mediator', actor: '', name: '' }])}
        >
          {t('localAgreements.form.addParty')}
        </button>
      </fieldset>
      <Field label={t('localAgreements.terms')} htmlFor="agreement-terms">
        <textarea
          id="agreement-terms"
          rows={4}
          maxLength={5000}
          dir="auto"
          value={terms}
          onChange={(e) => setTerms(e.target.value)}
        />
      </Field>
      <Field label={t('localAgreements.source')} htmlFor="agreement-source">
        <input
          id="agreement-source"
          maxLength={500}
          dir="auto"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </Field>
      <div className="field-row">
        <Field
          label={t('localAgreements.form.change')}
          htmlFor="agreement-change"
          help={t('localAgreements.form.change.help')}
        >
          <select id="agreement-change" value={change} onChange={(e) => setChange(e.target.value)} disabled={!zoneId}>
            <option value="">{t('localAgreements.form.change.none')}</option>
            {control.map((c) => (
              <option key={c.from} value={c.from}>
                {t('localAgreements.form.change.entry', {
                  when: dateTime(c.from),
                  holders: c.actors.map((a) => actorName(a)).join(lang === 'ar' ? '، ' : ', ') || t('common.unknown'),
                })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('localAgreements.form.classification')} htmlFor="agreement-classification">
          <select
            id="agreement-classification"
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
      </div>
      {record.error && <ErrorNotice error={record.error} />}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={
            record.isPending || !names[0]!.trim() || !zoneId || !concluded || !filled.some((p) => p.role === 'party')
          }
        >
          {t('localAgreements.form.save')}
        </button>
      </div>
    </form>
  );
}
