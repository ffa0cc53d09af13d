/**
 * A user's API tokens (never their secrets): your own, or, for an admin, those of a user of the
 * same organization; the operator at the command line sees anyone's.
 */
import * as accounts from '../../store/account.repository.ts';
import { type Caller, can, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';

export interface ApiTokenView {
  id: string;
  name: string;
  username: string;
  createdAt: number;
  revokedAt: number | null;
}

export const tokenView = (t: accounts.ApiTokenRow): ApiTokenView => ({
  id: t.id,
  name: t.name,
  username: t.username,
  createdAt: t.created_at.getTime(),
  revokedAt: t.revoked_at?.getTime() ?? null,
});

export async function listApiTokens(
  ctx: AppContext,
  caller: Caller | 'operator' | null,
  username?: string,
): Promise<ApiTokenView[]> {
  const c = caller === 'operator' ? null : requireCaller(caller);
  const name = username ?? c?.username;
  if (name === undefined) throw notFound('user', '');
  const user = await accounts.getUserByName(ctx.db, name);
  if (c && name !== c.username) {
    if (!can(c, 'accounts:manage')) throw forbidden('only an admin may see the API tokens of another user');
    // An admin of another organization learns nothing, not even that the user exists.
    if (!user || user.org_id !== c.orgId) throw notFound('user', name);
  }
  if (!user) throw notFound('user', name);
  return (await accounts.listApiTokens(ctx.db, user.id)).map(tokenView);
}
