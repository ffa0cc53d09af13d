/**
 * The scenario bundle of what the caller may see (`truce-scenario/1`, shared/spec/scenario.md):
 * the world as the reader sees it (actors, agreements, zones, protected sites, operations,
 * convoys, the timezone, the host state, the days of calm) and the incidents that match the
 * list's filters, streamed last, a page at a time. `truce scenario load` reads it back; loaded
 * into a new database by a reader who sees everything, it gives the same findings.
 */
import type { IncidentFilter, IncidentSort } from '../../contract/lists.ts';
import type { ExportedIncident } from '../../ingest/exports/exported-incident.ts';
import { isoOut } from '../../ingest/exports/exported-incident.ts';
import { worldToBundle } from '../../scenario/convert.ts';
import type { BundleIncident } from '../../scenario/bundle.schema.ts';
import { asReader } from '../../store/reader.ts';
import * as settings from '../../store/settings.repository.ts';
import { type Caller, readerOf } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { loadWorld } from '../findings/load-world.ts';
import { followingPages, readIncidentPage } from './incident-pages.ts';

const bundleIncident = (i: ExportedIncident): BundleIncident => ({
  id: i.id,
  occurred_at: isoOut(i.occurred_at),
  location: { lon: i.lon, lat: i.lat },
  act: i.act,
  perpetrator: i.perpetrator,
  target:
    i.target_civilian !== null
      ? { civilian: i.target_civilian }
      : i.target_actor !== null
        ? { actor: i.target_actor }
        : null,
  self_defense_claim: i.self_defense_claim,
});

export async function bundleChunks(
  ctx: AppContext,
  caller: Caller,
  filter: IncidentFilter,
  sort: IncidentSort,
): Promise<AsyncIterable<string>> {
  const { world, name } = await asReader(ctx.db, readerOf(caller), async (sql) => ({
    world: await loadWorld(sql, { incidents: false }),
    name: (await settings.get(sql)).name,
  }));
  const first = await readIncidentPage(ctx, caller, filter, sort, null);
  const { incidents: _none, ...rest } = worldToBundle(world, name);
  // Everything but the incidents as one JSON object, left open for them.
  const head = `${JSON.stringify(rest, null, 1).slice(0, -2)},\n "incidents": [\n`;
  return (async function* () {
    yield head;
    let count = 0;
    for await (const page of followingPages(ctx, caller, filter, sort, first)) {
      if (page.length === 0) continue;
      yield (count === 0 ? '  ' : ',\n  ') + page.map((i) => JSON.stringify(bundleIncident(i))).join(',\n  ');
      count += page.length;
    }
    yield '\n ]\n}\n';
  })();
}
