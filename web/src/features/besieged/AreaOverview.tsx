/**
 * The dashboard's small map: the country's outline and each area at its place, a numbered mark
 * coloured by its status (areas are a few kilometres across: too small to see at a country's
 * scale), each a link to the area's page. A light static drawing (SVG), no map library.
 */
import { useI18n } from '../../i18n/i18n.tsx';
import { nameIn } from '../../i18n/record-names.ts';
import { navigate } from '../../app/router.tsx';
import { boxOf, middle, positions, project } from './area-shapes.ts';
import type { DashboardArea } from './queries.ts';
import { useCountryOutline } from './queries.ts';
import { SIEGE_COLOUR } from './SiegeBadge.tsx';

export function AreaOverview({ areas }: { areas: readonly DashboardArea[] }) {
  const { t, lang, nameOf, number } = useI18n();
  const outline = useCountryOutline();
  const country = outline.data?.features.map((f) => f.geometry.coordinates) ?? [];
  const marks = areas.flatMap((a, i) => {
    const box = boxOf(positions(a.geometry.coordinates));
    return box ? [{ a, n: i + 1, at: middle(box) }] : [];
  });
  const box = boxOf([...positions(country), ...marks.map((m) => m.at)]);
  if (!box) return null;
  const p = project(box, 400);
  const r = 9;
  return (
    <figure className="siege-overview" data-testid="siege-overview">
      <svg viewBox={p.viewBox} role="group" aria-label={t('besieged.map.label')}>
        {country.map((c, i) => (
          <path key={i} d={p.path(c)} className="siege-country" />
        ))}
        {marks.map(({ a, n, at }) => {
          const [x, y] = p.point(at);
          const colour = SIEGE_COLOUR[a.status?.status ?? 'no_longer_besieged'];
          const name = nameIn(lang, a);
          return (
            <a
              key={a.id}
              href={`/besieged/${encodeURIComponent(a.id)}`}
              aria-label={`${number(n)} ${name}: ${nameOf.besiegedStatuses(a.status?.status)}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/besieged/${encodeURIComponent(a.id)}`);
              }}
            >
              <title>{name}</title>
              <path d={p.path(a.geometry.coordinates)} fill={colour} opacity={0.5} />
              <circle cx={x} cy={y} r={r} fill={colour} stroke="#fff" strokeWidth={2} />
              <text x={x} y={y} dy="0.35em" textAnchor="middle" className="siege-mark">
                {number(n)}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {(['besieged', 'hard_to_reach', 'no_longer_besieged'] as const).map((s) => (
          <span key={s} className="siege-key">
            <span className="siege-swatch" style={{ background: SIEGE_COLOUR[s] }} aria-hidden="true" />
            {nameOf.besiegedStatuses(s)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
