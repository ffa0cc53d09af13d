/**
 * Keeps stored findings true to the stored facts. Given which incidents and zones a change can
 * have affected, it judges those again, and writes only the findings that changed, keeping the
 * previous ones in history.
 */
import { adjudicateIncident } from '../../domain/adjudicate.ts';
import { type IncidentFinding, RULES_VERSION, type TerritoryFinding } from '../../domain/findings.ts';
import { compareIds, type Rulebook } from '../../domain/rulebook.ts';
import { territoryFindings } from '../../domain/territory.ts';
import type { Sql } from '../../store/database.ts';
import * as findings from '../../store/finding.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { loadRulebook } from './load-world.ts';

export interface RecomputeScope {
  incidents: 'all' | ReadonlySet<string>;
  zones: 'all' | ReadonlySet<string>;
}

export const NOTHING: RecomputeScope = { incidents: new Set(), zones: new Set() };

export function mergeScopes(a: RecomputeScope, b: RecomputeScope): RecomputeScope {
  const merge = (x: 'all' | ReadonlySet<string>, y: 'all' | ReadonlySet<string>) =>
    x === 'all' || y === 'all' ? 'all' : new Set([...x, ...y]);
  return { incidents: merge(a.incidents, b.incidents), zones: merge(a.zones, b.zones) };
}

export const storedIncidentFinding = (f: IncidentFinding): findings.StoredFinding => ({
  key: findings.incidentFindingKey(f.incident, f.agreement),
  kind: 'incident',
  subjectId: f.incident,
  agreement: f.agreement,
  at: f.at,
  verdict: f.verdict,
  violators: f.violator === null ? [] : [f.violator],
  reasons: f.reasons,
  rule: f.rule,
  obligation: f.obligation,
  restsOnZones: f.restsOnZones,
  statements: f.statements,
  explanation: f.explanation,
  facts: null,
  rulesVersion: RULES_VERSION,
});

export const storedTerritoryFinding = (f: TerritoryFinding): findings.StoredFinding => ({
  key: findings.territoryFindingKey(f.zone, f.at, f.agreement),
  kind: 'territory',
  subjectId: f.zone,
  agreement: f.agreement,
  at: f.at,
  verdict: f.verdict,
  violators: f.violators,
  reasons: f.reasons,
  rule: f.rule,
  obligation: null,
  restsOnZones: [],
  statements: f.statements,
  explanation: f.explanation,
  facts: { gainers: f.gainers, losers: f.losers },
  rulesVersion: RULES_VERSION,
});

export interface RecomputeResult {
  incidents: findings.FindingChanges;
  territory: findings.FindingChanges;
}

/**
 * Incidents judged per round. A round reads its incidents and their findings, judges them and
 * writes what changed, so memory and each statement stay bounded whatever the scope (a change to
 * an agreement can reach every incident), and the server answers other requests between rounds.
 */
const BATCH = 5_000;

/**
 * A re-judgement of more incidents than this locks their table once (EXCLUSIVE: reads go on; writers of incidents,
 * and writers of their findings, who lock an incident first, wait) rather than each incident's row, as a smaller one
 * does: a row lock writes its row's page, and a re-judgement keeps its locks to its end either way.
 */
const LOCK_TABLE_FROM = 20_000;

export interface RecomputeOptions {
  book?: Rulebook;
  /** Judge and compare with what is stored, and write nothing: what a dry run reports. */
  dryRun?: boolean;
  /** Incidents from which their table is locked rather than their rows (LOCK_TABLE_FROM; tests lower it). */
  lockTableFrom?: number;
}

export async function recomputeFindings(
  sql: Sql,
  scope: RecomputeScope,
  cause: findings.Cause,
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const rules = options.book ?? (await loadRulebook(sql));
  const mode = { dryRun: options.dryRun === true };
  const all = scope.incidents === 'all';
  const incidentIds = all ? await incidents.ids(sql) : [...scope.incidents];
  const locked = !mode.dryRun && incidentIds.length >= (options.lockTableFrom ?? LOCK_TABLE_FROM);
  if (locked) await sql.query('lock table incidents in exclusive mode');
  // Every incident, with no row locked one by one: rounds are ranges of ids in the database's order, which the
  // indexes read as ranges. Otherwise rounds in byte order, the one order incidents' rows are locked in
  // (findings.replace), round after round.
  const byRange = all && (locked || mode.dryRun);
  if (!byRange) incidentIds.sort(compareIds);
  const incidentChanges = findings.NO_CHANGES();
  for (let i = 0; i < incidentIds.length; i += BATCH) {
    const ids = incidentIds.slice(i, i + BATCH);
    const range = byRange ? { first: ids[0]!, last: ids.at(-1)!, of: new Set(ids) } : undefined;
    const facts = range
      ? (await incidents.listBetween(sql, range.first, range.last)).filter((x) => range.of.has(x.id))
      : await incidents.list(sql, ids);
    const judged = facts.flatMap((x) => adjudicateIncident(rules, x));
    findings.addChanges(
      incidentChanges,
      await findings.replace(sql, 'incident', ids, judged.map(storedIncidentFinding), cause, {
        ...mode,
        locked,
        range,
      }),
    );
  }
  // A ruling stands beside its finding; a change that moves the rules' verdict asks for another look at it.
  if (!mode.dryRun && incidentChanges.inserted + incidentChanges.updated + incidentChanges.withdrawn > 0) {
    if (scope.incidents === 'all') await rulings.flagChanged(sql, 'all');
    else
      for (let i = 0; i < incidentIds.length; i += BATCH)
        await rulings.flagChanged(sql, incidentIds.slice(i, i + BATCH));
  }

  const zones = rules.zoneList.filter((z) => scope.zones === 'all' || scope.zones.has(z.id));
  const zoneIds = scope.zones === 'all' ? zones.map((z) => z.id) : [...scope.zones];
  const territoryChanges = await findings.replace(
    sql,
    'territory',
    zoneIds,
    zones.flatMap((z) => territoryFindings(rules, z)).map(storedTerritoryFinding),
    cause,
    mode,
  );
  return { incidents: incidentChanges, territory: territoryChanges };
}
