/** The world as the database holds it, in the domain's shapes. */
import type { World } from '../../domain/model.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import * as actors from '../../store/actor.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import type { Sql } from '../../store/database.ts';
import * as incidents from '../../store/incident.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import * as settings from '../../store/settings.repository.ts';
import * as zones from '../../store/zone.repository.ts';

/** What every rule needs: actors, agreements, zones. */
export async function loadRulebook(sql: Sql): Promise<Rulebook> {
  // One after another: a transaction's connection runs one query at a time.
  return new Rulebook({
    actors: await actors.list(sql),
    agreements: await agreements.list(sql),
    zones: await zones.list(sql),
  });
}

/** The whole world; with `incidents: false`, without the incidents (they can be many). */
export async function loadWorld(sql: Sql, options: { incidents?: boolean } = {}): Promise<World> {
  const stored = await settings.get(sql);
  // The default calm setting (a bundle's) with its own period: what `scenario run` counts.
  const calm = (await settings.listCalm(sql)).find((c) => c.isDefault);
  return {
    timezone: stored.timezone,
    hostState: stored.hostState,
    actors: await actors.list(sql),
    agreements: await agreements.list(sql),
    zones: await zones.list(sql),
    incidents: options.incidents === false ? [] : await incidents.list(sql),
    protectedSites: await plans.listProtectedSites(sql),
    operations: await plans.listOperations(sql),
    convoys: await plans.listConvoys(sql),
    calm: calm ? settings.calmSpec(calm) : null,
  };
}
