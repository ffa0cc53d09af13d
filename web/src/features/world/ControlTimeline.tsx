/**
 * A zone's control history as a chart: a row per holder with a bar for each stretch it held the
 * zone. Time runs left to right in both languages (charts do not mirror); the holders' names sit
 * on the side the page reads from.
 */
import { useMemo } from 'react';
import { useWorld } from '../../api/world.tsx';
import { LOCALES } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ControlSpan, controlTimeline } from './control-timeline.ts';

/** Colours for holders, told apart from the verdicts' and the zones' own. */
const HOLDER_COLORS = ['#1d3557', '#b5651d', '#2a7f62', '#7b3f8c', '#a23b48', '#3d6fb6', '#6b6b2f', '#4f5d75'];

export function ControlTimeline({ control }: { control: readonly ControlSpan[] }) {
  const { t, lang, date, timezone } = useI18n();
  const { actorName } = useWorld();
  const timeline = useMemo(() => controlTimeline(control), [control]);
  if (!timeline) return null;
  const tick = (at: number, unit: 'year' | 'month') =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: timezone,
      year: 'numeric',
      ...(unit === 'month' ? { month: 'short' } : {}),
    }).format(at + 43_200_000); // midday of the first, so that no timezone moves it into the day before
  return (
    <figure className="control-chart" data-testid="control-chart">
      <figcaption className="muted small">{t('zone.timeline')}</figcaption>
      <ul className="control-rows">
        {timeline.rows.map((row, i) => (
          <li key={row.actor} className="control-row">
            <span className="control-actor" dir="auto">
              {actorName(row.actor)}
            </span>
            <span className="control-track" dir="ltr">
              {row.bars.map((b) => {
                const label = t('zone.timeline.bar', {
                  actor: actorName(row.actor),
                  period:
                    b.to === null
                      ? `${t('zone.control.since', { from: date(b.from) })} (${t('zone.timeline.ongoing')})`
                      : t('zone.control.between', { from: date(b.from), to: date(b.to) }),
                });
                return (
                  <span
                    key={b.entry}
                    role="img"
                    aria-label={label}
                    title={label}
                    className={`control-bar${b.to === null ? ' ongoing' : ''}`}
                    style={{
                      left: `${b.start * 100}%`,
                      width: `${Math.max((b.end - b.start) * 100, 0.8)}%`,
                      background: HOLDER_COLORS[i % HOLDER_COLORS.length],
                    }}
                  />
                );
              })}
            </span>
          </li>
        ))}
      </ul>
      <div className="control-axis" aria-hidden="true">
        <span />
        <span className="control-track" dir="ltr">
          {timeline.ticks.map((k) => (
            // A mark near an end of the axis is written inward, so that it is not cut off.
            <span
              key={k.at}
              className={`control-tick${k.x < 0.08 ? ' first' : k.x > 0.92 ? ' last' : ''}`}
              style={{ left: `${k.x * 100}%` }}
            >
              {tick(k.at, k.unit)}
            </span>
          ))}
        </span>
      </div>
    </figure>
  );
}
