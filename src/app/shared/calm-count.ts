/**
 * The days of calm of one agreement over a calm setting's own period (spec: "Calm"), counted from
 * the violations the reader may see: the state of the truce shows it, and a change of the
 * settings says how it would move.
 */
import { countCalm } from '../../domain/calm.ts';
import type { CalmResult } from '../../domain/findings.ts';
import type { CalmSpec } from '../../domain/model.ts';
import { type DayZone, type Interval, nextDate } from '../../domain/time.ts';
import * as findings from '../../store/finding.repository.ts';
import type { Sql } from '../../store/sql.ts';

export async function countCalmOver(
  sql: Sql,
  zone: DayZone,
  spec: CalmSpec,
  inForce: readonly Interval[],
): Promise<CalmResult> {
  const period = await findings.violationsDuring(
    sql,
    zone.startOf(spec.from),
    zone.startOf(nextDate(spec.to)),
    spec.agreement,
  );
  return countCalm(
    spec,
    inForce,
    zone,
    period.map((v) => ({ ...v, verdict: 'violation' })),
  );
}

/** The longest run of calm days: what the state of the truce shows against the days required. */
export const longestRun = (days: readonly { streak: number }[]): number =>
  days.reduce((n, d) => Math.max(n, d.streak), 0);
