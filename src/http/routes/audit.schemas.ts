/** How audit entries look in responses, and the path that names a record. */
import { z } from 'zod';
import type { AuditHistoryEntry } from '../../app/audit/get-audit-history.ts';
import { formatInstant } from '../../domain/time.ts';
import { idParams } from '../schemas.ts';

export const recordParams = z.object({
  entity: z.string().regex(/^[a-z_]{1,40}$/, 'must be a kind of record, e.g. report or incident'),
  id: idParams.shape.id,
});

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    user_id: z.string().nullable(),
    org: z.string().nullable(),
    by: z
      .object({ username: z.string(), display_name: z.string(), org_name: z.string() })
      .nullable()
      .describe('who made the change (null: the system, such as an import or the command line)'),
    action: z
      .string()
      .describe('a code: create, update, delete, link, link-report, unlink, unlink-report, import, sign-in, ...'),
    entity: z.string(),
    entity_id: z.string(),
    classification: z.string(),
    owner_org: z.string().nullable(),
    before: z.unknown().describe('the record before (null when created)'),
    after: z.unknown().describe('the record after (null when deleted)'),
    sealed: z.boolean().describe('appended to the SHA-256 chain (entries are sealed moments after they are written)'),
  })
  .meta({ id: 'AuditEntry' });

export const historyOut = z.object({ items: z.array(auditEntrySchema) });

export const auditEntryJson = (e: AuditHistoryEntry): z.infer<typeof auditEntrySchema> => ({
  seq: e.seq,
  at: formatInstant(e.at),
  user_id: e.userId,
  org: e.orgId,
  by: e.by && { username: e.by.username, display_name: e.by.displayName, org_name: e.by.orgName },
  action: e.action,
  entity: e.entity,
  entity_id: e.entityId,
  classification: e.classification,
  owner_org: e.ownerOrg,
  before: e.before ?? null,
  after: e.after ?? null,
  sealed: e.chainPos !== null,
});
