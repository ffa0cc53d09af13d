/** How audit entries look in responses, and the path that names a record. */
import { z } from 'zod';
import type { AuditHistoryEntry } from '../../app/audit/get-audit-history.ts';
import type { AuditTrailEntry, AuditTrailQuery } from '../../app/audit/list-audit-trail.ts';
import { ACTS, type Act } from '../../domain/model.ts';
import { formatInstant } from '../../domain/time.ts';
import { idParams, instantOut, instantQuery, pageOf, pageQuery, toInstant, whereJson, whereOut } from '../schemas.ts';

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

export const trailQuery = pageQuery.extend({
  user: z.string().min(1).max(64).optional().describe('a username: the changes that user made'),
  org: z.string().min(1).max(64).optional().describe("an organization's id: the changes made by its users"),
  entity: recordParams.shape.entity
    .optional()
    .describe('a kind of record: report, incident, zone, agreement, user, ...'),
  from: instantQuery.describe('written at or after this instant'),
  to: instantQuery.describe('written before this instant'),
});

export const toTrailQuery = (q: z.infer<typeof trailQuery>): AuditTrailQuery => ({
  user: q.user,
  org: q.org,
  entity: q.entity,
  from: toInstant(q.from),
  to: toInstant(q.to),
});

export const trailEntrySchema = auditEntrySchema
  .extend({
    record: z
      .object({
        name: z
          .string()
          .nullable()
          .describe("a headline, a zone's or an actor's name, an agreement's title, a user's name"),
        act: z.enum(ACTS).nullable(),
        at: instantOut.nullable().describe('when an incident occurred, or a report says it did'),
        date_precision: z.number().int().nullable(),
        location: z.object({ lon: z.number(), lat: z.number() }).nullable(),
        where: whereOut.nullable(),
      })
      .nullable()
      .describe('what names the record for people, as you may see it now; null when it is gone or has no name'),
  })
  .meta({ id: 'AuditTrailEntry' });

export const trailOut = pageOf(trailEntrySchema);

export const trailEntryJson = (e: AuditTrailEntry): z.infer<typeof trailEntrySchema> => ({
  ...auditEntryJson(e),
  record: e.record && {
    name: e.record.name,
    // The database's acts are the domain's (a check constraint).
    act: e.record.act as Act | null,
    at: e.record.at === null ? null : formatInstant(e.record.at),
    date_precision: e.record.datePrecision,
    location: e.record.location,
    where: e.record.location && whereJson(e.record.location),
  },
});
