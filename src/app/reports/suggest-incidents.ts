/**
 * The incidents a report may be an account of, as the caller may see them: the database finds
 * those near in time and place, and the matching rule (domain/report-matching) decides and
 * scores. The incident the report is already linked to is left out.
 */
import {
  boxAround,
  type Claim,
  MATCH_RULES,
  type Match,
  MAX_INCIDENT_PRECISION_M,
  placePrecisionM,
  rankMatches,
} from '../../domain/report-matching.ts';
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

export interface Suggestion {
  incident: incidents.IncidentView;
  match: Match;
}

/** How many incidents near a report are weighed at most. */
const CANDIDATES = 1_000;

export const reportClaim = (r: reports.ReportRecord): Claim => ({
  from: r.claimedAt - r.timePrecisionS * 1000,
  to: r.claimedAt + r.timePrecisionS * 1000,
  position: [r.location.lon, r.location.lat],
  precisionM: r.locationPrecisionM,
  act: r.act,
});

export const incidentClaim = (i: incidents.IncidentView): Claim => ({
  from: i.occurredAt,
  to: Math.max(i.occurredAt, i.occurredUntil ?? i.occurredAt),
  position: [i.location.lon, i.location.lat],
  precisionM: placePrecisionM(i.locationPrecision ?? null),
  act: i.act,
});

export async function suggestIncidents(
  ctx: AppContext,
  caller: Caller | null,
  reportId: string,
  limit: number,
): Promise<Suggestion[]> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), async (sql) => {
    const [report] = await reports.getMany(sql, [reportId]);
    if (!report) throw notFound('report', reportId);
    const claim = reportClaim(report);
    const box = boxAround(claim.position, MATCH_RULES.distanceM + report.locationPrecisionM + MAX_INCIDENT_PRECISION_M);
    const during = { from: claim.from - MATCH_RULES.timeSlackMs, to: claim.to + MATCH_RULES.timeSlackMs };
    const candidates = (await incidents.listNear(sql, during, box, CANDIDATES)).filter(
      (i) => i.id !== report.incidentId,
    );
    return rankMatches(
      claim,
      candidates.map((i) => ({ item: i, claim: incidentClaim(i) })),
    )
      .slice(0, limit)
      .map(({ item, match }) => ({ incident: item, match }));
  });
}
