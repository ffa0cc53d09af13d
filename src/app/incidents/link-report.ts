/**
 * Linking a report to an incident by hand, unlinking it, and splitting it out into an incident of
 * its own: both must be visible to the caller. A report is an account of one incident at a time. The facts of the incident do not
 * change, so its findings stand; the audit trail records the link on both records.
 */
import { statement } from '../../domain/statements.ts';
import * as incidents from '../../store/incident.repository.ts';
import type { Sql } from '../../store/sql.ts';
import { readWithin } from '../../store/reader-within.ts';
import * as reports from '../../store/report.repository.ts';
import { audit, type Change } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { newId } from '../accounts/secrets.ts';
import { insertIncident } from './create-incident.ts';
import { getIncident, type IncidentDetail } from './get-incident.ts';
import { publishIncidentChange } from './incident-changes.ts';

interface Pair {
  incident: incidents.IncidentView;
  report: reports.ReportRecord;
  /** The incident the report is linked to now (whether the caller may see it or not). */
  linkedTo: string | null;
}

/** Both records as the caller sees them, locked; an unseen incident is not found, an unseen report is a bad request. */
async function lockPair(
  sql: Sql,
  incidentId: string,
  reportId: string,
  reportNotFound: (id: string) => AppError,
): Promise<Pair> {
  const incident = (await incidents.lock(sql, incidentId))
    ? (await incidents.getMany(sql, [incidentId]))[0]
    : undefined;
  if (!incident) throw notFound('incident', incidentId);
  const current = await reports.lockMany(sql, [reportId]);
  const [report] = current.has(reportId) ? await reports.getMany(sql, [reportId]) : [];
  if (!report) throw reportNotFound(reportId);
  return { incident, report, linkedTo: current.get(reportId) ?? null };
}

/** The audit entries of a link or an unlink: one on the report, one on the incident, each at its own classification. */
function linkChanges({ incident, report }: Pick<Pair, 'incident' | 'report'>, linked: boolean): Change[] {
  const linkedTo = { incident_id: incident.id };
  const reportId = { report_id: report.id };
  return [
    {
      action: linked ? 'link' : 'unlink',
      entity: 'report',
      entityId: report.id,
      classification: report.classification,
      ownerOrg: report.ownerOrg,
      before: linked ? { incident_id: null } : linkedTo,
      after: linked ? linkedTo : { incident_id: null },
    },
    {
      action: linked ? 'link-report' : 'unlink-report',
      entity: 'incident',
      entityId: incident.id,
      classification: incident.classification,
      ownerOrg: incident.ownerOrg,
      ...(linked ? { after: reportId } : { before: reportId }),
    },
  ];
}

export async function linkReport(
  ctx: AppContext,
  caller: Caller | null,
  incidentId: string,
  reportId: string,
): Promise<IncidentDetail> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const wrote = await ctx.db.transaction(async (tx) => {
    const { incident, report, linkedTo } = await readWithin(tx, readerOf(c), (sql) =>
      lockPair(sql, incidentId, reportId, (id) => invalid('report_id', `unknown report "${id}"`)),
    );
    if (linkedTo === incidentId) return false;
    if (linkedTo !== null)
      throw new AppError(
        'CONFLICT',
        `report "${reportId}" is already an account of another incident: unlink it first`,
        'report_id',
        statement('error.report_linked'),
      );
    await reports.link(tx, [reportId], incidentId);
    await audit(tx, c, at, linkChanges({ incident, report }, true));
    return true;
  });
  if (wrote) {
    ctx.wrote();
    publishIncidentChange(ctx, incidentId, at, false);
  }
  return getIncident(ctx, c, incidentId);
}

export async function unlinkReport(
  ctx: AppContext,
  caller: Caller | null,
  incidentId: string,
  reportId: string,
): Promise<IncidentDetail> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const { incident, report, linkedTo } = await readWithin(tx, readerOf(c), (sql) =>
      lockPair(sql, incidentId, reportId, (id) => notFound('report', id)),
    );
    if (linkedTo !== incidentId) throw notFound('report', reportId);
    await reports.link(tx, [reportId], null);
    await audit(tx, c, at, linkChanges({ incident, report }, false));
  });
  ctx.wrote();
  publishIncidentChange(ctx, incidentId, at, false);
  return getIncident(ctx, c, incidentId);
}

/**
 * Splits a report out of an incident: it becomes the only account of a new incident, made from
 * its facts and judged at once; the incident it left keeps its history, and the audit trail
 * holds the unlink on both and the new incident's creation. One transaction.
 */
export async function splitReport(
  ctx: AppContext,
  caller: Caller | null,
  incidentId: string,
  reportId: string,
): Promise<IncidentDetail> {
  const c = requirePermission(caller, 'incident:manage');
  const at = ctx.now();
  const id = newId();
  const changed = await ctx.db.transaction(async (tx) => {
    const { incident, report, linkedTo } = await readWithin(tx, readerOf(c), (sql) =>
      lockPair(sql, incidentId, reportId, (rid) => notFound('report', rid)),
    );
    if (linkedTo !== incidentId) throw notFound('report', reportId);
    await reports.link(tx, [reportId], null);
    await audit(tx, c, at, linkChanges({ incident, report }, false));
    return insertIncident(tx, c, id, at, { reportIds: [reportId], classification: report.classification });
  });
  ctx.wrote();
  publishIncidentChange(ctx, incidentId, at, false);
  publishIncidentChange(ctx, id, at, changed);
  return getIncident(ctx, c, id);
}
