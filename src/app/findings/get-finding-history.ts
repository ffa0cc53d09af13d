/** GET /findings/{key}/history: the finding as it stands (if it still applies) and every earlier version. */
import * as findings from '../../store/finding.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getFindingHistory(
  ctx: AppContext,
  caller: Caller | null,
  key: string,
): Promise<{ current: findings.StoredFinding | null; history: findings.HistoryEntry[] }> {
  const found = await asReader(ctx.db, readerOf(requireCaller(caller)), async (sql) => ({
    current: await findings.get(sql, key),
    history: await findings.history(sql, key),
  }));
  if (!found.current && found.history.length === 0) throw notFound('finding', key);
  return found;
}
