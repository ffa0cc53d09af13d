/**
 * Protected sites imported from a GeoJSON FeatureCollection (docs/imports.md;
 * ingest/geojson/sites-file.ts names the properties). The sites are the `protected_sites` the
 * scenario bundle and `POST /protected-sites` hold (an owner actor, the actors notified, a buffer, a
 * period, a classification), not humanitarian notifications, which are one organization's
 * statement to others with acknowledgements (docs/notifications.md). Checked whole first, as zones
 * are; each new site is then stored as one entered by hand is (create-protected-site.ts: checked at
 * once against the operation notices in force, audited under the classification chosen), all in one
 * transaction; a dry run does it and rolls it back. A site stored already is left as it is.
 */
import { siteRows } from '../../ingest/geojson/sites-file.ts';
import * as plans from '../../store/plan.repository.ts';
import { asReader } from '../../store/reader.ts';
import { sameRecord } from '../../store/rows.ts';
import { type Caller, readerOf, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { storeNewSite } from '../plans/create-protected-site.ts';
import type { Change } from '../shared/audit.ts';
import { announceNotices } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import type { ImportFileInput, ImportReport } from './import-report.ts';
import { ownId, readFeatureFile, storedIds } from './import-records.ts';

export async function importSites(
  ctx: AppContext,
  caller: Caller | null,
  input: ImportFileInput,
  onProgress?: (p: { rowsWritten: number; rowsTotal: number }) => void,
): Promise<ImportReport> {
  const by = requirePermission(caller, 'plan:manage');
  const { rows, orgs, report } = await readFeatureFile(ctx, input, siteRows);

  const counts = { kind: 'protected_sites' as const, new: 0, unchanged: 0, differing: 0 };
  const fresh: plans.SiteRecord[] = [];
  await asReader(ctx.db, readerOf(by), async (sql) => {
    for (const row of rows) {
      let stored: plans.SiteRecord | null = null;
      for (const id of storedIds(row.key, by.orgId, orgs)) if ((stored = await plans.getProtectedSite(sql, id))) break;
      if (!stored) {
        counts.new++;
        fresh.push({
          id: ownId(row.key, by.orgId),
          ...row.record,
          classification: input.classification,
          ownerOrg: by.orgId,
        });
      } else if (sameSite(stored, row.record)) counts.unchanged++;
      else counts.differing++;
    }
  });
  report.records = [counts];
  if (!input.dryRun) onProgress?.({ rowsWritten: 0, rowsTotal: fresh.length });
  if (fresh.length > 0) {
    const { value: notices } = await writeWorld(
      ctx,
      by,
      async (tx) => {
        const audit: Change[] = [];
        const notices = new Set<string>();
        for (const site of fresh) {
          // Stored meanwhile by another import of the same organization: left as it is.
          if (!(await plans.insertProtectedSite(tx, site))) continue;
          const stored = await storeNewSite(tx, site);
          audit.push(stored.audit);
          stored.notices.forEach((n) => notices.add(n));
        }
        return { value: [...notices], audit };
      },
      { dryRun: input.dryRun },
    );
    if (!input.dryRun) announceNotices(ctx, notices);
  }
  if (!input.dryRun) onProgress?.({ rowsWritten: fresh.length, rowsTotal: fresh.length });
  report.written = !input.dryRun;
  return report;
}

/** The same site: what it is, whose, where, its buffer, its period and who was told. */
function sameSite(
  stored: plans.SiteRecord,
  next: Omit<plans.SiteRecord, 'id' | 'classification' | 'ownerOrg'>,
): boolean {
  const facts = (s: typeof next) => ({
    kind: s.kind,
    owner: s.owner,
    geometry: s.geometry,
    bufferM: s.bufferM,
    valid: s.valid,
    notifiedTo: [...s.notifiedTo].sort(),
  });
  return sameRecord(facts(stored), facts(next));
}
