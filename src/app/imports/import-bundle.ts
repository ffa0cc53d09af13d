/**
 * A scenario bundle (`truce-scenario/1`, as the bundle export writes it) imported over HTTP
 * (docs/imports.md). It is read as `truce scenario load` reads it (scenario/validate.ts: every
 * problem named by its JSON path; scenario/convert.ts) and its new records written in one
 * transaction whose findings are judged again for what they can affect (affected-findings.ts), as
 * load-scenario.ts does. Over HTTP it differs where a caller differs from the operator at the
 * command line:
 *
 * - it needs the permissions of entering each kind of record by hand (world, incidents, plans);
 * - every record it adds is the caller's organization's, under the classification chosen, and is
 *   audited so;
 * - a record is "stored already" only as the caller sees it (import-records.ts: under its id, or
 *   imported under it by an organization), and is then left as it is: an import never overwrites;
 *   any other is stored as the caller's organization's own (`z-aleppo~us`);
 * - a zone's area passes the zone editor's checks (a ring crossing itself is refused, by its path);
 * - actors (not classified) are added when new, never changed; the bundle's settings (timezone,
 *   host state, days of calm) are not taken: `PUT /settings` changes them.
 *
 * A dry run does everything and rolls it back (write-world.ts), saying what it would add and how
 * many findings would change.
 */
import type { Classification } from '../../contract/access.ts';
import type { Agreement, Zone } from '../../domain/model.ts';
import { areaProblems } from '../../domain/area-check.ts';
import { bundleToWorld } from '../../scenario/convert.ts';
import { validateBundleText } from '../../scenario/validate.ts';
import * as accounts from '../../store/account.repository.ts';
import * as actors from '../../store/actor.repository.ts';
import * as agreements from '../../store/agreement.repository.ts';
import * as incidents from '../../store/incident.repository.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import { sameRecord } from '../../store/rows.ts';
import type { Sql } from '../../store/sql.ts';
import * as zones from '../../store/zone.repository.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { affectedByAgreement, affectedByIncidents, affectedByZone } from '../findings/affected-findings.ts';
import { bundleImported } from '../findings/finding-causes.ts';
import { mergeScopes, NOTHING, type RecomputeScope } from '../findings/recompute-findings.ts';
import type { Change } from '../shared/audit.ts';
import { actorView, agreementView, convoyView, operationView, zoneView } from '../shared/views.ts';
import { writeWorld } from '../shared/write-world.ts';
import { IMPORT_PERMISSIONS } from '../../contract/imports.ts';
import { storeNewSite } from '../plans/create-protected-site.ts';
import { announceNotices } from '../shared/deconfliction.ts';
import {
  changedFindings,
  emptyReport,
  type ImportFileInput,
  type ImportReport,
  MAX_PROBLEMS,
  type RecordCounts,
  type RecordKind,
  RowsRefused,
} from './import-report.ts';
import { ownId, readText, storedIds } from './import-records.ts';

export async function importBundle(
  ctx: AppContext,
  caller: Caller | null,
  input: ImportFileInput,
  onProgress?: (p: { rowsWritten: number; rowsTotal: number }) => void,
): Promise<ImportReport> {
  let by = caller;
  for (const p of IMPORT_PERMISSIONS.bundle) by = requirePermission(caller, p);
  const c = by!;
  const v = validateBundleText(await readText(input.open()));
  if (!v.ok) {
    const problems = v.problems.slice(0, MAX_PROBLEMS).map((p) => ({
      line: Number(/^\w+\[(\d+)\]/.exec(p.path)?.[1] ?? 0),
      path: p.path,
      message: p.message,
      statement: p.statement ?? { code: 'problem.other' as const, params: { text: { text: p.message } } },
    }));
    const first = problems[0]!;
    throw new RowsRefused(
      `the bundle has ${v.problems.length.toLocaleString('en-US')} problems, so nothing was imported: ${first.path}: ${first.message}`,
      problems,
      false,
    );
  }
  const world = bundleToWorld(v.bundle);
  refuseBadAreas(world.zones);
  const orgs = (await accounts.listOrgs(ctx.db)).map((o) => o.id);
  const access = { classification: input.classification, ownerOrg: c.orgId };
  const report = emptyReport(input);
  report.rows =
    world.actors.length +
    world.agreements.length +
    world.zones.length +
    world.incidents.length +
    world.protectedSites.length +
    world.operations.length +
    world.convoys.length;

  // What the caller may see stored already; the rest is new, under the caller's organization's ids.
  const seen = await asReader(ctx.db, readerOf(c), async (sql) => ({
    actors: new Map((await actors.list(sql)).map((a) => [a.id, a])),
    agreements: byId(await agreements.list(sql)),
    zones: byId(await zones.list(sql)),
    incidents: byId(
      await incidents.list(
        sql,
        world.incidents.flatMap((i) => storedIds(i.id, c.orgId, orgs)),
      ),
    ),
    sites: byId(await plans.listProtectedSites(sql)),
    operations: byId(await plans.listOperations(sql)),
    convoys: byId(await plans.listConvoys(sql)),
  }));
  const records: RecordCounts[] = [];
  /** The records of a kind not stored yet, each under its new id; the others counted. */
  const split = <T extends { id: string }>(kind: RecordKind | 'incidents', next: T[], stored: Map<string, T>): T[] => {
    const counts = { new: 0, unchanged: 0, differing: 0 };
    const fresh: T[] = [];
    for (const r of next) {
      const ids = kind === 'actors' ? [r.id] : storedIds(r.id, c.orgId, orgs);
      const found = ids.map((id) => stored.get(id)).find((s) => s !== undefined);
      if (!found) {
        counts.new++;
        fresh.push(kind === 'actors' ? r : { ...r, id: ownId(r.id, c.orgId) });
      } else if (sameRecord({ ...r, id: found.id }, found)) counts.unchanged++;
      else counts.differing++;
    }
    if (kind === 'incidents') report.incidents = counts;
    else records.push({ kind, ...counts });
    return fresh;
  };
  const fresh = {
    actors: split('actors', world.actors, seen.actors),
    agreements: split('agreements', world.agreements, seen.agreements),
    zones: split('zones', world.zones, seen.zones),
    incidents: split('incidents', world.incidents, seen.incidents),
    sites: split('protected_sites', world.protectedSites, seen.sites),
    operations: split('operations', world.operations, seen.operations),
    convoys: split('convoys', world.convoys, seen.convoys),
  };
  report.records = records;
  report.actorsNew = fresh.actors.map((a) => a.id);
  const total = Object.values(fresh).reduce((n, list) => n + list.length, 0);
  if (!input.dryRun) onProgress?.({ rowsWritten: 0, rowsTotal: total });
  if (total > 0) {
    const written = await writeWorld(ctx, c, (tx) => writeBundle(tx, c, fresh, access, v.bundle.name), {
      dryRun: input.dryRun,
    });
    report.findingsChanged = changedFindings(written.findings);
    if (!input.dryRun) announceNotices(ctx, written.value);
  }
  if (!input.dryRun) onProgress?.({ rowsWritten: total, rowsTotal: total });
  report.written = !input.dryRun;
  return report;
}

const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));

/**
 * The checks of an area drawn in the zone editor (domain/area-check.ts: enough distinct points, no
 * ring crossing itself, holes inside their ring, parts apart), every problem named by its path in
 * the bundle. A bundle may hold a world other than Syria: positions are held to the world's extent
 * only.
 */
function refuseBadAreas(list: readonly Zone[]): void {
  const problems = list.flatMap((z, i) =>
    areaProblems(z.geometry, { extent: null }).map((p) => ({
      line: i,
      path: `zones[${i}].geometry${p.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`,
      message: p.message,
      statement: p.statement,
    })),
  );
  if (problems.length === 0) return;
  const first = problems[0]!;
  throw new RowsRefused(
    `the bundle has ${problems.length.toLocaleString('en-US')} problems, so nothing was imported: ${first.path}: ${first.message}`,
    problems.slice(0, MAX_PROBLEMS),
    false,
  );
}

type World = ReturnType<typeof bundleToWorld>;
interface Fresh {
  actors: World['actors'];
  agreements: Agreement[];
  zones: Zone[];
  incidents: World['incidents'];
  sites: World['protectedSites'];
  operations: World['operations'];
  convoys: World['convoys'];
}

/** The new records written, each audited under the classification chosen; the findings they can affect named. */
async function writeBundle(
  tx: Sql,
  by: Caller,
  fresh: Fresh,
  access: { classification: Classification; ownerOrg: string },
  name: string,
) {
  const audit: Change[] = [];
  const meta = access;
  const created = (entity: string, entityId: string, after: unknown): Change => ({
    action: 'create',
    entity,
    entityId,
    ...meta,
    after,
  });
  let scope: RecomputeScope = NOTHING;

  // Actors are not classified: their ids are the bundle's, and one stored meanwhile is left as it is.
  const added = new Set(await actors.insertNew(tx, fresh.actors));
  for (const a of fresh.actors) if (added.has(a.id)) audit.push(created('actor', a.id, actorView(a)));

  for (const g of fresh.agreements) {
    const record: agreements.AgreementRecord = {
      ...g,
      ...meta,
      coChairs: [],
      clauses: g.clauses.map((clause) => ({ ...clause, ...meta })),
    };
    await agreements.upsert(tx, record);
    audit.push(created('agreement', g.id, agreementView(record)));
    scope = mergeScopes(scope, await affectedByAgreement(tx, g, undefined));
  }
  for (const z of fresh.zones) {
    const record: zones.ZoneRecord = {
      ...z,
      ...meta,
      control: z.control.map((e) => ({ ...e, source: null, confidence: null })),
    };
    await zones.upsert(tx, record);
    audit.push(created('zone', z.id, zoneView(record)));
    scope = mergeScopes(scope, await affectedByZone(tx, z, undefined));
  }
  const inserted = await incidents.insertNew(tx, fresh.incidents, undefined, access);
  if (inserted.length > 0) {
    audit.push({
      action: 'import',
      entity: 'incidents',
      entityId: 'bundle',
      ...meta,
      after: { source: 'bundle', incidents: inserted },
    });
    scope = mergeScopes(scope, affectedByIncidents(inserted.map((id) => ({ id }))));
  }
  const notices = new Set<string>();
  for (const s of fresh.sites) {
    const site = { ...s, ...meta };
    if (!(await plans.insertProtectedSite(tx, site))) continue;
    const stored = await storeNewSite(tx, site);
    audit.push(stored.audit);
    stored.notices.forEach((n) => notices.add(n));
  }
  for (const o of fresh.operations) {
    const operation = { ...o, ...meta, withdrawnAt: null };
    if (await plans.insertOperation(tx, operation)) audit.push(created('operation', o.id, operationView(operation)));
  }
  for (const cv of fresh.convoys) {
    const convoy = { ...cv, ...meta };
    if (await plans.insertConvoy(tx, convoy)) audit.push(created('convoy', cv.id, convoyView(convoy)));
  }
  return {
    value: [...notices],
    audit,
    recompute: { scope, cause: bundleImported(name, by), subject: { entity: 'bundle', id: name } },
  };
}
