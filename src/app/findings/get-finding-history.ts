/** GET /findings/{key}/history: the finding as it stands (if it still applies) and every earlier version. */
import { findingHistory, getFinding, type HistoryEntry, type StoredFinding } from '../../store/finding.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getFindingHistory(
  ctx: AppContext,
  caller: Caller | null,
  key: string,
): Promise<{ current: StoredFinding | null; history: HistoryEntry[] }> {
  const found = await asReader(ctx.db, readerOf(requireCaller(caller)), async (sql) => ({
    current: await getFinding(sql, key),
    history: await findingHistory(sql, key),
  }));
  if (!found.current && found.history.length === 0) throw notFound('finding', key);
  return found;
}
