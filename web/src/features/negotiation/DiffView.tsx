/** A word-by-word difference (src/domain/word-diff.ts): words removed struck through, words added underlined. */
import { type DiffRun, wordDiff } from '../../../../src/contract/negotiation.ts';
import { useI18n } from '../../i18n/i18n.tsx';

export function DiffView({ before, after }: { before: string; after: string }) {
  const { t } = useI18n();
  const runs: DiffRun[] = wordDiff(before, after);
  if (runs.every((r) => r.op === 'same')) return <p className="muted small">{t('negotiation.diff.same')}</p>;
  return (
    <p className="word-diff" dir="auto" data-testid="word-diff">
      {runs.map((r, i) => {
        const text = r.words.join(' ');
        const gap = i < runs.length - 1 ? ' ' : '';
        if (r.op === 'added')
          return (
            <span key={i}>
              <ins title={t('negotiation.diff.added')}>{text}</ins>
              {gap}
            </span>
          );
        if (r.op === 'removed')
          return (
            <span key={i}>
              <del title={t('negotiation.diff.removed')}>{text}</del>
              {gap}
            </span>
          );
        return <span key={i}>{text + gap}</span>;
      })}
    </p>
  );
}

/** A version as the words compared: its number and title, then its text. */
export const versionText = (v: { number: string; title: string; text: string } | undefined): string =>
  v ? `${v.number}. ${v.title}\n${v.text}` : '';
