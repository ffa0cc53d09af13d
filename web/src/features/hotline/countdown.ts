/**
 * The state of a hotline thread's acknowledgement deadline at a moment, and the countdown's text.
 * Pure: the page passes the time, corrected by the server's clock (the deadlines are the database's).
 */

export type DeadlineState =
  | { kind: 'resolved' }
  | { kind: 'acknowledged' }
  | { kind: 'waiting'; remainingMs: number }
  | { kind: 'overdue'; escalations: 0 | 1 | 2 };

export interface ThreadDeadlines {
  ack_due_at: string;
  escalated_at: string | null;
  escalated_again_at: string | null;
  resolved_at: string | null;
  recipients: { acknowledged_at: string | null }[];
}

/** The thread's deadline as of `now` (ms since the epoch, on the server's clock). */
export function deadlineState(t: ThreadDeadlines, now: number): DeadlineState {
  if (t.resolved_at !== null) return { kind: 'resolved' };
  if (t.recipients.every((r) => r.acknowledged_at !== null)) return { kind: 'acknowledged' };
  const remainingMs = Date.parse(t.ack_due_at) - now;
  if (remainingMs > 0 && t.escalated_at === null) return { kind: 'waiting', remainingMs };
  return { kind: 'overdue', escalations: t.escalated_again_at !== null ? 2 : t.escalated_at !== null ? 1 : 0 };
}

/** Minutes and seconds left (`9:05`), with hours when there are any (`23:59:59`). */
export function countdownText(remainingMs: number): string {
  const s = Math.max(0, Math.ceil(remainingMs / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** A countdown's digits as the reader writes them: Arabic-Indic in Arabic, as the page's dates and numbers are. */
export function localDigits(text: string, lang: 'en' | 'ar'): string {
  return lang === 'ar' ? text.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!) : text;
}

/** How far the server's clock is ahead of this browser's, from a `server_now` read just now. */
export const clockSkew = (serverNow: string, receivedAt: number): number => Date.parse(serverNow) - receivedAt;

/** A duration in seconds as minutes, or hours and minutes (for the per-party times). */
export function durationParts(seconds: number): { hours: number; minutes: number } {
  const total = Math.round(seconds / 60);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
