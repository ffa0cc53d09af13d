/**
 * Convoy requests: those awaiting the reader's organization (the approver's queue: a decision for a
 * party it decides for; for the secretariat also a letter to record), its own, and all it may see.
 * Each by its name, organizer, destinations, window and state, with the step the reader may take.
 */
import { useSession } from '../../api/session.tsx';
import { useWorld } from '../../api/world.tsx';
import { Link, navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader, Tabs } from '../../app/ui.tsx';
import { formatDateTimeRange } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type Box, type ConvoyRequestItem, useConvoyRequests } from './queries.ts';
import { StateBadge } from './StateBadge.tsx';

const BOXES: Box[] = ['awaiting', 'mine', 'all'];

export function ConvoysPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  const asked = query.get('box');
  const box: Box = (BOXES as string[]).includes(asked ?? '') ? (asked as Box) : 'awaiting';
  const list = useConvoyRequests(box);
  return (
    <div className="page convoys-page">
      <PageHeader title={t('convoys.title')}>
        {can('convoy:organize') && (
          <Link to="/convoys/new" className="btn btn-primary">
            {t('convoys.new')}
          </Link>
        )}
      </PageHeader>
      <p className="muted">{t('convoys.intro')}</p>
      <Tabs
        label={t('convoys.title')}
        options={BOXES}
        value={box}
        name={(b) => t(`convoys.box.${b}`)}
        onChange={(b) => navigate(`/convoys?box=${b}`, { replace: true })}
      />
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <p className="empty">{t('convoys.none')}</p>
      ) : (
        <RequestTable items={list.data} />
      )}
    </div>
  );
}

function RequestTable({ items }: { items: ConvoyRequestItem[] }) {
  const { t, lang, timezone, nameOf } = useI18n();
  const { orgName } = useWorld();
  const list = (names: string[]) => names.join(lang === 'ar' ? '، ' : ', ');
  return (
    <div className="table-wrap">
      <table className="table table-cards" data-testid="convoy-table">
        <thead>
          <tr>
            <th scope="col">{t('convoys.col.name')}</th>
            <th scope="col">{t('convoys.col.organizer')}</th>
            <th scope="col">{t('convoys.col.destinations')}</th>
            <th scope="col">{t('convoys.col.window')}</th>
            <th scope="col">{t('convoys.col.state')}</th>
            <th scope="col">{t('convoys.col.next')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id} data-testid="convoy-row">
              <td className="cell-title">
                <Link to={`/convoys/${encodeURIComponent(r.id)}`} dir="auto">
                  {r.name}
                </Link>
                {(r.crosses_excluded.length > 0 || r.control_changed_at) && (
                  <div className="badges">
                    {r.crosses_excluded.length > 0 && (
                      <span className="badge verdict-needs_review">{t('convoys.flag.excluded')}</span>
                    )}
                    {r.control_changed_at && (
                      <span className="badge verdict-violation">{t('convoys.flag.controlChanged')}</span>
                    )}
                  </div>
                )}
              </td>
              <td data-label={t('convoys.col.organizer')} dir="auto">
                {orgName(r.organizer_org)}
              </td>
              <td data-label={t('convoys.col.destinations')} dir="auto">
                {list(r.destinations.map((d) => d.name))}
              </td>
              <td data-label={t('convoys.col.window')}>
                {formatDateTimeRange(r.window.from, r.window.to, lang, timezone)}
              </td>
              <td data-label={t('convoys.col.state')}>
                <StateBadge state={r.state} />
              </td>
              <td data-label={t('convoys.col.next')}>
                {r.next_steps.length > 0 ? list(r.next_steps.map((s) => nameOf.convoySteps(s))) : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
