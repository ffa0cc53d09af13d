/**
 * How every change to the world is written: one transaction holding the change, its audit
 * entries and the findings it can affect judged again (the replaced ones kept in history);
 * after the commit the audit trail is sealed and, when findings changed, an event says so.
 */
import type * as findings from '../../store/finding.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { audit, type Change } from './audit.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { recomputeFindings, type RecomputeResult, type RecomputeScope } from '../findings/recompute-findings.ts';

export interface WorldChange<T> {
  value: T;
  audit: Change[];
  /** The findings the change can affect; `subject` names the record in the event sent. */
  recompute?: { scope: RecomputeScope; cause: findings.Cause; subject: { entity: string; id: string } };
}

export interface Written<T> {
  value: T;
  /** What the recomputation changed; null when the change could affect no finding. */
  findings: RecomputeResult | null;
}

export const findingsChanged = (r: RecomputeResult | null): boolean =>
  r !== null && [r.incidents, r.territory].some((c) => c.inserted + c.updated + c.withdrawn > 0);

export async function writeWorld<T>(
  ctx: AppContext,
  caller: Caller,
  fn: (tx: Sql) => Promise<WorldChange<T>>,
): Promise<Written<T>> {
  const at = ctx.now();
  const { written, subject } = await ctx.db.transaction(async (tx) => {
    const change = await fn(tx);
    await audit(tx, caller, at, change.audit);
    const findings = change.recompute
      ? await recomputeFindings(tx, change.recompute.scope, change.recompute.cause)
      : null;
    return { written: { value: change.value, findings }, subject: change.recompute?.subject ?? null };
  });
  ctx.wrote();
  if (subject && findingsChanged(written.findings)) {
    ctx.events.publish({ type: 'finding.changed', entity: subject.entity, id: subject.id, at });
  }
  return written;
}
