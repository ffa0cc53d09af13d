/** Local agreements and their evacuations in requests and responses. */
import { z } from 'zod';
import type { EvacuationChange } from '../../app/local-agreements/change-evacuation.ts';
import type { LocalAgreementChange } from '../../app/local-agreements/change-local-agreement.ts';
import {
  agreementView,
  evacuationView,
  type LocalAgreementRead,
  type PartyRecord,
  type PlaceRecord,
} from '../../app/local-agreements/local-agreement-access.ts';
import type { EvacuationInput } from '../../app/local-agreements/record-evacuation.ts';
import type { LocalAgreementInput } from '../../app/local-agreements/record-local-agreement.ts';
import { classificationSchema } from '../../app/shared/inputs.ts';
import { EVACUATION_STATUSES, LOCAL_AGREEMENT_ROLES } from '../../contract/siege.ts';
import { parseInstant } from '../../domain/time.ts';
import { arabicNameText, instantSchema, nameText } from '../../scenario/bundle.schema.ts';
import { arabicNameOut, classified, instantOut } from '../schemas.ts';
import { daySchema } from './besieged.schemas.ts';

const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
// No defaults in what a PATCH takes: Zod gives a default to a field left out even where it is optional.
const sourceText = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .nullable()
  .transform((s) => (s === '' ? null : s))
  .describe('Where it is known from: a document, an outlet, with its date');
const source = sourceText.default(null);
const terms = z.string().max(5000, 'must be at most 5000 characters').describe('The terms, as agreed or as reported');
const changeAt = instantSchema
  .nullable()
  .describe(
    "The change of control of the zone that followed: the instant its new control entry starts (as the zone's control history gives it); null: none recorded",
  );

const partyIn = z
  .object({
    role: z.enum(LOCAL_AGREEMENT_ROLES),
    actor: id.optional().describe('An actor of the world (a party must be one)'),
    name: nameText.trim().min(1, 'must not be empty').optional().describe('A mediator or guarantor who is no actor'),
  })
  .strict()
  .refine((p) => (p.actor === undefined) !== (p.name === undefined), {
    message: 'give either actor or name, one of them',
    path: ['actor'],
  });
const parties = z.array(partyIn).min(1, 'must name at least one party').max(20, 'must have at most 20 items');

const toParty = (p: z.infer<typeof partyIn>): PartyRecord => ({
  role: p.role,
  actor: p.actor ?? null,
  name: p.name ?? null,
});

export const agreementBody = z
  .object({
    name: nameText.trim().min(1, 'must not be empty'),
    name_ar: arabicNameText('name'),
    zone_id: id.describe('The zone it is about'),
    concluded_on: daySchema.describe('The day it was concluded'),
    terms: terms.default(''),
    source,
    control_change_at: changeAt.default(null),
    classification: classificationSchema.default('public'),
    parties: parties.describe('Its parties, and its mediators or guarantors'),
  })
  .strict();

export const toAgreementInput = (b: z.infer<typeof agreementBody>): LocalAgreementInput => ({
  name: b.name,
  nameAr: b.name_ar || null,
  zoneId: b.zone_id,
  concludedOn: b.concluded_on,
  terms: b.terms,
  source: b.source,
  controlChangeAt: b.control_change_at === null ? null : parseInstant(b.control_change_at)!,
  classification: b.classification,
  parties: b.parties.map(toParty),
});

export const agreementPatchBody = z
  .object({
    name: nameText.trim().min(1, 'must not be empty').optional(),
    name_ar: arabicNameText('name'),
    concluded_on: daySchema.optional(),
    terms: terms.optional(),
    source: sourceText.optional(),
    control_change_at: changeAt.optional(),
    parties: parties.optional().describe('The whole list'),
  })
  .strict();

export const toAgreementChange = (b: z.infer<typeof agreementPatchBody>): LocalAgreementChange => ({
  name: b.name,
  nameAr: b.name_ar,
  concludedOn: b.concluded_on,
  terms: b.terms,
  source: b.source,
  controlChangeAt:
    b.control_change_at === undefined
      ? undefined
      : b.control_change_at === null
        ? null
        : parseInstant(b.control_change_at)!,
  parties: b.parties?.map(toParty),
});

const countOf = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(10_000_000, 'must be at most 10000000')
  .nullable();
const count = countOf.default(null);
const peopleIn = z
  .object({
    fighters: count,
    civilians: count,
    wounded: count,
    total: count.describe('Everyone moved, when a source gives only the whole'),
  })
  .strict()
  .describe('People moved, by category; null: not known');
const placeIn = z
  .object({ name: nameText.trim().min(1, 'must not be empty'), name_ar: arabicNameText('name') })
  .strict();
const places = z.array(placeIn).min(1, 'must name at least one place').max(20, 'must have at most 20 items');
const toPlace = (p: z.infer<typeof placeIn>): PlaceRecord => ({ name: p.name, nameAr: p.name_ar || null });

export const evacuationBody = z
  .object({
    status: z.enum(EVACUATION_STATUSES),
    started_on: daySchema.describe('The day it began (or is planned to)'),
    ended_on: daySchema.nullable().default(null),
    people: peopleIn.default({ fighters: null, civilians: null, wounded: null, total: null }),
    origins: places,
    destinations: places,
    source,
    note: z.string().max(2000, 'must be at most 2000 characters').default(''),
  })
  .strict();

export const toEvacuationInput = (b: z.infer<typeof evacuationBody>): EvacuationInput => ({
  status: b.status,
  startedOn: b.started_on,
  endedOn: b.ended_on,
  fighters: b.people.fighters,
  civilians: b.people.civilians,
  wounded: b.people.wounded,
  total: b.people.total,
  origins: b.origins.map(toPlace),
  destinations: b.destinations.map(toPlace),
  source: b.source,
  note: b.note,
});

export const evacuationPatchBody = z
  .object({
    status: z.enum(EVACUATION_STATUSES).optional(),
    started_on: daySchema.optional(),
    ended_on: daySchema.nullable().optional(),
    people: z
      .object({
        fighters: countOf.optional(),
        civilians: countOf.optional(),
        wounded: countOf.optional(),
        total: countOf.optional(),
      })
      .strict()
      .optional()
      .describe('Only the categories given change'),
    origins: places.optional(),
    destinations: places.optional(),
    source: sourceText.optional(),
    note: z.string().max(2000, 'must be at most 2000 characters').optional(),
  })
  .strict();

export const toEvacuationChange = (b: z.infer<typeof evacuationPatchBody>): EvacuationChange => ({
  status: b.status,
  startedOn: b.started_on,
  endedOn: b.ended_on,
  fighters: b.people?.fighters,
  civilians: b.people?.civilians,
  wounded: b.people?.wounded,
  total: b.people?.total,
  origins: b.origins?.map(toPlace),
  destinations: b.destinations?.map(toPlace),
  source: b.source,
  note: b.note,
});

export const listQuery = z.object({ zone: id.optional().describe('The agreements of this zone') });
export const evacuationParams = z.object({ id, evacuationId: id });

const placeOut = z.object({ name: z.string(), name_ar: z.string().nullable() });
export const evacuationOut = z
  .object({
    id: z.string(),
    local_agreement_id: z.string(),
    status: z.enum(EVACUATION_STATUSES),
    started_on: z.string(),
    ended_on: z.string().nullable(),
    people: z.object({
      fighters: z.number().int().nullable(),
      civilians: z.number().int().nullable(),
      wounded: z.number().int().nullable(),
      total: z.number().int().nullable(),
    }),
    origins: z.array(placeOut),
    destinations: z.array(placeOut),
    source: z.string().nullable(),
    note: z.string(),
    recorded_at: instantOut,
    recorded_by: z.string().nullable(),
  })
  .meta({ id: 'Evacuation' });

export const localAgreementOut = z
  .object({
    id: z.string(),
    name: z.string(),
    name_ar: arabicNameOut('name'),
    zone_id: z.string(),
    concluded_on: z.string(),
    terms: z.string(),
    source: z.string().nullable(),
    control_change_at: instantOut.nullable().describe('The change of control of the zone that followed'),
    ...classified,
    parties: z.array(
      z.object({ role: z.enum(LOCAL_AGREEMENT_ROLES), actor: z.string().nullable(), name: z.string().nullable() }),
    ),
    evacuations: z.array(evacuationOut),
  })
  .meta({ id: 'LocalAgreement' });

export const localAgreementJson = (g: LocalAgreementRead): z.infer<typeof localAgreementOut> => ({
  ...agreementView(g),
  evacuations: g.evacuations.map(evacuationView),
});
