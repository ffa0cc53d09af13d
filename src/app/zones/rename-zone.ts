/**
 * PATCH /zones/{id}: a zone renamed (world:manage), a zone the caller may see. Its area and
 * control stay as they are, so no verdict can move; but its changes of control say its name, so
 * they are judged again, their history saying why (`?dry_run=true`: how many, nothing saved).
 * The same name again writes nothing.
 */
import { readWithin } from '../../store/reader-within.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { zoneRenamed } from '../findings/finding-causes.ts';
import type { ZoneRename } from '../shared/inputs.ts';
import { zoneView } from '../shared/views.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function renameZone(
  ctx: AppContext,
  caller: Caller | null,
  zoneId: string,
  input: ZoneRename,
  options: WriteOptions = {},
): Promise<Written<zones.ZoneRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      if (!(await readWithin(tx, reader, (sql) => zones.getRecord(sql, zoneId)))) throw notFound('zone', zoneId);
      await zones.lock(tx, zoneId);
      const before = (await zones.getRecord(tx, zoneId))!;
      if (before.name === input.name) return { value: before, audit: [] };
      const after = { ...before, name: input.name };
      await zones.update(tx, zoneId, { name: input.name });
      return {
        value: (await readWithin(tx, reader, (sql) => zones.getRecord(sql, zoneId)))!,
        audit: [
          {
            action: 'rename',
            entity: 'zone',
            entityId: zoneId,
            classification: before.classification,
            ownerOrg: before.ownerOrg,
            before: zoneView(before),
            after: zoneView(after),
          },
        ],
        recompute: {
          scope: { incidents: new Set(), zones: new Set([zoneId]) },
          cause: zoneRenamed(after, before.name, by),
          subject: { entity: 'zone', id: zoneId },
        },
      };
    },
    options,
  );
}
