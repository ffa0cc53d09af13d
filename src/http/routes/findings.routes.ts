/** Findings (what the rules concluded, with history) and the state of the truce. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { getFindingHistory } from '../../app/findings/get-finding-history.ts';
import { getTruceState } from '../../app/state/get-truce-state.ts';
import { searchFindings } from '../../app/findings/search-findings.ts';
import { historyView } from '../../app/shared/views.ts';
import { errorResponses, pageOf, pageRequest, pageResponse } from '../schemas.ts';
import {
  findingHistoryOut,
  findingJson,
  findingOut,
  keyParams,
  listQuery,
  stateOut,
  stateQuery,
  stateView,
  toFilter,
} from './findings.schemas.ts';

export const findingsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/findings',
    {
      schema: {
        tags: ['findings'],
        summary:
          'Current findings, by time; a territory finding names the local agreement its change of control came by',
        querystring: listQuery,
        response: { 200: pageOf(findingOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      return pageResponse(
        await searchFindings(ctx, request.caller, toFilter(q), q.sort, pageRequest(q, ['instant', 'text'])),
        findingJson,
      );
    },
  );

  app.get(
    '/findings/:key/history',
    {
      schema: {
        tags: ['findings'],
        summary: 'A finding as it stands and every earlier version, with what replaced it and why',
        params: keyParams,
        response: { 200: findingHistoryOut, ...errorResponses },
      },
    },
    async (request) => {
      const { current, history } = await getFindingHistory(ctx, request.caller, request.params.key);
      return { key: request.params.key, current: current && findingJson(current), history: history.map(historyView) };
    },
  );

  app.get(
    '/state',
    {
      schema: {
        tags: ['findings'],
        summary:
          'The state of the truce over a window of local days and an agreement: findings by verdict, violations per day, by agreement, area and violator, days of calm',
        querystring: stateQuery,
        response: { 200: stateOut, ...errorResponses },
      },
    },
    async (request) => stateView(await getTruceState(ctx, request.caller, request.query)),
  );
};
