/** How findings and the state of the truce look in responses, and the queries that ask for them. */
import type { FindingFilter } from '../../contract/lists.ts';
import { z } from 'zod';
import type { TruceState } from '../../app/state/get-truce-state.ts';
import { REASONS, VERDICTS } from '../../domain/findings.ts';
import { formatInstant } from '../../domain/time.ts';
import type { StoredFinding, WithLocalAgreement } from '../../app/findings/by-local-agreement.ts';
import { findingView } from '../../app/shared/views.ts';
import { dateQuery, instantOut, instantQuery, pageQuery, toInstant } from '../schemas.ts';
import { statementSchema } from '../statement-schemas.ts';

const findingShape = {
  key: z.string(),
  kind: z.enum(['incident', 'territory']),
  subject_id: z.string().describe('The incident, or the zone whose control changed'),
  agreement: z.string().nullable(),
  at: instantOut,
  verdict: z.enum(VERDICTS),
  violators: z.array(z.string()),
  reasons: z.array(z.enum(REASONS)),
  rule: z.number(),
  obligation: z.string().nullable(),
  explanation: z.string().describe('Why, in English'),
  statements: z.array(statementSchema).describe("Why, as statements to render in the reader's language"),
  facts: z.record(z.string(), z.unknown()).nullable(),
  rules_version: z.string(),
};
export const localAgreementMentionOut = z
  .object({
    id: z.string(),
    name: z.string(),
    name_ar: z.string().nullable(),
    concluded_on: z.string().describe('The day it was concluded (YYYY-MM-DD)'),
  })
  .meta({ id: 'LocalAgreementMention' });
export const findingOut = z
  .object({
    ...findingShape,
    by_local_agreement: localAgreementMentionOut
      .nullable()
      .describe(
        'A territory finding: the local agreement its change of control came by (one you may see); null for none, and for an incident finding',
      ),
  })
  .meta({ id: 'Finding' });

/** A finding as the API shows it, with the local agreement a change of control came by. */
export const findingJson = (f: WithLocalAgreement<StoredFinding>): z.infer<typeof findingOut> => ({
  ...findingView(f),
  by_local_agreement: f.byLocalAgreement && {
    id: f.byLocalAgreement.id,
    name: f.byLocalAgreement.name,
    name_ar: f.byLocalAgreement.nameAr,
    concluded_on: f.byLocalAgreement.concludedOn,
  },
});
export const historyOut = z
  .object({
    ...findingShape,
    computed_at: instantOut,
    superseded_at: instantOut,
    superseded_by_verdict: z
      .enum(VERDICTS)
      .nullable()
      .describe('What replaced it; null when the finding was withdrawn'),
    cause: z
      .string()
      .nullable()
      .describe('Why it was judged again, in English; null when that names a record you may not see'),
    cause_statement: statementSchema.describe('Why it was judged again, as a statement'),
  })
  .meta({ id: 'FindingVersion' });

const dailyCounts = z.array(z.number().int()).describe('One count per date of the window');
const calmDayOut = z.object({
  date: z.string(),
  violations: z.number().int(),
  in_force: z.boolean().describe('The agreement is in force for the whole day; a day it is not is never calm'),
  calm: z.boolean(),
});
const calmOut = z.object({
  agreement: z
    .string()
    .describe(
      'The agreement whose days of calm these are: the one asked for if it has a calm setting, else the default',
    ),
  from: z
    .string()
    .describe("The first day of the calm count: the setting's period, or the window's when the setting has none"),
  to: z.string().describe('The last day of the calm count'),
  days: z.array(calmDayOut.extend({ streak: z.number().int() })).describe('Each day from `from` to `to`'),
  reduced_violence_on: z.string().nullable(),
  threshold_per_day: z.number().describe('A day is calm with at most this many violations'),
  days_required: z.number().describe('Calm days in a row that make reduced violence'),
  window: z
    .array(calmDayOut)
    .describe("Each day of the requested window under the calm rule, over the calm agreement's own violations"),
});

export const stateOut = z
  .object({
    timezone: z.string(),
    window: z.object({
      from: z.string(),
      to: z.string(),
      start: instantOut.describe('The first instant of `from`'),
      end: instantOut.describe('The first instant after `to` (exclusive)'),
    }),
    agreement: z.string().nullable().describe('The agreement every figure covers; null: every agreement'),
    dates: z.array(z.string()).describe('The local dates of the window, in order'),
    verdicts: z
      .object({ violation: z.number(), needs_review: z.number(), permitted: z.number(), not_covered: z.number() })
      .describe('Findings of the window by verdict'),
    needs_review: z.number().describe('The review queue: findings of the window waiting for review'),
    violations: z.object({ total: z.number().int(), days: dailyCounts }).describe('Violation findings of the window'),
    by_agreement: z.array(z.object({ agreement: z.string(), total: z.number().int(), days: dailyCounts })),
    by_area: z.array(
      z.object({
        pcode: z.string().nullable().describe('OCHA admin 1; null: outside every governorate'),
        name_en: z.string().nullable(),
        name_ar: z.string().nullable(),
        total: z.number().int(),
        days: dailyCounts,
      }),
    ),
    by_violator: z
      .array(
        z.object({
          actor: z.string().nullable().describe('null: no violator named'),
          total: z.number().int(),
          days: dailyCounts,
        }),
      )
      .describe('A violation with several violators counts under each'),
    calm: calmOut.nullable(),
  })
  .meta({ id: 'TruceState' });

export const listQuery = pageQuery.extend({
  kind: z.enum(['incident', 'territory']).optional(),
  agreement: z.string().max(200).optional(),
  verdict: z.enum(VERDICTS).optional(),
  violator: z.string().max(200).optional(),
  actor: z
    .string()
    .max(200)
    .optional()
    .describe('Findings naming this actor: a violator, or one who gained or lost control in a change of control'),
  subject: z.string().max(200).optional().describe('The incident or zone judged'),
  from: instantQuery.describe('At or after this instant'),
  to: instantQuery.describe('Before this instant'),
  sort: z.enum(['at', '-at']).default('at'),
});

export const toFilter = (q: z.infer<typeof listQuery>): FindingFilter => ({
  kind: q.kind,
  agreement: q.agreement,
  verdict: q.verdict,
  violator: q.violator,
  actor: q.actor,
  subject: q.subject,
  from: toInstant(q.from),
  to: toInstant(q.to),
});

export const keyParams = z.object({ key: z.string().min(1).max(500) });
export const findingHistoryOut = z.object({
  key: z.string(),
  current: findingOut.nullable(),
  history: z.array(historyOut),
});

export const stateQuery = z.object({
  from: dateQuery.describe('First local day of the window (YYYY-MM-DD); 29 days before `to` by default'),
  to: dateQuery.describe('Last local day of the window; today by default'),
  agreement: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Count only findings of this agreement; every agreement by default'),
});

/** The state as the API shows it (snake_case, instants as ISO text). */
export function stateView(s: TruceState) {
  const calmDay = (d: { date: string; violations: number; inForce: boolean; calm: boolean }) => ({
    date: d.date,
    violations: d.violations,
    in_force: d.inForce,
    calm: d.calm,
  });
  return {
    timezone: s.timezone,
    window: {
      from: s.window.from,
      to: s.window.to,
      start: formatInstant(s.window.start),
      end: formatInstant(s.window.end),
    },
    agreement: s.agreement,
    dates: s.dates,
    verdicts: s.verdicts,
    needs_review: s.verdicts.needs_review,
    violations: { total: s.violations.total, days: s.violations.days },
    by_agreement: s.violations.byAgreement.map((r) => ({ agreement: r.key, total: r.total, days: r.days })),
    by_area: s.violations.byArea.map((r) => ({
      pcode: r.key,
      name_en: r.nameEn,
      name_ar: r.nameAr,
      total: r.total,
      days: r.days,
    })),
    by_violator: s.violations.byViolator.map((r) => ({ actor: r.key, total: r.total, days: r.days })),
    calm: s.calm && {
      agreement: s.calm.agreement,
      from: s.calm.from,
      to: s.calm.to,
      days: s.calm.days.map((d) => ({ ...calmDay(d), streak: d.streak })),
      reduced_violence_on: s.calm.reducedViolenceOn,
      threshold_per_day: s.calm.thresholdPerDay,
      days_required: s.calm.daysRequired,
      window: s.calm.window.map(calmDay),
    },
  };
}
