/** What the map's colours mean. */
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { CONVOY_COLOR, MAP_VERDICTS, SITE_COLOR, VERDICT_COLORS, ZONE_COLORS } from '../../map/colors.ts';

const ZONES = ['covered', 'excluded', 'intermingled', 'uncovered'] as const;

export function Legend() {
  const { t, nameOf } = useI18n();
  // Folded on a phone, where it would cover much of the map; one tap opens it.
  const [open, setOpen] = useState(() => !globalThis.matchMedia?.('(max-width: 760px)').matches);
  return (
    <section className={`legend${open ? '' : ' legend-closed'}`} aria-labelledby="legend-title">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <h2 id="legend-title">{t('map.legend')}</h2>
        <span aria-hidden="true">{open ? '–' : '+'}</span>
      </button>
      {open && (
        <div className="legend-body">
          <h3>{t('map.legend.verdicts')}</h3>
          <ul>
            {MAP_VERDICTS.map((v) => (
              <li key={v}>
                <span className="swatch swatch-dot" style={{ background: VERDICT_COLORS[v] }} />
                {nameOf.verdicts(v)}
              </li>
            ))}
          </ul>
          <h3>{t('map.legend.zones')}</h3>
          <ul>
            {ZONES.map((z) => (
              <li key={z}>
                <span className="swatch" style={{ background: `${ZONE_COLORS[z]}44`, borderColor: ZONE_COLORS[z] }} />
                {nameOf.zones(z)}
              </li>
            ))}
          </ul>
          <h3>{t('map.legend.plans')}</h3>
          <ul>
            <li>
              <span className="swatch swatch-ring" style={{ borderColor: SITE_COLOR }} />
              {t('map.legend.site')}
            </li>
            <li>
              <span className="swatch swatch-line" style={{ borderColor: CONVOY_COLOR }} />
              {t('map.legend.convoy')}
            </li>
          </ul>
        </div>
      )}
    </section>
  );
}
