/**
 * Local agreements (reconciliations, surrender and evacuation deals) and their evacuations: the
 * timeline, one agreement, and the writes (local_agreement:manage). An agreement the reader may
 * not see is not found and in no list; its evacuations are seen with it only.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { changeEvacuation } from '../../app/local-agreements/change-evacuation.ts';
import { changeLocalAgreement } from '../../app/local-agreements/change-local-agreement.ts';
import { getLocalAgreement } from '../../app/local-agreements/get-local-agreement.ts';
import { listLocalAgreements } from '../../app/local-agreements/list-local-agreements.ts';
import { evacuationView } from '../../app/local-agreements/local-agreement-access.ts';
import { recordEvacuation } from '../../app/local-agreements/record-evacuation.ts';
import { recordLocalAgreement } from '../../app/local-agreements/record-local-agreement.ts';
import { errorResponses, idParams } from '../schemas.ts';
import {
  agreementBody,
  agreementPatchBody,
  evacuationBody,
  evacuationOut,
  evacuationParams,
  evacuationPatchBody,
  listQuery,
  localAgreementJson,
  localAgreementOut,
  toAgreementChange,
  toAgreementInput,
  toEvacuationChange,
  toEvacuationInput,
} from './local-agreements.schemas.ts';
import { z } from 'zod';

export const localAgreementsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['local agreements'];

  app.get(
    '/local-agreements',
    {
      schema: {
        tags,
        summary: 'Local agreements with their evacuations, by the day they were concluded (of one zone when asked)',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(localAgreementOut) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listLocalAgreements(ctx, request.caller, { zone: request.query.zone })).map(localAgreementJson),
    }),
  );

  app.get(
    '/local-agreements/:id',
    {
      schema: {
        tags,
        summary: 'A local agreement with its parties and evacuations',
        params: idParams,
        response: { 200: localAgreementOut, ...errorResponses },
      },
    },
    async (request) => localAgreementJson(await getLocalAgreement(ctx, request.caller, request.params.id)),
  );

  app.post(
    '/local-agreements',
    {
      schema: {
        tags,
        summary:
          'Record a local agreement for a zone, and the change of control that followed it (local_agreement:manage)',
        body: agreementBody,
        response: { 201: localAgreementOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(localAgreementJson(await recordLocalAgreement(ctx, request.caller, toAgreementInput(request.body)))),
  );

  app.patch(
    '/local-agreements/:id',
    {
      schema: {
        tags,
        summary: 'Change a local agreement: what is given changes (local_agreement:manage)',
        params: idParams,
        body: agreementPatchBody,
        response: { 200: localAgreementOut, ...errorResponses },
      },
    },
    async (request) =>
      localAgreementJson(
        await changeLocalAgreement(ctx, request.caller, request.params.id, toAgreementChange(request.body)),
      ),
  );

  app.post(
    '/local-agreements/:id/evacuations',
    {
      schema: {
        tags,
        summary: 'Record an evacuation under the agreement (local_agreement:manage)',
        params: idParams,
        body: evacuationBody,
        response: { 201: evacuationOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          evacuationView(
            await recordEvacuation(ctx, request.caller, request.params.id, toEvacuationInput(request.body)),
          ),
        ),
  );

  app.patch(
    '/local-agreements/:id/evacuations/:evacuationId',
    {
      schema: {
        tags,
        summary: 'Change an evacuation: its status, days, figures, places (local_agreement:manage)',
        params: evacuationParams,
        body: evacuationPatchBody,
        response: { 200: evacuationOut, ...errorResponses },
      },
    },
    async (request) =>
      evacuationView(
        await changeEvacuation(
          ctx,
          request.caller,
          request.params.id,
          request.params.evacuationId,
          toEvacuationChange(request.body),
        ),
      ),
  );
};
