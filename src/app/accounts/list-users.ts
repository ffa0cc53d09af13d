/**
 * `truce user list` and GET /users: the users with their organization, role, the clearance that
 * follows from the organization, and whether the account is disabled. The operator at the
 * command line sees every user; an admin, the users of their own organization.
 */
import type { Clearance, OrgKind, Role } from '../../contract/access.ts';
import * as accounts from '../../store/account.repository.ts';
import { type Caller, clearanceOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface UserListing {
  username: string;
  displayName: string;
  orgId: string;
  role: Role;
  /** Null when the organization is not found (it cannot be removed, so this should not happen). */
  clearance: Clearance | null;
  disabled: boolean;
}

export async function listUsers(ctx: AppContext, caller: Caller | 'operator'): Promise<UserListing[]> {
  const only = caller === 'operator' ? null : requirePermission(caller, 'accounts:manage').orgId;
  const orgs = new Map((await accounts.listOrgs(ctx.db)).map((o) => [o.id, o]));
  const users = (await accounts.listUsers(ctx.db)).filter((u) => only === null || u.org_id === only);
  return users.map((u) => {
    const org = orgs.get(u.org_id);
    return {
      username: u.username,
      displayName: u.display_name,
      orgId: u.org_id,
      role: u.role as Role,
      clearance: org ? clearanceOf({ kind: org.kind as OrgKind, task_force: org.task_force }) : null,
      disabled: u.disabled_at !== null,
    };
  });
}
