/**
 * Which organization decides for which party on convoy requests (GET and PUT
 * /convoy-requests/representatives). Anyone signed in reads the directory (the request page names
 * who decides); only an admin changes it (accounts:manage), for any organization. An organization
 * decides for one party at most; a party may have several organizations, or none (the secretariat
 * then records its decisions on its behalf).
 */
import * as accounts from '../../store/account.repository.ts';
import * as requests from '../../store/convoy-request.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { audit } from '../shared/audit.ts';
import { requireKnownActors } from '../shared/references.ts';

export async function listConvoyRepresentatives(
  ctx: AppContext,
  caller: Caller | null,
): Promise<requests.Representative[]> {
  return asReader(ctx.db, readerOf(requireCaller(caller)), (sql) => requests.listRepresentatives(sql));
}

export async function setConvoyRepresentative(
  ctx: AppContext,
  caller: Caller | null | 'operator',
  orgId: string,
  actorId: string | null,
): Promise<requests.Representative[]> {
  const by = caller === 'operator' ? null : requirePermission(caller, 'accounts:manage');
  await ctx.db.transaction(async (tx) => {
    if (!(await accounts.getOrg(tx, orgId))) throw invalid('org', `org: unknown organization "${orgId}"`);
    if (actorId !== null) await requireKnownActors(tx, [{ path: 'actor', id: actorId }]);
    const before = await requests.representedBy(tx, orgId);
    if (before === actorId) return;
    await requests.setRepresentative(tx, orgId, actorId);
    await audit(tx, by, ctx.now(), [
      {
        action: actorId === null ? 'delete' : 'update',
        entity: 'convoy_representative',
        entityId: orgId,
        before: before === null ? null : { org: orgId, actor: before },
        after: actorId === null ? null : { org: orgId, actor: actorId },
      },
    ]);
  });
  ctx.wrote();
  return requests.listRepresentatives(ctx.db);
}
