/**
 * Deconfliction as a reader sees it: an operation judged against the protected sites the reader
 * may see. A site hidden from the reader is not counted or hinted at: any answer that changed
 * with it would let the reader locate it by asking again and again (docs/confidentiality.md).
 * Whoever may see both the operation and a hidden site hears of the conflict on the live stream
 * (an alert, src/app/live/live-events.ts). Runs in a system transaction.
 */
import type { SiteConflict } from '../../domain/findings.ts';
import { deconflictOperation } from '../../domain/deconflict.ts';
import type { Operation } from '../../domain/model.ts';
import * as plans from '../../store/plan.repository.ts';
import type { Reader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';

export interface Deconfliction {
  conflicts: SiteConflict[];
}

export async function judgeOperation(tx: Sql, reader: Reader, operation: Operation): Promise<Deconfliction> {
  const sites = await readWithin(tx, reader, plans.listProtectedSites);
  return { conflicts: deconflictOperation(operation, sites).conflicts };
}
