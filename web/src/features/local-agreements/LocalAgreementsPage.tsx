/**
 * Local agreements on a timeline: each reconciliation, surrender or evacuation deal the reader may
 * see, by the day it was concluded: its zone, parties, mediators and guarantors, its evacuations
 * (people moved, by category), and the change of control that followed it.
 */
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../app/ui.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { peopleMoved } from './agreement-words.ts';
import { type LocalAgreement, useLocalAgreements } from './queries.ts';

export function LocalAgreementsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useLocalAgreements();
  return (
    <div className="page local-agreements-page">
      <PageHeader title={t('localAgreements.title')}>
        {can('local_agreement:manage') && (
          <Link to="/local-agreements/new" className="btn btn-primary">
            {t('localAgreements.new')}
          </Link>
        )}
      </PageHeader>
      <p className="muted">{t('localAgreements.intro')}</p>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('localAgreements.none')}</p>
      ) : (
        <ol className="plain timeline agreement-timeline" data-testid="local-agreements">
          {[...list.data]
            .sort((a, b) => a.concluded_on.localeCompare(b.concluded_on))
            .map((g) => (
              <Entry key={g.id} g={g} />
            ))}
        </ol>
      )}
    </div>
  );
}

/** Parties and the others by role, as one line each. */
export function useRoles(g: Pick<LocalAgreement, 'parties'>) {
  const { lang } = useI18n();
  const { actorName } = useWorld();
  const sep = lang === 'ar' ? '، ' : ', ';
  const of = (role: string) =>
    g.parties
      .filter((p) => p.role === role)
      .map((p) => (p.actor ? actorName(p.actor) : (p.name ?? '')))
      .join(sep);
  return { parties: of('party'), mediators: of('mediator'), guarantors: of('guarantor') };
}

function Entry({ g }: { g: LocalAgreement }) {
  const { t, lang, day, dateTime, number } = useI18n();
  const { zoneName } = useWorld();
  const roles = useRoles(g);
  const moved = g.evacuations.reduce((n, e) => n + (peopleMoved(e.people) ?? 0), 0);
  return (
    <li data-testid="local-agreement">
      <time dateTime={g.concluded_on}>{day(g.concluded_on)}</time>
      <Link to={`/local-agreements/${encodeURIComponent(g.id)}`} dir="auto" className="cell-title">
        {nameIn(lang, g)}
      </Link>
      <div className="muted small" dir="auto">
        {zoneName(g.zone_id)}
      </div>
      <div dir="auto">{t('localAgreements.parties', { parties: roles.parties })}</div>
      {(roles.mediators || roles.guarantors) && (
        <div className="muted small" dir="auto">
          {[
            roles.mediators && t('localAgreements.mediators', { names: roles.mediators }),
            roles.guarantors && t('localAgreements.guarantors', { names: roles.guarantors }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
      )}
      {g.evacuations.length > 0 && (
        <div>{t('localAgreements.evacuations', { n: number(g.evacuations.length), people: number(moved) })}</div>
      )}
      {g.control_change_at && (
        <div className="muted small">{t('localAgreements.changeOn', { when: dateTime(g.control_change_at) })}</div>
      )}
    </li>
  );
}
