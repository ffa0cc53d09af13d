/** How the world's settings look, what changing them holds, and what a change changes. */
import { z } from 'zod';
import type { Settings } from '../../app/settings/get-settings.ts';
import type { CalmFigures, SettingsInput, SettingsWritten } from '../../app/settings/update-settings.ts';
import { isCalendarDate } from '../../domain/time.ts';
import { timezoneSchema } from '../../scenario/bundle.schema.ts';

const calendarDate = z.string().max(10).refine(isCalendarDate, 'must be a date YYYY-MM-DD');
const periodSchema = z
  .object({ from: calendarDate, to: calendarDate })
  .describe('The calendar dates counted, both included, in the world’s timezone');

const calmOut = z.object({
  agreement: z.string(),
  threshold_per_day: z.number().int().describe('A day is calm with at most this many violations'),
  days_required: z.number().int().describe('Calm days in a row that make reduced violence'),
  period: periodSchema
    .nullable()
    .describe('The dates counted (a bundle’s); null: the days the state of the truce is asked for'),
  default: z.boolean().describe('The agreement the state of the truce shows when none is asked for'),
});

export const settingsOut = z
  .object({
    name: z.string(),
    timezone: z.string().describe('The day boundaries: an IANA name such as Asia/Damascus, or a fixed offset'),
    host_state: z.string().nullable().describe('The actor whose consent every convoy needs'),
    calm: z.array(calmOut).describe('The days of calm per agreement, for the agreements you may see'),
  })
  .meta({ id: 'Settings' });

export const settingsJson = (s: Settings): z.infer<typeof settingsOut> => ({
  name: s.name,
  timezone: s.timezone,
  host_state: s.hostState,
  calm: s.calm.map((c) => ({
    agreement: c.agreement,
    threshold_per_day: c.thresholdPerDay,
    days_required: c.daysRequired,
    period: c.period,
    default: c.isDefault,
  })),
});

export const settingsBody = z.object({
  timezone: timezoneSchema.describe('An IANA name such as Asia/Damascus'),
  host_state: z.string().min(1).max(200).nullable().describe('An actor, or null for none'),
  calm: z
    .array(
      z.object({
        agreement: z.string().min(1).max(200),
        threshold_per_day: z.number().int('must be a whole number').min(0, 'must be 0 or more').max(100_000),
        days_required: z.number().int('must be a whole number').min(1, 'must be 1 or more').max(3_660),
        period: periodSchema.nullable().optional().describe('Left out: kept as it is; null: none'),
      }),
    )
    .max(500)
    .describe('The days of calm of the agreements you may see; one left out is counted no more'),
});

export const settingsInput = (b: z.infer<typeof settingsBody>): SettingsInput => ({
  timezone: b.timezone,
  hostState: b.host_state,
  calm: b.calm.map((c) => ({
    agreement: c.agreement,
    thresholdPerDay: c.threshold_per_day,
    daysRequired: c.days_required,
    period: c.period,
  })),
});

const figuresOut = z
  .object({
    threshold_per_day: z.number().int(),
    days_required: z.number().int(),
    period: periodSchema.nullable(),
    longest_run: z.number().int().nullable().describe('The longest run of calm days in the period; null: no period'),
    reduced_violence_on: z.string().nullable(),
  })
  .nullable()
  .describe('null: no days of calm counted');

const figuresJson = (f: CalmFigures | null): z.infer<typeof figuresOut> =>
  f && {
    threshold_per_day: f.thresholdPerDay,
    days_required: f.daysRequired,
    period: f.period,
    longest_run: f.longestRun,
    reduced_violence_on: f.reducedViolenceOn,
  };

export const settingsChangedOut = z.object({
  settings: settingsOut,
  changes: z.object({
    timezone: z.object({ before: z.string(), after: z.string() }).nullable(),
    host_state: z.object({ before: z.string().nullable(), after: z.string().nullable() }).nullable(),
    calm: z
      .array(z.object({ agreement: z.string(), before: figuresOut, after: figuresOut }))
      .describe('Each agreement whose days of calm change, as you may see them'),
  }),
  dry_run: z.boolean().describe('true: nothing was saved'),
});

export const settingsChangedJson = (w: {
  value: SettingsWritten;
  dryRun: boolean;
}): z.infer<typeof settingsChangedOut> => ({
  settings: settingsJson(w.value.settings),
  changes: {
    timezone: w.value.changes.timezone,
    host_state: w.value.changes.hostState,
    calm: w.value.changes.calm.map((c) => ({
      agreement: c.agreement,
      before: figuresJson(c.before),
      after: figuresJson(c.after),
    })),
  },
  dry_run: w.dryRun,
});
