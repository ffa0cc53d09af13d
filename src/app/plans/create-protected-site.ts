/** POST /protected-sites: a site the parties are told to keep clear of (analysts, and humanitarians for their own organization). */
import { randomUUID } from 'node:crypto';
import { toProtectedSite } from '../../scenario/convert.ts';
import * as plans from '../../store/plan.repository.ts';
import { type Caller, requirePermission } from '../caller.ts';
import type { AppContext } from '../context.ts';
import { exists } from '../errors.ts';
import type { NewSite } from '../shared/inputs.ts';
import { actorRefs, requireAfter, requireKnownActors } from '../shared/references.ts';
import { siteView } from '../shared/views.ts';
import { announceNotices, checkTarget } from '../shared/deconfliction.ts';
import { writeWorld } from '../shared/write-world.ts';
import type { Change } from '../shared/audit.ts';
import type { Sql } from '../../store/sql.ts';

export async function createProtectedSite(
  ctx: AppContext,
  caller: Caller | null,
  input: NewSite,
): Promise<plans.SiteRecord> {
  const by = requirePermission(caller, 'plan:manage');
  const site: plans.SiteRecord = {
    ...toProtectedSite({ ...input, id: `site-${randomUUID()}` }),
    classification: input.classification,
    ownerOrg: by.orgId,
  };
  requireAfter('valid.to', site.valid.from, site.valid.to);
  const { value } = await writeWorld(ctx, by, async (tx) => {
    await requireKnownActors(tx, [{ path: 'owner', id: site.owner }, ...actorRefs('notified_to', site.notifiedTo)]);
    if (!(await plans.insertProtectedSite(tx, site))) throw exists('protected site', site.id, 'id');
    const stored = await storeNewSite(tx, site);
    return { value: { site, notices: stored.notices }, audit: [stored.audit] };
  });
  announceNotices(ctx, value.notices);
  return value.site;
}

/**
 * A site inserted: checked at once against the operation notices in force (docs/deconfliction.md);
 * its audit entry, and the notices it conflicts with (to announce after the commit). Also the
 * GeoJSON import's (app/imports/import-sites.ts).
 */
export async function storeNewSite(tx: Sql, site: plans.SiteRecord): Promise<{ audit: Change; notices: string[] }> {
  const notices = await checkTarget(tx, { kind: 'protected_site', record: site });
  return {
    notices,
    audit: {
      action: 'create',
      entity: 'protected_site',
      entityId: site.id,
      classification: site.classification,
      ownerOrg: site.ownerOrg,
      after: siteView(site),
    },
  };
}
