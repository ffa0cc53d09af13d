/**
 * GET /negotiation-rooms/{id}: a room as its member sees it (anyone else: 404): its members, the
 * agreement it drafts and the co-chairs whose approval publishing needs, the clauses with their
 * newest versions, each member's position on each (the dashboard: agreed, open, sticking points),
 * and the proposals to publish with the approvals they still lack.
 */
import type { Stance } from '../../contract/negotiation.ts';
import type { Party } from '../../domain/model.ts';
import { type ClauseStance, clauseStatus, missingApprovals } from '../../domain/negotiation.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { approversOf } from './room-access.ts';

export interface ClauseView {
  clause: rooms.ClauseRecord;
  /** Each member organization's newest position (none: it took none). */
  positions: { orgId: string; position: rooms.PositionRecord | null }[];
  status: ClauseStance;
}

export interface RoomDetail {
  room: rooms.RoomRecord;
  /** The agreement it drafts: its scope (everywhere or not), excluded groups and parties, as they stand. */
  agreement: {
    id: string;
    title: string;
    titleAr: string | null;
    everywhere: boolean;
    excluded: string[];
    parties: Party[];
  };
  /** The co-chair organizations whose approval publishing needs. */
  approvers: string[];
  clauses: ClauseView[];
  publications: (rooms.PublicationRecord & { missing: string[] })[];
}

export async function getRoom(ctx: AppContext, caller: Caller | null, id: string): Promise<RoomDetail> {
  const by = requireCaller(caller);
  const detail = await asReader(ctx.db, readerOf(by), async (sql) => {
    const room = await rooms.get(sql, id);
    if (!room) return null;
    const agreement = (await agreements.getRecord(sql, room.agreementId))!;
    const positions = await rooms.listPositions(sql, id);
    const clauses = (await rooms.listClauses(sql, id)).map((clause): ClauseView => {
      const newest = room.members.map((m) => ({
        orgId: m.orgId,
        position: positions.filter((p) => p.clauseId === clause.id && p.orgId === m.orgId).at(-1) ?? null,
      }));
      return {
        clause,
        positions: newest,
        status: clauseStatus(newest.map((p) => (p.position?.stance ?? null) as Stance | null)),
      };
    });
    const publications = (await rooms.listPublications(sql, id)).map((p) => ({
      ...p,
      missing: p.state === 'proposed' ? missingApprovals(p.requiredOrgs, p.approvals) : [],
    }));
    return {
      room,
      agreement: {
        id: agreement.id,
        title: agreement.title,
        titleAr: agreement.titleAr ?? null,
        everywhere: agreement.scope === null,
        excluded: agreement.excluded,
        parties: agreement.parties,
      },
      clauses,
      publications,
    };
  });
  if (!detail) throw notFound('negotiation room', id);
  // Who must approve is worked out as the system: the organizations' kinds are not the reader's to list.
  return { ...detail, approvers: await ctx.db.transaction((tx) => approversOf(tx, detail.room.agreementId)) };
}
