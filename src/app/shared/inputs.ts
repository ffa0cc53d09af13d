/**
 * What the API accepts for the world: the bundle's schemas (one schema for the scenario format,
 * the HTTP API and its OpenAPI document), with a classification where a record carries one.
 * The owning organization is always the caller's.
 */
import { CLASSIFICATIONS } from '../../contract/access.ts';
import { CONTROL_CONFIDENCES } from '../../contract/enums.ts';
import { z } from 'zod';
import { areaProblems } from '../../domain/area-check.ts';
import { ACTOR_KINDS, ACTS } from '../../domain/model.ts';
import {
  actorSchema,
  agreementSchema,
  arabicNameText,
  areaSchema,
  clauseSchema,
  controlEntrySchema,
  convoySchema,
  instantSchema,
  intervalSchema,
  nameText,
  operationSchema,
  partySchema,
  protectedSiteSchema,
  zoneSchema,
} from '../../scenario/bundle.schema.ts';

export const classificationSchema = z
  .enum(CLASSIFICATIONS)
  .describe('Who may read it: public, task_force, co_chairs, or org (the owning organization only)');

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

export const newActorSchema = actorSchema.extend({ id });
export type NewActor = z.infer<typeof newActorSchema>;

/** Only the fields given change; an Arabic name given as null or empty is removed. */
export const actorPatchSchema = z
  .object({
    name: nameText.min(1, 'must not be empty').optional(),
    name_ar: arabicNameText('name'),
    kind: z.enum(ACTOR_KINDS).optional(),
    aliases: z.array(z.string()).optional(),
    designated: z.boolean().optional(),
  })
  .strict();
export type ActorPatch = z.infer<typeof actorPatchSchema>;

/** A clause; without a classification it keeps the one of the stored clause it repeats, or is public. */
export const clauseInputSchema = clauseSchema.extend({ classification: classificationSchema.optional() });
export type ClauseInput = z.infer<typeof clauseInputSchema>;

/** An agreement whole (PUT): without a classification a new one is public and a stored one keeps its own. */
export const agreementInputSchema = agreementSchema
  .omit({ id: true })
  .extend({
    classification: classificationSchema.optional(),
    clauses: z.array(clauseInputSchema).default([]),
    co_chairs: z
      .array(id)
      .optional()
      .describe(
        'The co-chair organizations whose approval a ruling needs; without it, a stored agreement keeps its own',
      ),
  })
  .strict();
export type AgreementInput = z.infer<typeof agreementInputSchema>;

/**
 * An agreement's terms (PATCH): only the fields given change (an Arabic title given as null or
 * empty is removed). The scope is an area, or null for everywhere, or the governorates and
 * districts named by their OCHA pcodes (their union).
 */
export const agreementTermsSchema = z
  .object({
    title: nameText.optional(),
    title_ar: arabicNameText('title'),
    in_force: z.array(intervalSchema).optional(),
    scope: areaSchema.nullable().optional(),
    excluded: z.array(id).optional(),
    prohibited: z.array(z.enum(ACTS)).optional(),
    self_defense: z.boolean().optional(),
    co_chairs: z
      .array(id)
      .optional()
      .describe(
        'The co-chair organizations whose approval a ruling on its findings needs; empty: every co-chair organization',
      ),
    scope_areas: z
      .array(z.string().min(1, 'must not be empty'))
      .min(1, 'must name at least one area')
      .optional()
      .describe('The scope as the union of these governorates or districts (OCHA pcodes); instead of `scope`'),
  })
  .strict()
  .refine((t) => !(t.scope !== undefined && t.scope_areas !== undefined), {
    message: 'give either scope or scope_areas, not both',
    path: ['scope_areas'],
  });
export type AgreementTerms = z.infer<typeof agreementTermsSchema>;

export const partyInputSchema = partySchema;
export type PartyInput = z.infer<typeof partyInputSchema>;

export const withdrawalSchema = z.object({ at: instantSchema.describe('When the party withdrew') });

/**
 * A new classified record's id is the server's to choose: a client that could choose it would
 * learn, from a refusal, that a record it may not see holds it (docs/confidentiality.md).
 * Actors are not classified: their ids are the client's.
 */
/**
 * A zone's area as a person draws it: a Polygon or MultiPolygon that also passes the checks of
 * domain/area-check.ts (enough distinct points, no ring crossing itself, holes inside their outer
 * ring, parts apart, every point in Syria), each problem named by its path.
 */
export const zoneAreaSchema = areaSchema.superRefine((area, ctx) => {
  for (const p of areaProblems(area))
    ctx.addIssue({ code: 'custom', message: p.message, path: p.path, params: { statement: p.statement } });
});

const sourceSchema = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .nullable()
  .default(null)
  .transform((s) => (s === '' ? null : s))
  .describe('Who reported it: an outlet, a person, a document');
const confidenceSchema = z
  .enum(CONTROL_CONFIDENCES)
  .nullable()
  .default(null)
  .describe('How sure the analyst is: high, moderate or low');

/** A control entry with where it comes from; the rules read only its actors and times. */
export const controlEntryInputSchema = controlEntrySchema.extend({
  source: sourceSchema,
  confidence: confidenceSchema,
});
export type ControlEntryInput = z.infer<typeof controlEntryInputSchema>;

export const newZoneSchema = zoneSchema
  .omit({ id: true })
  .extend({
    classification: classificationSchema.default('public'),
    geometry: zoneAreaSchema,
    control: z.array(controlEntryInputSchema).default([]),
  })
  .strict();
export type NewZone = z.infer<typeof newZoneSchema>;

/** A zone renamed (PATCH /zones/{id}). */
export const zoneRenameSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters')
      .describe('The name people read the zone by'),
    name_ar: arabicNameText('name').describe(
      'The name in Arabic: left out, kept as it is; null or empty, none (the English one is shown)',
    ),
  })
  .strict();
export type ZoneRename = z.infer<typeof zoneRenameSchema>;

/** A zone's area redrawn (PUT /zones/{id}/geometry). */
export const zoneGeometrySchema = z.object({ geometry: zoneAreaSchema }).strict();
export type ZoneGeometryInput = z.infer<typeof zoneGeometrySchema>;

export const controlHistorySchema = z.object({ control: z.array(controlEntryInputSchema) });
export type ControlHistoryInput = z.infer<typeof controlHistorySchema>;

export const controlChangeSchema = z.object({
  at: instantSchema.describe('When control changed hands'),
  actors: z.array(id).describe('Who holds the zone from then on'),
  to: instantSchema
    .nullable()
    .default(null)
    .describe('When their hold ended, if it has (null: they hold it still, or nobody knows when it ended)'),
  source: sourceSchema,
  confidence: confidenceSchema,
});
export type ControlChangeInput = z.infer<typeof controlChangeSchema>;

/** Plans: the server chooses their ids too. */
export const newSiteSchema = protectedSiteSchema
  .omit({ id: true })
  .extend({ classification: classificationSchema.default('public') })
  .strict();
export type NewSite = z.infer<typeof newSiteSchema>;
export const newOperationSchema = operationSchema
  .omit({ id: true })
  .extend({ classification: classificationSchema.default('public') })
  .strict();
export type NewOperation = z.infer<typeof newOperationSchema>;
export const newConvoySchema = convoySchema
  .omit({ id: true })
  .extend({ classification: classificationSchema.default('public') })
  .strict();
export type NewConvoy = z.infer<typeof newConvoySchema>;
/** A planned operation to check, not stored. */
export const operationCheckSchema = operationSchema.extend({ id: id.default('check') });
export type OperationCheck = z.infer<typeof operationCheckSchema>;
