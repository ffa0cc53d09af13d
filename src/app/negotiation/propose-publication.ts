/**
 * POST /negotiation-rooms/{id}/publications: a member proposes to publish exactly these clause
 * versions as the agreement in force (negotiation:write), with the periods in force, the acts
 * prohibited, the scope and the excluded groups when it changes them. Each version named must be
 * its clause's newest, and have the obligation code it will have in the agreement. The co-chairs
 * whose approval it needs are fixed now: those the agreement names (or every co-chair organization).
 */
import { randomUUID } from 'node:crypto';
import type { Area } from '../../domain/geo.ts';
import type { Act } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as rooms from '../../store/negotiation.repository.ts';
import { asReader } from '../../store/reader.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid } from '../errors.ts';
import { scopeOfAreas } from '../agreements/change-terms.ts';
import { actorRefs, requireAfter, requireKnownActors } from '../shared/references.ts';
import { writeWorld } from '../shared/write-world.ts';
import { announce, approversOf, auditRoom, lockMemberRoom } from './room-access.ts';

export interface PublicationInput {
  versions: { clause: string; version: number }[];
  /** The periods in force once published; null leaves the agreement's as they are. */
  inForce: { from: Instant; to: Instant | null }[] | null;
  /** The acts prohibited once published; null leaves the agreement's as they are. */
  prohibited: Act[] | null;
  /**
   * The scope once published: an area, null for everywhere, the governorates and districts named
   * (their OCHA pcodes: the area is their union), or undefined to keep the agreement's.
   */
  scope?: Area | null | { areas: string[] };
  /** The excluded groups (actor ids) once published; null keeps the agreement's. */
  excluded: string[] | null;
}

export async function proposePublication(
  ctx: AppContext,
  caller: Caller | null,
  roomId: string,
  input: PublicationInput,
): Promise<rooms.PublicationRecord & { missing: string[] }> {
  const by = requirePermission(caller, 'negotiation:write');
  const id = `pub-${randomUUID()}`;
  const at = ctx.now();
  await writeWorld(ctx, by, async (tx) => {
    const room = await lockMemberRoom(tx, by, roomId);
    const clauses = await rooms.listClauses(tx, roomId);
    const seen = new Set<string>();
    input.versions.forEach((v, i) => {
      const clause = clauses.find((c) => c.id === v.clause);
      if (!clause) throw invalid(`versions[${i}].clause`, `the room has no clause "${v.clause}"`);
      if (seen.has(v.clause)) throw invalid(`versions[${i}].clause`, 'names a clause a second time');
      seen.add(v.clause);
      if (clause.current.version !== v.version)
        throw invalid(
          `versions[${i}].version`,
          `is not the newest version of clause ${clause.current.number} (version ${clause.current.version})`,
        );
      if (clause.current.code === null)
        throw invalid(`versions[${i}]`, `clause ${clause.current.number} has no obligation code to be published with`);
    });
    input.inForce?.forEach((f, i) => requireAfter(`in_force[${i}].to`, f.from, f.to));
    const given = input.scope && 'areas' in input.scope ? input.scope.areas : null;
    const areas = given ? [...new Set(given)] : null;
    const scope =
      input.scope === undefined ? null : { area: given ? scopeOfAreas(given) : (input.scope as Area | null) };
    // A change of the agreement's scope or excluded groups voids the proposals that set them
    // (save-agreement-change.ts): locked, such a change either comes before this one or sees it.
    if (scope || input.excluded) await agreements.lock(tx, room.agreementId);
    if (input.excluded) await requireKnownActors(tx, actorRefs('excluded', input.excluded));
    const requiredOrgs = await approversOf(tx, room.agreementId);
    if (requiredOrgs.length === 0)
      throw invalid('versions', 'no co-chair organization exists to approve a publication');
    await rooms.insertPublication(tx, {
      id,
      roomId,
      versions: input.versions,
      inForce: input.inForce,
      prohibited: input.prohibited,
      scope,
      scopeAreas: areas,
      excluded: input.excluded,
      requiredOrgs,
      proposedOrg: by.orgId,
      proposedBy: by.username,
      at,
    });
    return {
      value: null,
      audit: [
        auditRoom('propose-publication', room, {
          publication: id,
          versions: input.versions,
          required: requiredOrgs,
          ...(scope ? { scope: areas ? { areas } : scope.area === null ? 'everywhere' : 'area' } : {}),
          ...(input.excluded ? { excluded: input.excluded } : {}),
        }),
      ],
    };
  });
  announce(ctx, roomId);
  const p = (await asReader(ctx.db, readerOf(by), (sql) => rooms.getPublication(sql, roomId, id)))!;
  return { ...p, missing: p.requiredOrgs };
}
