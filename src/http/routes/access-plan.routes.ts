/**
 * The monthly access plan (docs/access.md): per location and per approving party, the convoys
 * planned, approved and delivered, beneficiaries reached against planned, each party's response
 * times; as JSON for the page, and as HXL-tagged CSV. Derived from the convoy requests the caller
 * may see: a hidden request is not counted.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportAccessPlan, PLAN_CSV_MEDIA_TYPE } from '../../app/access-plan/export-access-plan.ts';
import { getAccessPlan } from '../../app/access-plan/get-access-plan.ts';
import type { AppContext } from '../../app/context.ts';
import { errorResponses } from '../schemas.ts';
import { planCsvQuery, planJson, planOut, planQuery } from './access-plan.schemas.ts';

export const accessPlanRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['convoy requests'];

  app.get(
    '/access-plan',
    {
      schema: {
        tags,
        summary:
          'The monthly access plan: per location and per approving party, convoys planned, approved and delivered, beneficiaries, response times (from the convoy requests you may see)',
        querystring: planQuery,
        response: { 200: planOut, ...errorResponses },
      },
    },
    async (request) => planJson(await getAccessPlan(ctx, request.caller, request.query.month)),
  );

  app.get(
    '/access-plan.csv',
    {
      schema: {
        tags,
        summary: 'The monthly access plan as CSV with a row of HXL hashtags',
        querystring: planCsvQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? (/^ar\b/i.test(request.headers['accept-language'] ?? '') ? 'ar' : 'en');
      const file = await exportAccessPlan(ctx, request.caller, request.query.month, lang);
      return (
        reply
          .type(PLAN_CSV_MEDIA_TYPE)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          // Text as it is, never serialized (its type is not the response schema's).
          .send(file.text as never)
      );
    },
  );
};
