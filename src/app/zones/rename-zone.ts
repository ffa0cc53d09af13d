/**
 * PATCH /zones/{id}: a zone renamed (world:manage), a zone the caller may see, in English, in
 * Arabic or both. Its area and control stay as they are, so no verdict can move; but its changes
 * of control say its English name, so a new one has them judged again, their history saying why
 * (`?dry_run=true`: how many, nothing saved). The Arabic name no rule reads. The same names again
 * write nothing.
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
      // Left out, the Arabic name stays; empty, it goes.
      const nameAr = input.name_ar === undefined ? (before.nameAr ?? null) : input.name_ar || null;
      if (before.name === input.name && (before.nameAr ?? null) === nameAr) return { value: before, audit: [] };
      const { nameAr: _was, ...rest } = before;
      const after: zones.ZoneRecord = { ...rest, name: input.name, ...(nameAr === null ? {} : { nameAr }) };
      await zones.update(tx, zoneId, { name: input.name, nameAr });
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
        recompute:
          before.name === input.name
            ? undefined
            : {
                scope: { incidents: new Set(), zones: new Set([zoneId]) },
                cause: zoneRenamed(after, before.name, by),
                subject: { entity: 'zone', id: zoneId },
              },
      };
    },
    options,
  );
}
