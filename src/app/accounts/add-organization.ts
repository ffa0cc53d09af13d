/** `truce org add` and POST /organizations: a new organization. Only admins, or the operator at the command line. */
import { ORG_KINDS, type OrgKind } from '../../contract/access.ts';
import * as accounts from '../../store/account.repository.ts';
import { audit } from '../shared/audit.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists, forbidden, invalid } from '../errors.ts';

/** The longest name taken, English or Arabic (the API says so first). */
const ORG_NAME_MAX_LENGTH = 200;

export interface NewOrganization {
  id: string;
  name: string;
  /** Its name in Arabic; absent, null or empty: none (the English one serves). */
  nameAr?: string | null;
  kind: OrgKind;
  taskForce: boolean;
}

export async function addOrganization(
  ctx: AppContext,
  caller: Caller | 'operator',
  org: NewOrganization,
): Promise<void> {
  const by = caller === 'operator' ? null : requirePermission(caller, 'accounts:manage');
  // A co-chair approves every ruling and reads what the co-chairs read: only the operator adds one.
  // The task force reads its records: only an admin of an organization in it adds a member.
  if (by && org.kind === 'co_chair')
    throw forbidden('a co-chair organization is added by the operator at the command line (truce org add)');
  if (by && org.taskForce && by.clearance === 'public')
    throw forbidden('only an organization of the task force adds a member to it');
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(org.id)) throw invalid('id', 'must be lowercase letters, digits and dashes');
  const tooLong = `must be at most ${ORG_NAME_MAX_LENGTH} characters`;
  if (org.name.length > ORG_NAME_MAX_LENGTH) throw invalid('name', tooLong);
  if ((org.nameAr ?? '').length > ORG_NAME_MAX_LENGTH) throw invalid('name_ar', tooLong);
  if (!(ORG_KINDS as readonly string[]).includes(org.kind))
    throw invalid('kind', `must be one of ${ORG_KINDS.join(', ')}`);
  await ctx.db.transaction(async (tx) => {
    const row = { id: org.id, name: org.name, name_ar: org.nameAr || null, kind: org.kind, task_force: org.taskForce };
    if (!(await accounts.insertOrg(tx, row))) throw exists('organization', org.id, 'id');
    await audit(tx, by, ctx.now(), [{ action: 'create', entity: 'organization', entityId: org.id, after: row }]);
  });
  ctx.wrote('accounts');
}
