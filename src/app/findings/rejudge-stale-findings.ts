/**
 * When the rules change meaning or wording (RULES_VERSION), the findings judged under the old
 * ones are judged again at the next start, all in one transaction, the old versions kept in
 * history with the rules' update as their cause. A database whose findings are current is left
 * alone (one indexed probe).
 */
import { RULES_VERSION } from '../../domain/findings.ts';
import { audit } from '../shared/audit.ts';
import type { AppContext } from '../context.ts';
import { rulesUpdated } from './finding-causes.ts';
import { recomputeFindings, type RecomputeResult } from './recompute-findings.ts';

/** Null when every finding is current. */
export async function rejudgeStaleFindings(ctx: AppContext): Promise<RecomputeResult | null> {
  const stale = await ctx.db.query('select 1 from findings where rules_version <> $1 limit 1', [RULES_VERSION]);
  if (stale.length === 0) return null;
  const result = await ctx.db.transaction(async (tx) => {
    const changes = await recomputeFindings(tx, { incidents: 'all', zones: 'all' }, rulesUpdated());
    await audit(tx, null, ctx.now(), [
      { action: 'rejudge', entity: 'findings', entityId: RULES_VERSION, after: changes },
    ]);
    return changes;
  });
  ctx.wrote();
  return result;
}
