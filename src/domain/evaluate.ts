/** Runs every rule over a world: the result a scenario bundle, or the database, gives. */
import { adjudicateIncident } from './adjudicate.ts';
import { countCalm } from './calm.ts';
import { convoyApprovals } from './convoys.ts';
import { deconflictOperation } from './deconflict.ts';
import type { Evaluation, IncidentFinding, TerritoryFinding } from './findings.ts';
import type { World } from './model.ts';
import { compareIds, Rulebook } from './rulebook.ts';
import { territoryFindings } from './territory.ts';
import { dayZone } from './time.ts';

export function evaluate(world: World): Evaluation {
  const book = new Rulebook(world);
  const findings = sortFindings(world.incidents.flatMap((i) => adjudicateIncident(book, i)));
  const territory = sortTerritory(world.zones.flatMap((z) => territoryFindings(book, z)));
  return {
    findings,
    territory,
    ...evaluatePlans(book, world),
    calm: evaluateCalm(world, findings, territory),
  };
}

/** Deconfliction and convoys: derived from plans, not from incidents. */
export function evaluatePlans(book: Rulebook, world: World): Pick<Evaluation, 'deconfliction' | 'convoys'> {
  return {
    deconfliction: [...world.operations]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((o) => deconflictOperation(o, world.protectedSites)),
    convoys: [...world.convoys]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((c) => convoyApprovals(book, c, world.hostState)),
  };
}

export function evaluateCalm(
  world: World,
  findings: IncidentFinding[],
  territory: TerritoryFinding[],
): Evaluation['calm'] {
  if (!world.calm) return null;
  const zone = dayZone(world.timezone);
  if (!zone) throw new Error(`unknown timezone "${world.timezone}"`);
  // Validation makes the calm agreement one of the world's; were it missing, no day would be in force, so none calm.
  const agreement = world.agreements.find((g) => g.id === world.calm!.agreement);
  return countCalm(world.calm, agreement?.inForce ?? [], zone, [...findings, ...territory]);
}

/** By incident id, then agreement id with the `null` agreement first. */
export function sortFindings(findings: IncidentFinding[]): IncidentFinding[] {
  return findings.sort(
    (a, b) =>
      compareIds(a.incident, b.incident) ||
      (a.agreement === b.agreement
        ? 0
        : a.agreement === null
          ? -1
          : b.agreement === null
            ? 1
            : compareIds(a.agreement, b.agreement)),
  );
}

/** By zone id, then time, then agreement id. */
export function sortTerritory(territory: TerritoryFinding[]): TerritoryFinding[] {
  return territory.sort((a, b) => compareIds(a.zone, b.zone) || a.at - b.at || compareIds(a.agreement, b.agreement));
}
