/**
 * The text a report was confirmed from (docs/text-intake.md): what it is, when it was written and
 * taken in, the passage the report came from, and the whole text on demand with that passage
 * marked. Nothing at all when the report has no source or the reader may not see it (the server
 * answers alike).
 */
import { useI18n } from '../../i18n/i18n.tsx';
import { useReportSource } from './queries.ts';

export function ReportSource({ reportId }: { reportId: string }) {
  const { t, dateTime, day } = useI18n();
  const q = useReportSource(reportId);
  const s = q.data;
  if (!s) return null;
  const { start, end } = s.passage;
  return (
    <section className="card report-source" aria-labelledby="report-source-title" data-testid="report-source">
      <p className="card-kicker" id="report-source-title">
        {t('report.source.title')}
      </p>
      <h2 className="report-source-name" dir="auto" lang={s.language}>
        {s.title}
      </h2>
      <p className="muted small">
        {t(`report.source.kind.${s.kind}`)} · {t(`report.source.lang.${s.language}`)} ·{' '}
        {t('report.source.written', { day: day(s.text_date) })} ·{' '}
        {t('report.source.takenIn', { at: dateTime(s.received_at) })}
      </p>
      <figure className="report-source-passage">
        <figcaption className="small">{t('report.source.passage')}</figcaption>
        <blockquote dir="auto" lang={s.language}>
          {s.passage.text}
        </blockquote>
      </figure>
      <details className="report-source-whole">
        <summary>{t('report.source.read')}</summary>
        <p className="intake-text" dir="auto" lang={s.language} data-testid="report-source-text">
          {s.content.slice(0, start)}
          <mark>{s.content.slice(start, end)}</mark>
          {s.content.slice(end)}
        </p>
      </details>
    </section>
  );
}
