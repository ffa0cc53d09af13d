/**
 * POST /negotiation-rooms/{id}/publications/{publicationId}/approve: a co-chair organization whose
 * approval the proposal needs approves exactly its versions (negotiation:write). A change to one of
 * its clauses afterwards voids the proposal and its approvals (edit-room-clause.ts).
 */
import { statement } from '../../domain/statements.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { writeWorld } from '../shared/write-world.ts';
import { requireProposed, requirePublication } from './publication-access.ts';
import { announce, auditRoom, lockMemberRoom, orgsTerm } from './room-access.ts';
import { missingApprovals } from '../../domain/negotiation.ts';

export async function approvePublication(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  publicationId: string,
): Promise<rooms.PublicationRecord & { missing: string[] }> {
  const by = requirePermission(caller, 'negotiation:write');
  await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    const p = await requirePublication(tx, roomId, publicationId);
    requireProposed(p);
    if (!p.requiredOrgs.includes(by.orgId))
      throw new AppError(
        'FORBIDDEN',
        `only the co-chairs the agreement names approve its publication: ${p.requiredOrgs.join(', ')}`,
        undefined,
        statement('error.publication_not_approver', { orgs: orgsTerm(p.requiredOrgs) }),
      );
    if (p.approvals.some((a) => a.orgId === by.orgId))
      throw new AppError(
        'CONFLICT',
        'your organization has approved this proposal already',
        undefined,
        statement('error.publication_approved_already'),
      );
    await rooms.insertApproval(tx, publicationId, by.orgId, by.username, ctx.now());
    return {
      value: null,
      audit: [
        auditRoom('approve-publication', room, { publication: publicationId, org: by.orgId, versions: p.versions }),
      ],
    };
  });
  announce(ctx, roomId);
  const p = (await asReader(ctx.db, readerOf(by), (sql) => rooms.getPublication(sql, roomId, publicationId)))!;
  return { ...p, missing: missingApprovals(p.requiredOrgs, p.approvals) };
}
