/**
 * Deconfliction as a reader sees it. An operation is judged against every protected site, those
 * the reader may not see included: a site hidden from the planner is still a site to keep clear
 * of. Only the sites the reader may see are named; the others are counted, so the planner
 * knows to ask (the co-chairs see them all). Runs in a system transaction.
 */
import type { SiteConflict } from '../../domain/findings.ts';
import { deconflictOperation } from '../../domain/deconflict.ts';
import type { Operation } from '../../domain/model.ts';
import { listProtectedSites, protectedSiteIds } from '../../store/plan.repository.ts';
import type { Reader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';

export interface Deconfliction {
  conflicts: SiteConflict[];
  /** Conflicts with sites the reader may not see. */
  hiddenConflicts: number;
}

export async function judgeOperation(tx: Sql, reader: Reader, operation: Operation): Promise<Deconfliction> {
  const { conflicts } = deconflictOperation(operation, await listProtectedSites(tx));
  const visible = await readWithin(tx, reader, protectedSiteIds);
  const named = conflicts.filter((c) => visible.has(c.site));
  return { conflicts: named, hiddenConflicts: conflicts.length - named.length };
}
