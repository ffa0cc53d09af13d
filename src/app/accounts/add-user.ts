/** `truce user add` and POST /users: a user of an organization, with a role and a password. */
import { type Role, ROLES } from '../../contract/access.ts';
import * as accounts from '../../store/account.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists, invalid } from '../errors.ts';
import { MIN_PASSWORD_LENGTH, newId } from './secrets.ts';

export interface NewUser {
  username: string;
  orgId: string;
  role: Role;
  password: string;
  displayName?: string;
}

export async function addUser(ctx: AppContext, caller: Caller | 'operator', user: NewUser): Promise<{ id: string }> {
  const by = caller === 'operator' ? null : requirePermission(caller, 'accounts:manage');
  // An admin adds users to their own organization; the operator, to any.
  if (by && user.orgId !== by.orgId) throw invalid('org', 'must be your own organization');
  if (!/^[A-Za-z0-9._@-]{2,64}$/.test(user.username))
    throw invalid('username', 'must be 2-64 letters, digits or . _ @ -');
  if (!(ROLES as readonly string[]).includes(user.role)) throw invalid('role', `must be one of ${ROLES.join(', ')}`);
  if (user.password.length < MIN_PASSWORD_LENGTH)
    throw invalid('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const id = newId();
  const passwordHash = await ctx.hashPassword(user.password);
  await ctx.db.transaction(async (tx) => {
    if (!(await accounts.getOrg(tx, user.orgId))) throw invalid('org', `unknown organization "${user.orgId}"`);
    const row = {
      id,
      org_id: user.orgId,
      username: user.username,
      display_name: user.displayName ?? user.username,
      role: user.role,
    };
    if (!(await accounts.insertUser(tx, { ...row, password_hash: passwordHash }))) {
      throw exists('user', user.username, 'username');
    }
    await audit(tx, by, ctx.now(), [
      { action: 'create', entity: 'user', entityId: id, ownerOrg: user.orgId, after: row },
    ]);
  });
  ctx.wrote('accounts');
  return { id };
}
