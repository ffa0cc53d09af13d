/**
 * The schedules of an agreement published from a negotiation room (docs/negotiation.md): its
 * parties, each with when it accepted, through what channel, with what caveats (and when it
 * withdrew), and, for those who may write in the room, a form to record another party's acceptance:
 * the party by its name, the date and time in the page's date field, in the truce's timezone.
 */
import { type FormEvent, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorNotice, Field } from '../../app/ui.tsx';
import { acceptanceBody } from '../world/acceptance-body.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Room, useRecordAcceptance } from './queries.ts';

export function Schedules({ room }: { room: Room }) {
  const { t, dateTime, lang } = useI18n();
  const { actorName } = useWorld();
  const { can } = useSession();
  const sep = lang === 'ar' ? '؛ ' : '; ';
  const parties = room.agreement.parties;
  return (
    <section className="panel schedules" aria-labelledby="room-schedules" data-testid="room-schedules">
      <h2 id="room-schedules">{t('negotiation.schedules')}</h2>
      <p className="muted small">{t('negotiation.schedulesIntro')}</p>
      {parties.length === 0 ? (
        <p className="empty">{t('negotiation.noParties')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-cards" data-testid="room-parties">
            <thead>
              <tr>
                <th scope="col">{t('agreement.party')}</th>
                <th scope="col">{t('negotiation.accepted')}</th>
                <th scope="col">{t('agreement.channel')}</th>
                <th scope="col">{t('agreement.caveats')}</th>
              </tr>
            </thead>
            <tbody>
              {parties.map((p, i) => (
                <tr key={`${p.actor}-${i}`}>
                  <th scope="row" dir="auto">
                    {actorName(p.actor)}
                  </th>
                  <td data-label={t('negotiation.accepted')}>
                    {dateTime(p.accepted_at)}
                    {p.until && ` · ${t('negotiation.withdrew', { when: dateTime(p.until) })}`}
                  </td>
                  <td data-label={t('agreement.channel')} dir="auto">
                    {p.channel ? actorName(p.channel) : t('negotiation.notRecorded')}
                  </td>
                  <td data-label={t('agreement.caveats')} dir="auto">
                    {p.caveats.length ? p.caveats.join(sep) : t('agreement.noCaveats')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {can('negotiation:write') && <AcceptanceForm roomId={room.room.id} />}
    </section>
  );
}

function AcceptanceForm({ roomId }: { roomId: string }) {
  const { t, timezone, timezoneLabel, dateTime } = useI18n();
  const { actors, actorName } = useWorld();
  const record = useRecordAcceptance(roomId);
  const [actor, setActor] = useState('');
  const [at, setAt] = useState('');
  const [channel, setChannel] = useState('');
  const [caveats, setCaveats] = useState('');
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="form acceptance-form"
      aria-labelledby="record-acceptance"
      data-testid="record-acceptance"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        const body = acceptanceBody({ actor, at, channel, caveats }, timezone);
        const acceptedAt = body.accepted_at;
        setDone(null);
        record.mutate(body, {
          onSuccess: () => {
            setDone(t('negotiation.recorded', { party: actorName(actor), when: dateTime(acceptedAt) }));
            setActor('');
            setAt('');
            setChannel('');
            setCaveats('');
          },
        });
      }}
    >
      <h3 id="record-acceptance">{t('negotiation.recordAcceptance')}</h3>
      <Field label={t('world.party.actor')} htmlFor="acceptance-actor">
        <select id="acceptance-actor" value={actor} onChange={(e) => setActor(e.target.value)} required>
          <option value="">{t('common.none')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {actorName(a.id)}
            </option>
          ))}
        </select>
      </Field>
      <DateField
        id="acceptance-at"
        label={t('world.party.acceptedAt')}
        help={t('negotiation.acceptedAtHelp', { zone: timezoneLabel })}
        withTime
        value={at}
        onChange={setAt}
      />
      <Field label={t('agreement.channel')} htmlFor="acceptance-channel" help={t('negotiation.channelHelp')}>
        <input id="acceptance-channel" dir="auto" value={channel} onChange={(e) => setChannel(e.target.value)} />
      </Field>
      <Field label={t('world.party.caveats')} htmlFor="acceptance-caveats" help={t('world.party.caveatsHelp')}>
        <textarea
          id="acceptance-caveats"
          dir="auto"
          rows={2}
          value={caveats}
          onChange={(e) => setCaveats(e.target.value)}
        />
      </Field>
      {record.error && <ErrorNotice error={record.error} />}
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={!actor || !at || record.isPending}>
        {t('negotiation.recordSubmit')}
      </button>
    </form>
  );
}
