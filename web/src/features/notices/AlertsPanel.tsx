/**
 * The alerts of the user's organization: its sites, movements and positions that a planned
 * operation comes near, each said in one sentence ("An operation is planned within 300 m of …
 * between …"). The server sends nothing of the operation but its window; neither does this.
 */
import { useWorld } from '../../api/world.tsx';
import { ErrorNotice, Loading } from '../../app/ui.tsx';
import { formatDateTimeRange } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { siteKind } from '../../i18n/statements.ts';
import { alertSentence, type NoticeWordsReader } from './notice-words.ts';
import { useAlerts } from './queries.ts';

/** The page's words for notices: names in the reader's language, dates in the truce's timezone. */
export function useNoticeWords(): NoticeWordsReader {
  const { lang, t, number, dateTime, timezone } = useI18n();
  const { actorName } = useWorld();
  return {
    lang,
    t,
    number,
    dateTime,
    actorName,
    siteKind: (k) => siteKind(k, lang),
    range: (from, to) => formatDateTimeRange(from, to, lang, timezone),
  };
}

export function AlertsPanel({ kinds }: { kinds: readonly string[] }) {
  const { t } = useI18n();
  const words = useNoticeWords();
  const alerts = useAlerts();
  const shown = (alerts.data ?? []).filter((a) => kinds.includes(a.target.kind));
  return (
    <section className="panel notice-alerts" aria-labelledby="notice-alerts-title" data-testid="notice-alerts">
      <h2 id="notice-alerts-title">{t('notices.alerts.title')}</h2>
      {alerts.error ? (
        <ErrorNotice error={alerts.error} onRetry={alerts.reload} />
      ) : !alerts.data ? (
        <Loading />
      ) : shown.length === 0 ? (
        <p className="empty">{t('notices.alerts.none')}</p>
      ) : (
        <ul className="plain">
          {shown.map((a) => (
            <li key={a.id} className="notice-alert" data-testid="notice-alert">
              {alertSentence(a, words)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
