/** Besieged and hard-to-reach areas in requests and responses: the dashboard, an area, its figures. */
import { z } from 'zod';
import type { EstimateInput } from '../../app/besieged/add-population-estimate.ts';
import {
  areaView,
  type BesiegedAreaRead,
  deliveryView,
  type EstimateRecord,
  estimateView,
} from '../../app/besieged/besieged-access.ts';
import type { ChangeAreaInput } from '../../app/besieged/change-besieged-area.ts';
import type { BesiegedAreaDetail } from '../../app/besieged/get-besieged-area.ts';
import type { BesiegedDashboard } from '../../app/besieged/list-besieged-areas.ts';
import type { RecordAreaInput } from '../../app/besieged/record-besieged-area.ts';
import type { DeliveryInput } from '../../app/besieged/record-delivery.ts';
import { classificationSchema, zoneAreaSchema } from '../../app/shared/inputs.ts';
import { BESIEGED_STATUSES } from '../../contract/siege.ts';
import type { PopulationAsOf } from '../../domain/siege.ts';
import { isCalendarDate } from '../../domain/time.ts';
import { arabicNameText, nameText } from '../../scenario/bundle.schema.ts';
import { arabicNameOut, classified, dateQuery, geometryOut } from '../schemas.ts';

/** A calendar day, YYYY-MM-DD. */
export const daySchema = z
  .string()
  .refine(isCalendarDate, 'must be a date YYYY-MM-DD that exists')
  .describe('A day, YYYY-MM-DD');
const id = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const sourceText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
  .describe('Who gave the figure or the news: an organization, a document, an outlet, with its date');
const optionalSource = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .nullable()
  .default(null)
  .transform((s) => (s === '' ? null : s));
const note = z.string().max(2000, 'must be at most 2000 characters').default('');

const statusIn = z
  .object({
    status: z.enum(BESIEGED_STATUSES),
    since: daySchema.describe('The day the status began'),
    source: optionalSource,
  })
  .strict();
const besiegerIn = z
  .object({
    actor: id.describe('An actor of the world'),
    since: daySchema.nullable().default(null).describe('Since when it besieges the area (null: not known)'),
  })
  .strict();

export const areaBody = z
  .object({
    name: nameText.trim().min(1, 'must not be empty'),
    name_ar: arabicNameText('name'),
    zone_id: id.optional().describe('The zone whose area it is; or give `geometry`'),
    geometry: zoneAreaSchema.optional().describe('An area of its own (Polygon or MultiPolygon); or give `zone_id`'),
    classification: classificationSchema.default('public'),
    status: statusIn.describe('Its status, from a day'),
    besiegers: z.array(besiegerIn).max(50, 'must have at most 50 items').default([]),
  })
  .strict()
  .refine((b) => (b.zone_id === undefined) !== (b.geometry === undefined), {
    message: 'give either zone_id or geometry, one of them',
    path: ['zone_id'],
  });

export const toAreaInput = (b: z.infer<typeof areaBody>): RecordAreaInput => ({
  name: b.name,
  nameAr: b.name_ar || null,
  zoneId: b.zone_id ?? null,
  geometry: b.geometry ?? null,
  classification: b.classification,
  status: b.status,
  besiegers: b.besiegers,
});

export const areaPatchBody = z
  .object({
    name: nameText.trim().min(1, 'must not be empty').optional(),
    name_ar: arabicNameText('name'),
    status: statusIn.optional().describe('A status from a day; one given for a day already recorded replaces it'),
    besiegers: z.array(besiegerIn).max(50, 'must have at most 50 items').optional().describe('The whole list'),
  })
  .strict();

export const toAreaChange = (b: z.infer<typeof areaPatchBody>): ChangeAreaInput => ({
  name: b.name,
  nameAr: b.name_ar,
  status: b.status,
  besiegers: b.besiegers,
});

const population = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be 0 or more')
  .max(100_000_000, 'must be at most 100000000');

export const estimateBody = z
  .object({
    as_of: daySchema.describe('The day the figure is of'),
    population,
    source: sourceText,
    note,
  })
  .strict();

export const overallEstimateBody = estimateBody
  .extend({
    locations: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(100_000, 'must be at most 100000')
      .nullable()
      .default(null)
      .describe('How many besieged locations it counts'),
    classification: classificationSchema.default('public'),
  })
  .strict();

export const toEstimateInput = (
  b: z.infer<typeof estimateBody> & Partial<Pick<z.infer<typeof overallEstimateBody>, 'locations' | 'classification'>>,
): EstimateInput => ({
  asOf: b.as_of,
  population: b.population,
  locations: b.locations ?? null,
  source: b.source,
  note: b.note,
  classification: b.classification ?? 'public',
});

export const deliveryBody = z
  .object({
    delivered_on: daySchema.describe('The day the aid reached the area'),
    description: z.string().max(2000, 'must be at most 2000 characters').default('').describe('What reached it'),
    source: sourceText,
  })
  .strict();

export const toDeliveryInput = (b: z.infer<typeof deliveryBody>): DeliveryInput => ({
  on: b.delivered_on,
  description: b.description,
  source: b.source,
});

export const dashboardQuery = z.object({
  on: dateQuery.describe(
    'The day to read the areas as of; by default the latest day a figure you may see speaks of (or today)',
  ),
});

export const estimateOut = z
  .object({
    id: z.string(),
    area_id: z.string().nullable().describe('null: every besieged location together'),
    as_of: z.string(),
    population: z.number().int(),
    locations: z.number().int().nullable(),
    source: z.string(),
    note: z.string(),
    ...classified,
    recorded_at: z.string(),
    recorded_by: z.string().nullable(),
  })
  .meta({ id: 'PopulationEstimate' });

export const deliveryOut = z
  .object({
    id: z.string(),
    area_id: z.string(),
    delivered_on: z.string(),
    description: z.string(),
    source: z.string(),
    recorded_at: z.string(),
    recorded_by: z.string().nullable(),
    convoy: z
      .object({
        id: z.string(),
        name: z.string(),
        organizer_org: z.string().describe('The organizing organization (its name is the source)'),
        beneficiaries_reached: z.number().int().nullable(),
      })
      .nullable()
      .describe(
        'The convoy request delivered to a destination inside the area (its source is the organizer), or null: recorded on the area',
      ),
  })
  .meta({ id: 'AreaDelivery' });

const statusOut = z.object({ since: z.string(), status: z.enum(BESIEGED_STATUSES), source: z.string().nullable() });

export const populationOut = z
  .object({
    latest: estimateOut.nullable().describe('The latest estimate on or before the day'),
    previous: estimateOut.nullable().describe('The latest estimate of an earlier day, to compare with'),
    same_day: z.array(estimateOut).describe("Other estimates of the latest one's day (other sources)"),
    trend: z.enum(['up', 'down', 'same']).nullable().describe('latest against previous; null without a previous'),
  })
  .meta({ id: 'PopulationAsOf' });

const areaShape = {
  id: z.string(),
  name: z.string(),
  name_ar: arabicNameOut('name'),
  zone_id: z.string().nullable().describe('The zone whose area it is; null: an area of its own'),
  ...classified,
  geometry: geometryOut.describe("Its area: its own, or its zone's"),
  statuses: z.array(statusOut).describe('Every status, by day'),
  besiegers: z.array(z.object({ actor: z.string(), since: z.string().nullable() })),
};
export const areaOut = z.object(areaShape).meta({ id: 'BesiegedArea' });

export const areaDetailOut = z
  .object({
    ...areaShape,
    estimates: z.array(estimateOut).describe('Every population estimate, every version, by day'),
    deliveries: z.array(deliveryOut).describe('Every delivery, by day'),
  })
  .meta({ id: 'BesiegedAreaDetail' });

export const dashboardOut = z
  .object({
    on: z.string().describe('The day the areas are read as of'),
    items: z.array(
      z.object({
        ...areaShape,
        status: statusOut.nullable().describe('The status on the day'),
        population: populationOut,
        last_delivery: deliveryOut.nullable().describe('The last delivery on or before the day'),
        days_without_delivery: z
          .number()
          .int()
          .nullable()
          .describe('Days from the last delivery to the day, while besieged or hard to reach; null otherwise'),
      }),
    ),
    overall: populationOut.describe('The overall count of every besieged location'),
  })
  .meta({ id: 'BesiegedDashboard' });

export const areaJson = (a: BesiegedAreaRead): z.infer<typeof areaOut> => {
  const { statuses, besiegers, ...rest } = areaView(a);
  return { ...rest, geometry: a.shape as z.infer<typeof geometryOut>, statuses, besiegers };
};

const populationJson = (p: PopulationAsOf<EstimateRecord>): z.infer<typeof populationOut> => ({
  latest: p.latest && estimateView(p.latest),
  previous: p.previous && estimateView(p.previous),
  same_day: p.sameDay.map(estimateView),
  trend: p.trend,
});

export const areaDetailJson = (d: BesiegedAreaDetail): z.infer<typeof areaDetailOut> => ({
  ...areaJson(d.area),
  estimates: d.estimates.map(estimateView),
  deliveries: d.deliveries.map(deliveryView),
});

export const dashboardJson = (d: BesiegedDashboard): z.infer<typeof dashboardOut> => ({
  on: d.on,
  items: d.areas.map((a) => ({
    ...areaJson(a.area),
    status: a.status,
    population: populationJson(a.population),
    last_delivery: a.lastDelivery && deliveryView(a.lastDelivery),
    days_without_delivery: a.daysWithoutDelivery,
  })),
  overall: populationJson(d.overall),
});
