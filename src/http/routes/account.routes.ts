/** Your account's email: the address, the language, the kinds of email you ask for (docs/email.md). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeEmailSettings } from '../../app/email/change-email-settings.ts';
import type { AppContext } from '../../app/context.ts';
import { getEmailSettings } from '../../app/email/get-email-settings.ts';
import { errorResponses } from '../schemas.ts';
import { emailSettingsBody, emailSettingsJson, emailSettingsOut } from './account.schemas.ts';

export const accountRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/account/email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Your email settings, and whether this server sends email at all',
        response: { 200: emailSettingsOut, ...errorResponses },
      },
    },
    async (request) => emailSettingsJson(await getEmailSettings(ctx, request.caller)),
  );

  app.put(
    '/account/email',
    {
      schema: {
        tags: ['auth'],
        summary: 'Set your email address, your language and the kinds of email you ask for (none: no email)',
        description:
          'Each email says only what you may see: its record is read again as you when it is sent, and a record you may not see sends nothing.',
        body: emailSettingsBody,
        response: { 200: emailSettingsOut, ...errorResponses },
      },
    },
    async (request) => emailSettingsJson(await changeEmailSettings(ctx, request.caller, request.body)),
  );
};
