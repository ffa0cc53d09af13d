/**
 * What the negotiation room's use cases share (docs/negotiation.md): the room looked up as the
 * caller (a room the caller's organization is not a member of is missing: 404) and locked, the
 * co-chairs whose approval a publication needs, the audit entry and the live event.
 *
 * A room's audit entries are public in class but mention the room (`negotiation_room:<id>`) and
 * its agreement, so that only its members see them (migration 033's truce_record_visible).
 */
import { statement, type Term } from '../../domain/statements.ts';
import * as accounts from '../../store/account.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import type { Change } from '../shared/audit.ts';

export type {
  ClauseRecord,
  PositionRecord,
  PublicationRecord,
  RoomRecord,
  VersionRecord,
} from '../../store/negotiation.repository.ts';

/** The room as the caller sees it, locked for a write; 404 when the caller's organization is no member. */
export async function lockMemberRoom(tx: Sql, caller: Caller, id: string): Promise<rooms.RoomRecord> {
  if (!(await readWithin(tx, readerOf(caller), (sql) => rooms.get(sql, id)))) throw notFound('negotiation room', id);
  await rooms.lock(tx, id);
  return (await rooms.get(tx, id))!;
}

/** The clause of the room; 404 when the room has none of that id. */
export async function requireClause(tx: Sql, roomId: string, clauseId: string): Promise<rooms.ClauseRecord> {
  const clause = await rooms.getClause(tx, roomId, clauseId);
  if (!clause) throw notFound('room clause', clauseId);
  return clause;
}

/** Only a co-chair organization's user may open a room or invite to one. */
export function requireCoChair(caller: Caller, what: 'open' | 'invite'): void {
  if (caller.orgKind !== 'co_chair')
    throw new AppError(
      'FORBIDDEN',
      `only a co-chair organization may ${what === 'open' ? 'open a negotiation room' : 'invite to a negotiation room'}`,
      undefined,
      statement(what === 'open' ? 'error.room_co_chair_opens' : 'error.room_co_chair_invites'),
    );
}

/**
 * The co-chair organizations whose approval publishing the agreement needs: those the agreement
 * names that are still co-chair organizations, or every co-chair organization (as for a ruling).
 */
export async function approversOf(tx: Sql, agreementId: string): Promise<string[]> {
  const all = (await accounts.listOrgs(tx)).filter((o) => o.kind === 'co_chair').map((o) => o.id);
  const named = (await agreements.getRecord(tx, agreementId))?.coChairs ?? [];
  return named.some((o) => all.includes(o)) ? named.filter((o) => all.includes(o)) : all;
}

/** Says a room changed: the live stream reads it again as each reader (app/live), so only its members hear. */
export function announce(ctx: AppContext, id: string): void {
  ctx.events.publish({ type: 'negotiation_room.changed', entity: 'negotiation_room', id, at: ctx.now() });
}

/** An audit entry of the room: what was done, and what it said. */
export function auditRoom(action: string, room: rooms.RoomRecord, said: Record<string, unknown>): Change {
  return {
    action,
    entity: 'negotiation_room',
    entityId: room.id,
    classification: 'public',
    ownerOrg: room.createdOrg,
    after: { title: room.title, agreement_id: room.agreementId, ...said },
  };
}

/** Organizations named in a statement, by id. */
export const orgsTerm = (orgs: readonly string[]): Term => ({ orgs: [...orgs] });
