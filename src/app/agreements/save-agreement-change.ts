/**
 * The common end of every change to an agreement: check its references and periods, store it
 * whole, audit it (the agreement without its clauses, and each changed clause on its own entry
 * at the clause's classification, so the trail shows no reader a clause it may not see), name
 * the findings to judge again, and read it back as the caller sees it.
 */
import type { Agreement } from '../../domain/model.ts';
import { notFound } from '../errors.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import type * as findings from '../../store/finding.repository.ts';
import type { Reader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import { sameRecord } from '../../store/rows.ts';
import type { Sql } from '../../store/sql.ts';
import { affectedByAgreement, onlyArabicNameChanged } from '../findings/affected-findings.ts';
import type { TruceEvent } from '../events.ts';
import { auditRoom } from '../negotiation/room-access.ts';
import type { Change } from '../shared/audit.ts';
import type { Caller } from '../caller.ts';
import { type AgreementAction, agreementChanged } from '../findings/finding-causes.ts';
import { actorRefs, requireAfter, requireKnownActors } from '../shared/references.ts';
import { agreementHeadView, clauseView } from '../shared/views.ts';
import type { WorldChange } from '../shared/write-world.ts';

const plain = (g: agreements.AgreementRecord): Agreement => ({
  ...g,
  clauses: g.clauses.map((c) => ({ code: c.code, text: c.text, acts: c.acts })),
});

export async function saveAgreementChange(
  tx: Sql,
  by: Caller,
  reader: Reader,
  before: agreements.AgreementRecord | null,
  next: agreements.AgreementRecord,
  action: AgreementAction,
  /** Why its findings are judged again, when it is more than the change itself (a publication from a negotiation room). */
  cause: findings.Cause = agreementChanged(next, action, by),
): Promise<WorldChange<agreements.AgreementRecord>> {
  next.inForce.forEach((f, i) => requireAfter(`in_force[${i}].to`, f.from, f.to));
  next.parties.forEach((p, i) => requireAfter(`parties[${i}].until`, p.acceptedAt, p.until, 'accepted_at'));
  await requireKnownActors(tx, [
    ...next.parties.map((p, i) => ({ path: `parties[${i}].actor`, id: p.actor })),
    ...actorRefs('excluded', next.excluded),
  ]);
  await agreements.upsert(tx, next);
  const head = { entity: 'agreement', entityId: next.id, classification: next.classification, ownerOrg: next.ownerOrg };
  const entries: Change[] = [
    { ...head, action, before: before && agreementHeadView(before), after: agreementHeadView(next) },
  ];
  // A proposal from a negotiation room to set the scope or excluded groups was approved against
  // these as they stood: it is voided, in its room's trail, and the room's open pages are told.
  const at = Date.now();
  const voided = before
    ? await rooms.voidSettingTerms(
        tx,
        next.id,
        {
          scope: !sameRecord(before.scope, next.scope),
          excluded: !sameRecord([...before.excluded].sort(), [...next.excluded].sort()),
        },
        at,
      )
    : [];
  const events: TruceEvent[] = [];
  for (const roomId of new Set(voided.map((v) => v.roomId))) {
    const room = (await rooms.get(tx, roomId))!;
    const ids = voided.filter((v) => v.roomId === roomId).map((v) => v.id);
    entries.push(auditRoom('void-publications', room, { voided_publications: ids, agreement_terms_changed: true }));
    events.push({ type: 'negotiation_room.changed', entity: 'negotiation_room', id: roomId, at });
  }
  entries.push(...clauseChanges(next.id, before?.clauses ?? [], next.clauses));
  const value = (await readWithin(tx, reader, (sql) => agreements.getRecord(sql, next.id)))!;
  // Its Arabic title alone judges nothing again: no rule and no explanation reads it.
  if (before && onlyArabicNameChanged(plain(before), plain(next))) return { value, audit: entries, events };
  return {
    value,
    audit: entries,
    events,
    recompute: {
      scope: await affectedByAgreement(tx, plain(next), before ? plain(before) : undefined),
      cause,
      subject: { entity: 'agreement', id: next.id },
    },
  };
}

/** A clause that changed is audited as removed (at its old classification) and added (at its new one). */
function clauseChanges(
  agreementId: string,
  before: readonly agreements.ClauseRecord[],
  after: readonly agreements.ClauseRecord[],
): Change[] {
  const changes: Change[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const [b, a] = [before[i], after[i]];
    if (b && a && sameRecord(b, a)) continue;
    const entityId = `${agreementId}#${i}`;
    if (b)
      changes.push({
        action: 'delete',
        entity: 'agreement_clause',
        entityId,
        classification: b.classification,
        ownerOrg: b.ownerOrg,
        before: clauseView(b),
      });
    if (a)
      changes.push({
        action: 'create',
        entity: 'agreement_clause',
        entityId,
        classification: a.classification,
        ownerOrg: a.ownerOrg,
        after: clauseView(a),
      });
  }
  return changes;
}

/** The agreement as stored, locked until the transaction ends; not found unless the reader may see it. */
export async function lockVisibleAgreement(tx: Sql, reader: Reader, id: string): Promise<agreements.AgreementRecord> {
  if (!(await readWithin(tx, reader, (sql) => agreements.getRecord(sql, id)))) throw notFound('agreement', id);
  await agreements.lock(tx, id);
  return (await agreements.getRecord(tx, id))!;
}
