/**
 * GET /organizations: the organizations working on the truce, by name and kind, for anyone
 * signed in. People read an organization's name where the data holds its id (who filed a
 * report, who owns a record); the names are no secret among those who work together.
 */
import type { OrgKind } from '../../contract/access.ts';
import * as accounts from '../../store/account.repository.ts';
import { type Caller, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';

export interface OrganizationView {
  id: string;
  name: string;
  nameAr: string | null;
  kind: OrgKind;
  taskForce: boolean;
}

export async function listOrganizations(ctx: AppContext, caller: Caller | null): Promise<OrganizationView[]> {
  requireCaller(caller);
  return (await accounts.listOrgs(ctx.db))
    .map((o) => ({ id: o.id, name: o.name, nameAr: o.name_ar, kind: o.kind as OrgKind, taskForce: o.task_force }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
