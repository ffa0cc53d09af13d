/**
 * `truce user passwd`, `truce user disable|enable` and their API: a new password, disabling
 * (which ends the user's sessions and tokens), a new role. The operator at the command line may
 * change any user; an admin, the users of their own organization (others are not found).
 */
import { type Role, ROLES } from '../../contract/access.ts';
import * as accounts from '../../store/account.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import { MIN_PASSWORD_LENGTH } from './secrets.ts';
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
  const passwordHash = await ctx.hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const user = await userOf(tx, by, username);
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
    const user = await userOf(tx, by, username);
    if (by && user.id === by.userId && disabled) throw invalid('disabled', 'you may not disable your own account');
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

export async function setUserRole(
  ctx: AppContext,
  caller: Caller | 'operator',
  username: string,
  role: Role,
): Promise<void> {
  const by = caller === 'operator' ? null : requirePermission(caller, 'accounts:manage');
  if (!(ROLES as readonly string[]).includes(role)) throw invalid('role', `must be one of ${ROLES.join(', ')}`);
  await ctx.db.transaction(async (tx) => {
    const user = await userOf(tx, by, username);
    if (user.role === role) return;
    if (by && user.id === by.userId) throw invalid('role', 'you may not change your own role');
    await accounts.updateUser(tx, user.id, { role });
    await audit(tx, by, ctx.now(), [
      {
        action: 'update',
        entity: 'user',
        entityId: user.id,
        ownerOrg: user.org_id,
        before: { role: user.role },
        after: { role },
      },
    ]);
  });
  // A cached token carries its user's role: forget them, as for disabling.
  forgetCachedTokens();
  ctx.wrote('accounts');
}

/** The user named, if the caller may manage them: any for the operator, those of their organization for an admin. */
async function userOf(tx: Sql, by: Caller | null, username: string) {
  const user = await accounts.getUserByName(tx, username);
  if (!user || (by && user.org_id !== by.orgId)) throw notFound('user', username);
  return user;
}
