/**
 * The incident list's Export menu: the incidents the filters match, as a file in each format the
 * server writes (GET /incidents/export, streamed), names and headings in the page's language. Each
 * entry is a plain download link: the browser keeps the file's name and shows its own progress.
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/en.ts';
import { EXPORT_FORMATS, type ExportFormat, type IncidentQuery, incidentExportUrl } from './queries.ts';

const WORDS: Record<ExportFormat, [name: MessageKey, hint: MessageKey]> = {
  geojson: ['incidents.export.geojson', 'incidents.export.geojson.hint'],
  ndjson: ['incidents.export.ndjson', 'incidents.export.ndjson.hint'],
  hxl: ['incidents.export.hxl', 'incidents.export.hxl.hint'],
  acled: ['incidents.export.acled', 'incidents.export.acled.hint'],
  bundle: ['incidents.export.bundle', 'incidents.export.bundle.hint'],
};

export function ExportMenu({ query }: { query: IncidentQuery }) {
  const { t, lang } = useI18n();
  const menu = useRef<HTMLDetailsElement>(null);

  // Closed by a click elsewhere or by Escape, as a menu is.
  useEffect(() => {
    const close = (e: Event) => {
      const el = menu.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) {
        el.open = false;
        if (e instanceof KeyboardEvent) el.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  return (
    <details className="export-menu" ref={menu} data-testid="export-menu">
      <summary className="btn btn-small">{t('incidents.export')}</summary>
      <div className="export-menu-panel">
        <p className="muted small">{t('incidents.export.intro')}</p>
        <ul>
          {EXPORT_FORMATS.map((format) => (
            <li key={format}>
              <a href={incidentExportUrl(query, format, lang)} download data-format={format}>
                <span className="export-name">{t(WORDS[format][0])}</span>
                <span className="muted small">{t(WORDS[format][1])}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
