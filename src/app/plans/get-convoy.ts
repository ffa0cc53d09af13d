/**
 * GET /convoys/{id}: the convoy and who must approve it. Approvals are worked out from the
 * zones and agreements the reader may see: naming who holds a hidden zone would reveal it.
 */
import type { ConvoyResult } from '../../domain/findings.ts';
import { convoyApprovals } from '../../domain/convoys.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import * as actors from '../../store/actor.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export async function getConvoy(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
): Promise<{ convoy: plans.ConvoyRecord; approvals: ConvoyResult }> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), async (sql) => {
    const convoy = await plans.getConvoy(sql, id);
    if (!convoy) throw notFound('convoy', id);
    const book = new Rulebook({
      actors: await actors.list(sql),
      agreements: await agreements.list(sql),
      zones: await zones.list(sql),
    });
    return { convoy, approvals: convoyApprovals(book, convoy, (await settings.get(sql)).hostState) };
  });
}
