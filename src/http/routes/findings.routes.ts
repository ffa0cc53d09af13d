/** Findings (what the rules concluded, with history) and the state of the truce. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { getFindingHistory } from '../../app/world/get-finding-history.ts';
import { getTruceState } from '../../app/world/get-truce-state.ts';
import { searchFindings } from '../../app/world/search-findings.ts';
import { findingView, historyView } from '../../app/world/views.ts';
import { REASONS, VERDICTS } from '../../domain/findings.ts';
import { errorResponses, pageOf, pageQuery } from '../schemas.ts';
import { statementSchema } from '../statement-schemas.ts';
import { dateQuery, instantOut, instantQuery, pageRequest, pageResponse, toInstant } from './world-schemas.ts';

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
  statements: z.array(statementSchema).describe('Why, as statements to render in the reader\'s language'),
  facts: z.record(z.string(), z.unknown()).nullable(),
  rules_version: z.string(),
};
const findingOut = z.object(findingShape).meta({ id: 'Finding' });
const historyOut = z.object({
  ...findingShape,
  computed_at: instantOut,
  superseded_at: instantOut,
  superseded_by_verdict: z.enum(VERDICTS).nullable().describe('What replaced it; null when the finding was withdrawn'),
  cause: z.string().nullable().describe('Why it was judged again, in English; null when that names a record you may not see'),
  cause_statement: statementSchema.describe('Why it was judged again, as a statement'),
}).meta({ id: 'FindingVersion' });

const calmOut = z.object({
  agreement: z.string(),
  days: z.array(z.object({ date: z.string(), violations: z.number(), calm: z.boolean(), streak: z.number() })),
  reduced_violence_on: z.string().nullable(),
  threshold_per_day: z.number().describe('A day is calm with at most this many violations'),
  days_required: z.number().describe('Calm days in a row that make reduced violence'),
});

const stateOut = z.object({
  timezone: z.string(),
  verdicts: z.object({ violation: z.number(), needs_review: z.number(), permitted: z.number(), not_covered: z.number() }),
  needs_review: z.number().describe('The review queue'),
  window: z.object({ from: z.string(), to: z.string() }),
  violations_per_day: z.array(z.object({ agreement: z.string().nullable(), days: z.array(z.object({ date: z.string(), violations: z.number() })) })),
  calm: calmOut.nullable(),
}).meta({ id: 'TruceState' });

export const findingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/findings', {
    schema: {
      tags: ['findings'], summary: 'Current findings, by time',
      querystring: pageQuery.extend({
        kind: z.enum(['incident', 'territory']).optional(),
        agreement: z.string().max(200).optional(),
        verdict: z.enum(VERDICTS).optional(),
        violator: z.string().max(200).optional(),
        subject: z.string().max(200).optional().describe('The incident or zone judged'),
        from: instantQuery.describe('At or after this instant'),
        to: instantQuery.describe('Before this instant'),
        sort: z.enum(['at', '-at']).default('at'),
      }),
      response: { 200: pageOf(findingOut), ...errorResponses },
    },
  }, async (request) => {
    const { kind, agreement, verdict, violator, subject, from, to, sort } = request.query;
    const filter = { kind, agreement, verdict, violator, subject, from: toInstant(from), to: toInstant(to) };
    return pageResponse(await searchFindings(ctx, request.caller, filter, sort, pageRequest(request.query, ['instant', 'text'])), findingView);
  });

  app.get('/findings/:key/history', {
    schema: {
      tags: ['findings'], summary: 'A finding as it stands and every earlier version, with what replaced it and why',
      params: z.object({ key: z.string().min(1).max(500) }),
      response: { 200: z.object({ key: z.string(), current: findingOut.nullable(), history: z.array(historyOut) }), ...errorResponses },
    },
  }, async (request) => {
    const { current, history } = await getFindingHistory(ctx, request.caller, request.params.key);
    return { key: request.params.key, current: current && findingView(current), history: history.map(historyView) };
  });

  app.get('/state', {
    schema: {
      tags: ['findings'], summary: 'The state of the truce: findings by verdict, the review queue, violations per day, days of calm',
      querystring: z.object({
        from: dateQuery.describe('First local day of the window (YYYY-MM-DD); 29 days before `to` by default'),
        to: dateQuery.describe('Last local day of the window; today by default'),
      }),
      response: { 200: stateOut, ...errorResponses },
    },
  }, async (request) => {
    const s = await getTruceState(ctx, request.caller, request.query);
    return {
      timezone: s.timezone, verdicts: s.verdicts, needs_review: s.needsReview, window: s.window,
      violations_per_day: s.violationsPerDay,
      calm: s.calm && {
        agreement: s.calm.agreement, days: s.calm.days, reduced_violence_on: s.calm.reducedViolenceOn,
        threshold_per_day: s.calm.thresholdPerDay, days_required: s.calm.daysRequired,
      },
    };
  });
};
