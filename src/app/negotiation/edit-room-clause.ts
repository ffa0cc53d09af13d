/**
 * PUT /negotiation-rooms/{id}/clauses/{clauseId}: a member edits a clause (negotiation:write): a
 * new version, the next revision of the draft; the earlier ones are kept. A proposal to publish
 * that includes the clause is voided with every approval it had: the co-chairs approved other
 * words. The same words again make no version.
 */
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { sameRecord } from '../../store/rows.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import type { ClauseInput } from './clause-input.ts';
import { announce, auditRoom, lockMemberRoom, requireClause } from './room-access.ts';

const wordsOf = (v: ClauseInput) => ({ number: v.number, title: v.title, text: v.text, code: v.code, acts: v.acts });

export async function editRoomClause(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  clauseId: string,
  input: ClauseInput,
): Promise<{ clause: rooms.ClauseRecord; voided: string[] }> {
  const by = requirePermission(caller, 'negotiation:write');
  const at = ctx.now();
  const { value: voided } = await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    const clause = await requireClause(tx, roomId, clauseId);
    if (sameRecord(wordsOf(clause.current), wordsOf(input))) return { value: [] as string[], audit: [] };
    const revision = await rooms.nextRevision(tx, roomId);
    const version = clause.current.version + 1;
    await rooms.insertVersion(tx, {
      clauseId,
      version,
      revision,
      ...input,
      authorOrg: by.orgId,
      author: by.username,
      at,
    });
    const voided = await rooms.voidIncluding(tx, roomId, clauseId, at);
    return {
      value: voided,
      audit: [auditRoom('edit-clause', room, { clause: clauseId, version, ...input, voided_publications: voided })],
    };
  });
  announce(ctx, roomId);
  return { clause: (await asReader(ctx.db, readerOf(by), (sql) => rooms.getClause(sql, roomId, clauseId)))!, voided };
}
