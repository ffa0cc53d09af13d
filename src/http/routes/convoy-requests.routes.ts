/**
 * Convoy requests (docs/access.md): drafted and submitted by a humanitarian organization, decided
 * on by the parties along the route and the host state, given a facilitation letter by the
 * secretariat, dispatched, and ended: arrived and delivered, turned back, or attacked. One route
 * per step; a step out of order answers 409 naming the state.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app/context.ts';
import { listConvoyRepresentatives, setConvoyRepresentative } from '../../app/convoys/convoy-representatives.ts';
import { createConvoyRequest } from '../../app/convoys/create-convoy-request.ts';
import { decideConvoyRequest } from '../../app/convoys/decide-convoy-request.ts';
import { dispatchConvoy } from '../../app/convoys/dispatch-convoy.ts';
import { getConvoyRequest } from '../../app/convoys/get-convoy-request.ts';
import { issueFacilitationLetter } from '../../app/convoys/issue-facilitation-letter.ts';
import { listConvoyRequests } from '../../app/convoys/list-convoy-requests.ts';
import { recordArrival } from '../../app/convoys/record-arrival.ts';
import { recordAttack } from '../../app/convoys/record-attack.ts';
import { recordDelivery } from '../../app/convoys/record-delivery.ts';
import { recordTurnedBack } from '../../app/convoys/record-turned-back.ts';
import { submitConvoyRequest } from '../../app/convoys/submit-convoy-request.ts';
import { updateConvoyRequest } from '../../app/convoys/update-convoy-request.ts';
import { parseInstant } from '../../domain/time.ts';
import { encodeCursor, errorResponses, idParams, pageOf, pageRequest } from '../schemas.ts';
import {
  arriveBody,
  attackBody,
  convoyRequestBody,
  convoyRequestItemJson,
  convoyRequestItemOut,
  convoyRequestJson,
  convoyRequestOut,
  convoyRequestsQuery,
  decisionBody,
  deliveryBody,
  dispatchBody,
  letterBody,
  representativeBody,
  representativeParams,
  representativesOut,
  toConvoyRequestInput,
  toDecisionInput,
  toDeliveryInput,
  toStoppedInput,
  turnBackBody,
} from './convoy-requests.schemas.ts';

const at = (text: string | undefined) => (text === undefined ? undefined : parseInstant(text)!);

export const convoyRequestsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['convoy requests'];
  /** The request again as the caller sees it, after a step. */
  const detail = async (caller: Parameters<typeof getConvoyRequest>[1], id: string) =>
    convoyRequestJson(await getConvoyRequest(ctx, caller, id));

  app.get(
    '/convoy-requests',
    {
      schema: {
        tags,
        summary: "The convoy requests you may see: your organization's, those awaiting its decision, all",
        querystring: convoyRequestsQuery,
        response: { 200: pageOf(convoyRequestItemOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listConvoyRequests(
        ctx,
        request.caller,
        { box: q.box, state: q.state },
        pageRequest(q, ['instant', 'text']),
      );
      return {
        items: page.items.map(convoyRequestItemJson),
        next_cursor: page.next === null ? null : encodeCursor(page.next),
      };
    },
  );

  app.get(
    '/convoy-requests/representatives',
    {
      schema: {
        tags,
        summary: 'Which organization decides for which party on convoy requests',
        response: { 200: representativesOut, ...errorResponses },
      },
    },
    async (request) =>
      (await listConvoyRepresentatives(ctx, request.caller)).map((r) => ({ org: r.orgId, actor: r.actorId })),
  );

  app.put(
    '/convoy-requests/representatives/:org',
    {
      schema: {
        tags,
        summary: 'Set the party an organization decides for on convoy requests (accounts:manage)',
        params: representativeParams,
        body: representativeBody,
        response: { 200: representativesOut, ...errorResponses },
      },
    },
    async (request) =>
      (await setConvoyRepresentative(ctx, request.caller, request.params.org, request.body.actor)).map((r) => ({
        org: r.orgId,
        actor: r.actorId,
      })),
  );

  app.get(
    '/convoy-requests/:id',
    {
      schema: {
        tags,
        summary:
          "One convoy request with its timeline (its organizer's organization, the organizations deciding for a party it asks, the secretariat)",
        params: idParams,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => detail(request.caller, request.params.id),
  );

  app.post(
    '/convoy-requests',
    {
      schema: {
        tags,
        summary: 'Draft a convoy request (convoy:organize)',
        body: convoyRequestBody,
        response: { 201: convoyRequestOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await createConvoyRequest(ctx, request.caller, toConvoyRequestInput(request.body));
      return reply.status(201).send(await detail(request.caller, r.id));
    },
  );

  app.put(
    '/convoy-requests/:id',
    {
      schema: {
        tags,
        summary: 'Write a draft again, whole (its organizer, convoy:organize); 409 once submitted',
        params: idParams,
        body: convoyRequestBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await updateConvoyRequest(ctx, request.caller, request.params.id, toConvoyRequestInput(request.body));
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft: the parties to ask are fixed by the convoy rule (its organizer, convoy:organize)',
        params: idParams,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await submitConvoyRequest(ctx, request.caller, request.params.id);
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/decisions',
    {
      schema: {
        tags,
        summary:
          "A party's decision: approve, deny or approve with conditions (its organization or the secretariat, convoy:decide)",
        params: idParams,
        body: decisionBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await decideConvoyRequest(ctx, request.caller, request.params.id, toDecisionInput(request.body));
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/letter',
    {
      schema: {
        tags,
        summary: 'Record the facilitation letter of an approved request (the secretariat, convoy:facilitate)',
        params: idParams,
        body: letterBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      await issueFacilitationLetter(ctx, request.caller, request.params.id, {
        issuedAt: at(b.issued_at),
        reference: b.reference,
        issuedBy: b.issued_by,
      });
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/dispatch',
    {
      schema: {
        tags,
        summary: 'The convoy leaves (its organizer, convoy:organize)',
        params: idParams,
        body: dispatchBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await dispatchConvoy(ctx, request.caller, request.params.id, {
        at: at(request.body.at),
        trucks: request.body.trucks,
      });
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/arrive',
    {
      schema: {
        tags,
        summary: 'The convoy arrived (its organizer, convoy:organize)',
        params: idParams,
        body: arriveBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await recordArrival(ctx, request.caller, request.params.id, { at: at(request.body.at) });
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/turn-back',
    {
      schema: {
        tags,
        summary:
          'The convoy was turned back (its organizer, convoy:organize); an access incident is recorded with it, linked',
        params: idParams,
        body: turnBackBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await recordTurnedBack(ctx, request.caller, request.params.id, toStoppedInput(request.body));
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/attack',
    {
      schema: {
        tags,
        summary:
          'The convoy was attacked (its organizer, convoy:organize); an access incident is recorded with it, linked',
        params: idParams,
        body: attackBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await recordAttack(ctx, request.caller, request.params.id, {
        ...toStoppedInput(request.body),
        killed: request.body.killed,
      });
      return detail(request.caller, request.params.id);
    },
  );

  app.post(
    '/convoy-requests/:id/deliver',
    {
      schema: {
        tags,
        summary:
          'The delivery, line by line: delivered, removed and by whom; beneficiaries reached (its organizer, convoy:organize)',
        params: idParams,
        body: deliveryBody,
        response: { 200: convoyRequestOut, ...errorResponses },
      },
    },
    async (request) => {
      await recordDelivery(ctx, request.caller, request.params.id, toDeliveryInput(request.body));
      return detail(request.caller, request.params.id);
    },
  );
};
