/**
 * Zones of control imported from a GeoJSON FeatureCollection (docs/imports.md;
 * ingest/geojson/zones-file.ts names the properties). Checked whole first: a feature with a bad
 * property or an invalid area is refused by its index and path (a ring crossing itself by where),
 * unless the caller asked to repair what can be (`repair`), and then the report lists each repair.
 * Each new zone is then created as the zone editor creates one (save-zone-change.ts: its checks,
 * its audit entry under the classification chosen, the convoy requests along it flagged), all in
 * one transaction, and the findings it can affect are judged again; a dry run does all of it and
 * rolls it back, saying how many findings would change. A zone stored already (by its id, as the
 * caller sees it: import-records.ts) is left as it is: an import never overwrites a zone.
 */
import { asReader } from '../../store/reader.ts';
import { sameRecord } from '../../store/rows.ts';
import * as zones from '../../store/zone.repository.ts';
import { zoneRows } from '../../ingest/geojson/zones-file.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import type { TruceEvent } from '../events.ts';
import { zonesImported } from '../findings/finding-causes.ts';
import { mergeScopes, NOTHING, type RecomputeScope } from '../findings/recompute-findings.ts';
import type { Change } from '../shared/audit.ts';
import { writeWorld } from '../shared/write-world.ts';
import { saveZoneChange } from '../zones/save-zone-change.ts';
import { changedFindings, type ImportFileInput, type ImportReport } from './import-report.ts';
import { ownId, readFeatureFile, storedIds } from './import-records.ts';

export async function importZones(
  ctx: AppContext,
  caller: Caller | null,
  input: ImportFileInput,
  onProgress?: (p: { rowsWritten: number; rowsTotal: number }) => void,
): Promise<ImportReport> {
  const by = requirePermission(caller, 'world:manage');
  const reader = readerOf(by);
  const { rows, orgs, report } = await readFeatureFile(ctx, input, zoneRows);

  // What the caller may see stored already, under any id the zone may have been imported as.
  const counts = { kind: 'zones' as const, new: 0, unchanged: 0, differing: 0 };
  const fresh: (typeof rows)[number][] = [];
  await asReader(ctx.db, reader, async (sql) => {
    for (const row of rows) {
      let stored: zones.ZoneRecord | null = null;
      for (const id of storedIds(row.key, by.orgId, orgs)) if ((stored = await zones.getRecord(sql, id))) break;
      if (!stored) {
        counts.new++;
        fresh.push(row);
      } else if (sameZone(stored, row.record)) counts.unchanged++;
      else counts.differing++;
    }
  });
  report.records = [counts];
  if (!input.dryRun) onProgress?.({ rowsWritten: 0, rowsTotal: fresh.length });
  if (fresh.length > 0) {
    const written = await writeWorld(
      ctx,
      by,
      async (tx) => {
        const audit: Change[] = [];
        const events: TruceEvent[] = [];
        let scope: RecomputeScope = NOTHING;
        for (const row of fresh) {
          const z = row.record;
          const zone: zones.ZoneRecord = {
            id: ownId(row.key, by.orgId),
            name: z.name,
            ...(z.nameAr ? { nameAr: z.nameAr } : {}),
            geometry: z.geometry,
            control: z.control,
            classification: input.classification,
            ownerOrg: by.orgId,
          };
          const change = await saveZoneChange(tx, by, reader, null, zone, 'create');
          audit.push(...change.audit);
          events.push(...(change.events ?? []));
          if (change.recompute) scope = mergeScopes(scope, change.recompute.scope);
        }
        return {
          value: null,
          audit,
          events,
          recompute: {
            scope,
            cause: zonesImported(by),
            subject: { entity: 'zone', id: ownId(fresh[0]!.key, by.orgId) },
          },
        };
      },
      { dryRun: input.dryRun },
    );
    report.findingsChanged = changedFindings(written.findings);
  }
  if (!input.dryRun) onProgress?.({ rowsWritten: fresh.length, rowsTotal: fresh.length });
  report.written = !input.dryRun;
  return report;
}

/** The same zone: its name, area and who held it when (where the file says so is not compared). */
function sameZone(
  stored: zones.ZoneRecord,
  next: {
    name: string;
    nameAr?: string;
    geometry: unknown;
    control: { actors: string[]; from: number; to: number | null }[];
  },
): boolean {
  const facts = (z: typeof next) => ({
    name: z.name,
    nameAr: z.nameAr ?? null,
    geometry: z.geometry,
    control: z.control.map((c) => ({ actors: [...c.actors].sort(), from: c.from, to: c.to })),
  });
  return sameRecord(facts(stored), facts(next));
}
