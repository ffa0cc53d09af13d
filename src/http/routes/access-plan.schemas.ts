/** The monthly access plan in requests and responses (docs/access.md). */
import { z } from 'zod';
import type { AccessPlan } from '../../app/access-plan/get-access-plan.ts';
import type { ConvoyCounts } from '../../app/access-plan/plan-figures.ts';
import { whereJson, whereOut } from '../schemas.ts';

const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
  // The month and the next one must both start within the years the database and Date both take.
  .refine((m) => m >= '1000-01' && m <= '9998-12', 'must be a month from 1000-01 to 9998-12')
  .describe('A calendar month, YYYY-MM, in the world’s timezone');

export const planQuery = z.object({
  month: monthSchema
    .optional()
    .describe('The month; by default the latest month with a convoy request you may see (else this month)'),
});

export const planCsvQuery = planQuery.extend({
  lang: z.enum(['en', 'ar']).optional().describe('The language of headings and names; by default Accept-Language'),
});

const countsShape = {
  planned: z.number().int().describe('Convoy requests submitted for the month (drafts aside)'),
  approved: z.number().int().describe('Approved, wholly or partly (the location not left out)'),
  denied: z.number().int().describe('Denied, or the location left out by a party'),
  awaiting: z.number().int().describe('Awaiting a decision'),
  stopped: z.number().int().describe('Approved and turned back or attacked on the road'),
  delivered: z.number().int(),
  beneficiaries_planned: z.number().int(),
  beneficiaries_reached: z.number().int().describe('Reached by the convoys delivered'),
};
const countsJson = (c: ConvoyCounts) => ({
  planned: c.planned,
  approved: c.approved,
  denied: c.denied,
  awaiting: c.awaiting,
  stopped: c.stopped,
  delivered: c.delivered,
  beneficiaries_planned: c.beneficiariesPlanned,
  beneficiaries_reached: c.beneficiariesReached,
});

export const planOut = z
  .object({
    month: z.string().describe('YYYY-MM'),
    from: z.string().describe('The month’s first instant in the world’s timezone (ISO 8601, UTC)'),
    to: z.string().describe('The next month’s first instant'),
    months: z.array(z.string()).describe('The months with a convoy request you may see, oldest first'),
    locations: z
      .array(
        z.object({
          name: z.string().describe('The destination as the first request names it'),
          names: z.array(z.string()).describe('Every name the requests gave this location, in the order met'),
          by_place: z
            .boolean()
            .describe(
              'True: the populated place of the gazetteer within 2.5 km of the destinations (named in `where.place`), however the requests spell it; false: the destinations of this name',
            ),
          lon: z.number(),
          lat: z.number(),
          where: whereOut,
          ...countsShape,
        }),
      )
      .describe('Per location (a town of the gazetteer, or a name); a request to several counts at each'),
    parties: z.array(
      z.object({
        actor: z.string(),
        asked: z.number().int(),
        approved: z.number().int(),
        approved_with_conditions: z.number().int(),
        denied: z.number().int(),
        undecided: z.number().int(),
        median_response_hours: z.number().nullable().describe('From submission to decision'),
        max_response_hours: z.number().nullable(),
      }),
    ),
    total: z.object(countsShape).describe('Every request of the month, once'),
  })
  .meta({ id: 'AccessPlan' });

const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 10) / 10);

export const planJson = (p: AccessPlan): z.infer<typeof planOut> => ({
  month: p.month,
  from: new Date(p.from).toISOString(),
  to: new Date(p.to).toISOString(),
  months: p.months,
  locations: p.figures.locations.map((l) => ({
    name: l.name,
    names: l.names,
    by_place: l.byPlace,
    lon: l.lon,
    lat: l.lat,
    where: whereJson(l),
    ...countsJson(l),
  })),
  parties: p.figures.parties.map((x) => ({
    actor: x.actor,
    asked: x.asked,
    approved: x.approved,
    approved_with_conditions: x.approvedWithConditions,
    denied: x.denied,
    undecided: x.undecided,
    median_response_hours: hours(x.medianResponseMs),
    max_response_hours: hours(x.maxResponseMs),
  })),
  total: countsJson(p.figures.total),
});
