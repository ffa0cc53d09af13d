/**
 * Escalations of hotline threads whose deadline has passed with a recipient silent. The due times are
 * in the database and compared with its clock, so a restart loses none; each is claimed once in one
 * transaction (hotline.repository.ts, claimDueEscalations), however many servers sweep one database.
 * A server sweeps on start and then every HOTLINE_SWEEP_SECONDS (`startHotlineSweeper`).
 */
import { HOTLINE_SWEEP_SECONDS } from '../../contract/hotline.ts';
import * as hotline from '../../store/hotline.repository.ts';
import type { AppContext } from '../context.ts';
import { queueEmail } from '../email/queue-email.ts';
import { audit } from '../shared/audit.ts';
import { announce, threadChange } from './thread-change.ts';

export async function sweepEscalations(ctx: AppContext): Promise<hotline.Escalation[]> {
  const at = ctx.now();
  const claimed = await ctx.db.transaction(async (tx) => {
    const escalations = await hotline.claimDueEscalations(tx);
    // Email for the secretariat's and the parties' users who asked, queued with the escalation.
    for (const e of escalations) {
      const thread = await hotline.get(tx, e.threadId);
      if (!thread) continue;
      await queueEmail(tx, {
        kind: 'hotline.escalated',
        entity: 'hotline_thread',
        entityId: e.threadId,
        detail: { level: e.level },
        orgs: [thread.openedByOrg, ...thread.recipients.map((r) => r.org)],
        secretariat: true,
      });
    }
    if (escalations.length > 0)
      await audit(
        tx,
        null,
        at,
        escalations.map((e) =>
          threadChange(
            'escalate-hotline-thread',
            { id: e.threadId, links: e.links },
            { level: e.level, silent: e.silent },
          ),
        ),
      );
    return escalations;
  });
  if (claimed.length > 0) ctx.wrote();
  for (const e of claimed) announce(ctx, e.threadId, 'hotline.escalated');
  return claimed;
}

/** Sweeps now and then periodically until stopped; a failed sweep is tried again at the next tick. */
export function startHotlineSweeper(ctx: AppContext, intervalMs = HOTLINE_SWEEP_SECONDS * 1000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => sweepEscalations(ctx))
      .catch((e: unknown) => console.error('hotline sweep failed:', e instanceof Error ? e.message : e));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
