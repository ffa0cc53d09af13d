/** The card of what was clicked on the map: an incident, a cluster, a zone, a site or a convoy. */
import { useWorld } from '../../api/world.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { ErrorNotice, isMissing, Loading, StatusBadge, VerdictBadge } from '../../app/ui.tsx';
import { useStatements } from '../../app/use-statements.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { localName } from '../../i18n/record-names.ts';
import { whereName } from '../../i18n/where.ts';
import { MAP_VERDICTS, VERDICT_COLORS } from '../../map/colors.ts';
import type { Cluster } from '../../map/incident-features.ts';
import { useIncident } from '../incidents/queries.ts';
import { useIncidentNames } from '../incidents/use-incident-names.ts';
import { worstVerdict } from '../incidents/verdicts.ts';

export type Selection =
  | { kind: 'incident'; id: string }
  | { kind: 'cluster'; cluster: Cluster }
  | { kind: 'zone'; id: string; name: string; nameAr: string | null; status: string; controllers: string[] }
  | { kind: 'site'; id: string; owner: string; siteKind: string; bufferM: number }
  | { kind: 'convoy'; id: string; organizer: string; from: string; to: string };

interface Props {
  selection: Selection;
  days: { from: string | null; to: string };
  onClose(): void;
  onZoom(bbox: number[]): void;
}

export function MapCard({ selection, days, onClose, onZoom }: Props) {
  const { t } = useI18n();
  return (
    <aside className="map-card" aria-label={t('common.open')} data-testid="map-card">
      <button type="button" className="card-close" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
      {selection.kind === 'incident' && <IncidentCard id={selection.id} />}
      {selection.kind === 'cluster' && <ClusterCard cluster={selection.cluster} days={days} onZoom={onZoom} />}
      {selection.kind === 'zone' && <ZoneCard {...selection} />}
      {selection.kind === 'site' && <SiteCard {...selection} />}
      {selection.kind === 'convoy' && <ConvoyCard {...selection} />}
    </aside>
  );
}

function IncidentCard({ id }: { id: string }) {
  const { t, nameOf, lang, incidentWhen, number } = useI18n();
  const names = useIncidentNames();
  const { sayAll } = useStatements();
  const { actorName } = useWorld();
  const q = useIncident(id);
  if (isMissing(q.error))
    return (
      <div className="card-body">
        <p>{t('notFound.incident')}</p>
      </div>
    );
  if (q.error) return <ErrorNotice error={q.error} />;
  if (!q.data) return <Loading />;
  const i = q.data;
  const verdict = worstVerdict(i.verdicts.map((v) => v.verdict));
  return (
    <div className="card-body">
      <p className="card-kicker">{nameOf.acts(i.act)}</p>
      <h2 dir="auto">{names.title(i)}</h2>
      <div className="badges">
        <VerdictBadge verdict={verdict} />
        <StatusBadge status={i.status} />
      </div>
      <dl className="facts">
        <dt>{t('incident.when')}</dt>
        <dd>{incidentWhen(i)}</dd>
        {whereName(i.where, lang) && (
          <>
            <dt>{t('incident.where')}</dt>
            <dd dir="auto">{whereName(i.where, lang)}</dd>
          </>
        )}
        <dt>{t('incident.perpetrator')}</dt>
        <dd>{actorName(i.perpetrator)}</dd>
        {i.deaths && (
          <>
            <dt>{t('incident.deaths')}</dt>
            <dd>
              {number(i.deaths.low)} / {number(i.deaths.best)} / {number(i.deaths.high)}
            </dd>
          </>
        )}
        <dt>{t('incidents.col.accounts')}</dt>
        <dd>{number(i.report_count)}</dd>
      </dl>
      {i.findings[0] && (
        <p className="explanation" dir="auto">
          {sayAll(i.findings[0].statements)}
        </p>
      )}
      <Link className="btn btn-primary btn-block" to={`/incidents/${encodeURIComponent(i.id)}`}>
        {t('map.incident.open')}
      </Link>
    </div>
  );
}

function ClusterCard({ cluster, days, onZoom }: { cluster: Cluster; days: Props['days']; onZoom(b: number[]): void }) {
  const { t, nameOf, number } = useI18n();
  // The box of the cluster's incidents, grown a little so those on its edge stay in.
  const [x1, y1, x2, y2] = cluster.bbox as [number, number, number, number];
  const box = [
    Math.floor((x1 - 1e-4) * 1e4) / 1e4,
    Math.floor((y1 - 1e-4) * 1e4) / 1e4,
    Math.ceil((x2 + 1e-4) * 1e4) / 1e4,
    Math.ceil((y2 + 1e-4) * 1e4) / 1e4,
  ];
  const params = new URLSearchParams({ ...(days.from ? { from: days.from } : {}), to: days.to, bbox: box.join(',') });
  return (
    <div className="card-body">
      <h2>{t('map.cluster', { count: number(cluster.count) })}</h2>
      <ul className="bars">
        {MAP_VERDICTS.filter((v) => cluster.verdicts[v] > 0).map((v) => (
          <li key={v}>
            <span className="bar-label">{nameOf.verdicts(v)}</span>
            <span className="bar-track">
              <span
                className="bar-fill"
                style={{ width: `${(100 * cluster.verdicts[v]) / cluster.count}%`, background: VERDICT_COLORS[v] }}
              />
            </span>
            <span className="bar-value">{number(cluster.verdicts[v])}</span>
          </li>
        ))}
      </ul>
      <div className="card-actions">
        <button type="button" className="btn" onClick={() => onZoom(cluster.bbox)}>
          {t('map.cluster.zoom')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => navigate(`/incidents?${params.toString()}`)}>
          {t('map.cluster.list')}
        </button>
      </div>
    </div>
  );
}

function ZoneCard({
  id,
  name,
  nameAr,
  status,
  controllers,
}: {
  id: string;
  name: string;
  nameAr: string | null;
  status: string;
  controllers: string[];
}) {
  const { t, lang, nameOf } = useI18n();
  const { actorName } = useWorld();
  return (
    <div className="card-body">
      <p className="card-kicker">{t('map.zone')}</p>
      <h2 dir="auto">{localName(lang, name, nameAr) || t('map.zone')}</h2>
      <p>
        <span className={`badge zone-${status}`}>{nameOf.zones(status)}</span>
      </p>
      <dl className="facts">
        <dt>{t('map.controllers')}</dt>
        <dd>{controllers.length ? controllers.map(actorName).join(', ') : t('common.unknown')}</dd>
      </dl>
      <Link className="btn btn-primary" to={`/zones/${encodeURIComponent(id)}`}>
        {t('zone.open')}
      </Link>
    </div>
  );
}

function SiteCard({ owner, siteKind, bufferM }: { owner: string; siteKind: string; bufferM: number }) {
  const { t, nameOf, number } = useI18n();
  const { actorName } = useWorld();
  return (
    <div className="card-body">
      <p className="card-kicker">{t('map.site')}</p>
      <h2>{nameOf.targets(siteKind)}</h2>
      <dl className="facts">
        <dt>{t('map.owner')}</dt>
        <dd>{actorName(owner)}</dd>
        <dt>{t('map.buffer')}</dt>
        <dd>{number(bufferM)}</dd>
      </dl>
    </div>
  );
}

function ConvoyCard({ organizer, from, to }: { organizer: string; from: string; to: string }) {
  const { t, dateTime } = useI18n();
  const { actorName } = useWorld();
  return (
    <div className="card-body">
      <p className="card-kicker">{t('map.convoy')}</p>
      <h2 dir="auto">{t('map.convoy.of', { organizer: actorName(organizer) })}</h2>
      <dl className="facts">
        <dt>{t('map.owner')}</dt>
        <dd>{actorName(organizer)}</dd>
        <dt>{t('common.from')}</dt>
        <dd>{dateTime(from)}</dd>
        {to && (
          <>
            <dt>{t('common.to')}</dt>
            <dd>{dateTime(to)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}
