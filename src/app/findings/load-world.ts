/** The world as the database holds it, in the domain's shapes. */
import type { World } from '../../domain/model.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import { listActors } from '../../store/actor.repository.ts';
import { listAgreements } from '../../store/agreement.repository.ts';
import type { Sql } from '../../store/database.ts';
import { listIncidents } from '../../store/incident.repository.ts';
import { listConvoys, listOperations, listProtectedSites } from '../../store/plan.repository.ts';
import { getSettings } from '../../store/settings.repository.ts';
import { listZones } from '../../store/zone.repository.ts';

/** What every rule needs: actors, agreements, zones. */
export async function loadRulebook(sql: Sql): Promise<Rulebook> {
  // One after another: a transaction's connection runs one query at a time.
  return new Rulebook({
    actors: await listActors(sql),
    agreements: await listAgreements(sql),
    zones: await listZones(sql),
  });
}

/** The whole world; with `incidents: false`, without the incidents (they can be many). */
export async function loadWorld(sql: Sql, options: { incidents?: boolean } = {}): Promise<World> {
  const settings = await getSettings(sql);
  return {
    timezone: settings.timezone,
    hostState: settings.hostState,
    actors: await listActors(sql),
    agreements: await listAgreements(sql),
    zones: await listZones(sql),
    incidents: options.incidents === false ? [] : await listIncidents(sql),
    protectedSites: await listProtectedSites(sql),
    operations: await listOperations(sql),
    convoys: await listConvoys(sql),
    calm: settings.calm,
  };
}
