/**
 * GET /findings/{key}/history: the finding as it stands (if it still applies; a territory finding
 * with the local agreement its change came by) and every earlier version.
 */
import * as findings from '../../store/finding.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { type WithLocalAgreement, withLocalAgreements } from './by-local-agreement.ts';

export async function getFindingHistory(
  ctx: AppContext,
  caller: Caller | null,
  key: string,
): Promise<{ current: WithLocalAgreement<findings.StoredFinding> | null; history: findings.HistoryEntry[] }> {
  const found = await asReader(ctx.db, readerOf(requireCaller(caller)), async (sql) => {
    const current = await findings.get(sql, key);
    return {
      current: current && (await withLocalAgreements(sql, [current]))[0]!,
      history: await findings.history(sql, key),
    };
  });
  if (!found.current && found.history.length === 0) throw notFound('finding', key);
  return found;
}
