/**
 * The negotiation room (docs/negotiation.md): rooms and their members, the draft's clauses with
 * every version, the members' positions, proposals to publish with their approvals, the
 * publication itself, acceptances entered from the room, and the draft as a marked PDF. A room
 * shows to its member organizations only: anyone else gets 404 on every path, and no list names it.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app/context.ts';
import { addRoomClause } from '../../app/negotiation/add-room-clause.ts';
import { approvePublication } from '../../app/negotiation/approve-publication.ts';
import { createRoom } from '../../app/negotiation/create-room.ts';
import { editRoomClause } from '../../app/negotiation/edit-room-clause.ts';
import { exportDraft } from '../../app/negotiation/export-draft.ts';
import { getRoom } from '../../app/negotiation/get-room.ts';
import { inviteMember } from '../../app/negotiation/invite-member.ts';
import { listClausePositions, listRoomVersions } from '../../app/negotiation/list-room-history.ts';
import { listRooms } from '../../app/negotiation/list-rooms.ts';
import { proposePublication } from '../../app/negotiation/propose-publication.ts';
import { publishAgreement } from '../../app/negotiation/publish-agreement.ts';
import { recordAcceptance } from '../../app/negotiation/record-acceptance.ts';
import { takePosition } from '../../app/negotiation/take-position.ts';
import { partyInputSchema } from '../../app/shared/inputs.ts';
import { errorResponses } from '../schemas.ts';
import { changed, changedOut } from './agreements.schemas.ts';
import {
  clauseBody,
  clauseJson,
  clauseOut,
  clauseParams,
  exportQuery,
  memberBody,
  positionBody,
  positionJson,
  positionOut,
  publicationBody,
  publicationJson,
  publicationOut,
  publicationParams,
  roomBody,
  roomDetailJson,
  roomDetailOut,
  roomJson,
  roomOut,
  roomParams,
  toClauseInput,
  toPositionInput,
  toPublicationInput,
  versionJson,
  versionOut,
} from './negotiation.schemas.ts';

export const negotiationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['negotiation'];
  const base = '/negotiation-rooms';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The negotiation rooms of the caller's organization (no other is listed)",
        response: { 200: z.object({ items: z.array(roomOut) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await listRooms(ctx, request.caller)).map(roomJson) }),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary:
          "Open a room to draft an agreement (negotiation:write, a co-chair organization's user); its members are the co-chairs",
        body: roomBody,
        response: { 201: roomOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        roomJson(
          await createRoom(ctx, request.caller, {
            title: request.body.title,
            agreementId: request.body.agreement_id,
          }),
        ),
      ),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary:
          'A room: its members, its clauses with their newest versions, where each stands by member (agreed, open, sticking point), and its proposals to publish',
        params: roomParams,
        response: { 200: roomDetailOut, ...errorResponses },
      },
    },
    async (request) => roomDetailJson(await getRoom(ctx, request.caller, request.params.id)),
  );

  app.post(
    `${base}/:id/members`,
    {
      schema: {
        tags,
        summary: 'Invite an organization into the room (negotiation:write, a member co-chair)',
        params: roomParams,
        body: memberBody,
        response: { 200: roomOut, ...errorResponses },
      },
    },
    async (request) => roomJson(await inviteMember(ctx, request.caller, request.params.id, request.body.org)),
  );

  app.get(
    `${base}/:id/versions`,
    {
      schema: {
        tags,
        summary:
          "Every version of the room's clauses, each with the draft's revision it made (to compare two revisions of the draft)",
        params: roomParams,
        response: { 200: z.object({ items: z.array(versionOut) }), ...errorResponses },
      },
    },
    async (request) => ({ items: (await listRoomVersions(ctx, request.caller, request.params.id)).map(versionJson) }),
  );

  app.post(
    `${base}/:id/clauses`,
    {
      schema: {
        tags,
        summary: 'Add a clause to the draft (negotiation:write)',
        params: roomParams,
        body: clauseBody,
        response: { 201: clauseOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(clauseJson(await addRoomClause(ctx, request.caller, request.params.id, toClauseInput(request.body)))),
  );

  app.put(
    `${base}/:id/clauses/:clauseId`,
    {
      schema: {
        tags,
        summary:
          'Edit a clause (negotiation:write): a new version, the earlier kept; a proposal to publish that includes it is voided with its approvals',
        params: clauseParams,
        body: clauseBody,
        response: {
          200: z.object({
            clause: clauseOut,
            voided: z.array(z.string()).describe('The proposals to publish this change voided'),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { clause, voided } = await editRoomClause(
        ctx,
        request.caller,
        request.params.id,
        request.params.clauseId,
        toClauseInput(request.body),
      );
      return { clause: clauseJson(clause), voided };
    },
  );

  app.get(
    `${base}/:id/clauses/:clauseId/versions`,
    {
      schema: {
        tags,
        summary: 'Every version of a clause, oldest first',
        params: clauseParams,
        response: { 200: z.object({ items: z.array(versionOut) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listRoomVersions(ctx, request.caller, request.params.id, request.params.clauseId)).map(versionJson),
    }),
  );

  app.get(
    `${base}/:id/clauses/:clauseId/positions`,
    {
      schema: {
        tags,
        summary: "Every position taken on a clause, oldest first (each member's newest is its position)",
        params: clauseParams,
        response: { 200: z.object({ items: z.array(positionOut) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: (await listClausePositions(ctx, request.caller, request.params.id, request.params.clauseId)).map(
        positionJson,
      ),
    }),
  );

  app.post(
    `${base}/:id/clauses/:clauseId/positions`,
    {
      schema: {
        tags,
        summary:
          "Take your organization's position on a clause (negotiation:write): agreed, open or sticking point, with a comment and proposed wording",
        params: clauseParams,
        body: positionBody,
        response: { 201: z.object({ items: z.array(positionOut) }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        items: (
          await takePosition(
            ctx,
            request.caller,
            request.params.id,
            request.params.clauseId,
            toPositionInput(request.body),
          )
        ).map(positionJson),
      }),
  );

  app.post(
    `${base}/:id/publications`,
    {
      schema: {
        tags,
        summary:
          'Propose to publish exactly these clause versions as the agreement in force (negotiation:write); every co-chair the agreement names must approve it',
        params: roomParams,
        body: publicationBody,
        response: { 201: publicationOut, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          publicationJson(
            await proposePublication(ctx, request.caller, request.params.id, toPublicationInput(request.body)),
          ),
        ),
  );

  app.post(
    `${base}/:id/publications/:publicationId/approve`,
    {
      schema: {
        tags,
        summary: 'Approve a proposal to publish, for your co-chair organization (negotiation:write)',
        params: publicationParams,
        response: { 200: publicationOut, ...errorResponses },
      },
    },
    async (request) =>
      publicationJson(await approvePublication(ctx, request.caller, request.params.id, request.params.publicationId)),
  );

  app.post(
    `${base}/:id/publications/:publicationId/publish`,
    {
      schema: {
        tags,
        summary:
          "Publish an approved proposal as the agreement in force (negotiation:write); 409 naming who has not approved. The agreement's findings are judged again, the publication their cause",
        params: publicationParams,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) =>
      changed(await publishAgreement(ctx, request.caller, request.params.id, request.params.publicationId)),
  );

  app.post(
    `${base}/:id/acceptances`,
    {
      schema: {
        tags,
        summary:
          "Record a party's acceptance of the room's agreement (negotiation:write): when, the channel, the caveats; its findings are judged again",
        params: roomParams,
        body: partyInputSchema,
        response: { 200: changedOut, ...errorResponses },
      },
    },
    async (request) => changed(await recordAcceptance(ctx, request.caller, request.params.id, request.body)),
  );

  app.get(
    `${base}/:id/export.pdf`,
    {
      schema: {
        operationId: 'getNegotiationDraftPdf',
        tags,
        summary:
          "The room's draft as an A4 PDF in the requester's language (Arabic right to left), marked on every page with the recipient's name; audited (503 when Chromium is not installed)",
        params: roomParams,
        querystring: exportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const lang = request.query.lang ?? (/^ar\b/i.test(request.headers['accept-language'] ?? '') ? 'ar' : 'en');
      const { pdf, filename } = await exportDraft(ctx, request.caller, request.params.id, lang);
      return reply
        .type('application/pdf')
        .header('content-language', lang)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(pdf as never);
    },
  );
};
