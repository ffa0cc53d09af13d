/**
 * Creating an incident, from reports the caller can see (its facts default from the first of
 * them), from facts given outright, or both (given facts win). Its classification defaults to
 * the most restricted of its reports' (`org` without reports); its owner is the caller's
 * organization. One transaction: the incident, the links, its findings and the audit entries.
 */
import type { Classification } from '../../contract/access.ts';
import type { AccessCategory } from '../../contract/access-constraints.ts';
import { statement } from '../../domain/statements.ts';
import type { AttributionGrade, IncidentStatus } from '../../domain/assessment.ts';
import type { Act, Target } from '../../domain/model.ts';
import type { Instant } from '../../domain/time.ts';
import * as incidents from '../../store/incident.repository.ts';
import { readWithin } from '../../store/reader-within.ts';
import type { Sql } from '../../store/sql.ts';
import * as reports from '../../store/report.repository.ts';
import { newId } from '../accounts/secrets.ts';
import { affectedByIncidents } from '../findings/affected-findings.ts';
import { audit, type Change } from '../shared/audit.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import { mostRestrictive } from '../classification.ts';
import type { AppContext } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { incidentChanged } from '../findings/finding-causes.ts';
import { recomputeFindings } from '../findings/recompute-findings.ts';
import { getIncident, type IncidentDetail } from './get-incident.ts';
import { checkingActors, findingsChanged, incidentSnapshot, publishIncidentChange } from './incident-changes.ts';

/** Facts of an incident; on creation, each one missing is taken from the first report. */
export interface IncidentFacts {
  occurredAt?: Instant | undefined;
  occurredUntil?: Instant | null | undefined;
  location?: { lon: number; lat: number } | undefined;
  act?: Act | undefined;
  perpetrator?: string | null | undefined;
  target?: Target | undefined;
  selfDefenseClaim?: boolean | undefined;
  place?: string | null | undefined;
  headline?: string | null | undefined;
  deaths?: { low: number; best: number; high: number } | null | undefined;
  /** The kind of access constraint, for an incident of act access_denial (OCHA's categories). */
  accessCategory?: AccessCategory | null | undefined;
}

export interface NewIncident extends IncidentFacts {
  reportIds: string[];
  status?: IncidentStatus | undefined;
  grade?: AttributionGrade | null | undefined;
  classification?: Classification | undefined;
}

export async function createIncident(
  ctx: AppContext,
  caller: Caller | null,
  input: NewIncident,
): Promise<IncidentDetail> {
  const c = requirePermission(caller, 'incident:manage');
  const reportIds = input.reportIds;
  const duplicate = reportIds.findIndex((id, i) => reportIds.indexOf(id) !== i);
  if (duplicate >= 0) throw invalid(`report_ids[${duplicate}]`, `names report "${reportIds[duplicate]}" twice`);
  const id = newId();
  const at = ctx.now();
  const changed = await ctx.db.transaction((tx) => insertIncident(tx, c, id, at, input));
  ctx.wrote();
  publishIncidentChange(ctx, id, at, changed);
  return getIncident(ctx, c, id);
}

/**
 * The incident written in the caller's transaction: its reports (not linked elsewhere) linked,
 * its findings judged, the audit entries; whether any finding changed.
 */
export async function insertIncident(tx: Sql, c: Caller, id: string, at: number, input: NewIncident): Promise<boolean> {
  const reportIds = input.reportIds;
  const linked = await readWithin(tx, readerOf(c), async (sql) => {
    const current = await reports.lockMany(sql, reportIds);
    reportIds.forEach((rid, i) => {
      if (!current.has(rid)) throw invalid(`report_ids[${i}]`, `unknown report "${rid}"`);
      if (current.get(rid) !== null)
        throw new AppError(
          'CONFLICT',
          `report "${rid}" is already an account of another incident: unlink it first`,
          `report_ids[${i}]`,
          statement('error.report_linked'),
        );
    });
    return reports.getMany(sql, reportIds);
  });
  const incident = incidentFrom(input, linked, id, c);
  await checkingActors(incident, () => incidents.insert(tx, incident, at));
  await reports.link(tx, reportIds, id);
  const findings = await recomputeFindings(tx, affectedByIncidents([incident]), incidentChanged(id, 'create', c));
  await audit(tx, c, at, [
    {
      action: 'create',
      entity: 'incident',
      entityId: id,
      classification: incident.classification,
      ownerOrg: incident.ownerOrg,
      after: incidentSnapshot(incident),
    },
    ...linked.map((r): Change => ({
      action: 'link',
      entity: 'report',
      entityId: r.id,
      classification: r.classification,
      ownerOrg: r.ownerOrg,
      before: { incident_id: null },
      after: { incident_id: id },
    })),
  ]);
  return findingsChanged(findings);
}

function incidentFrom(
  input: NewIncident,
  linked: readonly reports.ReportRecord[],
  id: string,
  caller: Caller,
): incidents.IncidentWrite {
  const first = linked[0];
  const need = <T>(value: T | undefined, fallback: T | undefined, path: string): T => {
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    throw invalid(path, 'is required when no report is given');
  };
  const occurredAt = need(input.occurredAt, first?.claimedAt, 'occurred_at');
  const occurredUntil =
    input.occurredUntil !== undefined
      ? input.occurredUntil
      : first && first.timePrecisionS > 0
        ? first.claimedAt + first.timePrecisionS * 1000
        : null;
  if (occurredUntil !== null && occurredUntil < occurredAt)
    throw invalid('occurred_until', 'must not be before occurred_at');
  const deaths = input.deaths !== undefined ? input.deaths : deathsFrom(first);
  if (deaths && (deaths.low > deaths.best || deaths.best > deaths.high))
    throw invalid('deaths', 'must have low <= best <= high');
  const perpetrator = input.perpetrator !== undefined ? input.perpetrator : (first?.allegedPerpetrator ?? null);
  const act = need(input.act, first?.act, 'act');
  const accessCategory = input.accessCategory ?? null;
  if (accessCategory !== null && act !== 'access_denial')
    throw invalid(
      'access_category',
      'access_category: only an incident of act access_denial records an access constraint',
    );
  const target = input.target !== undefined ? input.target : (first?.target ?? null);
  return {
    id,
    occurredAt,
    occurredUntil,
    location: need(input.location, first?.location, 'location'),
    act,
    accessCategory,
    perpetrator,
    target,
    selfDefenseClaim: input.selfDefenseClaim ?? false,
    place: input.place ?? null,
    headline: input.headline ?? null,
    deaths: deaths ? { ...deaths, bySide: {} } : null,
    sides: [
      ...new Set(
        [perpetrator, target !== null && 'actor' in target ? target.actor : null].filter(
          (s): s is string => s !== null,
        ),
      ),
    ],
    source: null,
    sourceRef: null,
    status: input.status ?? 'reported',
    grade: input.grade ?? null,
    classification:
      input.classification ??
      mostRestrictive(
        linked.map((r) => r.classification),
        'org',
      ),
    ownerOrg: caller.orgId,
  };
}

/** A report's casualties as an incident's deaths: the best estimate, or the nearest bound given. */
function deathsFrom(r: reports.ReportRecord | undefined): { low: number; best: number; high: number } | null {
  const c = r?.casualties;
  const best = c ? (c.best ?? c.low ?? c.high) : null;
  if (!c || best === null) return null;
  return { low: c.low ?? best, best, high: c.high ?? best };
}
