/**
 * The scenario bundle format `truce-scenario/1` (shared/spec/scenario.md) as Zod schemas. The
 * same schemas type the CLI and the server's input; `validateBundle` adds the checks that need
 * the whole document (references, duplicate ids, interval order).
 */
import { z } from 'zod';
import { ACTOR_KINDS, ACTS, CIVILIAN_TARGETS, OBLIGATION_CODES } from '../domain/model.ts';
import { isCalendarDate, isTimeZoneName, parseInstant, parseOffset } from '../domain/time.ts';

export const BUNDLE_FORMAT = 'truce-scenario/1';

const id = z.string().min(1, 'must not be empty');
const text = z.string();

/** The longest name or title taken, English or Arabic. */
export const NAME_MAX_LENGTH = 200;
/** A record's name or title as people read it. */
export const nameText = text.max(NAME_MAX_LENGTH, `must be at most ${NAME_MAX_LENGTH} characters`);
/** A name in Arabic beside the English one, with the same limits: optional (absent, null or empty: none). */
export const arabicNameText = (of: string) =>
  nameText
    .nullable()
    .optional()
    .describe(`The ${of} in Arabic, for people reading Arabic; absent, null or empty: none (the English one is shown)`);

export const instantSchema = z.string().refine((s) => parseInstant(s) !== null, {
  error: 'must be an ISO 8601 date-time with an offset, e.g. 2016-02-27T00:00:00+02:00',
});

export const intervalSchema = z.object({ from: instantSchema, to: instantSchema.nullable() });
export const openIntervalSchema = z.object({ from: instantSchema, to: instantSchema.nullable().default(null) });

const lon = z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180');
const lat = z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90');
export const positionSchema = z
  .tuple([lon, lat], z.number())
  .refine((p) => p.length <= 3, 'must be [lon, lat]')
  .transform((p) => [p[0], p[1]] as [number, number]);

const ringSchema = z
  .array(positionSchema)
  .min(4, 'a ring needs at least 4 positions')
  .refine(
    (r) => r.length < 4 || (r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]),
    'a ring must end where it starts',
  );

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema });
export const lineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(positionSchema).min(2, 'a line needs at least 2 positions'),
});
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(ringSchema).min(1, 'a polygon needs an outer ring'),
});
export const multiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ringSchema).min(1, 'a polygon needs an outer ring')).min(1),
});
const multiPointSchema = z.object({ type: z.literal('MultiPoint'), coordinates: z.array(positionSchema).min(1) });
const multiLineStringSchema = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(positionSchema).min(2)).min(1),
});

export const areaSchema = z.discriminatedUnion('type', [polygonSchema, multiPolygonSchema], {
  error: 'must be a GeoJSON Polygon or MultiPolygon',
});
export const geometrySchema = z.discriminatedUnion(
  'type',
  [pointSchema, multiPointSchema, lineStringSchema, multiLineStringSchema, polygonSchema, multiPolygonSchema],
  { error: 'must be a GeoJSON geometry (Point, LineString, Polygon, ...)' },
);

export const actorSchema = z.object({
  id,
  name: nameText.optional(),
  name_ar: arabicNameText('name'),
  kind: z.enum(ACTOR_KINDS),
  aliases: z.array(text).default([]),
  designated: z.boolean().default(false),
});

export const partySchema = z.object({
  actor: id,
  accepted_at: instantSchema,
  until: instantSchema.nullable().default(null),
  channel: text.nullable().default(null),
  caveats: z.array(text).default([]),
});

export const clauseSchema = z.object({
  code: z.enum(OBLIGATION_CODES),
  text,
  acts: z.array(z.enum(ACTS)).default([]),
});

export const agreementSchema = z.object({
  id,
  title: nameText.default(''),
  title_ar: arabicNameText('title'),
  in_force: z.array(intervalSchema),
  scope: areaSchema.nullable().default(null),
  parties: z.array(partySchema).default([]),
  excluded: z.array(id).default([]),
  prohibited: z.array(z.enum(ACTS)).default([]),
  self_defense: z.boolean().default(false),
  clauses: z.array(clauseSchema).default([]),
});

export const controlEntrySchema = z.object({
  actors: z.array(id),
  from: instantSchema,
  to: instantSchema.nullable().default(null),
});

export const zoneSchema = z.object({
  id,
  name: nameText.default(''),
  name_ar: arabicNameText('name'),
  geometry: areaSchema,
  control: z.array(controlEntrySchema).default([]),
});

export const targetSchema = z.union(
  [z.object({ civilian: z.enum(CIVILIAN_TARGETS) }).strict(), z.object({ actor: id }).strict(), z.null()],
  { error: 'must be {"civilian": kind}, {"actor": id} or null' },
);

export const incidentSchema = z.object({
  id,
  occurred_at: instantSchema,
  location: z.object({ lon, lat }),
  act: z.enum(ACTS),
  perpetrator: id.nullable().default(null),
  target: targetSchema.default(null),
  self_defense_claim: z.boolean().default(false),
});

export const protectedSiteSchema = z.object({
  id,
  kind: text,
  owner: id,
  geometry: geometrySchema,
  buffer_m: z.number().min(0, 'must be 0 or more'),
  valid: openIntervalSchema,
  notified_to: z.array(id).default([]),
});

export const operationSchema = z.object({
  id,
  actor: id,
  /** Usually one of the acts (air_strike, shelling...); not read by the rules, so free text. */
  kind: text,
  area: geometrySchema,
  radius_m: z.number().min(0, 'must be 0 or more').default(0),
  window: openIntervalSchema,
});

export const convoySchema = z.object({
  id,
  organizer: id,
  route: geometrySchema,
  window: openIntervalSchema,
});

const calendarDate = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');

export const calmSchema = z.object({
  agreement: id,
  from: calendarDate,
  to: calendarDate,
  threshold_per_day: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
  days_required: z.number().int('must be a whole number').min(1, 'must be 1 or more'),
});

export const timezoneSchema = z.string().refine((tz) => parseOffset(tz) !== null || isTimeZoneName(tz), {
  error: 'must be "Z", an offset such as "+03:00", or an IANA zone such as "Asia/Damascus"',
});

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT, { error: `must be "${BUNDLE_FORMAT}"` }),
  name: text.default(''),
  timezone: timezoneSchema.default('Z'),
  host_state: id.nullable().default(null),
  actors: z.array(actorSchema).default([]),
  agreements: z.array(agreementSchema).default([]),
  zones: z.array(zoneSchema).default([]),
  incidents: z.array(incidentSchema).default([]),
  protected_sites: z.array(protectedSiteSchema).default([]),
  operations: z.array(operationSchema).default([]),
  convoys: z.array(convoySchema).default([]),
  calm: calmSchema.nullable().default(null),
});

export type Bundle = z.infer<typeof bundleSchema>;
export type BundleActor = z.infer<typeof actorSchema>;
export type BundleAgreement = z.infer<typeof agreementSchema>;
export type BundleZone = z.infer<typeof zoneSchema>;
export type BundleIncident = z.infer<typeof incidentSchema>;
export type BundleProtectedSite = z.infer<typeof protectedSiteSchema>;
export type BundleOperation = z.infer<typeof operationSchema>;
export type BundleConvoy = z.infer<typeof convoySchema>;
