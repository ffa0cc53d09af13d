/**
 * The stored findings as an evaluation: incident and territory findings as stored, deconfliction
 * and convoys judged from the stored plans, and the calm count from the stored findings. Its
 * result document equals `scenario run` on the bundle that was loaded.
 */
import { evaluateCalm, evaluatePlans, sortFindings, sortTerritory } from '../../domain/evaluate.ts';
import type { Evaluation, IncidentFinding, TerritoryFinding } from '../../domain/findings.ts';
import type { World } from '../../domain/model.ts';
import { Rulebook } from '../../domain/rulebook.ts';
import type { Sql } from '../../store/database.ts';
import * as findings from '../../store/finding.repository.ts';
import * as settings from '../../store/settings.repository.ts';
import { loadWorld } from './load-world.ts';

const toIncidentFinding = (f: findings.StoredFinding): IncidentFinding => ({
  incident: f.subjectId,
  agreement: f.agreement,
  verdict: f.verdict,
  violator: f.violators[0] ?? null,
  reasons: f.reasons,
  rule: f.rule,
  obligation: f.obligation,
  at: f.at,
  restsOnZones: f.restsOnZones,
  statements: f.statements,
  explanation: f.explanation,
});

const toTerritoryFinding = (f: findings.StoredFinding): TerritoryFinding => ({
  zone: f.subjectId,
  at: f.at,
  agreement: f.agreement ?? '',
  verdict: f.verdict,
  violators: f.violators,
  reasons: f.reasons,
  rule: f.rule,
  gainers: (f.facts?.gainers as string[] | undefined) ?? [],
  losers: (f.facts?.losers as string[] | undefined) ?? [],
  statements: f.statements,
  explanation: f.explanation,
});

export interface StoredEvaluation {
  name: string;
  world: World;
  evaluation: Evaluation;
}

export async function listStoredFindings(sql: Sql, options: { incidents?: boolean } = {}): Promise<StoredEvaluation> {
  const world = await loadWorld(sql, { incidents: options.incidents ?? false });
  const stored = await findings.list(sql);
  const incidentFindings = sortFindings(stored.filter((f) => f.kind === 'incident').map(toIncidentFinding));
  const territory = sortTerritory(stored.filter((f) => f.kind === 'territory').map(toTerritoryFinding));
  const book = new Rulebook(world);
  return {
    name: (await settings.get(sql)).name,
    world,
    evaluation: {
      findings: incidentFindings,
      territory,
      ...evaluatePlans(book, world),
      calm: evaluateCalm(world, incidentFindings, territory),
    },
  };
}
