/**
 * PATCH /besieged-areas/{id} (besieged:manage): its names, a status from a day (one given for a
 * day already recorded replaces it), its besiegers (the whole list). Only what is given changes;
 * an area the caller may not see is not found.
 */
import * as besieged from '../../store/besieged.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { writeWorld } from '../shared/write-world.ts';
import { areaChange, areaView, lockVisibleArea, requireBesiegers } from './besieged-access.ts';

export interface ChangeAreaInput {
  name?: string | undefined;
  /** Null or empty: no Arabic name. */
  nameAr?: string | null | undefined;
  status?: besieged.StatusRecord | undefined;
  besiegers?: besieged.BesiegerRecord[] | undefined;
}

export async function changeBesiegedArea(
  ctx: AppContext,
  caller: Caller | null,
  id: string,
  input: ChangeAreaInput,
): Promise<besieged.BesiegedAreaRead> {
  const by = requirePermission(caller, 'besieged:manage');
  const { value } = await writeWorld(ctx, by, async (tx) => {
    const before = await lockVisibleArea(tx, by, id);
    if (input.name !== undefined || input.nameAr !== undefined)
      await besieged.rename(
        tx,
        id,
        input.name ?? before.name,
        input.nameAr === undefined ? before.nameAr : input.nameAr || null,
      );
    if (input.status) await besieged.putStatus(tx, id, input.status);
    if (input.besiegers) {
      await requireBesiegers(tx, input.besiegers);
      await besieged.replaceBesiegers(tx, id, input.besiegers);
    }
    const after = (await besieged.get(tx, id))!;
    return {
      value: (await readWithin(tx, readerOf(by), (sql) => besieged.get(sql, id)))!,
      audit: [areaChange('update', after, areaView(before), areaView(after))],
    };
  });
  return value;
}
