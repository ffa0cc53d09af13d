/** The negotiation room in requests and responses: rooms, clauses and their versions, positions, publications. */
import { z } from 'zod';
import type { ClauseInput } from '../../app/negotiation/clause-input.ts';
import type { RoomDetail } from '../../app/negotiation/get-room.ts';
import type { PublicationInput } from '../../app/negotiation/propose-publication.ts';
import type { PositionInput } from '../../app/negotiation/take-position.ts';
import { LANGUAGES } from '../../contract/email.ts';
import { PUBLICATION_STATES, STANCES } from '../../contract/negotiation.ts';
import { ACTS, OBLIGATION_CODES } from '../../domain/model.ts';
import { parseInstant } from '../../domain/time.ts';
import type * as rooms from '../../app/negotiation/room-access.ts';
import { areaSchema, intervalSchema } from '../../scenario/bundle.schema.ts';
import { instantOut, intervalOut, partyOut } from '../schemas.ts';

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));
const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const roomParams = z.object({ id });
export const clauseParams = z.object({ id, clauseId: id });
export const publicationParams = z.object({ id, publicationId: id });
export const exportQuery = z.object({
  lang: z.enum(LANGUAGES).optional().describe("The PDF's language; by default the request's Accept-Language"),
});

export const roomBody = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    agreement_id: id.describe('The agreement the room drafts (one the caller may see)'),
  })
  .strict();

export const memberBody = z.object({ org: id.describe('The organization invited') }).strict();

export const clauseBody = z
  .object({
    number: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(20, 'must be at most 20 characters')
      .describe('e.g. "3" or "3.b"'),
    title: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    text: z.string().max(20000, 'must be at most 20000 characters'),
    code: z
      .enum(OBLIGATION_CODES)
      .nullable()
      .default(null)
      .describe('The obligation code it has in the agreement once published; null while undecided'),
    acts: z.array(z.enum(ACTS)).max(ACTS.length).default([]).describe('The acts it prohibits once published'),
  })
  .strict();
export const toClauseInput = (b: z.infer<typeof clauseBody>): ClauseInput => ({
  number: b.number,
  title: b.title,
  text: b.text,
  code: b.code,
  acts: [...new Set(b.acts)],
});

export const positionBody = z
  .object({
    stance: z.enum(STANCES),
    comment: z.string().max(5000, 'must be at most 5000 characters').default(''),
    proposed_wording: z
      .string()
      .max(20000, 'must be at most 20000 characters')
      .nullable()
      .default(null)
      .describe('The wording the organization proposes instead; null: none'),
  })
  .strict();
export const toPositionInput = (b: z.infer<typeof positionBody>): PositionInput => ({
  stance: b.stance,
  comment: b.comment,
  proposedWording: b.proposed_wording === '' ? null : b.proposed_wording,
});

export const publicationBody = z
  .object({
    versions: z
      .array(z.object({ clause: id, version: z.number().int().min(1) }).strict())
      .min(1, 'must name at least one clause version')
      .max(500)
      .describe("Exactly the clause versions to publish, each its clause's newest"),
    in_force: z
      .array(intervalSchema)
      .max(50)
      .nullable()
      .default(null)
      .describe("The periods in force once published; null: the agreement's as they are"),
    prohibited: z
      .array(z.enum(ACTS))
      .nullable()
      .default(null)
      .describe("The acts prohibited once published; null: the agreement's as they are"),
    scope: areaSchema
      .nullable()
      .optional()
      .describe("Where it applies once published: an area, or null for everywhere; absent: the agreement's as it is"),
    scope_areas: z
      .array(z.string().min(1, 'must not be empty').max(20, 'must be at most 20 characters'))
      .min(1, 'must name at least one area')
      .max(300)
      .optional()
      .describe(
        'The scope once published as the union of these governorates or districts (OCHA pcodes); instead of `scope`',
      ),
    excluded: z
      .array(id)
      .max(500)
      .nullable()
      .default(null)
      .describe("The excluded groups (actor ids) once published; null: the agreement's as they are"),
  })
  .strict()
  .refine((b) => !(b.scope !== undefined && b.scope_areas !== undefined), {
    message: 'give either scope or scope_areas, not both',
    path: ['scope_areas'],
  });
export const toPublicationInput = (b: z.infer<typeof publicationBody>): PublicationInput => ({
  versions: b.versions,
  inForce:
    b.in_force?.map((f) => ({ from: parseInstant(f.from)!, to: f.to === null ? null : parseInstant(f.to)! })) ?? null,
  prohibited: b.prohibited ? [...new Set(b.prohibited)] : null,
  ...(b.scope_areas ? { scope: { areas: b.scope_areas } } : b.scope !== undefined ? { scope: b.scope } : {}),
  excluded: b.excluded ? [...new Set(b.excluded)] : null,
});

const memberOut = z.object({
  org: z.string(),
  name: z.string(),
  kind: z.string(),
  added_at: instantOut,
  added_by: z.string().nullable(),
});

export const roomOut = z
  .object({
    id: z.string(),
    title: z.string(),
    agreement_id: z.string(),
    created_org: z.string(),
    created_by: z.string().nullable(),
    created_at: instantOut,
    revision: z.number().describe("The draft's newest revision: each clause added or edited is one"),
    members: z.array(memberOut),
  })
  .meta({ id: 'NegotiationRoom' });
export const roomJson = (r: rooms.RoomRecord): z.infer<typeof roomOut> => ({
  id: r.id,
  title: r.title,
  agreement_id: r.agreementId,
  created_org: r.createdOrg,
  created_by: r.createdBy,
  created_at: iso(r.createdAt),
  revision: r.revision,
  members: r.members.map((m) => ({
    org: m.orgId,
    name: m.orgName,
    kind: m.orgKind,
    added_at: iso(m.addedAt),
    added_by: m.addedBy,
  })),
});

export const versionOut = z
  .object({
    clause_id: z.string(),
    version: z.number(),
    revision: z.number().describe("The draft's revision this version made"),
    number: z.string(),
    title: z.string(),
    text: z.string(),
    code: z.enum(OBLIGATION_CODES).nullable(),
    acts: z.array(z.enum(ACTS)),
    author_org: z.string(),
    author: z.string().nullable(),
    at: instantOut,
  })
  .meta({ id: 'RoomClauseVersion' });
export const versionJson = (v: rooms.VersionRecord): z.infer<typeof versionOut> => ({
  clause_id: v.clauseId,
  version: v.version,
  revision: v.revision,
  number: v.number,
  title: v.title,
  text: v.text,
  code: v.code,
  acts: v.acts,
  author_org: v.authorOrg,
  author: v.author,
  at: iso(v.at),
});

export const clauseOut = z
  .object({ id: z.string(), position: z.number(), current: versionOut })
  .meta({ id: 'RoomClause' });
export const clauseJson = (c: rooms.ClauseRecord): z.infer<typeof clauseOut> => ({
  id: c.id,
  position: c.position,
  current: versionJson(c.current),
});

export const positionOut = z
  .object({
    clause_id: z.string(),
    org: z.string(),
    stance: z.enum(STANCES),
    comment: z.string(),
    proposed_wording: z.string().nullable(),
    clause_version: z.number().describe("The clause's version it was taken on"),
    taken_by: z.string().nullable(),
    at: instantOut,
  })
  .meta({ id: 'RoomPosition' });
export const positionJson = (p: rooms.PositionRecord): z.infer<typeof positionOut> => ({
  clause_id: p.clauseId,
  org: p.orgId,
  stance: p.stance,
  comment: p.comment,
  proposed_wording: p.proposedWording,
  clause_version: p.clauseVersion,
  taken_by: p.takenBy,
  at: iso(p.at),
});

export const publicationOut = z
  .object({
    id: z.string(),
    versions: z.array(z.object({ clause: z.string(), version: z.number() })),
    in_force: z.array(intervalOut).nullable(),
    prohibited: z.array(z.enum(ACTS)).nullable(),
    scope: z
      .object({
        everywhere: z.boolean().describe('It applies everywhere once published'),
        areas: z
          .array(z.string())
          .nullable()
          .describe('The governorates and districts (OCHA pcodes) whose union it is; null: an area given otherwise'),
      })
      .nullable()
      .describe("The scope once published; null: the agreement's as it is"),
    excluded: z.array(z.string()).nullable().describe("The excluded groups once published; null: the agreement's"),
    required: z.array(z.string()).describe('The co-chair organizations whose approval it needs'),
    missing: z.array(z.string()).describe('Those that have not approved it (empty once published or voided)'),
    state: z.enum(PUBLICATION_STATES),
    proposed_org: z.string(),
    proposed_by: z.string().nullable(),
    proposed_at: instantOut,
    voided_at: instantOut.nullable(),
    voided_by_clause: z.string().nullable(),
    voided_by_terms: z
      .boolean()
      .describe("Voided by a change to the agreement's scope or excluded groups after it was proposed"),
    published_at: instantOut.nullable(),
    published_by: z.string().nullable(),
    approvals: z.array(
      z.object({
        org: z.string(),
        approved_by: z.string().nullable(),
        approved_at: instantOut,
        voided_at: instantOut.nullable().describe('When a change to one of its clauses voided it'),
      }),
    ),
  })
  .meta({ id: 'RoomPublication' });
export const publicationJson = (
  p: rooms.PublicationRecord & { missing: string[] },
): z.infer<typeof publicationOut> => ({
  id: p.id,
  versions: p.versions,
  in_force: p.inForce?.map((f) => ({ from: iso(f.from), to: isoOrNull(f.to) })) ?? null,
  prohibited: p.prohibited,
  scope: p.scope && { everywhere: p.scope.area === null, areas: p.scopeAreas },
  excluded: p.excluded,
  required: p.requiredOrgs,
  missing: p.missing,
  state: p.state,
  proposed_org: p.proposedOrg,
  proposed_by: p.proposedBy,
  proposed_at: iso(p.proposedAt),
  voided_at: isoOrNull(p.voidedAt),
  voided_by_clause: p.voidedByClause,
  voided_by_terms: p.voidedByTerms,
  published_at: isoOrNull(p.publishedAt),
  published_by: p.publishedBy,
  approvals: p.approvals.map((a) => ({
    org: a.orgId,
    approved_by: a.approvedBy,
    approved_at: iso(a.approvedAt),
    voided_at: isoOrNull(a.voidedAt),
  })),
});

export const roomDetailOut = z
  .object({
    room: roomOut,
    agreement: z.object({
      id: z.string(),
      title: z.string(),
      title_ar: z.string().nullable(),
      everywhere: z.boolean().describe('It applies everywhere (no scope)'),
      excluded: z.array(z.string()).describe('The excluded groups (actor ids)'),
      parties: z
        .array(partyOut)
        .describe('Its parties: each acceptance, when, through which channel, with what caveats, and any withdrawal'),
    }),
    approvers: z.array(z.string()).describe('The co-chair organizations whose approval publishing needs'),
    clauses: z.array(
      z.object({
        clause: clauseOut,
        status: z.enum(STANCES).describe('agreed by every member, a sticking point for one, or open'),
        positions: z.array(z.object({ org: z.string(), position: positionOut.nullable() })),
      }),
    ),
    publications: z.array(publicationOut),
  })
  .meta({ id: 'NegotiationRoomDetail' });
export const roomDetailJson = (d: RoomDetail): z.infer<typeof roomDetailOut> => ({
  room: roomJson(d.room),
  agreement: {
    id: d.agreement.id,
    title: d.agreement.title,
    title_ar: d.agreement.titleAr,
    everywhere: d.agreement.everywhere,
    excluded: d.agreement.excluded,
    parties: d.agreement.parties.map((p) => ({
      actor: p.actor,
      accepted_at: iso(p.acceptedAt),
      until: isoOrNull(p.until),
      channel: p.channel,
      caveats: p.caveats,
    })),
  },
  approvers: d.approvers,
  clauses: d.clauses.map((c) => ({
    clause: clauseJson(c.clause),
    status: c.status,
    positions: c.positions.map((p) => ({ org: p.orgId, position: p.position && positionJson(p.position) })),
  })),
  publications: d.publications.map(publicationJson),
});
