/**
 * How every change to the world is written: one transaction holding the change, its audit
 * entries and the findings it can affect judged again (the replaced ones kept in history);
 * after the commit the audit trail is sealed and, when findings changed, an event says so. A dry
 * run makes the change and judges the findings again, comparing them with those stored without
 * writing any, and rolls the change back: it says what the change would do before it is made.
 */
import type * as findings from '../../store/finding.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { audit, type Change } from './audit.ts';
import type { Caller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { TruceEvent } from '../events.ts';
import { recomputeFindings, type RecomputeResult, type RecomputeScope } from '../findings/recompute-findings.ts';

export interface WorldChange<T> {
  value: T;
  audit: Change[];
  /** The findings the change can affect; `subject` names the record in the event sent. */
  recompute?: { scope: RecomputeScope; cause: findings.Cause; subject: { entity: string; id: string } };
  /** Other events the change makes, told after the commit (a convoy request flagged by a change of control). */
  events?: TruceEvent[];
}

export interface Written<T> {
  value: T;
  /** What the recomputation changed; null when the change could affect no finding. */
  findings: RecomputeResult | null;
  /** A dry run: what the change would do, done and then rolled back; nothing was saved. */
  dryRun: boolean;
}

export interface WriteOptions {
  /** Do everything (checks, the change, the findings judged again but not written) and roll it back: nothing is saved or sent. */
  dryRun?: boolean | undefined;
}

/** Thrown to roll back a dry run's transaction, carrying what it would have written. */
class DryRun<T> extends Error {
  constructor(readonly written: { written: Written<T>; subject: null }) {
    super('dry run');
  }
}

export const findingsChanged = (r: RecomputeResult | null): boolean =>
  r !== null && [r.incidents, r.territory].some((c) => c.inserted + c.updated + c.withdrawn > 0);

export async function writeWorld<T>(
  ctx: AppContext,
  /** Null: the system (the operator at the command line), audited as such. */
  caller: Caller | null,
  fn: (tx: Sql) => Promise<WorldChange<T>>,
  options: WriteOptions = {},
): Promise<Written<T>> {
  const at = ctx.now();
  const dryRun = options.dryRun === true;
  let result: { written: Written<T>; subject: { entity: string; id: string } | null; events: TruceEvent[] };
  try {
    result = await ctx.db.transaction(async (tx) => {
      const change = await fn(tx);
      await audit(tx, caller, at, change.audit);
      const findings = change.recompute
        ? await recomputeFindings(tx, change.recompute.scope, change.recompute.cause, { dryRun })
        : null;
      const written = { value: change.value, findings, dryRun };
      if (dryRun) throw new DryRun({ written, subject: null });
      return { written, subject: change.recompute?.subject ?? null, events: change.events ?? [] };
    });
  } catch (e) {
    if (e instanceof DryRun) return (e as DryRun<T>).written.written;
    throw e;
  }
  const { written, subject, events } = result;
  ctx.wrote();
  for (const e of events) ctx.events.publish(e);
  if (subject && findingsChanged(written.findings)) {
    ctx.events.publish({ type: 'finding.changed', entity: subject.entity, id: subject.id, at });
  }
  return written;
}
