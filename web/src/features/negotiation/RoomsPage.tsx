/**
 * The negotiation rooms of the reader's organization (no other is listed: a room shows to its
 * members only), and, for a co-chair's user who may write, a form to open one for an agreement.
 */
import { type FormEvent, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { ErrorNotice, Field, Loading, PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useOpenRoom, useRooms } from './queries.ts';

export function RoomsPage() {
  const { t, dateTime } = useI18n();
  const { can, me } = useSession();
  const { agreementTitle } = useWorld();
  const list = useRooms();
  return (
    <div className="page negotiation-page">
      <PageHeader title={t('negotiation.title')} />
      <p className="muted">{t('negotiation.intro')}</p>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('negotiation.none')}</p>
      ) : (
        <ul className="plain room-list" data-testid="rooms">
          {list.data.map((r) => (
            <li key={r.id} className="panel">
              <Link to={`/negotiation/${encodeURIComponent(r.id)}`} dir="auto" className="cell-title">
                {r.title}
              </Link>
              <div className="muted small" dir="auto">
                {t('negotiation.drafts', { agreement: agreementTitle(r.agreement_id) })} ·{' '}
                {t('negotiation.opened', { when: dateTime(r.created_at) })}
              </div>
            </li>
          ))}
        </ul>
      )}
      {can('negotiation:write') && me?.org_kind === 'co_chair' && <OpenRoom />}
    </div>
  );
}

function OpenRoom() {
  const { t, lang } = useI18n();
  const { agreements } = useWorld();
  const open = useOpenRoom();
  const [title, setTitle] = useState('');
  const [agreement, setAgreement] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate(
      { title, agreement_id: agreement },
      { onSuccess: (room) => navigate(`/negotiation/${encodeURIComponent(room.id)}`) },
    );
  };
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="open-room">
      <h2 id="open-room">{t('negotiation.open')}</h2>
      <Field label={t('negotiation.roomTitle')} htmlFor="room-title">
        <input id="room-title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </Field>
      <Field label={t('negotiation.agreement')} htmlFor="room-agreement">
        <select id="room-agreement" value={agreement} onChange={(e) => setAgreement(e.target.value)} required>
          <option value="">{t('negotiation.chooseAgreement')}</option>
          {agreements.map((a) => (
            <option key={a.id} value={a.id}>
              {(lang === 'ar' && a.title_ar) || a.title}
            </option>
          ))}
        </select>
      </Field>
      {open.error && <ErrorNotice error={open.error} />}
      <button type="submit" className="btn btn-primary" disabled={open.isPending}>
        {t('negotiation.openSubmit')}
      </button>
    </form>
  );
}
