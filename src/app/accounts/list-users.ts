/**
 * `truce user list`: every user with the organization, role, the clearance that follows from the
 * organization, and whether the account is disabled. For the operator at the command line only:
 * the API has no list of users.
 */
import type { Clearance, OrgKind, Role } from '../../contract/access.ts';
import * as accounts from '../../store/account.repository.ts';
import { clearanceOf } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface UserListing {
  username: string;
  orgId: string;
  role: Role;
  /** Null when the organization is not found (it cannot be removed, so this should not happen). */
  clearance: Clearance | null;
  disabled: boolean;
}

export async function listUsers(ctx: AppContext, _caller: 'operator'): Promise<UserListing[]> {
  const orgs = new Map((await accounts.listOrgs(ctx.db)).map((o) => [o.id, o]));
  return (await accounts.listUsers(ctx.db)).map((u) => {
    const org = orgs.get(u.org_id);
    return {
      username: u.username,
      orgId: u.org_id,
      role: u.role as Role,
      clearance: org ? clearanceOf({ kind: org.kind as OrgKind, task_force: org.task_force }) : null,
      disabled: u.disabled_at !== null,
    };
  });
}
