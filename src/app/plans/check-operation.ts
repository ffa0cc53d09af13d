/**
 * POST /operations/check: a planned operation checked without storing it. The spec's
 * deconfliction against the protected sites the caller may see, and the conflicts it would have
 * as a notice of the caller's organization, against the protected sites, notified sites and
 * movements, and positions the caller may see (row-level security), read through the index of
 * migration 025 (only the targets that may be within reach: decision 024).
 */
import { deconflictOperation } from '../../domain/deconflict.ts';
import type { TargetConflict } from '../../domain/deconflict.ts';
import type { SiteConflict } from '../../domain/findings.ts';
import { toOperation } from '../../scenario/convert.ts';
import type { OperationRecord } from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { noticeConflicts, reachOf, targetKindOf, targetsReaching } from '../shared/deconfliction.ts';
import type { OperationCheck } from '../shared/inputs.ts';
import { requireAfter } from '../shared/references.ts';

export interface OperationCheckResult {
  /** The protected sites the caller may see within their buffer of the operation (the spec's). */
  conflicts: SiteConflict[];
  /** As a notice of the caller's organization: every target the caller may see that it comes near, with its name. */
  targets: (TargetConflict & { name: string | null })[];
}

export async function checkOperation(
  ctx: AppContext,
  caller: Caller | null,
  input: OperationCheck,
): Promise<OperationCheckResult> {
  const by = requireCaller(caller);
  const operation = toOperation(input);
  requireAfter('window.to', operation.window.from, operation.window.to);
  const notice: OperationRecord = { ...operation, classification: 'public', ownerOrg: by.orgId, withdrawnAt: null };
  const reach = reachOf(notice);
  return asReader(ctx.db, readerOf(by), async (sql) => {
    const sources = await targetsReaching(sql, reach);
    const names = new Map(
      sources.map((t) => [`${targetKindOf(t)}:${t.record.id}`, 'name' in t.record ? t.record.name : null]),
    );
    const sites = sources.flatMap((t) => (t.kind === 'protected_site' ? [t.record] : []));
    return {
      conflicts: deconflictOperation(operation, sites).conflicts,
      targets: noticeConflicts(notice, reach, sources).map((c) => ({
        ...c,
        name: names.get(`${c.kind}:${c.id}`) ?? null,
      })),
    };
  });
}
