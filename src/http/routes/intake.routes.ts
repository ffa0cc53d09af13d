/** Text intake: a text or file in, reports drafted for a person to confirm or drop (docs/text-intake.md). */
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireCaller } from '../../app/caller.ts';
import type { AppContext } from '../../app/context.ts';
import { AppError } from '../../app/errors.ts';
import { countCorrections } from '../../app/text-intake/count-corrections.ts';
import { confirmDraft, dropDraft } from '../../app/text-intake/decide-draft.ts';
import { getReportSource } from '../../app/text-intake/get-report-source.ts';
import { getSourceText } from '../../app/text-intake/get-source-text.ts';
import { intakeText } from '../../app/text-intake/intake-text.ts';
import { listSourceTexts } from '../../app/text-intake/list-source-texts.ts';
import { MAIL_MAX_BYTES } from '../../contract/intake.ts';
import { errorResponses, idParams, pageOf, pageRequest, pageResponse } from '../schemas.ts';
import {
  confirmBody,
  correctionsJson,
  correctionsOut,
  decidedOut,
  draftJson,
  intakeBody,
  intakeJson,
  intakeOut,
  mailQuery,
  reportJson,
  reportSourceJson,
  reportSourceOut,
  sourceListQuery,
  sourceSummaryJson,
  sourceSummaryOut,
  toIntakeInput,
} from './intake.schemas.ts';
import { toReportInput } from './reports.schemas.ts';

export const intakeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['intake'];
  app.addHook('onRequest', async (request) => {
    requireCaller(request.caller);
  });

  app.post(
    '/intake',
    {
      schema: {
        operationId: 'intakeText',
        tags,
        summary:
          'Draft reports from a text pasted or a file (plain text, HTML, .eml, a PDF with a text layer: 503 when the server cannot read PDFs): the text kept with its SHA-256 under the classification chosen; a text you may see already (the same hash) gives its drafts back, none new (report:file)',
        body: intakeBody,
        response: { 200: intakeOut, 201: intakeOut, ...errorResponses },
      },
    },
    async (request, reply) => {
      const r = await intakeText(ctx, request.caller, toIntakeInput(request.body));
      return reply.status(r.known ? 200 : 201).send(intakeJson(r));
    },
  );

  app.get(
    '/intake',
    {
      schema: {
        operationId: 'listSourceTexts',
        tags,
        summary:
          'The texts you may see, newest first, with how many of their drafts wait, were confirmed or dropped; waiting=true keeps those with a draft to decide (report:file)',
        querystring: sourceListQuery,
        response: { 200: pageOf(sourceSummaryOut), ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const page = await listSourceTexts(ctx, request.caller, {
        waiting: q.waiting === 'true',
        ...pageRequest(q, ['instant', 'text']),
      });
      return pageResponse(page, sourceSummaryJson);
    },
  );

  // An email as the mail server hands it on (an alias piping to curl, a webhook of a mail service): the
  // message itself as the body, its sender's account the API token's (docs/text-intake.md).
  await app.register(async (mail) => {
    mail.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: MAIL_MAX_BYTES }, (_r, body, done) =>
      done(null, body),
    );
    mail.withTypeProvider<ZodTypeProvider>().post(
      '/intake/mail',
      {
        schema: {
          operationId: 'intakeMail',
          tags,
          summary:
            'Draft reports from an email the mail server posts: the whole message (RFC 5322) as the body, Content-Type message/rfc822, under the classification asked (org by default); the same message again gives its drafts back, none new (report:file)',
          querystring: mailQuery,
          response: { 200: intakeOut, 201: intakeOut, ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new AppError('VALIDATION', 'send the email as the body, with Content-Type message/rfc822', 'body');
        const r = await intakeText(ctx, request.caller, {
          text: null,
          file: null,
          mail: body,
          textDate: null,
          classification: request.query.classification,
        });
        return reply.status(r.known ? 200 : 201).send(intakeJson(r));
      },
    );
  });

  app.get(
    '/intake/corrections',
    {
      schema: {
        operationId: 'countCorrections',
        tags,
        summary:
          'Of the drafts confirmed from the texts you may see, how many were accepted unchanged and how often each field was corrected (report:file)',
        response: { 200: correctionsOut, ...errorResponses },
      },
    },
    async (request) => correctionsJson(await countCorrections(ctx, request.caller)),
  );

  app.get(
    '/reports/:id/source',
    {
      schema: {
        operationId: 'getReportSource',
        tags: ['reports', ...tags],
        summary:
          'The text a report was confirmed from, with the passage it came from; none when it has none or you may not see it',
        params: idParams,
        response: { 200: reportSourceOut, ...errorResponses },
      },
    },
    async (request) => reportSourceJson(await getReportSource(ctx, request.caller, request.params.id)),
  );

  app.get(
    '/intake/:id',
    {
      schema: {
        tags,
        summary: 'A source text and its drafts, with what became of each (report:file)',
        params: idParams,
        response: { 200: intakeOut, ...errorResponses },
      },
    },
    async (request) => {
      return intakeJson({ ...(await getSourceText(ctx, request.caller, request.params.id)), known: true });
    },
  );

  app.post(
    '/intake/drafts/:id/confirm',
    {
      schema: {
        operationId: 'confirmDraft',
        tags,
        summary:
          "Confirm a draft, as drafted or corrected: it is filed as a report under its text's classification, linked to the text (report:file)",
        params: idParams,
        body: confirmBody,
        response: { 200: decidedOut, ...errorResponses },
      },
    },
    async (request) => {
      const { classification: _c, ...input } = toReportInput({ ...request.body, classification: 'org' });
      const r = await confirmDraft(
        ctx,
        request.caller,
        request.params.id,
        input,
        /^Bearer /i.test(request.headers.authorization ?? '') ? 'token' : 'session',
      );
      return { draft: draftJson(r.draft), report: r.report && reportJson(r.report) };
    },
  );

  app.post(
    '/intake/drafts/:id/drop',
    {
      schema: {
        operationId: 'dropDraft',
        tags,
        summary: 'Drop a draft: no report is filed (report:file)',
        params: idParams,
        response: { 200: decidedOut, ...errorResponses },
      },
    },
    async (request) => {
      const r = await dropDraft(ctx, request.caller, request.params.id);
      return { draft: draftJson(r.draft), report: null };
    },
  );
};
