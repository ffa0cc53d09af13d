/**
 * One local agreement: its zone, parties, mediators and guarantors, terms, day and source; what
 * followed, on a timeline (the agreement, each evacuation, the change of control of the zone, with
 * who held it before and after, leading to that change's judged page); each evacuation with the
 * people moved by category, from where to where and its status. Who keeps them records an evacuation.
 */
import { type FormEvent, useState } from 'react';
import { EVACUATION_STATUSES, type EvacuationStatus } from '../../../../src/contract/siege.ts';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, Field, NameFields, recordFallback, Reference } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { numberOf } from '../convoys/convoy-form.ts';
import { changePath } from '../world/zone-links.ts';
import { useZone } from '../world/queries.ts';
import { controlChange, peopleMoved, placeName } from './agreement-words.ts';
import { useRoles } from './LocalAgreementsPage.tsx';
import { type LocalAgreement, useLocalAgreement, useRecordEvacuation } from './queries.ts';

export function LocalAgreementPage({ id }: { id: string }) {
  const { t, lang, day, timezoneLabel } = useI18n();
  const { zoneName } = useWorld();
  const { can } = useSession();
  const q = useLocalAgreement(id);
  const fallback = recordFallback(q, {
    title: t('localAgreements.notFound.title'),
    text: t('localAgreements.notFound'),
    back: { to: '/local-agreements', label: t('localAgreements.back') },
  });
  if (fallback || !q.data) return fallback;
  const g = q.data;
  return (
    <div className="page local-agreement-page">
      <p className="back-link">
        <Link to="/local-agreements">{t('localAgreements.back')}</Link>
      </p>
      <header className="page-header">
        <div>
          <p className="card-kicker">{t('localAgreements.kicker')}</p>
          <h1 dir="auto">{nameIn(lang, g)}</h1>
        </div>
      </header>
      <p className="muted small">{t('common.times', { zone: timezoneLabel })}</p>
      <Facts g={g} zone={zoneName(g.zone_id)} concluded={day(g.concluded_on)} />
      <Timeline g={g} />
      <Evacuations g={g} />
      {can('local_agreement:manage') && <EvacuationForm id={g.id} />}
      <Reference ids={[g.id, g.zone_id]} />
    </div>
  );
}

function Facts({ g, zone, concluded }: { g: LocalAgreement; zone: string; concluded: string }) {
  const { t } = useI18n();
  const roles = useRoles(g);
  return (
    <section className="panel" aria-labelledby="agreement-facts">
      <h2 id="agreement-facts">{t('localAgreements.facts')}</h2>
      <dl className="facts">
        <dt>{t('localAgreements.zone')}</dt>
        <dd dir="auto">
          <Link to={`/zones/${encodeURIComponent(g.zone_id)}`}>{zone}</Link>
        </dd>
        <dt>{t('localAgreements.concluded')}</dt>
        <dd>{concluded}</dd>
        <dt>{t('localAgreements.role.parties')}</dt>
        <dd dir="auto">{roles.parties || '—'}</dd>
        {roles.mediators && (
          <>
            <dt>{t('localAgreements.role.mediators')}</dt>
            <dd dir="auto">{roles.mediators}</dd>
          </>
        )}
        {roles.guarantors && (
          <>
            <dt>{t('localAgreements.role.guarantors')}</dt>
            <dd dir="auto">{roles.guarantors}</dd>
          </>
        )}
        <dt>{t('localAgreements.terms')}</dt>
        <dd dir="auto" className="pre-wrap" data-testid="agreement-terms">
          {g.terms || '—'}
        </dd>
        {g.source && (
          <>
            <dt>{t('localAgreements.source')}</dt>
            <dd dir="auto">{g.source}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

interface Event {
  key: string;
  /** For the order: a day (YYYY-MM-DD) or an instant. */
  sort: string;
  when: string;
  what: string;
  more?: string;
  link?: { to: string; label: string };
}

/** The agreement, each evacuation's start and end, and the change of control that followed, in order. */
function Timeline({ g }: { g: LocalAgreement }) {
  const { t, lang, day, dateTime, nameOf, number } = useI18n();
  const { actorName, zoneName } = useWorld();
  const zone = useZone(g.zone_id);
  const sep = lang === 'ar' ? '، ' : ', ';
  const names = (ids: string[] | null) =>
    ids && ids.length ? ids.map((a) => actorName(a)).join(sep) : t('common.unknown');
  const events: Event[] = [
    { key: 'concluded', sort: g.concluded_on, when: day(g.concluded_on), what: t('localAgreements.event.concluded') },
  ];
  for (const [i, e] of g.evacuations.entries()) {
    const moved = peopleMoved(e.people);
    events.push({
      key: `evacuation-${i}`,
      sort: e.started_on,
      when: e.ended_on && e.ended_on !== e.started_on ? `${day(e.started_on)} – ${day(e.ended_on)}` : day(e.started_on),
      what: t('localAgreements.event.evacuation', { status: nameOf.evacuationStatuses(e.status) }),
      more: [
        moved !== null ? t('localAgreements.people', { n: number(moved) }) : null,
        `${e.origins.map((p) => placeName(lang, p)).join(sep)} → ${e.destinations.map((p) => placeName(lang, p)).join(sep)}`,
      ]
        .filter(Boolean)
        .join(' · '),
    });
  }
  if (g.control_change_at) {
    const change = zone.data ? controlChange(zone.data.zone.control, g.control_change_at) : null;
    events.push({
      key: 'change',
      sort: g.control_change_at,
      when: dateTime(g.control_change_at),
      what: t('localAgreements.event.change', { zone: zoneName(g.zone_id) }),
      ...(change
        ? {
            more: t('localAgreements.event.change.holders', {
              before: names(change.before),
              after: names(change.after),
            }),
          }
        : {}),
      link: { to: changePath(g.zone_id, g.control_change_at), label: t('localAgreements.event.change.open') },
    });
  }
  events.sort((a, b) => a.sort.localeCompare(b.sort));
  return (
    <section className="panel" aria-labelledby="agreement-timeline">
      <h2 id="agreement-timeline">{t('localAgreements.timeline')}</h2>
      <ol className="plain timeline" data-testid="agreement-timeline">
        {events.map((e) => (
          <li key={e.key} data-event={e.key.split('-')[0]}>
            <time>{e.when}</time>
            <strong dir="auto">{e.what}</strong>
            {e.more && <div dir="auto">{e.more}</div>}
            {e.link && (
              <div>
                <Link to={e.link.to}>{e.link.label}</Link>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!g.control_change_at && <p className="muted small">{t('localAgreements.noChange')}</p>}
    </section>
  );
}

function Evacuations({ g }: { g: LocalAgreement }) {
  const { t, lang, day, nameOf, number } = useI18n();
  const sep = lang === 'ar' ? '، ' : ', ';
  const n = (v: number | null) => (v === null ? '—' : number(v));
  return (
    <section className="panel" aria-labelledby="agreement-evacuations">
      <h2 id="agreement-evacuations">{t('localAgreements.evacuations.title')}</h2>
      {g.evacuations.length === 0 ? (
        <p className="empty">{t('localAgreements.evacuations.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards" data-testid="evacuations">
            <thead>
              <tr>
                <th scope="col">{t('localAgreements.evacuation.when')}</th>
                <th scope="col">{t('localAgreements.evacuation.status')}</th>
                <th scope="col" className="num">
                  {t('localAgreements.evacuation.fighters')}
                </th>
                <th scope="col" className="num">
                  {t('localAgreements.evacuation.civilians')}
                </th>
                <th scope="col" className="num">
                  {t('localAgreements.evacuation.wounded')}
                </th>
                <th scope="col" className="num">
                  {t('localAgreements.evacuation.total')}
                </th>
                <th scope="col">{t('localAgreements.evacuation.route')}</th>
              </tr>
            </thead>
            <tbody>
              {g.evacuations.map((e) => (
                <tr key={e.id}>
                  <td className="cell-title">
                    {e.ended_on ? `${day(e.started_on)} – ${day(e.ended_on)}` : day(e.started_on)}
                  </td>
                  <td data-label={t('localAgreements.evacuation.status')}>{nameOf.evacuationStatuses(e.status)}</td>
                  <td className="num" data-label={t('localAgreements.evacuation.fighters')}>
                    {n(e.people.fighters)}
                  </td>
                  <td className="num" data-label={t('localAgreements.evacuation.civilians')}>
                    {n(e.people.civilians)}
                  </td>
                  <td className="num" data-label={t('localAgreements.evacuation.wounded')}>
                    {n(e.people.wounded)}
                  </td>
                  <td className="num" data-label={t('localAgreements.evacuation.total')}>
                    {n(peopleMoved(e.people))}
                  </td>
                  <td data-label={t('localAgreements.evacuation.route')}>
                    <div className="cell-lines" dir="auto">
                      {t('localAgreements.evacuation.fromTo', {
                        from: e.origins.map((p) => placeName(lang, p)).join(sep),
                        to: e.destinations.map((p) => placeName(lang, p)).join(sep),
                      })}
                      {e.source && (
                        <div className="muted small">{t('localAgreements.sourced', { source: e.source })}</div>
                      )}
                      {e.note && <div className="muted small">{e.note}</div>}
                    </div>
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

const count = (text: string): number | null => {
  const n = numberOf(text);
  return text.trim() === '' || !Number.isInteger(n) || n < 0 ? null : n;
};

/** An evacuation: its status and days, the people moved by category, one place it left from and one it went to. */
function EvacuationForm({ id }: { id: string }) {
  const { t, nameOf } = useI18n();
  const record = useRecordEvacuation(id);
  const [status, setStatus] = useState<EvacuationStatus>('completed');
  const [started, setStarted] = useState('');
  const [ended, setEnded] = useState('');
  const [people, setPeople] = useState({ fighters: '', civilians: '', wounded: '', total: '' });
  const [origin, setOrigin] = useState(['', '']);
  const [destination, setDestination] = useState(['', '']);
  const [source, setSource] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      {
        status,
        started_on: started,
        ended_on: ended || null,
        people: {
          fighters: count(people.fighters),
          civilians: count(people.civilians),
          wounded: count(people.wounded),
          total: count(people.total),
        },
        origins: [{ name: origin[0]!, ...(origin[1] ? { name_ar: origin[1] } : {}) }],
        destinations: [{ name: destination[0]!, ...(destination[1] ? { name_ar: destination[1] } : {}) }],
        source: source.trim() || null,
        note: '',
      },
      { onSuccess: () => setPeople({ fighters: '', civilians: '', wounded: '', total: '' }) },
    );
  };
  return (
    <form
      className="panel siege-form"
      onSubmit={submit}
      aria-labelledby="evacuation-form-title"
      data-testid="evacuation-form"
    >
      <h2 id="evacuation-form-title">{t('localAgreements.evacuation.add')}</h2>
      <div className="field-row">
        <Field label={t('localAgreements.evacuation.status')} htmlFor="evacuation-status">
          <select id="evacuation-status" value={status} onChange={(e) => setStatus(e.target.value as EvacuationStatus)}>
            {EVACUATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {nameOf.evacuationStatuses(s)}
              </option>
            ))}
          </select>
        </Field>
        <DateField
          id="evacuation-started"
          label={t('localAgreements.evacuation.started')}
          value={started}
          onChange={setStarted}
        />
        <DateField
          id="evacuation-ended"
          label={t('localAgreements.evacuation.ended')}
          value={ended}
          onChange={setEnded}
          clearable
        />
      </div>
      <fieldset className="field-row">
        <legend>{t('localAgreements.evacuation.people')}</legend>
        {(['fighters', 'civilians', 'wounded', 'total'] as const).map((k) => (
          <Field key={k} label={t(`localAgreements.evacuation.${k}`)} htmlFor={`evacuation-${k}`}>
            <input
              id={`evacuation-${k}`}
              inputMode="numeric"
              dir="ltr"
              value={people[k]}
              onChange={(e) => setPeople({ ...people, [k]: e.target.value })}
            />
          </Field>
        ))}
      </fieldset>
      <div className="field-row">
        <NameFields
          ids={['evacuation-origin', 'evacuation-origin-ar']}
          labels={[t('localAgreements.evacuation.origin'), t('localAgreements.evacuation.origin.ar')]}
          values={[origin[0]!, origin[1]!]}
          onChange={[(v) => setOrigin([v, origin[1]!]), (v) => setOrigin([origin[0]!, v])]}
        />
      </div>
      <div className="field-row">
        <NameFields
          ids={['evacuation-destination', 'evacuation-destination-ar']}
          labels={[t('localAgreements.evacuation.destination'), t('localAgreements.evacuation.destination.ar')]}
          values={[destination[0]!, destination[1]!]}
          onChange={[(v) => setDestination([v, destination[1]!]), (v) => setDestination([destination[0]!, v])]}
        />
      </div>
      <Field label={t('localAgreements.source')} htmlFor="evacuation-source">
        <input
          id="evacuation-source"
          maxLength={500}
          dir="auto"
          value={source}
          onChange={(e) => setSource(e.target.value)}
        />
      </Field>
      {record.error && <ErrorNotice error={record.error} />}
      {record.isSuccess && <p className="notice notice-success">{t('localAgreements.evacuation.added')}</p>}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={record.isPending || !started || !origin[0]!.trim() || !destination[0]!.trim()}
        >
          {t('localAgreements.evacuation.add')}
        </button>
      </div>
    </form>
  );
}
