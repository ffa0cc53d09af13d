/**
 * Revoking one API token: your own, or, for an admin, one of a user of the same organization;
 * the operator at the command line may revoke any. Audited. The token stops working at once in
 * this process, and within TOKEN_CACHE_MS in other server processes on the same database.
 */
import * as accounts from '../../store/account.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, can, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { type ApiTokenView, tokenView } from './list-api-tokens.ts';
import { forgetCachedTokens } from './sign-in.ts';

/** The token as it is now; `revoked` says whether this call revoked it (false: it was already). */
export async function revokeApiToken(
  ctx: AppContext,
  caller: Caller | 'operator' | null,
  id: string,
): Promise<{ token: ApiTokenView; revoked: boolean }> {
  const c = caller === 'operator' ? null : requireCaller(caller);
  const at = ctx.now();
  const result = await ctx.db.transaction(async (tx) => {
    const token = await accounts.getApiToken(tx, id);
    const mayRevoke =
      token !== null &&
      (c === null || token.user_id === c.userId || (can(c, 'accounts:manage') && token.org_id === c.orgId));
    // Someone else's token is as unknown as a missing one: its id tells nothing.
    if (!token || !mayRevoke) throw notFound('api token', id);
    if (!(await accounts.revokeApiToken(tx, id, new Date(at)))) return { token: tokenView(token), revoked: false };
    await audit(tx, c, at, [
      {
        action: 'revoke',
        entity: 'api_token',
        entityId: id,
        ownerOrg: token.org_id,
        before: { name: token.name, user: token.username, revoked: false },
        after: { name: token.name, user: token.username, revoked: true },
      },
    ]);
    return { token: { ...tokenView(token), revokedAt: at }, revoked: true };
  });
  forgetCachedTokens();
  if (result.revoked) ctx.wrote('accounts');
  return result;
}
