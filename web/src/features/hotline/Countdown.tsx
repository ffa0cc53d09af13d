/**
 * A hotline thread's live countdown to its acknowledgement deadline ("9:05 left to acknowledge",
 * "overdue, escalated to the secretariat" after) and its priority's badge: the hotline page's and the
 * deconfliction console's. The time is the server's (`useServerNow`, corrected by `clockSkew`).
 */
import { useEffect, useState } from 'react';
import type { HotlinePriority } from '../../../../src/contract/hotline.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { countdownText, deadlineState, localDigits, type ThreadDeadlines } from './countdown.ts';

/** The time now on the server's clock, ticking every second. */
export function useServerNow(skew: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return now + skew;
}

export function Countdown({ thread, now }: { thread: ThreadDeadlines; now: number }) {
  const { t, lang } = useI18n();
  const state = deadlineState(thread, now);
  const text =
    state.kind === 'waiting'
      ? t('hotline.left', { time: localDigits(countdownText(state.remainingMs), lang) })
      : state.kind === 'overdue'
        ? t(
            state.escalations === 2
              ? 'hotline.escalatedAgain'
              : state.escalations === 1
                ? 'hotline.escalated'
                : 'hotline.overdue',
          )
        : t(state.kind === 'resolved' ? 'hotline.resolved' : 'hotline.acknowledged');
  return (
    <span className={`countdown countdown-${state.kind}`} role="timer" data-testid="countdown">
      {text}
    </span>
  );
}

export const PriorityBadge = ({ priority }: { priority: HotlinePriority }) => {
  const { t } = useI18n();
  return <span className={`badge priority-${priority}`}>{t(`hotline.badge.${priority}`)}</span>;
};
