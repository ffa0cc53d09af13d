/** `truce user passwd` and `truce user disable|enable`. Disabling ends the user's sessions and tokens. */
import * as accounts from '../../store/account.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './secrets.ts';
import { forgetCachedTokens } from './sign-in.ts';

export async function setPassword(
  ctx: AppContext,
  caller: Caller | 'operator',
  username: string,
  password: string,
): Promise<void> {
  const by = caller === 'operator' ? null : requirePermission(caller, 'accounts:manage');
  if (password.length < MIN_PASSWORD_LENGTH)
    throw invalid('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const user = await accounts.getUserByName(tx, username);
    if (!user) throw notFound('user', username);
    await accounts.updateUser(tx, user.id, { password_hash: passwordHash });
    await audit(tx, by, ctx.now(), [
      { action: 'set-password', entity: 'user', entityId: user.id, ownerOrg: user.org_id },
    ]);
  });
  ctx.wrote('accounts');
}

export async function setUserDisabled(
  ctx: AppContext,
  caller: Caller | 'operator',
  username: string,
  disabled: boolean,
): Promise<void> {
  const by = caller === 'operator' ? null : requirePermission(caller, 'accounts:manage');
  await ctx.db.transaction(async (tx) => {
    const user = await accounts.getUserByName(tx, username);
    if (!user) throw notFound('user', username);
    await accounts.updateUser(tx, user.id, { disabled });
    await audit(tx, by, ctx.now(), [
      {
        action: disabled ? 'disable' : 'enable',
        entity: 'user',
        entityId: user.id,
        ownerOrg: user.org_id,
        before: { disabled: user.disabled_at !== null },
        after: { disabled },
      },
    ]);
  });
  forgetCachedTokens();
  ctx.wrote('accounts');
}
