/**
 * The daily report (docs/daily-report.md): its figures, its HTML (the web page's content, or a whole
 * email-ready document), its PDF, and the organization's schedule for sending it by email.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Language } from '../../contract/email.ts';
import type { AppContext } from '../../app/context.ts';
import { getDailyReport } from '../../app/daily-report/get-daily-report.ts';
import { printDailyReport } from '../../app/daily-report/print-daily-report.ts';
import { renderDailyReport } from '../../app/daily-report/render-daily-report.ts';
import { changeReportSchedule, getReportSchedule } from '../../app/daily-report/report-schedules.ts';
import { errorResponses } from '../schemas.ts';
import {
  dailyReportOut,
  dailyReportQuery,
  dailyReportView,
  htmlQuery,
  renderedQuery,
  scheduleIn,
  scheduleOut,
  scheduleView,
  toReportQuery,
} from './daily-report.schemas.ts';

const langOf = (q: { lang?: Language | undefined }, acceptLanguage: string | undefined): Language =>
  q.lang ?? (/^ar\b/i.test(acceptLanguage ?? '') ? 'ar' : 'en');

export const dailyReportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Links in a document that leaves the web app (a PDF, an email) are whole addresses; in the page, paths.
  const base = (request: { protocol: string; host: string }) => `${request.protocol}://${request.host}/`;

  app.get(
    '/daily-report',
    {
      schema: {
        operationId: 'getDailyReport',
        tags: ['daily report'],
        summary:
          'The daily report of a local day and an area: violations beside the day before and the seven before, notable incidents with findings and rulings, deconfliction alerts, convoys, days of calm',
        querystring: dailyReportQuery,
        response: { 200: dailyReportOut, ...errorResponses },
      },
    },
    async (request) => dailyReportView(await getDailyReport(ctx, request.caller, toReportQuery(request.query))),
  );

  app.get(
    '/daily-report/html',
    {
      schema: {
        operationId: 'getDailyReportHtml',
        tags: ['daily report'],
        summary:
          'The daily report as HTML with inline styles: a whole document (as emailed) or its content only (as the web page shows it)',
        querystring: htmlQuery,
        response: { 200: z.string().describe('text/html'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const report = await getDailyReport(ctx, request.caller, toReportQuery(q));
      const lang = langOf(q, request.headers['accept-language']);
      const rendered = renderDailyReport(report, {
        lang,
        linkBase: q.part === 'body' ? '/' : base(request),
        at: ctx.now(),
      });
      return reply
        .type('text/html; charset=utf-8')
        .header('content-language', lang)
        .send(q.part === 'body' ? rendered.body : rendered.html);
    },
  );

  app.get(
    '/daily-report/pdf',
    {
      schema: {
        operationId: 'getDailyReportPdf',
        tags: ['daily report'],
        summary: "The daily report as an A4 PDF, printed by the server's Chromium (503 when Chromium is not installed)",
        querystring: renderedQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const { pdf, filename } = await printDailyReport(ctx, request.caller, toReportQuery(q), {
        lang: langOf(q, request.headers['accept-language']),
        linkBase: base(request),
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${filename}"`)
        .send(pdf as never);
    },
  );

  app.get(
    '/daily-report/schedule',
    {
      schema: {
        operationId: 'getReportSchedule',
        tags: ['daily report'],
        summary: "Your organization's schedule of the daily report by email, and its users who may receive it (admins)",
        response: { 200: scheduleOut, ...errorResponses },
      },
    },
    async (request) => scheduleView(await getReportSchedule(ctx, request.caller)),
  );

  app.put(
    '/daily-report/schedule',
    {
      schema: {
        operationId: 'changeReportSchedule',
        tags: ['daily report'],
        summary:
          "Sets your organization's schedule: the local time it is sent each day (the day before's report), its language, edition, area and recipients (admins)",
        body: scheduleIn,
        response: { 200: scheduleOut, ...errorResponses },
      },
    },
    async (request) => {
      const b = request.body;
      return scheduleView(
        await changeReportSchedule(ctx, request.caller, {
          enabled: b.enabled,
          sendAt: b.send_at,
          language: b.language,
          edition: b.edition,
          area: b.area,
          polygon: b.polygon,
          recipients: b.recipients,
        }),
      );
    },
  );
};
