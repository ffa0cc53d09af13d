/**
 * POST /zones/{id}/control: control changed hands at `at`. The entries open then are closed at
 * `at` and a new one opens with the new holders (until `to`, when their hold is known to have
 * ended), with its source and the analyst's confidence: the usual way to record a change, which
 * the rules then judge as a change of control (a territory finding).
 */
import { parseInstant } from '../../domain/time.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { invalid, notFound } from '../errors.ts';
import type { ControlChangeInput } from '../shared/inputs.ts';
import { actorRefs, requireAfter, requireKnownActors } from '../shared/references.ts';
import { iso } from '../shared/views.ts';
import { saveZoneChange } from './save-zone-change.ts';
import { writeWorld, type WriteOptions, type Written } from '../shared/write-world.ts';

export async function appendControl(
  ctx: AppContext,
  caller: Caller | null,
  zoneId: string,
  input: ControlChangeInput,
  options: WriteOptions = {},
): Promise<Written<zones.ZoneRecord>> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  const at = parseInstant(input.at)!;
  const to = input.to === null ? null : parseInstant(input.to)!;
  requireAfter('to', at, to, 'at');
  return writeWorld(
    ctx,
    by,
    async (tx) => {
      if (!(await readWithin(tx, reader, (sql) => zones.getRecord(sql, zoneId)))) throw notFound('zone', zoneId);
      // Named by the request's own fields (the whole history's paths would mean nothing to the caller).
      await requireKnownActors(tx, actorRefs('actors', input.actors));
      await zones.lock(tx, zoneId);
      const stored = (await zones.getRecord(tx, zoneId))!;
      // A change comes after everything recorded; history is corrected with PUT.
      if (!stored.control.every((c) => (c.to === null ? c.from < at : c.to <= at))) {
        const latest = Math.max(...stored.control.map((c) => c.to ?? c.from));
        throw invalid(
          'at',
          `at: must be after the last recorded change of control (${iso(latest)}); correct the history with PUT`,
        );
      }
      const control: zones.ControlRecord[] = [
        ...stored.control.map((c) => (c.to === null ? { ...c, to: at } : c)),
        { actors: [...new Set(input.actors)], from: at, to, source: input.source, confidence: input.confidence },
      ];
      return saveZoneChange(tx, by, reader, stored, { ...stored, control }, 'change-control');
    },
    options,
  );
}
