/** The parties' own positions in requests and responses: seen only by their owner organization and the organizations it names. */
import { z } from 'zod';
import { positionView } from '../../app/positions/position-access.ts';
import type { PositionInput } from '../../app/positions/record-position.ts';
import { POSITION_KINDS } from '../../contract/notices.ts';
import { parseInstant } from '../../domain/time.ts';
import { instantSchema, nameText, pointSchema } from '../../scenario/bundle.schema.ts';
import { instantOut, pageQuery, whereOut } from '../schemas.ts';

const SHARED_ONLY =
  'Seen only by your organization and the organizations you name (the secretariat too only if named).';

const orgId = z.string().min(1, 'must not be empty').max(200);
const recipients = z
  .array(orgId)
  .max(50)
  .describe('The organizations the position is shared with; no one else sees it');
const valid = z
  .object({ from: instantSchema, to: instantSchema.nullable().default(null) })
  .describe('When the position is held; `to` null: until withdrawn');
const buffer = z.number().min(0, 'must be 0 or more').max(50_000, 'must be at most 50000');

export const positionBody = z
  .object({
    name: nameText.min(1, 'must not be empty'),
    kind: z.enum(POSITION_KINDS),
    geometry: pointSchema.describe('Where: a Point'),
    buffer_m: buffer.default(0),
    valid,
    recipients: recipients.default([]),
  })
  .strict()
  .describe(`A position of your organization's. ${SHARED_ONLY}`);

export const positionPatch = z
  .object({
    name: nameText.min(1, 'must not be empty').optional(),
    kind: z.enum(POSITION_KINDS).optional(),
    geometry: pointSchema.optional(),
    buffer_m: buffer.optional(),
    valid: valid.optional(),
    recipients: recipients.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'must change something');

const instant = (text: string): number => parseInstant(text)!;
const period = (v: z.infer<typeof valid>) => ({ from: instant(v.from), to: v.to === null ? null : instant(v.to) });

export const toPositionInput = (b: z.infer<typeof positionBody>): PositionInput => ({
  name: b.name,
  kind: b.kind,
  geometry: b.geometry as PositionInput['geometry'],
  bufferM: b.buffer_m,
  valid: period(b.valid),
  recipients: b.recipients,
});

export const toPositionChange = (b: z.infer<typeof positionPatch>): Partial<PositionInput> => ({
  ...(b.name !== undefined ? { name: b.name } : {}),
  ...(b.kind !== undefined ? { kind: b.kind } : {}),
  ...(b.geometry !== undefined ? { geometry: b.geometry as PositionInput['geometry'] } : {}),
  ...(b.buffer_m !== undefined ? { bufferM: b.buffer_m } : {}),
  ...(b.valid !== undefined ? { valid: period(b.valid) } : {}),
  ...(b.recipients !== undefined ? { recipients: b.recipients } : {}),
});

export const positionsQuery = pageQuery.extend({
  box: z
    .enum(['own', 'shared'])
    .optional()
    .describe("own: your organization's; shared: those shared with it; left out: both"),
});

export const positionOut = z
  .object({
    id: z.string(),
    owner_org: z.string(),
    name: z.string(),
    kind: z.enum(POSITION_KINDS),
    geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) }),
    where: whereOut,
    buffer_m: z.number(),
    valid: z.object({ from: instantOut, to: instantOut.nullable() }),
    recipients: z.array(z.string()),
    created_at: instantOut,
    updated_at: instantOut,
    withdrawn_at: instantOut.nullable(),
  })
  .meta({ id: 'Position', description: SHARED_ONLY });

export const positionJson = positionView;
