/**
 * GET /deconfliction-alerts: the caller's organization's sites, movements and positions that an
 * operation notice in force comes within the buffer of: the target, the clearance and the
 * operation's window, never the operation itself (not its actor, kind, area or id), whether or
 * not the caller may see it (migration 023, truce_deconfliction_alerts).
 */
import * as conflicts from '../../store/conflict.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export async function listAlerts(ctx: AppContext, caller: Caller | null): Promise<conflicts.Alert[]> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => conflicts.listAlerts(sql));
}
