/**
 * One incident as the caller may see it: its facts and standing, every account linked to it
 * that the caller may see (contradictory ones side by side, with the facts they dispute), its
 * current findings and every finding they replaced.
 */
import { type DisputableFact, disputedFacts } from '../../domain/assessment.ts';
import * as convoyRequests from '../../store/convoy-request.repository.ts';
import * as findings from '../../store/finding.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import { asReader } from '../../store/reader.ts';
import * as reports from '../../store/report.repository.ts';
import * as rulings from '../../store/ruling.repository.ts';
import { type Caller, readerOf, requireCaller } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';

// The record this use case gives, for the routes that describe it (they do not import the store).
export type { IncidentView } from '../../store/incident.repository.ts';

export interface IncidentDetail {
  incident: incidents.IncidentView;
  accounts: reports.ReportRecord[];
  /** The facts on which the accounts contradict one another. */
  disputed: DisputableFact[];
  findings: findings.StoredFinding[];
  findingHistory: findings.HistoryEntry[];
  /** Proposed, in force, withdrawn or superseded: every ruling on its findings, newest first. */
  rulings: rulings.Ruling[];
  /** The convoy request whose turning back or attack recorded it, when the reader may see the request. */
  convoyRequest: { id: string; name: string } | null;
}

export async function getIncident(ctx: AppContext, caller: Caller | null, id: string): Promise<IncidentDetail> {
  const c = requireCaller(caller);
  return asReader(ctx.db, readerOf(c), async (sql) => {
    const [incident] = await incidents.getMany(sql, [id]);
    if (!incident) throw notFound('incident', id);
    const accounts = await reports.listOfIncident(sql, id);
    const current = (await findings.listOfSubjects(sql, 'incident', [id])).sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    return {
      incident,
      accounts,
      disputed: disputedFacts(accounts),
      findings: current,
      findingHistory: await findings.historyOfSubject(sql, 'incident', id),
      rulings: await rulings.listOfIncident(sql, id),
      convoyRequest: await convoyRequests.ofIncident(sql, id),
    };
  });
}
