/**
 * The daily report (/report/daily): a day (picked in the page's language), an area (every
 * governorate, one of them, an area drawn on a map kept in the address as `polygon`, its ring
 * encoded: DrawArea.tsx; or a box given in the address as `bbox`) and an edition (the
 * reader's own, or the public one). The report itself is the server's HTML, the same the PDF prints
 * and the email sends (docs/daily-report.md), so that the page, the PDF and the email agree; the
 * page offers the PDF and the email's document. An organization's admins set its schedule below.
 */
import { useMemo, useState } from 'react';
import { decodeRing, MAX_DRAWN_TEXT } from '../../../../src/contract/geometry.ts';
import { useSession } from '../../api/session.tsx';
import { DateField } from '../../app/DateField.tsx';
import { navigate, useLocation } from '../../app/router.tsx';
import { ErrorNotice, Loading, PageHeader } from '../../app/ui.tsx';
import { addDays, localDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useGovernorates } from '../../map/use-governorates.ts';
import { readView } from '../map/map-time.ts';
import { useMapExtent } from '../map/queries.ts';
import { dailyReportUrl, type ReportScope, useDailyReport } from './queries.ts';
import { DrawArea } from './DrawArea.tsx';
import { ScheduleForm } from './ScheduleForm.tsx';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const BBOX_RE = /^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/;
/** The area select's value while an area drawn is the report's. */
const DRAWN = '*drawn';

/** An area drawn as the address holds it (an encoded ring), or null when it holds none that reads. */
function drawnIn(text: string | null): string | null {
  if (!text || text.length > MAX_DRAWN_TEXT) return null;
  const ring = decodeRing(text);
  return ring && ring.length >= 3 ? text : null;
}

/** The page's address for a choice. */
export function dailyReportPath(s: Omit<ReportScope, 'lang'>): string {
  const q = new URLSearchParams({ date: s.date });
  if (s.area) q.set('area', s.area);
  if (s.bbox) q.set('bbox', s.bbox);
  if (s.polygon) q.set('polygon', s.polygon);
  if (s.edition === 'public') q.set('edition', 'public');
  return `/report/daily?${q}`;
}

export function DailyReportPage() {
  const { t, lang, timezone } = useI18n();
  const { can } = useSession();
  const { query } = useLocation();
  const extent = useMapExtent();
  const governorates = useGovernorates();
  // Yesterday, the last whole day; or the day of the last incident recorded, when that is earlier (a past truce).
  const yesterday = addDays(localDate(Date.now(), timezone), -1);
  const last = extent.data?.last ? localDate(extent.data.last, timezone) : null;
  const fallback = last && last < yesterday ? last : yesterday;
  const ready = extent.data !== undefined || extent.error !== null;
  const scope: ReportScope = {
    date: DAY_RE.test(query.get('date') ?? '') ? query.get('date')! : fallback,
    area: query.get('area') || null,
    bbox: BBOX_RE.test(query.get('bbox') ?? '') ? query.get('bbox') : null,
    polygon: drawnIn(query.get('polygon')),
    edition: query.get('edition') === 'public' ? 'public' : 'cleared',
    lang,
  };
  const report = useDailyReport(scope, ready);
  const [drawing, setDrawing] = useState(false);
  const go = (change: Partial<ReportScope>) => navigate(dailyReportPath({ ...scope, ...change }), { replace: true });
  const areas = useMemo(
    () =>
      [...governorates].sort((a, b) =>
        (lang === 'ar' ? a.name_ar : a.name_en).localeCompare(lang === 'ar' ? b.name_ar : b.name_en, lang),
      ),
    [governorates, lang],
  );

  return (
    <div className="page daily-report-page">
      <PageHeader title={t('dailyReport.title')}>
        <div className="window-picker daily-report-picker" role="group" aria-label={t('dailyReport.choice')}>
          <DateField
            id="report-day"
            label={t('dailyReport.day')}
            value={scope.date}
            min="2011-01-01"
            max={yesterday > scope.date ? yesterday : scope.date}
            onChange={(v) => v && go({ date: v })}
          />
          <label>
            {t('dailyReport.area')}{' '}
            <select
              data-testid="report-area-choice"
              value={scope.area ?? (scope.polygon ? DRAWN : '')}
              // A governorate chosen replaces the area drawn.
              onChange={(e) => e.target.value !== DRAWN && go({ area: e.target.value || null, polygon: null })}
            >
              {scope.polygon && !scope.area && <option value={DRAWN}>{t('dailyReport.drawn')}</option>}
              <option value="">{t('dailyReport.allAreas')}</option>
              {areas.map((a) => (
                <option key={a.pcode} value={a.pcode}>
                  {lang === 'ar' ? a.name_ar : a.name_en}
                </option>
              ))}
              {scope.area && !areas.some((a) => a.pcode === scope.area) && (
                <option value={scope.area}>{scope.area}</option>
              )}
            </select>
          </label>
          <button
            type="button"
            className="btn"
            aria-expanded={drawing}
            aria-controls="draw-area"
            onClick={() => setDrawing((d) => !d)}
            data-testid="report-draw"
          >
            {t(scope.polygon ? 'dailyReport.drawAgain' : 'dailyReport.draw')}
          </button>
          <label>
            {t('dailyReport.edition')}{' '}
            <select
              data-testid="report-edition"
              value={scope.edition}
              onChange={(e) => go({ edition: e.target.value === 'public' ? 'public' : 'cleared' })}
            >
              <option value="cleared">{t('dailyReport.edition.cleared')}</option>
              <option value="public">{t('dailyReport.edition.public')}</option>
            </select>
          </label>
        </div>
      </PageHeader>
      {drawing && (
        <div id="draw-area">
          <DrawArea
            initial={scope.polygon}
            view={readView(query)}
            onApply={(polygon) => {
              // The area drawn replaces a governorate or a box chosen before.
              go({ polygon, area: null, bbox: null });
              setDrawing(false);
            }}
            onCancel={() => setDrawing(false)}
          />
        </div>
      )}
      <div className="daily-report-actions">
        <a className="btn" href={dailyReportUrl(scope, 'pdf')} download data-testid="report-pdf">
          {t('dailyReport.pdf')}
        </a>
        <a className="btn" href={dailyReportUrl(scope, 'html')} target="_blank" rel="noreferrer">
          {t('dailyReport.emailHtml')}
        </a>
        {(scope.bbox || scope.polygon) && (
          <button
            type="button"
            className="btn"
            onClick={() => go({ bbox: null, polygon: null })}
            data-testid="report-clear-drawn"
          >
            {t('dailyReport.clearDrawn')}
          </button>
        )}
      </div>
      {report.error ? (
        <ErrorNotice error={report.error} onRetry={report.reload} />
      ) : !report.data ? (
        <Loading />
      ) : (
        // The server's HTML: every value in it escaped there (render-daily-report.ts).
        <article
          className="panel daily-report-body"
          data-testid="daily-report"
          aria-busy={report.loading}
          dangerouslySetInnerHTML={{ __html: report.data }}
        />
      )}
      {can('accounts:manage') && <ScheduleForm areas={areas} drawn={scope.polygon} />}
    </div>
  );
}
