/**
 * POST /negotiation-rooms/{id}/publications/{publicationId}/publish: the proposal becomes the
 * agreement in force (negotiation:write), once every co-chair it needs approved exactly its
 * versions; else 409, naming who has not. Its clauses (code, text, acts) replace the agreement's
 * of the same obligation codes (the agreement's other clauses are kept), with its periods in force,
 * prohibited acts, scope and excluded groups when it gives them, through the agreement's own
 * change (save-agreement-change.ts): the findings it can affect are judged again, the publication
 * named as the cause in their history.
 */
import { statement } from '../../domain/statements.ts';
import { missingApprovals } from '../../domain/negotiation.ts';
import type * as agreementsRepo from '../../store/agreement.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { lockVisibleAgreement, saveAgreementChange } from '../agreements/save-agreement-change.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { agreementPublished } from '../findings/finding-causes.ts';
import { writeWorld, type Written } from '../shared/write-world.ts';
import { requireProposed, requirePublication } from './publication-access.ts';
import { announce, auditRoom, lockMemberRoom, orgsTerm } from './room-access.ts';

export async function publishAgreement(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  publicationId: string,
): Promise<Written<agreementsRepo.AgreementRecord>> {
  const by = requirePermission(caller, 'negotiation:write');
  const reader = readerOf(by);
  const at = ctx.now();
  const written = await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    // The agreement locked before the proposal is read: a change to its scope or excluded groups that voids the
    // proposal (save-agreement-change.ts) is either seen here or waits for the publication.
    const stored = await lockVisibleAgreement(tx, reader, room.agreementId);
    const p = await requirePublication(tx, roomId, publicationId);
    requireProposed(p);
    const missing = missingApprovals(p.requiredOrgs, p.approvals);
    if (missing.length > 0)
      throw new AppError(
        'CONFLICT',
        `not approved by ${missing.join(', ')}: every co-chair the agreement names must approve these versions first`,
        undefined,
        statement('error.publication_missing', { orgs: orgsTerm(missing) }),
      );
    const versions = await rooms.listVersions(tx, roomId);
    const clauses = p.versions.map((v) => {
      const version = versions.find((x) => x.clauseId === v.clause && x.version === v.version)!;
      return {
        code: version.code!,
        text: version.title ? `${version.title}: ${version.text}` : version.text,
        acts: version.acts,
        classification: stored.classification,
        ownerOrg: stored.ownerOrg,
      };
    });
    // A clause takes the place of the agreement's of its obligation code; the others stay as they are.
    const codes = new Set(clauses.map((c) => c.code));
    const next = {
      ...stored,
      clauses: [...stored.clauses.filter((c) => !codes.has(c.code)), ...clauses],
      ...(p.inForce ? { inForce: p.inForce } : {}),
      ...(p.prohibited ? { prohibited: p.prohibited } : {}),
      ...(p.scope ? { scope: p.scope.area } : {}),
      ...(p.excluded ? { excluded: p.excluded } : {}),
    };
    // Published first: the change below voids the proposals still waiting that set the scope or excluded groups, not this one.
    await rooms.setPublished(tx, publicationId, by.username, at);
    const change = await saveAgreementChange(
      tx,
      by,
      reader,
      stored,
      next,
      'publish',
      agreementPublished(stored, p, by),
    );
    return {
      ...change,
      audit: [
        ...change.audit,
        auditRoom('publish', room, {
          publication: publicationId,
          versions: p.versions,
          approved_by: p.requiredOrgs,
          ...(p.scope ? { scope: p.scopeAreas ? { areas: p.scopeAreas } : p.scope.area ? 'area' : 'everywhere' } : {}),
          ...(p.excluded ? { excluded: p.excluded } : {}),
        }),
      ],
    };
  });
  announce(ctx, roomId);
  return written;
}
