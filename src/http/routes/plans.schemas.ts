/** How protected sites, planned operations and convoys look in responses, and the queries that list them. */
import type { PlanFilter } from '../../contract/lists.ts';
import { z } from 'zod';
import type { Deconfliction } from '../../app/plans/judge-operation.ts';
import type { OperationCheckResult } from '../../app/plans/check-operation.ts';
import { TARGET_KINDS } from '../../contract/notices.ts';
import { convoyView, operationView } from '../../app/shared/views.ts';
import type { ConvoyResult } from '../../domain/findings.ts';
import {
  classified,
  geometryOut,
  instantOut,
  instantQuery,
  intervalOut,
  pageQuery,
  toInstant,
  whereOut,
} from '../schemas.ts';
import type { OperationRead } from '../../app/plans/create-operation.ts';
import { conflictView, noticeView } from '../../app/notices/notice-views.ts';
import { storedConflictsOut } from './notices.schemas.ts';

export const siteOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    owner: z.string(),
    ...classified,
    geometry: geometryOut,
    buffer_m: z.number(),
    valid: intervalOut,
    notified_to: z.array(z.string()),
  })
  .meta({ id: 'ProtectedSite' });

export const operationOut = z
  .object({
    id: z.string(),
    actor: z.string(),
    kind: z.string(),
    ...classified,
    area: geometryOut,
    radius_m: z.number(),
    window: intervalOut,
    withdrawn_at: instantOut.nullable().describe('A notice withdrawn by its organization: kept, its conflicts closed'),
  })
  .meta({ id: 'Operation' });

export const convoyOut = z
  .object({ id: z.string(), organizer: z.string(), ...classified, route: geometryOut, window: intervalOut })
  .meta({ id: 'Convoy' });

export const deconflictionOut = z
  .object({
    conflicts: z
      .array(z.object({ site: z.string(), clearance_m: z.number(), notified: z.boolean() }))
      .describe('The protected sites you may see that are within their buffer of the operation'),
  })
  .meta({ id: 'Deconfliction' });

export const deconflictionView = (d: Deconfliction) => ({
  conflicts: d.conflicts.map((c) => ({ site: c.site, clearance_m: c.clearanceM, notified: c.notified })),
});

export const operationCheckOut = deconflictionOut
  .extend({
    targets: z
      .array(
        z.object({
          kind: z.enum(TARGET_KINDS),
          id: z.string(),
          name: z.string().nullable().describe('A notification’s or a position’s name; null for a protected site'),
          clearance_m: z.number().int().describe('Metres between the operation’s reach and the target (0: they touch)'),
          notified: z
            .boolean()
            .describe('Whether your organization (or, for a protected site, the operating actor) was told of it'),
        }),
      )
      .describe(
        'What a notice of your organization with this area, radius and window would conflict with: the protected sites, notified sites and movements, and positions you may see, nearest first',
      ),
  })
  .meta({ id: 'OperationCheck' });

export const operationCheckView = (r: OperationCheckResult) => ({
  ...deconflictionView(r),
  targets: r.targets.map((t) => ({
    kind: t.kind,
    id: t.id,
    name: t.name,
    clearance_m: t.clearanceM,
    notified: t.notified,
  })),
});

export const windowQuery = pageQuery.extend({
  from: instantQuery.describe('Planned for some time at or after this instant'),
  to: instantQuery.describe('... and before this one'),
});

export const sitesQuery = pageQuery.extend({
  owner: z.string().max(200).optional(),
  kind: z.string().max(100).optional(),
  from: instantQuery.describe('Valid at some time at or after this instant'),
  to: instantQuery.describe('... and before this one'),
});
export const toSiteFilter = (q: z.infer<typeof sitesQuery>): PlanFilter => ({
  actor: q.owner,
  kind: q.kind,
  from: toInstant(q.from),
  to: toInstant(q.to),
});

export const operationsQuery = windowQuery.extend({
  actor: z.string().max(200).optional(),
  kind: z.string().max(100).optional(),
});
export const toOperationFilter = (q: z.infer<typeof operationsQuery>): PlanFilter => ({
  actor: q.actor,
  kind: q.kind,
  from: toInstant(q.from),
  to: toInstant(q.to),
});

export const convoysQuery = windowQuery.extend({ organizer: z.string().max(200).optional() });
export const toConvoyFilter = (q: z.infer<typeof convoysQuery>): PlanFilter => ({
  actor: q.organizer,
  from: toInstant(q.from),
  to: toInstant(q.to),
});

export const operationDeconflictionOut = z.object({
  operation: operationOut,
  deconfliction: deconflictionOut,
  conflicts: storedConflictsOut,
});
export const operationDeconflictionJson = (o: OperationRead) => ({
  operation: operationView(o.operation),
  deconfliction: deconflictionView(o.deconfliction),
  conflicts: o.conflicts.map(conflictView),
});

export const noticeOut = z
  .object({
    operation: operationOut
      .nullable()
      .describe(
        'Null: its classification hides the operation from you (the secretariat reads who declared it and when)',
      ),
    declared_by: z.string().describe('The organization that declared it'),
    declared_at: instantOut,
    window: intervalOut,
    withdrawn_at: instantOut.nullable(),
    where: whereOut.nullable().describe('Where the operation is planned, for people (null with the operation)'),
    conflicts: storedConflictsOut,
  })
  .meta({ id: 'OperationNotice' });
export const noticeJson = noticeView;

export const convoyApprovalsOut = z.object({
  convoy: convoyOut,
  approvals: z.object({
    required_approvals: z.array(z.string()),
    crosses_excluded: z.array(z.string()),
    zones: z.array(z.string()),
  }),
});
export const convoyApprovalsJson = (c: { convoy: Parameters<typeof convoyView>[0]; approvals: ConvoyResult }) => ({
  convoy: convoyView(c.convoy),
  approvals: {
    required_approvals: c.approvals.requiredApprovals,
    crosses_excluded: c.approvals.crossesExcluded,
    zones: c.approvals.zones,
  },
});
