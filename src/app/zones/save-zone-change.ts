/** The common end of every change to a zone: check it, store it, audit it, name the findings to judge again. */
import type { Reader } from '../../store/reader.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import * as zones from '../../store/zone.repository.ts';
import { affectedByZone } from '../findings/affected-findings.ts';
import type { Caller } from '../caller.ts';
import { flagRequestsAlong } from '../convoys/flag-control-changes.ts';
import { type ZoneAction, zoneChanged } from '../findings/finding-causes.ts';
import { requireAfter, requireKnownActors } from '../shared/references.ts';
import { zoneView } from '../shared/views.ts';
import type { WorldChange } from '../shared/write-world.ts';

export async function saveZoneChange(
  tx: Sql,
  by: Caller,
  reader: Reader,
  before: zones.ZoneRecord | null,
  next: zones.ZoneRecord,
  action: ZoneAction,
): Promise<WorldChange<zones.ZoneRecord>> {
  next.control.forEach((c, i) => requireAfter(`control[${i}].to`, c.from, c.to));
  await requireKnownActors(
    tx,
    next.control.flatMap((c, i) => c.actors.map((id, j) => ({ path: `control[${i}].actors[${j}]`, id }))),
  );
  await zones.upsert(tx, next);
  // Convoy requests in force along the zone are flagged in the same transaction (docs/access.md).
  const flagged = await flagRequestsAlong(tx, before, next);
  return {
    value: (await readWithin(tx, reader, (sql) => zones.getRecord(sql, next.id)))!,
    audit: [
      {
        action,
        entity: 'zone',
        entityId: next.id,
        classification: next.classification,
        ownerOrg: next.ownerOrg,
        before: before && zoneView(before),
        after: zoneView(next),
      },
      ...flagged.audit,
    ],
    events: flagged.events,
    recompute: {
      scope: await affectedByZone(tx, next, before ?? undefined),
      cause: zoneChanged(next, action, by),
      subject: { entity: 'zone', id: next.id },
    },
  };
}
