/** How a user's own email settings look in requests and responses. */
import { z } from 'zod';
import { EMAIL_KINDS, LANGUAGES } from '../../contract/email.ts';
import type { EmailSettingsView } from '../../app/email/get-email-settings.ts';

export const emailSettingsOut = z
  .object({
    delivery: z
      .boolean()
      .describe('whether this server sends email at all: false when no SMTP server is configured (TRUCE_SMTP_URL)'),
    address: z.string().nullable().describe('where your emails go; null: none'),
    language: z.enum(LANGUAGES).describe('the language Truce writes to you in'),
    kinds: z.array(z.enum(EMAIL_KINDS)).describe('the kinds of email you ask for'),
  })
  .meta({ id: 'EmailSettings' });

export const emailSettingsBody = z.object({
  address: z.string().max(254).nullable().describe('where your emails go; null: none (then ask for no kind)'),
  language: z.enum(LANGUAGES),
  kinds: z
    .array(z.enum(EMAIL_KINDS))
    .max(EMAIL_KINDS.length * 2)
    .describe(
      'the kinds of email you ask for: a humanitarian notification to your organization, one not acknowledged by its deadline, a hotline thread opened to your organization, one escalated to the secretariat',
    ),
});

export const emailSettingsJson = (s: EmailSettingsView): z.infer<typeof emailSettingsOut> => ({
  delivery: s.delivery,
  address: s.address,
  language: s.language,
  kinds: s.kinds,
});
